/** @file index_writer.cpp @brief Index writer: replaces by id, deletes, romanisation synonyms, compaction and the term-list restore. */
#include "common/index/index_writer.h"

#include "common/index/schema.h"
#include "common/text/romanisation.h"
#include "common/util/errors.h"
#include "common/util/worker_pool.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>

namespace khoj {

namespace {

// What follows @p term_prefix in each of @p doc's terms that has it (term lists are sorted).
std::vector<std::string> terms_with_prefix(const Xapian::Document& doc, const std::string& term_prefix) {
    std::vector<std::string> rests;
    Xapian::TermIterator t = doc.termlist_begin();
    for (t.skip_to(term_prefix); t != doc.termlist_end() && (*t).compare(0, term_prefix.size(), term_prefix) == 0; ++t) {
        rests.push_back((*t).substr(term_prefix.size()));
    }
    return rests;
}

}  // namespace

IndexWriter::IndexWriter(const std::string& path, bool with_termlist)
    : path_(without_trailing_slash(path)), folder_(real_index_folder(path_)), lock_(path_) {
    if (folder_ != path_) {
        try {
            folder_lock_.emplace(folder_);
        } catch (const IndexLockedError&) {
            throw;
        } catch (const IndexError&) {
            // No lock file beside a target whose parent this user may not write: appending
            // still works there, and a swap would fail there anyway, with its own message.
        }
    }
    recover_interrupted_swap(folder_);
    remove_swap_leftovers(folder_);
    // Only a missing or empty folder gets a new index: Xapian's DB_CREATE_OR_OPEN took a
    // damaged index (postlist.glass gone) for none and wrote an empty one over it.
    const bool fresh = prepare_index_folder(folder_) == FolderUse::CreateIndex;
    open_database(!fresh ? Xapian::DB_OPEN : with_termlist ? Xapian::DB_CREATE : Xapian::DB_CREATE | Xapian::DB_NO_TERMLIST);
    finish_index_creation(folder_);
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
    if (std::filesystem::exists(std::filesystem::path(folder_) / "iamglass", ec) && !has_termlist_table(folder_)) flags |= Xapian::DB_NO_TERMLIST;
    try {
        db_ = Xapian::WritableDatabase(folder_, flags);
    } catch (const Xapian::DatabaseLockError&) {
        // Our own lock is held, so this is rarely another writer: Xapian says the same of a
        // folder it may not write, which a cron job must not retry as if it were busy.
        if (const std::string why = unwritable_reason(folder_); !why.empty()) throw IndexError("cannot write index " + path_ + ": " + why);
        throw IndexLockedError(locked_message(path_));
    } catch (const Xapian::DatabaseOpeningError& e) {
        throw IndexError("cannot open index " + path_ + " for writing (left as it is): " + e.get_msg());
    } catch (const Xapian::DatabaseCorruptError& e) {
        throw IndexError("index " + path_ + " is damaged (left as it is): " + e.get_msg());
    } catch (const Xapian::DatabaseCreateError& e) {
        throw IndexError("cannot create index " + path_ + ": " + e.get_msg());
    }
    has_termlist_ = (flags & Xapian::DB_NO_TERMLIST) == 0;
}

bool IndexWriter::unchanged(const std::string& id, const std::string& hash, Xapian::docid* docid) {
    const std::string id_term = prefix::kId + id;
    Xapian::PostingIterator existing = db_.postlist_begin(id_term);
    if (existing == db_.postlist_end(id_term)) return false;
    if (docid) *docid = *existing;
    return db_.get_document(*existing).get_value(slot::kContentHash) == hash;
}

Xapian::docid IndexWriter::docid_of(const std::string& id) {
    const std::string id_term = prefix::kId + id;
    Xapian::PostingIterator existing = db_.postlist_begin(id_term);
    return existing == db_.postlist_end(id_term) ? 0 : *existing;
}

Change IndexWriter::write(PreparedArticle&& p, Xapian::docid* docid, bool known_new) {
    if (p.article.id.size() > kMaxIdBytes)
        throw IndexError("article id of " + std::to_string(p.article.id.size()) + " bytes: an index holds ids of at most " + std::to_string(kMaxIdBytes));
    const std::string id_term = prefix::kId + p.article.id;
    const bool existed = !known_new && db_.term_exists(id_term);
    add_romanisation_synonyms(p.vocabulary);
    if (existed && !has_termlist_) restore_termlist();
    if (existed) keep_other_files(id_term, p.doc);
    const Xapian::docid own = existed ? *db_.postlist_begin(id_term) : 0;
    add_copy_group(p.doc, copy_group_of(db_, codec_, p.article, p.copies, p.doc.get_value(slot::kContentHash), own));
    if (!p.article.entities.empty()) p.doc.add_value(slot::kEntities, entities_.value_of(p.article.entities, db_));
    // replace_document() looks the id up again (and flushes its pending postings to do so).
    const Xapian::docid written = known_new ? db_.add_document(p.doc) : db_.replace_document(id_term, p.doc);
    if (docid) *docid = written;
    return existed ? Change::Updated : Change::Added;
}

// The files that held the copy being replaced, and the copies before it, stay on the article
// as prefix::kOtherFile terms (its own file excepted): if its own file disappears, --prune
// reads them again, so an id kept in an earlier file survives.
void IndexWriter::keep_other_files(const std::string& id_term, Xapian::Document& doc) {
    const std::vector<std::string> own = terms_with_prefix(doc, prefix::kFile);
    const Xapian::Document old = db_.get_document(*db_.postlist_begin(id_term));
    for (const char* file_prefix : {prefix::kFile, prefix::kOtherFile}) {
        for (const std::string& hash : terms_with_prefix(old, file_prefix)) {
            if (std::find(own.begin(), own.end(), hash) == own.end()) doc.add_boolean_term(prefix::kOtherFile + hash);
        }
    }
}

std::size_t IndexWriter::remove_file(const std::string& origin_file) {
    const std::string term = file_term(origin_file);
    std::size_t n = db_.get_termfreq(term);
    if (n && !has_termlist_) restore_termlist();
    if (n) db_.delete_document(term);
    return n;
}

std::vector<std::pair<std::string, std::vector<std::string>>> IndexWriter::held_elsewhere(const std::string& origin_file) {
    const std::string term = file_term(origin_file);
    std::vector<std::pair<std::string, std::vector<std::string>>> held;
    if (db_.get_termfreq(term) == 0) return held;
    if (!has_termlist_) restore_termlist();  // its articles are about to be deleted, which needs it too
    for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it) {
        const Xapian::Document doc = db_.get_document(*it);
        std::vector<std::string> others = terms_with_prefix(doc, prefix::kOtherFile);
        const std::vector<std::string> ids = terms_with_prefix(doc, prefix::kId);
        if (!others.empty() && !ids.empty()) held.emplace_back(ids.front(), std::move(others));
    }
    return held;
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
    // Xapian's limits: a synonym key is a table key, and a word longer than a term corrupts
    // the entry (its length is kept in one byte). Words are cut shorter than that already.
    for (const std::string& word : vocabulary) {
        if (word.size() > kMaxXapianTermBytes || !keyed_words_.insert(word).second) continue;
        for (const auto& key : lookup_keys_of_devanagari(word)) {
            const std::string key_term = prefix::kRomanKey + key;
            if (key_term.size() <= kMaxXapianTermBytes) db_.add_synonym(key_term, word);
        }
    }
}

