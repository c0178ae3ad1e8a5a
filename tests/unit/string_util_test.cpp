/** @file string_util_test.cpp @brief Tests of the shared string helpers: trim, split, lower_ascii, digits_only. */
#include "common/util/string_util.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace khoj;

TEST_CASE("trim drops the spaces, tabs and line ends around a field") {
    CHECK(trim("  सर्गेई शोइगु\t") == "सर्गेई शोइगु");
    CHECK(trim("Moscow\r\n") == "Moscow");
    CHECK(trim("  ") == "");
    CHECK(trim("") == "");
    SUBCASE("spaces inside stay") { CHECK(trim(" उत्तर कोरिया ") == "उत्तर कोरिया"); }
    SUBCASE("a no-break space is not ASCII white space") { CHECK(trim("\u00A0मोदी") == "\u00A0मोदी"); }
}

TEST_CASE("split cuts a gazetteer line into its tab-separated fields") {
    const std::vector<std::string> fields = split("person\tSergei Shoigu\tसर्गेई शोइगु\tशोइगु|सोइगु", '\t');
    REQUIRE(fields.size() == 4);
    CHECK(fields[0] == "person");
    CHECK(fields[2] == "सर्गेई शोइगु");
    CHECK(split(fields[3], '|') == std::vector<std::string>{"शोइगु", "सोइगु"});
}

TEST_CASE("split keeps empty pieces, so a missing field is seen") {
    CHECK(split("a\t\tb", '\t') == std::vector<std::string>{"a", "", "b"});
    CHECK(split("line\n", '\n') == std::vector<std::string>{"line", ""});
    CHECK(split("", '\t') == std::vector<std::string>{""});
    CHECK(split("no separator", '\t') == std::vector<std::string>{"no separator"});
}

TEST_CASE("lower_ascii lower-cases Latin letters and leaves Devanagari alone") {
    CHECK(lower_ascii("WHO ने कहा") == "who ने कहा");
    CHECK(lower_ascii("Covid-19") == "covid-19");
    CHECK(lower_ascii("कोविड") == "कोविड");
}

TEST_CASE("digits_only keeps the digits of a date") {
    CHECK(digits_only("2020-04-01") == "20200401");
    CHECK(digits_only("1 अप्रैल 2020") == "12020");
    CHECK(digits_only("अप्रैल") == "");
}
