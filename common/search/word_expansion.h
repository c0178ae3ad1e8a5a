/** @file word_expansion.h @brief How one typed word becomes the index's own spellings: its stem, Devanagari variants, the Devanagari readings of a Latin name or romanised Hindi, acronyms and months. */
#pragma once
#include "common/text/analyzer.h"

#include <xapian.h>

#include <string>
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
};

/// How one word of the query was understood.
struct WordExpansion {
    std::string word;
    std::vector<TermChoice> terms;
    /// The very spellings meant (the typed Devanagari word, or the closest transliterations):
    /// an article using one of these forms, not just a form with the same stem, is ranked up.
    std::vector<std::string> forms;

    /// Adds @p term, or raises the weight (and reason) of a term already chosen, so each term is scored once.
    void add(std::string term, double weight, std::string reason, int spelling_group = 0);
};

/// A Devanagari word of the index that a typed word may stand for.
struct SpellingCandidate {
    double distance = 0;             ///< spelling_distance() from the typed word
    Xapian::doccount frequency = 0;  ///< articles using its stem (every article, for a stop word)
    std::string word;                ///< orthographic form (an unprefixed index term)
};

/// Where to look spelling candidates up, and which words to leave out.
struct CandidateLookup {
    std::vector<std::string> keys;  ///< lookup keys (consonant skeletons), without the synonym-key prefix
    std::string typed_latin;        ///< the typed word in Latin letters, to measure distances from
    std::string typed_word;         ///< the typed word itself, left out (a Devanagari word is not its own variant)
    bool keep_stop_words = false;   ///< keep stop words, counted as used by every article (they have no stem terms)
};

/// The words the index files under @p lookup's keys in its synonym table (key → the Devanagari
/// words sharing it), each once and in table order, stop words dropped unless asked for, with
/// the number of articles using each one's stem and its spelling distance from the typed word.
/// The one candidate lookup of transliteration, variant spellings and "did you mean".
std::vector<SpellingCandidate> spelling_candidates(const Xapian::Database& db, Analyzer& analyzer, const CandidateLookup& lookup);

/// One weighted reading of a Latin word: a Devanagari word of the index it may be read as.
struct LatinReading {
    std::string term;        ///< the index term (prefixed stem) the reading searches
    std::string word;        ///< the Devanagari form read
    double weight = 1;       ///< factor applied to its BM25 weight
    std::string reason;      ///< for --explain: "transliteration शोइगु d=0.00"
    bool same_word = false;  ///< another spelling of the typed word: scored with it as one term, and a form meant
};

/// What a Latin word can be read as in the index.
struct LatinReadings {
    bool stop_word = false;  ///< a romanised function word (ki, se, ka): it adds nothing to ranking
    std::vector<LatinReading> readings;
};

/// Expands words against one open index: candidates for transliterated and variant spellings
/// are looked up in that index's own vocabulary (its synonym table), so only words that exist
/// are ever searched.
class WordExpander {
  public:
    /// Keeps a handle on @p db and uses @p analyzer (which must outlive the expander).
    WordExpander(const Xapian::Database& db, Analyzer& analyzer);

    /// The terms a single word expands to (no syntax): what the query builder, the highlighter and --explain use.
    WordExpansion expand(const std::string& word, bool title_only);

    /// The index's Devanagari words sharing the Latin word's lookup key, closest first, cut at
    /// the distance threshold for words of its length.
    std::vector<SpellingCandidate> latin_candidates(const std::string& latin);

    /// Every weighted reading of a lower-case Latin word in the index's terms (headline terms
    /// when @p title_only). Today: its transliterations into the index's Devanagari words,
    /// closest first, at most kMaxSpellings. The seam for new kinds of reading (an English
    /// word's pronunciation or translation): add them here and expand() scores them beside
    /// the word as written. stop_word drops the word from ranking altogether.
    LatinReadings latin_readings(const std::string& latin, bool title_only);

    /// True when @p term is in the index (its articles may all have been deleted otherwise).
    bool exists(const std::string& term) const;

  private:
    void add_month(int month, WordExpansion& out);
    void add_latin_word(const std::string& word, const Token& token, bool title_only, WordExpansion& out);
    void add_devanagari_variants(const Token& token, bool title_only, WordExpansion& out);

    Xapian::Database db_;
    Analyzer& analyzer_;
};

/// Combines a word's term choices into one query (each term scaled by its weight); a body stem
/// also scores, lighter, in the headline field.
Xapian::Query query_of(const WordExpansion& expansion);

}  // namespace khoj
