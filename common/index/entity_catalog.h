/** @file entity_catalog.h @brief The entities of an index in one place: kind ↔ term prefix, entity ↔ id ↔ term and names, the slot::kEntities value and the khoj.entity#ID metadata entry. */
#pragma once
#include "common/entities/entities.h"

#include <xapian.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace khoj {

/// The term prefix of entities of @p kind: "XP" (person), "XL" (place), "XO" (organisation).
const char* entity_prefix(EntityKind kind);

/// The kind whose prefix @p term starts with ("XPnarendra_modi" → Person), or nullopt.
std::optional<EntityKind> kind_of_entity_term(std::string_view term);

/// The index term of an entity: entity_prefix() + entity_slug(), e.g. "XLpyongyang".
std::string entity_term(const Entity& entity);

/// Entity ids as stored in slot::kEntities: one pack_uint() varint each, in the order given.
std::string encode_entity_ids(const std::vector<std::uint32_t>& ids);

/// Reads what encode_entity_ids() wrote (stops at a damaged byte).
std::vector<std::uint32_t> decode_entity_ids(std::string_view value);

/// What the entity ids of an index stand for. An article keeps its entities as small ids in
/// slot::kEntities (facets read that value for every match); the metadata entry
/// khoj.entity#ID = "term<TAB>name<TAB>name_en" gives each id its term and the names that facets
/// and hits show. This class alone writes and parses that entry.
///
/// The writer loads every id once and assigns new ones (value_of()); the searcher looks ids up
/// as hits and facets need them (entity_by_id()), remembering them until forget().
class EntityCatalog {
  public:
    /// Writer side: reads every id of @p db, so each entity term keeps the id it was given;
    /// throws khoj::IndexError on a damaged id.
    void load(const Xapian::Database& db);

    /// Writer side: the slot::kEntities value of an article with @p entities (people, then
    /// places, then organisations, each in term order: the order hits show them), recording the
    /// entry of every new id in @p target's metadata.
    std::string value_of(const std::vector<Entity>& entities, Xapian::WritableDatabase& target);

    /// Searcher side: the entity with @p id in @p db, or nullptr when its entry is missing or
    /// damaged; remembered until forget().
    const Entity* entity_by_id(const Xapian::Database& db, std::uint32_t id);

    /// Searcher side: the entities of a slot::kEntities @p value, in stored order (unknown ids left out).
    std::vector<Entity> entities_of(const Xapian::Database& db, std::string_view value);

    /// Forgets what entity_by_id() remembered: call when @p db is reopened at a new revision.
    void forget() { by_id_.clear(); }

    /// Calls @p each with the term and the entity of every readable entry of @p db (khoj-lexicon
    /// merges the names of shards with it).
    static void for_each_entry(const Xapian::Database& db, const std::function<void(const std::string& term, const Entity& entity)>& each);

  private:
    struct Known {
        std::uint32_t id;
        std::string name;  ///< the spelling its entry holds
    };
    std::unordered_map<std::string, Known> ids_;  ///< writer: entity term → id and name
    std::uint32_t next_id_ = 1;
    std::unordered_map<std::uint32_t, std::optional<Entity>> by_id_;  ///< searcher: id → entity (nullopt: none)
};

}  // namespace khoj
