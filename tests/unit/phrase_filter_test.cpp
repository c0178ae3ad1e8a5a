/** @file phrase_filter_test.cpp @brief Tests of text_has_phrase: consecutive words in normalised form, stop words included. */
#include "common/search/phrase_filter.h"
#include "common/text/analyzer.h"

#include <doctest/doctest.h>

using namespace khoj;

TEST_CASE("text_has_phrase finds the words only when adjacent and in order") {
    Analyzer analyzer;
    const PhraseWords phrase = {{"रक्षा"}, {"मंत्री"}};
    CHECK(text_has_phrase("रूस के रक्षा मंत्री शोइगु प्योंगयांग पहुंचे।", phrase, analyzer));
    CHECK_FALSE(text_has_phrase("मंत्री ने रक्षा सौदे पर बात की।", phrase, analyzer));
    CHECK_FALSE(text_has_phrase("रक्षा और विदेश मंत्री", phrase, analyzer));
}

TEST_CASE("text_has_phrase counts stop words and accepts any listed spelling at a position") {
    Analyzer analyzer;
    const PhraseWords with_stop_word = {{"शराब"}, {"की"}, {"दुकानें", "दुकान"}};
    CHECK(text_has_phrase("शहर में शराब की दुकानें खुलीं।", with_stop_word, analyzer));
    CHECK(text_has_phrase("शराब की दुकान पर भीड़", with_stop_word, analyzer));
    CHECK_FALSE(text_has_phrase("शराब दुकानें खुलीं", with_stop_word, analyzer));
}

TEST_CASE("text_has_phrase matches text written with a ZWJ or nukta in normalised form") {
    Analyzer analyzer;
    // दिल्‍ली with a ZWJ is दिल्ली once normalised, as phrases are checked.
    CHECK(text_has_phrase("नई दिल्‍ली में बारिश", {{"नई"}, {"दिल्ली"}}, analyzer));
}
