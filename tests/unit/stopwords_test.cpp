/** @file stopwords_test.cpp @brief Tests of is_stopword: Hindi and English function words, never content words. */
#include "common/text/stopwords.h"

#include <doctest/doctest.h>

using khoj::is_stopword;

TEST_CASE("is_stopword knows Hindi postpositions, auxiliaries and English function words") {
    for (const char* word : {"का", "की", "के", "में", "है", "और", "से", "को", "the", "of"}) {
        CAPTURE(word);
        CHECK(is_stopword(word));
    }
}

TEST_CASE("is_stopword keeps the content words people search for") {
    for (const char* word : {"दिल्ली", "कोरोना", "पुलिस", "मजदूर", "मेरठ", "covid", "police"}) {
        CAPTURE(word);
        CHECK_FALSE(is_stopword(word));
    }
}
