/** @file index_writer.cpp @brief Index writer: idempotent add/replace, deletes, romanisation synonyms. */
#include "common/index_writer.h"

#include "common/document_builder.h"
#include "common/errors.h"
#include "common/romanisation.h"
#include "common/schema.h"

#include <chrono>
#include <filesystem>

namespace khoj {

namespace {

void check_analysis_version(const Xapian::Database& db, const std::string& path) {
    std::string version = db.get_metadata(metadata::kAnalysisVersion);
    if (db.get_doccount() > 0 && version != kAnalysisVersion) {
        throw IndexError("index " + path + " was built by analysis version '" + (version.empty() ? "unknown" : version) +
                         "' but this Khoj uses '" + kAnalysisVersion + "': rebuild it (remove the folder and run khoj-index again)");
    }
}

}  // namespace

Xapian::Database open_index_for_reading(const std::string& path) {
    if (!std::filesystem::exists(path)) throw IndexError("no index at " + path + " (build one with khoj-index --index " + path + " FILES)");
    try {
        Xapian::Database db(path);
        for (int attempt = 0;; ++attempt) {
            try {
                check_analysis_version(db, path);
                return db;
            } catch (const Xapian::DatabaseModifiedError&) {
                // A concurrent commit landed between opening and reading the metadata.
                if (attempt == 3) throw;
                db.reopen();
            }
        }
    } catch (const Xapian::DatabaseOpeningError& e) {
        throw IndexError("cannot open index " + path + ": " + e.get_msg());
    } catch (const Xapian::DatabaseCorruptError& e) {
        throw IndexError("index " + path + " is damaged: " + e.get_msg());
    }
}

IndexWriter::IndexWriter(const std::string& path) {
    try {
        db_ = Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
        throw IndexLockedError("index " + path + " is being updated by another khoj-index; try again when it has finished");
    } catch (const Xapian::DatabaseOpeningError& e) {
        throw IndexError("cannot open index " + path + " for writing: " + e.get_msg());
    } catch (const Xapian::DatabaseCorruptError& e) {
        throw IndexError("index " + path + " is damaged: " + e.get_msg());
    }
    check_analysis_version(db_, path);
    if (db_.get_metadata(metadata::kAnalysisVersion).empty()) db_.set_metadata(metadata::kAnalysisVersion, kAnalysisVersion);
    codec_.load_dictionaries(db_);
}

std::string file_term(const std::string& file) {
    Article key;
    key.id = file;
    return prefix::kFile + content_hash(key);
}

std::string IndexWriter::stored_hash(const Article& article, const std::string& origin_file) {
    return content_hash(article) + (origin_file.empty() ? std::string() : file_term(origin_file));
}

bool IndexWriter::unchanged(const std::string& id, const std::string& hash) {
    const std::string id_term = prefix::kId + id;
    Xapian::PostingIterator existing = db_.postlist_begin(id_term);
    return existing != db_.postlist_end(id_term) && db_.get_document(*existing).get_value(slot::kContentHash) == hash;
}

PreparedArticle IndexWriter::prepare(const Article& input, const std::string& origin_file, const std::string& hash, Analyzer& analyzer) const {
    PreparedArticle p;
    p.article = input;
    p.article.entities = extractor_.extract(p.article.title, p.article.body, analyzer);
    p.doc = build_document(p.article, analyzer, &p.vocabulary);
    if (!origin_file.empty()) p.doc.add_boolean_term(file_term(origin_file));
    p.doc.add_value(slot::kContentHash, hash);
    // Entities are not stored with the text: the document's entity terms and the names kept in
    // the metadata give them back (Searcher), and the record stays a quarter smaller.
    std::vector<Entity> entities = std::move(p.article.entities);
    p.article.entities.clear();
    p.doc.set_data(codec_.compress(article_to_json(p.article)));
    p.article.entities = std::move(entities);
    return p;
}

Change IndexWriter::write(PreparedArticle&& p) {
    const std::string id_term = prefix::kId + p.article.id;
    const bool existed = db_.term_exists(id_term);
    // Facets show names, not slugs: keep each entity term's display names in the metadata.
    for (const Entity& e : p.article.entities) {
        std::string term = truncate_term(entity_term(e));
        if (named_entities_.insert(term).second) db_.set_metadata(metadata::kEntityPrefix + term, e.name + "\t" + e.name_en);
    }
    add_romanisation_synonyms(p.vocabulary);
    db_.replace_document(id_term, p.doc);
    return existed ? Change::Updated : Change::Added;
}

Change IndexWriter::add(const Article& article, const std::string& origin_file) {
    // Checked before any analysis, so re-reading an unchanged file costs little.
    const std::string hash = stored_hash(article, origin_file);
    if (unchanged(article.id, hash)) return Change::Unchanged;
    return write(prepare(article, origin_file, hash, analyzer_));
}

std::size_t IndexWriter::remove_file(const std::string& origin_file) {
    const std::string term = file_term(origin_file);
    std::size_t n = db_.get_termfreq(term);
    if (n) db_.delete_document(term);
    return n;
}

bool IndexWriter::remove(const std::string& id) {
    const std::string id_term = prefix::kId + id;
    if (db_.get_termfreq(id_term) == 0) return false;
    db_.delete_document(id_term);
    return true;
}

void IndexWriter::add_romanisation_synonyms(const std::set<std::string>& vocabulary) {
    // Synonym entries are never removed: a key pointing at a word no article uses any more has
    // termfreq 0 and the query builder drops it, so deletes need no bookkeeping here.
    for (const std::string& word : vocabulary) {
        if (!keyed_words_.insert(word).second) continue;
        for (const auto& key : lookup_keys_of_devanagari(word)) db_.add_synonym(prefix::kRomanKey + key, word);
    }
}

void IndexWriter::commit() {
    auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
    db_.set_metadata(metadata::kLastUpdate, buf);
    db_.commit();
}

}  // namespace khoj
