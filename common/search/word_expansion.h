/** @file word_expansion.h @brief How one typed word becomes the index's own spellings: its stem, Devanagari variants, the Devanagari readings of a Latin name or romanised Hindi, acronyms and months. */
#pragma once
#include "common/search/english_readings.h"
#include "common/search/phrase_filter.h"
#include "common/search/vocabulary.h"
#include "common/text/analyzer.h"

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace khoj {

class RecordCodec;  // reads stored articles for the phrase check of a name (ingest/record_codec.h)

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
std::vector<SpellingCandidate> spelling_candidates(const Vocabulary& vocabulary, Analyzer& analyzer, const CandidateLookup& lookup);

/// One weighted reading of a Latin word: a Devanagari word of the index it may be read as.
struct LatinReading {
    std::string term;        ///< the index term (prefixed stem) the reading searches
    std::string word;        ///< the Devanagari form read
    double weight = 1;       ///< factor applied to its BM25 weight
    std::string reason;      ///< for --explain: "transliteration शोइगु d=0.00"
    bool same_word = false;  ///< another spelling of the typed word: scored with it as one term, and a form meant
    /// When not same_word: the concept (TermChoice::spelling_group) the reading joins; 0 = scored alone.
    int spelling_group = 0;
    std::vector<std::string> all_of;  ///< a reading of several words: see TermChoice::all_of
    Xapian::Query phrase;             ///< see TermChoice::phrase
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
    /// Keeps a handle on @p db and uses @p analyzer (which must outlive the expander); @p codec
    /// reads stored articles to check names of several words as phrases (without one, such a
    /// name matches every article that has all its words).
    WordExpander(const Vocabulary& vocabulary, Analyzer& analyzer, const RecordCodec* codec = nullptr);

    /// The terms a single word expands to (no syntax): what the query builder, the highlighter and --explain use.
    WordExpansion expand(const std::string& word, bool title_only);

    /// The index's Devanagari words sharing the Latin word's lookup key, closest first, cut at
    /// the distance threshold for words of its length.
    std::vector<SpellingCandidate> latin_candidates(const std::string& latin);

    /// Every weighted reading of a lower-case Latin word in the index's terms (headline terms
    /// when @p title_only): the gazetteer name it is (Delhi → दिल्ली), else its transliterations
    /// into the index's Devanagari words and, for an English word, its English pronunciation
    /// (police → पुलिस) and translations (hospital → अस्पताल); see english_readings.h. The
    /// spelling readings compete by distance, so a far one never outweighs a close one and a
    /// word with no close reading has none (police is not पॉलिसी); expand() scores them beside
    /// the word as written. stop_word drops the word from ranking altogether.
    LatinReadings latin_readings(const std::string& latin, bool title_only);

    /// Adjacent Latin words read as one unit, if they are one: a gazetteer name (Tamil Nadu →
    /// तमिलनाडु), a phrase of the English lists (death toll → मृतकों की संख्या), or a name Hindi
    /// writes as one word (New Zealand → न्यूजीलैंड). No terms when they are not.
    WordExpansion expand_unit(const std::vector<std::string>& words, bool title_only);

    /// True when the unit @p words is a person's name, whose words are searched beside it
    /// (papers often write only राहुल or गांधी for Rahul Gandhi).
    bool unit_keeps_words(const std::vector<std::string>& words) const;

    /// True when @p term is in the index (its articles may all have been deleted otherwise).
    bool exists(const std::string& term) const;

    /// Names of several words are checked as phrases by @p resolver from now on (see QueryBuilder).
    void resolve_phrases_with(const PhraseResolver& resolver) { resolver_ = resolver; }

  private:
    void add_month(int month, WordExpansion& out);
    void add_latin_word(const std::string& word, const Token& token, bool title_only, WordExpansion& out);
    void add_devanagari_variants(const Token& token, bool title_only, WordExpansion& out);
    std::vector<LatinReading> spelling_readings(const std::string& latin, bool title_only, const std::vector<EnglishReading>& meanings,
                                                bool name, bool english);
    std::vector<LatinReading> meaning_readings(const std::vector<EnglishReading>& readings, bool title_only);

    Vocabulary vocabulary_;
    Analyzer& analyzer_;
    const RecordCodec* codec_;
    EnglishReader english_;
    PhraseResolver resolver_;
};

/// True for a Latin word of a name as typed: letters, with dots, apostrophes or hyphens (S., George's).
bool is_latin_name_word(std::string_view word);

/// The readings of a Latin word (or unit) added to @p out: one-word readings as terms (each
/// once, the heavier weight kept), readings of several words as their own choices.
void add_latin_readings(const std::vector<LatinReading>& readings, WordExpansion& out);

/// Combines a word's term choices into one query (each term scaled by its weight); a body stem
/// also scores, lighter, in the headline field.
Xapian::Query query_of(const WordExpansion& expansion);

}  // namespace khoj
