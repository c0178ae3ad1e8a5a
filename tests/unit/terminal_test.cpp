/** @file terminal_test.cpp @brief Tests of output/terminal: printable_text and printable_line (the escapes of reliability probe 4.1–4.5) and the colour policy (use_color). */
#include "common/output/terminal.h"
#include "common/util/errors.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

using namespace khoj;

TEST_CASE("printable_text shows C0 controls in caret notation and keeps tab and line feed") {
    CHECK(printable_text("सुरक्षा \x1b[2J\x1b[H समाचार") == "सुरक्षा ^[[2J^[[H समाचार");
    CHECK(printable_text("\x1b]52;c;ZWNobyBwd25lZA==\x07") == "^[]52;c;ZWNobyBwd25lZA==^G");
    CHECK(printable_text(std::string("a\0b\x7f", 4)) == "a^@b^?");
    CHECK(printable_text("पहली पंक्ति\n\tदूसरी\r\n") == "पहली पंक्ति\n\tदूसरी \n");
}

TEST_CASE("printable_text replaces C1 controls and bytes that are not UTF-8, and keeps Devanagari as it is") {
    CHECK(printable_text("\u009b31mलाल\u0085") == "\uFFFD31mलाल\uFFFD");
    CHECK(printable_text("\xff\xfe ok \xc3\x28") == "\uFFFD\uFFFD ok \uFFFD(");
    const std::string hindi = "रूस के रक्षा मंत्री सर्गेई शोइगु, दिल्‍ली (ZWJ) और ॐ";
    CHECK(printable_text(hindi) == hindi);
}

TEST_CASE("printable_line also makes tab and line feed spaces") {
    CHECK(printable_line("id with space\tand\nESC \x1b[5m") == "id with space and ESC ^[[5m");
}

TEST_CASE("use_color obeys always and never, and refuses other values") {
    CHECK(use_color("always"));
    CHECK_FALSE(use_color("never"));
    CHECK_THROWS_AS(use_color("sometimes"), UsageError);
}

TEST_CASE("use_color auto is off under NO_COLOR and TERM=dumb, whatever the terminal") {
    ::setenv("NO_COLOR", "1", 1);
    CHECK_FALSE(use_color("auto"));
    ::unsetenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    const std::string saved = term ? term : "";
    ::setenv("TERM", "dumb", 1);
    CHECK_FALSE(use_color("auto"));
    if (term) ::setenv("TERM", saved.c_str(), 1); else ::unsetenv("TERM");
}
