/** @file index_stats.cpp @brief khoj-index --stats: document and file counts, and the size of each part of the index. */
#include "common/index/index_stats.h"

#include "common/index/file_stamps.h"
#include "common/index/index_folder.h"
#include "common/ingest/record_codec.h"
#include "common/index/schema.h"

#include <xapian.h>

#include <filesystem>
#include <map>

namespace fs = std::filesystem;

namespace khoj {

namespace {

struct CopyGroupCount {
    std::size_t stories = 0;   ///< groups of two or more articles
    std::size_t articles = 0;  ///< articles in those groups
};

// The groups of copies of @p db (slot::kCopyGroup); the bytes of their values are added to @p bytes.
CopyGroupCount count_copy_groups(const Xapian::Database& db, std::uintmax_t& bytes) {
    std::map<std::string, std::size_t> groups;
    for (auto it = db.valuestream_begin(slot::kCopyGroup); it != db.valuestream_end(slot::kCopyGroup); ++it) {
        bytes += (*it).size();
        ++groups[*it];
    }
    CopyGroupCount count;
    for (const auto& [group, members] : groups) {
        if (members < 2) continue;
        ++count.stories;
        count.articles += members;
    }
    return count;
}

}  // namespace

IndexStatistics index_statistics(const std::string& path) {
    Xapian::Database db = open_index_for_reading(path);
    IndexStatistics stats;
    stats.documents = db.get_doccount();
    stats.last_update = db.get_metadata(metadata::kLastUpdate);
    stats.analysis_version = db.get_metadata(metadata::kAnalysisVersion);
    std::string dict = db.get_metadata(metadata::kCurrentDictionary);
    stats.dictionary_id = dict.empty() ? 0 : metadata::parse_number(dict, metadata::kCurrentDictionary);
    stats.indexed_files = stamped_files(db).size();
    std::error_code ec;
    std::map<std::string, std::uintmax_t> tables;
    for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code size_ec;
        if (!it->is_regular_file(size_ec)) continue;
        std::uintmax_t size = it->file_size(size_ec);
        stats.bytes_on_disk += size;
        if (it->path().extension() == ".glass") tables[it->path().stem().string()] += size;
    }
    RecordCodec with_dictionary, without_dictionary;
    load_record_dictionaries(db, with_dictionary);
    for (auto it = db.valuestream_begin(slot::kRecord); it != db.valuestream_end(slot::kRecord); ++it) {
        const std::string record = *it;
        std::string plain = with_dictionary.decompress(record);
        stats.stored_compressed += record.size();
        stats.stored_plain += plain.size();
        stats.stored_without_dictionary += without_dictionary.compress(plain).size();
    }
    std::uintmax_t values = 0, metadata_bytes = 0, group_bytes = 0;
    for (Xapian::valueno slot : {slot::kDate, slot::kContentHash, slot::kEntities}) {
        for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) values += (*it).size();
    }
    const CopyGroupCount copies = count_copy_groups(db, group_bytes);
    for (auto it = db.metadata_keys_begin(); it != db.metadata_keys_end(); ++it) metadata_bytes += (*it).size() + db.get_metadata(*it).size();
    const bool has_termlist = tables.count("termlist") > 0, has_positions = tables.count("position") > 0;
    const std::uintmax_t postlist = tables["postlist"];
    const std::uintmax_t in_postlist = stats.stored_compressed + values + group_bytes + metadata_bytes;
    using Part = IndexStatistics::Part;
    stats.parts.push_back(Part{"stored articles", stats.stored_compressed, "zstd records, a value slot in postlist.glass"});
    stats.parts.push_back(Part{"postings", postlist > in_postlist ? postlist - in_postlist : 0, "rest of postlist.glass: postings, doc lengths, B-tree"});
    stats.parts.push_back(Part{"values", values, "dates, content hashes, entity ids"});
    stats.parts.push_back(Part{"copy groups", group_bytes, std::to_string(copies.stories) + " stories with copies, " + std::to_string(copies.articles) +
                                                               " articles; band terms (XC…) are in the postings"});
    stats.parts.push_back(Part{"metadata", metadata_bytes, "zstd dictionary, entity names, file stamps"});
    stats.parts.push_back(Part{"synonyms", tables["synonym"], "romanisation keys → Devanagari words"});
    stats.parts.push_back(Part{"term lists", tables["termlist"], has_termlist ? "only needed to replace or delete; --compact drops them"
                                                                                       : "none: the first replace or delete restores them"});
    stats.parts.push_back(Part{"positions", tables["position"], has_positions ? "" : "none: phrases are checked against the stored text"});
    for (const auto& [table, bytes] : tables) {
        if (table != "postlist" && table != "synonym" && table != "termlist" && table != "position") stats.parts.push_back(Part{table, bytes, table + ".glass"});
    }
    return stats;
}

}  // namespace khoj