void IndexWriter::swap_in_copy(const std::function<void(const std::string&)>& build) {
    commit();
    const std::string replacement = begin_replacement(folder_);
    build(replacement);
    db_.close();
    finish_replacement(folder_, replacement);
    open_database(Xapian::DB_OPEN);
}

std::size_t IndexWriter::restore_termlist() {
    std::size_t restored = 0;
    swap_in_copy([&](const std::string& tmp) {
        Xapian::Database old(folder_);
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
    // The files an article came from (and those that held it before) are the terms its stored
    // record cannot give back.
    std::map<Xapian::docid, std::vector<std::string>> file_terms;
    for (const char* file_prefix : {prefix::kFile, prefix::kOtherFile}) {
        for (auto t = old.allterms_begin(file_prefix); t != old.allterms_end(file_prefix); ++t) {
            for (auto p = old.postlist_begin(*t); p != old.postlist_end(*t); ++p) file_terms[*p].push_back(*t);
        }
    }
    // Batches analysed on every core, written in docid order (docids are kept). The stored
    // records were NFC when written, and are kept byte for byte.
    struct Item {
        Xapian::docid did;
        std::string data, hash, group;  ///< group: its group of copies, which its text alone cannot tell
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
                batch[i].doc = analysed_document(a, std::string(), batch[i].hash, *analyzers[t], extractor, nullptr);
                if (auto f = file_terms.find(batch[i].did); f != file_terms.end()) {
                    for (const std::string& term : f->second) batch[i].doc.add_boolean_term(term);
                }
                batch[i].entities = std::move(a.entities);
                batch[i].doc.add_value(slot::kRecord, batch[i].data);
                if (!batch[i].group.empty()) add_copy_group(batch[i].doc, batch[i].group);
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
        batch.push_back(Item{*it, doc.get_value(slot::kRecord), doc.get_value(slot::kContentHash), doc.get_value(slot::kCopyGroup), {}, {}});
        if (batch.size() == 512) flush();
    }
    flush();
    return restored;
}

void IndexWriter::compact(bool keep_termlist) {
    swap_in_copy([this, keep_termlist](const std::string& tmp) {
        db_.compact(tmp, Xapian::DBCOMPACT_NO_RENUMBER);
        if (keep_termlist) return;
        // Xapian reads a glass database without termlist.glass as one made with DB_NO_TERMLIST.
        std::error_code ec;
        if (!keep_termlist) std::filesystem::remove(std::filesystem::path(tmp) / "termlist.glass", ec);
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
