/** @file article_reader.h @brief Reads articles from .txt, .jsonl, .html/.htm and .warc/.warc.gz files and folders, reporting bad input by file and line (or record). */
#pragma once
#include "common/ingest/article.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

namespace khoj {

/// A problem with one input: the file, the line (0 for the whole file) and what is wrong.
struct Diagnostic {
    std::string file;
    std::size_t line = 0;
    std::string message;
};

/// An article together with where it came from.
struct InputArticle {
    Article article;
    std::string file;       ///< the file it was read from
    std::size_t line = 0;   ///< its line in a .jsonl file, 0 for a .txt, .html or .warc file
};

/// Identity of an input file's contents as the file system reports it (for skipping unchanged files).
struct FileStamp {
    std::uintmax_t size = 0;
    std::int64_t mtime_ns = 0;
    bool operator==(const FileStamp&) const = default;
};

/// Largest article accepted; a larger one is almost always a broken dump, not news.
constexpr std::size_t kMaxArticleBytes = 8u << 20;

/// Walks the paths given to khoj-index and hands every well-formed article to a callback.
/// Malformed input never stops the walk: it is reported through the diagnostic callback.
class ArticleReader {
  public:
    using ArticleHandler = std::function<void(InputArticle&&)>;
    using DiagnosticHandler = std::function<void(const Diagnostic&)>;
    /// Asked before a file is read; returning false skips it (the incremental indexer's hook).
    using FileFilter = std::function<bool(const std::filesystem::path&, const FileStamp&)>;

    /// Told when a file has been read to the end (the incremental indexer records its stamp).
    using FileDoneHandler = std::function<void(const std::filesystem::path&, const FileStamp&)>;

    ArticleReader(ArticleHandler on_article, DiagnosticHandler on_rejected, FileFilter filter = {}, FileDoneHandler on_file_done = {});

    /// Reads one file or, recursively, every .txt, .jsonl, .html, .htm, .warc and .warc.gz file
    /// under a folder (sorted by name).
    void read(const std::filesystem::path& path);

    /// Number of inputs (articles, lines, files or web-archive records) rejected so far.
    std::size_t rejected() const { return rejected_; }

    /// Number of web-archive records that hold no page and were skipped: requests, metadata,
    /// revisits, responses other than 200, images, scripts.
    std::size_t skipped_records() const { return skipped_records_; }

  private:
    void read_file(const std::filesystem::path& file, const std::filesystem::path& root, bool named);
    // Each returns false when the file could not be opened or read to the end.
    bool read_txt(const std::filesystem::path& file, const std::filesystem::path& root, const FileStamp& stamp);
    bool read_jsonl(const std::filesystem::path& file);
    bool read_html(const std::filesystem::path& file, const std::filesystem::path& root, const FileStamp& stamp);
    bool read_warc(const std::filesystem::path& file);
    enum class WholeFile { kRead, kRejected, kUnreadable };
    WholeFile read_whole(const std::filesystem::path& file, const FileStamp& stamp, std::string& text);
    bool accept(InputArticle&& input, bool utf8_checked = false);  // utf8_checked: the whole JSON line already was
    void reject(const std::filesystem::path& file, std::size_t line, const std::string& message);

    ArticleHandler on_article_;
    DiagnosticHandler on_rejected_;
    FileFilter filter_;
    FileDoneHandler on_file_done_;
    std::size_t rejected_ = 0;
    std::size_t skipped_records_ = 0;
};

/// Reads the size and modification time of a file.
FileStamp stamp_of(const std::filesystem::path& file);

}  // namespace khoj
