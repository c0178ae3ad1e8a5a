/** @file index_writer.cpp @brief Index writer: replaces by id, deletes, romanisation synonyms, compaction and the term-list restore. */
#include "common/index/index_writer.h"

#include "common/index/schema.h"
#include "common/text/romanisation.h"
#include "common/util/errors.h"
#include "common/util/worker_pool.h"

#include <chrono>
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>

namespace khoj {

IndexWriter::IndexWriter(const std::string& path) : path_(without_trailing_slash(path)), lock_(path_) {
    recover_interrupted_swap(path_);
    remove_swap_leftovers(path_);
    std::error_code ec;
    const bool fresh = !std::filesystem::exists(std::filesystem::path(path_) / "iamglass", ec);
    open_database(Xapian::DB_CREATE_OR_OPEN | (fresh ? Xapian::DB_NO_TERMLIST : 0));
    check_analysis_version(db_, path_);
    if (db_.get_metadata(metadata::kAnalysisVersion).empty()) db_.set_metadata(metadata::kAnalysisVersion, kAnalysisVersion);
    load_record_dictionaries(db_, codec_);
    entities_.load(db_);
}

IndexWriter::~IndexWriter() {
    try {
        db_.close();
    } catch (const Xapian::Error&) {
        // close() commits what is pending, as Xapian's own destructor would; a destructor
        // cannot report a failure, and a failed commit leaves the last committed state.
    }
}

void IndexWriter::open_database(int flags) {
    // Glass opens an existing termlist-less database for writing only when told it has none.
    std::error_code ec;
    if (std::filesystem::exists(std::filesystem::path(path_) / "iamglass", ec) && !has_termlist_table(path_)) flags |= Xapian::DB_NO_TERMLIST;
    try {
        db_ = Xapian::WritableDatabase(path_, flags);
    } catch (const Xapian::DatabaseLockError&) {
        throw IndexLockedError(locked_message(path_));
    } catch (const Xapian::DatabaseOpeningError& e) {
        throw IndexError("cannot open index " + path_ + " for writing: " + e.get_msg());
    } catch (const Xapian::DatabaseCorruptError& e) {
        throw IndexError("index " + path_ + " is damaged: " + e.get_msg());
    }
    has_termlist_ = (flags & Xapian::DB_NO_TERMLIST) == 0;
}

bool IndexWriter::unchanged(const std::string& id, const std::string& hash) {
    const std::string id_term = prefix::kId + id;
    Xapian::PostingIterator existing = db_.postlist_begin(id_term);
    return existing != db_.postlist_end(id_term) && db_.get_document(*existing).get_value(slot::kContentHash) == hash;
}

Change IndexWriter::write(PreparedArticle&& p) {
    const std::string id_term = prefix::kId + p.article.id;
    const bool existed = db_.term_exists(id_term);
    add_romanisation_synonyms(p.vocabulary);
    if (existed && !has_termlist_) restore_termlist();
    if (!p.article.entities.empty()) p.doc.add_value(slot::kEntities, entities_.value_of(p.article.entities, db_));
    db_.replace_document(id_term, p.doc);
    return existed ? Change::Updated : Change::Added;
}

std::size_t IndexWriter::remove_file(const std::string& origin_file) {
    const std::string term = file_term(origin_file);
    std::size_t n = db_.get_termfreq(term);
    if (n && !has_termlist_) restore_termlist();
    if (n) db_.delete_document(term);
    return n;
}

bool IndexWriter::remove(const std::string& id) {
    const std::string id_term = prefix::kId + id;
    if (db_.get_termfreq(id_term) == 0) return false;
    if (!has_termlist_) restore_termlist();
    db_.delete_document(id_term);
    return true;
}

void IndexWriter::add_romanisation_synonyms(const std::vector<std::string>& vocabulary) {
    // Synonym entries are never removed: a key pointing at a word no article uses any more has
    // termfreq 0 and the query builder drops it, so deletes need no bookkeeping here.
    for (const std::string& word : vocabulary) {
        if (!keyed_words_.insert(word).second) continue;
        for (const auto& key : lookup_keys_of_devanagari(word)) db_.add_synonym(prefix::kRomanKey + key, word);
    }
}

void IndexWriter::swap_in_copy(const std::function<void(const std::string&)>& build) {
    commit();
    const std::string replacement = begin_replacement(path_);
    build(replacement);
    db_.close();
    finish_replacement(path_, replacement);
    open_database(Xapian::DB_OPEN);
}

std::size_t IndexWriter::restore_termlist() {
    std::size_t restored = 0;
    swap_in_copy([&](const std::string& tmp) {
        Xapian::Database old(path_);
        Xapian::WritableDatabase fresh(tmp, Xapian::DB_CREATE);
        for (auto it = old.metadata_keys_begin(); it != old.metadata_keys_end(); ++it) fresh.set_metadata(*it, old.get_metadata(*it));
        for (auto key = old.synonym_keys_begin(); key != old.synonym_keys_end(); ++key) {
            for (auto word = old.synonyms_begin(*key); word != old.synonyms_end(*key); ++word) fresh.add_synonym(*key, *word);
        }
        restored = reanalyse_into(old, fresh);
        fresh.commit();
    });
    return restored;
}

std::size_t IndexWriter::reanalyse_into(const Xapian::Database& old, Xapian::WritableDatabase& fresh) {
    // The file an article came from is the one term its stored record cannot give back.
    std::map<Xapian::docid, std::string> file_terms;
    for (auto t = old.allterms_begin(prefix::kFile); t != old.allterms_end(prefix::kFile); ++t) {
        for (auto p = old.postlist_begin(*t); p != old.postlist_end(*t); ++p) file_terms[*p] = *t;
    }
    // Batches analysed on every core, written in docid order (docids are kept). The stored
    // records were NFC when written, and are kept byte for byte.
    struct Item {
        Xapian::docid did;
        std::string data, hash;
        Xapian::Document doc;
        std::vector<Entity> entities;
    };
    WorkerPool pool;
    const unsigned threads = pool.size();
    std::vector<std::unique_ptr<Analyzer>> analyzers;
    for (unsigned t = 0; t < threads; ++t) analyzers.push_back(std::make_unique<Analyzer>());
    const EntityExtractor extractor;  // a view of the built-in gazetteer, as khoj-index uses
    std::size_t restored = 0;
    std::vector<Item> batch;
    auto flush = [&] {
        pool.run([&](unsigned t) {
            for (std::size_t i = t; i < batch.size(); i += threads) {
                Article a = article_from_record(codec_.decompress(batch[i].data));
                auto f = file_terms.find(batch[i].did);
                const std::string& file = f == file_terms.end() ? std::string() : f->second;
                batch[i].doc = analysed_document(a, file, batch[i].hash, *analyzers[t], extractor, nullptr);
                batch[i].entities = std::move(a.entities);
                batch[i].doc.add_value(slot::kRecord, batch[i].data);
            }
        });
        for (auto& item : batch) {
            if (!item.entities.empty()) item.doc.add_value(slot::kEntities, entities_.value_of(item.entities, fresh));
            fresh.replace_document(item.did, item.doc);
        }
        restored += batch.size();
        batch.clear();
    };
    for (auto it = old.postlist_begin(""); it != old.postlist_end(""); ++it) {
        Xapian::Document doc = old.get_document(*it);
        batch.push_back(Item{*it, doc.get_value(slot::kRecord), doc.get_value(slot::kContentHash), {}, {}});
        if (batch.size() == 512) flush();
    }
    flush();
    return restored;
}

void IndexWriter::compact() {
    swap_in_copy([this](const std::string& tmp) {
        db_.compact(tmp, Xapian::DBCOMPACT_NO_RENUMBER);
        // Xapian reads a glass database without termlist.glass as one made with DB_NO_TERMLIST.
        std::error_code ec;
        std::filesystem::remove(std::filesystem::path(tmp) / "termlist.glass", ec);
    });
}

void IndexWriter::commit() {
    auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
    db_.set_metadata(metadata::kLastUpdate, buf);
    db_.commit();
}

}  // namespace khoj
