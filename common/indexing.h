/** @file indexing.h @brief The khoj-index job: read inputs, analyse, write, commit in batches, summarise. */
#pragma once
#include "common/article_reader.h"

#include <functional>
#include <string>
#include <vector>

namespace khoj {

/// What khoj-index was asked to do.
struct IndexingOptions {
    std::string index;
    std::vector<std::string> paths;
    std::size_t batch_size = 5000;  ///< articles per commit: bounds memory and work lost to a crash
};

/// Counts for the one-line summary.
struct IndexingSummary {
    std::size_t added = 0;
    std::size_t updated = 0;
    std::size_t unchanged = 0;
    std::size_t deleted = 0;
    std::size_t rejected = 0;
    std::size_t bytes = 0;  ///< article text read
    double seconds = 0;
};

/// Progress report, called after every article.
using ProgressHandler = std::function<void(const IndexingSummary&)>;

/// Runs the whole job. Bad input is reported through @p on_diagnostic and counted as rejected;
/// index-level failures throw khoj::IndexError / IndexLockedError.
IndexingSummary run_indexing(const IndexingOptions& options, const ArticleReader::DiagnosticHandler& on_diagnostic,
                             const ProgressHandler& on_progress);

}  // namespace khoj
