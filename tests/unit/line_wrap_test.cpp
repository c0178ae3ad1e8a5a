/** @file line_wrap_test.cpp @brief LineWrapper and wrap_to_width: lines by display width, never splitting a Devanagari word. */
#include "common/output/line_wrap.h"

#include <doctest/doctest.h>

#include <string>

using namespace khoj;

TEST_CASE("wrap_to_width breaks between words by display columns, not bytes") {
    // "रक्षा" is 5 code points and 15 bytes but 3 columns wide (क्ष is one cluster, ा a matra).
    CHECK(wrap_to_width("रक्षा मंत्री सर्गेई शोइगु", 12) == "रक्षा मंत्री\nसर्गेई शोइगु");
    CHECK(wrap_to_width("रक्षा मंत्री सर्गेई शोइगु", 80) == "रक्षा मंत्री सर्गेई शोइगु");
}

TEST_CASE("wrap_to_width keeps the text's own line breaks and folds the white space between words") {
    CHECK(wrap_to_width("पहला  पैरा\t\r\n\nदूसरा पैरा\n", 40) == "पहला पैरा\n\nदूसरा पैरा\n");
}

TEST_CASE("wrap_to_width gives a word wider than the line a line of its own, and takes 10 columns at least") {
    CHECK(wrap_to_width("a ThisWordIsLongerThanTheLine b", 10) == "a\nThisWordIsLongerThanTheLine\nb");
    CHECK(wrap_to_width("aaaa bbbb cccc", 3) == "aaaa bbbb\ncccc");
}

TEST_CASE("LineWrapper::start_word stops at the last line allowed, marking the cut") {
    LineWrapper lines(10, 2, "  ");
    for (const char* word : {"किम", "जोंग", "उन", "ने", "शोइगु", "से", "बात", "की"}) {
        if (!lines.start_word(std::string_view(word) == "शोइगु" ? 4 : 3)) break;
        lines.append(word);
    }
    CHECK(lines.text() == "  किम जोंग\n  उन ने …");
}
