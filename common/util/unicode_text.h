/** @file unicode_text.h @brief UTF-8 helpers on top of ICU: validation, NFC, case folding, grapheme-safe cuts. */
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace khoj {

/// True when @p text is well-formed UTF-8 (no overlongs, surrogates or truncated sequences).
bool is_valid_utf8(std::string_view text);

/// Decodes the code point starting at byte @p i and advances @p i past it (U+FFFD on bad bytes).
char32_t next_code_point(std::string_view text, std::size_t& i);

/// Appends @p cp to @p out as UTF-8.
void append_utf8(std::string& out, char32_t cp);

/// Canonical composition (NFC): Hindi text arrives both precomposed and decomposed.
std::string to_nfc(std::string_view text);

/// Full Unicode case folding, for Latin words inside Hindi text (WHO, COVID).
std::string fold_case(std::string_view text);

/// Byte offsets where a cut is safe for display: grapheme cluster boundaries that are not
/// inside a Devanagari conjunct (ICU 72 predates Unicode 15.1's rule GB9c, so a boundary after
/// a virama or ZWJ is rejected here).
std::vector<std::size_t> safe_cut_offsets(std::string_view text);

/// Number of terminal columns @p text occupies (combining marks are zero width, wide CJK two).
std::size_t display_width(std::string_view text);

/// True for a code point in the Devanagari blocks (U+0900–U+097F, U+A8E0–U+A8FF).
inline bool is_devanagari(char32_t cp) {
    return (cp >= 0x0900 && cp <= 0x097F) || (cp >= 0xA8E0 && cp <= 0xA8FF);
}

/// True when any code point of @p word is Devanagari.
bool has_devanagari(std::string_view word);

/// True if @p word occurs in @p text as a whole word: not inside a longer Devanagari word, so
/// उपलब्ध is not found in उपलब्धि (a matra or virama after it continues the word).
bool contains_whole_word(std::string_view text, std::string_view word);

}  // namespace khoj
