/** @file english_lexicon.h @brief English words and phrases → the Hindi words news papers use for them: Khoj's news glossary first, then the FreeDict English-Hindi dictionary. */
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace khoj {

/// Where a translation comes from: how much it is trusted.
enum class LexiconSource { Glossary, FreeDict };

/// One Hindi translation of an English headword.
struct Translation {
    std::string hindi;     ///< one word or a short phrase (words separated by one space)
    LexiconSource source;  ///< which list gave it
    int rank = 0;          ///< its place in that list's entry: 0 = the first, likeliest sense
};

/// The English → Hindi lists compiled into the library (common/text/data/news_glossary.tsv and
/// freedict_eng_hin.tsv), both sorted by headword and searched in place by binary search, so
/// nothing is parsed at start-up.
class EnglishLexicon {
  public:
    /// Two TSV texts (headword TAB translations separated by |, '#' comment lines first), each
    /// sorted byte-wise by headword.
    EnglishLexicon(std::string_view glossary_tsv, std::string_view dictionary_tsv);

    /// The lists compiled into libkhoj.
    static const EnglishLexicon& builtin();

    /// Translations of a lower-case headword ("hospital", "death toll"): the glossary's when it
    /// has the headword (it was written for the gaps and noise of the dictionary), else the
    /// dictionary's; likeliest first. Empty when neither knows it.
    std::vector<Translation> translations(std::string_view headword) const;

    /// True when either list has @p headword.
    bool knows(std::string_view headword) const;

    /// True when either list has a headword that starts with @p words followed by a space:
    /// whether a longer phrase ("death toll" after "death") is worth trying.
    bool has_phrase_starting(std::string_view words) const;

  private:
    std::string_view glossary_, dictionary_;
};

}  // namespace khoj
