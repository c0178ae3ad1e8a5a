/** @file hindi_stemmer.h @brief Snowball's Hindi stemmer (libstemmer) wrapped as a Xapian::StemImplementation. */
#pragma once
#include <xapian.h>

#include <string>

struct sb_stemmer;

namespace khoj {

/// Xapian 1.4 ships no Hindi stemmer; this adapts Snowball's (Debian libstemmer) to Xapian::Stem.
///
/// Short words are guarded: Snowball strips a vowel sign even when one letter remains, so
/// की would become क and में would become म, colliding with unrelated words. A stem is kept
/// only when it still has two letters (consonants or independent vowels); otherwise the word
/// is returned unchanged. The stemmer is not thread-safe: one instance per thread.
class HindiStemmer : public Xapian::StemImplementation {
  public:
    HindiStemmer();
    ~HindiStemmer() override;
    HindiStemmer(const HindiStemmer&) = delete;
    HindiStemmer& operator=(const HindiStemmer&) = delete;

    /// Returns the stem of one orthographically normalised Devanagari word.
    std::string operator()(const std::string& word) override;
    /// Names the algorithm, as Xapian::Stem::get_description() reports it.
    std::string get_description() const override;

  private:
    sb_stemmer* stemmer_;
};

/// Counts the letters (consonants and independent vowels, not signs) of a Devanagari word.
std::size_t devanagari_letter_count(const std::string& word);

}  // namespace khoj
