/** @file html_charset.cpp @brief Charset detection of web pages and their decoding to UTF-8 with ICU converters. */
#include "common/ingest/html_charset.h"

#include "common/util/string_util.h"
#include "common/util/unicode_text.h"

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>

namespace khoj {

namespace {

// How far into a page its <meta> charset is looked for. The standard's 1024 bytes are too few
// for real pages: a browser-saved page puts kilobytes of injected scripts before it.
constexpr std::size_t kMetaScanBytes = 64 * 1024;
// A page with at most this many bytes that are not valid in its charset (a stray byte in an ad
// script) is read with U+FFFD in their place and a warning; more means the charset is wrong.
constexpr std::size_t kTolerableBadSequences = 3;

bool is_label_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.' || c == ':' || c == '+';
}

// The label after "charset" at @p at in @p text (`charset = "utf-8"` → `utf-8`).
std::string label_after(std::string_view text, std::size_t at) {
    std::size_t i = at + 7;  // past "charset"
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i >= text.size() || text[i] != '=') return {};
    ++i;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '"' || text[i] == '\'')) ++i;
    std::size_t end = i;
    while (end < text.size() && is_label_char(text[end])) ++end;
    return std::string(text.substr(i, end - i));
}

// The ICU converter name for a charset label as browsers read labels, or "" when unknown.
std::string converter_name(std::string label) {
    label = lower_ascii(trim(label));
    if (label == "utf-8" || label == "utf8" || label == "unicode-1-1-utf-8") return "utf-8";
    // The Encoding Standard reads all of these as windows-1252, and pages that say latin-1
    // mean it: curly quotes and dashes are in its 0x80–0x9F range.
    static const char* const kWindows1252[] = {"iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "cp819",
                                               "ibm819", "us-ascii", "ascii", "ansi_x3.4-1968", "windows-1252",
                                               "cp1252", "x-cp1252", "iso-ir-100"};
    if (std::find(std::begin(kWindows1252), std::end(kWindows1252), label) != std::end(kWindows1252)) return "windows-1252";
    // x-user-defined is what pages in a Devanagari *font* encoding (Kruti Dev and the like)
    // declare: their bytes are glyph numbers, not characters of any charset.
    if (label.empty() || label == "x-user-defined") return {};
    UErrorCode status = U_ZERO_ERROR;
    UConverter* converter = ucnv_open(label.c_str(), &status);
    if (U_FAILURE(status) || !converter) return {};
    ucnv_close(converter);
    return label;
}

