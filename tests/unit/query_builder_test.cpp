/** @file query_builder_test.cpp @brief QueryBuilder on a small index: the syntax as a user meets it (phrases, operators, fields, filters) and what a built query records. */
#include "common/index/index_writer.h"
#include "common/search/query_builder.h"
#include "common/search/query_limits.h"
#include "common/search/searcher.h"
#include "common/util/errors.h"
#include "temp_dir.h"
#include "test_index.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace khoj;

namespace {

using test::article;

/// The shared small index: one article per behaviour under test.
using Fixture = test::NewsIndex;

bool contains(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

// Copied from index_search_test.cpp, which another change splits: the query syntax through Searcher.

TEST_CASE("Searcher::search matches a phrase only where the words are adjacent") {
    Fixture f;
    CHECK(f.ids("\"रक्षा मंत्री\"") == std::vector<std::string>{"phrase"});
    // The same words unquoted find both articles.
    auto loose = f.ids("रक्षा मंत्री");
    CHECK(contains(loose, "phrase"));
    CHECK(contains(loose, "scattered"));
}

TEST_CASE("Searcher::search checks a phrase inside OR without dropping the other words' matches") {
    Fixture f;
    auto ids = f.ids("\"रक्षा मंत्री\" OR पुतिन");
    CHECK(contains(ids, "phrase"));
    CHECK(contains(ids, "putin"));
    CHECK_FALSE(contains(ids, "scattered"));  // रक्षा … मंत्री, not adjacent
}

TEST_CASE("Searcher::search matches a phrase with a stop word in it") {
    Fixture f;
    CHECK(f.ids("\"रूस के रक्षा\"") == std::vector<std::string>{"phrase"});
    CHECK(f.ids("\"रूस के राष्ट्रपति\"") == std::vector<std::string>{"putin"});
}

TEST_CASE("Searcher::search excludes NOT words") {
    Fixture f;
    auto all = f.ids("रूस");
    CHECK(contains(all, "putin"));
    CHECK(contains(all, "russia"));
    auto without = f.ids("रूस NOT पुतिन");
    CHECK(contains(without, "russia"));
    CHECK_FALSE(contains(without, "putin"));
    CHECK(f.ids("रूस -पुतिन") == without);
}

TEST_CASE("Searcher::search restricts title: to headlines") {
    Fixture f;
    auto anywhere = f.ids("चुनाव");
    CHECK(contains(anywhere, "title-election"));
    CHECK(contains(anywhere, "body-election"));
    CHECK(f.ids("title:चुनाव") == std::vector<std::string>{"title-election"});
}

TEST_CASE("Searcher::search finds a Devanagari spelling for a Latin query") {
    Fixture f;
    auto ids = f.ids("Shoigu");
    REQUIRE_FALSE(ids.empty());
    CHECK(ids.front() == "phrase");
    CHECK(f.ids("shoigu") == ids);
}

TEST_CASE("Searcher::search filters by source: and date:") {
    Fixture f;
    CHECK(f.ids("शोइगु source:dainik_jagran") == std::vector<std::string>{"phrase"});
    CHECK(f.ids("शोइगु source:amar_ujala").empty());
    CHECK(f.ids("मस्जिद date:2020-04") == std::vector<std::string>{"masjid"});
    CHECK(f.ids("मस्जिद date:2023").empty());
}

TEST_CASE("Searcher::search reports unbalanced syntax as UsageError") {
    Fixture f;
    Searcher searcher(f.path);
    SearchRequest request;
    request.query = "\"रक्षा मंत्री";
    CHECK_THROWS_AS(searcher.search(request), UsageError);
    request.query = "(रूस OR पुतिन";
    CHECK_THROWS_AS(searcher.search(request), UsageError);
}

// QueryBuilder itself.

TEST_CASE("QueryBuilder::build records each ranked word's expansion and the spellings meant") {
    Fixture f;
    Xapian::Database db(f.path);
    QueryBuilder builder(db);
    BuiltQuery built = builder.build("शोइगु Pyongyang");
    REQUIRE(built.expansions.size() == 2);
    CHECK(built.expansions[0].word == "शोइगु");
    CHECK(built.expansions[1].word == "Pyongyang");
    REQUIRE(built.preferred_forms.size() == 2);
    CHECK(built.preferred_forms[0] == std::vector<std::string>{"शोइगु"});
    CHECK(std::find(built.preferred_forms[1].begin(), built.preferred_forms[1].end(), "प्योंगयांग") != built.preferred_forms[1].end());
}

TEST_CASE("QueryBuilder::build drops a stop word among other words, and reads person: as a filter, not a ranked word") {
    Fixture f;
    Xapian::Database db(f.path);
    QueryBuilder builder(db);
    BuiltQuery built = builder.build("रूस के person:Shoigu");
    REQUIRE(built.expansions.size() == 2);  // रूस and the filter; के is dropped
    CHECK(built.expansions[1].word == "person:Shoigu");
    REQUIRE(built.expansions[1].terms.size() == 1);
    CHECK(built.expansions[1].terms[0].reason == "filter: Sergei Shoigu");
    CHECK(built.preferred_forms.size() == 1);
}

TEST_CASE("QueryBuilder::build reports an unreadable date as UsageError") {
    Fixture f;
    Xapian::Database db(f.path);
    QueryBuilder builder(db);
    CHECK_THROWS_WITH_AS(builder.build("मस्जिद date:April"), "cannot read date 'April': use YYYY, YYYY-MM, YYYY-MM-DD or FROM..TO", UsageError);
    CHECK(builder.build("").query.empty());
}

TEST_CASE("Searcher::search filters by a date range with either end left out") {
    Fixture f;
    CHECK(f.ids("रक्षा date:2023-07-01..2023-07-31") == std::vector<std::string>{"phrase"});
    CHECK(f.ids("मस्जिद date:..2020-04-30") == std::vector<std::string>{"masjid"});
    CHECK(f.ids("मस्जिद date:2021..").empty());
    CHECK(f.ids("शोइगु date:2023..") == std::vector<std::string>{"phrase"});
}

TEST_CASE("Searcher::search finds an article by a source name longer than an index term") {
    test::TempDir dir;
    const std::string path = (dir.path() / "index").string();
    const std::string source = "Dainik " + std::string(200, 'x');  // the term is cut at kMaxTermBytes
    {
        khoj::test::ArticleWriter writer(path);
        writer.add(article("long", "मेरठ की खबर", "मेरठ में बारिश हुई।", "2020-04-01", source));
        writer.commit();
    }
    Searcher searcher(path);
    SearchRequest request;
    request.query = "मेरठ source:\"" + source + "\"";
    auto hits = searcher.search(request).hits;
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].article.id == "long");
}

