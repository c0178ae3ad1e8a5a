/** @file indexing.cpp @brief The indexing job: incremental by file stamp and content hash, batched, prunable. */
#include "common/index/indexing.h"

#include "common/util/errors.h"
#include "common/index/index_writer.h"
#include "common/index/record_codec.h"
#include "common/index/schema.h"
#include "common/util/worker_pool.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <filesystem>
#include <map>
#include <memory>
#include <unordered_map>
#include <unordered_set>

namespace fs = std::filesystem;

namespace khoj {

namespace {

// Articles analysed together on all cores before being written in order.
constexpr std::size_t kAnalysisBatch = 256;

// Articles buffered to train the zstd dictionary of a new index before anything is written.
constexpr std::size_t kDictionarySamples = 2000;

std::string canonical_name(const fs::path& file) {
    std::error_code ec;
    fs::path p = fs::weakly_canonical(file, ec);
    return (ec ? file : p).string();
}

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
            if (it->is_regular_file(type_ec)) total += it->file_size(type_ec);
        }
    }
    return total;
}

}  // namespace

IndexingSummary run_indexing(const IndexingOptions& options, const ArticleReader::DiagnosticHandler& on_diagnostic,
                             const ProgressHandler& on_progress) {
    const auto start = std::chrono::steady_clock::now();
    IndexWriter writer(options.index);
    Xapian::WritableDatabase& db = writer.database();
    IndexingSummary summary;
    summary.total_bytes = input_bytes(options.paths);
    std::unordered_map<std::string, std::string> seen;  // id → "file:line" where this run first saw it
    // Ids met more than once in this run. A later copy is always written: the index may still
    // hold the earlier copy's hash (written this run, or a batch not yet written), so "same
    // hash as the index" cannot tell that the later copy is already there.
    std::unordered_set<std::string> repeated;
    std::size_t since_commit = 0;
    auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
    const bool train = writer.codec().current_dictionary() == 0;
    std::vector<InputArticle> pending;  // held back until the dictionary is trained

    // Analysis (segmentation, stemming, entities, compression) runs on every core in batches;
    // Xapian writes stay on this thread, in input order, so the last copy of a repeated id wins.
    const unsigned threads = WorkerPool::default_size();
    std::vector<std::unique_ptr<Analyzer>> analyzers;
    for (unsigned t = 0; t < threads; ++t) analyzers.push_back(std::make_unique<Analyzer>());
    const EntityExtractor extractor;
    // A batch is analysed on worker threads while this thread writes the previous one to Xapian
    // (a pipeline: Xapian's single writer is the slowest stage, so it should never wait).
    struct Stage {
        std::vector<InputArticle> batch;
        std::vector<std::pair<std::string, std::string>> file_stamps;  // files whose last article is in or before this batch
        std::vector<std::string> origins, hashes;
        std::vector<std::size_t> todo;
        std::vector<PreparedArticle> prepared;
        bool analysing = false;  // its job is on the pool and not yet waited for
    };
    auto current = std::make_unique<Stage>();
    std::unique_ptr<Stage> in_flight;
    // Declared after the stages, so it is destroyed first: its threads finish any job (which
    // uses a stage) before the stages go, also when an exception leaves this function.
    WorkerPool pool(threads);
    auto join = [&pool](Stage& stage) {
        if (!stage.analysing) return;
        stage.analysing = false;
        pool.wait();  // rethrows what the analysis threw
    };
    auto finish = [&](Stage& stage) {
        join(stage);
        for (std::size_t i : stage.todo) {
            switch (writer.write(std::move(stage.prepared[i]))) {
                case Change::Added: ++summary.added; break;
                case Change::Updated: ++summary.updated; break;
            }
            if (++since_commit >= options.batch_size) {
                writer.commit();
                since_commit = 0;
            }
        }
        // In the same transaction as the file's articles (or a later one): a crash before the
        // commit leaves the file unrecorded, and the next run reads it again.
        for (const auto& [name, stamp] : stage.file_stamps) db.set_metadata(metadata::kFileStampPrefix + name, stamp);
        summary.seconds = elapsed();
        if (on_progress) on_progress(summary);
    };
    // Hands the current batch to the workers, then writes the batch before it.
    auto submit = [&] {
        Stage& stage = *current;
        stage.origins.resize(stage.batch.size());
        stage.hashes.resize(stage.batch.size());
        for (std::size_t i = 0; i < stage.batch.size(); ++i) {
            stage.origins[i] = canonical_name(stage.batch[i].file);
            stage.hashes[i] = content_hash(stage.batch[i].article, stage.origins[i]);
            if (!repeated.count(stage.batch[i].article.id) && writer.unchanged(stage.batch[i].article.id, stage.hashes[i])) {
                ++summary.unchanged;
            } else {
                stage.todo.push_back(i);
            }
        }
        stage.prepared.resize(stage.batch.size());
        if (in_flight) join(*in_flight);  // the analysers are free again
        if (!stage.todo.empty()) {
            stage.analysing = true;
            pool.start([&stage, &writer, &analyzers, &extractor, threads](unsigned t) {
                for (std::size_t k = t; k < stage.todo.size(); k += threads) {
                    std::size_t i = stage.todo[k];
                    stage.prepared[i] = prepare_article(stage.batch[i].article, stage.origins[i], stage.hashes[i], *analyzers[t], extractor, writer.codec());
                }
            });
        }
        std::unique_ptr<Stage> previous = std::move(in_flight);
        in_flight = std::move(current);
        current = std::make_unique<Stage>();
        if (previous) finish(*previous);
    };
    auto drain = [&] {
        if (!current->batch.empty() || !current->file_stamps.empty()) submit();
        if (in_flight) finish(*in_flight);
        in_flight.reset();
    };
    auto write = [&](InputArticle&& input) {
        current->batch.push_back(std::move(input));
        if (current->batch.size() >= kAnalysisBatch) submit();
    };
    auto flush_pending = [&] {
        if (pending.empty()) return;
        drain();  // no worker may be compressing while the dictionary changes
        std::vector<std::string> samples;
        for (const auto& p : pending) samples.push_back(article_to_record(p.article));
        writer.codec().train_dictionary(db, samples);
        for (auto& p : pending) write(std::move(p));
        pending.clear();
    };

    ArticleReader reader(
        [&](InputArticle&& input) {
            const std::string where = input.file + (input.line ? ":" + std::to_string(input.line) : "");
            auto [it, fresh] = seen.emplace(input.article.id, where);
            if (!fresh) {
                on_diagnostic(Diagnostic{input.file, input.line, "id '" + input.article.id + "' repeats " + it->second + "; keeping this later one"});
                repeated.insert(input.article.id);
                it->second = where;
            }
            summary.bytes += input.article.title.size() + input.article.body.size();
            if (train && writer.codec().current_dictionary() == 0 && pending.size() < kDictionarySamples) {
                pending.push_back(std::move(input));
                if (pending.size() == kDictionarySamples) flush_pending();
            } else {
                write(std::move(input));
            }
        },
        on_diagnostic,
        [&](const fs::path& file, const FileStamp& stamp) {
            if (options.force) return true;
            if (db.get_metadata(metadata::kFileStampPrefix + canonical_name(file)) != stamp_text(stamp)) return true;
            ++summary.skipped_files;
            summary.bytes += stamp.size;
            return false;
        },
        [&](const fs::path& file, const FileStamp& stamp) {
            flush_pending();
            current->file_stamps.emplace_back(canonical_name(file), stamp_text(stamp));
        });
    for (const auto& path : options.paths) reader.read(path);
    flush_pending();
    drain();
    if (options.prune) {
        std::vector<std::string> gone;
        for (auto it = db.metadata_keys_begin(metadata::kFileStampPrefix); it != db.metadata_keys_end(metadata::kFileStampPrefix); ++it) {
            std::string file = (*it).substr(std::string(metadata::kFileStampPrefix).size());
            std::error_code ec;
            if (!fs::exists(file, ec)) gone.push_back(file);
        }
        for (const auto& file : gone) {
            summary.deleted += writer.remove_file(file);
            db.set_metadata(metadata::kFileStampPrefix + file, "");
        }
    }
    writer.commit();
    if (options.compact) writer.compact();
    summary.rejected = reader.rejected();
    summary.seconds = elapsed();
    return summary;
}

