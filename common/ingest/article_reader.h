/** @file article_reader.h @brief Reads articles from .txt, .jsonl, .html/.htm and .warc/.warc.gz files and folders, reporting bad input by file and line (or record). */
#pragma once
#include "common/ingest/article.h"
#include "common/ingest/scraped_text.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

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
    /// The bytes of input this article stands for, with what was rejected or skipped before it in
    /// its file (the progress bar's measure: file bytes, not article text).
    std::size_t input_bytes = 0;
};

/// True for a file of a kind khoj-index reads: .txt, .jsonl, .html, .htm, .warc, .warc.gz.
bool is_input_file(const std::filesystem::path& file);

/// Identity of an input file's contents as the file system reports it (for skipping unchanged files).
struct FileStamp {
    std::uintmax_t size = 0;
    std::int64_t mtime_ns = 0;
    bool operator==(const FileStamp&) const = default;
};

/// Largest article accepted; a larger one is almost always a broken dump, not news.
constexpr std::size_t kMaxArticleBytes = 8u << 20;

/// Template lines (scraped_text.h) are counted over the first this many articles of a .jsonl
/// file (per source) or .txt files of a folder: enough to see a site's template, bounded in
/// memory, and a property of the file or folder alone, so every run reads it the same way.
constexpr std::size_t kTemplateSampleArticles = 2000;

/// Walks the paths given to khoj-index and hands every well-formed article to a callback,
/// cleaned of site chrome (clean_scraped_article): a .txt file's headline is chosen past chrome
/// and section labels, a JSON title kept unless it is chrome; the lines that repeat across
/// the articles of a source (a .jsonl file's source field, a folder's .txt files) are template.
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
    // Why an article is rejected, or "" when it is not (it is then made NFC). utf8_checked:
    // the whole JSON line already was.
    std::string problem(InputArticle& input, bool utf8_checked);
    // problem(), reported; false when the article is rejected.
    bool check(InputArticle& input);
    // Cleans a checked article of chrome (templates of @p source when given), dates it, hands it on.
    void emit(InputArticle&& input, HeadlineOrigin origin, const TemplateLines* templates = nullptr, std::string_view source = {});
    // The template lines of the folder of @p file, counted on first use; null outside a folder walk.
    const TemplateLines* folder_templates(const std::filesystem::path& file);
    void reject(const std::filesystem::path& file, std::size_t line, const std::string& message);

    ArticleHandler on_article_;
    DiagnosticHandler on_rejected_;
    FileFilter filter_;
    FileDoneHandler on_file_done_;
    std::size_t rejected_ = 0;
    std::size_t skipped_records_ = 0;
    std::map<std::filesystem::path, std::vector<std::filesystem::path>> folder_files_;  ///< .txt files of each folder of the walk
    std::map<std::filesystem::path, TemplateLines> folder_templates_;                  ///< counted so far (a few folders at a time)
};

/// Reads the size and modification time of a file.
FileStamp stamp_of(const std::filesystem::path& file);

}  // namespace khoj
