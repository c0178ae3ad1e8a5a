/** @file file_stamps.h @brief The stamp (size and modification time) of each indexed file in the index's metadata, keyed by its path, or by a hash of a path too long for a Xapian key. */
#pragma once
#include <xapian.h>

#include <filesystem>
#include <string>
#include <vector>

namespace khoj {

/// The canonical path of the input file @p file, as the index names it (the path as given
/// when it cannot be made canonical).
std::string canonical_file_name(const std::filesystem::path& file);

/// The hash that stands for the input file @p file (a canonical path) in the index: what
/// follows prefix::kFile and prefix::kOtherFile, and the key of a hashed stamp.
std::string file_hash(const std::string& file);

/// The metadata key of the stamp of @p file: metadata::kFileStampPrefix + path as before, or
/// metadata::kHashedFileStampPrefix + file_hash() when the path would make a key longer than
/// Xapian allows (kMaxMetadataKeyBytes), so a deep path cannot stop a run.
std::string file_stamp_key(const std::string& file);

/// What file_stamp_key() holds for @p file stamped @p stamp ("size mtime"): the stamp, and for a
/// hashed key a tab and the path, which --prune needs and the key no longer gives.
std::string file_stamp_entry(const std::string& file, const std::string& stamp);

/// Every file stamped in @p db, by path (both kinds of key).
std::vector<std::string> stamped_files(const Xapian::Database& db);

}  // namespace khoj
