/** @file copy_collapse.h @brief Republished copies at search time: which copies of a hit were collapsed into it. */
#pragma once
#include <xapian.h>

#include <vector>

namespace khoj {

/// The other copies of hit @p hit (its group, slot::kCopyGroup) that match @p query and pass
/// @p decider (a query's required phrases; may be null), best first:
/// what collapsing the copies of a story into its best-ranked one hid. Found through the group's
/// term (copy_group_term()), so the cost is that of the group, not of the query's matches; empty
/// for an article without copies (one lookup of the term's frequency).
std::vector<Xapian::docid> collapsed_copies(const Xapian::Database& db, const Xapian::Query& query, const Xapian::MatchDecider* decider,
                                            Xapian::docid hit);

}  // namespace khoj
