/** @file html_article_fuzz.cpp @brief libFuzzer target: the bytes of a web page through parse_html_article (charset, libxml2's parser, the extraction). */
#include "common/ingest/html_article.h"
#include "common/util/unicode_text.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const khoj::ParsedArticle parsed = khoj::parse_html_article(bytes, "fuzz", khoj::HtmlPageHints{"https://example.org/a/b.html", ""});
    if (!parsed.article) {
        if (parsed.error.empty()) __builtin_trap();  // no article always says why
        return 0;
    }
    const khoj::Article& a = *parsed.article;
    // Every field is valid UTF-8 whatever the charset, and decoding grows text at most threefold
    // (a single-byte charset's byte is at most three UTF-8 bytes), plus the paragraph breaks.
    for (const std::string* field : {&a.id, &a.title, &a.body, &a.date, &a.source, &a.url}) {
        if (!khoj::is_valid_utf8(*field)) __builtin_trap();
    }
    if (a.title.size() + a.body.size() > 4 * size + 16) __builtin_trap();
    if (!a.date.empty() && a.date.size() != 10) __builtin_trap();
    return 0;
}
