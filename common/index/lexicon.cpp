/** @file lexicon.cpp @brief write_lexicon: the synonym tables of shards and lexicons merged into one small database, swapped in atomically. */
#include "common/index/lexicon.h"

#include "common/index/entity_catalog.h"
#include "common/index/index_folder.h"
#include "common/index/schema.h"
#include "common/util/errors.h"

#include <filesystem>
#include <map>
#include <system_error>

namespace khoj {

namespace fs = std::filesystem;

namespace {

/// Marks a lexicon; its value is the number of indexes merged into it (decimal).
constexpr const char* kLexiconMarker = "khoj.lexicon.indexes";
/// + entity term → "name<TAB>name_en": the smallest spelling of the entity among the indexes.
constexpr const char* kEntityNamePrefix = "khoj.lexicon.name:";

/// + word term → decimal count of the articles holding it; and the number of articles.
constexpr const char* kTermFrequencyPrefix = "khoj.tf:";
constexpr const char* kDocumentCount = "khoj.lexicon.articles";

std::string name_entry(const Entity& e) { return e.name + "\t" + e.name_en; }

// The smallest spelling of every entity of @p db, a lexicon (its name table) or an index (its catalog), merged into @p names.
void merge_names(const Xapian::Database& db, std::map<std::string, Entity>& names) {
    auto keep_smallest = [&names](const std::string& term, const Entity& e) {
        auto [it, fresh] = names.try_emplace(term, e);
        if (!fresh && e.name < it->second.name) it->second = e;
    };
    if (!is_lexicon(db)) {
        EntityCatalog::for_each_entry(db, keep_smallest);
        return;
    }
    const std::string prefix = kEntityNamePrefix;
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
        const std::string term = (*it).substr(prefix.size());
        if (auto e = lexicon_entity_name(db, term)) keep_smallest(term, *e);
    }
}

bool holds_glass_database(const std::string& path) {
    std::error_code ec;
    return fs::exists(fs::path(path) / "iamglass", ec);
}

// The synonym tables of @p path, a lexicon or an index folder, and how many indexes it stands for.
Xapian::Database open_source(const std::string& path, std::size_t& indexes) {
    if (holds_glass_database(path)) {
        Xapian::Database db;
        try {
            db = Xapian::Database(path);
        } catch (const Xapian::Error& e) {
            throw IndexError("cannot open " + path + ": " + e.get_msg());
        }
        if (is_lexicon(db)) {
            check_analysis_version(db, path);
            indexes += metadata::parse_number(db.get_metadata(kLexiconMarker), kLexiconMarker);
            return db;
        }
    }
    Xapian::Database db = open_index_for_reading(path);  // an index folder (or a symlink to one), version checked
    ++indexes;
    return db;
}

std::uint64_t folder_bytes(const std::string& path) {
    std::uint64_t bytes = 0;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(path, ec)) {
        if (entry.is_regular_file(ec)) bytes += entry.file_size(ec);
    }
    return bytes;
}

// The word-term frequencies of @p db (an index's postings, or a lexicon's table) added to
// @p counts, and its articles to @p articles.
void merge_counts(const Xapian::Database& db, std::map<std::string, Xapian::doccount>& counts, Xapian::doccount& articles) {
    if (is_lexicon(db)) {
        articles += lexicon_doccount(db);
        const std::string prefix = kTermFrequencyPrefix;
        for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
            const std::string term = (*it).substr(prefix.size());
            counts[term] += lexicon_termfreq(db, term);
        }
        return;
    }
    articles += db.get_doccount();
    for (auto t = db.allterms_begin(prefix::kStem); t != db.allterms_end(prefix::kStem); ++t) {
        if (is_lexicon_counted(*t)) counts[*t] += t.get_termfreq();
    }
}

}  // namespace

bool is_lexicon_counted(const std::string& term) {
    return term.rfind(prefix::kStem, 0) == 0 && std::string(kTermFrequencyPrefix).size() + term.size() <= kMaxMetadataKeyBytes;
}

Xapian::doccount lexicon_termfreq(const Xapian::Database& lexicon, const std::string& term) {
    const std::string value = lexicon.get_metadata(kTermFrequencyPrefix + term);
    return value.empty() ? 0 : metadata::parse_number(value, kTermFrequencyPrefix + term);
}

Xapian::doccount lexicon_doccount(const Xapian::Database& lexicon) {
    const std::string value = lexicon.get_metadata(kDocumentCount);
    return value.empty() ? 0 : metadata::parse_number(value, kDocumentCount);
}

