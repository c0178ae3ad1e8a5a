/** @file entity_matcher.cpp @brief Gazetteer matching and the role-word and organisation-word rules over one analysed text. */
#include "common/entities/entity_matcher.h"

#include "common/entities/entity_words.h"
#include "common/text/romanisation.h"
#include "common/util/unicode_text.h"

#include <algorithm>
#include <cctype>

namespace khoj {
namespace {

// A romanisation key this short (ram, dev, lal) is shared by too many words to pick an alias out.
constexpr std::size_t kMinUsableKeyLength = 4;
// One-word aliases need a longer key than the words of a longer alias, whose neighbours also
// have to match: बंद (band) is not Banda.
constexpr std::size_t kMinKeyLengthOneWordAlias = 5;
constexpr std::size_t kMinKeyLengthLongerAlias = 4;
// How far the given name before a one-word surname alias may be from the entity's own given
// name (key_distance: a consonant edit costs 1, vowel and aspiration edits less): ब्लादिमीर पुतिन
// (an unlisted spelling) is still Putin, नीरव मोदी is not Narendra Modi.
constexpr double kMaxGivenNameDistance = 1.0;
// Unknown names found by the rules have at most 3 words (the role rule wants at least 2). The
// rules look one word further, so that a longer run of name-shaped words is seen and skipped
// rather than cut to a wrong name.
constexpr std::size_t kMaxRuleNameWords = 3;
constexpr std::size_t kRuleNameScanWords = kMaxRuleNameWords + 1;

std::size_t code_points(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

// How the gap between two words joins them: spaces only, a dot, a hyphen, or other punctuation.
struct Gap {
    bool only_space = true, has_dot = false, has_hyphen = false, other = false;
};

Gap gap_between(std::string_view gap) {
    Gap g;
    for (std::size_t i = 0; i < gap.size();) {
        char32_t cp = next_code_point(gap, i);
        if (cp == ' ' || cp == 0xA0 || cp == 0x200C || cp == 0x200D || cp == '\t') continue;
        g.only_space = false;
        if (cp == '.') g.has_dot = true;
        else if (cp == '-' || cp == 0x2010 || cp == 0x2011) g.has_hyphen = true;
        else g.other = true;
    }
    return g;
}

// Plural oblique forms are never names; a word starting with a vowel sign is legacy-font debris
// (ङ्क्षसह for सिंह, normalised to ंक्षसह), not a spelling.
bool never_a_name(const std::string& exact) {
    std::size_t first_cp = 0;
    char32_t lead = exact.empty() ? 0 : next_code_point(exact, first_cp);
    bool starts_with_mark = (lead >= 0x0900 && lead <= 0x0903) || (lead >= 0x093A && lead <= 0x094F);
    return exact.ends_with("ों") || exact.ends_with("ियां") || starts_with_mark || exact.find("ङ्क") != std::string::npos;
}

void set_word_facts(MatchWord& w, const Token& t, std::string_view original) {
    w.begin = t.begin;
    w.end = t.end;
    w.script = t.script;
    if (t.form) {
        w.form = t.form;
    } else {  // a token made by hand (tests): a form of its own
        auto form = std::make_shared<AnalysedForm>();
        form->script = t.script;
        form->exact = t.exact;
        form->stem = t.stem;
        form->stopword = t.stopword;
        w.form = std::move(form);
    }
    if (t.script == Script::Latin) {
        w.capitalised = std::isupper(static_cast<unsigned char>(original[0])) != 0;
        w.all_capitals = all_capitals(original);
    }
    const WordFacts& facts = word_facts(*w.form);
    w.facts = &facts;
    // The analyser's stop list serves search; the matcher also stops a name at the function words it lacks.
    w.is_stopword = t.stopword || facts.is_function_word;
    w.is_common_word = facts.is_common_word;
    w.is_role_word = facts.is_role_word;
    w.is_organisation_word = facts.is_organisation_word;
    w.is_nationality_adjective = facts.is_nationality_adjective;
    w.is_descriptor = facts.is_descriptor;
    if (t.script == Script::Devanagari) {
        w.name_shaped = !w.is_stopword && !w.is_common_word && !w.is_role_word && !w.is_organisation_word &&
                        !w.is_nationality_adjective && !never_a_name(t.exact) && code_points(t.exact) >= 2;
    } else if (t.script == Script::Latin) {
        w.name_shaped = w.capitalised && !w.is_stopword && t.exact.size() >= 2;
    }
    // Only a Devanagari word matches an alias by sound. A Latin word in Hindi text is English (a
    // section label, a brand, a name written the English way): its spelling says what it is, and a
    // sound-alike is another word ("Indore Crime News:" is not Crimea, whose key Crime shares), so it
    // matches only an alias spelt so (Delhi, BJP).
    w.key_usable = w.key().size() >= kMinUsableKeyLength && !w.is_stopword && !w.is_common_word &&
                   !w.is_nationality_adjective && t.script == Script::Devanagari;
}

std::string capitalise_words(std::string s) {
    bool start = true;
    for (char& c : s) {
        if (start && std::islower(static_cast<unsigned char>(c))) c = static_cast<char>(std::toupper(c));
        start = c == ' ';
    }
    return s;
}

// How an unknown word is shown in an English name: a Devanagari word romanised, any other as written.
// Initials written as the names of Latin letters are written as the letters, the English way for
// the kind of name: वीके सिंह → V. K. Singh, डीसीबी बैंक → DCB Baink.
std::string display_latin(const MatchWord& w, std::string_view text, EntityKind kind) {
    if (w.script != Script::Devanagari) return std::string(text.substr(w.begin, w.end - w.begin));
    const std::string letters = letters_of_letter_names(w.exact());
    if (letters.empty()) return readable_latin(w.exact());
    if (kind != EntityKind::Person) return letters;
    std::string initials;
    for (char c : letters) initials += std::string(initials.empty() ? "" : " ") + c + ".";
    return initials;
}

// Runs the three rules over the words of one text; owner_ records which match took each word,
// so a later rule never claims a word an earlier one did.
class ArticleMatcher {
  public:
    ArticleMatcher(const Gazetteer& gazetteer, std::vector<MatchWord> words, std::string_view text)
        : gazetteer_(gazetteer), lists_(EntityWords::builtin()), words_(std::move(words)), text_(text),
          owner_(words_.size(), kNone) {}

    std::vector<EntityMatch> run() {
        match_gazetteer();
        std::vector<EntityMatch> out = gazetteer_matches_;
        for (EntityMatch& m : role_word_people()) out.push_back(std::move(m));
        for (EntityMatch& m : organisation_word_organisations()) out.push_back(std::move(m));
        return out;
    }

  private:
    // owner_ of a word no match has taken.
    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    // owner_ of a word taken by the role-word rule: taken (not kNone), yet no index into
    // gazetteer_matches_, so the organisation rule does not take it for a gazetteer place.
    static constexpr std::size_t kTakenByRule = kNone - 1;

    bool word_matches(const MatchWord& w, const Gazetteer::Alias& a, std::size_t j) const;
    std::size_t alias_length_at(std::size_t i, const Gazetteer::Alias& a, bool& by_form) const;
    bool generic_alias(const Gazetteer::Alias& a) const;
    bool foreign_qualifier_before(std::size_t i) const;
    bool organisation_word_follows(std::size_t i) const;
    bool names_an_organisation(std::size_t s, std::size_t k) const;
    bool accept(std::size_t i, const Gazetteer::Alias& a) const;
    std::size_t best_entity_at(std::size_t i, std::size_t& best_length) const;
    void match_gazetteer();
    Entity unknown_entity(EntityKind kind, std::size_t b, std::size_t e) const;
    bool ends_name(std::size_t k) const;
    bool is_honorific(std::size_t k) const { return lists_.honorifics.count(words_[k].exact()) > 0; }
    std::size_t role_name_end(std::size_t j) const;
    std::vector<EntityMatch> role_word_people();
    std::size_t organisation_name_start(std::size_t k) const;
    std::vector<EntityMatch> organisation_word_organisations();

    const Gazetteer& gazetteer_;
    const EntityWords& lists_;
    std::vector<MatchWord> words_;
    std::string_view text_;                       // the caller's text, which outlives the matcher
    std::vector<std::size_t> owner_;              // index into gazetteer_matches_ of the match covering each word
    std::vector<EntityMatch> gazetteer_matches_;
};

bool ArticleMatcher::word_matches(const MatchWord& w, const Gazetteer::Alias& a, std::size_t j) const {
    if (a.acronym) return w.all_capitals && w.exact() == a.exact[j];
    if (w.exact() == a.exact[j] || w.folded() == a.folded[j]) return true;
    const std::size_t min_key = a.exact.size() == 1 ? kMinKeyLengthOneWordAlias : kMinKeyLengthLongerAlias;
    return w.key_usable && w.key().size() >= min_key && !a.keys[j].empty() && w.key() == a.keys[j];
}

// Length of the alias matched at word i, or 0; "by_form" reports whether no key was needed.
std::size_t ArticleMatcher::alias_length_at(std::size_t i, const Gazetteer::Alias& a, bool& by_form) const {
    const std::size_t n = a.exact.size();
    if (i + n > words_.size()) return 0;
    by_form = true;
    for (std::size_t j = 0; j < n; ++j) {
        const MatchWord& w = words_[i + j];
        if (j > 0 && w.boundary_before) return 0;
        if (w.script == Script::Latin && j == 0 && !w.capitalised) return 0;
        if (!word_matches(w, a, j)) return 0;
        if (w.exact() != a.exact[j] && w.folded() != a.folded[j]) by_form = false;
    }
    return n;
}

// An alias made only of common and organisation words (रक्षा मंत्रालय): a body any country has.
bool ArticleMatcher::generic_alias(const Gazetteer::Alias& a) const {
    for (const std::string& e : a.exact)
        if (!lists_.common_words.count(e) && !lists_.organisation_words.count(e)) return false;
    return true;
}

// A foreign place or nationality right before word i: रूस के [रक्षा मंत्रालय], चीनी [वायुसेना].
bool ArticleMatcher::foreign_qualifier_before(std::size_t i) const {
    if (i == 0 || words_[i].boundary_before) return false;
    const MatchWord& prev = words_[i - 1];
    if (prev.is_nationality_adjective && !lists_.domestic_adjectives.count(prev.exact())) return true;
    if (i >= 2 && (prev.exact() == "के" || prev.exact() == "की" || prev.exact() == "का") &&
        !prev.boundary_before && owner_[i - 2] != kNone) {
        const Entity& e = gazetteer_matches_[owner_[i - 2]].entity;
        return e.kind == EntityKind::Place && !lists_.domestic_places.count(e.name_en);
    }
    return false;
}

// Whether name-shaped words after word i close an organisation's name (सोनिया आर्केस्ट्रा ग्रुप).
bool ArticleMatcher::organisation_word_follows(std::size_t i) const {
    for (std::size_t j = i + 1; j < words_.size() && j - i <= kMaxRuleNameWords; ++j) {
        if (words_[j].boundary_before) return false;
        if (words_[j].is_organisation_word) return j > i + 1;
        if (!words_[j].name_shaped) return false;
    }
    return false;
}

bool ArticleMatcher::accept(std::size_t i, const Gazetteer::Alias& a) const {
    const Entity& e = gazetteer_.entities()[a.entity];
    const std::size_t n = a.exact.size();
    const bool attached = i > 0 && !words_[i].boundary_before;
    const MatchWord* prev = attached ? &words_[i - 1] : nullptr;
    if (n == 1 && prev && lists_.determiners.count(prev->exact())) return false;
    // बैंक ऑफ इंडिया, ऑल इंडिया ट्रेडर्स: the place is a word of a longer name.
    if (e.kind == EntityKind::Place && prev && lists_.place_in_name.count(prev->exact())) return false;
    // A given name alone (सोनिया) before words closing an organisation is that organisation's name.
    if (n == 1 && e.kind == EntityKind::Person && organisation_word_follows(i)) return false;
    if (e.kind == EntityKind::Organisation && generic_alias(a) && foreign_qualifier_before(i)) return false;
    if (n == 1 && e.kind == EntityKind::Person && prev && prev->name_shaped && owner_[i - 1] == kNone) {
        // नीरव मोदी is not Narendra Modi; ब्लादिमीर पुतिन (an unlisted spelling) is still Putin.
        auto first_key = [](const std::string& name, bool devanagari) {
            std::string first = name.substr(0, name.find(' '));
            return devanagari ? romanisation_key_of_devanagari(first) : romanisation_key(first);
        };
        double d = std::min(key_distance(prev->key(), first_key(e.name, true)),
                            key_distance(prev->key(), first_key(e.name_en, false)));
        if (d > kMaxGivenNameDistance) return false;
    }
    return true;
}

// The entity whose alias matches best at word i, with the alias length in @p best_length: the
// longest alias, matched by form rather than by key on a tie; kNone when nothing matches or two
// entities tie.
std::size_t ArticleMatcher::best_entity_at(std::size_t i, std::size_t& best_length) const {
    const MatchWord& w = words_[i];
    std::vector<std::size_t> candidates;
    WordFacts::AliasStarts& starts = w.facts->alias_starts;
    if (starts.gazetteer != gazetteer_.serial())
        starts = {gazetteer_.serial(), gazetteer_.starting_with_exact(w.exact()), gazetteer_.starting_with_exact(w.folded()),
                  gazetteer_.starting_with_key(w.key())};
    for (const auto* list : {starts.by_exact, starts.by_folded, w.key_usable ? starts.by_key : nullptr})
        if (list) candidates.insert(candidates.end(), list->begin(), list->end());
    best_length = 0;
    bool best_by_form = false;
    std::vector<std::size_t> best;  // entity indices of the best matches
    for (std::size_t a : candidates) {
        const Gazetteer::Alias& alias = gazetteer_.aliases()[a];
        bool by_form = false;
        std::size_t length = alias_length_at(i, alias, by_form);
        if (length == 0 || !accept(i, alias)) continue;
        if (length > best_length || (length == best_length && by_form && !best_by_form)) {
            best_length = length;
            best_by_form = by_form;
            best.assign(1, alias.entity);
        } else if (length == best_length && by_form == best_by_form &&
                   std::find(best.begin(), best.end(), alias.entity) == best.end()) {
            best.push_back(alias.entity);
        }
    }
    return best_length == 0 || best.size() != 1 ? kNone : best[0];  // unknown, or ambiguous between entities
}

void ArticleMatcher::match_gazetteer() {
    for (std::size_t i = 0; i < words_.size();) {
        std::size_t length = 0;
        const std::size_t entity = best_entity_at(i, length);
        if (entity == kNone) {
            ++i;
            continue;
        }
        EntityMatch m;
        m.start = i;
        m.length = length;
        m.entity = gazetteer_.entities()[entity];
        for (std::size_t k = i; k < i + length; ++k) owner_[k] = gazetteer_matches_.size();
        gazetteer_matches_.push_back(std::move(m));
        i += length;
    }
}

// Entity for unknown words [b, e): the words as written, and a readable romanisation.
Entity ArticleMatcher::unknown_entity(EntityKind kind, std::size_t b, std::size_t e) const {
    Entity entity;
    entity.kind = kind;
    std::string words_text;
    for (std::size_t k = b; k < e; ++k) {
        const char* sep = k == b ? "" : (words_[k].gap_is_hyphen ? "-" : " ");
        entity.name += sep + words_[k].exact();
        entity.name_en += sep + display_latin(words_[k], text_, kind);
        words_text += (k == b ? "" : " ") + words_[k].exact();
    }
    entity.name_en = capitalise_words(entity.name_en);
    if (auto known = gazetteer_.resolve(kind, words_text)) return *known;
    return entity;
}

bool ArticleMatcher::ends_name(std::size_t k) const {
    return k >= words_.size() || words_[k].boundary_before || words_[k].is_stopword || is_honorific(k);
}

// Where the name that starts at word j (after a role word) ends: the first word that is not free,
// is attached to nothing, is a stop word or जी, at most kRuleNameScanWords on.
std::size_t ArticleMatcher::role_name_end(std::size_t j) const {
    std::size_t k = j;
    while (k < words_.size() && k - j < kRuleNameScanWords && (k == j || !words_[k].boundary_before) &&
           !words_[k].is_stopword && owner_[k] == kNone && !is_honorific(k))
        ++k;
    return k;
}

std::vector<EntityMatch> ArticleMatcher::role_word_people() {
    std::vector<EntityMatch> out;
    for (std::size_t i = 0; i < words_.size(); ++i) {
        if (!words_[i].is_role_word || owner_[i] != kNone) continue;
        std::size_t j = i + 1;
        // Chains of titles: निदेशक डॉ. प्रदीप दास, लेफ्टिनेंट जनरल अवीव कोचावी.
        while (j < words_.size() && words_[j].is_role_word && owner_[j] == kNone &&
               (!words_[j].boundary_before || words_[j].gap_is_dot))
            ++j;
        if (j >= words_.size()) break;
        if (words_[j].boundary_before && !words_[j].gap_is_dot) continue;
        if (words_[j].gap_is_dot && !lists_.dotted_titles.count(words_[j - 1].exact())) continue;
        const std::size_t k = role_name_end(j);
        const std::size_t length = k - j;
        if (length < 2 || length > kMaxRuleNameWords || !ends_name(k)) continue;
        if (k < words_.size() && owner_[k] != kNone && !words_[k].boundary_before) continue;
        bool ok = words_[j].name_shaped;
        for (std::size_t m = j; ok && m < k; ++m) {
            const MatchWord& w = words_[m];
            ok = (w.script == Script::Devanagari || (w.script == Script::Latin && w.capitalised)) &&
                 !w.is_role_word && !w.is_organisation_word && !w.is_nationality_adjective && !w.exact().ends_with("ों");
        }
        // The last word carries the surname: it too must look like a name.
        if (!ok || !words_[k - 1].name_shaped) continue;
        EntityMatch m;
        m.start = j;
        m.length = length;
        m.entity = unknown_entity(EntityKind::Person, j, k);
        for (std::size_t q = j; q < k; ++q) owner_[q] = kTakenByRule;
        out.push_back(std::move(m));
        i = k - 1;
    }
    return out;
}

// Where the name closed by the organisation word at k starts: up to kRuleNameScanWords words
// back, over free words and gazetteer places, stopping at a stop word or another organisation word.
std::size_t ArticleMatcher::organisation_name_start(std::size_t k) const {
    std::size_t s = k;
    while (s > 0 && k - s < kRuleNameScanWords && !words_[s].boundary_before && !words_[s - 1].is_stopword &&
           !words_[s - 1].is_organisation_word) {
        std::size_t o = owner_[s - 1];
        if (o != kNone && (o >= gazetteer_matches_.size() || gazetteer_matches_[o].entity.kind != EntityKind::Place)) break;
        --s;
        if (words_[s].boundary_before) break;
    }
    return s;
}

// Whether words [s, k) before an organisation word name a body rather than describe one. A name
// needs a word that names (केनरा बैंक), or a place that starts it before a field or an office
// (कोलकाता पोर्ट ट्रस्ट, झारखंड लोक सेवा आयोग, लखनऊ नगर निगम): a place alone (भारत बैंक), or
// descriptors and common words alone (हिंदू संगठन, निर्माण एजेंसी, लोक सेवा आयोग), describe one.
bool ArticleMatcher::names_an_organisation(std::size_t s, std::size_t k) const {
    const bool starts_with_place = owner_[s] != kNone;
    bool naming = false, describing = false;
    for (std::size_t m = s; m < k; ++m) {
        const MatchWord& w = words_[m];
        if (owner_[m] != kNone) continue;  // a gazetteer place (organisation_name_start takes no other)
        const bool adjective_ik = w.exact().ends_with("िक") || w.exact().ends_with("ीय");
        const bool plain_common = w.is_common_word && !w.is_role_word && !w.is_nationality_adjective;
        if (w.name_shaped && !adjective_ik && !w.is_descriptor) naming = true;
        else if ((w.name_shaped && !adjective_ik) || (starts_with_place && plain_common)) describing = true;
        else return false;
    }
    return naming || (starts_with_place && describing);
}

std::vector<EntityMatch> ArticleMatcher::organisation_word_organisations() {
    std::vector<EntityMatch> out;
    for (std::size_t k = 1; k < words_.size(); ++k) {
        if (!words_[k].is_organisation_word || owner_[k] != kNone || words_[k].boundary_before) continue;
        if (k + 1 < words_.size() && !words_[k + 1].boundary_before &&
            lists_.name_connectives.count(words_[k + 1].exact()))
            continue;  // इंडियन काउंसिल ऑफ मेडिकल रिसर्च: the name goes on to the right
        const std::size_t s = organisation_name_start(k);
        const std::size_t length = k - s;
        if (length < 1 || length > kMaxRuleNameWords) continue;
        if (s > 0 && !words_[s].boundary_before && !words_[s - 1].is_stopword) continue;  // the name goes on further left
        if (!names_an_organisation(s, k)) continue;
        EntityMatch m;
        m.start = s;
        m.length = length + 1;
        m.entity = unknown_entity(EntityKind::Organisation, s, k + 1);
        out.push_back(std::move(m));
    }
    return out;
}

}  // namespace

bool all_capitals(std::string_view text) {
    bool letter = false;
    for (char c : text) {
        if (std::islower(static_cast<unsigned char>(c))) return false;
        if (std::isupper(static_cast<unsigned char>(c))) letter = true;
    }
    return letter;
}

std::vector<MatchWord> analyse_words(std::string_view text, const std::vector<Token>& tokens) {
    std::vector<MatchWord> words;
    words.reserve(tokens.size());
    std::size_t prev_end = 0;
    bool first = true;
    for (const Token& t : tokens) {
        MatchWord w;
        const Gap gap = gap_between(text.substr(prev_end, t.begin - prev_end));
        w.boundary_before = first || (!gap.only_space && (gap.other || gap.has_dot));
        w.gap_is_dot = !first && gap.has_dot && !gap.other && !gap.has_hyphen;
        w.gap_is_hyphen = !first && gap.has_hyphen && !gap.other && !gap.has_dot;
        if (w.gap_is_hyphen) w.boundary_before = false;
        first = false;
        prev_end = t.end;
        // The word's strings are its form's, shared, not copied: a copy was three strings a word.
        set_word_facts(w, t, text.substr(t.begin, t.end - t.begin));
        words.push_back(std::move(w));
    }
    return words;
}

std::vector<EntityMatch> match_entities(const Gazetteer& gazetteer, std::string_view text, const std::vector<Token>& tokens) {
    return ArticleMatcher(gazetteer, analyse_words(text, tokens), text).run();
}

}  // namespace khoj
