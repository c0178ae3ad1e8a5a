/** @file docid_range.cpp @brief DocidRange: every docid of a range, in order, weightless. */
#include "common/search/docid_range.h"

#include <algorithm>

namespace khoj {

DocidRange::DocidRange(Xapian::docid first, Xapian::docid last) : first_(std::max<Xapian::docid>(first, 1)), last_(last) {}

double DocidRange::share(const Xapian::Database& db, Xapian::docid first, Xapian::docid last) {
    // Deleted documents leave holes, taken as spread evenly.
    const Xapian::docid top = std::min(last, db.get_lastdocid());
    const double span = top >= first ? static_cast<double>(top - first + 1) : 0.0;
    return db.get_lastdocid() == 0 ? 0.0 : span / db.get_lastdocid();
}

void DocidRange::init(const Xapian::Database& db) {
    current_ = 0;
    // Xapian's AND checks its parts in the order of their estimated sizes, the smallest
    // driving: a range driving it stepped through every docid and asked each term list to skip
    // there, which cost a third more than the term lists alone. Told the range holds every
    // document, the terms drive and the range only answers check(). The matches' estimate is
    // then the whole index's, and the caller scales it by share().
    all_ = db.get_doccount();
}

void DocidRange::next(double) { current_ = current_ == 0 ? first_ : current_ + 1; }

void DocidRange::skip_to(Xapian::docid did, double) { current_ = std::max({current_, did, first_}); }

bool DocidRange::check(Xapian::docid did, double min_wt) {
    skip_to(did, min_wt);
    return true;
}

}  // namespace khoj
