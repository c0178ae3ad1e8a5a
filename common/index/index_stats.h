/** @file index_stats.h @brief What khoj-index --stats reports about an index: counts, versions and where the bytes go. */
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace khoj {

/// What --stats prints about an index.
struct IndexStatistics {
    std::size_t documents = 0;
    std::uintmax_t bytes_on_disk = 0;
    std::string last_update;
    std::string analysis_version;
    std::uint32_t dictionary_id = 0;
    std::size_t indexed_files = 0;
    /// Where the bytes go: stored articles, postings, values, metadata, synonyms, term lists and
    /// positions, each with a note saying what it holds (bytes 0 = the index has none).
    struct Part {
        std::string name;
        std::uintmax_t bytes = 0;
        std::string note;
    };
    std::vector<Part> parts;
    std::uintmax_t stored_plain = 0;       ///< article records, uncompressed
    std::uintmax_t stored_compressed = 0;  ///< as stored (zstd with the trained dictionary)
    std::uintmax_t stored_without_dictionary = 0;  ///< what plain zstd (same level) would take
};

/// Reads the statistics of the index at @p path (throws khoj::IndexError if there is none).
IndexStatistics index_statistics(const std::string& path);

}  // namespace khoj
