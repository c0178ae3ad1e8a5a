/** @file dates_test.cpp @brief Tests of publication-date recognition: ISO fields, bylines in two scripts, file names, month names. */
#include "common/ingest/dates.h"
#include "common/util/errors.h"

#include <doctest/doctest.h>

#include <chrono>

using namespace khoj;

TEST_CASE("parse_iso_date accepts a date and an ISO 8601 timestamp") {
    CHECK(parse_iso_date("2020-04-01") == "2020-04-01");
    CHECK(parse_iso_date("2020-04-01T10:00:00Z") == "2020-04-01");
    CHECK(parse_iso_date("2020-04-01 10:00:00") == "2020-04-01");
}

TEST_CASE("parse_iso_date rejects an impossible date") {
    CHECK_FALSE(parse_iso_date("2020-13-01").has_value());
    CHECK_FALSE(parse_iso_date("2020-04-31").has_value());
    CHECK_FALSE(parse_iso_date("01-04-2020").has_value());
    CHECK_FALSE(parse_iso_date("").has_value());
    CHECK_FALSE(parse_iso_date("kal").has_value());
}

TEST_CASE("find_date_in_text reads an English byline") {
    CHECK(find_date_in_text("Updated: Thu, 27 Jul 2023 10:26 AM (IST)") == "2023-07-27");
    CHECK(find_date_in_text("Sat, Mar 14, 2020") == "2020-03-14");
}

TEST_CASE("find_date_in_text reads a Hindi date") {
    CHECK(find_date_in_text("27 जुलाई 2023") == "2023-07-27");
    CHECK(find_date_in_text("नई दिल्ली, एक अप्रैल 2020 को सरकार ने कहा") == "2020-04-01");
    CHECK(find_date_in_text("एक अप्रैल 2020") == "2020-04-01");
}

TEST_CASE("find_date_in_text finds nothing in text without a date") {
    CHECK_FALSE(find_date_in_text("रूस और उत्तर कोरिया के नेता मिले").has_value());
    CHECK_FALSE(find_date_in_text("").has_value());
}

TEST_CASE("find_date_in_text reads a hyphenated date after a word, and a line of separators in no time") {
    CHECK(find_date_in_text("अमर उजाला ब्यूरो 03-APR-2020 को लखनऊ से") == "2020-04-03");
    // Once minutes for std::regex: every split of a run of commas between the pattern's parts was tried.
    const auto start = std::chrono::steady_clock::now();
    CHECK_FALSE(find_date_in_text("शीर्षक " + std::string(300, ',') + " " + std::string(300, '-') + " पाठ").has_value());
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
}

TEST_CASE("find_date_in_file_name reads a named month and a numeric date") {
    CHECK(find_date_in_file_name("AU-2020-APR-01") == "2020-04-01");
    CHECK(find_date_in_file_name("2020-04-01-foo.jsonl") == "2020-04-01");
    CHECK_FALSE(find_date_in_file_name("001_93327e7be077d1f2.txt").has_value());
}

TEST_CASE("month_from_name knows English and Hindi names") {
    CHECK(month_from_name("July") == 7);
    CHECK(month_from_name("Jul") == 7);
    CHECK(month_from_name("जुलाई") == 7);
    CHECK(month_from_name("फ़रवरी") == 2);  // nukta spelling
    CHECK(month_from_name("सितम्बर") == 9);  // nasal conjunct spelling
    CHECK(month_from_name("Sept.") == 9);
    CHECK(month_from_name("monday") == 0);
}

TEST_CASE("checked_day returns a --since or --until day as YYYY-MM-DD and names the option it rejects") {
    CHECK(khoj::checked_day("2023-07-26", "--since") == "2023-07-26");
    CHECK_THROWS_WITH_AS(khoj::checked_day("July", "--until"), "--until takes a date as YYYY-MM-DD, not 'July'", khoj::UsageError);
}
