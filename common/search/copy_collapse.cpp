/** @file copy_collapse.cpp @brief The copies collapsed into a hit, from its group's term and value. */
#include "common/search/copy_collapse.h"

#include "common/index/schema.h"
#include "common/ingest/article.h"

namespace khoj {

std::vector<std::string> similar_copies(const Xapian::Database& db, const RecordCodec& codec, const Xapian::Query& query, Xapian::docid hit) {
    std::vector<std::string> ids;
    const std::string group = db.get_document(hit).get_value(slot::kCopyGroup);
    if (group.empty()) return ids;
    const std::string term = copy_group_term(group);
    const Xapian::doccount holders = db.get_termfreq(term);
    if (holders < 2) return ids;  // the article alone: no copy (nearly every article)
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(term)));
    const Xapian::MSet copies = enquire.get_mset(0, holders);
    for (auto it = copies.begin(); it != copies.end(); ++it) {
        if (*it == hit) continue;
        const Xapian::Document doc = it.get_document();
        // The term is also some articles' own band: only those with the group's value are copies.
        if (doc.get_value(slot::kCopyGroup) == group) ids.push_back(article_from_record(codec.decompress(doc.get_value(slot::kRecord))).id);
    }
    return ids;
}

}  // namespace khoj
