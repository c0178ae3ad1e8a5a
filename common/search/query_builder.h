/** @file query_builder.h @brief Turns what a user types into a Xapian::Query: the clauses of query_parser.h, each word expanded across scripts and spellings by word_expansion.h. */
#pragma once
#include "common/search/phrase_filter.h"
#include "common/search/query_parser.h"
#include "common/search/word_expansion.h"
#include "common/text/analyzer.h"

#include <xapian.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace khoj {

class RecordCodec;  // reads stored articles for the phrase check (index/record_codec.h)
class PhraseChecks;  // search/phrase_filter.h

/// Result of building a query string.
struct BuiltQuery {
    Xapian::Query query;                     ///< what Enquire runs (filters included)
    std::vector<WordExpansion> expansions;   ///< per query word, for --explain
    /// Spellings meant, per ranked query word (filters and phrases excluded): see WordExpansion::forms.
    std::vector<std::vector<std::string>> preferred_forms;
    /// Phrases every match must hold (a quoted phrase that is the query's only ranked clause,
    /// or marked + or AND): @p query holds only their words, and the phrases are checked by
    /// RequiredPhrases on the articles that could make the page (numbers in phrase_checks).
    std::vector<std::size_t> required_phrases;
    std::shared_ptr<PhraseChecks> phrase_checks;
};

/// Builds queries against one open index: candidates for transliterated and variant spellings
/// are looked up in that index's own vocabulary, so only words that exist are ever searched.
///
/// Syntax: words (any script), "phrases", AND / OR / NOT, +required, -excluded, ( … ),
/// title:word, source:name, date:YYYY[-MM[-DD]] or date:FROM..TO, person:, place:, org:.
/// Words are OR-ed and ranked.
class QueryBuilder {
  public:
    /// @p codec reads stored articles to check phrases (no positions are indexed); without one,
    /// a phrase matches every article that has all its words.
    explicit QueryBuilder(const Vocabulary& vocabulary, const RecordCodec* codec = nullptr);

    /// Parses and builds @p text; throws khoj::UsageError on unbalanced quotes or parentheses,
    /// on an unreadable date and past a bound of common/search/query_limits.h.
    BuiltQuery build(std::string_view text);

    /// Every phrase from now on (quoted, or a name of several words) is resolved by @p resolver,
    /// filtering its words' query, instead of by a PhraseFilter or BuiltQuery::required_phrases.
    void resolve_phrases_with(const PhraseResolver& resolver) {
        resolver_ = resolver;
        expander_.resolve_phrases_with(resolver);
    }

  private:
    struct Assembler;

    Vocabulary vocabulary_;
    const RecordCodec* codec_;
    Analyzer analyzer_;
    WordExpander expander_;  ///< uses analyzer_ (declared before it)
    PhraseResolver resolver_;
};

}  // namespace khoj
