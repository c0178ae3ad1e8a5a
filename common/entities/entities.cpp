/** @file entities.cpp @brief Entity kinds, the gazetteer and its lookup, and EntityExtractor over the matcher (entity_matcher.cpp). */
#include "common/entities/entities.h"

#include "common/entities/entity_matcher.h"
#include "common/entities/entity_words.h"
#include "common/util/errors.h"
#include "common/util/string_util.h"
#include "common/util/unicode_text.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <unordered_set>

namespace khoj {

extern const char* const kGazetteerTsv;  // generated from common/entities/data/gazetteer.tsv

namespace {

// Gazetteer::resolve compares a whole name with whole aliases (a query filter such as
// person:modi, or an unknown name the rules found), so a key of 3 letters is distinctive enough
// there; the matcher, which tries aliases at every word of a text, wants 4 (entity_matcher.cpp).
constexpr std::size_t kMinTypedKeyLength = 3;

std::string word_key(const std::string& exact, Script script) { return word_facts(exact, script).key; }

std::string word_folded(const std::string& exact, Script script) { return word_facts(exact, script).folded; }

// A word that is an acronym alias written in capitals (WHO, UP), or made of capitals and digits (G20).
bool is_acronym_alias(std::string_view alias) {
    if (alias.size() > 8 || alias.find(' ') != std::string_view::npos) return false;
    return all_capitals(alias) && std::all_of(alias.begin(), alias.end(), [](char c) {
               return std::isupper(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) ||
                      c == '&' || c == '(' || c == ')' || c == '-';
           });
}

}  // namespace

const char* kind_name(EntityKind kind) {
    switch (kind) {
        case EntityKind::Person: return "person";
        case EntityKind::Place: return "place";
        case EntityKind::Organisation: return "org";
    }
    return "person";
}

std::optional<EntityKind> kind_from_name(std::string_view name) {
    for (EntityKind kind : kEntityKinds) {
        if (name == kind_name(kind)) return kind;
    }
    return std::nullopt;
}

Gazetteer::Gazetteer(std::string_view tsv) {
    static std::atomic<std::uint64_t> gazetteers_made{0};
    serial_ = ++gazetteers_made;
    Analyzer analyzer;
    std::size_t line_no = 0;
    for (const std::string& raw : split(tsv, '\n')) {
        ++line_no;
        std::string line = raw;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (trim(line).empty() || line[0] == '#') continue;
        std::vector<std::string> fields = split(line, '\t');
        if (fields.size() < 3 || fields.size() > 4)
            throw Error("gazetteer line " + std::to_string(line_no) + ": expected 4 tab-separated fields");
        const std::optional<EntityKind> kind = kind_from_name(fields[0]);
        if (!kind) throw Error("gazetteer line " + std::to_string(line_no) + ": unknown kind '" + fields[0] + "'");
        Entity entity;
        entity.kind = *kind;
        entity.name_en = trim(fields[1]);
        entity.name = to_nfc(trim(fields[2]));
        if (entity.name_en.empty() || entity.name.empty())
            throw Error("gazetteer line " + std::to_string(line_no) + ": empty name");
        const std::size_t index = entities_.size();
        entities_.push_back(entity);
        std::vector<std::string> spellings = {entity.name, entity.name_en};
        if (fields.size() == 4)
            for (const std::string& a : split(fields[3], '|'))
                if (!trim(a).empty()) spellings.push_back(trim(a));
        for (const std::string& spelling : spellings) {
            std::string nfc = to_nfc(spelling);
            Alias alias;
            alias.entity = index;
            alias.acronym = is_acronym_alias(nfc);
            for (const Token& t : analyzer.tokenize(nfc)) {
                alias.exact.push_back(t.exact);
                alias.folded.push_back(word_folded(t.exact, t.script));
                alias.keys.push_back(alias.acronym ? std::string() : word_key(t.exact, t.script));
            }
            if (alias.exact.empty()) continue;
            const std::size_t a = aliases_.size();
            by_first_exact_[alias.exact[0]].push_back(a);
            if (alias.folded[0] != alias.exact[0]) by_first_exact_[alias.folded[0]].push_back(a);
            if (!alias.keys[0].empty()) by_first_key_[alias.keys[0]].push_back(a);
            aliases_.push_back(std::move(alias));
        }
    }
}

const Gazetteer& Gazetteer::builtin() {
    static const Gazetteer gazetteer(kGazetteerTsv);
    return gazetteer;
}

const std::vector<std::size_t>* Gazetteer::starting_with_exact(const std::string& form) const {
    auto it = by_first_exact_.find(form);
    return it == by_first_exact_.end() ? nullptr : &it->second;
}

const std::vector<std::size_t>* Gazetteer::starting_with_key(const std::string& key) const {
    auto it = by_first_key_.find(key);
    return it == by_first_key_.end() ? nullptr : &it->second;
}

std::vector<std::size_t> Gazetteer::lookup(EntityKind kind, std::string_view alias) const {
    std::string text = to_nfc(alias);
    std::replace(text.begin(), text.end(), '_', ' ');
    thread_local Analyzer analyzer;
    std::vector<Token> tokens = analyzer.tokenize(text);
    if (tokens.empty()) return {};
    std::vector<std::string> folded, keys;
    for (const Token& t : tokens) {
        folded.push_back(word_folded(t.exact, t.script));
        keys.push_back(word_key(t.exact, t.script));
    }
    std::vector<std::size_t> candidates;
    for (const auto* list : {starting_with_exact(tokens[0].exact), starting_with_exact(folded[0]),
                             keys[0].empty() ? nullptr : starting_with_key(keys[0])})
        if (list) candidates.insert(candidates.end(), list->begin(), list->end());
    std::vector<std::size_t> by_form, by_key;
    for (std::size_t a : candidates) {
        const Alias& al = aliases_[a];
        if (al.exact.size() != tokens.size()) continue;
        if (entities_[al.entity].kind != kind) continue;
        bool form = true, key = true;
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            bool f = tokens[i].exact == al.exact[i] || folded[i] == al.folded[i];
            form = form && f;
            key = key && (f || (!al.keys[i].empty() && keys[i].size() >= kMinTypedKeyLength && keys[i] == al.keys[i]));
        }
        if (form) by_form.push_back(al.entity);
        else if (key) by_key.push_back(al.entity);
    }
    std::vector<std::size_t>& found = by_form.empty() ? by_key : by_form;
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
}

