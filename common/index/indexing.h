/** @file indexing.h @brief The khoj-index job: read inputs, analyse, write, commit in batches, prune, compact, summarise. */
#pragma once
#include "common/ingest/article_reader.h"

#include <functional>
#include <string>
#include <vector>

namespace khoj {

/// What khoj-index was asked to do.
struct IndexingOptions {
    std::string index;
    std::vector<std::string> paths;
    std::size_t batch_size = 5000;  ///< articles per commit: bounds memory and the work a crash loses
    bool prune = false;             ///< delete articles whose input file has disappeared
    bool compact = false;           ///< compact the database after updating it
    bool force = false;             ///< re-read files even when their size and mtime are unchanged
};

/// Counts for the one-line summary.
struct IndexingSummary {
    std::size_t added = 0;
    std::size_t updated = 0;
    std::size_t unchanged = 0;
    std::size_t deleted = 0;
    std::size_t rejected = 0;
    std::size_t skipped_files = 0;  ///< files skipped because size and mtime are as last indexed
    std::size_t bytes = 0;          ///< article text read
    std::size_t total_bytes = 0;    ///< size of all input files (for the ETA)
    double seconds = 0;
};

/// Progress report, called after every article.
using ProgressHandler = std::function<void(const IndexingSummary&)>;

/// Runs the whole job. Bad input is reported through @p on_diagnostic and counted as rejected;
/// index-level failures throw khoj::IndexError / IndexLockedError.
IndexingSummary run_indexing(const IndexingOptions& options, const ArticleReader::DiagnosticHandler& on_diagnostic,
                             const ProgressHandler& on_progress);

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
