/** @file index_writer.h @brief Adds, replaces and deletes articles in a Khoj index, keeping derived tables consistent. */
#pragma once
#include "common/text/analyzer.h"
#include "common/ingest/article.h"
#include "common/entities/entities.h"
#include "common/index/record_codec.h"

#include <xapian.h>

#include <set>
#include <utility>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace khoj {

/// What adding an article did to the index.
enum class Change { Added, Updated, Unchanged };

/// An article analysed, compressed and ready to write (see IndexWriter::prepare()).
struct PreparedArticle {
    Article article;
    Xapian::Document doc;
    std::vector<std::string> vocabulary;  ///< Devanagari words new to the analyser that prepared it
};

/// The only writer of a Khoj index. Opening takes a lock (the file INDEX.lock next to the
/// index), so a second writer fails at once with IndexLockedError instead of waiting or
/// corrupting anything.
///
/// A new or compacted index has no term list table (Xapian's DB_NO_TERMLIST): it is a third of
/// the index and only replacing or deleting an article needs it. The first replace or delete
/// restores it by re-analysing the stored articles, as long as a rebuild without reading the
/// inputs; appending new articles never needs it.
class IndexWriter {
  public:
    /// Opens or creates the index at @p path; refuses one built by another analysis version.
    explicit IndexWriter(const std::string& path);
    ~IndexWriter();
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    /// Adds @p article, replaces the article with the same id, or does nothing when unchanged;
    /// @p origin_file (when given) lets --prune find it once that file is gone.
    Change add(const Article& article, const std::string& origin_file = {});

    /// The content hash stored with an article: equal hashes mean "unchanged". The origin file
    /// is part of it, or an article moved to another file would be pruned with the old one.
    static std::string stored_hash(const Article& article, const std::string& origin_file);

    /// True when the index holds @p id with this stored hash (nothing to do).
    bool unchanged(const std::string& id, const std::string& hash);

    /// Analyses and compresses an article without touching the database: safe to call from
    /// several threads at once, each with its own @p analyzer (the expensive half of add()).
    PreparedArticle prepare(const Article& article, const std::string& origin_file, const std::string& hash, Analyzer& analyzer) const;

    /// Writes a prepared article (replacing the one with its id); single-threaded.
    Change write(PreparedArticle&& prepared);

    /// Deletes every article read from @p origin_file; returns how many.
    std::size_t remove_file(const std::string& origin_file);

    /// Deletes the article with @p id; returns false when there is none.
    bool remove(const std::string& id);

    /// Makes everything added so far durable and visible to searchers, atomically.
    void commit();

    /// Commits, then compacts the index into a fresh copy without a term list and swaps it in.
    void compact();

    /// True when the index has a term list table (replaces and deletes need one).
    bool has_termlist() const { return has_termlist_; }

    /// Rebuilds the term list table from the stored articles (see the class comment); returns
    /// how many articles were re-analysed. Called by write() and the removals when needed.
    std::size_t restore_termlist();

    /// The underlying database, for metadata and statistics.
    Xapian::WritableDatabase& database() { return db_; }
    /// The record codec, so callers can train a dictionary.
    RecordCodec& codec() { return codec_; }

  private:
    void add_romanisation_synonyms(const std::vector<std::string>& vocabulary);
    Xapian::Document analysed_document(Article& article, const std::string& file_term, const std::string& hash, Analyzer& analyzer,
                                       std::vector<std::string>* vocabulary) const;
    void open_database(int flags);
    // The slot::kEntities value of an article: ids for its entity terms, new ids recorded in
    // @p target's metadata.
    std::string entity_value(const std::vector<Entity>& entities, Xapian::WritableDatabase& target);

    std::string path_;
    int lock_fd_ = -1;
    bool has_termlist_ = true;
    Xapian::WritableDatabase db_;
    Analyzer analyzer_;
    EntityExtractor extractor_;
    std::unordered_map<std::string, std::uint32_t> entity_ids_;  ///< entity term → id (metadata khoj.entity#ID → term, names)
    std::uint32_t next_entity_id_ = 1;
    RecordCodec codec_;
    std::unordered_set<std::string> keyed_words_;
};

/// The boolean term that marks articles read from @p file.
std::string file_term(const std::string& file);

/// Which folder is at a path (device and inode): compaction and term-list restores swap in a
/// new folder, and a reader must notice to reopen rather than mix the two.
using FolderIdentity = std::pair<unsigned long long, unsigned long long>;

/// The identity of the folder now at @p path ({0, 0} if there is none).
FolderIdentity folder_identity(const std::string& path);

/// Opens an index for searching, turning Xapian's errors into a message a user can act on.
/// Retries when the folder is swapped while opening (glass reads the version file and then
/// each table by path, so an open across a swap could mix two indexes); @p identity, when
/// given, receives the identity of the folder opened.
Xapian::Database open_index_for_reading(const std::string& path, FolderIdentity* identity = nullptr);

/// Puts the complete index folder @p replacement in place of @p path atomically (a rename
/// exchange where the file system has one); @p replacement then holds the old index, or nothing.
void replace_index_folder(const std::string& path, const std::string& replacement);

/// Finishes a folder swap that a crash interrupted (the index sits at PATH.old): call under the lock.
void recover_interrupted_swap(const std::string& path);

}  // namespace khoj
