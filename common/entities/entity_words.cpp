/** @file entity_words.cpp @brief Parsing of the entity word lists and the per-thread memo of word facts. */
#include "common/entities/entity_words.h"

#include "common/text/hindi_normalizer.h"
#include "common/text/romanisation.h"
#include "common/util/errors.h"
#include "common/util/string_util.h"
#include "common/util/unicode_text.h"

#include <unordered_map>

namespace khoj {

extern const char* const kEntityWordsTsv;  // generated from common/entities/data/entity_words.tsv

namespace {

// The list a data-file name stands for; nullptr for an unknown name.
EntityWords::Set* list_named(EntityWords& words, std::string_view name) {
    if (name == "role") return &words.role_words;
    if (name == "organisation") return &words.organisation_words;
    if (name == "nationality") return &words.nationality_adjectives;
    if (name == "domestic") return &words.domestic_adjectives;
    if (name == "common") return &words.common_words;
    if (name == "determiner") return &words.determiners;
    if (name == "domestic_place") return &words.domestic_places;
    if (name == "dotted_title") return &words.dotted_titles;
    if (name == "honorific") return &words.honorifics;
    if (name == "connective") return &words.name_connectives;
    if (name == "function") return &words.function_words;
    if (name == "descriptor") return &words.descriptors;
    if (name == "place_in_name") return &words.place_in_name;
    return nullptr;
}

std::string word_key_uncached(const std::string& exact, Script script) {
    if (script == Script::Devanagari) return romanisation_key_of_devanagari(exact);
    if (script == Script::Latin) return romanisation_key(exact);
    return {};
}

}  // namespace

EntityWords::EntityWords(std::string_view tsv) {
    std::size_t line_no = 0;
    for (std::string line : split(tsv, '\n')) {
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (trim(line).empty() || line[0] == '#') continue;
        const std::vector<std::string> fields = split(line, '\t');
        const std::string where = "entity word list line " + std::to_string(line_no);
        if (fields.size() != 2) throw Error(where + ": expected LIST<TAB>WORD");
        Set* list = list_named(*this, trim(fields[0]));
        if (!list) throw Error(where + ": unknown list '" + trim(fields[0]) + "'");
        const std::string word = trim(fields[1]);
        if (word.empty()) throw Error(where + ": empty word");
        // Gazetteer names are compared as written; words as the analyser writes Token::exact.
        list->insert(list == &domestic_places ? word : hindi_normalizer::orthographic(to_nfc(word)));
    }
}

const EntityWords& EntityWords::builtin() {
    static const EntityWords words(kEntityWordsTsv);
    return words;
}

namespace {

WordFacts facts_of(const std::string& exact, Script script) {
    const EntityWords& lists = EntityWords::builtin();
    WordFacts facts;
    facts.key = word_key_uncached(exact, script);
    facts.folded = script == Script::Devanagari ? hindi_normalizer::spelling_variants(exact) : exact;
    facts.is_common_word = lists.common_words.count(exact) > 0;
    facts.is_role_word = lists.role_words.count(exact) > 0;
    facts.is_organisation_word = lists.organisation_words.count(exact) > 0;
    facts.is_nationality_adjective = lists.nationality_adjectives.count(exact) > 0;
    facts.is_function_word = lists.function_words.count(exact) > 0;
    facts.is_descriptor = lists.descriptors.count(exact) > 0;
    return facts;
}

}  // namespace

const WordFacts& word_facts(const std::string& exact, Script script) {
    static thread_local std::unordered_map<std::string, WordFacts> memo[3];
    auto& remembered = memo[script == Script::Devanagari ? 0 : script == Script::Latin ? 1 : 2];
    auto it = remembered.find(exact);
    if (it != remembered.end()) return it->second;
    if (remembered.size() >= kMaxRememberedForms) remembered.clear();
    return remembered.emplace(exact, facts_of(exact, script)).first->second;
}

const WordFacts& word_facts(const AnalysedForm& form) {
    // entities/ is the extension's one user, so what is there is a WordFacts.
    if (!form.extension) form.extension = std::make_unique<const WordFacts>(facts_of(form.exact, form.script));
    return static_cast<const WordFacts&>(*form.extension);
}

}  // namespace khoj
