/** @file entity_catalog_test.cpp @brief EntityCatalog and entity terms: kind prefixes, the slot::kEntities value, ids and their metadata entries. */
#include "common/index/entity_catalog.h"
#include "common/index/schema.h"
#include "common/util/errors.h"
#include "temp_dir.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace khoj;

namespace {

Entity entity(EntityKind kind, std::string name, std::string name_en) {
    Entity e;
    e.kind = kind;
    e.name = std::move(name);
    e.name_en = std::move(name_en);
    return e;
}

const Entity kPutin = entity(EntityKind::Person, "व्लादिमीर पुतिन", "Vladimir Putin");
const Entity kPyongyang = entity(EntityKind::Place, "प्योंगयांग", "Pyongyang");
const Entity kRussia = entity(EntityKind::Place, "रूस", "Russia");
const Entity kCanaraBank = entity(EntityKind::Organisation, "केनरा बैंक", "Canara Bank");

}  // namespace

TEST_CASE("entity_term prefixes the slug with XP, XL or XO, and kind_of_entity_term reads the kind back") {
    CHECK(entity_term(kPutin) == "XPvladimir_putin");
    CHECK(entity_term(kPyongyang) == "XLpyongyang");
    CHECK(entity_term(kCanaraBank) == "XOcanara_bank");
    for (EntityKind kind : kEntityKinds) CHECK(kind_of_entity_term(std::string(entity_prefix(kind)) + "x") == kind);
    CHECK_FALSE(kind_of_entity_term("XSOURCEamar_ujala").has_value());
    CHECK_FALSE(kind_of_entity_term("Zरूस").has_value());
}

TEST_CASE("encode_entity_ids and decode_entity_ids round-trip ids of any size") {
    const std::vector<std::uint32_t> ids = {1, 127, 128, 300, 16384, 4294967295u};
    CHECK(encode_entity_ids({1, 2}) == std::string("\x01\x02"));
    CHECK(decode_entity_ids(encode_entity_ids(ids)) == ids);
    CHECK(decode_entity_ids("").empty());
    // A value cut short keeps the ids before the damage.
    const std::string value = encode_entity_ids({5, 300});
    CHECK(decode_entity_ids(value.substr(0, value.size() - 1)) == std::vector<std::uint32_t>{5});
}

TEST_CASE("EntityCatalog::value_of gives each entity one id, people before places before organisations") {
    test::TempDir dir;
    Xapian::WritableDatabase db((dir.path() / "index").string(), Xapian::DB_CREATE);
    EntityCatalog writer;
    const std::string first = writer.value_of({kRussia, kCanaraBank, kPutin}, db);
    // Ids are given in the order stored: Putin 1, Russia 2, Canara Bank 3.
    CHECK(decode_entity_ids(first) == std::vector<std::uint32_t>{1, 2, 3});
    CHECK(db.get_metadata(metadata::kEntityIdPrefix + std::string("1")) == "XPvladimir_putin\tव्लादिमीर पुतिन\tVladimir Putin");
    // A known entity keeps its id, a new one gets the next.
    CHECK(decode_entity_ids(writer.value_of({kPyongyang, kRussia}, db)) == std::vector<std::uint32_t>{4, 2});
    db.commit();

    EntityCatalog reader;
    const Entity* putin = reader.entity_by_id(db, 1);
    REQUIRE(putin != nullptr);
    CHECK(*putin == kPutin);
    CHECK(reader.entity_by_id(db, 99) == nullptr);
    CHECK(reader.entities_of(db, first) == std::vector<Entity>{kPutin, kRussia, kCanaraBank});
}

TEST_CASE("EntityCatalog::load keeps the ids an index already gave") {
    test::TempDir dir;
    Xapian::WritableDatabase db((dir.path() / "index").string(), Xapian::DB_CREATE);
    EntityCatalog().value_of({kPutin, kRussia}, db);
    db.commit();
    EntityCatalog reopened;
    reopened.load(db);
    CHECK(decode_entity_ids(reopened.value_of({kRussia, kPyongyang}, db)) == std::vector<std::uint32_t>{3, 2});
}

TEST_CASE("EntityCatalog ignores a damaged entry and reports a damaged id as IndexError") {
    test::TempDir dir;
    Xapian::WritableDatabase db((dir.path() / "index").string(), Xapian::DB_CREATE);
    db.set_metadata(metadata::kEntityIdPrefix + std::string("7"), "XPno_tabs_here");
    db.set_metadata(metadata::kEntityIdPrefix + std::string("8"), "XSOURCEamar_ujala\tअमर उजाला\tAmar Ujala");
    EntityCatalog reader;
    CHECK(reader.entity_by_id(db, 7) == nullptr);
    CHECK(reader.entity_by_id(db, 8) == nullptr);
    db.set_metadata(metadata::kEntityIdPrefix + std::string("x9"), "XPputin\tपुतिन\tPutin");
    EntityCatalog writer;
    CHECK_THROWS_AS(writer.load(db), IndexError);
}

TEST_CASE("EntityCatalog::forget reads an entry again after the index changed") {
    test::TempDir dir;
    Xapian::WritableDatabase db((dir.path() / "index").string(), Xapian::DB_CREATE);
    EntityCatalog reader;
    CHECK(reader.entity_by_id(db, 1) == nullptr);  // remembered as absent
    EntityCatalog().value_of({kRussia}, db);
    CHECK(reader.entity_by_id(db, 1) == nullptr);
    reader.forget();
    const Entity* russia = reader.entity_by_id(db, 1);
    REQUIRE(russia != nullptr);
    CHECK(russia->name == "रूस");
}