// The 1-based line of byte @p offset.
std::size_t line_of(std::string_view bytes, std::size_t offset) {
    offset = std::min(offset, bytes.size());
    return 1 + static_cast<std::size_t>(std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

struct ConverterCloser {
    void operator()(UConverter* c) const { ucnv_close(c); }
};

// Decodes @p bytes with the ICU converter @p name, U+FFFD for each bad sequence; counts them
// and notes the offset of the first.
std::string convert(std::string_view bytes, const std::string& name, std::size_t& bad, std::size_t& first_bad) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, ConverterCloser> converter(ucnv_open(name.c_str(), &status));
    ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    if (U_FAILURE(status)) {
        bad = bytes.size() + 1;
        return {};
    }
    icu::UnicodeString decoded;
    const char* source = bytes.data();
    const char* const end = bytes.data() + bytes.size();
    UChar buffer[4096];
    for (;;) {
        UChar* target = buffer;
        const char* before = source;
        status = U_ZERO_ERROR;
        ucnv_toUnicode(converter.get(), &target, buffer + 4096, &source, end, nullptr, true, &status);
        decoded.append(buffer, static_cast<int32_t>(target - buffer));
        if (status == U_BUFFER_OVERFLOW_ERROR) continue;
        if (U_SUCCESS(status)) break;
        // The STOP callback consumed the bad sequence; decoding goes on after it.
        if (bad++ == 0) first_bad = static_cast<std::size_t>(source - bytes.data());
        decoded.append(static_cast<UChar>(0xFFFD));
        if (source >= end || (source == before && target == buffer)) break;
    }
    std::string utf8;
    decoded.toUTF8String(utf8);
    return utf8;
}

// Decodes @p bytes in @p name (a known converter), into @p page.
void decode_with(std::string_view bytes, const std::string& name, DecodedPage& page) {
    page.charset = name;
    if (name == "utf-8" && is_valid_utf8(bytes)) {
        page.text = std::string(bytes);
        return;
    }
    std::size_t bad = 0, first_bad = 0;
    std::string text = convert(bytes, name, bad, first_bad);
    if (bad > kTolerableBadSequences) {
        page.error = "bytes that are not " + name + ", the page's charset";
        page.error_line = line_of(bytes, first_bad);
        return;
    }
    if (bad) {
        page.warnings.push_back("invalid " + name + " replaced with U+FFFD: " + std::to_string(bad) + (bad == 1 ? " sequence" : " sequences") +
                                ", the first at line " + std::to_string(line_of(bytes, first_bad)));
    }
    page.text = std::move(text);
}

// True when @p bytes are not all ASCII (so that, valid as UTF-8, they hold multi-byte sequences).
bool has_non_ascii(std::string_view bytes) {
    return std::any_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

}  // namespace

std::string declared_charset(std::string_view bytes) {
    const std::string head = lower_ascii(std::string(bytes.substr(0, kMetaScanBytes)));
    for (std::size_t at = head.find("<meta"); at != std::string::npos; at = head.find("<meta", at + 5)) {
        const std::size_t end = head.find('>', at);
        const std::string_view tag = std::string_view(head).substr(at, end == std::string::npos ? std::string::npos : end - at);
        const std::size_t charset = tag.find("charset");
        if (charset == std::string_view::npos) continue;
        std::string label = label_after(tag, charset);
        if (!label.empty()) return label;
    }
    return {};
}

std::string charset_parameter(std::string_view content_type) {
    const std::string lowered = lower_ascii(std::string(content_type));
    const std::size_t at = lowered.find("charset");
    return at == std::string::npos ? std::string() : label_after(content_type, at);
}

DecodedPage decode_page(std::string_view bytes, std::string_view transport_charset) {
    DecodedPage page;
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
        decode_with(bytes.substr(3), "utf-8", page);
        return page;
    }
    if (bytes.substr(0, 2) == "\xFE\xFF" || bytes.substr(0, 2) == "\xFF\xFE") {
        decode_with(bytes.substr(2), bytes[0] == '\xFE' ? "utf-16be" : "utf-16le", page);
        return page;
    }
    std::string name;
    if (!transport_charset.empty()) {
        name = converter_name(std::string(transport_charset));
        if (name.empty()) page.warnings.push_back("unknown charset '" + std::string(transport_charset) + "' in the HTTP header, ignored");
    }
    const std::string meta = declared_charset(bytes);
    std::string meta_name = meta.empty() ? std::string() : converter_name(meta);
    // A page cannot declare itself UTF-16 in ASCII bytes; the standard reads such a page as UTF-8.
    if (meta_name.rfind("utf-16", 0) == 0) meta_name = "utf-8";
    if (!meta.empty() && meta_name.empty()) page.warnings.push_back("unknown charset '" + meta + "' declared by the page, ignored");
    // A server's default latin-1 over a page that says UTF-8 and is valid UTF-8 is the server's
    // mistake (Apache's AddDefaultCharset): a Hindi page read as windows-1252 is mojibake.
    if (name == "windows-1252" && meta_name == "utf-8" && has_non_ascii(bytes) && is_valid_utf8(bytes)) name = "utf-8";
    if (name.empty()) name = meta_name;
    const bool declared = !name.empty();
    if (!declared) name = "utf-8";
    decode_with(bytes, name, page);
    if (!page.error.empty() && !declared) {
        page.error = meta.empty() && transport_charset.empty() ? "not UTF-8, and the page declares no charset"
                                                               : "not UTF-8, and the charset it declares is unknown";
    }
    return page;
}

}  // namespace khoj
