/** @file json_article_fuzz.cpp @brief libFuzzer target: one .jsonl line through parse_json_article and the NFC every accepted field gets. */
#include "common/ingest/input_formats.h"
#include "common/util/unicode_text.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view line(reinterpret_cast<const char*>(data), size);
    khoj::ParsedArticle parsed = khoj::parse_json_article(line);
    if (parsed.article) {
        // JSON decoding yields valid UTF-8 only; the reader then normalises every field.
        if (!khoj::is_valid_utf8(parsed.article->body)) __builtin_trap();
        (void)khoj::to_nfc(parsed.article->title);
        (void)khoj::to_nfc(parsed.article->body);
    }
    return 0;
}
