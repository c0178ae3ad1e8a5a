/** @file copy_pairs.h @brief The checked pair list of republished copies and Khoj's grouping of an index, as pairs, with precision and recall. */
#pragma once
#include "common/index/index_folder.h"
#include "common/index/schema.h"
#include "common/ingest/article.h"
#include "common/ingest/record_codec.h"
#include "common/util/string_util.h"

#include <xapian.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace khoj::copies_test {

using IdPair = std::pair<std::string, std::string>;  ///< the smaller id first

/// The pair of @p a and @p b, the smaller id first, so a pair is found whichever way it was written.
inline IdPair id_pair(std::string a, std::string b) { return a < b ? IdPair{a, b} : IdPair{b, a}; }

/// The pairs of tests/copies/covid-copy-pairs.tsv labelled @p label ("copy" or "not").
inline std::set<IdPair> read_copy_pairs(const std::string& path, const std::string& label) {
    std::set<IdPair> pairs;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#' || line.rfind("id_a\t", 0) == 0) continue;
        const std::vector<std::string> fields = split(line, '\t');
        if (fields.size() >= 3 && fields[2] == label) pairs.insert(id_pair(fields[0], fields[1]));
    }
    return pairs;
}

/// Every pair of articles of the index at @p path that Khoj put in one group of copies.
inline std::set<IdPair> grouped_pairs(const std::string& path) {
    Xapian::Database db = open_index_for_reading(path);
    RecordCodec codec;
    load_record_dictionaries(db, codec);
    std::map<std::string, std::vector<Xapian::docid>> groups;
    for (auto it = db.valuestream_begin(slot::kCopyGroup); it != db.valuestream_end(slot::kCopyGroup); ++it) groups[*it].push_back(it.get_docid());
    std::set<IdPair> pairs;
    for (const auto& [group, members] : groups) {
        std::vector<std::string> ids;
        for (Xapian::docid did : members) ids.push_back(article_from_record(codec.decompress(db.get_document(did).get_value(slot::kRecord))).id);
        for (std::size_t i = 0; i < ids.size(); ++i) {
            for (std::size_t j = i + 1; j < ids.size(); ++j) pairs.insert(id_pair(ids[i], ids[j]));
        }
    }
    return pairs;
}

/// Precision and recall of @p found against @p truth (1 for an empty side).
struct PrecisionRecall {
    double precision = 1, recall = 1;
    std::size_t found = 0, truth = 0, both = 0;
};

inline PrecisionRecall precision_recall(const std::set<IdPair>& found, const std::set<IdPair>& truth) {
    PrecisionRecall pr;
    pr.found = found.size();
    pr.truth = truth.size();
    for (const IdPair& p : found) pr.both += truth.count(p);
    if (pr.found) pr.precision = static_cast<double>(pr.both) / static_cast<double>(pr.found);
    if (pr.truth) pr.recall = static_cast<double>(pr.both) / static_cast<double>(pr.truth);
    return pr;
}

}  // namespace khoj::copies_test
