/** @file copy_signature.h @brief Near-duplicate signatures of an article: word shingles, their Jaccard similarity, and MinHash band keys for finding copies. */
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace khoj {

/// Words in a shingle. Three: two-word shingles are shared by unrelated stories ("के लिए",
/// "कोरोना वायरस"), four-word ones already break at every edited word.
constexpr std::size_t kShingleWords = 3;

/// MinHash banding (locality-sensitive hashing): kCopyBands bands of kRowsPerBand minimum
/// hashes each; two articles of Jaccard similarity J share a band with probability
/// 1 − (1 − J²)⁴: 0.68 at J = 0.5, 0.94 at 0.7, 0.9997 at 0.9. Two rows a band keep unrelated
/// articles from meeting on one common shingle (with one row, two candidates an article were
/// not copies); each band is one term of every article, so their number is index bytes.
constexpr std::size_t kCopyBands = 4;
constexpr std::size_t kRowsPerBand = 2;

/// Two articles are copies when the Jaccard similarity of their shingle sets is at least this.
/// Measured on the COVID corpus against tests/copies/covid-copy-pairs.tsv (README): 0.45 groups
/// one copy more and three articles that are not (precision 0.90, recall 0.85), 0.5 has
/// precision 0.95 and recall 0.81; a story wrongly hidden under another costs a reader more
/// than a copy shown twice.
constexpr double kCopySimilarity = 0.5;

/// What an article's text says about its copies.
struct CopySignature {
    std::vector<std::uint64_t> shingles;            ///< hashes of its word shingles, sorted, unique
    std::array<std::uint32_t, kCopyBands> bands{};  ///< band keys: a shared key makes a candidate copy
    bool empty() const { return shingles.empty(); }
};

/// The signature of an article from its NFC headline and body, read as one run of words.
/// Words are read here, lightly and without the analysis chain, because the writer reads the
/// stored text of every candidate copy again to compare it, and the analyser would cost it a
/// third of a millisecond each: a word is a run of letters, marks and digits; nukta and
/// zero-width joiners are dropped, chandrabindu is anusvara, long ī and ū are short, digits are
/// ASCII and Latin is lower case (the spellings papers mix: नए/नये stay two words). Fewer words
/// than a shingle make one shingle; no words, an empty signature (no bands).
CopySignature copy_signature(std::string_view title, std::string_view body);

/// The Jaccard similarity of two sorted, unique shingle sets: shared shingles over all shingles
/// (0 when both are empty).
double shingle_similarity(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b);

}  // namespace khoj
