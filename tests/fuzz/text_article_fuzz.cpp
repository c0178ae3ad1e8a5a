/** @file text_article_fuzz.cpp @brief libFuzzer target: the bytes of a .txt file through parse_text_article, then (valid UTF-8) through clean_scraped_article. */
#include "common/ingest/input_formats.h"
#include "common/ingest/scraped_text.h"
#include "common/util/unicode_text.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    khoj::ParsedArticle parsed = khoj::parse_text_article(text, "fuzz");
    // Headline and body come from the input and never hold more than it.
    if (!parsed.article || parsed.article->title.size() + parsed.article->body.size() > size) __builtin_trap();
    if (!khoj::is_valid_utf8(text)) return 0;  // the reader cleans only what it has checked
    // The text as its own source's template (every line repeated enough), then cleaned: it only ever loses lines.
    khoj::TemplateLines templates;
    for (std::size_t i = 0; i < khoj::TemplateLines::kMinArticles; ++i) templates.add("fuzz", text);
    khoj::Article article = *parsed.article;
    khoj::clean_scraped_article(article, khoj::HeadlineOrigin::kFirstLine, size % 2 ? &templates : nullptr, "fuzz");
    if (article.title.size() + article.body.size() > size) __builtin_trap();
    return 0;
}
