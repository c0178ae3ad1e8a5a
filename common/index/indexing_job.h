/** @file indexing_job.h @brief The khoj-index job: read inputs, analyse on every core, write in input order, commit in batches, prune, compact, summarise. */
#pragma once
#include "common/entities/entities.h"
#include "common/index/index_writer.h"
#include "common/index/seen_ids.h"
#include "common/index/shards.h"
#include "common/ingest/article_reader.h"
#include "common/text/analyzer.h"
#include "common/util/task_queue.h"
#include "common/util/worker_pool.h"

#include <chrono>
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

namespace khoj {

/// What khoj-index was asked to do.
struct IndexingOptions {
    std::string index;
    std::vector<std::string> paths;
    std::size_t batch_size = 5000;  ///< articles per commit: bounds memory and the work a crash loses
    bool prune = false;             ///< delete articles whose input file has disappeared (and no other file holds)
    bool compact = false;           ///< compact the database after updating it
    bool force = false;             ///< re-read files even when their size and mtime are unchanged
    bool keep_termlist = false;     ///< end with term lists (restored if missing): xapian-tcpsrv cannot hand out documents without them
    std::string shard;              ///< "K/N": only the articles whose id is in shard K of N (index/shards.h); "" = all
};

/// Counts for the one-line summary.
struct IndexingSummary {
    std::size_t added = 0;
    std::size_t updated = 0;
    std::size_t unchanged = 0;
    std::size_t deleted = 0;
    std::size_t rejected = 0;
    std::size_t skipped_files = 0;  ///< files skipped because size and mtime are as last indexed
    std::size_t skipped_records = 0;  ///< web-archive records that hold no page (requests, metadata, images …)
    std::size_t bytes = 0;          ///< input read (file bytes, as total_bytes), skipped files included
    std::size_t total_bytes = 0;    ///< size of all input files, of the kinds read (for the ETA)
    double seconds = 0;
};

/// Progress report, called after every batch written.
using ProgressHandler = std::function<void(const IndexingSummary&)>;

/// One run of khoj-index. Incremental twice over: a file whose size and mtime are as last
/// indexed is not read, and an article whose content hash is as stored is not analysed.
/// A pipeline of three stages: the inputs are parsed and cleaned on a thread of their own
/// (read_ahead), analysed (prepare_article: segmentation, stemming, entities, compression) on
/// every core a few batches ahead, and written on this thread, Xapian's one writer, in input
/// order, so the last copy of a repeated id wins. The first articles of a new index are held back to train
/// the zstd dictionary before anything is written.
class IndexingJob {
  public:
    /// Opens (and locks) the index of @p options; throws khoj::IndexLockedError / IndexError.
    IndexingJob(const IndexingOptions& options, ArticleReader::DiagnosticHandler on_diagnostic, ProgressHandler on_progress);
    ~IndexingJob();
    IndexingJob(const IndexingJob&) = delete;
    IndexingJob& operator=(const IndexingJob&) = delete;

    /// Runs the whole job (call once). Bad input is reported through the diagnostic handler and
    /// counted as rejected; index-level failures throw khoj::IndexError / IndexLockedError.
    IndexingSummary run();

  private:
    struct Stage;  // one batch on its way: analysed on the pool, then written here

    void accept(InputArticle&& input);
    bool in_shard(const InputArticle& input) const;
    bool fits_index(const InputArticle& input);
    bool should_read(const std::filesystem::path& file, const FileStamp& stamp);
    void file_done(const std::filesystem::path& file, const FileStamp& stamp);
    void queue(InputArticle&& input);
    void flush_pending();
    void submit();
    void pick_changed(Stage& stage);
    void start_analysis(Stage& stage);
    void finish(Stage& stage);
    void retire_front();
    void drain();
    void prune();
    void read_again(const std::unordered_set<std::string>& files, const std::unordered_set<std::string>& ids);
    double elapsed() const;

    IndexingOptions options_;
    ShardChoice shard_;  ///< parsed before the writer opens, so a bad --shard touches no index
    ArticleReader::DiagnosticHandler on_diagnostic_;
    ProgressHandler on_progress_;
    std::chrono::steady_clock::time_point start_;  ///< before the writer: the lock wait counts
    IndexWriter writer_;
    IndexingSummary summary_;
    SeenIds seen_;  ///< the ids met so far in this run (repeats are reported, and always written)
    bool started_empty_;  ///< the index held no article when this run began
    std::size_t rejected_ = 0;  ///< articles rejected here rather than by the reader (ids too long for the index)
    std::unordered_set<std::string> read_files_;  ///< files read this run (canonical names)
    std::size_t since_commit_ = 0;
    bool train_;                           ///< the index has no dictionary yet
    std::vector<InputArticle> pending_;    ///< held back until the dictionary is trained
    unsigned threads_;
    std::vector<std::unique_ptr<Analyzer>> analyzers_;  ///< one per pool thread
    const EntityExtractor extractor_;
    std::unique_ptr<Stage> current_;       ///< being filled by the reader
    std::deque<std::unique_ptr<Stage>> in_flight_;  ///< queued for analysis or analysed, not yet written (oldest first)
    TaskQueue::Group retired_;  ///< the freeing of written batches (never waited for: a task left at the end frees its batch as it is dropped)
    /// Declared after what its threads use (the stages, the analysers, the codec), so they stop
    /// before those go, also when an exception leaves run().
    WorkerPool pool_;
    /// After the pool, so it is destroyed before it: it drops the tasks not yet taken and
    /// waits for those running, whatever left run().
    TaskQueue tasks_;
};

}  // namespace khoj
