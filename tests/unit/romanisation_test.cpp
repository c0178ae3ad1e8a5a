/** @file romanisation_test.cpp @brief Tests of cross-script matching: transliteration with schwa deletion, phonetic keys, skeletons, distance. */
#include "common/text/romanisation.h"

#include <doctest/doctest.h>

using namespace khoj;

namespace {

std::string skeleton_of_latin(const char* latin) { return consonant_skeleton(romanisation_key(latin)); }
std::string skeleton_of_devanagari(const char* word) { return consonant_skeleton(romanisation_key_of_devanagari(word)); }

}  // namespace

TEST_CASE("devanagari_to_latin deletes the schwa where Hindi speakers do") {
    CHECK(devanagari_to_latin("शिवराज") == "shivraaj");
    CHECK(devanagari_to_latin("कमला") == "kamlaa");
    CHECK(devanagari_to_latin("समझना") == "samajhnaa");
    SUBCASE("a final conjunct keeps its vowel") { CHECK(devanagari_to_latin("मित्र") == "mitra"); }
}

TEST_CASE("devanagari_to_latin keeps a final vowel where Hindi says it") {
    SUBCASE("after a conjunct ending in र, ल, य or व") {
        CHECK(devanagari_to_latin("मिश्र") == "mishra");
        CHECK(devanagari_to_latin("शुक्ल") == "shukla");
        CHECK(devanagari_to_latin("सूर्य") == "suurya");
        CHECK(devanagari_to_latin("विश्व") == "vishva");
        CHECK(devanagari_to_latin("कृष्ण") == "krishna");
    }
    SUBCASE("in -iya") {
        CHECK(devanagari_to_latin("विजयवर्गीय") == "vijayvargiiya");
        CHECK(devanagari_to_latin("भारतीय") == "bhaartiiya");
    }
    SUBCASE("not after a plain consonant") {
        CHECK(devanagari_to_latin("राम") == "raam");
        CHECK(devanagari_to_latin("कमल") == "kamal");
        CHECK(devanagari_to_latin("विजय") == "vijay");
        CHECK(devanagari_to_latin("समय") == "samay");
    }
    SUBCASE("not after other conjuncts, said as a final cluster") {
        CHECK(devanagari_to_latin("ट्रस्ट") == "trast");
        CHECK(devanagari_to_latin("बोर्ड") == "bord");
        CHECK(devanagari_to_latin("धर्म") == "dharm");
    }
}

TEST_CASE("romanisation_key is the same with or without a final vowel") {
    // The lookup keys of the index do not change with the final-vowel rule: a final a and the y of
    // -iya are folded away.
    CHECK(romanisation_key_of_devanagari("विजयवर्गीय") == romanisation_key("Vijayvargiya"));
    CHECK(romanisation_key_of_devanagari("विजयवर्गीय") == romanisation_key("Vijayvargiy"));
    CHECK(romanisation_key_of_devanagari("बोर्ड") == romanisation_key("borda"));
}

TEST_CASE("readable_latin writes an unknown name the way a reader would") {
    CHECK(readable_latin("केनरा") == "kenra");  // kenraa: a doubled a is written once
    CHECK(readable_latin("बैंक") == "baink");
    CHECK(readable_latin("प्रदीप") == "pradip");
    CHECK(readable_latin("सू") == "su");
    CHECK(readable_latin("विजयवर्गीय") == "vijayvargiya");  // not vijayvargiy
    CHECK(readable_latin("मिश्र") == "mishra");
    CHECK(readable_latin("राम") == "ram");
    SUBCASE("a name its bearers romanise their own way") {
        CHECK(devanagari_to_latin("सिंह") == "sinh");
        CHECK(readable_latin("सिंह") == "singh");
    }
}

