/** @file record_codec_test.cpp @brief Tests of RecordCodec: zstd round trips with and without trained dictionaries, damaged records. */
#include "common/util/errors.h"
#include "common/ingest/record_codec.h"
#include "common/index/schema.h"
#include "temp_dir.h"

#include <doctest/doctest.h>
#include <xapian.h>
#include <zdict.h>
#include <zstd.h>

#include <random>
#include <string>
#include <vector>

using khoj::RecordCodec;

namespace {

// Article-like JSON records: shared boilerplate and a Hindi vocabulary, in varying order.
std::vector<std::string> synthetic_articles(std::size_t count, unsigned seed) {
    static const char* const words[] = {
        "सरकार", "ने", "आज", "नई", "योजना", "की", "घोषणा", "किसानों", "को", "बीज", "और", "खाद", "समय", "पर",
        "मिलेंगे", "राज्य", "के", "मुख्यमंत्री", "अधिकारियों", "साथ", "बैठक", "कोरोना", "वायरस", "लॉकडाउन",
        "अस्पताल", "मरीज", "संक्रमण", "जांच", "दिल्ली", "मुंबई", "पुलिस", "रूस", "राष्ट्रपति", "पुतिन",
        "उत्तर", "कोरिया", "किम", "मुलाकात", "रक्षा", "मंत्री", "बुधवार", "गुरुवार", "बताया", "कहा", "है।",
    };
    std::mt19937 rng(seed);
    std::uniform_int_distribution<std::size_t> pick(0, std::size(words) - 1);
    std::vector<std::string> out;
    for (std::size_t k = 0; k < count; ++k) {
        std::string body;
        while (body.size() < 3000) {
            body += words[pick(rng)];
            body += ' ';
        }
        out.push_back(R"({"id":"AU-2020-APR-)" + std::to_string(k) + R"(","title":"कोरोना अपडेट )" + std::to_string(k) +
                      R"(","body":")" + body + R"(","date":"2020-04-01","source":"Amar Ujala"})");
    }
    return out;
}

}  // namespace

TEST_CASE("RecordCodec::compress round trips without a dictionary") {
    RecordCodec codec;
    CHECK(codec.current_dictionary() == 0);
    for (const std::string& plain : {std::string(), std::string("रूस के रक्षा मंत्री"), synthetic_articles(1, 7)[0]}) {
        const std::string record = codec.compress(plain);
        CHECK(record[0] == 'z');
        CHECK(codec.decompress(record) == plain);
    }
    const std::string long_text = synthetic_articles(1, 3)[0];
    CHECK(codec.compress(long_text).size() < long_text.size() / 2);
}

TEST_CASE("train_record_dictionary refuses too little text") {
    khoj::test::TempDir dir;
    Xapian::WritableDatabase db((dir.path() / "index").string(), Xapian::DB_CREATE_OR_OPEN);
    RecordCodec codec;
    CHECK_FALSE(khoj::train_record_dictionary(db, codec, synthetic_articles(5, 1)));
    CHECK(codec.current_dictionary() == 0);
    CHECK(codec.compress("कोरोना")[0] == 'z');
}

TEST_CASE("train_record_dictionary keeps old records readable after a retrain") {
    khoj::test::TempDir dir;
    const std::string path = (dir.path() / "index").string();
    const auto first_samples = synthetic_articles(200, 11);
    const auto second_samples = synthetic_articles(200, 99);
    std::string plain_old = synthetic_articles(1, 1234)[0];
    std::string plain_new = synthetic_articles(1, 5678)[0];
    std::string record_old, record_new, record_plain;
    std::uint32_t first_id = 0, second_id = 0;
    {
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
        RecordCodec codec;
        record_plain = codec.compress(plain_old);  // written before any dictionary existed
        REQUIRE(khoj::train_record_dictionary(db, codec, first_samples));
        first_id = codec.current_dictionary();
        CHECK(first_id != 0);
        record_old = codec.compress(plain_old);
        CHECK(record_old[0] == 'd');
        CHECK(codec.decompress(record_old) == plain_old);
        // A dictionary trained on the corpus beats plain zstd on a record of the same kind.
        CHECK(record_old.size() < record_plain.size());

        REQUIRE(khoj::train_record_dictionary(db, codec, second_samples));
        second_id = codec.current_dictionary();
        CHECK(second_id != 0);
        CHECK(second_id != first_id);
        record_new = codec.compress(plain_new);
        CHECK(codec.decompress(record_old) == plain_old);
        CHECK(codec.decompress(record_new) == plain_new);
        db.commit();
    }
    // A searcher opening the index later: a fresh codec that loads the stored dictionaries.
    Xapian::Database reader(path);
    RecordCodec fresh;
    khoj::load_record_dictionaries(reader, fresh);
    CHECK(fresh.current_dictionary() == second_id);
    CHECK(fresh.decompress(record_old) == plain_old);
    CHECK(fresh.decompress(record_new) == plain_new);
    CHECK(fresh.decompress(record_plain) == plain_old);

    // Without the dictionaries, a dictionary record cannot be read: an IndexError, not garbage.
    RecordCodec empty;
    CHECK_THROWS_AS(empty.decompress(record_old), khoj::IndexError);
}

