/** @file record_fuzz.cpp @brief libFuzzer target: damaged stored records must raise khoj::IndexError, never crash. */
#include "common/ingest/record_codec.h"
#include "common/ingest/article.h"
#include "common/util/errors.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    static khoj::RecordCodec codec;
    try {
        (void)khoj::article_from_record(bytes);
    } catch (const khoj::IndexError&) {
    }
    try {
        (void)khoj::article_from_record(codec.decompress(bytes));
    } catch (const khoj::IndexError&) {
    }
    return 0;
}
