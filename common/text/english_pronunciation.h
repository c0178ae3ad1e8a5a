/** @file english_pronunciation.h @brief How an English word sounds, written the way Hindi romanisation writes Devanagari: police /pəˈliːs/ → "pAliis", so the index's own lookup keys find पुलिस and not पॉलिसी. */
#pragma once
#include <string>
#include <string_view>

namespace khoj {

/// Marks a reduced vowel (ə, ɐ, ᵻ) in a pronounced spelling: Hindi loanwords write it with any
/// short vowel or none (police → पुलिस, hospital → हॉस्पिटल, ambulance → एंबुलेंस).
constexpr char kReducedVowel = 'A';

/// Rewrites IPA, as espeak-ng writes it for American English, in the Latin conventions of
/// devanagari_to_latin(): police "pəlˈiːs" → "pAliis", update "ˈʌpdeɪt" → "apdet", doctor
/// "dˈɑːktɚ" → "doktAr", hospital "hˈɑːspɪɾəl" → "hospitAl" (the flap is said t in India),
/// meeting → "miiting". Reduced vowels become kReducedVowel; stress marks and unknown symbols are dropped.
std::string ipa_to_hindi_latin(std::string_view ipa);

/// How far a pronounced spelling (from ipa_to_hindi_latin) is from a Devanagari word: a weighted
/// edit distance like key_distance(), except that a reduced vowel matches any short vowel or
/// none almost freely and vowel quality costs less than in a romanised spelling (English vowels
/// reach Hindi unevenly). "pAliis" is 0.1 from पुलिस and over 0.9 from पॉलिसी.
double pronunciation_distance(std::string_view pronounced, std::string_view devanagari_word);

/// The lookup form of a pronounced spelling: lower case, reduced vowels as "a", ready for
/// romanisation_key() and consonant_skeleton().
std::string pronounced_lookup_form(std::string_view pronounced);

/// English pronunciation from espeak-ng (Debian libespeak-ng1), opened and loaded on first use
/// and shared by the whole process (espeak-ng keeps global state: calls are serialised).
class EnglishPronouncer {
  public:
    /// The process-wide pronouncer.
    static EnglishPronouncer& instance();

    /// IPA of @p text (one or more English words; spaces between words dropped); "" when
    /// espeak-ng or its data is unavailable, so that English pronunciation is simply not tried.
    std::string ipa(std::string_view text);

    /// ipa_to_hindi_latin(ipa(text)), "" when unavailable.
    std::string hindi_latin(std::string_view text) { return ipa_to_hindi_latin(ipa(text)); }

  private:
    EnglishPronouncer() = default;
    bool start();
    int state_ = 0;  // 0 not started, 1 ready, -1 unavailable
};

}  // namespace khoj
