/** @file unicode_text.cpp @brief UTF-8 helpers on top of ICU. */
#include "common/util/unicode_text.h"

#include <cstring>

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <cctype>
#include <memory>

namespace khoj {

bool is_valid_utf8(std::string_view text) {
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    const auto length = static_cast<int32_t>(text.size());
    int32_t pos = 0;
    while (pos < length) {
        UChar32 c;
        U8_NEXT(s, pos, length, c);
        if (c < 0) return false;
    }
    return true;
}

char32_t next_code_point(std::string_view text, std::size_t& i) {
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    auto pos = static_cast<int32_t>(i);
    UChar32 c;
    U8_NEXT(s, pos, static_cast<int32_t>(text.size()), c);
    i = static_cast<std::size_t>(pos);
    return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string to_nfc(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) return std::string(text);
    // Most text is already NFC: checked on the UTF-8 itself, without a UTF-16 copy.
    if (nfc->isNormalizedUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), status) && U_SUCCESS(status))
        return std::string(text);
    status = U_ZERO_ERROR;
    auto source = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    icu::UnicodeString normalized = nfc->normalize(source, status);
    std::string out;
    normalized.toUTF8String(out);
    return out;
}

std::string fold_case(std::string_view text) {
    auto s = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    s.foldCase();
    std::string out;
    s.toUTF8String(out);
    return out;
}

std::vector<std::size_t> safe_cut_offsets(std::string_view text) {
    std::vector<std::size_t> cuts;
    UErrorCode status = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !it) {
        utext_close(ut);
        return {0, text.size()};
    }
    it->setText(ut, status);
    for (int32_t b = it->first(); b != icu::BreakIterator::DONE; b = it->next()) {
        auto offset = static_cast<std::size_t>(b);
        if (offset > 0 && offset < text.size()) {
            // Look at the code point before the boundary: a virama or ZWJ glues the next letter on.
            std::size_t back = offset - 1;
            while (back > 0 && (static_cast<unsigned char>(text[back]) & 0xC0) == 0x80) --back;
            std::size_t probe = back;
            char32_t before = next_code_point(text, probe);
            if (before == 0x094D || before == 0x200D) continue;
        }
        cuts.push_back(offset);
    }
    utext_close(ut);
    return cuts;
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        char32_t cp = next_code_point(text, i);
        auto c = static_cast<UChar32>(cp);
        int8_t category = u_charType(c);
        if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR ||
            cp == 0x200B || u_getIntPropertyValue(c, UCHAR_HANGUL_SYLLABLE_TYPE) == U_HST_VOWEL_JAMO) {
            continue;
        }
        // Devanagari spacing vowel signs (ा, ि, ी, ो …) take a column of their own in terminals.
        int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
        width += (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
    }
    return width;
}

bool has_devanagari(std::string_view word) {
    std::size_t i = 0;
    while (i < word.size()) {
        if (is_devanagari(next_code_point(word, i))) return true;
    }
    return false;
}

namespace {
// Letters, signs and joiners that continue a word.
bool continues_word(char32_t cp) { return (is_devanagari(cp) && cp != 0x0964 && cp != 0x0965) || cp == 0x200C || cp == 0x200D || (cp < 0x80 && std::isalnum(static_cast<int>(cp))); }
}  // namespace

namespace {
// string_view::find looks for the first byte and compares from there, and in Devanagari UTF-8
// every letter starts with the same byte (0xE0): glibc's memmem (two-way) does not care.
std::size_t find_bytes(std::string_view text, std::string_view word, std::size_t from) {
    if (from > text.size()) return std::string_view::npos;
    const void* hit = ::memmem(text.data() + from, text.size() - from, word.data(), word.size());
    return hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - text.data()) : std::string_view::npos;
}
}  // namespace

bool contains_whole_word(std::string_view text, std::string_view word) {
    if (word.empty()) return false;
    for (std::size_t at = find_bytes(text, word, 0); at != std::string_view::npos; at = find_bytes(text, word, at + 1)) {
        bool starts = true;
        if (at > 0) {
            std::size_t back = at - 1;
            while (back > 0 && (static_cast<unsigned char>(text[back]) & 0xC0) == 0x80) --back;
            std::size_t i = back;
            starts = !continues_word(next_code_point(text, i));
        }
        std::size_t after = at + word.size();
        bool ends = after >= text.size() || !continues_word(next_code_point(text, after));
        if (starts && ends) return true;
    }
    return false;
}

}  // namespace khoj
