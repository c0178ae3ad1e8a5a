/** @file index_writer.h @brief Writes, replaces and deletes analysed articles in a Khoj index, keeping derived tables consistent. */
#pragma once
#include "common/index/copy_groups.h"
#include "common/index/document_builder.h"
#include "common/index/entity_catalog.h"
#include "common/index/index_folder.h"
#include "common/ingest/record_codec.h"

#include <xapian.h>

#include <functional>
#include <optional>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

namespace khoj {

/// What writing an article did to the index.
enum class Change { Added, Updated };

/// The only writer of a Khoj index: it writes what prepare_article() analysed, removes,
/// commits, compacts and restores. Opening takes a lock (the file INDEX.lock next to the
/// index, see IndexLock), so a second writer fails at once with IndexLockedError instead of
/// waiting or corrupting anything.
///
/// A new or compacted index has no term list table (Xapian's DB_NO_TERMLIST): it is a third of
/// the index and only replacing or deleting an article needs it. The first replace or delete
/// restores it by re-analysing the stored articles, as long as a rebuild without reading the
/// inputs; appending new articles never needs it.
class IndexWriter {
  public:
    /// Opens the index at @p path, or creates one when the folder is missing or empty; refuses
    /// (khoj::IndexError) a folder holding anything else, a damaged index, one it cannot write
    /// and one built by another analysis version. Through a symlink, the target is the index.
    /// A new index gets a term list only when @p with_termlist (khoj-index --keep-termlist).
    explicit IndexWriter(const std::string& path, bool with_termlist = false);
    ~IndexWriter();
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    /// True when the index holds @p id with this stored hash (content_hash(): nothing to do);
    /// its docid goes to @p docid when given.
    bool unchanged(const std::string& id, const std::string& hash, Xapian::docid* docid = nullptr);

    /// The docid of the article with @p id, 0 when there is none (what this run wrote, not yet
    /// committed, included).
    Xapian::docid docid_of(const std::string& id);

    /// Writes a prepared article (replacing the one with its id); single-threaded. A replaced
    /// copy from another file is remembered (prefix::kOtherFile) for --prune. The article joins
    /// the group of its republished copies already in the index, if any (copy_group_of()). Throws
    /// khoj::IndexError for an id longer than kMaxIdBytes (IndexingJob rejects those first).
    /// The article's docid goes to @p docid when given. @p known_new: the caller knows the index
    /// lacks the id (IndexingJob does, in a run that began with an empty index), which spares
    /// looking it up twice.
    Change write(PreparedArticle&& prepared, Xapian::docid* docid = nullptr, bool known_new = false);

    /// Deletes every article read from @p origin_file; returns how many.
    std::size_t remove_file(const std::string& origin_file);

    /// The articles read from @p origin_file that other files held too (an earlier copy of the
    /// id): each id with the file_hash() of those files, so --prune can read them again.
    std::vector<std::pair<std::string, std::vector<std::string>>> held_elsewhere(const std::string& origin_file);

    /// Deletes the article with @p id; returns false when there is none.
    bool remove(const std::string& id);

    /// Makes everything added so far durable and visible to searchers, atomically.
    void commit();

    /// Commits, then compacts the index into a fresh copy and swaps it in: without a term list,
    /// unless @p keep_termlist and the index has one (a shard served by xapian-tcpsrv, which
    /// must never see a folder without one).
    void compact(bool keep_termlist = false);

    /// True when the index has a term list table (replaces and deletes need one).
    bool has_termlist() const { return has_termlist_; }

    /// Rebuilds the term list table from the stored articles (see the class comment); returns
    /// how many articles were re-analysed. Called by write() and the removals when needed.
    std::size_t restore_termlist();

    /// The underlying database, for metadata and statistics.
    Xapian::WritableDatabase& database() { return db_; }
    /// The record codec, so callers can train a dictionary and compress records.
    RecordCodec& codec() { return codec_; }

  private:
    void add_romanisation_synonyms(const std::vector<std::string>& vocabulary);
    void keep_other_files(const std::string& id_term, Xapian::Document& doc);
    void open_database(int flags);
    // Commits, has @p build make a new index in the folder it is given, and swaps that in.
    void swap_in_copy(const std::function<void(const std::string&)>& build);
    // Re-analyses the articles of @p old into @p fresh, keeping docids and stored records.
    std::size_t reanalyse_into(const Xapian::Database& old, Xapian::WritableDatabase& fresh);

    std::string path_;    ///< as given: messages and the lock
    std::string folder_;  ///< the real folder (real_index_folder()): opened, swapped
    IndexLock lock_;      ///< before db_: taken before the database opens, released after it closes
    /// Through a symlink, the lock beside the real folder too, so a run through the link and one
    /// through the target cannot both write.
    std::optional<IndexLock> folder_lock_;
    bool has_termlist_ = true;
    Xapian::WritableDatabase db_;
    EntityCatalog entities_;  ///< entity ids, assigned as articles are written
    RecordCodec codec_;
    std::unordered_set<std::string> keyed_words_;
};

}  // namespace khoj