TEST_CASE("RecordCodec::decompress throws IndexError on a damaged record") {
    RecordCodec codec;
    const std::string plain = synthetic_articles(1, 42)[0];
    const std::string record = codec.compress(plain);
    CHECK_THROWS_AS(codec.decompress(""), khoj::IndexError);
    CHECK_THROWS_AS(codec.decompress(record.substr(0, record.size() / 2)), khoj::IndexError);  // truncated frame
    CHECK_THROWS_AS(codec.decompress("x" + record.substr(1)), khoj::IndexError);               // unknown format
    CHECK_THROWS_AS(codec.decompress("z not a zstd frame"), khoj::IndexError);
    CHECK_THROWS_AS(codec.decompress("d\x01\x02"), khoj::IndexError);  // header cut short
    std::string garbled = record;
    for (std::size_t k = 1; k < 9 && k < garbled.size(); ++k) garbled[k] = static_cast<char>(~garbled[k]);  // magic number
    CHECK_THROWS_AS(codec.decompress(garbled), khoj::IndexError);
}

TEST_CASE("RecordCodec::compress uses level 5 with a dictionary of over 64 KB, and keeps level 9 for the 64 KB ones of older indexes") {
    // News-like variety: words made of random syllables, so that a dictionary has much to hold.
    std::vector<std::string> samples;
    std::mt19937 rng(5);
    const std::vector<std::string> syllables = {"क", "का", "कि", "की", "ग", "गा", "त", "ता", "ति", "न", "ना", "नी", "प", "पा", "म", "मा", "मी", "र", "रा", "री", "ल", "ला", "स", "सा", "सी", "ह", "हा", "व", "वा", "य", "द", "दा", "ब", "बा", "ज", "जा", "ं", "्र"};
    std::vector<std::string> vocabulary(6000);
    for (auto& word : vocabulary) {
        for (std::size_t k = 0, n = 2 + rng() % 4; k < n; ++k) word += syllables[rng() % syllables.size()];
    }
    std::geometric_distribution<std::size_t> zipf_like(0.002);
    for (int a = 0; a < 1200; ++a) {
        std::string body;
        while (body.size() < 3000) body += vocabulary[std::min(zipf_like(rng), vocabulary.size() - 1)] + " ";
        samples.push_back(R"({"id":"DB-)" + std::to_string(a) + R"(","title":"समाचार )" + std::to_string(a) + R"(","body":")" + body + R"("})");
    }
    std::string joined;
    std::vector<size_t> sizes;
    for (const auto& s : samples) {
        joined += s;
        sizes.push_back(s.size());
    }
    const auto trained = RecordCodec::train_dictionary(samples);
    REQUIRE(trained);
    CHECK(trained->second.size() > 64 * 1024);  // a new index gets the larger dictionary
    std::string small(64 * 1024, '\0');
    small.resize(ZDICT_trainFromBuffer(small.data(), small.size(), joined.data(), sizes.data(), static_cast<unsigned>(sizes.size())));
    REQUIRE_FALSE(ZDICT_isError(small.size()));
    const std::uint32_t small_id = ZDICT_getDictID(small.data(), small.size());
    const std::string plain = samples.back();
    // What zstd itself makes of the record with @p dict at @p level (the record's frame, after its 5-byte header).
    auto frame_at = [&plain](const std::string& dict, int level) {
        std::string out(ZSTD_compressBound(plain.size()), '\0');
        ZSTD_CCtx* cctx = ZSTD_createCCtx();
        ZSTD_CDict* cdict = ZSTD_createCDict(dict.data(), dict.size(), level);
        out.resize(ZSTD_compress_usingCDict(cctx, out.data(), out.size(), plain.data(), plain.size(), cdict));
        ZSTD_freeCDict(cdict);
        ZSTD_freeCCtx(cctx);
        return out;
    };
    RecordCodec codec;
    codec.add_dictionary(trained->first, trained->second);
    codec.add_dictionary(small_id, small);
    codec.set_current_dictionary(trained->first);
    const std::string large_record = codec.compress(plain);
    CHECK(large_record.substr(5) == frame_at(trained->second, 5));
    codec.set_current_dictionary(small_id);
    const std::string small_record = codec.compress(plain);
    CHECK(small_record.substr(5) == frame_at(small, 9));
    CHECK(codec.decompress(large_record) == plain);
    CHECK(codec.decompress(small_record) == plain);
}
