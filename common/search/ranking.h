/** @file ranking.h @brief Every ranking knob of the search side in one place, each with what it does and where its value came from. */
#pragma once
#include "common/index/term_impact.h"

#include <xapian.h>

#include <cstddef>

/// Values "set on the dev topics" or "measured" were chosen with scripts/eval (the 25 dev
/// topics, the 1,036 romanisation topics, bench/translit_recall.cpp on the Dakshina lexicon).
/// Where no measurement was written down, the comment names the commit the value came in with.
/// scripts/eval guards every value: changing one moves its figures.
namespace khoj::ranking {

// ---- BM25 (Xapian::BM25Weight(k1, k2, k3, b, min_normlen); documented in xapian/weight.h) ----

/// k1: how much repeating a word in an article counts (within-document frequency saturation;
/// 0 = not at all). Lucene's default 1.2 (Xapian's is 1), so comparisons with the Lucene anchor
/// are like for like.
constexpr double kBm25K1 = 1.2;
/// k2: strength of a correction by query length and normalised document length; 0 turns it
/// off. Xapian's default.
constexpr double kBm25K2 = 0;
/// k3: how much repeating a word in the query counts (within-query frequency). Xapian's default.
constexpr double kBm25K3 = 1;
// b and the minimum normalised length are applied by the index (common/index/term_impact.h,
// Lucene's b = 0.75): its wdfs are frequencies already divided by the length normaliser and
// multiplied by impact::kScale, so the search runs BM25 with b = 0 and k1 × impact::kScale,
// which gives each term the weight BM25 at b = 0.75 gives the unscaled wdf (to rounding).

/// The BM25 of every search (Xapian's BM25Weight: the stock xapian-tcpsrv runs it too).
inline Xapian::BM25Weight bm25_weight() { return Xapian::BM25Weight(kBm25K1 * impact::kScale, kBm25K2, kBm25K3, 0, 1); }

// ---- Headline matches: one boost at index time, one at query time ----

// The index gives every headline word kTitleBoost (common/index/schema.h, 3) extra occurrences
// in the body stem term, so a headline word counts as four body words in BM25; the index needs
// it, so it stays next to the schema. The query adds the headline field on top:

/// Weight of a match in the headline field (ZS terms) relative to the body: a body stem term
/// also scores there, as a separate BM25 field does in Lucene's title^2 body (set on the dev topics).
constexpr double kTitleFieldWeight = 0.3;

// ---- Words of a query ----

/// Weight of the pairwise ANDs that reward articles matching more of the query's words
/// (coordination, which BM25 lacks; commit 8d86aa4, with headline field scoring).
constexpr double kCoordination = 0.3;
/// Only queries of at most this many optional words get the pairwise ANDs: n words make
/// n(n-1)/2 pairs (15 at 6), so the bound keeps a long query from growing quadratically
/// (commit 8d86aa4).
constexpr std::size_t kMaxCoordinatedWords = 6;
/// A pair of words gets no coordination AND when both are in more than this share of the
/// archive's articles: the AND of two common words walks most of the archive (at 340,000
/// articles "दिल्ली में कोरोना के नए मामले" took 75 ms with its six pairs, 15 ms with none), and
/// the articles it rewards are most of the top ones anyway. Measured with scripts/eval: at 0.1
/// every nDCG@10 is unchanged (D recall@100 0.497 → 0.474); at 0.05 H moves; at 0.2 nothing
/// moves but the query above still takes 42 ms. A share, not a count, so the same pairs are
/// kept at any archive size.
constexpr double kCoordinationMaxShare = 0.1;
/// A month name in a query usually qualifies the other words ("Shoigu Pyongyang July"), so its
/// spellings weigh this much (commit 8d86aa4).
constexpr double kMonthWeight = 0.4;
/// The month-of-year term (every article dated in July, of any year) weighs half a month's
/// name. The half came in with kMonthWeight (commit 8d86aa4) without a recorded reason; it keeps
/// the broadest of the month terms below the month's names.
constexpr double kMonthOfYearWeight = kMonthWeight / 2;

// ---- Spellings of one word (transliteration and variants) ----

/// A transliteration candidate may be at most max(kDistanceFloor, kDistancePerByte × length of
/// the typed word's spelling form) from it: short words must match closely (a two-letter key
/// has few neighbours worth trusting), long ones may differ more (the floor came in with the
/// foundation commit e338fae, the length term with cross-script matching, e5318f1).
constexpr double kDistanceFloor = 0.8;
constexpr double kDistancePerByte = 0.2;  ///< see kDistanceFloor
/// Candidates this much further than the best one are other words, not other spellings
/// (commit e5318f1).
constexpr double kSpellingMargin = 0.3;
/// Candidates this close to the best one are taken as the same word spelt another way: they
/// share one OP_SYNONYM and are spellings meant (commit 8d86aa4).
constexpr double kSpellingTie = 0.15;
/// At most this many spellings per typed word: more only dilutes the word's weight (commit e5318f1).
constexpr int kMaxSpellings = 5;
/// A Latin word whose closest candidate is a stop word at most this far away is a romanised
/// function word (ki, ka, se) and is dropped from ranking (foundation commit e338fae).
constexpr double kStopWordReadingDistance = 0.3;
/// The spellings of the typed word (near-ties) weigh exp(-kTieDecay × best distance): an exact
/// transliteration weighs 1, a looser one less (commit 8d86aa4, with the two below).
constexpr double kTieDecay = 1.2;
/// A clearly worse candidate is kept as a separate, lighter term so it cannot crowd out the
/// best one: kLesserWeight × exp(-kLesserDecay × its distance).
constexpr double kLesserWeight = 0.5;
constexpr double kLesserDecay = 2.0;  ///< see kLesserWeight
/// A Devanagari spelling this close to the typed one is the same word (शोइगु / सोइगु: 0.3;
/// commit e5318f1).
constexpr double kVariantDistance = 0.35;
/// A Devanagari variant weighs kVariantWeight × exp(-kVariantDecay × distance): less than the
/// spelling typed, which weighs 1 (foundation commit e338fae).
constexpr double kVariantWeight = 0.6;
constexpr double kVariantDecay = 1.5;  ///< see kVariantWeight

// ---- English readings of a Latin word (word_expansion, english_readings; issue 12) ----

/// An English word is read as English first: its romanised-Hindi readings count this much
/// further (police: पॉलिसी by romanisation is then clearly further than पुलिस by sound; set on
/// the English dev topics and the Dakshina lexicon).
constexpr double kRomanisedEnglishPenalty = 0.15;
/// A Latin word no English list knows is mostly a name, which romanisation reads better than
/// English pronunciation does (Putin: पुतिन, not प्यूटिन): its pronounced readings count this
/// much further (set with kRomanisedEnglishPenalty).
constexpr double kPronouncedNamePenalty = 0.3;
/// Beside a known name, a word that only sounds like it (कतार beside कतर for Qatar) is a concept
/// of its own at this weight factor (scripts/check-english-entities).
constexpr double kBesideNameWeight = 0.3;
/// A person's whole name (राहुल गांधी for Rahul Gandhi) weighs this much beside its words, which
/// are searched too (papers often write राहुल alone): articles with the whole name come first
/// (scripts/check-english-entities, the L topics).
constexpr double kPersonNameWeight = 3.0;
/// Adjacent words are one word of the index (New Zealand → न्यूजीलैंड) when their joined reading
/// is at most this far from it.
constexpr double kCompoundDistance = 0.35;
/// The most adjacent words tried as one name or phrase ("Ministry of Health and Family Welfare" is six).
constexpr std::size_t kMaxUnitWords = 6;
/// A dictionary (FreeDict) translation in fewer articles than this is more likely a bookish or
/// wrong sense (liquor → मदिरा) than the word the papers use.
constexpr Xapian::doccount kAttestedTranslation = 3;
/// At most this many dictionary translations per word: later senses drift from its news meaning.
constexpr int kMaxDictionaryTranslations = 3;
/// English pronunciations this much further than the closest one are other words.
constexpr double kPronunciationMargin = 0.3;
/// An English pronunciation further than this from every index word has no spelling there.
constexpr double kMaxPronunciationDistance = 0.9;
/// Weights of translations: the glossary's first word kGlossaryWeight, each later one
/// kGlossaryStep less down to kGlossaryFloor; the dictionary's first kDictionaryWeight, each
/// later sense kDictionaryStep less down to kDictionaryFloor. The glossary was written for news,
/// the dictionary was not.
constexpr double kGlossaryWeight = 0.95;
constexpr double kGlossaryStep = 0.05;   ///< see kGlossaryWeight
constexpr double kGlossaryFloor = 0.8;   ///< see kGlossaryWeight
constexpr double kDictionaryWeight = 0.6;  ///< see kGlossaryWeight
constexpr double kDictionaryStep = 0.1;    ///< see kGlossaryWeight
constexpr double kDictionaryFloor = 0.3;   ///< see kGlossaryWeight

// ---- Re-ranking by the very spelling meant (Searcher) ----

/// The index holds stems only, so उपलब्धि and उपलब्ध score alike: an article's score is
/// multiplied by 1 + this × the share of query words it uses in the very form meant (set on
/// the dev topics, commit 5e1b2e4).
constexpr double kPreferredFormBonus = 3.0;
/// How many of the best-ranked articles are re-ranked. On the 1,036 romanisation topics
/// nDCG@10 is 0.772 at 30, 0.788 at 50, 0.809 at 100 (measured); each costs a record read.
constexpr Xapian::doccount kRerankDepth = 100;

// ---- Did you mean (SpellingSuggester) ----

/// Below this many matches a query is offered a respelling (commit 7ceff96).
constexpr Xapian::doccount kFewMatches = 5;
/// A word used by this many articles is taken as meant, and a suggestion must be used by at
/// least this many (commit 7ceff96).
constexpr Xapian::doccount kWellAttested = 5;
/// A suggestion must be used by this many times more articles than the word typed (commit 7ceff96).
constexpr double kMoreFrequent = 4.0;
/// A suggestion is at most this far in spelling from the word typed (commit 7ceff96).
constexpr double kMaxSuggestionDistance = 0.7;
/// Suggestions are scored log(1 + articles) × exp(-this × distance): closeness counts much more
/// than frequency (commit 7ceff96).
constexpr double kSuggestionDistanceDecay = 3.0;

// ---- Snippets ----

/// Bytes of body text in a snippet: some 140 Devanagari letters at three bytes each, about the
/// two lines the text format shows at 80 columns (foundation commit e338fae).
constexpr std::size_t kSnippetBytes = 420;
/// A snippet starts up to this many words before its first match, so the match is read in
/// context (foundation commit e338fae).
constexpr std::size_t kLeadContextWords = 3;
/// A snippet window scores kDistinctMatchScore per distinct matched word plus one per match up
/// to kMaxCountedMatches: one more distinct word always outweighs any number of repeats
/// (foundation commit e338fae).
constexpr double kDistinctMatchScore = 10;
constexpr std::size_t kMaxCountedMatches = 9;  ///< see kDistinctMatchScore

}  // namespace khoj::ranking
