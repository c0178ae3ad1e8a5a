/** @file entity_matcher.h @brief The matcher that finds the entities of one analysed text: gazetteer aliases, then the role-word and organisation-word rules (internal to entities/, unit-tested). */
#pragma once
#include "common/entities/entities.h"
#include "common/entities/entity_words.h"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace khoj {

/// One word of the text with everything the matcher asks about it.
struct MatchWord {
    std::shared_ptr<const AnalysedForm> form;  ///< the word's spelling and analysis (Token::form, or one made for a hand-made token)
    const WordFacts* facts = nullptr;          ///< word_facts(*form), kept with the form
    std::size_t begin = 0;                     ///< byte offset of the word in the text (Token::begin)
    std::size_t end = 0;                       ///< one past it (Token::end)
    Script script = Script::Other;             ///< Token::script
    bool boundary_before = true;            ///< punctuation, a line break or the start precedes it
    bool gap_is_dot = false;                ///< only "." (and spaces) precede it: डॉ. प्रदीप
    bool gap_is_hyphen = false;             ///< a hyphen joins it to the previous word: सू-सुक
    bool capitalised = false;               ///< a Latin word starting with a capital
    bool all_capitals = false;              ///< a Latin word all in capitals (WHO)
    bool is_stopword = false;               ///< Token::stopword, or in the "function" list of entity_words.tsv
    bool is_common_word = false;            ///< in the "common" list of entity_words.tsv
    bool is_role_word = false;              ///< in the "role" list
    bool is_organisation_word = false;      ///< in the "organisation" list
    bool is_nationality_adjective = false;  ///< in the "nationality" list
    bool is_descriptor = false;             ///< in the "descriptor" list
    bool name_shaped = false;               ///< could be a word of an unknown name
    bool key_usable = false;                ///< a Devanagari word whose romanisation key is distinctive enough to match an alias

    const std::string& exact() const { return form->exact; }    ///< Token::exact
    const std::string& folded() const { return facts->folded; }  ///< spelling-variant form (WordFacts::folded)
    const std::string& key() const { return facts->key; }        ///< romanisation key (WordFacts::key)
};

/// The words of @p text (NFC) with their facts, from its Analyzer::tokenize() @p tokens.
std::vector<MatchWord> analyse_words(std::string_view text, const std::vector<Token>& tokens);

/// An entity found at words [start, start + length) of the text.
struct EntityMatch {
    std::size_t start = 0;
    std::size_t length = 0;
    Entity entity;
};

/// The entities of one text (@p text in NFC, @p tokens its Analyzer::tokenize() result), in the
/// order the rules find them: gazetteer aliases (longest match first), then people after a role
/// word, then organisations closed by an organisation word. Entities may repeat.
std::vector<EntityMatch> match_entities(const Gazetteer& gazetteer, std::string_view text, const std::vector<Token>& tokens);

/// True when @p text has an ASCII letter and no lower-case one (WHO, G20).
bool all_capitals(std::string_view text);

}  // namespace khoj