namespace {

// A word with fold_latin_letters applied wherever a rule starts, other letters kept.
std::string fold_latin_word(const std::string& latin) {
    std::string out;
    for (std::size_t k = 0; k < latin.size();) {
        if (std::size_t folded = fold_latin_letters(latin, k, out)) k += folded;
        else out += latin[k++];
    }
    return out;
}

}  // namespace

TEST_CASE("fold_latin_letters undoes English spelling of Hindi sounds") {
    CHECK(fold_latin_word("vaccine") == "vaksine");        // cc before i, वैक्सीन
    CHECK(fold_latin_word("quarantine") == "kvarantine");  // qu, क्वारंटाइन
    CHECK(fold_latin_word("lockdown") == "lokdovn");       // ck, w
    CHECK(fold_latin_word("acchha") == "achha");           // the first c of cch, अच्छा
    CHECK(fold_latin_word("chandigarh") == "chandigarh");  // ch stays ch
    CHECK(fold_latin_word("phone") == "fone");
    CHECK(fold_latin_word("meerut") == "miirut");          // ee is a long i, मेरठ
    CHECK(fold_latin_word("zila") == "jila");              // जिला
    CHECK(fold_latin_word("city") == "sity");              // c before i, y is no rule here
}

TEST_CASE("fold_latin_letters reports how many letters a rule replaced") {
    std::string out;
    CHECK(fold_latin_letters("ph", 0, out) == 2);
    CHECK(out == "f");
    out.clear();
    CHECK(fold_latin_letters("x", 0, out) == 1);
    CHECK(out == "ks");
    out.clear();
    CHECK(fold_latin_letters("kamla", 0, out) == 0);  // no rule starts at k
    CHECK(out.empty());
}

TEST_CASE("spelling_form and romanisation_key both fold English spellings, each keeping what it needs") {
    // Both undo ph; only the key folds aspiration (sh → s) and vowel length (ii → i).
    CHECK(spelling_form("Phone") == "fone");
    CHECK(romanisation_key("Phone") == "fone");
    CHECK(spelling_form("Shah") == "shah");
    CHECK(romanisation_key("Shah") == "sah");
    CHECK(spelling_form("Meerut") == "miirut");
    CHECK(romanisation_key("Meerut") == "mirut");
}

TEST_CASE("romanisation_key gives one key for the spellings of one name") {
    const std::string key = romanisation_key("Shoigu");
    CHECK(key == "soigu");
    CHECK(romanisation_key_of_devanagari("शोइगु") == key);
    CHECK(romanisation_key_of_devanagari("सोइगु") == key);
    CHECK(romanisation_key("shoigu") == key);
}

TEST_CASE("romanisation_key matches Pyongyang in both Devanagari spellings") {
    const std::string key = romanisation_key("Pyongyang");
    CHECK(romanisation_key_of_devanagari("प्योंगयांग") == key);
    CHECK(romanisation_key_of_devanagari("प्योंग्यांग") == key);
}

TEST_CASE("romanisation_key folds what romanisers disagree on") {
    CHECK(romanisation_key("Kerala") == romanisation_key("Keral"));
    CHECK(romanisation_key("vaccine") == "vaksine");  // English c before e/i sounds s
    CHECK(consonant_skeleton(romanisation_key("vaccine")) == skeleton_of_devanagari("वैक्सीन"));
    CHECK(romanisation_key("Khan") == romanisation_key("Kan"));
}

TEST_CASE("consonant_skeleton is equal for Meerut and मेरठ") {
    CHECK(skeleton_of_latin("Meerut") == skeleton_of_devanagari("मेरठ"));
}

TEST_CASE("consonant_skeleton is equal for lockdown and लॉकडाउन") {
    CHECK(skeleton_of_latin("lockdown") == skeleton_of_devanagari("लॉकडाउन"));
}

TEST_CASE("consonant_skeleton is equal for Ahmedabad and अहमदाबाद") {
    CHECK(skeleton_of_latin("Ahmedabad") == skeleton_of_devanagari("अहमदाबाद"));
    CHECK(skeleton_of_devanagari("अहमदाबाद") == "@hmdbd");  // the example in romanisation.h
}

