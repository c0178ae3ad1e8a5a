/** @file stopwords.h @brief Hindi and English stop words: indexed for phrases, dropped from ranked queries. */
#pragma once
#include <string_view>

namespace khoj {

/// True when the orthographically normalised word is a function word (का, में, है, the, of).
bool is_stopword(std::string_view normalized_word);

}  // namespace khoj
