/** @file split_search_test.cpp @brief Searcher::set_split_min_postings: a search split over two halves of the docids gives the hits, order, scores and counts of one pass, and sees new commits and compactions. */
#include "common/search/searcher.h"
#include "temp_dir.h"
#include "test_index.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace khoj;
namespace fs = std::filesystem;

namespace {

// The query texts of an eval topics file (qid TAB query).
std::vector<std::string> eval_queries(const fs::path& file) {
    std::vector<std::string> queries;
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);) {
        if (auto tab = line.find('\t'); tab != std::string::npos) queries.push_back(line.substr(tab + 1));
    }
    return queries;
}

}  // namespace

TEST_CASE("Searcher::set_split_min_postings: split searches list the hits of one pass, in its order, with its scores and counts") {
    const fs::path shared = fs::path(KHOJ_SHARED_DIR);
    const fs::path corpus = shared / "corpora" / "hindi-covid-2020.jsonl";
    if (!fs::exists(corpus)) return;  // ../shared is absent: nothing to compare on
    test::TempDir dir;
    test::index_file((dir.path() / "covid").string(), corpus.string());
    Searcher one_pass((dir.path() / "covid").string()), split((dir.path() / "covid").string());
    one_pass.set_split_min_postings(0);
    split.set_split_min_postings(1);
    std::vector<std::string> queries = eval_queries(shared / "eval" / "queries.tsv");
    for (const std::string& q : eval_queries(shared / "eval" / "english-queries.tsv")) queries.push_back(q);
    // Phrases (checked by a decider on each half), a stop-word phrase, a date range, a romanised
    // word (re-ranked by spelling) and the worked example.
    for (const char* q : {"\"प्रवासी मजदूर\"", "\"कोरोना वायरस\" दिल्ली", "\"लॉकडाउन के दौरान\"", "तबलीगी since:2020-04-01", "sharab ki dukan", "Shoigu Pyongyang July"})
        queries.push_back(q);
    std::size_t splits = 0, hits = 0;
    for (const std::string& q : queries) {
        for (const MatchCount count : {MatchCount::Estimate, MatchCount::Exact}) {
            for (const std::size_t offset : {0, 7}) {
                SearchRequest request;
                request.query = q;
                request.all_copies = true;
                request.limit = 20;
                request.offset = offset;
                request.count = count;
                request.snippets = false;
                const SearchResult expected = one_pass.search(request), got = split.search(request);
                CHECK_FALSE(one_pass.last_search_split());
                splits += split.last_search_split();
                if (!split.last_search_split()) MESSAGE("one pass: ", q);
                INFO(q, " offset ", offset);
                REQUIRE(got.hits.size() == expected.hits.size());
                for (std::size_t i = 0; i < got.hits.size(); ++i) {
                    CHECK(got.hits[i].article.id == expected.hits[i].article.id);
                    CHECK(got.hits[i].score == expected.hits[i].score);  // the same arithmetic: equal, not close
                    CHECK(got.hits[i].rank == expected.hits[i].rank);
                }
                hits += got.hits.size();
                if (count == MatchCount::Exact) {
                    CHECK(got.matches_estimated == expected.matches_estimated);
                    CHECK(got.count_exact == expected.count_exact);
                }
            }
        }
    }
    CHECK(splits == 4 * queries.size());  // every one of these was split
    CHECK(hits > 2000);

    // Copies collapsed, a story is counted once however its copies fall: one pass.
    SearchRequest collapsed;
    collapsed.query = "कोरोना";
    CHECK(split.search(collapsed).hits.size() == 10);
    CHECK_FALSE(split.last_search_split());
}

TEST_CASE("Searcher::set_split_min_postings: a split search sees each new commit and the folder a compaction swapped in") {
    test::TempDir dir;
    const std::string path = (dir.path() / "index").string();
    test::write_index(path, test::russia_articles());
    Searcher searcher(path);
    searcher.set_split_min_postings(1);
    SearchRequest request;
    request.query = "पुतिन";
    request.all_copies = true;
    CHECK(searcher.search(request).hits.size() == 1);
    CHECK(searcher.last_search_split());
    {
        test::ArticleWriter writer(path);
        writer.add(test::article("speech", "पुतिन का भाषण", "पुतिन ने बयान दिया।"));
        writer.commit();
    }
    // The second half's own handle is reopened with the first: both halves see the new article.
    CHECK(searcher.search(request).hits.size() == 2);
    CHECK(searcher.last_search_split());
    {
        test::ArticleWriter writer(path);
        writer.compact();  // a new folder
        writer.add(test::article("visit", "पुतिन की यात्रा", "पुतिन प्योंगयांग गए।"));
        writer.commit();
    }
    const SearchResult after = searcher.search(request);
    CHECK(searcher.last_search_split());
    REQUIRE(after.hits.size() == 3);
    std::vector<std::string> ids;
    for (const Hit& hit : after.hits) ids.push_back(hit.article.id);
    std::sort(ids.begin(), ids.end());
    CHECK(ids == std::vector<std::string>{"putin", "speech", "visit"});
}
