/** @file vocabulary.h @brief What query building reads of an index: term frequencies, the number of articles and the synonym table, from the index itself or, for remote shards, from a local lexicon. */
#pragma once
#include <xapian.h>

#include <string>
#include <vector>

namespace khoj {

/// The statistics and synonyms that query expansion weighs its choices by.
///
/// Why not the Xapian::Database itself: over remote shards every term frequency is a round trip
/// to each server, and expanding one romanised word asks for dozens (14 ms for a broad word over
/// 4 loopback servers, against 0.4 ms locally). A lexicon (index/lexicon.h) keeps the frequency of
/// every word term (prefix Z, and ZS for headlines) of its shards, so queries are built on the
/// search host alone; ranking itself still uses the servers' statistics.
class Vocabulary {
  public:
    /// Everything from @p db (an index, or local shards as one).
    Vocabulary(Xapian::Database db);  // NOLINT(google-explicit-constructor): an index is a vocabulary
    /// Synonyms, word-term frequencies and the article count from @p lexicons (their tables
    /// summed: one merged lexicon, or one per shard); the frequencies of other terms from @p db.
    Vocabulary(Xapian::Database db, std::vector<Xapian::Database> lexicons);

    /// The number of articles holding @p term.
    Xapian::doccount termfreq(const std::string& term) const;
    /// True when some article holds @p term.
    bool exists(const std::string& term) const { return termfreq(term) > 0; }
    /// exists(), and true also for a term a lexicon lacks but the shards hold: a word of articles
    /// indexed since the lexicon was made (one round trip). For the word as typed, so that new
    /// articles are found at once; its variants and romanised readings wait for a new lexicon.
    bool exists_now(const std::string& term) const;
    /// The number of articles.
    Xapian::doccount doccount() const;
    /// The database synonyms (romanisation keys) are read from.
    const Xapian::Database& synonyms() const { return synonyms_; }

  private:
    Xapian::Database db_, synonyms_;
    std::vector<Xapian::Database> lexicons_;
    Xapian::doccount doccount_ = 0;
};

}  // namespace khoj
