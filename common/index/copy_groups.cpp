/** @file copy_groups.cpp @brief Candidate copies by band terms, checked by the similarity of their stored text; the group value and term. */
#include "common/index/copy_groups.h"

#include "common/index/schema.h"

#include <algorithm>
#include <map>
#include <vector>

namespace khoj {

namespace {

// Six bytes: a band key (high byte first) and a 16-bit salt.
std::string group_value(std::uint32_t key, std::uint16_t salt) {
    std::string value;
    for (int shift = 24; shift >= 0; shift -= 8) value += static_cast<char>((key >> shift) & 0xFF);
    value += static_cast<char>(salt >> 8);
    value += static_cast<char>(salt & 0xFF);
    return value;
}

std::uint32_t fnv1a(std::string_view text) {
    std::uint32_t h = 2166136261u;
    for (unsigned char c : text) h = (h ^ c) * 16777619u;
    return h;
}

// The similarity of @p article to the stored article @p doc (1 when their text is equal).
double similarity(const Article& article, const CopySignature& signature, const Xapian::Document& doc, const RecordCodec& codec) {
    const Article other = article_from_record(codec.decompress(doc.get_value(slot::kRecord)));
    // The same story stored again needs no shingles (an archive indexed twice stays fast).
    if (other.title == article.title && other.body == article.body) return 1.0;
    return shingle_similarity(signature.shingles, copy_signature(other.title, other.body).shingles);
}

}  // namespace

std::string own_copy_group(const CopySignature& signature, const std::string& id, const std::string& hash) {
    // An article without words has no band: its id stands in, so it is still its own group.
    if (signature.empty() || signature.bands.size() < 2) return group_value(signature.empty() ? fnv1a(id) : signature.bands[0], static_cast<std::uint16_t>(fnv1a(hash + id)));
    // Made of the text alone (two band keys), not of the id or the file: copies of one story
    // indexed in different shards, each founding its group there, found groups of one value,
    // which Xapian's collapse key then folds across the shards as within one index. Two
    // articles share both keys only when sixteen minimum hashes agree: copies.
    return group_value(signature.bands[0], static_cast<std::uint16_t>(signature.bands[1]));
}

void add_copy_group(Xapian::Document& doc, const std::string& group) {
    doc.add_value(slot::kCopyGroup, group);
    doc.add_boolean_term(copy_group_term(group));
}

std::string copy_group_of(const Xapian::Database& db, const RecordCodec& codec, const Article& article, const CopySignature& signature,
                          const std::string& hash, Xapian::docid own) {
    std::map<Xapian::docid, std::size_t> shared_bands;
    for (std::uint32_t band : signature.bands) {
        if (signature.empty()) break;
        const std::string term = copy_band_term(band);
        // Nearly every band is new: its frequency is cheaper to ask than its postings are to open.
        if (db.get_termfreq(term) == 0) continue;
        std::size_t read = 0;
        for (auto it = db.postlist_begin(term); it != db.postlist_end(term) && read < kCopyPostingsPerBand; ++it, ++read) {
            if (*it != own) ++shared_bands[*it];
        }
    }
    std::vector<std::pair<Xapian::docid, std::size_t>> candidates(shared_bands.begin(), shared_bands.end());
    // More shared bands first (the likelier copy), then the earlier article (the group's first).
    std::stable_sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    if (candidates.size() > kCopyCandidates) candidates.resize(kCopyCandidates);
    std::string best_group;
    double best = 0;
    for (const auto& [did, bands] : candidates) {
        const Xapian::Document doc = db.get_document(did);
        std::string group = doc.get_value(slot::kCopyGroup);
        if (group.size() < 4) continue;  // not grouped (cannot happen in an index of this analysis version)
        // Every band shared is all eight minimum hashes equal, which articles less similar than
        // kCopySimilarity do one time in 256 at most (0.5⁸): a copy, not read (an archive that
        // stores each story many times indexes almost as fast as one that stores it once).
        if (bands == kCopyBands) return group;
        const double s = similarity(article, signature, doc, codec);
        if (s >= kCopySimilarity && s > best) {
            best = s;
            best_group = std::move(group);
            if (s == 1.0) break;
        }
    }
    return best_group.empty() ? own_copy_group(signature, article.id, hash) : best_group;
}

}  // namespace khoj
