/** @file result_format.h @brief Renders hits as text for people and as JSON lines, TSV or TREC runs for programs. */
#pragma once
#include "common/search/query_builder.h"
#include "common/search/searcher.h"

#include <string>

namespace khoj {

/// Output formats of khoj-search (the scripting contract is in docs/output.md).
enum class OutputFormat { Text, Json, Tsv, Trec };

/// Text rendering options.
struct TextStyle {
    bool color = false;       ///< ANSI colours and bold highlights
    std::size_t width = 80;   ///< terminal columns
    std::size_t snippet_lines = 2;
};

/// A hit for a person: rank, headline, date · source · id, and a wrapped, highlighted snippet;
/// every article field made printable_line() first, so only Khoj's own escapes reach a terminal.
std::string format_hit_text(const Hit& hit, const TextStyle& style);

/// A hit as one JSON object (no newline); @p qid is added when not empty, and with @p full the
/// article's whole body as a last field (`body`), for scripts that check or export an extraction.
std::string format_hit_json(const Hit& hit, const std::string& qid, bool full = false);

/// A hit as a TSV row: qid, rank, id, score, date, source, title (tabs and newlines in fields
/// become spaces, other control characters are shown as printable_line() shows them).
std::string format_hit_tsv(const Hit& hit, const std::string& qid);

/// A hit as a TREC run line: `qid Q0 id rank score khoj`, six fields split by single spaces
/// (white space inside a qid or id becomes `_`, control characters as printable_line()).
std::string format_hit_trec(const Hit& hit, const std::string& qid);

/// Facets for people: top entities of each kind with counts, and a month histogram.
std::string format_facets_text(const Facets& facets, bool color);

/// Facets as the final JSON line: {"facets": {"person": [...], "place": [...], "org": [...], "month": [...]}}.
std::string format_facets_json(const Facets& facets);

/// The --explain report: each query word and the terms it matched, with weights and frequencies.
std::string format_explanation(const BuiltQuery& built, const Xapian::Database& db, bool color);

/// "date · source · id" of an article, leaving out what is unknown: the line under a headline
/// (each part made printable_line()).
std::string article_meta_line(const Article& article);

/// Snippet text with highlights in the match colour (when @p color) or left plain, wrapped to
/// @p width display columns (not bytes) over at most @p max_lines lines, each prefixed by
/// @p indent; @p base_style is restored after each highlight (bold for headlines). The text is
/// made printable_line() piece by piece, so the highlights' byte offsets still apply.
std::string wrap_snippet(const Snippet& snippet, bool color, std::size_t width, std::size_t max_lines, const std::string& indent,
                         const std::string& base_style = "");

}  // namespace khoj
