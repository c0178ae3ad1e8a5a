/** @file shards_test.cpp @brief shard_of_id, parse_shard_choice, parse_shard_timeout, read_stub_file, a Searcher over 3 local shards against one index of the same articles (full-precision scores), and a remote shard that is down with and without partial answers. */
#include "common/index/indexing_job.h"
#include "common/index/lexicon.h"
#include "common/index/shards.h"
#include "common/search/searcher.h"
#include "common/util/errors.h"
#include "temp_dir.h"
#include "test_index.h"

#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace khoj;
namespace fs = std::filesystem;

TEST_CASE("shard_of_id is FNV-1a of the id, the same on every machine, and splits ids evenly") {
    CHECK(shard_of_id("dj-2020-03-08-009", 3) == 2);  // FNV-1a 64 of the id, computed independently
    CHECK(shard_of_id("dj-2020-03-08-009", 7) == 0);
    CHECK(shard_of_id("anything", 1) == 0);
    std::vector<int> sizes(3);
    for (int k = 0; k < 3000; ++k) ++sizes[shard_of_id("au-2020-04-" + std::to_string(k), 3)];
    for (int size : sizes) CHECK(std::abs(size - 1000) < 100);
}

TEST_CASE("parse_shard_choice reads K/N and refuses anything else as a usage error") {
    const ShardChoice choice = parse_shard_choice("2/3");
    CHECK(choice.shard == 2);
    CHECK(choice.shards == 3);
    for (const char* bad : {"3/3", "1", "a/b", "0/0", "-1/3", "1/3x", ""}) CHECK_THROWS_AS(parse_shard_choice(bad), UsageError);
}

TEST_CASE("parse_shard_timeout reads seconds as milliseconds, 0 for no limit, and refuses anything else as a usage error") {
    CHECK(parse_shard_timeout("2") == 2000);
    CHECK(parse_shard_timeout("0.5") == 500);
    CHECK(parse_shard_timeout(".25") == 250);
    CHECK(parse_shard_timeout("1.2345") == 1234);  // Xapian counts milliseconds
    CHECK(parse_shard_timeout("0") == 0);           // no limit, as Xapian reads 0
    CHECK(parse_shard_timeout("0.0001") == 1);      // a limit that short is still a limit
    CHECK(parse_shard_timeout("86400") == 86400000);
    for (const char* bad : {"", ".", "-1", "1e3", "2s", "1.2.3", " 2", "86400.5", "99999999999999999999999"})
        CHECK_THROWS_AS(parse_shard_timeout(bad), UsageError);
}

TEST_CASE("read_stub_file resolves shards and lexicons beside the stub") {
    test::TempDir dir;
    dir.write("archive.stub", "# तीन शार्ड\n# khoj-lexicon lexicons/all\nglass s0\nauto /srv/khoj/s1\nremote 10.0.0.3:33333\n");
    const StubFile stub = read_stub_file((dir.path() / "archive.stub").string());
    const std::vector<ShardAddress>& shards = stub.shards;
    REQUIRE(shards.size() == 3);
    CHECK(shards[0].path == (dir.path() / "s0").string());
    CHECK(shards[1].path == "/srv/khoj/s1");
    CHECK(shards[2].remote);
    CHECK(shards[2].name() == "remote 10.0.0.3:33333");
    REQUIRE(stub.lexicons.size() == 1);
    CHECK(stub.lexicons[0] == (dir.path() / "lexicons" / "all").string());
    for (const char* bad : {"remote :xapian-progsrv s0\n", "inmemory\n", "remote host:port\n", "# only a comment\n", "# khoj-lexicon all\n"}) {
        dir.write("bad.stub", bad);
        CHECK_THROWS_AS(read_stub_file((dir.path() / "bad.stub").string()), IndexError);
    }
}

namespace {

// Score of every hit by article id.
std::map<std::string, double> scores_by_id(Searcher& searcher, const std::string& query) {
    SearchRequest request;
    request.query = query;
    request.limit = 50;
    std::map<std::string, double> scores;
    for (const Hit& hit : searcher.search(request).hits) scores[hit.article.id] = hit.score;
    return scores;
}

}  // namespace

