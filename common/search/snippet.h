/** @file snippet.h @brief Query-biased snippets cut at safe places, with the matched words marked. */
#pragma once
#include "common/search/ranking.h"
#include "common/text/analyzer.h"

#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace khoj {

/// A marked range of a snippet, in UTF-8 bytes.
struct Highlight {
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// Display text with the words that matched the query.
struct Snippet {
    std::string text;
    std::vector<Highlight> highlights;
};

/// Decides whether an analysed word matched the query (by its exact or stem term).
class TermMatcher {
  public:
    /// Takes the index terms of a query (as Xapian::Query::get_terms_begin() lists them).
    explicit TermMatcher(std::set<std::string> query_terms) : terms_(std::move(query_terms)) {}
    /// True when @p token's exact form or stem is among the query's terms, in body or title.
    bool matches(const Token& token) const;

  private:
    std::set<std::string> terms_;
};

/// Picks the window of at most @p max_bytes of @p text (NFC) holding the most distinct matched
/// words, cuts it at word boundaries (so never inside a grapheme cluster or a conjunct), folds
/// white space, and marks the matches. "…" marks a cut.
Snippet make_snippet(std::string_view text, const TermMatcher& matcher, Analyzer& analyzer, std::size_t max_bytes = ranking::kSnippetBytes);

/// Marks the matched words of a short text (a headline) without cutting it.
Snippet highlight_all(std::string_view text, const TermMatcher& matcher, Analyzer& analyzer);

/// Cuts @p text to at most @p max_bytes at a safe place (grapheme cluster, not inside a conjunct).
std::string cut_at_safe_boundary(std::string_view text, std::size_t max_bytes);

}  // namespace khoj
