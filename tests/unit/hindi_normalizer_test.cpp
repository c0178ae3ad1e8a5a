/** @file hindi_normalizer_test.cpp @brief Tests of HindiNormalizer: encoding-level folding and spelling-variant folding. */
#include "common/text/hindi_normalizer.h"

#include <doctest/doctest.h>

using khoj::HindiNormalizer;

TEST_CASE("HindiNormalizer::orthographic drops ZWJ and ZWNJ inside a word") {
    // Papers type दिल्‍ली with a ZERO WIDTH JOINER after the virama to force a half form.
    CHECK(HindiNormalizer::orthographic("दिल्\u200Dली") == "दिल्ली");
    CHECK(HindiNormalizer::orthographic("दिल्\u200Cली") == "दिल्ली");
    CHECK(HindiNormalizer::orthographic("दिल्ली") == "दिल्ली");
}

TEST_CASE("HindiNormalizer::orthographic folds nukta") {
    SUBCASE("precomposed U+0958 क़") { CHECK(HindiNormalizer::orthographic("\u0958ानून") == "कानून"); }
    SUBCASE("decomposed क + U+093C") { CHECK(HindiNormalizer::orthographic("क\u093Cानून") == "कानून"); }
    SUBCASE("ज़रूरी") { CHECK(HindiNormalizer::orthographic("ज\u093Cरूरी") == "जरूरी"); }
    CHECK(HindiNormalizer::orthographic("\u0958ानून") == HindiNormalizer::orthographic("क\u093Cानून"));
}

TEST_CASE("HindiNormalizer::orthographic turns chandrabindu into anusvara") {
    CHECK(HindiNormalizer::orthographic("जहाँ") == "जहां");
    CHECK(HindiNormalizer::orthographic("जहां") == "जहां");
}

TEST_CASE("HindiNormalizer::orthographic writes a nasal conjunct as anusvara") {
    CHECK(HindiNormalizer::orthographic("हिन्दी") == "हिंदी");
    CHECK(HindiNormalizer::orthographic("सम्बन्ध") == "संबंध");
    SUBCASE("not before य र ल व ह") { CHECK(HindiNormalizer::orthographic("अन्य") == "अन्य"); }
    SUBCASE("not before the same nasal") { CHECK(HindiNormalizer::orthographic("सम्मान") == "सम्मान"); }
}

TEST_CASE("HindiNormalizer::orthographic turns Devanagari digits into ASCII") {
    CHECK(HindiNormalizer::orthographic("२०२०") == "2020");
    CHECK(HindiNormalizer::orthographic("१९४७") == "1947");
}

TEST_CASE("HindiNormalizer::orthographic case-folds Latin letters") {
    CHECK(HindiNormalizer::orthographic("WHO") == "who");
    CHECK(HindiNormalizer::orthographic("Covid") == "covid");
}

TEST_CASE("HindiNormalizer::orthographic leaves an already normal word alone") {
    for (const char* word : {"भारत", "कोरोना", "मुलाकात", "राष्ट्रपति"}) {
        CAPTURE(word);
        CHECK(HindiNormalizer::orthographic(word) == word);
    }
}

TEST_CASE("HindiNormalizer::spelling_variants makes long i and u short") {
    CHECK(HindiNormalizer::spelling_variants("पॉजीटिव") == HindiNormalizer::spelling_variants("पॉजिटिव"));
    CHECK(HindiNormalizer::spelling_variants("जरूरी") == "जरुरि");
}

TEST_CASE("HindiNormalizer::spelling_variants folds candra o and candra e") {
    CHECK(HindiNormalizer::spelling_variants("लॉकडाउन") == "लाकडाउन");
    CHECK(HindiNormalizer::spelling_variants("डॉक्टर") == "डाक्टर");
}

TEST_CASE("HindiNormalizer::spelling_variants drops a final virama") {
    CHECK(HindiNormalizer::spelling_variants("जगत्") == "जगत");
    // A virama inside the word (a conjunct) stays.
    CHECK(HindiNormalizer::spelling_variants("मित्र") == "मित्र");
}