TEST_CASE("consonant_skeleton marks a word that starts with a vowel") {
    CHECK(consonant_skeleton("amar") == "@mr");
    CHECK(consonant_skeleton("mar") == "mr");
}

TEST_CASE("key_distance is zero for equal keys") {
    CHECK(key_distance("soigu", "soigu") == doctest::Approx(0.0));
    CHECK(key_distance("", "") == doctest::Approx(0.0));
}

TEST_CASE("key_distance charges less for a vowel change than for a consonant change") {
    const double vowel = key_distance("soigu", "soiga");
    const double consonant = key_distance("soigu", "soitu");
    CHECK(vowel > 0);
    CHECK(vowel < consonant);
    CHECK(key_distance("kamla", "kamal") < key_distance("kamla", "karla"));
    CHECK(key_distance("soigu", "soiga") == doctest::Approx(key_distance("soiga", "soigu")));
}

TEST_CASE("letter_names spells an acronym the way Hindi papers write it") {
    CHECK(letter_names("WHO") == "डब्ल्यूएचओ");
    CHECK(letter_names("ICMR") == "आईसीएमआर");
    CHECK(letter_names("PPE") == "पीपीई");
    CHECK(letter_names("who") == "डब्ल्यूएचओ");
    CHECK(letter_names("Pyongyang").empty());  // over 6 letters: a word, not an acronym
    CHECK(letter_names("A").empty());
}

TEST_CASE("letters_of_letter_names reads initials written as letter names") {
    CHECK(letters_of_letter_names("वीके") == "VK");   // वीके सिंह
    CHECK(letters_of_letter_names("एनआरके") == "NRK");
    CHECK(letters_of_letter_names("एपीजे") == "APJ");
    CHECK(letters_of_letter_names("आर") == "R");
    CHECK(letters_of_letter_names(letter_names("WHO")) == "WHO");  // the inverse of letter_names
    CHECK(letters_of_letter_names("राम").empty());
    CHECK(letters_of_letter_names("सीमा").empty());  // सी is C, but मा is no letter
    CHECK(letters_of_letter_names("").empty());
}

TEST_CASE("is_ascii_word accepts only ASCII letters") {
    CHECK(is_ascii_word("Shoigu"));
    CHECK_FALSE(is_ascii_word("शोइगु"));
    CHECK_FALSE(is_ascii_word("covid19"));
    CHECK_FALSE(is_ascii_word(""));
}

TEST_CASE("spelling_distance undoes English spelling conventions in names and loanwords") {
    // ow at the end is a vowel (Lucknow / लखनऊ); qu is kv (quarantine / क्वारंटाइन);
    // ai ~ e (AIIMS / एम्स); all close enough to be found, far closer than an unrelated word.
    CHECK(spelling_distance("Lucknow", "लखनऊ") < 0.8);
    CHECK(spelling_distance("quarantine", "क्वारंटाइन") < 0.8);
    CHECK(spelling_distance("aiims", "एम्स") < 0.8);
    CHECK(spelling_distance("Lucknow", "लखनऊ") < spelling_distance("Lucknow", "लाखों"));
}

TEST_CASE("looks_like_acronym takes capitals or words too short of vowels, of 2 to 6 letters") {
    CHECK(looks_like_acronym("WHO"));
    CHECK(looks_like_acronym("AIIMS"));
    CHECK(looks_like_acronym("icmr"));
    CHECK(looks_like_acronym("ppe"));
    CHECK_FALSE(looks_like_acronym("Shoigu"));
    CHECK_FALSE(looks_like_acronym("modi"));
    CHECK_FALSE(looks_like_acronym("UNESCOX"));  // over 6 letters: letter_names() has no reading
    CHECK_FALSE(looks_like_acronym("A"));
}
