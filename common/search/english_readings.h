/** @file english_readings.h @brief The readings of a Latin query word beyond romanised Hindi: a known name (the gazetteer's English aliases), an English word's Hindi translations, its English pronunciation, each kept only if the index has it. */
#pragma once
#include "common/text/analyzer.h"

#include "common/search/vocabulary.h"

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace khoj {

/// What a reading rests on, which decides how sure it is.
enum class ReadingKind {
    Name,           ///< a gazetteer entity's Devanagari name: Delhi → दिल्ली
    Glossary,       ///< Khoj's news glossary: hospital → अस्पताल, हॉस्पिटल
    Dictionary,     ///< the FreeDict dictionary: satellite → उपग्रह
    Pronunciation,  ///< the English sound, matched against the index's words: police → पुलिस
};

/// One way a typed word (or a few adjacent words) may be meant, as words of the index.
struct EnglishReading {
    std::vector<std::string> words;  ///< orthographic Devanagari words; several = a phrase, all of which must match
    ReadingKind kind = ReadingKind::Name;
    double weight = 1;               ///< how sure the reading is (1 = certain)
    double distance = 0;             ///< Pronunciation: pronunciation_distance() from the English sound
    std::string reason;              ///< for --explain: "name Delhi", "translation of doctor (glossary)", …
};

/// Reads Latin words as a name, an English word's translations, or an English sound, against
/// one index: a reading survives only if every word of it has articles there.
class EnglishReader {
  public:
    EnglishReader(const Vocabulary& vocabulary, Analyzer& analyzer);

    /// The Devanagari names of the gazetteer entity whose English name or Latin alias is exactly
    /// @p text (case-insensitive; acronym aliases only in capitals): "Delhi" → दिल्ली, नई दिल्ली.
    std::vector<EnglishReading> names(std::string_view text);

    /// True when names() reads @p text as a person: papers often write part of a person's name
    /// (राहुल for Rahul Gandhi), so the words of the name are searched too.
    bool names_a_person(std::string_view text) const;

    /// True when the English lists know @p text or a base form of it (doctors → doctor).
    bool is_english(std::string_view text) const;

    /// Hindi translations of @p text or of its base form, glossary before dictionary, likeliest
    /// first; the dictionary's only while they are attested (in 3+ articles), at most three.
    std::vector<EnglishReading> translations(std::string_view text);

    /// Index words that sound like @p text said in English (and like its base form), closest
    /// first, each with its pronunciation_distance(); words that are far are left out.
    std::vector<EnglishReading> pronunciations(std::string_view text);

    /// Articles with a form of every content word of @p words (0 when one is missing; stop
    /// words are not indexed and count as present).
    Xapian::doccount frequency(const std::vector<std::string>& words);

  private:
    void add_pronunciations(const std::string& english, std::vector<EnglishReading>& out);

    Vocabulary vocabulary_;
    Analyzer& analyzer_;
};

}  // namespace khoj
