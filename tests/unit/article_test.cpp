/** @file article_test.cpp @brief Tests of the stored article record: article_to_record / article_from_record. */
#include "common/ingest/article.h"
#include "common/util/errors.h"

#include <doctest/doctest.h>

#include <string>

using namespace khoj;

TEST_CASE("article_from_record gives back every field article_to_record stored") {
    Article a;
    a.id = "amar-ujala/2020-04-01/meerut";
    a.title = "मेरठ में लॉकडाउन का पालन";
    a.body = std::string(3000, 'x') + " मेरठ पुलिस ने सड़कों पर गश्त की।";  // a length over one varint byte
    a.date = "2020-04-01";
    a.source = "Amar Ujala";
    a.url = "https://example.org/meerut";
    const Article back = article_from_record(article_to_record(a));
    CHECK(back.id == a.id);
    CHECK(back.title == a.title);
    CHECK(back.body == a.body);
    CHECK(back.date == a.date);
    CHECK(back.source == a.source);
    CHECK(back.url == a.url);
}

TEST_CASE("article_from_record throws IndexError on a damaged or truncated record") {
    Article a;
    a.id = "x";
    a.title = "चंडीगढ़";
    const std::string record = article_to_record(a);
    CHECK_THROWS_AS(article_from_record(""), IndexError);
    CHECK_THROWS_AS(article_from_record("\x02" + record.substr(1)), IndexError);  // unknown format byte
    CHECK_THROWS_AS(article_from_record(record.substr(0, record.size() - 3)), IndexError);
}