IndexStatistics index_statistics(const std::string& path) {
    Xapian::Database db = open_index_for_reading(path);
    IndexStatistics stats;
    stats.documents = db.get_doccount();
    stats.last_update = db.get_metadata(metadata::kLastUpdate);
    stats.analysis_version = db.get_metadata(metadata::kAnalysisVersion);
    std::string dict = db.get_metadata(metadata::kCurrentDictionary);
    stats.dictionary_id = dict.empty() ? 0 : metadata::parse_number(dict, metadata::kCurrentDictionary);
    for (auto it = db.metadata_keys_begin(metadata::kFileStampPrefix); it != db.metadata_keys_end(metadata::kFileStampPrefix); ++it) {
        if (!db.get_metadata(*it).empty()) ++stats.indexed_files;
    }
    std::error_code ec;
    std::map<std::string, std::uintmax_t> tables;
    for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code size_ec;
        if (!it->is_regular_file(size_ec)) continue;
        std::uintmax_t size = it->file_size(size_ec);
        stats.bytes_on_disk += size;
        if (it->path().extension() == ".glass") tables[it->path().stem().string()] += size;
    }
    RecordCodec with_dictionary, without_dictionary;
    with_dictionary.load_dictionaries(db);
    for (auto it = db.valuestream_begin(slot::kRecord); it != db.valuestream_end(slot::kRecord); ++it) {
        const std::string record = *it;
        std::string plain = with_dictionary.decompress(record);
        stats.stored_compressed += record.size();
        stats.stored_plain += plain.size();
        stats.stored_without_dictionary += without_dictionary.compress(plain).size();
    }
    std::uintmax_t values = 0, metadata_bytes = 0;
    for (Xapian::valueno slot : {slot::kDate, slot::kContentHash, slot::kEntities}) {
        for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) values += (*it).size();
    }
    for (auto it = db.metadata_keys_begin(); it != db.metadata_keys_end(); ++it) metadata_bytes += (*it).size() + db.get_metadata(*it).size();
    const bool has_termlist = tables.count("termlist") > 0, has_positions = tables.count("position") > 0;
    const std::uintmax_t postlist = tables["postlist"];
    const std::uintmax_t in_postlist = stats.stored_compressed + values + metadata_bytes;
    using Part = IndexStatistics::Part;
    stats.parts.push_back(Part{"stored articles", stats.stored_compressed, "zstd records, a value slot in postlist.glass"});
    stats.parts.push_back(Part{"postings", postlist > in_postlist ? postlist - in_postlist : 0, "rest of postlist.glass: postings, doc lengths, B-tree"});
    stats.parts.push_back(Part{"values", values, "dates, content hashes, entity ids"});
    stats.parts.push_back(Part{"metadata", metadata_bytes, "zstd dictionary, entity names, file stamps"});
    stats.parts.push_back(Part{"synonyms", tables["synonym"], "romanisation keys → Devanagari words"});
    stats.parts.push_back(Part{"term lists", tables["termlist"], has_termlist ? "only needed to replace or delete; --compact drops them"
                                                                                       : "none: the first replace or delete restores them"});
    stats.parts.push_back(Part{"positions", tables["position"], has_positions ? "" : "none: phrases are checked against the stored text"});
    for (const auto& [table, bytes] : tables) {
        if (table != "postlist" && table != "synonym" && table != "termlist" && table != "position") stats.parts.push_back(Part{table, bytes, table + ".glass"});
    }
    return stats;
}

}  // namespace khoj
