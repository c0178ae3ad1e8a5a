/** @file shards_test.cpp @brief shard_of_id, parse_shard_choice, read_stub_file, and a Searcher over 3 local shards against one index of the same articles (full-precision scores). */
#include "common/index/indexing_job.h"
#include "common/index/shards.h"
#include "common/search/searcher.h"
#include "common/util/errors.h"
#include "temp_dir.h"

#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

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

// Indexes @p input into @p index, all of it or shard @p shard ("K/N").
void index_articles(const std::string& index, const std::string& input, const std::string& shard = "") {
    IndexingOptions options;
    options.index = index;
    options.paths = {input};
    options.shard = shard;
    IndexingJob(options, [](const Diagnostic&) {}, [](const IndexingSummary&) {}).run();
}

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
    index_articles((dir.path() / "one").string(), corpus.string());
    std::ofstream stub(dir.path() / "shards.stub");
    for (int k = 0; k < 3; ++k) {
        index_articles((dir.path() / ("s" + std::to_string(k))).string(), corpus.string(), std::to_string(k) + "/3");
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
