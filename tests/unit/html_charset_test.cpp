/** @file html_charset_test.cpp @brief Tests of the charset of web pages: declared_charset, charset_parameter and decode_page. */
#include "common/ingest/html_charset.h"

#include <doctest/doctest.h>

using namespace khoj;

TEST_CASE("declared_charset finds <meta charset> and the http-equiv form, also after long scripts") {
    CHECK(declared_charset("<html><head><meta charset=\"utf-8\" /><title>खबर</title>") == "utf-8");
    CHECK(declared_charset("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1252\">") == "windows-1252");
    CHECK(declared_charset("<head><script>" + std::string(20000, 'x') + "</script><meta charset='x-iscii-de'>") == "x-iscii-de");
    CHECK(declared_charset("<html><body>charset=utf-8 written in text, not in a meta tag</body>") == "");
}

TEST_CASE("charset_parameter reads the charset of a Content-Type value") {
    CHECK(charset_parameter("text/html; charset=UTF-8") == "UTF-8");
    CHECK(charset_parameter("text/html;charset=\"ISO-8859-1\"") == "ISO-8859-1");
    CHECK(charset_parameter("text/html") == "");
}

TEST_CASE("decode_page reads UTF-8, a byte order mark and the legacy charsets a Hindi page may declare") {
    const DecodedPage utf8 = decode_page("<p>हिंदी समाचार</p>");
    CHECK(utf8.error.empty());
    CHECK(utf8.charset == "utf-8");
    CHECK(utf8.text == "<p>हिंदी समाचार</p>");
    CHECK(decode_page("\xEF\xBB\xBF<p>खबर</p>").text == "<p>खबर</p>");
    // UTF-16 with its byte order mark: "<p>क</p>" little-endian.
    CHECK(decode_page(std::string("\xFF\xFE<\0p\0>\0\x15\x09<\0/\0p\0>\0", 18)).text == "<p>क</p>");
    // ISCII-91 (x-iscii-de): भारत.
    const DecodedPage iscii = decode_page("<meta charset=\"x-iscii-de\"><p>\xcb\xda\xcf\xc2</p>");
    CHECK(iscii.error.empty());
    CHECK(iscii.text == "<meta charset=\"x-iscii-de\"><p>भारत</p>");
}

TEST_CASE("decode_page lets the HTTP header's charset win, except a server's latin-1 default over a UTF-8 page") {
    CHECK(decode_page("<p>caf\xe9</p>", "windows-1252").text == "<p>café</p>");
    CHECK(decode_page("<meta charset=\"utf-8\"><p>caf\xe9</p>", "ISO-8859-1").text == "<meta charset=\"utf-8\"><p>café</p>");
    // Apache's AddDefaultCharset ISO-8859-1 over a page that says, and is, UTF-8: read as UTF-8.
    const DecodedPage hindi = decode_page("<meta charset=\"utf-8\"><p>खबर</p>", "ISO-8859-1");
    CHECK(hindi.charset == "utf-8");
    CHECK(hindi.text == "<meta charset=\"utf-8\"><p>खबर</p>");
}

TEST_CASE("decode_page replaces a few stray bytes with a warning and refuses a page in the wrong charset") {
    const DecodedPage stray = decode_page("<meta charset=\"utf-8\">\n<p>खबर \xff</p>");
    CHECK(stray.error.empty());
    CHECK(stray.text == "<meta charset=\"utf-8\">\n<p>खबर \xEF\xBF\xBD</p>");
    REQUIRE(stray.warnings.size() == 1);
    CHECK(stray.warnings[0] == "invalid utf-8 replaced with U+FFFD: 1 sequence, the first at line 2");
    const DecodedPage wrong = decode_page("<meta charset=\"utf-8\">\n\n<p>\xcb\xda\xcf\xc2 \xcc\xe1\xa2</p>");
    CHECK(wrong.text.empty());
    CHECK(wrong.error == "bytes that are not utf-8, the page's charset");
    CHECK(wrong.error_line == 3);
    CHECK(decode_page("<p>\xcb\xda\xcf\xc2 \xcc\xe1\xa2</p>").error == "not UTF-8, and the page declares no charset");
    // Pages in a Devanagari font encoding declare x-user-defined: their bytes are glyphs, not text.
    const DecodedPage font = decode_page("<meta charset=\"x-user-defined\"><p>\xcb\xda\xcf\xc2 \xcc\xe1\xa2</p>");
    CHECK(font.error == "not UTF-8, and the charset it declares is unknown");
    REQUIRE(font.warnings.size() == 1);
    CHECK(font.warnings[0] == "unknown charset 'x-user-defined' declared by the page, ignored");
}