TEST_CASE("Searcher::search over a stub of 3 shards scores every article as one index does, to 1e-6") {
    const fs::path corpus = fs::path(KHOJ_SHARED_DIR) / "corpora" / "hindi-covid-2020.jsonl";
    if (!fs::exists(corpus)) return;  // ../shared is absent: nothing to compare on
    test::TempDir dir;
    test::index_file((dir.path() / "one").string(), corpus.string());
    std::ofstream stub(dir.path() / "shards.stub");
    for (int k = 0; k < 3; ++k) {
        test::index_file((dir.path() / ("s" + std::to_string(k))).string(), corpus.string(), std::to_string(k) + "/3");
        stub << "glass s" << k << "\n";
    }
    stub.close();
    Searcher one((dir.path() / "one").string());
    Searcher shards((dir.path() / "shards.stub").string());
    CHECK(shards.database().get_doccount() == one.database().get_doccount());
    std::size_t compared = 0;
    for (const char* query : {"कोरोना", "लॉकडाउन बढ़ाया", "Modi", "police", "tablighi jamaat", "\"प्रवासी मजदूर\"", "anjaam"}) {
        const auto expected = scores_by_id(one, query), got = scores_by_id(shards, query);
        CHECK(got.size() == expected.size());
        for (const auto& [id, score] : got) {
            // Equal scores trade places by docid, so the 50th hit may differ: compare the common ones.
            if (!expected.count(id)) continue;
            CHECK(std::abs(score - expected.at(id)) < 1e-6);
            ++compared;
        }
    }
    CHECK(compared > 250);
}

namespace {

// A port of 127.0.0.1 on which nothing listens: one the system handed out, closed again.
unsigned closed_port() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof address;
    REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&address), size) == 0);
    REQUIRE(getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) == 0);
    close(fd);
    return ntohs(address.sin_port);
}

}  // namespace

TEST_CASE("Searcher over a stub whose remote shard is down: exit-3 error naming it, or with allow_partial the other shards' answer") {
    test::TempDir dir;
    // Shoigu is the second article of shard a: merged docid 3 of two shards, which only the
    // mapping over the shards actually open, (3 - 1) mod 2, puts back in a with its entities.
    const std::vector<Article>& news = test::russia_articles();
    test::write_index((dir.path() / "a").string(), {news[0], news[2]});
    test::write_index((dir.path() / "b").string(), {news[1]});
    const std::string down = "remote 127.0.0.1:" + std::to_string(closed_port());
    write_lexicon({(dir.path() / "a").string(), (dir.path() / "b").string()}, (dir.path() / "lexicon").string());
    dir.write("archive.stub", "glass a\n" + down + "\n# khoj-lexicon lexicon\nglass b\n");
    const std::string stub = (dir.path() / "archive.stub").string();
    CHECK_THROWS_WITH_AS(Searcher{stub}, doctest::Contains(("cannot reach the shard " + down).c_str()), IndexError);

    ShardPolicy partial;
    partial.allow_partial = true;
    Searcher searcher(stub, partial);
    CHECK(searcher.missing_shards() == std::vector<std::string>{down});
    CHECK(searcher.shards_listed() == 3);
    CHECK(searcher.database().get_doccount() == 3);
    SearchRequest request;
    request.query = "शोइगु";
    const SearchResult result = searcher.search(request);
    REQUIRE(result.hits.size() == 1);
    CHECK(result.hits[0].article.id == "shoigu");
    Searcher alone((dir.path() / "a").string());
    const SearchResult expected = alone.search(request);
    REQUIRE(expected.hits.size() == 1);
    REQUIRE(!expected.hits[0].article.entities.empty());
    CHECK(result.hits[0].article.entities.size() == expected.hits[0].article.entities.size());
    CHECK(result.hits[0].article.entities[0].name == expected.hits[0].article.entities[0].name);

    dir.write("down.stub", down + "\n# khoj-lexicon lexicon\n");
    CHECK_THROWS_WITH_AS(Searcher((dir.path() / "down.stub").string(), partial), doctest::Contains("no shard of"), IndexError);
}
