/** @file read_ahead.h @brief Reads articles on a thread of their own, a bounded number ahead, and hands every callback to the calling thread in the reader's order. */
#pragma once
#include "common/ingest/article_reader.h"

#include <cstddef>
#include <string>
#include <vector>

namespace khoj {

/// Articles the reading thread may be ahead of the thread that takes them. 512 articles of
/// news are about a megabyte: enough to cover the writer's pause at each commit (about 5,000
/// articles' work in one go) without holding a file's worth of text.
constexpr std::size_t kReadAheadArticles = 512;

/// What one read_ahead() counted, as ArticleReader::rejected() and skipped_records() report them.
struct ReadCounts {
    std::size_t rejected = 0;
    std::size_t skipped_records = 0;
};

/// Reads every path as ArticleReader::read() would, parsing and cleaning on a thread of its
/// own, and calls each handler on the calling thread, in the order and with the arguments a
/// single-threaded ArticleReader would have given. The file filter is asked on the calling
/// thread too, and the reading thread waits for its answer (it may touch an index that only
/// the calling thread may use). An exception from a handler stops the reading thread and is
/// rethrown; one from the reader is rethrown after the events before it were handled.
ReadCounts read_ahead(const std::vector<std::string>& paths, const ArticleReader::ArticleHandler& on_article,
                      const ArticleReader::DiagnosticHandler& on_rejected, const ArticleReader::FileFilter& filter,
                      const ArticleReader::FileDoneHandler& on_file_done, std::size_t capacity = kReadAheadArticles);

}  // namespace khoj
