/** @file token_f1.h @brief Bag-of-words token F1 between an extracted text and its ground truth (the measure of bench/html_extraction and its test). */
#pragma once
#include "common/util/unicode_text.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace khoj::bench {

/// The words of @p text: runs of letters, combining marks (matras, virama, nukta) and digits;
/// everything else (spaces, punctuation, the danda) separates them. Latin letters lower-cased.
inline std::vector<std::string> word_tokens(std::string_view text) {
    std::vector<std::string> tokens;
    std::string current;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t start = i;
        const auto cp = static_cast<UChar32>(next_code_point(text, i));
        const int8_t type = u_charType(cp);
        const bool word = u_isalnum(cp) || type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || cp == 0x200C || cp == 0x200D;
        if (word) {
            if (cp < 0x80) {
                current += static_cast<char>(std::tolower(static_cast<unsigned char>(cp)));
            } else {
                current.append(text.substr(start, i - start));
            }
        } else if (!current.empty()) {
            tokens.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty()) tokens.push_back(std::move(current));
    return tokens;
}

/// Precision, recall and F1 of the words of an extraction against the truth, each word counted as often as it occurs.
struct TokenOverlap {
    double precision = 0, recall = 0, f1 = 0;
};

/// Bag-of-words overlap of @p extracted with @p truth (NFC both, so spelling forms compare equal).
inline TokenOverlap token_overlap(std::string_view extracted, std::string_view truth) {
    std::map<std::string, long> counts;
    const std::vector<std::string> got = word_tokens(to_nfc(extracted)), want = word_tokens(to_nfc(truth));
    for (const auto& t : want) ++counts[t];
    long common = 0;
    for (const auto& t : got) {
        if (counts[t]-- > 0) ++common;
    }
    TokenOverlap o;
    if (got.empty() || want.empty()) return o;
    o.precision = static_cast<double>(common) / static_cast<double>(got.size());
    o.recall = static_cast<double>(common) / static_cast<double>(want.size());
    o.f1 = common ? 2 * o.precision * o.recall / (o.precision + o.recall) : 0.0;
    return o;
}

}  // namespace khoj::bench
