/** @file html_charset.h @brief The charset of a web page (byte order mark, HTTP header, <meta>) and its decoding to UTF-8. */
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace khoj {

/// A page's bytes as UTF-8, or why they could not be read.
struct DecodedPage {
    std::string text;                   ///< the page as UTF-8 (empty when error is set)
    std::string charset;                ///< the charset it was read in, as ICU names it ("utf-8", "windows-1252", "x-iscii-de")
    std::string error;                  ///< why the page could not be decoded
    std::size_t error_line = 0;         ///< the 1-based line of the first undecodable byte, when that is the reason
    std::vector<std::string> warnings;  ///< e.g. a declared charset that is unknown, ignored
};

/// The charset a page declares in its own markup: `<meta charset=…>` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">` in its first 64 KiB; empty if none.
std::string declared_charset(std::string_view bytes);

/// The charset parameter of a Content-Type value (`text/html; charset="ISO-8859-1"` → `ISO-8859-1`).
std::string charset_parameter(std::string_view content_type);

/// Decodes page bytes to UTF-8. The charset is, in the order of the HTML standard: a byte order
/// mark, @p transport_charset (the HTTP header's), the page's <meta>, else UTF-8 when the bytes are
/// valid UTF-8. Labels are read as browsers read them (`iso-8859-1` and `ascii` are windows-1252)
/// and decoded by ICU, which also knows ISCII (`x-iscii-de`), the Indian standard glibc's iconv lacks.
DecodedPage decode_page(std::string_view bytes, std::string_view transport_charset = {});

}  // namespace khoj
