/** @file file_stamps.cpp @brief File stamps in metadata: path keys, hashed keys for long paths, and the list --prune and --stats read. */
#include "common/index/file_stamps.h"

#include "common/index/document_builder.h"
#include "common/index/schema.h"

#include <cstring>

namespace khoj {

std::string canonical_file_name(const std::filesystem::path& file) {
    std::error_code ec;
    std::filesystem::path p = std::filesystem::weakly_canonical(file, ec);
    return (ec ? file : p).string();
}

std::string file_hash(const std::string& file) { return file_term(file).substr(std::strlen(prefix::kFile)); }

std::string file_stamp_key(const std::string& file) {
    std::string key = metadata::kFileStampPrefix + file;
    return key.size() <= kMaxMetadataKeyBytes ? key : metadata::kHashedFileStampPrefix + file_hash(file);
}

std::string file_stamp_entry(const std::string& file, const std::string& stamp) {
    return file_stamp_key(file).rfind(metadata::kHashedFileStampPrefix, 0) == 0 ? stamp + "\t" + file : stamp;
}

std::vector<std::string> stamped_files(const Xapian::Database& db) {
    std::vector<std::string> files;
    const std::string plain = metadata::kFileStampPrefix, hashed = metadata::kHashedFileStampPrefix;
    for (auto it = db.metadata_keys_begin(plain); it != db.metadata_keys_end(plain); ++it) files.push_back((*it).substr(plain.size()));
    for (auto it = db.metadata_keys_begin(hashed); it != db.metadata_keys_end(hashed); ++it) {
        const std::string entry = db.get_metadata(*it);
        if (const auto tab = entry.find('\t'); tab != std::string::npos) files.push_back(entry.substr(tab + 1));
    }
    return files;
}

}  // namespace khoj
