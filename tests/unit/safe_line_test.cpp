/** @file safe_line_test.cpp @brief safe_line: file names and ids with newlines, escape sequences and broken UTF-8 print as one harmless line. */
#include "common/util/safe_line.h"

#include <doctest/doctest.h>

#include <string>

using namespace khoj;

TEST_CASE("safe_line keeps a file name holding a newline on one line") {
    CHECK(safe_line("समाचार/बुरा\nनाम.txt: binary file, not text") == "समाचार/बुरा\\nनाम.txt: binary file, not text");
    CHECK(safe_line("a\tb\rc") == "a\\tb\\rc");
}

TEST_CASE("safe_line shows escape sequences instead of letting them recolour or retitle the terminal") {
    CHECK(safe_line("लाल\x1b[31mशीर्षक") == "लाल\\x1b[31mशीर्षक");
    CHECK(safe_line("\x1b]0;HACKED\x07") == "\\x1b]0;HACKED\\x07");  // OSC 0 (window title) ended by BEL
    CHECK(safe_line(std::string("a\0b", 3)) == "a\\x00b");
    CHECK(safe_line("del\x7f") == "del\\x7f");
    CHECK(safe_line("\xc2\x9b" "2J") == "\\u009b2J");  // the one-character CSI of C1
    CHECK(safe_line("पंक्ति\xe2\x80\xa8दूसरी") == "पंक्ति\\u2028दूसरी");
}

TEST_CASE("safe_line shows bytes that are not UTF-8 as \\x escapes and keeps the valid text around them") {
    CHECK(safe_line("\xff\xfe टूटे अक्षर") == "\\xff\\xfe टूटे अक्षर");
    CHECK(safe_line("\xe0\xa4") == "\\xe0\\xa4");  // a Devanagari letter cut short
    CHECK(safe_line("\xc0\xaf") == "\\xc0\\xaf");  // an overlong '/'
}

TEST_CASE("safe_line leaves printable text, Devanagari and Latin alike, as it is") {
    const std::string text = "khoj-index: /srv/news/अमर उजाला/2020-04-01.jsonl:12: article 'AU-1' has no text";
    CHECK(safe_line(text) == text);
    CHECK(safe_line("") == "");
}
