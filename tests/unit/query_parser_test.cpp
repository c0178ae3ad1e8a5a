/** @file query_parser_test.cpp @brief The query syntax without an index: lex_query, parse_query and parse_date_filter. */
#include "common/search/query_parser.h"
#include "common/search/query_limits.h"
#include "common/util/errors.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace khoj;

namespace {

using Item = QueryItem::Kind;
using Clause = QueryClause::Kind;

std::vector<Item> kinds(const std::vector<QueryItem>& items) {
    std::vector<Item> out;
    for (const auto& i : items) out.push_back(i.kind);
    return out;
}

std::vector<Clause> kinds(const std::vector<QueryClause>& clauses) {
    std::vector<Clause> out;
    for (const auto& c : clauses) out.push_back(c.kind);
    return out;
}

std::string message_of(std::string_view query) {
    try {
        parse_query(query);
    } catch (const UsageError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("lex_query splits words, phrases, brackets and operators, with where each was typed") {
    const std::string query = "lockdown AND (दिल्ली OR \"रक्षा मंत्री\")";
    auto items = lex_query(query);
    CHECK(kinds(items) == std::vector<Item>{Item::Word, Item::And, Item::Open, Item::Word, Item::Or, Item::Phrase, Item::Close});
    CHECK(items[3].text == "दिल्ली");
    CHECK(items[5].text == "रक्षा मंत्री");
    // Spans cover what was typed, quotes included: a respelling can replace just that word.
    CHECK(query.substr(items[3].begin, items[3].end - items[3].begin) == "दिल्ली");
    CHECK(query.substr(items[5].begin, items[5].end - items[5].begin) == "\"रक्षा मंत्री\"");
}

TEST_CASE("lex_query reads AND, OR and NOT as operators only in capitals and without a sign or field") {
    CHECK(kinds(lex_query("corona and delhi")) == std::vector<Item>{Item::Word, Item::Word, Item::Word});
    CHECK(kinds(lex_query("+AND title:NOT")) == std::vector<Item>{Item::Word, Item::Word});
    CHECK(kinds(lex_query("रूस NOT पुतिन")) == std::vector<Item>{Item::Word, Item::Not, Item::Word});
}

TEST_CASE("lex_query reads signs and the known fields, in any case, and leaves an unknown field in the word") {
    auto items = lex_query("-पुतिन +title:कोरोना Person:Shoigu org:\"World Health Organization\" http://x.in");
    REQUIRE(items.size() == 5);
    CHECK(items[0].sign == '-');
    CHECK(items[0].text == "पुतिन");
    CHECK(items[1].sign == '+');
    CHECK(items[1].field == QueryField::Title);
    CHECK(items[1].text == "कोरोना");
    CHECK(items[2].field == QueryField::Entity);
    CHECK(items[2].entity == EntityKind::Person);
    CHECK(items[3].kind == Item::Phrase);
    CHECK(items[3].entity == EntityKind::Organisation);
    CHECK(items[3].text == "World Health Organization");
    CHECK(items[4].field == QueryField::None);
    CHECK(items[4].text == "http://x.in");
}

TEST_CASE("lex_query drops a sign or field with nothing after it, and keeps a lone - as a word") {
    CHECK(kinds(lex_query("+(रूस)")) == std::vector<Item>{Item::Open, Item::Word, Item::Close});
    auto items = lex_query("title: रूस -");
    REQUIRE(items.size() == 2);
    CHECK(items[0].field == QueryField::None);
    CHECK(items[1].text == "-");
}

TEST_CASE("lex_query reports an unbalanced quote") {
    CHECK_THROWS_WITH_AS(lex_query("\"रक्षा मंत्री"), "unbalanced \" in query", UsageError);
}

TEST_CASE("parse_query nests brackets and keeps the operators in the sequence") {
    ParsedQuery parsed = parse_query("lockdown AND (Delhi OR Mumbai) NOT Kejriwal");
    CHECK(kinds(parsed.clauses) == std::vector<Clause>{Clause::Word, Clause::And, Clause::Group, Clause::Not, Clause::Word});
    const QueryClause& group = parsed.clauses[2];
    CHECK(kinds(group.group) == std::vector<Clause>{Clause::Word, Clause::Or, Clause::Word});
    CHECK(group.group[2].text == "Mumbai");
    CHECK(parsed.item_count == 9);
}

TEST_CASE("parse_query reads the filters: source, date and the three entity kinds") {
    ParsedQuery parsed = parse_query("source:amar_ujala date:2020-04 person:Kim_Jong_Un place:मॉस्को org:KCNA title:\"रक्षा मंत्री\"");
    CHECK(kinds(parsed.clauses) == std::vector<Clause>{Clause::Source, Clause::Date, Clause::Entity, Clause::Entity, Clause::Entity, Clause::Phrase});
    CHECK(parsed.clauses[0].text == "amar_ujala");
    CHECK(parsed.clauses[1].date.span == DateFilter::Span::Month);
    CHECK(parsed.clauses[1].date.from == "202004");
    CHECK(parsed.clauses[2].entity == EntityKind::Person);
    CHECK(parsed.clauses[2].text == "Kim_Jong_Un");
    CHECK(parsed.clauses[3].entity == EntityKind::Place);
    CHECK(parsed.clauses[4].entity == EntityKind::Organisation);
    CHECK(parsed.clauses[5].title);
    CHECK(parsed.clauses[5].text == "रक्षा मंत्री");
}

TEST_CASE("parse_query counts one typed word as one item, however many tokens it holds") {
    CHECK(parse_query("COVID-19").item_count == 1);
    CHECK(parse_query("की").item_count == 1);
    CHECK(parse_query("(की)").item_count == 3);
}

TEST_CASE("parse_query reports unbalanced brackets and unreadable dates") {
    CHECK(message_of("(रूस OR पुतिन") == "unbalanced ( in query");
    CHECK(message_of("रूस OR पुतिन)") == "unbalanced ) in query");
    CHECK(message_of("कोरोना date:July") == "cannot read date 'July': use YYYY, YYYY-MM, YYYY-MM-DD or FROM..TO");
    // The first mistake met from the left: the date before the bracket left open.
    CHECK(message_of("(कोरोना date:July") == "cannot read date 'July': use YYYY, YYYY-MM, YYYY-MM-DD or FROM..TO");
    CHECK(message_of("कोरोना) date:July") == "unbalanced ) in query");
    // A quote is checked before anything else.
    CHECK(message_of("date:July \"रक्षा") == "unbalanced \" in query");
}

TEST_CASE("parse_date_filter reads a day, a month or a year as one term") {
    CHECK(parse_date_filter("2023-07-26").span == DateFilter::Span::Day);
    CHECK(parse_date_filter("2023-07-26").from == "20230726");
    CHECK(parse_date_filter("2023-07").span == DateFilter::Span::Month);
    CHECK(parse_date_filter("2023").span == DateFilter::Span::Year);
    CHECK(parse_date_filter("20230726").from == "20230726");
}

TEST_CASE("parse_date_filter widens a range's ends to whole days, either end may be left out") {
    DateFilter april = parse_date_filter("2020-04..2020-05");
    CHECK(april.span == DateFilter::Span::Range);
    CHECK(april.from == "20200401");
    CHECK(april.to == "20200531");
    DateFilter years = parse_date_filter("2020..2021");
    CHECK(years.from == "20200101");
    CHECK(years.to == "20211231");
    DateFilter since = parse_date_filter("2023-07-01..");
    CHECK(since.from == "20230701");
    CHECK(since.to.empty());
    DateFilter until = parse_date_filter("..2020-04-30");
    CHECK(until.from.empty());
    CHECK(until.to == "20200430");
}

TEST_CASE("parse_date_filter rejects what is not a date") {
    CHECK_THROWS_AS(parse_date_filter("July"), UsageError);
    CHECK_THROWS_AS(parse_date_filter("2020-4"), UsageError);
    CHECK_THROWS_WITH_AS(parse_date_filter(".."), "date range needs FROM..TO, e.g. date:2023-07-01..2023-07-31", UsageError);
}

TEST_CASE("lex_query gives a sign before a bracket to the group it opens") {
    auto items = lex_query("-(कोरोना) +(दिल्ली OR मुंबई)");
    CHECK(kinds(items) == std::vector<Item>{Item::Open, Item::Word, Item::Close, Item::Open, Item::Word, Item::Or, Item::Word, Item::Close});
    CHECK(items[0].sign == '-');
    CHECK(items[3].sign == '+');
    ParsedQuery parsed = parse_query("-(कोरोना) +(दिल्ली OR मुंबई)");
    REQUIRE(kinds(parsed.clauses) == std::vector<Clause>{Clause::Group, Clause::Group});
    CHECK(parsed.clauses[0].sign == '-');
    CHECK(parsed.clauses[1].sign == '+');
}

TEST_CASE("parse_query refuses brackets nested deeper than limits::kMaxNesting instead of overflowing the stack") {
    auto nested = [](std::size_t depth) { return std::string(depth, '(') + "कोरोना" + std::string(depth, ')'); };
    CHECK(parse_query(nested(limits::kMaxNesting)).clauses.size() == 1);
    CHECK(message_of(nested(limits::kMaxNesting + 1)) == "brackets nested more than 100 deep in query");
    // 20,000 levels crashed the release build (reliability probe 1.15).
    CHECK(message_of(nested(20000)) == "brackets nested more than 100 deep in query");
    CHECK(message_of(std::string(50000, '(')) == "brackets nested more than 100 deep in query");
}

TEST_CASE("parse_query reads a word or phrase repeated in one sequence once, unless an operator stands before it") {
    std::string many;
    for (int k = 0; k < 2500; ++k) many += "कोरोना दिल्ली मरीज अस्पताल ";
    ParsedQuery parsed = parse_query(many);  // 10,000 words took 5.7 s and 354 MB (probe 1.9)
    REQUIRE(parsed.clauses.size() == 4);
    CHECK(parsed.clauses[3].text == "अस्पताल");
    CHECK(parse_query("\"रक्षा मंत्री\" \"रक्षा मंत्री\" रक्षा").clauses.size() == 2);
    // A different sign, field or operator keeps the repeat: "रूस NOT रूस" is not "रूस".
    CHECK(kinds(parse_query("रूस NOT रूस").clauses) == std::vector<Clause>{Clause::Word, Clause::Not, Clause::Word});
    CHECK(kinds(parse_query("रूस AND रूस").clauses) == std::vector<Clause>{Clause::Word, Clause::And, Clause::Word});
    CHECK(parse_query("रूस +रूस title:रूस").clauses.size() == 3);
    // Each group is its own sequence.
    CHECK(parse_query("रूस (रूस)").clauses.size() == 2);
}

TEST_CASE("parse_query refuses more distinct words than limits::kMaxWords and more phrases than limits::kMaxPhrases") {
    std::string words;
    for (std::size_t k = 0; k < limits::kMaxWords; ++k) words += "w" + std::to_string(k) + " ";
    CHECK(parse_query(words).clauses.size() == limits::kMaxWords);
    CHECK(message_of(words + "अंतिम") == "query has more than 1000 different words");
    // The words of phrases count too.
    CHECK(message_of(words + "\"रक्षा मंत्री\"") == "query has more than 1000 different words");
    std::string phrases;
    for (std::size_t k = 0; k < limits::kMaxPhrases; ++k) phrases += "\"कोरोना " + std::to_string(k) + "\" ";
    CHECK(parse_query(phrases).clauses.size() == limits::kMaxPhrases);
    // 80 short phrases took 13.5 s (probe 1.36).
    CHECK(message_of(phrases + "\"कोरोना वायरस\"") == "query has more than 32 phrases");
}

TEST_CASE("parse_date_filter refuses a range that ends before it starts") {
    // Xapian read it as matching nothing and the filter was dropped: every article matched (probe 1.21).
    CHECK_THROWS_WITH_AS(parse_date_filter("2020-04-30..2020-04-01"), "date range date:2020-04-30..2020-04-01 ends before it starts", UsageError);
    CHECK_THROWS_WITH_AS(parse_date_filter("2021..2020"), "date range date:2021..2020 ends before it starts", UsageError);
    CHECK(parse_date_filter("2020-04..2020-04").to == "20200431");
    CHECK(parse_date_filter("2020-04-01..2020-04-01").from == "20200401");
}

TEST_CASE("parse_date_filter refuses range ends and dates that are not a year, month or day of the calendar") {
    // Padded to 7 digits and compared as strings, these matched nothing without a word (probe 1.22).
    CHECK_THROWS_WITH_AS(parse_date_filter("2020-4..2020-5"),
                         "cannot read date '2020-4' in date:2020-4..2020-5: use YYYY, YYYY-MM or YYYY-MM-DD at either end", UsageError);
    CHECK_THROWS_WITH_AS(parse_date_filter("2020-13..2020-99"),
                         "cannot read date '2020-13' in date:2020-13..2020-99: use YYYY, YYYY-MM or YYYY-MM-DD at either end", UsageError);
    CHECK_THROWS_AS(parse_date_filter("2020-01..2020-1"), UsageError);
    CHECK_THROWS_AS(parse_date_filter("2020-13"), UsageError);
    CHECK_THROWS_AS(parse_date_filter("2020-02-30"), UsageError);
    CHECK(parse_date_filter("2020-02-29").from == "20200229");
}