std::optional<Entity> lexicon_entity_name(const Xapian::Database& lexicon, const std::string& term) {
    if (std::string(kEntityNamePrefix).size() + term.size() > kMaxMetadataKeyBytes) return std::nullopt;
    const std::string entry = lexicon.get_metadata(kEntityNamePrefix + term);
    const auto tab = entry.find('\t');
    const std::optional<EntityKind> kind = kind_of_entity_term(term);
    if (tab == std::string::npos || tab == 0 || !kind) return std::nullopt;
    return Entity{*kind, entry.substr(0, tab), entry.substr(tab + 1)};
}

bool is_lexicon(const Xapian::Database& db) { return db.get_doccount() == 0 && !db.get_metadata(kLexiconMarker).empty(); }

Xapian::Database open_lexicon(const std::string& path) {
    if (!holds_glass_database(path)) throw IndexError("no lexicon at " + path + " (make one with khoj-lexicon --output " + path + " SHARD...)");
    Xapian::Database db;
    try {
        db = Xapian::Database(path);
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot open the lexicon " + path + ": " + e.get_msg());
    }
    if (!is_lexicon(db))
        throw IndexError(path + " is not a Khoj lexicon (an index's articles would count twice in query expansion): make one with khoj-lexicon");
    check_analysis_version(db, path);
    return db;
}

LexiconSummary write_lexicon(const std::vector<std::string>& sources, const std::string& output_path) {
    if (sources.empty()) throw UsageError("no index or lexicon to make the lexicon from");
    const std::string output = without_trailing_slash(output_path);
    std::error_code ec;
    // Only a lexicon is replaced: a user who typed an index's folder by mistake keeps the index.
    if (fs::exists(output, ec)) {
        bool replaceable = false;
        if (holds_glass_database(output)) {
            try {
                replaceable = is_lexicon(Xapian::Database(output));
            } catch (const Xapian::Error&) {
            }
        }
        if (!replaceable) throw IndexError(output + " exists and is not a Khoj lexicon: nothing was written (give a new folder)");
    }
    LexiconSummary summary;
    std::vector<Xapian::Database> inputs;
    for (const std::string& source : sources) inputs.push_back(open_source(source, summary.indexes));

    const IndexLock lock(output);  // two runs writing one lexicon would share its replacement folder
    const std::string replacement = begin_replacement(output);
    {
        Xapian::WritableDatabase lexicon(replacement, Xapian::DB_CREATE);
        for (const Xapian::Database& db : inputs) {
            for (auto key = db.synonym_keys_begin(); key != db.synonym_keys_end(); ++key) {
                for (auto word = db.synonyms_begin(*key); word != db.synonyms_end(*key); ++word) lexicon.add_synonym(*key, *word);
            }
        }
        std::map<std::string, Entity> names;
        for (const Xapian::Database& db : inputs) merge_names(db, names);
        for (const auto& [term, entity] : names) {
            // A term too long for a metadata key keeps its shard's own name.
            if (std::string(kEntityNamePrefix).size() + term.size() > kMaxMetadataKeyBytes) continue;
            lexicon.set_metadata(kEntityNamePrefix + term, name_entry(entity));
            ++summary.names;
        }
        std::map<std::string, Xapian::doccount> counts;
        Xapian::doccount articles = 0;
        for (const Xapian::Database& db : inputs) merge_counts(db, counts, articles);
        for (const auto& [term, count] : counts) lexicon.set_metadata(kTermFrequencyPrefix + term, std::to_string(count));
        summary.terms = counts.size();
        lexicon.set_metadata(kDocumentCount, std::to_string(articles));
        lexicon.set_metadata(metadata::kAnalysisVersion, kAnalysisVersion);
        lexicon.set_metadata(kLexiconMarker, std::to_string(summary.indexes));
        lexicon.commit();
        lexicon.close();
    }
    {
        const Xapian::Database written(replacement);
        for (auto key = written.synonym_keys_begin(); key != written.synonym_keys_end(); ++key) {
            ++summary.keys;
            for (auto word = written.synonyms_begin(*key); word != written.synonyms_end(*key); ++word) ++summary.entries;
        }
    }
    if (fs::exists(output, ec)) {
        finish_replacement(output, replacement);
    } else {
        fs::rename(replacement, output, ec);
        if (ec) throw IndexError("cannot put the lexicon in place at " + output + ": " + ec.message());
    }
    summary.bytes = folder_bytes(output);
    return summary;
}

}  // namespace khoj
