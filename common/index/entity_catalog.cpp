/** @file entity_catalog.cpp @brief Entity terms, ids and their metadata entries: assigned by the writer, read back by the searcher. */
#include "common/index/entity_catalog.h"

#include "common/index/schema.h"
#include "common/text/analyzer.h"
#include "common/util/packing.h"

#include <algorithm>
#include <cstring>
#include <tuple>

namespace khoj {

namespace {

// The one kind ↔ term prefix table, in the order of kEntityKinds.
constexpr std::pair<EntityKind, const char*> kKindPrefixes[] = {
    {EntityKind::Person, prefix::kPerson}, {EntityKind::Place, prefix::kPlace}, {EntityKind::Organisation, prefix::kOrganisation}};

// Where hits and facets list @p kind: people, then places, then organisations.
int kind_order(EntityKind kind) {
    return static_cast<int>(std::find(std::begin(kEntityKinds), std::end(kEntityKinds), kind) - std::begin(kEntityKinds));
}

// The three fields of a metadata entry "term<TAB>name<TAB>name_en"; a missing tab leaves the
// fields after it empty, and has_name says whether the first tab was there at all.
struct Entry {
    std::string term, name, name_en;
    bool has_name = false;
};

std::string entry_text(const std::string& term, const Entity& entity) { return term + "\t" + entity.name + "\t" + entity.name_en; }

Entry parse_entry(const std::string& text) {
    Entry entry;
    const auto tab = text.find('\t');
    entry.term = text.substr(0, tab);
    if (tab == std::string::npos) return entry;
    entry.has_name = true;
    const auto tab2 = text.find('\t', tab + 1);
    entry.name = text.substr(tab + 1, tab2 == std::string::npos ? std::string::npos : tab2 - tab - 1);
    if (tab2 != std::string::npos) entry.name_en = text.substr(tab2 + 1);
    return entry;
}

}  // namespace

const char* entity_prefix(EntityKind kind) {
    for (const auto& [k, term_prefix] : kKindPrefixes) {
        if (k == kind) return term_prefix;
    }
    return prefix::kOrganisation;
}

std::optional<EntityKind> kind_of_entity_term(std::string_view term) {
    for (const auto& [kind, term_prefix] : kKindPrefixes) {
        if (term.compare(0, std::strlen(term_prefix), term_prefix) == 0) return kind;
    }
    return std::nullopt;
}

std::string entity_term(const Entity& entity) {
    // Truncated here, once, so the indexer's term and a person:/place:/org: filter always agree.
    return truncate_term(entity_prefix(entity.kind) + entity_slug(entity));
}

std::string encode_entity_ids(const std::vector<std::uint32_t>& ids) {
    std::string out;
    for (std::uint32_t id : ids) pack_uint(out, id);
    return out;
}

std::vector<std::uint32_t> decode_entity_ids(std::string_view value) {
    std::vector<std::uint32_t> ids;
    std::size_t at = 0;
    while (at < value.size()) {
        const std::optional<std::uint64_t> id = unpack_uint(value, at, 32);
        if (!id) break;
        ids.push_back(static_cast<std::uint32_t>(*id));
    }
    return ids;
}

void EntityCatalog::load(const Xapian::Database& db) {
    const std::string id_prefix = metadata::kEntityIdPrefix;
    for (auto it = db.metadata_keys_begin(id_prefix); it != db.metadata_keys_end(id_prefix); ++it) {
        const std::string key = *it;
        const std::uint32_t id = metadata::parse_number(std::string_view(key).substr(id_prefix.size()), key);
        Entry entry = parse_entry(db.get_metadata(key));
        ids_[entry.term] = {id, std::move(entry.name)};
        next_id_ = std::max(next_id_, id + 1);
    }
}

std::string EntityCatalog::value_of(const std::vector<Entity>& entities, Xapian::WritableDatabase& target) {
    std::vector<std::tuple<int, std::string, const Entity*>> terms;
    for (const Entity& e : entities) terms.emplace_back(kind_order(e.kind), entity_term(e), &e);
    std::sort(terms.begin(), terms.end(), [](const auto& a, const auto& b) {
        return std::tie(std::get<0>(a), std::get<1>(a)) < std::tie(std::get<0>(b), std::get<1>(b));
    });
    std::vector<std::uint32_t> ids;
    for (const auto& [order, term, entity] : terms) {
        auto [it, fresh] = ids_.try_emplace(term, Known{next_id_, entity->name});
        // Facets show names, not slugs: each id keeps its term and display names. A name the
        // gazetteer lacks is spelt several ways (ग्यूसेप कोंटे, कोंते); the entry keeps the
        // smallest spelling seen (byte order), so the name depends on which articles the index
        // holds, not on their order: a rebuild, an update and the shards of an archive agree.
        if (fresh) {
            target.set_metadata(metadata::kEntityIdPrefix + std::to_string(next_id_++), entry_text(term, *entity));
        } else if (entity->name < it->second.name) {
            it->second.name = entity->name;
            target.set_metadata(metadata::kEntityIdPrefix + std::to_string(it->second.id), entry_text(term, *entity));
        }
        if (ids.empty() || ids.back() != it->second.id) ids.push_back(it->second.id);
    }
    return encode_entity_ids(ids);
}

void EntityCatalog::for_each_entry(const Xapian::Database& db, const std::function<void(const std::string& term, const Entity& entity)>& each) {
    const std::string id_prefix = metadata::kEntityIdPrefix;
    for (auto it = db.metadata_keys_begin(id_prefix); it != db.metadata_keys_end(id_prefix); ++it) {
        const Entry entry = parse_entry(db.get_metadata(*it));
        const std::optional<EntityKind> kind = kind_of_entity_term(entry.term);
        if (!entry.has_name || !kind || entry.name.empty()) continue;
        each(entry.term, Entity{*kind, entry.name, entry.name_en});
    }
}

const Entity* EntityCatalog::entity_by_id(const Xapian::Database& db, std::uint32_t id) {
    auto [it, fresh] = by_id_.try_emplace(id);
    if (!fresh) return it->second ? &*it->second : nullptr;
    const Entry entry = parse_entry(db.get_metadata(metadata::kEntityIdPrefix + std::to_string(id)));
    const std::optional<EntityKind> kind = kind_of_entity_term(entry.term);
    if (!entry.has_name || !kind || entry.name.empty()) return nullptr;
    Entity e;
    e.kind = *kind;
    e.name = entry.name;
    e.name_en = entry.name_en;
    it->second = std::move(e);
    return &*it->second;
}

std::vector<Entity> EntityCatalog::entities_of(const Xapian::Database& db, std::string_view value) {
    std::vector<Entity> entities;
    for (std::uint32_t id : decode_entity_ids(value)) {
        if (const Entity* e = entity_by_id(db, id)) entities.push_back(*e);
    }
    return entities;
}

}  // namespace khoj