std::optional<Entity> Gazetteer::resolve(EntityKind kind, std::string_view alias) const {
    std::vector<std::size_t> found = lookup(kind, alias);
    if (found.size() != 1) return std::nullopt;
    return entities_[found[0]];
}

std::string entity_slug(const Entity& entity) {
    std::string out;
    for (char c : entity.name_en) {
        unsigned char u = static_cast<unsigned char>(c);
        if (u < 0x80 && std::isalnum(u)) {
            out += static_cast<char>(std::tolower(u));
        } else if ((c == ' ' || c == '-' || c == '_' || c == '.') && !out.empty() && out.back() != '_') {
            out += '_';
        }
    }
    while (!out.empty() && out.back() == '_') out.pop_back();
    return out;
}

EntityExtractor::EntityExtractor(const Gazetteer& gazetteer) : gazetteer_(gazetteer) {}

std::vector<Entity> EntityExtractor::extract(std::string_view title, std::string_view body, Analyzer& analyzer) const {
    const std::string title_nfc = to_nfc(title), body_nfc = to_nfc(body);
    return extract(title_nfc, analyzer.tokenize(title_nfc), body_nfc, analyzer.tokenize(body_nfc));
}

std::vector<Entity> EntityExtractor::extract(std::string_view title, const std::vector<Token>& title_tokens, std::string_view body,
                                             const std::vector<Token>& body_tokens) const {
    std::vector<Entity> result;
    std::unordered_set<std::string> seen;
    for (auto [text, tokens] : {std::pair{title, &title_tokens}, std::pair{body, &body_tokens}}) {
        std::vector<EntityMatch> matches = match_entities(gazetteer_, text, *tokens);
        std::stable_sort(matches.begin(), matches.end(),
                         [](const EntityMatch& a, const EntityMatch& b) { return a.start < b.start; });
        for (const EntityMatch& m : matches) {
            std::string id = std::string(kind_name(m.entity.kind)) + "\t" + m.entity.name_en;
            if (seen.insert(id).second) result.push_back(m.entity);
        }
    }
    return result;
}

}  // namespace khoj
