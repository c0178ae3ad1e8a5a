/** @file indexing_job.cpp @brief The indexing job: incremental by file stamp and content hash, analysed in a pipeline, batched, prunable. */
#include "common/index/indexing_job.h"

#include "common/index/document_builder.h"
#include "common/index/file_stamps.h"
#include "common/index/schema.h"
#include "common/ingest/read_ahead.h"

#include <utility>

namespace fs = std::filesystem;

namespace khoj {

namespace {

// Articles analysed together on all cores before being written in order.
constexpr std::size_t kAnalysisBatch = 256;

// Batches queued for analysis before the oldest is written: the analysis threads run ahead of
// the writer by two to three batches, so neither waits for the other at a commit or a long
// article (with one batch ahead, a quarter of the two cores idled at x100). Bounded, since a
// prepared article holds its document (about 20 KB).
constexpr std::size_t kStagesInFlight = 3;

// How much lower the analysis threads' priority is than the writer's. Three or four threads
// want two cores, and Linux shares them out evenly: Xapian's one writer, the pipeline's only
// serial stage, then ran at two thirds of a core and the analysis ran out of batches to do.
constexpr int kAnalysisNiceness = 5;

// Articles buffered to train the zstd dictionary of a new index before anything is written.
constexpr std::size_t kDictionarySamples = 2000;

std::string stamp_text(const FileStamp& s) { return std::to_string(s.size) + " " + std::to_string(s.mtime_ns); }

std::uintmax_t input_bytes(const std::vector<std::string>& paths) {
    std::uintmax_t total = 0;
    for (const auto& p : paths) {
        std::error_code ec;
        if (fs::is_regular_file(p, ec)) {
            total += fs::file_size(p, ec);
            continue;
        }
        for (fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end; it.increment(ec)) {
            std::error_code type_ec;
            if (it->is_regular_file(type_ec) && is_input_file(it->path())) total += it->file_size(type_ec);
        }
    }
    return total;
}

}  // namespace

struct IndexingJob::Stage {
    std::vector<InputArticle> batch;
    std::vector<std::pair<std::string, std::string>> file_stamps;  ///< files whose last article is in or before this batch
    std::vector<std::string> origins, hashes;  ///< per article of batch
    std::vector<Xapian::docid> docids;         ///< per article of batch: where the index holds it (once written)
    std::vector<bool> added;                   ///< per article of batch: written as a new document
    std::vector<bool> known_new;               ///< per article of batch: its id cannot be in the index yet
    std::vector<std::size_t> todo;             ///< the articles of batch to analyse and write
    std::vector<PreparedArticle> prepared;     ///< per article of batch (those in todo)
    TaskQueue::Group analysis;                 ///< the analysis of each article of todo, on the pool
};

IndexingJob::IndexingJob(const IndexingOptions& options, ArticleReader::DiagnosticHandler on_diagnostic, ProgressHandler on_progress)
    : options_(options),
      shard_(options.shard.empty() ? ShardChoice{} : parse_shard_choice(options.shard)),
      on_diagnostic_(std::move(on_diagnostic)),
      on_progress_(std::move(on_progress)),
      start_(std::chrono::steady_clock::now()),
      writer_(options.index, options.keep_termlist),
      seen_(writer_, on_diagnostic_),
      started_empty_(writer_.database().get_doccount() == 0),
      train_(writer_.codec().current_dictionary() == 0),
      threads_(WorkerPool::default_size()),
      current_(std::make_unique<Stage>()),
      pool_(threads_, kAnalysisNiceness),
      tasks_(pool_) {
    for (unsigned t = 0; t < threads_; ++t) analyzers_.push_back(std::make_unique<Analyzer>());
}

IndexingJob::~IndexingJob() = default;  // tasks_ goes first: it stops the pool before the stages go

IndexingSummary IndexingJob::run() {
    summary_.total_bytes = input_bytes(options_.paths);
    // Parsed and cleaned on a thread of its own (a sixth of this thread's work at x100), so
    // that this thread, Xapian's one writer, only writes; every callback still runs here.
    const ReadCounts read = read_ahead(
        options_.paths, [this](InputArticle&& input) { accept(std::move(input)); }, on_diagnostic_,
        [this](const fs::path& file, const FileStamp& stamp) { return should_read(file, stamp); },
        [this](const fs::path& file, const FileStamp& stamp) { file_done(file, stamp); });
    flush_pending();
    drain();
    if (options_.prune) prune();
    seen_.report_deferred();
    writer_.commit();
    // A remote shard's documents (records, entity ids) reach the searcher only from an index
    // with term lists: the stock xapian-tcpsrv reads a document through its term list. Restored
    // before compacting and kept through it, so that no folder swapped in lacks them (a search
    // through the server in between would fail), and compacted: a restore writes B-trees a
    // third larger than compacted ones (a x100 shard: 95 MB of postings against 61 MB).
    if (options_.keep_termlist && !writer_.has_termlist()) writer_.restore_termlist();
    if (options_.compact) writer_.compact(options_.keep_termlist);
    summary_.rejected = read.rejected + rejected_;
    summary_.skipped_records = read.skipped_records;
    summary_.seconds = elapsed();
    return summary_;
}

double IndexingJob::elapsed() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count(); }

