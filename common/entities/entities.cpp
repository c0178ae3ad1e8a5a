/** @file entities.cpp @brief Gazetteer lookup and rule-based extraction of people, places and organisations. */
#include "common/entities/entities.h"

#include "common/entities/entity_words.h"

#include "common/util/errors.h"
#include "common/text/hindi_normalizer.h"
#include "common/text/romanisation.h"
#include "common/util/unicode_text.h"

#include <algorithm>
#include <cctype>
#include <unordered_set>

namespace khoj {

extern const char* const kGazetteerTsv;  // generated from common/entities/data/gazetteer.tsv

namespace {

std::string word_key(const std::string& exact, Script script) { return word_facts(exact, script).key; }

std::string word_folded(const std::string& exact, Script script) { return word_facts(exact, script).folded; }

bool all_upper(std::string_view text) {
    bool letter = false;
    for (char c : text) {
        if (std::islower(static_cast<unsigned char>(c))) return false;
        if (std::isupper(static_cast<unsigned char>(c))) letter = true;
    }
    return letter;
}

bool ends_with(const std::string& s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::size_t code_points(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        std::size_t pos = s.find(sep, start);
        out.emplace_back(s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
        if (pos == std::string_view::npos) break;
        start = pos + 1;
    }
    return out;
}

std::string trim(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    return std::string(s.substr(b, e - b));
}

/// One analysed word of the article with everything the matcher asks about it.
struct Word {
    Token token;
    std::string folded;
    std::string key;
    bool boundary_before = true;  // punctuation, a line break or the title/body seam precedes it
    bool gap_is_dot = false;      // only "." (and spaces) precede it: डॉ. प्रदीप
    bool gap_is_hyphen = false;   // a hyphen joins it to the previous word: सू-सुक
    bool capitalised = false;     // Latin word starting with a capital
    bool caps = false;            // Latin word all in capitals
    bool stop = false;
    bool common = false;
    bool role = false;
    bool org_word = false;
    bool adjective = false;
    bool name_shaped = false;
    bool key_usable = false;  // its romanisation key is distinctive enough to match an alias
};

std::vector<Word> analyse(std::string_view nfc, std::vector<Token> tokens) {
    std::vector<Word> words;
    std::size_t prev_end = 0;
    bool first = true;
    for (Token& t : tokens) {
        Word w;
        std::string_view gap = std::string_view(nfc).substr(prev_end, t.begin - prev_end);
        std::string_view original = std::string_view(nfc).substr(t.begin, t.end - t.begin);
        bool only_space = true, has_dot = false, has_hyphen = false, other = false;
        for (std::size_t i = 0; i < gap.size();) {
            char32_t cp = next_code_point(gap, i);
            if (cp == ' ' || cp == 0xA0 || cp == 0x200C || cp == 0x200D || cp == '\t') continue;
            only_space = false;
            if (cp == '.') has_dot = true;
            else if (cp == '-' || cp == 0x2010 || cp == 0x2011) has_hyphen = true;
            else other = true;
        }
        w.boundary_before = first || (!only_space && (other || has_dot));
        w.gap_is_dot = !first && has_dot && !other && !has_hyphen;
        w.gap_is_hyphen = !first && has_hyphen && !other && !has_dot;
        if (w.gap_is_hyphen) w.boundary_before = false;
        first = false;
        prev_end = t.end;
        if (t.script == Script::Latin) {
            w.capitalised = std::isupper(static_cast<unsigned char>(original[0])) != 0;
            w.caps = all_upper(original);
        }
        const WordFacts& facts = word_facts(t.exact, t.script);
        w.folded = facts.folded;
        w.key = facts.key;
        w.stop = t.stopword;
        w.common = facts.is_common_word;
        w.role = facts.is_role_word;
        w.org_word = facts.is_organisation_word;
        w.adjective = facts.is_nationality_adjective;
        // Plural oblique forms are never names; a word starting with a vowel sign is legacy-font debris
        // (ङ्क्षसह for सिंह, normalised to ंक्षसह), not a spelling.
        std::size_t first_cp = 0;
        char32_t lead = t.exact.empty() ? 0 : next_code_point(t.exact, first_cp);
        bool starts_with_mark = (lead >= 0x0900 && lead <= 0x0903) || (lead >= 0x093A && lead <= 0x094F);
        bool plural = ends_with(t.exact, "ों") || ends_with(t.exact, "ियां") || starts_with_mark ||
                      t.exact.find("ङ्क") != std::string::npos;
        if (t.script == Script::Devanagari) {
            w.name_shaped = !w.stop && !w.common && !w.role && !w.org_word && !w.adjective && !plural &&
                            code_points(t.exact) >= 2;
        } else if (t.script == Script::Latin) {
            w.name_shaped = w.capitalised && !w.stop && t.exact.size() >= 2;
        }
        w.key_usable = w.key.size() >= 4 && !w.stop && !w.common && !w.adjective &&
                       (t.script == Script::Devanagari || w.capitalised);
        w.token = std::move(t);
        words.push_back(std::move(w));
    }
    return words;
}

// A word that is an acronym alias written in capitals (WHO, UP), or made of capitals and digits (G20).
bool is_acronym_alias(std::string_view alias) {
    if (alias.size() > 8 || alias.find(' ') != std::string_view::npos) return false;
    return all_upper(alias) && std::all_of(alias.begin(), alias.end(), [](char c) {
               return std::isupper(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) ||
                      c == '&' || c == '(' || c == ')' || c == '-';
           });
}

std::string capitalise_words(std::string s) {
    bool start = true;
    for (char& c : s) {
        if (start && std::islower(static_cast<unsigned char>(c))) c = static_cast<char>(std::toupper(c));
        start = c == ' ';
    }
    return s;
}

// A readable romanisation of one unknown word: devanagari_to_latin with long vowels written once.
std::string readable_latin(const Word& w, std::string_view text) {
    if (w.token.script != Script::Devanagari) return std::string(text.substr(w.token.begin, w.token.end - w.token.begin));
    if (w.token.exact == "सिंह") return "singh";  // the commonest surname, romanised as its bearers write it
    std::string latin = devanagari_to_latin(w.token.exact);
    std::string out;
    for (char c : latin) {
        if (!out.empty() && out.back() == c && (c == 'a' || c == 'i' || c == 'u')) continue;
        out += c;
    }
    return out;
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
        Entity entity;
        if (fields[0] == "person") entity.kind = EntityKind::Person;
        else if (fields[0] == "place") entity.kind = EntityKind::Place;
        else if (fields[0] == "org") entity.kind = EntityKind::Organisation;
        else throw Error("gazetteer line " + std::to_string(line_no) + ": unknown kind '" + fields[0] + "'");
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

std::vector<std::size_t> Gazetteer::lookup(EntityKind kind, bool any_kind, std::string_view alias) const {
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
        if (!any_kind && entities_[al.entity].kind != kind) continue;
        bool form = true, key = true;
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            bool f = tokens[i].exact == al.exact[i] || folded[i] == al.folded[i];
            form = form && f;
            key = key && (f || (!al.keys[i].empty() && keys[i].size() >= 3 && keys[i] == al.keys[i]));
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
    std::vector<std::size_t> found = lookup(kind, false, alias);
    if (found.size() != 1) return std::nullopt;
    return entities_[found[0]];
}

std::optional<Entity> Gazetteer::resolve_any(std::string_view alias) const {
    std::vector<std::size_t> found = lookup(EntityKind::Person, true, alias);
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

namespace {

struct Match {
    std::size_t start = 0;
    std::size_t length = 0;
    Entity entity;
};

class ArticleMatcher {
  public:
    ArticleMatcher(const Gazetteer& g, std::vector<Word> words, std::string_view text)
        : g_(g), w_(std::move(words)), text_(text), owner_(w_.size(), kNone) {}

    void run(std::vector<Match>& out) {
        match_gazetteer();
        for (const Match& m : matches_) out.push_back(m);
        for (Match& m : role_word_people()) out.push_back(m);
        for (Match& m : org_word_organisations()) out.push_back(m);
    }

  private:
    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

    bool word_matches(const Word& w, const Gazetteer::Alias& a, std::size_t j) const {
        if (a.acronym) return w.caps && w.token.exact == a.exact[j];
        if (w.token.exact == a.exact[j] || w.folded == a.folded[j]) return true;
        // One-word aliases need a longer key: बंद (band) is not Banda.
        const std::size_t min_key = a.exact.size() == 1 ? 5 : 4;
        return w.key_usable && w.key.size() >= min_key && !a.keys[j].empty() && w.key == a.keys[j];
    }

    // Length of the alias matched at word i, or 0; "by_form" reports whether no key was needed.
    std::size_t alias_length_at(std::size_t i, const Gazetteer::Alias& a, bool& by_form) const {
        const std::size_t n = a.exact.size();
        if (i + n > w_.size()) return 0;
        by_form = true;
        for (std::size_t j = 0; j < n; ++j) {
            const Word& w = w_[i + j];
            if (j > 0 && w.boundary_before) return 0;
            if (w.token.script == Script::Latin && j == 0 && !w.capitalised) return 0;
            if (!word_matches(w, a, j)) return 0;
            if (w.token.exact != a.exact[j] && w.folded != a.folded[j]) by_form = false;
        }
        return n;
    }

    bool generic_alias(const Gazetteer::Alias& a) const {
        const EntityWords& lists = EntityWords::builtin();
        for (const std::string& e : a.exact)
            if (!lists.common_words.count(e) && !lists.organisation_words.count(e)) return false;
        return true;
    }

    // A foreign place or nationality right before word i: रूस के [रक्षा मंत्रालय], चीनी [वायुसेना].
    bool foreign_qualifier_before(std::size_t i) const {
        if (i == 0 || w_[i].boundary_before) return false;
        const Word& prev = w_[i - 1];
        const EntityWords& lists = EntityWords::builtin();
        if (prev.adjective && !lists.domestic_adjectives.count(prev.token.exact)) return true;
        if (i >= 2 && (prev.token.exact == "के" || prev.token.exact == "की" || prev.token.exact == "का") &&
            !prev.boundary_before && owner_[i - 2] != kNone) {
            const Entity& e = matches_[owner_[i - 2]].entity;
            return e.kind == EntityKind::Place && !lists.domestic_places.count(e.name_en);
        }
        return false;
    }

    bool accept(std::size_t i, const Gazetteer::Alias& a) const {
        const Entity& e = g_.entities()[a.entity];
        const std::size_t n = a.exact.size();
        const bool attached = i > 0 && !w_[i].boundary_before;
        const Word* prev = attached ? &w_[i - 1] : nullptr;
        if (n == 1 && prev && EntityWords::builtin().determiners.count(prev->token.exact)) return false;
        if (e.kind == EntityKind::Organisation && generic_alias(a) && foreign_qualifier_before(i)) return false;
        if (n == 1 && e.kind == EntityKind::Person && prev && prev->name_shaped && owner_[i - 1] == kNone) {
            // नीरव मोदी is not Narendra Modi; ब्लादिमीर पुतिन (an unlisted spelling) is still Putin.
            auto first_key = [](const std::string& name, bool devanagari) {
                std::string first = name.substr(0, name.find(' '));
                return devanagari ? romanisation_key_of_devanagari(first) : romanisation_key(first);
            };
            double d = std::min(key_distance(prev->key, first_key(e.name, true)),
                                key_distance(prev->key, first_key(e.name_en, false)));
            if (d > 1.0) return false;
        }
        return true;
    }

    void match_gazetteer() {
        for (std::size_t i = 0; i < w_.size();) {
            const Word& w = w_[i];
            std::vector<std::size_t> candidates;
            for (const auto* list : {g_.starting_with_exact(w.token.exact), g_.starting_with_exact(w.folded),
                                     w.key_usable ? g_.starting_with_key(w.key) : nullptr})
                if (list) candidates.insert(candidates.end(), list->begin(), list->end());
            std::size_t best_len = 0;
            bool best_form = false;
            std::vector<std::size_t> best;  // entity indices of the best matches
            const Gazetteer::Alias* best_alias = nullptr;
            for (std::size_t a : candidates) {
                const Gazetteer::Alias& al = g_.aliases()[a];
                bool by_form = false;
                std::size_t len = alias_length_at(i, al, by_form);
                if (len == 0 || !accept(i, al)) continue;
                if (len > best_len || (len == best_len && by_form && !best_form)) {
                    best_len = len;
                    best_form = by_form;
                    best.assign(1, al.entity);
                    best_alias = &al;
                } else if (len == best_len && by_form == best_form &&
                           std::find(best.begin(), best.end(), al.entity) == best.end()) {
                    best.push_back(al.entity);
                }
            }
            (void)best_alias;
            if (best_len == 0 || best.size() != 1) {  // unknown, or ambiguous between entities
                ++i;
                continue;
            }
            Match m;
            m.start = i;
            m.length = best_len;
            m.entity = g_.entities()[best[0]];
            for (std::size_t k = i; k < i + best_len; ++k) owner_[k] = matches_.size();
            matches_.push_back(std::move(m));
            i += best_len;
        }
    }

    // Entity for unknown words [b, e): the words as written, and a readable romanisation.
    Entity unknown_entity(EntityKind kind, std::size_t b, std::size_t e) const {
        Entity entity;
        entity.kind = kind;
        std::string words_text;
        for (std::size_t k = b; k < e; ++k) {
            const char* sep = k == b ? "" : (w_[k].gap_is_hyphen ? "-" : " ");
            entity.name += sep + w_[k].token.exact;
            entity.name_en += sep + readable_latin(w_[k], text_);
            words_text += (k == b ? "" : " ") + w_[k].token.exact;
        }
        entity.name_en = capitalise_words(entity.name_en);
        if (auto known = g_.resolve(kind, words_text)) return *known;
        return entity;
    }

    bool ends_name(std::size_t k) const {
        return k >= w_.size() || w_[k].boundary_before || w_[k].stop || EntityWords::builtin().honorifics.count(w_[k].token.exact);
    }

    std::vector<Match> role_word_people() {
        std::vector<Match> out;
        for (std::size_t i = 0; i < w_.size(); ++i) {
            if (!w_[i].role || owner_[i] != kNone) continue;
            std::size_t j = i + 1;
            // Chains of titles: निदेशक डॉ. प्रदीप दास, लेफ्टिनेंट जनरल अवीव कोचावी.
            while (j < w_.size() && w_[j].role && owner_[j] == kNone && (!w_[j].boundary_before || w_[j].gap_is_dot)) ++j;
            if (j >= w_.size()) break;
            if (w_[j].boundary_before && !w_[j].gap_is_dot) continue;
            if (w_[j].gap_is_dot) {
                if (!EntityWords::builtin().dotted_titles.count(w_[j - 1].token.exact)) continue;
            }
            std::size_t k = j;
            while (k < w_.size() && k - j < 4 && (k == j || !w_[k].boundary_before) && !w_[k].stop &&
                   owner_[k] == kNone && !EntityWords::builtin().honorifics.count(w_[k].token.exact))
                ++k;
            const std::size_t len = k - j;
            if (len < 2 || len > 3 || !ends_name(k)) continue;
            if (k < w_.size() && owner_[k] != kNone && !w_[k].boundary_before) continue;
            bool ok = w_[j].name_shaped;
            for (std::size_t m = j; ok && m < k; ++m) {
                const Word& w = w_[m];
                ok = (w.token.script == Script::Devanagari || (w.token.script == Script::Latin && w.capitalised)) &&
                     !w.role && !w.org_word && !w.adjective && !ends_with(w.token.exact, "ों");
            }
            // The last word carries the surname: it too must look like a name.
            ok = ok && w_[k - 1].name_shaped;
            if (!ok) continue;
            Match m;
            m.start = j;
            m.length = len;
            m.entity = unknown_entity(EntityKind::Person, j, k);
            for (std::size_t q = j; q < k; ++q) owner_[q] = matches_.size() + out.size() + 1000000;
            out.push_back(std::move(m));
            i = k - 1;
        }
        return out;
    }

    std::vector<Match> org_word_organisations() {
        std::vector<Match> out;
        for (std::size_t k = 1; k < w_.size(); ++k) {
            if (!w_[k].org_word || owner_[k] != kNone || w_[k].boundary_before) continue;
            if (k + 1 < w_.size() && !w_[k + 1].boundary_before &&
                EntityWords::builtin().name_connectives.count(w_[k + 1].token.exact))
                continue;  // इंडियन काउंसिल ऑफ मेडिकल रिसर्च: the name goes on to the right
            std::size_t s = k;
            while (s > 0 && k - s < 4 && !w_[s].boundary_before && !w_[s - 1].stop && !w_[s - 1].org_word) {
                std::size_t o = owner_[s - 1];
                if (o != kNone && (o >= matches_.size() || matches_[o].entity.kind != EntityKind::Place)) break;
                --s;
                if (w_[s].boundary_before) break;
            }
            const std::size_t len = k - s;
            if (len < 1 || len > 3) continue;
            if (s > 0 && !w_[s].boundary_before && !w_[s - 1].stop) continue;  // the name goes on further left
            bool shaped = false, ok = true;
            for (std::size_t m = s; m < k; ++m) {
                const Word& w = w_[m];
                bool place = owner_[m] != kNone;
                const bool adjective_ik = ends_with(w.token.exact, "िक") || ends_with(w.token.exact, "ीय");
                shaped = shaped || (w.name_shaped && !place && !adjective_ik);
                ok = ok && (place || (w.name_shaped && !adjective_ik));
            }
            if (!ok || !shaped) continue;
            Match m;
            m.start = s;
            m.length = len + 1;
            m.entity = unknown_entity(EntityKind::Organisation, s, k + 1);
            out.push_back(std::move(m));
        }
        return out;
    }

    const Gazetteer& g_;
    std::vector<Word> w_;
    std::string_view text_;  // the caller's text, which outlives the matcher
    std::vector<std::size_t> owner_;  // index into matches_ of the gazetteer match covering each word
    std::vector<Match> matches_;
};

}  // namespace

std::vector<Entity> EntityExtractor::extract(std::string_view title, std::string_view body, Analyzer& analyzer) const {
    const std::string title_nfc = to_nfc(title), body_nfc = to_nfc(body);
    return extract(title_nfc, analyzer.tokenize(title_nfc), body_nfc, analyzer.tokenize(body_nfc));
}

std::vector<Entity> EntityExtractor::extract(std::string_view title, const std::vector<Token>& title_tokens, std::string_view body,
                                             const std::vector<Token>& body_tokens) const {
    std::vector<Entity> result;
    std::unordered_set<std::string> seen;
    for (auto [text, tokens] : {std::pair{title, &title_tokens}, std::pair{body, &body_tokens}}) {
        std::vector<Word> words = analyse(text, *tokens);
        std::vector<Match> matches;
        ArticleMatcher(gazetteer_, std::move(words), text).run(matches);
        std::stable_sort(matches.begin(), matches.end(),
                         [](const Match& a, const Match& b) { return a.start < b.start; });
        for (const Match& m : matches) {
            std::string id = std::string(kind_name(m.entity.kind)) + "\t" + m.entity.name_en;
            if (seen.insert(id).second) result.push_back(m.entity);
        }
    }
    return result;
}

}  // namespace khoj
