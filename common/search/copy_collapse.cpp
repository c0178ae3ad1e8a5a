/** @file copy_collapse.cpp @brief The copies collapsed into a hit, from its group's term and value. */
#include "common/search/copy_collapse.h"

#include "common/index/schema.h"

#include <string>

namespace khoj {

std::vector<Xapian::docid> collapsed_copies(const Xapian::Database& db, const Xapian::Query& query, const Xapian::MatchDecider* decider,
                                            Xapian::docid hit) {
    std::vector<Xapian::docid> copies;
    const std::string group = db.get_document(hit).get_value(slot::kCopyGroup);
    if (group.empty()) return copies;
    const std::string term = copy_group_term(group);
    const Xapian::doccount holders = db.get_termfreq(term);
    if (holders < 2) return copies;  // the article alone: no copy (nearly every article)
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(term)));
    const Xapian::MSet matches = enquire.get_mset(0, holders, 0, nullptr, decider);
    for (auto it = matches.begin(); it != matches.end(); ++it) {
        // The term is also some articles' own band: only those with the group's value are copies.
        if (*it != hit && it.get_document().get_value(slot::kCopyGroup) == group) copies.push_back(*it);
    }
    return copies;
}

}  // namespace khoj
