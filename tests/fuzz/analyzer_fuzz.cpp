/** @file analyzer_fuzz.cpp @brief libFuzzer target: any valid UTF-8 text through the analysis chain (NFC, words, normaliser, stemmer, variants). */
#include "common/text/analyzer.h"
#include "common/util/unicode_text.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    // The readers reject invalid UTF-8 before analysis, and so does the query path.
    if (!khoj::is_valid_utf8(text)) return 0;
    static khoj::Analyzer analyzer;
    for (const khoj::Token& token : analyzer.tokenize(khoj::to_nfc(text))) {
        // Every term must fit Xapian's limit, or adding the document would throw mid-run.
        if (token.stem.size() > khoj::kMaxTermBytes) __builtin_trap();
    }
    return 0;
}
