/** @file searcher_test.cpp @brief Searcher on a temporary index: Hindi recall (plurals, nukta, ZWJ, Latin queries), re-ranking and paging, facets, reopening after a swap. */
#include "common/search/searcher.h"
#include "common/util/errors.h"
#include "temp_dir.h"
#include "test_index.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

using namespace khoj;
using test::article;
using test::contains;
using test::russia_articles;

TEST_CASE("Searcher::search pages through re-ranked and collapsed results without repeating or skipping an article") {
    test::TempDir dir;
    const std::string path = (dir.path() / "index").string();
    {
        test::ArticleWriter writer(path);
        // 120 articles with the stem of मरीजों, some with that very spelling (re-ranked up):
        // more than the re-ranked block, so pages cross its end.
        for (int k = 0; k < 120; ++k) {
            const std::string word = k % 3 == 0 ? "मरीजों" : "मरीज";
            std::string body;
            for (int r = 0; r <= k % 7; ++r) body += "अस्पताल में " + word + " का इलाज हुआ। ";
            writer.add(article("m" + std::to_string(k), "खबर " + std::to_string(k), body));
        }
        writer.commit();
    }
    Searcher searcher(path);
    // Bodies repeat every 14 articles: copies, which collapse unless every copy is asked for.
    for (const bool all_copies : {true, false}) {
        CAPTURE(all_copies);
        SearchRequest all;
        all.query = "मरीजों";
        all.limit = 120;
        all.all_copies = all_copies;
        std::vector<std::string> whole;
        for (const Hit& hit : searcher.search(all).hits) whole.push_back(hit.article.id);
        if (all_copies) REQUIRE(whole.size() == 120);
        else REQUIRE(whole.size() < 120);
        std::vector<std::string> paged;
        for (std::size_t offset = 0; offset < 120; offset += 10) {
            SearchRequest page = all;
            page.offset = offset;
            page.limit = 10;
            for (const Hit& hit : searcher.search(page).hits) paged.push_back(hit.article.id);
        }
        CHECK(paged == whole);
    }
}

TEST_CASE("Searcher::search sees the folder a compaction swapped in") {
    test::TempDir dir;
    const std::string path = (dir.path() / "index").string();
    test::write_index(path, russia_articles());
    Searcher searcher(path);
    SearchRequest request;
    request.query = "पुतिन";
    CHECK(searcher.search(request).hits.size() == 1);
    {
        test::ArticleWriter writer(path);
        writer.compact();  // a new folder
        writer.add(article("new", "नया लेख", "पुतिन ने बयान दिया।"));
        writer.commit();
    }
    CHECK(searcher.search(request).hits.size() == 2);
    CHECK(searcher.article("new").has_value());
}

TEST_CASE("Searcher::search counts entities and months over every match, by name") {
    test::TempDir dir;
    const std::string path = (dir.path() / "index").string();
    test::write_index(path, russia_articles());
    Searcher searcher(path);
    SearchRequest request;
    request.query = "रूस";
    request.facets = true;
    request.limit = 1;  // facets count the best matches (all three here), not just the page
    const SearchResult result = searcher.search(request);
    REQUIRE(result.facets.computed);
    REQUIRE_FALSE(result.facets.places.empty());
    CHECK(result.facets.places.front().name == "रूस");
    CHECK(result.facets.places.front().name_en == "Russia");
    CHECK(result.facets.places.front().count == 3);
    CHECK(result.facets.basis == 3);  // every match: fewer than limits::kFacetBasis
    CHECK(result.facets.all_matches);
    std::vector<std::string> months;
    for (const FacetCount& f : result.facets.months) months.push_back(f.name + "=" + std::to_string(f.count));
    CHECK(months == std::vector<std::string>{"2020-04=1", "2020-05=1", "2023-07=1"});
}

TEST_CASE("Searcher::search sorts by date, newest first, and counts every match when asked") {
    test::TempDir dir;
    const std::string path = (dir.path() / "index").string();
    test::write_index(path, russia_articles());
    Searcher searcher(path);
    SearchRequest request;
    request.query = "रूस";
    request.sort = SortOrder::Date;
    request.limit = 2;
    request.count = MatchCount::Exact;
    SearchResult result = searcher.search(request);
    CHECK(result.matches_estimated == 3);
    CHECK(result.count_exact);
    REQUIRE(result.hits.size() == 2);
    CHECK(result.hits[0].article.id == "shoigu");
    CHECK(result.hits[1].article.id == "russia");
    CHECK(result.hits[1].rank == 2);
    // Without load_articles only ranks, scores and docids come back: no record is read.
    request.load_articles = false;
    request.snippets = false;
    result = searcher.search(request);
    REQUIRE(result.hits.size() == 2);
    CHECK(result.hits[0].article.id.empty());
    CHECK(result.hits[0].docid == 3);
}

