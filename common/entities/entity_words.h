/** @file entity_words.h @brief The entity matcher's word lists (data/entity_words.tsv, compiled in) and what it asks of every word (internal to entities/). */
#pragma once
#include "common/text/analyzer.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace khoj {

/// The word lists of data/entity_words.tsv (the data file says what the matcher does with each).
/// Words are held in NFC and orthographically normalised, as Token::exact is; the English names
/// of domestic_places as written, as Entity::name_en is.
struct EntityWords {
    using Set = std::unordered_set<std::string>;
    Set role_words;              ///< "role": titles and offices before a name (मंत्री, प्रवक्ता, डॉ)
    Set organisation_words;      ///< "organisation": words that close an organisation's name (बैंक, ग्रुप)
    Set nationality_adjectives;  ///< "nationality": रूसी, अमेरिकी, भारतीय
    Set domestic_adjectives;     ///< "domestic": the nationality adjectives that are India's own (भारतीय)
    Set common_words;            ///< "common": frequent words of news text, never name-shaped
    Set determiners;             ///< "determiner": किसी, इस, हर
    Set domestic_places;         ///< "domestic_place": India, Delhi
    Set dotted_titles;           ///< "dotted_title": abbreviations a dot may follow (डॉ.)
    Set honorifics;              ///< "honorific": जी after a name
    Set name_connectives;        ///< "connective": ऑफ, of, फॉर inside an organisation's name
    Set function_words;          ///< "function": closed-class words the stop list lacks (हालांकि, पश्चात), which end a name
    Set descriptors;             ///< "descriptor": what a body is or does (हिंदू, निर्माण), never a name alone
    Set place_in_name;           ///< "place_in_name": ऑफ, ऑल before a place that is a word of a longer name

    /// Parses word-list TSV (LIST<TAB>WORD lines; '#' comment lines and blank lines skipped);
    /// throws khoj::Error on a line without two fields, an empty word or an unknown list.
    explicit EntityWords(std::string_view tsv);

    /// The lists compiled into libkhoj, parsed once.
    static const EntityWords& builtin();
};

/// What the matcher asks of every word of every article: its romanisation key, its folded form
/// and which of the builtin lists hold it.
struct WordFacts : FormExtension {
    std::string key;     ///< romanisation key ("" for numbers and other scripts)
    std::string folded;  ///< hindi_normalizer::spelling_variants of a Devanagari word, else the word
    bool is_common_word = false;
    bool is_role_word = false;
    bool is_organisation_word = false;
    bool is_nationality_adjective = false;
    bool is_function_word = false;
    bool is_descriptor = false;

    /// The gazetteer's aliases whose first word is this one (Gazetteer::starting_with_exact of the
    /// word and of its folded form, starting_with_key of its key), remembered for the gazetteer
    /// whose serial number is @c gazetteer: three hash lookups a word were 3% of indexing CPU.
    struct AliasStarts {
        std::uint64_t gazetteer = 0;  ///< Gazetteer::serial() the lists belong to; 0 for none yet
        const std::vector<std::size_t>* by_exact = nullptr;
        const std::vector<std::size_t>* by_folded = nullptr;
        const std::vector<std::size_t>* by_key = nullptr;
    };
    mutable AliasStarts alias_starts;  ///< filled by the matcher on the thread that owns these facts
};

/// The facts of an orthographically normalised word of @p script. News text repeats a small
/// vocabulary, so each thread remembers them per spelling (up to kMaxRememberedForms, then afresh).
const WordFacts& word_facts(const std::string& exact, Script script);

/// The facts of an Analyzer's @p form, kept with it (AnalysedForm::extension): the matcher's one
/// lookup per word is the Analyzer's own.
const WordFacts& word_facts(const AnalysedForm& form);

}  // namespace khoj