// False (the article named and rejected) when Xapian could not index @p input: its id is a
// term, which Xapian limits, and which cannot be cut without making two ids one.
bool IndexingJob::fits_index(const InputArticle& input) {
    const std::string& id = input.article.id;
    if (id.size() <= kMaxIdBytes) return true;
    ++rejected_;
    on_diagnostic_(Diagnostic{input.file, input.line, "id '" + truncate_term(id, 60) + "…' is " + std::to_string(id.size()) +
                                                          " bytes, longer than the " + std::to_string(kMaxIdBytes) + " an index can hold; skipped"});
    return false;
}

// True when @p input belongs in the shard this run builds (every article without --shard).
bool IndexingJob::in_shard(const InputArticle& input) const {
    return shard_.shards == 1 || shard_of_id(input.article.id, shard_.shards) == shard_.shard;
}

// Every article the reader accepts: repeats noted, then held back for training or queued.
void IndexingJob::accept(InputArticle&& input) {
    if (!in_shard(input) || !fits_index(input)) return;
    seen_.accept(input);
    summary_.bytes += input.input_bytes;  // the input's bytes, as total_bytes counts them
    if (train_ && writer_.codec().current_dictionary() == 0 && pending_.size() < kDictionarySamples) {
        pending_.push_back(std::move(input));
        if (pending_.size() == kDictionarySamples) flush_pending();
    } else {
        queue(std::move(input));
    }
}

// The reader's file filter: false skips a file whose size and mtime are as last indexed.
bool IndexingJob::should_read(const fs::path& file, const FileStamp& stamp) {
    const std::string name = canonical_file_name(file);
    if (options_.force || writer_.database().get_metadata(file_stamp_key(name)) != file_stamp_entry(name, stamp_text(stamp))) {
        read_files_.insert(name);
        return true;
    }
    ++summary_.skipped_files;
    summary_.bytes += stamp.size;
    return false;
}

// A file read to the end: its stamp is written with the batch that holds its last article.
void IndexingJob::file_done(const fs::path& file, const FileStamp& stamp) {
    flush_pending();
    current_->file_stamps.emplace_back(canonical_file_name(file), stamp_text(stamp));
}

void IndexingJob::queue(InputArticle&& input) {
    current_->batch.push_back(std::move(input));
    if (current_->batch.size() >= kAnalysisBatch) submit();
}

// Trains the dictionary on the articles held back, then queues them.
void IndexingJob::flush_pending() {
    if (pending_.empty()) return;
    drain();  // no worker may be compressing while the dictionary changes
    std::vector<std::string> samples;
    for (const auto& p : pending_) samples.push_back(article_to_record(p.article));
    train_record_dictionary(writer_.database(), writer_.codec(), samples);
    for (auto& p : pending_) queue(std::move(p));
    pending_.clear();
}

// Queues the current batch's analysis, then writes the oldest batch once kStagesInFlight wait.
void IndexingJob::submit() {
    Stage& stage = *current_;
    pick_changed(stage);
    stage.prepared.resize(stage.batch.size());
    start_analysis(stage);
    in_flight_.push_back(std::move(current_));
    current_ = std::make_unique<Stage>();
    while (in_flight_.size() > kStagesInFlight) {
        finish(*in_flight_.front());
        retire_front();
    }
}

// Checked before any analysis, so re-reading an unchanged file costs little.
void IndexingJob::pick_changed(Stage& stage) {
    stage.origins.resize(stage.batch.size());
    stage.hashes.resize(stage.batch.size());
    stage.docids.resize(stage.batch.size());
    stage.added.resize(stage.batch.size());
    stage.known_new.resize(stage.batch.size());
    for (std::size_t i = 0; i < stage.batch.size(); ++i) {
        const Article& article = stage.batch[i].article;
        stage.origins[i] = canonical_file_name(stage.batch[i].file);
        stage.hashes[i] = content_hash(article, stage.origins[i]);
        // An id this run has not met before is in an index that began empty only if written
        // by this run, which SeenIds counts as met: no lookup is needed (a fresh build's case).
        const bool repeated = seen_.repeated(article.id);
        stage.known_new[i] = started_empty_ && !repeated;
        if (!stage.known_new[i] && !repeated && writer_.unchanged(article.id, stage.hashes[i], &stage.docids[i])) {
            ++summary_.unchanged;
        } else {
            stage.todo.push_back(i);
        }
    }
}

