/** @file index_writer.h @brief Adds, replaces and deletes articles in a Khoj index, keeping derived tables consistent. */
#pragma once
#include "common/text/analyzer.h"
#include "common/ingest/article.h"
#include "common/entities/entities.h"
#include "common/index/entity_catalog.h"
#include "common/index/index_folder.h"
#include "common/index/record_codec.h"

#include <xapian.h>

#include <functional>
#include <string>
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
    // Commits, has @p build make a new index in the folder it is given, and swaps that in.
    void swap_in_copy(const std::function<void(const std::string&)>& build);

    std::string path_;
    IndexLock lock_;  ///< before db_: taken before the database opens, released after it closes
    bool has_termlist_ = true;
    Xapian::WritableDatabase db_;
    Analyzer analyzer_;
    EntityExtractor extractor_;
    EntityCatalog entities_;  ///< entity ids, assigned as articles are written
    RecordCodec codec_;
    std::unordered_set<std::string> keyed_words_;
};

/// The boolean term that marks articles read from @p file.
std::string file_term(const std::string& file);

}  // namespace khoj
