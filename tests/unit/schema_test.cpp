/** @file schema_test.cpp @brief Tests of the schema helpers: metadata numbers, source terms and stored dictionaries. */
#include "common/index/schema.h"
#include "common/ingest/record_codec.h"
#include "common/util/errors.h"
#include "temp_dir.h"

#include <doctest/doctest.h>

#include <string>

using namespace khoj;

TEST_CASE("metadata::parse_number reads decimal ids and refuses damaged ones with IndexError") {
    CHECK(metadata::parse_number("42", "khoj.entity#42") == 42u);
    CHECK_THROWS_AS(metadata::parse_number("", "k"), IndexError);
    CHECK_THROWS_AS(metadata::parse_number("4x", "k"), IndexError);
    CHECK_THROWS_AS(metadata::parse_number("99999999999", "k"), IndexError);  // over 32 bits
}

TEST_CASE("source_term lower-cases, joins words with _ and stays within Xapian's term limit") {
    CHECK(source_term("Amar Ujala") == std::string(prefix::kSource) + "amar_ujala");
    const std::string long_name(1000, 'a');
    CHECK(source_term(long_name).size() < 245);
    CHECK(source_term(long_name) == source_term(long_name + "b"));  // both cut at the same place
}

TEST_CASE("load_record_dictionaries selects the dictionary train_record_dictionary stored") {
    test::TempDir dir;
    const std::string path = (dir.path() / "index").string();
    std::vector<std::string> samples;
    // The trainer wants at least 8 × 64 KiB of records (RecordCodec::train_dictionary).
    const char* places[] = {"मेरठ", "चंडीगढ़", "दिल्ली", "आगरा", "लखनऊ", "पटना", "भोपाल"};
    for (int i = 0; i < 2000; ++i) {
        std::string text = std::string(places[i % 7]) + " में कोरोना के " + std::to_string(i * 37 % 1000) + " नए मामले। ";
        for (int k = 0; k < 6; ++k) text += std::string(places[(i + k) % 7]) + " प्रशासन ने लॉकडाउन " + std::to_string(i * k) + " दिन बढ़ाया। ";
        samples.push_back(text);
    }
    std::string record;
    {
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
        RecordCodec codec;
        REQUIRE(train_record_dictionary(db, codec, samples));
        record = codec.compress(samples[7]);
        db.commit();
    }
    RecordCodec reader;
    load_record_dictionaries(Xapian::Database(path), reader);
    CHECK(reader.current_dictionary() != 0);
    CHECK(reader.decompress(record) == samples[7]);
}