// One task an article: the pool's threads take them as they come, so one long article holds
// up nobody, and the next batches are analysed while this thread writes.
void IndexingJob::start_analysis(Stage& stage) {
    const RecordCodec& codec = writer_.codec();
    for (std::size_t i : stage.todo) {
        tasks_.push(stage.analysis, [this, &stage, &codec, i](unsigned t) {
            stage.prepared[i] = prepare_article(stage.batch[i].article, stage.origins[i], stage.hashes[i], *analyzers_[t], extractor_, codec);
        });
    }
}

// Writes an analysed batch in input order, committing every batch_size articles.
void IndexingJob::finish(Stage& stage) {
    tasks_.wait(stage.analysis);  // rethrows what the analysis threw
    for (std::size_t i : stage.todo) {
        stage.added[i] = writer_.write(std::move(stage.prepared[i]), &stage.docids[i], stage.known_new[i]) == Change::Added;
        ++(stage.added[i] ? summary_.added : summary_.updated);
        if (++since_commit_ >= options_.batch_size) {
            writer_.commit();
            since_commit_ = 0;
        }
    }
    // Written or unchanged, every article is in the index now: repeats of it are found there.
    for (std::size_t i = 0; i < stage.batch.size(); ++i) seen_.written(stage.batch[i], stage.origins[i], stage.docids[i], stage.added[i]);
    // In the same transaction as the file's articles (or a later one): a crash before the
    // commit leaves the file unrecorded, and the next run reads it again.
    for (const auto& [name, stamp] : stage.file_stamps) writer_.database().set_metadata(file_stamp_key(name), file_stamp_entry(name, stamp));
    summary_.seconds = elapsed();
    if (on_progress_) on_progress_(summary_);
}

// Frees the written oldest batch on the pool: freeing thousands of Xapian documents and
// articles was 2% of this thread's time, and this thread, the one writer, is the pipeline's
// serial stage.
void IndexingJob::retire_front() {
    std::shared_ptr<Stage> written(std::move(in_flight_.front()));
    in_flight_.pop_front();
    tasks_.push(retired_, [written](unsigned) mutable { written.reset(); });
}

// Writes everything queued so far.
void IndexingJob::drain() {
    if (!current_->batch.empty() || !current_->file_stamps.empty()) submit();
    while (!in_flight_.empty()) {
        finish(*in_flight_.front());
        retire_front();
    }
}

// Deletes the articles of every indexed file that no longer exists, and forgets its stamp. An
// article another file also held (an earlier copy of its id) is first read again from those
// files, which this run skipped as unchanged: the file that still has it keeps it indexed.
void IndexingJob::prune() {
    std::vector<std::string> gone;
    std::unordered_map<std::string, std::string> by_hash;  // file_hash() → path, of the files still there
    for (const std::string& file : stamped_files(writer_.database())) {
        std::error_code ec;
        if (fs::exists(file, ec)) by_hash.emplace(file_hash(file), file);
        else gone.push_back(file);
    }
    std::unordered_set<std::string> again, ids;
    for (const auto& file : gone) {
        for (const auto& [id, hashes] : writer_.held_elsewhere(file)) {
            for (const std::string& hash : hashes) {
                auto other = by_hash.find(hash);
                // A file read this run holds no copy of it: that copy would have replaced this one.
                if (other == by_hash.end() || read_files_.count(other->second)) continue;
                again.insert(other->second);
                ids.insert(id);
            }
        }
    }
    if (!again.empty()) read_again(again, ids);
    for (const auto& file : gone) {
        summary_.deleted += writer_.remove_file(file);
        writer_.database().set_metadata(file_stamp_key(file), "");
    }
}

// Reads @p files again (in input order, through the paths given, so a .txt gets the same id)
// for the articles @p ids only; what is found is written from there, the rest is left alone.
void IndexingJob::read_again(const std::unordered_set<std::string>& files, const std::unordered_set<std::string>& ids) {
    std::unordered_set<std::string> found;
    ArticleReader reader(
        [&](InputArticle&& input) {
            if (ids.count(input.article.id)) accept(std::move(input));
        },
        [&](const Diagnostic& d) {  // the folders' own messages were given by the first reading
            if (!files.count(canonical_file_name(d.file))) return;
            ++rejected_;
            on_diagnostic_(d);
        },
        [&](const fs::path& file, const FileStamp&) { return files.count(canonical_file_name(file)) && found.insert(canonical_file_name(file)).second; },
        [this](const fs::path& file, const FileStamp& stamp) { file_done(file, stamp); });
    for (const auto& path : options_.paths) reader.read(path);
    // Indexed by an earlier run from other paths: a .jsonl gives the same ids read on its own.
    for (const auto& file : files) {
        if (!found.count(file)) reader.read(file);
    }
    flush_pending();
    drain();
}

}  // namespace khoj
