/** @file english_lexicon_test.cpp @brief Tests of the English → Hindi lists: glossary before dictionary, phrases, binary search over the compiled-in text. */
#include "common/text/english_lexicon.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace khoj;

namespace {

bool has(const std::vector<Translation>& ts, const char* hindi) {
    return std::any_of(ts.begin(), ts.end(), [&](const Translation& t) { return t.hindi == hindi; });
}

}  // namespace

TEST_CASE("EnglishLexicon::translations gives the loanword and the native word of the glossary") {
    const EnglishLexicon& lexicon = EnglishLexicon::builtin();
    const auto hospital = lexicon.translations("hospital");
    CHECK(has(hospital, "अस्पताल"));
    CHECK(has(hospital, "हॉस्पिटल"));
    CHECK(hospital.front().source == LexiconSource::Glossary);
    CHECK(has(lexicon.translations("vaccine"), "टीका"));
    CHECK(has(lexicon.translations("vaccine"), "वैक्सीन"));
    CHECK(has(lexicon.translations("meeting"), "बैठक"));
    CHECK(has(lexicon.translations("meeting"), "मीटिंग"));
    SUBCASE("the glossary replaces the dictionary's bookish sense") {
        const auto liquor = lexicon.translations("liquor");
        CHECK(liquor.front().hindi == "शराब");
    }
}

TEST_CASE("EnglishLexicon::translations falls back on FreeDict for words the glossary lacks") {
    const auto abacus = EnglishLexicon::builtin().translations("abacus");
    REQUIRE(!abacus.empty());
    CHECK(abacus.front().hindi == "गिनतारा");
    CHECK(abacus.front().source == LexiconSource::FreeDict);
    SUBCASE("a verb's light verb is dropped: the content word is what the text shares") {
        CHECK(has(EnglishLexicon::builtin().translations("abandon"), "छोड़ देना"));
    }
    CHECK(EnglishLexicon::builtin().translations("qwertyuiop").empty());
}

TEST_CASE("EnglishLexicon::translations knows news phrases") {
    const EnglishLexicon& lexicon = EnglishLexicon::builtin();
    CHECK(has(lexicon.translations("death toll"), "मृतकों की संख्या"));
    CHECK(has(lexicon.translations("work from home"), "घर से काम"));
    CHECK(has(lexicon.translations("social distancing"), "सामाजिक दूरी"));
    CHECK(has(lexicon.translations("supreme court"), "सर्वोच्च न्यायालय"));
    CHECK(lexicon.has_phrase_starting("death"));
    CHECK(!lexicon.has_phrase_starting("qwerty"));
}

TEST_CASE("EnglishLexicon::translations finds the first, the last and no missing headword of a list") {
    const EnglishLexicon lexicon("# comment\naaa\tएक\nmmm\tदो|तीन\nzzz\tचार\n", "# comment\nbbb\tपांच");
    CHECK(lexicon.translations("aaa").front().hindi == "एक");
    CHECK(lexicon.translations("mmm").size() == 2);
    CHECK(lexicon.translations("zzz").front().hindi == "चार");
    CHECK(lexicon.translations("bbb").front().source == LexiconSource::FreeDict);
    CHECK(lexicon.translations("mm").empty());
    CHECK(lexicon.translations("zzzz").empty());
    CHECK(lexicon.translations("# comment").empty());
    CHECK(!lexicon.knows("ccc"));
}
