/** @file document_builder.h @brief Turns an analysed Article into a Xapian::Document following schema.h. */
#pragma once
#include "common/text/analyzer.h"
#include "common/ingest/article.h"

#include <xapian.h>

#include <cstdint>
#include <string_view>
#include <vector>
#include <string>

namespace khoj {

/// Builds the Xapian document of one article (terms and date values; the writer adds the
/// content hash and stored data); the Devanagari words the analyser meets for the first time
/// (Token::new_form) are added to @p vocabulary so the writer can keep the romanisation
/// synonym table complete without looking at every word of every article.
Xapian::Document build_document(const Article& article, Analyzer& analyzer, std::vector<std::string>* vocabulary);

/// The same from the tokens of the title and the body (Analyzer::tokenize()), already at hand.
Xapian::Document build_document(const Article& article, const std::vector<Token>& title_tokens, const std::vector<Token>& body_tokens,
                                 std::vector<std::string>* vocabulary);

/// A 64-bit hash of the article's fields and @p origin (the file it came from), as 16
/// hex digits: equal hashes mean "unchanged".
std::string content_hash(const Article& article, const std::string& origin);

}  // namespace khoj
