/** @file word_expansion_test.cpp @brief WordExpander, spelling_candidates and query_of on a small index: one typed word to the index's own spellings. */
#include "common/index/index_writer.h"
#include "common/index/schema.h"
#include "common/search/ranking.h"
#include "common/search/word_expansion.h"
#include "common/text/romanisation.h"
#include "temp_dir.h"
#include "test_index.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace khoj;

namespace {

using test::article;

// Both spellings of Shoigu, a month, an acronym, and मेरठ with one misspelling.
struct Index {
    test::TempDir dir;
    std::string path = (dir.path() / "index").string();
    Index() {
        khoj::test::ArticleWriter writer(path);
        writer.add(article("shoigu", "शोइगु प्योंगयांग पहुंचे", "रूस के रक्षा मंत्री शोइगु जुलाई में उत्तर कोरिया गए।", "2023-07-26"));
        writer.add(article("soigu", "सोइगु की यात्रा", "रक्षा मंत्री सोइगु ने किम से बात की।", "2023-07-27"));
        writer.add(article("who", "डब्ल्यूएचओ की चेतावनी", "डब्ल्यूएचओ ने कहा कि महामारी अभी खत्म नहीं हुई।"));
        for (int i = 0; i < 6; ++i) writer.add(article("meerut" + std::to_string(i), "मेरठ की खबर", "मेरठ में आज बारिश हुई।"));
        writer.add(article("typo", "मेरट की खबर", "मेरट में बारिश।"));
        writer.commit();
    }
};

std::string stem_term(Analyzer& analyzer, const char* word) { return prefix::kStem + analyzer.analyze_word(word).stem; }

const TermChoice* find_term(const WordExpansion& e, const std::string& term) {
    auto it = std::find_if(e.terms.begin(), e.terms.end(), [&](const TermChoice& c) { return c.term == term; });
    return it == e.terms.end() ? nullptr : &*it;
}

bool has_form(const WordExpansion& e, const std::string& form) {
    return std::find(e.forms.begin(), e.forms.end(), form) != e.forms.end();
}

}  // namespace

TEST_CASE("WordExpander::expand finds both Devanagari spellings of a Latin name and scores them as one term") {
    Index index;
    Xapian::Database db(index.path);
    Analyzer analyzer;
    WordExpander expander(db, analyzer);
    WordExpansion e = expander.expand("Shoigu", false);
    const TermChoice* shoigu = find_term(e, stem_term(analyzer, "शोइगु"));
    const TermChoice* soigu = find_term(e, stem_term(analyzer, "सोइगु"));
    REQUIRE(shoigu);
    REQUIRE(soigu);
    CHECK(shoigu->spelling_group == soigu->spelling_group);
    CHECK(shoigu->spelling_group != 0);
    CHECK(shoigu->reason.find("transliteration शोइगु d=0.00") != std::string::npos);
    CHECK(shoigu->reason.find("name Sergei Shoigu") != std::string::npos);  // the gazetteer knows him
    CHECK(shoigu->weight == doctest::Approx(1.0));
    CHECK(has_form(e, "शोइगु"));
    CHECK(has_form(e, "सोइगु"));
}

TEST_CASE("WordExpander::expand adds a Devanagari word's variant spellings, lighter than the word typed") {
    Index index;
    Xapian::Database db(index.path);
    Analyzer analyzer;
    WordExpander expander(db, analyzer);
    WordExpansion e = expander.expand("सोइगु", false);
    const TermChoice* typed = find_term(e, stem_term(analyzer, "सोइगु"));
    const TermChoice* variant = find_term(e, stem_term(analyzer, "शोइगु"));
    REQUIRE(typed);
    REQUIRE(variant);
    CHECK(typed->reason == "stem");
    CHECK(variant->reason.rfind("variant शोइगु d=", 0) == 0);
    CHECK(variant->weight < typed->weight);
    // The very spelling meant is the one typed, not the variant.
    CHECK(e.forms == std::vector<std::string>{"सोइगु"});
}

TEST_CASE("WordExpander::expand reads a month name as the articles dated in it and as the month's words") {
    Index index;
    Xapian::Database db(index.path);
    Analyzer analyzer;
    WordExpander expander(db, analyzer);
    WordExpansion e = expander.expand("July", false);
    const TermChoice* dated = find_term(e, std::string(prefix::kMonthOfYear) + "07");
    REQUIRE(dated);
    CHECK(dated->weight == doctest::Approx(ranking::kMonthOfYearWeight));
    const TermChoice* hindi = find_term(e, stem_term(analyzer, "जुलाई"));
    REQUIRE(hindi);
    CHECK(hindi->weight == doctest::Approx(ranking::kMonthWeight));
    CHECK(hindi->reason == "month जुलाई");
    // Only in the body: title:July is not a date.
    CHECK(find_term(expander.expand("July", true), std::string(prefix::kMonthOfYear) + "07") == nullptr);
}