TEST_CASE("Searcher::Searcher reports a missing index as IndexError") {
    test::TempDir dir;
    CHECK_THROWS_AS(Searcher((dir.path() / "absent").string()), IndexError);
}

TEST_CASE("Searcher::search finds a singular for a plural query") {
    test::NewsIndex f;
    auto ids = f.ids("मस्जिदों");
    REQUIRE_FALSE(ids.empty());
    CHECK(ids.front() == "masjid");
}

TEST_CASE("Searcher::search ignores the nukta") {
    test::NewsIndex f;
    auto ids = f.ids("क़ानून");
    REQUIRE_FALSE(ids.empty());
    CHECK(ids.front() == "kanoon");
    CHECK(f.ids("क\u093Cानून") == ids);  // decomposed nukta, as some keyboards type it
}

TEST_CASE("Searcher::search ignores a ZWJ in the indexed text") {
    test::NewsIndex f;
    auto ids = f.ids("दिल्ली");
    REQUIRE_FALSE(ids.empty());
    CHECK(ids.front() == "delhi");
    CHECK(f.ids("दिल्\u200Dली") == ids);
}

TEST_CASE("Searcher::search ranks an article with the very spelling typed above its stem-mates") {
    test::TempDir dir;
    const std::string path = (dir.path() / "index").string();
    // उपलब्धि (achievement) and उपलब्ध (available) share a stem.
    test::write_index(path, {article("available", "दवाएं उपलब्ध", "अस्पताल में दवाएं उपलब्ध हैं और उपलब्ध बिस्तर भी।"),
                             article("achievement", "बड़ी खबर", "यह वैज्ञानिकों की उपलब्धि है।")});
    Searcher searcher(path);
    SearchRequest request;
    request.query = "uplabdhi";
    auto hits = searcher.search(request).hits;
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].article.id == "achievement");
    request.query = "उपलब्ध";
    hits = searcher.search(request).hits;
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].article.id == "available");
}

TEST_CASE("Searcher::search finds a Devanagari spelling for a Latin query") {
    test::NewsIndex f;
    auto ids = f.ids("Shoigu");
    REQUIRE_FALSE(ids.empty());
    CHECK(ids.front() == "phrase");
    CHECK(f.ids("shoigu") == ids);
}

TEST_CASE("Searcher::search returns nothing for a word no article has") {
    test::NewsIndex f;
    CHECK(f.ids("ज्वालामुखी").empty());
}

TEST_CASE("Searcher::search refuses a limit of 0 and cuts a limit or offset past 32 bits to the index") {
    test::TempDir dir;
    const std::string path = (dir.path() / "index").string();
    test::write_index(path, russia_articles());
    Searcher searcher(path);
    auto ids = [&](std::size_t offset, std::size_t limit, SortOrder sort) {
        SearchRequest request;
        request.query = "रूस";  // three articles, re-ranked by the spelling typed when by relevance
        request.offset = offset;
        request.limit = limit;
        request.sort = sort;
        std::vector<std::string> out;
        for (const Hit& hit : searcher.search(request).hits) out.push_back(hit.article.id + "@" + std::to_string(hit.rank));
        return out;
    };
    for (SortOrder sort : {SortOrder::Relevance, SortOrder::Date}) {
        // -n 0 crashed on an empty priority queue (probe 1.39).
        SearchRequest zero;
        zero.query = "रूस";
        zero.limit = 0;
        zero.sort = sort;
        CHECK_THROWS_WITH_AS(searcher.search(zero), "the number of results (-n) must be at least 1", UsageError);
        const auto all = ids(0, 10, sort);
        REQUIRE(all.size() == 3);
        // 2^32 became 0 in Xapian's 32-bit counts (probe 1.40); 2^32 − 1 + 1 wrapped to 0 (1.44).
        CHECK(ids(0, std::size_t{1} << 32, sort) == all);
        CHECK(ids(0, SIZE_MAX, sort) == all);
        CHECK(ids(1, 4294967295u, sort) == std::vector<std::string>(all.begin() + 1, all.end()));
        // An offset past the end is an empty page, not page 1 with ranks from 2^32 + 1 (1.46).
        CHECK(ids(std::size_t{1} << 32, 10, sort).empty());
        CHECK(ids(3, 10, sort).empty());
        CHECK(ids(2, 10, sort) == std::vector<std::string>{all[2]});
    }
}

TEST_CASE("Searcher::search refuses a since after the until") {
    test::TempDir dir;
    const std::string path = (dir.path() / "index").string();
    test::write_index(path, russia_articles());
    Searcher searcher(path);
    SearchRequest request;
    request.query = "रूस";
    request.since = "2020-05-01";
    request.until = "2020-04-01";
    CHECK_THROWS_WITH_AS(searcher.search(request), "the date range ends (2020-04-01) before it starts (2020-05-01)", UsageError);
    request.until = "2020-05-02";
    auto hits = searcher.search(request).hits;
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].article.id == "russia");
}
