/** @file input_formats_test.cpp @brief Tests of the pure input parsers: parse_json_article and parse_text_article. */
#include "common/ingest/input_formats.h"

#include <doctest/doctest.h>

using namespace khoj;

TEST_CASE("parse_json_article reads the fields of one JSON line") {
    const ParsedArticle p = parse_json_article(
        R"({"id":"a1","title":"दिल्ली में लॉकडाउन","body":"सड़कें सूनी रहीं।","date":"2020-04-01T10:00:00Z","source":"Amar Ujala","url":"u"})");
    REQUIRE(p.article);
    CHECK(p.article->id == "a1");
    CHECK(p.article->title == "दिल्ली में लॉकडाउन");
    CHECK(p.article->body == "सड़कें सूनी रहीं।");
    CHECK(p.article->date == "2020-04-01");
    CHECK(p.article->source == "Amar Ujala");
    CHECK(p.warnings.empty());
}

TEST_CASE("parse_json_article takes an integer id as its digits and warns about a bad date") {
    const ParsedArticle p = parse_json_article(R"({"id":12345,"title":"मेरठ","date":"32/13/2020"})");
    REQUIRE(p.article);
    CHECK(p.article->id == "12345");
    CHECK(p.article->date.empty());
    REQUIRE(p.warnings.size() == 1);
    CHECK(p.warnings[0] == "ignored a date that is not YYYY-MM-DD: 32/13/2020");
}

TEST_CASE("parse_json_article says why a line is not an article") {
    CHECK(parse_json_article("[1,2]").error == "not a JSON object");
    CHECK(parse_json_article("{\"id\":\"a\",").error == "not a JSON object");
    CHECK(parse_json_article("{\"id\":\"\xE0\xA4\"}").error == "invalid UTF-8");
}

TEST_CASE("parse_text_article takes the first non-empty line as the headline, without a BOM or CR") {
    const ParsedArticle p = parse_text_article("\xEF\xBB\xBF\n  \nमेरठ में बारिश\r\nपहला पैरा।\nदूसरा पैरा।\n", "meerut");
    REQUIRE(p.article);
    CHECK(p.article->id == "meerut");
    CHECK(p.article->title == "मेरठ में बारिश");
    CHECK(p.article->body == "पहला पैरा।\nदूसरा पैरा।\n");
}

TEST_CASE("parse_text_article of a headline alone has an empty body") {
    const ParsedArticle p = parse_text_article("चंडीगढ़ में कर्फ्यू", "c");
    REQUIRE(p.article);
    CHECK(p.article->title == "चंडीगढ़ में कर्फ्यू");
    CHECK(p.article->body.empty());
}
