/** @file input_formats.h @brief The input formats as pure parsers: one JSON line or one text file's bytes → an Article, apart from reading files. */
#pragma once
#include "common/ingest/article.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace khoj {

/// What parsing one input gave: the article, or why there is none, and warnings either way.
struct ParsedArticle {
    std::optional<Article> article;     ///< fields as written (not yet NFC or checked for emptiness)
    std::string error;                  ///< set when there is no article
    std::vector<std::string> warnings;  ///< e.g. a date that is not YYYY-MM-DD, ignored
};

/// Parses one line of a .jsonl file: a JSON object with `id` and optional `title`, `body`,
/// `date` (YYYY-MM-DD…), `source`, `url`; integer ids are taken as their digits.
ParsedArticle parse_json_article(std::string_view line);

/// Parses the bytes of a .txt file: the first non-empty line is the headline, the rest the body
/// (a byte order mark is dropped); @p id is the article id the file's name gives.
ParsedArticle parse_text_article(std::string_view text, std::string id);

}  // namespace khoj
