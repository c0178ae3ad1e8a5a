/** @file term_impact.h @brief BM25's document-length normalisation done once at indexing time: each term's wdf is stored as its length-normalised frequency. */
#pragma once
#include <xapian.h>

#include <algorithm>
#include <cmath>

namespace khoj::impact {

// Why: Xapian 1.4 reads a matching document's length from a list of every document's length,
// walked forward within each 2 KB chunk; a word in one article of fifty made the search decode
// the lengths of all the others (at 340,000 articles वुहान spent 1.0 of its 1.4 ms there, and the
// cost grew with the archive, not with the word's articles). BM25 only uses the length to scale
// the word's frequency: tf / (1 - b + b × length / average). Stored already scaled (an "impact",
// as impact-ordered indexes such as PISA's do), it is searched with BM25 at b = 0, which reads no
// length: the cost follows the word's own postings. The stock xapian-tcpsrv runs that BM25 too.

/// b: how strongly document length normalises the word counts (0 none, 1 full). Lucene's
/// default 0.75 (Xapian's is 0.5), so comparisons with the Lucene anchor are like for like.
constexpr double kLengthNormalisation = 0.75;
/// Normalised document lengths below this are clamped to it, so very short documents do not get
/// large weights. Xapian's BM25 default.
constexpr double kMinNormalisedLength = 0.5;
/// The average document length the normalisation divides by: fixed, not the archive's own, so
/// an article's impacts do not depend on what was indexed before it or beside it (one index and
/// its shards score alike, and an old article needs no re-indexing as the archive grows). It is
/// the average Xapian length (the sum of an article's wdfs before scaling) of the 3,395 COVID
/// articles of ../shared/corpora: 116.4.
constexpr double kAverageLength = 116.4;
/// Impacts are whole numbers (Xapian's wdf): the scaled frequency is multiplied by this before
/// rounding. At 64 a word once in an average article stores 64 (still one byte in a posting),
/// rounding moves a frequency by at most 0.8% and a term's BM25 weight by under 0.5% (Lucene
/// keeps document lengths in one byte, about 6%), and scripts/eval gives today's figures to the
/// third decimal; at 16, D, H and L each fell by 0.001. The search multiplies k1 by the same factor.
constexpr double kScale = 64;
/// The wdf stored for a word @p wdf times in an article whose Xapian length (the sum of its
/// unscaled wdfs) is @p length: kScale × wdf / (1 - b + b × max(length / average, minimum)), at least 1.
inline Xapian::termcount scaled_wdf(Xapian::termcount wdf, Xapian::termcount length) {
    const double normalised = std::max(static_cast<double>(length) / kAverageLength, kMinNormalisedLength);
    const double scaled = kScale * wdf / (1 - kLengthNormalisation + kLengthNormalisation * normalised);
    return std::max<Xapian::termcount>(1, static_cast<Xapian::termcount>(std::lround(scaled)));
}

}  // namespace khoj::impact
