/** @file phrase_filter.h @brief Phrase matching without a positional index: candidates are checked against the stored text. */
#pragma once
#include "common/ingest/record_codec.h"

#include <xapian.h>

#include <memory>
#include <set>
#include <string>
#include <vector>

namespace khoj {

class Analyzer;

/// The words of a phrase, one set of accepted orthographic forms per position
/// ("Kim Jong Un" → {किम}, {जोंग, जोन्ग}, {उन}).
using PhraseWords = std::vector<std::set<std::string>>;

/// True if @p tokens-of-@p text hold the phrase as consecutive words (stop words count as words).
bool text_has_phrase(const std::string& text, const PhraseWords& phrase, Analyzer& analyzer);

/// A boolean leaf that matches the documents among @p candidates (the AND of the phrase's stems)
/// whose stored title (and body, unless title_only) holds the phrase.
///
/// Why: Xapian keeps one B-tree entry per (term, document) for positions, which made positional
/// data half of the index. Khoj stores no positions; a phrase is an AND of stems, and the few
/// documents that have all its words are checked lazily against their stored text, so the check
/// runs only on documents the matcher actually visits.
class PhraseFilter : public Xapian::PostingSource {
  public:
    PhraseFilter(PhraseWords phrase, bool title_only, Xapian::Query candidates, const RecordCodec* codec);
    ~PhraseFilter() override;

    PhraseFilter* clone() const override;
    std::string name() const override { return "khoj::PhraseFilter"; }
    void init(const Xapian::Database& db) override;
    Xapian::doccount get_termfreq_min() const override { return 0; }
    Xapian::doccount get_termfreq_est() const override { return static_cast<Xapian::doccount>(candidates_.size() / 2); }
    Xapian::doccount get_termfreq_max() const override { return static_cast<Xapian::doccount>(candidates_.size()); }
    void next(double min_wt) override;
    void skip_to(Xapian::docid did, double min_wt) override;
    bool at_end() const override { return position_ >= candidates_.size(); }
    Xapian::docid get_docid() const override { return candidates_[position_]; }

  private:
    bool holds_phrase(Xapian::docid did);
    void settle();  // moves forward to the first candidate, from position_ on, that holds the phrase

    PhraseWords phrase_;
    bool title_only_;
    Xapian::Query candidate_query_;
    const RecordCodec* codec_;
    Xapian::Database db_;
    std::unique_ptr<Analyzer> analyzer_;
    std::vector<Xapian::docid> candidates_;
    std::size_t position_ = 0;
    bool started_ = false;
};

}  // namespace khoj
