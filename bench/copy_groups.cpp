/** @file copy_groups.cpp @brief Khoj's groups of republished copies in an index against the checked pair list: precision, recall and every disagreement. */
#include "common/text/copy_signature.h"
#include "tests/copies/copy_pairs.h"

#include <cstdio>
#include <iostream>

using namespace khoj;
using namespace khoj::copies_test;

namespace {

// "similarity S, N bands shared" of two articles of @p db, from their stored text.
std::string closeness(const Xapian::Database& db, const RecordCodec& codec, const IdPair& pair) {
    CopySignature signatures[2];
    for (int k = 0; k < 2; ++k) {
        const std::string term = prefix::kId + (k ? pair.second : pair.first);
        auto it = db.postlist_begin(term);
        if (it == db.postlist_end(term)) return "not in the index";
        const Article a = article_from_record(codec.decompress(db.get_document(*it).get_value(slot::kRecord)));
        signatures[k] = copy_signature(a.title, a.body);
    }
    std::size_t bands = 0;
    for (std::size_t b = 0; b < kCopyBands; ++b) bands += signatures[0].bands[b] == signatures[1].bands[b];
    char text[64];
    std::snprintf(text, sizeof text, "similarity %.3f, %zu bands shared", shingle_similarity(signatures[0].shingles, signatures[1].shingles), bands);
    return text;
}

}  // namespace

// khoj-copy-groups INDEX [PAIRS]: precision and recall of the index's groups of copies against
// PAIRS (default tests/copies/covid-copy-pairs.tsv), then each pair grouped but not a copy
// (false: its label in PAIRS, or "unlisted") and each copy not grouped (missed).
int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: khoj-copy-groups INDEX [PAIRS.tsv]\n";
        return 2;
    }
    const std::string pairs_file = argc > 2 ? argv[2] : "tests/copies/covid-copy-pairs.tsv";
    try {
        const std::set<IdPair> copies = read_copy_pairs(pairs_file, "copy"), not_copies = read_copy_pairs(pairs_file, "not");
        const std::set<IdPair> grouped = grouped_pairs(argv[1]);
        Xapian::Database db = open_index_for_reading(argv[1]);
        RecordCodec codec;
        load_record_dictionaries(db, codec);
        const PrecisionRecall pr = precision_recall(grouped, copies);
        std::printf("grouped pairs %zu, copy pairs %zu, both %zu: precision %.3f recall %.3f\n", pr.found, pr.truth, pr.both, pr.precision, pr.recall);
        for (const IdPair& p : grouped) {
            if (!copies.count(p))
                std::printf("false\t%s\t%s\t%s\t%s\n", p.first.c_str(), p.second.c_str(), not_copies.count(p) ? "not" : "unlisted", closeness(db, codec, p).c_str());
        }
        for (const IdPair& p : copies) {
            if (!grouped.count(p)) std::printf("missed\t%s\t%s\t%s\n", p.first.c_str(), p.second.c_str(), closeness(db, codec, p).c_str());
        }
    } catch (const std::exception& e) {
        std::cerr << "khoj-copy-groups: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
