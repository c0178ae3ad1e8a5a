/** @file hindi_normalizer_test.cpp @brief Tests of hindi_normalizer: encoding-level folding and spelling-variant folding. */
#include "common/text/hindi_normalizer.h"

#include <doctest/doctest.h>

namespace hindi_normalizer = khoj::hindi_normalizer;

TEST_CASE("hindi_normalizer::orthographic drops ZWJ and ZWNJ inside a word") {
    // Papers type दिल्‍ली with a ZERO WIDTH JOINER after the virama to force a half form.
    CHECK(hindi_normalizer::orthographic("दिल्\u200Dली") == "दिल्ली");
    CHECK(hindi_normalizer::orthographic("दिल्\u200Cली") == "दिल्ली");
    CHECK(hindi_normalizer::orthographic("दिल्ली") == "दिल्ली");
}

TEST_CASE("hindi_normalizer::orthographic folds nukta") {
    SUBCASE("precomposed U+0958 क़") { CHECK(hindi_normalizer::orthographic("\u0958ानून") == "कानून"); }
    SUBCASE("decomposed क + U+093C") { CHECK(hindi_normalizer::orthographic("क\u093Cानून") == "कानून"); }
    SUBCASE("ज़रूरी") { CHECK(hindi_normalizer::orthographic("ज\u093Cरूरी") == "जरूरी"); }
    CHECK(hindi_normalizer::orthographic("\u0958ानून") == hindi_normalizer::orthographic("क\u093Cानून"));
}

TEST_CASE("hindi_normalizer::orthographic turns chandrabindu into anusvara") {
    CHECK(hindi_normalizer::orthographic("जहाँ") == "जहां");
    CHECK(hindi_normalizer::orthographic("जहां") == "जहां");
}

TEST_CASE("hindi_normalizer::orthographic writes a nasal conjunct as anusvara") {
    CHECK(hindi_normalizer::orthographic("हिन्दी") == "हिंदी");
    CHECK(hindi_normalizer::orthographic("सम्बन्ध") == "संबंध");
    SUBCASE("not before य र ल व ह") { CHECK(hindi_normalizer::orthographic("अन्य") == "अन्य"); }
    SUBCASE("not before the same nasal") { CHECK(hindi_normalizer::orthographic("सम्मान") == "सम्मान"); }
}

TEST_CASE("hindi_normalizer::orthographic turns Devanagari digits into ASCII") {
    CHECK(hindi_normalizer::orthographic("२०२०") == "2020");
    CHECK(hindi_normalizer::orthographic("१९४७") == "1947");
}

TEST_CASE("hindi_normalizer::orthographic case-folds Latin letters") {
    CHECK(hindi_normalizer::orthographic("WHO") == "who");
    CHECK(hindi_normalizer::orthographic("Covid") == "covid");
}

TEST_CASE("hindi_normalizer::orthographic leaves an already normal word alone") {
    for (const char* word : {"भारत", "कोरोना", "मुलाकात", "राष्ट्रपति"}) {
        CAPTURE(word);
        CHECK(hindi_normalizer::orthographic(word) == word);
    }
}

TEST_CASE("hindi_normalizer::spelling_variants makes long i and u short") {
    CHECK(hindi_normalizer::spelling_variants("पॉजीटिव") == hindi_normalizer::spelling_variants("पॉजिटिव"));
    CHECK(hindi_normalizer::spelling_variants("जरूरी") == "जरुरि");
}

TEST_CASE("hindi_normalizer::spelling_variants folds candra o and candra e") {
    CHECK(hindi_normalizer::spelling_variants("लॉकडाउन") == "लाकडाउन");
    CHECK(hindi_normalizer::spelling_variants("डॉक्टर") == "डाक्टर");
}

TEST_CASE("hindi_normalizer::spelling_variants drops a final virama") {
    CHECK(hindi_normalizer::spelling_variants("जगत्") == "जगत");
    // A virama inside the word (a conjunct) stays.
    CHECK(hindi_normalizer::spelling_variants("मित्र") == "मित्र");
}

TEST_CASE("hindi_normalizer::consonant_skeleton keeps consonants and vowels, drops what orthographic may change") {
    CHECK(hindi_normalizer::consonant_skeleton("प्रवासी मजदूर") == U"परवसजदर");
    // A word and its orthographic form have one skeleton, whatever the encoding trap.
    for (const char* word : {"दिल्\u200Dली", "क़ानून", "क\u093Cानून", "जहाँ", "हिन्दी", "सम्बन्ध", "ऱाज", "२०२०", "WHO"}) {
        CAPTURE(word);
        CHECK(hindi_normalizer::consonant_skeleton(word) == hindi_normalizer::consonant_skeleton(hindi_normalizer::orthographic(word)));
    }
    CHECK(hindi_normalizer::consonant_skeleton("हिन्दी") == U"हद");
    // Independent vowels stay (उत्तर: उ त त र); the nasals, matras and marks go.
    CHECK(hindi_normalizer::consonant_skeleton("उत्तर") == U"उततर");
    CHECK(hindi_normalizer::consonant_skeleton("में, है।") == U"ह");
}
