/** @file query_builder.h @brief Parses what a user types into a Xapian::Query, expanding words across scripts and spellings. */
#pragma once
#include "common/text/analyzer.h"
#include "common/ingest/record_codec.h"
#include "common/search/english_readings.h"

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace khoj {

/// One index term a query word was expanded to, and why.
struct TermChoice {
    std::string term;    ///< the index term, with its prefix
    double weight = 1;   ///< factor applied to its BM25 weight
    std::string reason;  ///< "stem", "exact", "transliteration d=0.25", "variant", "month", …
    /// Spellings of one concept (शोइगु / सोइगु for "Shoigu") are scored as a single term
    /// (Xapian's OP_SYNONYM), so an article is not ranked up for using the rarer spelling:
    /// 0 = scored alone, 1 = the word's stems.
    int spelling_group = 0;
    /// A reading of several words (मृतकों की संख्या for "death toll"): an article must have every
    /// one of these terms; @p term is then only its label for --explain.
    std::vector<std::string> all_of;
    /// For a name of several words (उत्तर कोरिया): the AND of all_of checked as a phrase against
    /// the stored text; empty for other readings, which only need all their words.
    Xapian::Query phrase;
};

/// How one word of the query was understood.
struct WordExpansion {
    std::string word;
    std::vector<TermChoice> terms;
    /// The very spellings meant (the typed Devanagari word, or the closest transliterations):
    /// an article using one of these forms, not just a form with the same stem, is ranked up.
    std::vector<std::string> forms;
};

/// Result of parsing a query string.
struct BuiltQuery {
    Xapian::Query query;                     ///< what Enquire runs (filters included)
    std::vector<WordExpansion> expansions;   ///< per query word, for --explain
    /// Spellings meant, per ranked query word (filters and phrases excluded): see WordExpansion::forms.
    std::vector<std::vector<std::string>> preferred_forms;
};

/// Builds queries against one open index: candidates for transliterated and variant spellings
/// are looked up in that index's own vocabulary, so only words that exist are ever searched.
///
/// Syntax: words (any script), "phrases", AND / OR / NOT, +required, -excluded, ( … ),
/// title:word, source:name, date:YYYY[-MM[-DD]] or date:FROM..TO. Words are OR-ed and ranked.
class QueryBuilder {
  public:
    /// @p codec reads stored articles to check phrases (no positions are indexed); without one,
    /// a phrase matches every article that has all its words.
    explicit QueryBuilder(const Xapian::Database& db, const RecordCodec* codec = nullptr);

    /// Parses @p text; throws khoj::UsageError on unbalanced quotes or parentheses.
    BuiltQuery build(std::string_view text);

    /// The terms a single word expands to (no syntax): what the highlighter and --explain use.
    WordExpansion expand_word(const std::string& word, bool title_only);

    /// A Devanagari word of the index that a Latin word may stand for.
    struct Candidate {
        double distance;             ///< spelling_distance() from the typed word
        Xapian::doccount frequency;  ///< articles using it
        std::string word;            ///< orthographic form (an unprefixed index term)
    };

    /// The index's Devanagari words sharing the Latin word's lookup key, closest first, cut at
    /// the distance threshold for words of its length.
    std::vector<Candidate> latin_candidates(const std::string& latin);

    /// Adjacent Latin words read as one unit, if they are one: a gazetteer name (Tamil Nadu →
    /// तमिलनाडु), a phrase of the English lists (death toll → मृतकों की संख्या), or a name Hindi
    /// writes as one word (New Zealand → न्यूजीलैंड). No terms when they are not.
    WordExpansion expand_unit(const std::vector<std::string>& words, bool title_only);

  private:
    struct Parser;
    void add_latin_readings(const std::string& typed, const std::string& latin, bool title_only, WordExpansion& out);
    void add_meaning_readings(const std::vector<EnglishReading>& readings, bool title_only, WordExpansion& out);
    void add_devanagari_variants(const Token& token, bool title_only, WordExpansion& out);
    bool exists(const std::string& term) const;

    Xapian::Database db_;
    const RecordCodec* codec_;
    Analyzer analyzer_;
    EnglishReader english_{db_, analyzer_};
};

/// True for a Latin word of a name as typed: letters, with dots, apostrophes or hyphens (S., George's).
bool is_latin_name_word(std::string_view word);

/// Combines a word's term choices into one query (each term scaled by its weight).
Xapian::Query query_of(const WordExpansion& expansion);

}  // namespace khoj
