/** @file document_builder.h @brief The analysis stage of indexing: an Article → its entities and its Xapian::Document (terms, values, stored record) following schema.h. */
#pragma once
#include "common/entities/entities.h"
#include "common/ingest/record_codec.h"
#include "common/ingest/article.h"
#include "common/text/analyzer.h"
#include "common/text/copy_signature.h"

#include <xapian.h>

#include <string>
#include <vector>

namespace khoj {

/// An article analysed, compressed and ready for IndexWriter::write().
struct PreparedArticle {
    Article article;       ///< as given, with the entities found in it
    Xapian::Document doc;  ///< every term and value but slot::kEntities (the writer assigns entity ids)
    std::vector<std::string> vocabulary;  ///< Devanagari words new to the analyser that prepared it
    CopySignature copies;  ///< its shingles and band keys: the writer finds its copies with them (copy_groups.h)
};

/// Analyses and compresses @p article read from @p origin_file (empty: none) with content hash
/// @p hash (content_hash()). Touches no database, so several threads may call it at once, each
/// with its own @p analyzer: it is the expensive half of indexing, IndexWriter::write() the other.
/// Title and body must already be NFC, as ArticleReader makes every field.
PreparedArticle prepare_article(const Article& article, const std::string& origin_file, const std::string& hash, Analyzer& analyzer,
                                const EntityExtractor& extractor, const RecordCodec& codec);

/// The analysis part of prepare_article(), for an article whose record is already stored: sets
/// @p article's entities and returns its document without the record, marked with @p file_term
/// (when not empty) and @p hash. The Devanagari words the analyser meets for the first time
/// (Token::new_form) are added to @p vocabulary (when given) so the writer can keep the
/// romanisation synonym table complete without looking at every word of every article. The
/// document holds the article's copy band terms (prefix::kCopyBand); its signature goes to
/// @p signature when given. The group of copies (slot::kCopyGroup) is the writer's to add.
Xapian::Document analysed_document(Article& article, const std::string& file_term, const std::string& hash, Analyzer& analyzer,
                                   const EntityExtractor& extractor, std::vector<std::string>* vocabulary,
                                   CopySignature* signature = nullptr);

/// The boolean term that marks articles read from @p file (--prune deletes by it).
std::string file_term(const std::string& file);

/// A 64-bit hash of the article's fields and @p origin (the file it came from), as 16
/// hex digits: equal hashes mean "unchanged". The origin file is part of it, or an article
/// moved to another file would be pruned with the old one.
std::string content_hash(const Article& article, const std::string& origin);

/// The identity of @p article's title and body alone (8 bytes, slot::kTextHash): equal for
/// copies of one story under other ids, files or dates.
std::string text_hash(const Article& article);

}  // namespace khoj
