/** @file index_writer.h @brief Adds, replaces and deletes articles in a Khoj index, keeping derived tables consistent. */
#pragma once
#include "common/analyzer.h"
#include "common/article.h"
#include "common/entities.h"
#include "common/record_codec.h"

#include <xapian.h>

#include <set>
#include <string>
#include <unordered_set>

namespace khoj {

/// What adding an article did to the index.
enum class Change { Added, Updated, Unchanged };

/// An article analysed, compressed and ready to write (see IndexWriter::prepare()).
struct PreparedArticle {
    Article article;
    Xapian::Document doc;
    std::set<std::string> vocabulary;
};

/// The only writer of a Khoj index. Opening takes Xapian's write lock, so a second writer
/// fails at once with IndexLockedError instead of waiting or corrupting anything.
class IndexWriter {
  public:
    /// Opens or creates the index at @p path; refuses one built by another analysis version.
    explicit IndexWriter(const std::string& path);

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

    /// The underlying database, for metadata and statistics.
    Xapian::WritableDatabase& database() { return db_; }
    /// The record codec, so callers can train a dictionary.
    RecordCodec& codec() { return codec_; }

  private:
    void add_romanisation_synonyms(const std::set<std::string>& vocabulary);

    Xapian::WritableDatabase db_;
    Analyzer analyzer_;
    EntityExtractor extractor_;
    std::unordered_set<std::string> named_entities_;
    RecordCodec codec_;
    std::unordered_set<std::string> keyed_words_;
};

/// The boolean term that marks articles read from @p file.
std::string file_term(const std::string& file);

/// Opens an index for searching, turning Xapian's errors into a message a user can act on.
Xapian::Database open_index_for_reading(const std::string& path);

}  // namespace khoj