TEST_CASE("Searcher::search excludes a group after - and requires a group after +") {
    Fixture f;
    // The sign before a bracket was dropped: -(पुतिन) searched for पुतिन (probe 1.29).
    CHECK(f.ids("रूस -(पुतिन)") == f.ids("रूस -पुतिन"));
    CHECK_FALSE(contains(f.ids("-(पुतिन)"), "putin"));
    CHECK(f.ids("+(रूस) +(पुतिन OR भाषण)") == std::vector<std::string>{"putin"});
    CHECK(f.ids("+(रूस) +(पुतिन)") == f.ids("रूस AND पुतिन"));
}

TEST_CASE("Searcher::search checks several phrases of one query as it checks each alone") {
    Fixture f;
    // The phrases share one reading of each article (80 phrases took 13.5 s, probe 1.36).
    auto ids = f.ids("\"रक्षा मंत्री\" \"रूस के राष्ट्रपति\" \"रूस में\" \"मंत्री रक्षा\" title:\"रूस में\"");
    std::sort(ids.begin(), ids.end());
    CHECK(ids == std::vector<std::string>{"phrase", "putin", "russia"});
    CHECK(f.ids("title:\"रूस के\" \"रूस के रक्षा\"") == std::vector<std::string>{"phrase"});
    CHECK(f.ids("+\"रूस में\" +\"रूस के\"").empty());
}

TEST_CASE("QueryBuilder::build leaves a phrase every match must hold to the searcher, and checks any other itself") {
    Fixture f;
    Xapian::Database db(f.path);
    QueryBuilder builder(db);
    // Alone, marked + or joined by AND: the query holds only the words; the searcher checks the
    // phrase on the articles that could make the page (RequiredPhrases).
    CHECK(builder.build("\"रक्षा मंत्री\"").required_phrases.size() == 1);
    CHECK(builder.build("\"रक्षा मंत्री\" source:dainik_jagran").required_phrases.size() == 1);
    CHECK(builder.build("+\"रक्षा मंत्री\" पुतिन").required_phrases.size() == 1);
    CHECK(builder.build("पुतिन AND \"रक्षा मंत्री\"").required_phrases.size() == 1);
    // Optional, excluded or inside brackets: checked by a filter inside the query.
    CHECK(builder.build("\"रक्षा मंत्री\" पुतिन").required_phrases.empty());
    CHECK(builder.build("पुतिन -\"रक्षा मंत्री\"").required_phrases.empty());
    CHECK(builder.build("(\"रक्षा मंत्री\")").required_phrases.empty());
}

TEST_CASE("Searcher::search finds the same articles for a phrase whichever way it is checked") {
    Fixture f;
    // Brackets make the phrase a filter inside the query; alone it is left to the searcher.
    for (const char* phrase : {"\"रक्षा मंत्री\"", "\"रूस के रक्षा\"", "\"रूस के राष्ट्रपति\"", "title:\"रूस में\"", "\"मंत्री रक्षा\""}) {
        CAPTURE(phrase);
        CHECK(f.ids(phrase) == f.ids("(" + std::string(phrase) + ")"));
    }
    CHECK(f.ids("+\"रक्षा मंत्री\" पुतिन") == std::vector<std::string>{"phrase"});
}

TEST_CASE("QueryBuilder::build refuses more phrases than limits::kMaxPhrases, words of several tokens included") {
    Fixture f;
    Xapian::Database db(f.path);
    QueryBuilder builder(db);
    std::string words;  // रूस-1 is two tokens, a phrase without quotes
    for (std::size_t k = 1; k <= limits::kMaxPhrases; ++k) words += "रूस-" + std::to_string(k) + " ";
    CHECK_FALSE(builder.build(words).query.empty());
    CHECK_THROWS_WITH_AS(builder.build(words + "रूस-0"), "query has more than 32 phrases", UsageError);
}
