/** @file copy_signature.cpp @brief Word shingles, their hashes, MinHash and band keys (MinHash LSH after Broder 1997 and Indyk–Motwani). */
#include "common/text/copy_signature.h"

#include "common/util/unicode_text.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <limits>

namespace khoj {

namespace {

// SplitMix64's finaliser: every input bit reaches every output bit.
std::uint64_t mix(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ull;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

constexpr std::uint64_t kFnvOffset = 1469598103934665603ull, kFnvPrime = 1099511628211ull;

// The code point as it counts in a word (0: dropped, inside a word), or none (U+FFFF: not a
// word character). Devanagari is decided by its block, the rest by ICU.
char32_t word_character(char32_t cp) {
    if (cp >= 'A' && cp <= 'Z') return cp - 'A' + 'a';
    if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) return cp;
    if (cp >= 0x0900 && cp <= 0x097F) {
        if (cp == 0x0964 || cp == 0x0965 || cp == 0x0970) return 0xFFFF;  // danda, double danda, abbreviation sign
        if (cp == 0x093C) return 0;                                       // nukta: क़ानून = कानून
        if (cp == 0x0901) return 0x0902;                                  // chandrabindu: जहाँ = जहां
        if (cp == 0x0940) return 0x093F;                                  // ी = ि
        if (cp == 0x0942) return 0x0941;                                  // ू = ु
        if (cp >= 0x0966 && cp <= 0x096F) return cp - 0x0966 + '0';
        return cp;
    }
    if (cp == 0x200C || cp == 0x200D) return 0;  // ZWNJ, ZWJ: दिल्‍ली = दिल्ली
    if (cp < 0x80) return 0xFFFF;
    if (u_isUAlphabetic(static_cast<UChar32>(cp)) || u_isdigit(static_cast<UChar32>(cp)) || (U_GET_GC_MASK(cp) & U_GC_M_MASK))
        return static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
    return 0xFFFF;
}

// The hash of each word of @p text, appended to @p words (no word is built as a string).
void word_hashes(std::string_view text, std::vector<std::uint64_t>& words) {
    std::uint64_t h = kFnvOffset;
    bool in_word = false;
    for (std::size_t i = 0; i < text.size();) {
        const char32_t c = word_character(next_code_point(text, i));
        if (c == 0xFFFF) {
            if (in_word) words.push_back(mix(h));
            h = kFnvOffset;
            in_word = false;
        } else if (c != 0) {
            h = (h ^ c) * kFnvPrime;
            in_word = true;
        }
    }
    if (in_word) words.push_back(mix(h));
}

std::vector<std::uint64_t> shingle_hashes(std::string_view title, std::string_view body) {
    std::vector<std::uint64_t> words;
    word_hashes(title, words);
    word_hashes(body, words);
    std::vector<std::uint64_t> shingles;
    if (words.empty()) return shingles;
    const std::size_t count = words.size() < kShingleWords ? 1 : words.size() - kShingleWords + 1;
    shingles.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        // Order matters in a shingle: each word is mixed with what came before it.
        std::uint64_t h = 0;
        for (std::size_t k = i; k < std::min(words.size(), i + kShingleWords); ++k) h = mix(h * 31 + words[k]);
        shingles.push_back(h);
    }
    std::sort(shingles.begin(), shingles.end());
    shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
    return shingles;
}

}  // namespace

CopySignature copy_signature(std::string_view title, std::string_view body) {
    CopySignature signature;
    signature.shingles = shingle_hashes(title, body);
    if (signature.shingles.empty()) return signature;
    // kCopyBands × kRowsPerBand hash functions a·x + c (mod 2⁶⁴), odd a: x is already a
    // well-mixed hash, so one multiply-add per function and shingle permutes well enough.
    constexpr std::size_t kFunctions = kCopyBands * kRowsPerBand;
    std::array<std::uint64_t, kFunctions> minimum;
    minimum.fill(std::numeric_limits<std::uint64_t>::max());
    for (std::uint64_t shingle : signature.shingles) {
        for (std::size_t f = 0; f < kFunctions; ++f) {
            const std::uint64_t a = (0x9E3779B97F4A7C15ull * (2 * f + 1)) | 1, c = 0xD1B54A32D192ED03ull * (f + 1);
            minimum[f] = std::min(minimum[f], a * shingle + c);
        }
    }
    for (std::size_t band = 0; band < kCopyBands; ++band) {
        std::uint64_t key = band + 1;
        for (std::size_t row = 0; row < kRowsPerBand; ++row) key = mix(key * kFnvPrime ^ minimum[band * kRowsPerBand + row]);
        signature.bands[band] = static_cast<std::uint32_t>(key >> 32);
    }
    return signature;
}

double shingle_similarity(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
    std::size_t shared = 0;
    for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
        if (a[i] == b[j]) {
            ++shared;
            ++i;
            ++j;
        } else if (a[i] < b[j]) {
            ++i;
        } else {
            ++j;
        }
    }
    const std::size_t all = a.size() + b.size() - shared;
    return all == 0 ? 0.0 : static_cast<double>(shared) / static_cast<double>(all);
}

}  // namespace khoj
