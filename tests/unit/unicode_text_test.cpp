/** @file unicode_text_test.cpp @brief Tests of the UTF-8 helpers: validation, NFC, case folding, safe cut offsets, display width. */
#include "common/util/unicode_text.h"

#include <doctest/doctest.h>

#include <string>

using namespace khoj;

namespace {

// The code point that ends just before byte @p offset.
char32_t code_point_before(const std::string& text, std::size_t offset) {
    std::size_t back = offset - 1;
    while (back > 0 && (static_cast<unsigned char>(text[back]) & 0xC0) == 0x80) --back;
    return next_code_point(text, back);
}

void check_no_cut_inside_conjunct(const std::string& text) {
    auto cuts = safe_cut_offsets(text);
    REQUIRE(!cuts.empty());
    CHECK(cuts.front() == 0);
    CHECK(cuts.back() == text.size());
    for (std::size_t cut : cuts) {
        if (cut == 0 || cut == text.size()) continue;
        CAPTURE(cut);
        char32_t before = code_point_before(text, cut);
        CHECK(before != 0x094D);  // virama
        CHECK(before != 0x200D);  // ZWJ
        CHECK(is_valid_utf8(text.substr(0, cut)));
    }
}

}  // namespace

TEST_CASE("is_valid_utf8 accepts Hindi and ASCII") {
    CHECK(is_valid_utf8("नमस्ते दुनिया"));
    CHECK(is_valid_utf8("hello"));
    CHECK(is_valid_utf8(""));
}

TEST_CASE("is_valid_utf8 rejects malformed sequences") {
    CHECK_FALSE(is_valid_utf8("\xC3\x28"));            // bad continuation byte
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));            // overlong '/'
    CHECK_FALSE(is_valid_utf8("\xE0\x80\xAF"));        // overlong, 3 bytes
    CHECK_FALSE(is_valid_utf8("\xF0\x80\x80\xAF"));    // overlong, 4 bytes
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));        // UTF-16 surrogate
    CHECK_FALSE(is_valid_utf8("\xE0\xA4"));            // truncated क
    CHECK_FALSE(is_valid_utf8("abc\xFF"));
}

TEST_CASE("next_code_point decodes and advances") {
    const std::string text = "aक";
    std::size_t i = 0;
    CHECK(next_code_point(text, i) == U'a');
    CHECK(i == 1);
    CHECK(next_code_point(text, i) == U'\u0915');
    CHECK(i == 4);
    const std::string bad = "\xFF";
    i = 0;
    CHECK(next_code_point(bad, i) == U'\uFFFD');
    CHECK(i == 1);
}

TEST_CASE("append_utf8 encodes every length") {
    std::string out;
    append_utf8(out, U'a');
    append_utf8(out, U'\u00E9');
    append_utf8(out, U'\u0915');
    append_utf8(out, U'\U0001F600');
    CHECK(out == "a\u00E9\u0915\U0001F600");
}

TEST_CASE("to_nfc composes a decomposed nukta letter") {
    // U+0958 क़ is a composition exclusion, so NFC writes it as क + nukta; both inputs must agree.
    CHECK(to_nfc("\u0958") == to_nfc("\u0915\u093C"));
    CHECK(to_nfc("e\u0301") == "\u00E9");
    CHECK(to_nfc("\u0928\u093C") == "\u0929");  // ऩ composes
    CHECK(to_nfc("भारत") == "भारत");
}

TEST_CASE("fold_case folds Latin letters") {
    CHECK(fold_case("COVID") == "covid");
    CHECK(fold_case("Straße") == "strasse");
    CHECK(fold_case("कोरोना") == "कोरोना");
}

TEST_CASE("safe_cut_offsets never cuts after a virama or a ZWJ") {
    SUBCASE("क्षत्रिय") {
        const std::string text = "क्षत्रिय";
        check_no_cut_inside_conjunct(text);
        // क्ष | त्रि | य
        CHECK(safe_cut_offsets(text) == std::vector<std::size_t>{0, 9, 21, 24});
    }
    SUBCASE("स्त्री") {
        const std::string text = "स्त्री";
        check_no_cut_inside_conjunct(text);
        CHECK(safe_cut_offsets(text) == std::vector<std::size_t>{0, text.size()});
    }
    SUBCASE("दिल्‍ली with ZWJ") { check_no_cut_inside_conjunct("दिल्\u200Dली"); }
    SUBCASE("a sentence") { check_no_cut_inside_conjunct("राष्ट्रपति पुतिन ने क़ानून पर हस्ताक्षर किए।"); }
}

TEST_CASE("display_width gives combining marks no width") {
    // न म स ् त े: the virama and the vowel sign े take no column.
    CHECK(display_width("नमस्ते") == 4);
    CHECK(display_width("hello") == 5);
    CHECK(display_width("") == 0);
    CHECK(display_width("\u4E2D") == 2);  // a wide CJK character
}

TEST_CASE("has_devanagari finds Devanagari anywhere in a word") {
    CHECK(has_devanagari("COVIDके"));
    CHECK_FALSE(has_devanagari("COVID-19"));
    CHECK(is_devanagari(U'\u0915'));
    CHECK_FALSE(is_devanagari(U'a'));
}

TEST_CASE("contains_whole_word does not find a word inside a longer word") {
    CHECK(khoj::contains_whole_word("यह उपलब्धि है", "उपलब्धि"));
    CHECK_FALSE(khoj::contains_whole_word("यह उपलब्धि है", "उपलब्ध"));  // ि continues the word
    CHECK(khoj::contains_whole_word("दवा उपलब्ध। फिर", "उपलब्ध"));      // the danda ends it
    CHECK_FALSE(khoj::contains_whole_word("मुंबई", "मुं"));
    CHECK(khoj::contains_whole_word("Covid in Mumbai", "Mumbai"));
    CHECK_FALSE(khoj::contains_whole_word("", "x"));
}
