/** @file spelling_suggester.h @brief "Did you mean": a better-attested spelling for query words that find little. */
#pragma once
#include "common/search/vocabulary.h"
#include "common/text/analyzer.h"

#include <xapian.h>

#include <string>
#include <string_view>

namespace khoj {

/// Suggests respellings from the index's own vocabulary, using the romanisation lookup keys
/// the indexer already keeps in the synonym table (a consonant skeleton → the words that share
/// it). Xapian's own spelling table is not used: its n-gram candidates are built from bytes, and
/// every Devanagari letter is three bytes, so on Hindi it is both slow and poor at ranking.
class SpellingSuggester {
  public:
    explicit SpellingSuggester(const Vocabulary& vocabulary) : vocabulary_(vocabulary) {}

    /// The query with each rare or unmatched word replaced by a much more frequent word of
    /// nearly the same sound (मेरट → मेरठ, Meerat → मेरठ); empty when nothing would change.
    /// Words are read by the query syntax (lex_query): filters (person:, date: …), phrases,
    /// operators, +/- words and words of several tokens (COVID-19) are left as typed.
    std::string suggest(std::string_view query);

  private:
    std::string better_word(const std::string& word);

    Vocabulary vocabulary_;
    Analyzer analyzer_;
};

}  // namespace khoj
