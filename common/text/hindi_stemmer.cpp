/** @file hindi_stemmer.cpp @brief Snowball Hindi stemmer adapter. */
#include "common/text/hindi_stemmer.h"

#include "common/util/errors.h"
#include "common/util/unicode_text.h"

#include <libstemmer.h>

namespace khoj {

HindiStemmer::HindiStemmer() : stemmer_(sb_stemmer_new("hindi", "UTF_8")) {
    if (stemmer_ == nullptr) throw Error("libstemmer has no Hindi stemmer (need Snowball 2.1 or later)");
}

HindiStemmer::~HindiStemmer() { sb_stemmer_delete(stemmer_); }

std::size_t devanagari_letter_count(const std::string& word) {
    std::size_t letters = 0;
    std::size_t i = 0;
    while (i < word.size()) {
        char32_t cp = next_code_point(word, i);
        if ((cp >= 0x0904 && cp <= 0x0939) || (cp >= 0x0958 && cp <= 0x0961) || cp == 0x0972) ++letters;
    }
    return letters;
}

std::string HindiStemmer::operator()(const std::string& word) {
    const sb_symbol* out = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()),
                                           static_cast<int>(word.size()));
    if (out == nullptr) return word;  // out of memory inside Snowball: fall back to the word itself
    std::string stem(reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(stemmer_)));
    if (stem.size() < word.size() && devanagari_letter_count(stem) < 2) return word;
    return stem;
}

std::string HindiStemmer::get_description() const { return "khoj::HindiStemmer(snowball hindi)"; }

}  // namespace khoj
