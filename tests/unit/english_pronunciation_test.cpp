/** @file english_pronunciation_test.cpp @brief Tests of English pronunciation: IPA in Hindi romanisation conventions, and its distance from the index's Devanagari words. */
#include "common/text/english_pronunciation.h"
#include "common/text/romanisation.h"

#include <doctest/doctest.h>

using namespace khoj;

TEST_CASE("ipa_to_hindi_latin writes English sounds as Hindi loanwords do") {
    CHECK(ipa_to_hindi_latin("pəlˈiːs") == "pAliis");           // police → पुलिस
    CHECK(ipa_to_hindi_latin("ˈʌpdeɪt") == "apdet");            // update → अपडेट
    CHECK(ipa_to_hindi_latin("dˈɑːktɚ") == "doktAr");           // doctor → डॉक्टर
    CHECK(ipa_to_hindi_latin("hˈɑːspɪɾəl") == "hospitAl");      // hospital → हॉस्पिटल: the flap is t
    CHECK(ipa_to_hindi_latin("mˈiːɾɪŋ") == "miiting");          // meeting → मीटिंग
    CHECK(ipa_to_hindi_latin("tˈaʊɚ") == "taavAr");             // tower → टावर
    CHECK(ipa_to_hindi_latin("bˈæŋk") == "baenk");              // bank → बैंक
}

TEST_CASE("pronunciation_distance finds पुलिस for police, and पॉलिसी far") {
    const std::string police = ipa_to_hindi_latin("pəlˈiːs");
    const double right = pronunciation_distance(police, "पुलिस");
    const double wrong = pronunciation_distance(police, "पॉलिसी");
    CHECK(right <= 0.2);
    CHECK(wrong - right > 0.3);  // beyond the margin within which spellings count as one word
    CHECK(pronunciation_distance(ipa_to_hindi_latin("ˈʌpdeɪt"), "अपडेट") <= 0.1);
    CHECK(pronunciation_distance(ipa_to_hindi_latin("dˈeɪɾə"), "डेटा") < pronunciation_distance(ipa_to_hindi_latin("dˈeɪɾə"), "देत"));
    SUBCASE("the vowel of bank is ऐ, ए or आ; the diphthong of price is not ए") {
        CHECK(pronunciation_distance(ipa_to_hindi_latin("bˈæŋk"), "बैंक") <= 0.1);
        CHECK(pronunciation_distance(ipa_to_hindi_latin("plˈæzmə"), "प्लाज्मा") <= 0.3);
        CHECK(pronunciation_distance(ipa_to_hindi_latin("pɹˈaɪs"), "प्रेस") > 0.3);
    }
}

TEST_CASE("EnglishPronouncer::hindi_latin reads any English word, dictionary word or not") {
    EnglishPronouncer& pronouncer = EnglishPronouncer::instance();
    CHECK(pronouncer.hindi_latin("police") == "pAliis");
    const std::string drug = pronouncer.hindi_latin("hydroxychloroquine");
    REQUIRE(!drug.empty());
    CHECK(pronunciation_distance(drug, "हाइड्रोक्सीक्लोरोक्वाइन") <= 0.2);
    CHECK(consonant_skeleton(romanisation_key(pronounced_lookup_form(drug))) ==
          consonant_skeleton(romanisation_key_of_devanagari("हाइड्रोक्सीक्लोरोक्वीन")));
    SUBCASE("New Zealand, said as one, is the one word Hindi writes") {
        const std::string country = pronouncer.hindi_latin("New Zealand");
        CHECK(pronunciation_distance(country, "न्यूजीलैंड") <= 0.6);
    }
}