TEST_CASE("WordExpander::expand reads an acronym typed in capitals letter by letter") {
    Index index;
    Xapian::Database db(index.path);
    Analyzer analyzer;
    WordExpander expander(db, analyzer);
    WordExpansion e = expander.expand("WHO", false);
    const TermChoice* letters = find_term(e, stem_term(analyzer, "डब्ल्यूएचओ"));
    REQUIRE(letters);
    CHECK(letters->reason == "letter names डब्ल्यूएचओ");
}

TEST_CASE("WordExpander::expand drops a romanised stop word, which adds nothing to ranking") {
    Index index;
    Xapian::Database db(index.path);
    Analyzer analyzer;
    WordExpander expander(db, analyzer);
    CHECK(expander.latin_readings("ki", false).stop_word);
    CHECK(expander.expand("ki", false).terms.empty());
}

TEST_CASE("WordExpander::latin_readings gives the near-ties as spellings of the typed word") {
    Index index;
    Xapian::Database db(index.path);
    Analyzer analyzer;
    WordExpander expander(db, analyzer);
    LatinReadings readings = expander.latin_readings("shoigu", false);
    CHECK_FALSE(readings.stop_word);
    REQUIRE_FALSE(readings.readings.empty());
    CHECK(readings.readings.front().word == "शोइगु");
    CHECK(readings.readings.front().same_word);
    CHECK(readings.readings.front().term == stem_term(analyzer, "शोइगु"));
    // title:Shoigu reads the same words in the headline field.
    CHECK(expander.latin_readings("shoigu", true).readings.front().term == prefix::kTitleStem + analyzer.analyze_word("शोइगु").stem);
}

TEST_CASE("WordExpander::latin_candidates lists the index's words for a Latin word, closest first") {
    Index index;
    Xapian::Database db(index.path);
    Analyzer analyzer;
    WordExpander expander(db, analyzer);
    auto candidates = expander.latin_candidates("shoigu");
    REQUIRE(candidates.size() >= 2);
    CHECK(candidates[0].word == "शोइगु");
    CHECK(candidates[0].distance <= candidates[1].distance);
    CHECK(expander.latin_candidates("xyzzyq").empty());
}

TEST_CASE("spelling_candidates lists the words sharing a lookup key, without the word typed or stop words") {
    Index index;
    Xapian::Database db(index.path);
    Analyzer analyzer;
    CandidateLookup lookup{.keys = lookup_keys_of_devanagari("मेरट"), .typed_latin = devanagari_to_latin("मेरट"), .typed_word = "मेरट"};
    auto candidates = spelling_candidates(db, analyzer, lookup);
    REQUIRE(candidates.size() == 1);
    CHECK(candidates[0].word == "मेरठ");
    CHECK(candidates[0].frequency == 6);
    CHECK(candidates[0].distance == doctest::Approx(spelling_distance(devanagari_to_latin("मेरट"), "मेरठ")));
    // Without a typed word to leave out, मेरट is listed too (one article).
    lookup.typed_word.clear();
    CHECK(spelling_candidates(db, analyzer, lookup).size() == 2);
}

TEST_CASE("spelling_candidates keeps stop words only when asked, as used by every article") {
    Index index;
    Xapian::Database db(index.path);
    Analyzer analyzer;
    CandidateLookup lookup{.keys = {consonant_skeleton(romanisation_key("ki"))}, .typed_latin = "ki", .typed_word = {}};
    auto without = spelling_candidates(db, analyzer, lookup);
    CHECK(std::none_of(without.begin(), without.end(), [](const SpellingCandidate& c) { return c.word == "की"; }));
    lookup.keep_stop_words = true;
    auto with = spelling_candidates(db, analyzer, lookup);
    auto ki = std::find_if(with.begin(), with.end(), [](const SpellingCandidate& c) { return c.word == "की"; });
    REQUIRE(ki != with.end());
    CHECK(ki->frequency == db.get_doccount());
}

TEST_CASE("WordExpansion::add keeps one choice per term, with the heavier weight and its reason") {
    WordExpansion e;
    e.add("Zशोइग", 0.5, "variant शोइगु d=0.30", 1);
    e.add("Zशोइग", 1.0, "stem");
    e.add("Zशोइग", 0.2, "transliteration शोइगु d=0.90");
    REQUIRE(e.terms.size() == 1);
    CHECK(e.terms[0].weight == 1.0);
    CHECK(e.terms[0].reason == "stem");
    CHECK(e.terms[0].spelling_group == 1);  // the first choice's group stays
}

TEST_CASE("query_of scores one word's spellings as one synonym, and a body stem in the headline field too") {
    WordExpansion e;
    e.add("Zशोइग", 1.0, "transliteration शोइगु d=0.00", 1);
    e.add("Zसोइग", 1.0, "transliteration सोइगु d=0.15", 1);
    const std::string description = query_of(e).get_description();
    CHECK(description.find("SYNONYM") != std::string::npos);
    // The headline field, scaled by kTitleFieldWeight (0.3, printed as 0.2999…).
    CHECK(description.find("0.29999") != std::string::npos);
    CHECK(description.find("(ZSशोइग SYNONYM ZSसोइग)") != std::string::npos);
    CHECK(query_of(WordExpansion{}).empty());
}
