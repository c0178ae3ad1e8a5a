/** @file safe_line.cpp @brief Escaping of control characters and invalid UTF-8 for one-line terminal messages. */
#include "common/util/safe_line.h"

#include "common/util/unicode_text.h"

#include <cstdio>

namespace khoj {

namespace {

// Length of the UTF-8 sequence that @p lead starts (0: a byte no valid sequence starts with).
std::size_t sequence_length(unsigned char lead) {
    if (lead < 0x80) return 1;
    if (lead < 0xC2) return 0;  // a continuation byte, or an overlong two-byte form
    if (lead < 0xE0) return 2;
    if (lead < 0xF0) return 3;
    return lead < 0xF5 ? 4 : 0;
}

void append_escape(std::string& out, const char* format, unsigned value) {
    char buf[8];
    std::snprintf(buf, sizeof buf, format, value);
    out += buf;
}

}  // namespace

std::string safe_line(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        const std::size_t length = sequence_length(byte);
        if (length == 0 || i + length > text.size() || !is_valid_utf8(text.substr(i, length))) {
            append_escape(out, "\\x%02x", byte);
            ++i;
            continue;
        }
        std::size_t next = i;
        const char32_t cp = next_code_point(text, next);
        if (cp == '\n') out += "\\n";
        else if (cp == '\t') out += "\\t";
        else if (cp == '\r') out += "\\r";
        else if (cp < 0x20 || cp == 0x7F) append_escape(out, "\\x%02x", static_cast<unsigned>(cp));
        else if ((cp >= 0x80 && cp < 0xA0) || cp == 0x2028 || cp == 0x2029) append_escape(out, "\\u%04x", static_cast<unsigned>(cp));
        else out.append(text.substr(i, length));
        i += length;
    }
    return out;
}

}  // namespace khoj
