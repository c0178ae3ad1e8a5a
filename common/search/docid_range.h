/** @file docid_range.h @brief A boolean posting source of every document id in a range: how one search is split over the cores. */
#pragma once
#include <xapian.h>

#include <string>

namespace khoj {

/// Matches every docid from first to last (both included), adding no weight.
///
/// Why: Xapian 1.4 runs one match on one thread. ANDed with a query, a range makes the match
/// skip straight to its first docid and stop after its last, so two matches over the two halves
/// of the docids each read half of every posting list, with the collection statistics (and so
/// the scores) of the whole index.
class DocidRange : public Xapian::PostingSource {
  public:
    /// The docids first … last.
    DocidRange(Xapian::docid first, Xapian::docid last);

    /// The share of the index's live documents the range holds, 0 … 1, for scaling estimates:
    /// Xapian is told the range holds every document (see init).
    static double share(const Xapian::Database& db, Xapian::docid first, Xapian::docid last);

    DocidRange* clone() const override { return new DocidRange(first_, last_); }
    std::string name() const override { return "khoj::DocidRange"; }
    void init(const Xapian::Database& db) override;
    Xapian::doccount get_termfreq_min() const override { return 0; }
    Xapian::doccount get_termfreq_est() const override { return all_; }
    Xapian::doccount get_termfreq_max() const override { return all_; }
    void next(double min_wt) override;
    void skip_to(Xapian::docid did, double min_wt) override;
    bool check(Xapian::docid did, double min_wt) override;
    bool at_end() const override { return current_ > last_; }
    Xapian::docid get_docid() const override { return current_; }

  private:
    Xapian::docid first_, last_;
    Xapian::docid current_ = 0;
    Xapian::doccount all_ = 0;  ///< the index's size, given as the range's (see init)
};

}  // namespace khoj
