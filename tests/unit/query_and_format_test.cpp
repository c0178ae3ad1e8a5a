/** @file query_and_format_test.cpp @brief Query syntax through Searcher (phrases, NOT, title:, source:, date:, unbalanced input) and the hit formats format_hit_json / format_hit_tsv / format_hit_trec. */
#include "common/output/result_format.h"
#include "common/search/searcher.h"
#include "common/util/errors.h"
#include "test_index.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

using namespace khoj;
using test::contains;

TEST_CASE("Searcher::search matches a phrase only where the words are adjacent") {
    test::NewsIndex f;
    CHECK(f.ids("\"रक्षा मंत्री\"") == std::vector<std::string>{"phrase"});
    // The same words unquoted find both articles.
    auto loose = f.ids("रक्षा मंत्री");
    CHECK(contains(loose, "phrase"));
    CHECK(contains(loose, "scattered"));
}

TEST_CASE("Searcher::search checks a phrase inside OR without dropping the other words' matches") {
    test::NewsIndex f;
    auto ids = f.ids("\"रक्षा मंत्री\" OR पुतिन");
    CHECK(contains(ids, "phrase"));
    CHECK(contains(ids, "putin"));
    CHECK_FALSE(contains(ids, "scattered"));  // रक्षा … मंत्री, not adjacent
}

TEST_CASE("Searcher::search matches a phrase with a stop word in it") {
    test::NewsIndex f;
    CHECK(f.ids("\"रूस के रक्षा\"") == std::vector<std::string>{"phrase"});
    CHECK(f.ids("\"रूस के राष्ट्रपति\"") == std::vector<std::string>{"putin"});
}

TEST_CASE("Searcher::search excludes NOT words") {
    test::NewsIndex f;
    auto all = f.ids("रूस");
    CHECK(contains(all, "putin"));
    CHECK(contains(all, "russia"));
    auto without = f.ids("रूस NOT पुतिन");
    CHECK(contains(without, "russia"));
    CHECK_FALSE(contains(without, "putin"));
    CHECK(f.ids("रूस -पुतिन") == without);
}

TEST_CASE("Searcher::search restricts title: to headlines") {
    test::NewsIndex f;
    auto anywhere = f.ids("चुनाव");
    CHECK(contains(anywhere, "title-election"));
    CHECK(contains(anywhere, "body-election"));
    CHECK(f.ids("title:चुनाव") == std::vector<std::string>{"title-election"});
}

TEST_CASE("Searcher::search filters by source: and date:") {
    test::NewsIndex f;
    CHECK(f.ids("शोइगु source:dainik_jagran") == std::vector<std::string>{"phrase"});
    CHECK(f.ids("शोइगु source:amar_ujala").empty());
    CHECK(f.ids("मस्जिद date:2020-04") == std::vector<std::string>{"masjid"});
    CHECK(f.ids("मस्जिद date:2023").empty());
}

TEST_CASE("Searcher::search reports unbalanced syntax as UsageError") {
    test::NewsIndex f;
    Searcher searcher(f.path);
    SearchRequest request;
    request.query = "\"रक्षा मंत्री";
    CHECK_THROWS_AS(searcher.search(request), UsageError);
    request.query = "(रूस OR पुतिन";
    CHECK_THROWS_AS(searcher.search(request), UsageError);
}

TEST_CASE("format_hit_json writes one parseable JSON object with the documented fields") {
    test::NewsIndex f;
    Searcher searcher(f.path);
    SearchRequest request;
    request.query = "शोइगु";
    auto result = searcher.search(request);
    REQUIRE_FALSE(result.hits.empty());
    const std::string line = format_hit_json(result.hits.front(), "");
    CHECK(line.find('\n') == std::string::npos);
    auto j = nlohmann::json::parse(line);
    for (const char* field : {"rank", "id", "score", "title", "date", "source", "snippet"}) {
        CAPTURE(field);
        CHECK(j.contains(field));
    }
    CHECK(j["rank"] == 1);
    CHECK(j["id"] == "phrase");
    CHECK(j["score"].is_number());
    CHECK(j["score"].get<double>() > 0);
    CHECK(j["title"] == "शोइगु प्योंगयांग पहुंचे");
    CHECK(j["date"] == "2023-07-26");
    CHECK(j["source"] == "Dainik Jagran");
    CHECK(j["snippet"].get<std::string>().find("शोइगु") != std::string::npos);
    CHECK_FALSE(j.contains("qid"));
    CHECK(nlohmann::json::parse(format_hit_json(result.hits.front(), "D7"))["qid"] == "D7");
}

TEST_CASE("format_hit_tsv writes tab-separated fields with tabs in the title flattened") {
    Hit hit;
    hit.rank = 3;
    hit.score = 1.23456;
    hit.article = test::article("x/1", "रूस\tऔर\nकोरिया", "", "2023-07-27", "Jagran");
    CHECK(format_hit_tsv(hit, "") == "3\tx/1\t1.2346\t2023-07-27\tJagran\tरूस और कोरिया");
    CHECK(format_hit_tsv(hit, "q1") == "q1\t3\tx/1\t1.2346\t2023-07-27\tJagran\tरूस और कोरिया");
    CHECK(format_hit_trec(hit, "q1") == "q1 Q0 x/1 3 1.2346 khoj");
}
