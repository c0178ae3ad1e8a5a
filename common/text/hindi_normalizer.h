/** @file hindi_normalizer.h @brief Hindi orthographic normalisation in two strengths, each rule documented with an example. */
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace khoj {

/// Folds the many ways Hindi newspapers encode one word onto a single spelling.
///
/// Two strengths, applied at different points of the analysis chain:
///  - orthographic(): only differences of *encoding*, never of spelling. Its output is the
///    "exact" term used for phrases and highlighting.
///  - spelling_variants(): differences of *spelling* that papers do not agree on. It runs
///    after stemming, because the Snowball Hindi stemmer recognises suffixes by their long
///    vowels (पढ़ता / पढ़ती both lose their suffix only while ी is still ी).
namespace hindi_normalizer {

/// Encoding-level folding of one NFC word:
///  - ZWJ/ZWNJ, soft hyphen and BOM inside words are dropped: दिल्‍ली (with ZWJ) → दिल्ली;
///  - the nukta is dropped, precomposed or combining: क़ानून → कानून, ज़रूरी → जरूरी;
///  - chandrabindu becomes anusvara: जहाँ → जहां;
///  - a nasal consonant with virama before a stop becomes anusvara: हिन्दी → हिंदी,
///    सम्बन्ध → संबंध (not before a sibilant, semivowel or nasal: एम्स, अन्य, सम्मान);
///  - Devanagari digits become ASCII: २०२० → 2020;
///  - Latin letters are case-folded: WHO → who.
std::string orthographic(std::string_view word);

/// Spelling-variant folding of a stem (after orthographic() and stemming):
///  - long i/u become short: पॉजीटिव → पॉजिटिव, जरूरी → जरुरि;
///  - candra o and candra e become ा / े: लॉकडाउन → लाकडाउन, डॉक्टर → डाक्टर;
///  - a final virama is dropped: जगत् → जगत.
std::string spelling_variants(std::string_view stem);

/// The letter of @p cp in a word's consonant skeleton, or 0 for none: Devanagari consonants
/// other than the nasals, nukta letters as their base (ज़ → ज, ऱ → र), and independent vowels.
/// Everything orthographic() may drop, add or turn into another character has no letter (nukta,
/// ZWJ/ZWNJ, chandrabindu, anusvara, virama, the nasals ङ ञ ण न म, which become anusvara before
/// a stop), and neither have vowel signs, which may stand loose after a space in scraped text:
/// so the skeleton of a word and of its orthographic() form are the same (हिन्दी and हिंदी: ह द),
/// and every run of text between two words has none. Phrase checks use it to find where a
/// phrase could be before segmenting any text (PhraseChecks).
char32_t skeleton_letter(char32_t cp);

/// The skeleton letters of @p text in order (skeleton_letter): प्रवासी मजदूर → पर व स ज द र;
/// with @p offsets, also the byte offset in @p text where each letter's code point starts.
std::u32string consonant_skeleton(std::string_view text, std::vector<std::size_t>* offsets = nullptr);

}  // namespace hindi_normalizer
}  // namespace khoj
