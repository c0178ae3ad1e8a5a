/** @file phrase_checks_fuzz.cpp @brief libFuzzer target: phrase checks screened by consonant skeleton must answer as segmenting the whole text does, on any NFC text. */
#include "common/index/schema.h"
#include "common/ingest/article.h"
#include "common/ingest/record_codec.h"
#include "common/search/phrase_filter.h"
#include "common/text/analyzer.h"
#include "common/util/unicode_text.h"

#include <cstddef>
#include <cstdint>
#include <string>

// The input is "PHRASE TEXT\nARTICLE TEXT": the words of the first line are the phrase (as
// orthographic forms, which is what queries give), the rest the article's body. Phrases made of
// the article's own words are tried too, so most inputs have a phrase to find.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string input(reinterpret_cast<const char*>(data), size);
    if (!khoj::is_valid_utf8(input)) return 0;  // the readers reject invalid UTF-8
    const std::size_t newline = input.find('\n');
    if (newline == std::string::npos) return 0;
    static khoj::Analyzer analyzer;
    static const khoj::RecordCodec codec;
    const std::string body = khoj::to_nfc(input.substr(newline + 1));
    std::vector<khoj::PhraseWords> phrases;
    khoj::PhraseWords typed;
    for (const khoj::Token& t : analyzer.tokenize(khoj::to_nfc(input.substr(0, newline)))) typed.push_back({t.exact});
    if (typed.size() >= 2 && typed.size() <= 4) phrases.push_back(typed);
    const std::vector<khoj::Token> words = analyzer.tokenize(body);
    for (std::size_t i = 0; i + 1 < words.size() && i < 16; ++i) phrases.push_back({{words[i].exact}, {words[i + 1].exact}});
    khoj::Article article;
    article.id = "fuzz";
    article.body = body;
    Xapian::Document doc;
    doc.add_value(khoj::slot::kRecord, codec.compress(khoj::article_to_record(article)));
    for (const khoj::PhraseWords& phrase : phrases) {
        khoj::PhraseChecks checks(&codec);
        const std::size_t n = checks.add(phrase, false);
        if (checks.holds_all({n}, doc) != khoj::text_has_phrase(body, phrase, analyzer)) __builtin_trap();
    }
    return 0;
}
