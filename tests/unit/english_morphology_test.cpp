/** @file english_morphology_test.cpp @brief Tests of English base forms: the inflected query word reaches the headword whose Hindi translations are known. */
#include "common/text/english_lexicon.h"
#include "common/text/english_morphology.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace khoj;

namespace {

bool has(const std::vector<std::string>& forms, const char* form) { return std::find(forms.begin(), forms.end(), form) != forms.end(); }

std::string lemma(const char* word) {
    return english_lemma(word, [](std::string_view w) { return EnglishLexicon::builtin().knows(w); });
}

}  // namespace

TEST_CASE("english_base_forms lists the word first, then the forms it may inflect") {
    const auto forms = english_base_forms("Doctors");
    REQUIRE(!forms.empty());
    CHECK(forms.front() == "doctors");
    CHECK(has(forms, "doctor"));
    CHECK(has(english_base_forms("cities"), "city"));
    CHECK(has(english_base_forms("testing"), "test"));
    CHECK(has(english_base_forms("cancelled"), "cancel"));
    CHECK(has(english_base_forms("postponed"), "postpone"));
    CHECK(has(english_base_forms("women"), "woman"));
    CHECK(has(english_base_forms("policemen"), "policeman"));
    CHECK(has(english_base_forms("India's"), "india"));
}

TEST_CASE("english_base_forms leaves words that only look inflected alone") {
    CHECK(english_base_forms("virus") == std::vector<std::string>{"virus"});
    CHECK(english_base_forms("crisis") == std::vector<std::string>{"crisis"});
    CHECK(english_base_forms("loss") == std::vector<std::string>{"loss"});
}

TEST_CASE("english_lemma reaches the headword whose Hindi words the papers use") {
    CHECK(lemma("doctors") == "doctor");
    CHECK(lemma("deaths") == "death");
    CHECK(lemma("testing") == "test");
    CHECK(lemma("cancelled") == "cancel");
    CHECK(lemma("postponed") == "postpone");
    CHECK(lemma("cities") == "city");
    CHECK(lemma("women") == "woman");
    SUBCASE("and so the Hindi translations of the headword") {
        const auto hindi = EnglishLexicon::builtin().translations(lemma("doctors"));
        CHECK(std::any_of(hindi.begin(), hindi.end(), [](const Translation& t) { return t.hindi == "डॉक्टर"; }));
        const auto women = EnglishLexicon::builtin().translations(lemma("women"));
        CHECK(std::any_of(women.begin(), women.end(), [](const Translation& t) { return t.hindi == "महिला"; }));
    }
    CHECK(lemma("xylophonist").empty());
}
