/** @file hindi_stemmer_test.cpp @brief Tests of HindiStemmer, Snowball Hindi behind Xapian::Stem, with its short-word guard. */
#include "common/text/hindi_stemmer.h"

#include <doctest/doctest.h>
#include <xapian.h>

TEST_CASE("HindiStemmer::operator() conflates a plural with its singular") {
    Xapian::Stem stem(new khoj::HindiStemmer);
    CHECK(stem("मस्जिदों") == stem("मस्जिद"));
    CHECK(stem("उपग्रहों") == stem("उपग्रह"));
    CHECK(stem("मस्जिदें") == stem("मस्जिद"));
}

TEST_CASE("HindiStemmer::operator() keeps short words whole") {
    Xapian::Stem stem(new khoj::HindiStemmer);
    // Unguarded Snowball would give क and म, colliding with unrelated words.
    CHECK(stem("की") == "की");
    CHECK(stem("में") == "में");
    CHECK(stem("को") == "को");
}

TEST_CASE("HindiStemmer::get_description names the algorithm") {
    Xapian::Stem stem(new khoj::HindiStemmer);
    CHECK(stem.get_description().find("khoj::HindiStemmer") != std::string::npos);
    CHECK(stem.get_description().find("hindi") != std::string::npos);
}

TEST_CASE("devanagari_letter_count counts letters, not signs") {
    CHECK(khoj::devanagari_letter_count("की") == 1);
    CHECK(khoj::devanagari_letter_count("मस्जिद") == 4);  // म स ज द; virama and ि are signs
    CHECK(khoj::devanagari_letter_count("आम") == 2);
    CHECK(khoj::devanagari_letter_count("") == 0);
}
