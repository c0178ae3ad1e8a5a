/** @file warc_fuzz.cpp @brief libFuzzer target: the bytes of a .warc or .warc.gz through WarcReader (records, gzip members, resynchronisation) and parse_http_response. */
#include "common/ingest/warc_reader.h"

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    // A small block limit, so that oversized records are exercised as well.
    constexpr std::size_t kMaxBlock = 4096;
    khoj::WarcReader reader(in, kMaxBlock);
    std::size_t last = 0;
    while (auto record = reader.next()) {
        // Numbers rise one by one, and no block is kept beyond the limit (or the start kept of an oversized one).
        if (record->number != last + 1) __builtin_trap();
        last = record->number;
        if (record->block.size() > (record->oversized ? 64 * 1024 : kMaxBlock)) __builtin_trap();
        if (!record->error.empty() || record->block.empty()) continue;
        const khoj::HttpResponse response = khoj::parse_http_response(record->block, kMaxBlock);
        if (response.body.size() > kMaxBlock) __builtin_trap();
    }
    return 0;
}
