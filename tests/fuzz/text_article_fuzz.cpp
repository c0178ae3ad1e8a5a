/** @file text_article_fuzz.cpp @brief libFuzzer target: the bytes of a .txt file through parse_text_article. */
#include "common/ingest/input_formats.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    khoj::ParsedArticle parsed = khoj::parse_text_article(text, "fuzz");
    // Headline and body come from the input and never hold more than it.
    if (!parsed.article || parsed.article->title.size() + parsed.article->body.size() > size) __builtin_trap();
    return 0;
}
