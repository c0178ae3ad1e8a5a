/** @file english_morphology.cpp @brief Suffix rules and irregular forms of English nouns and verbs, for reaching dictionary headwords. */
#include "common/text/english_morphology.h"

#include "common/util/string_util.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace khoj {
namespace {

// Irregular plurals and verb forms common in news text (sorted by inflected form for lookup).
// Regular forms need no entry: the suffix rules below reach them.
constexpr std::pair<const char*, const char*> kIrregular[] = {
    {"analyses", "analysis"}, {"arose", "arise"},     {"ate", "eat"},         {"began", "begin"},
    {"begun", "begin"},       {"bought", "buy"},      {"broke", "break"},     {"broken", "break"},
    {"brought", "bring"},     {"built", "build"},     {"came", "come"},       {"caught", "catch"},
    {"children", "child"},    {"chose", "choose"},    {"chosen", "choose"},   {"crises", "crisis"},
    {"did", "do"},            {"done", "do"},         {"drew", "draw"},       {"driven", "drive"},
    {"drove", "drive"},       {"fallen", "fall"},     {"feet", "foot"},       {"fell", "fall"},
    {"felt", "feel"},         {"flew", "fly"},        {"flown", "fly"},       {"fought", "fight"},
    {"found", "find"},        {"gave", "give"},       {"given", "give"},      {"gone", "go"},
    {"got", "get"},           {"grew", "grow"},       {"grown", "grow"},      {"had", "have"},
    {"has", "have"},          {"held", "hold"},       {"hid", "hide"},        {"hidden", "hide"},
    {"kept", "keep"},         {"knew", "know"},       {"known", "know"},      {"laid", "lay"},
    {"led", "lead"},          {"lives", "life"},      {"lost", "lose"},       {"made", "make"},
    {"meant", "mean"},        {"men", "man"},         {"met", "meet"},        {"mice", "mouse"},
    {"paid", "pay"},          {"people", "person"},   {"ran", "run"},         {"risen", "rise"},
    {"rode", "ride"},         {"rose", "rise"},       {"said", "say"},        {"sank", "sink"},
    {"saw", "see"},           {"seen", "see"},        {"sent", "send"},       {"shook", "shake"},
    {"shot", "shoot"},        {"slept", "sleep"},     {"sold", "sell"},       {"spent", "spend"},
    {"spoke", "speak"},       {"spoken", "speak"},    {"stole", "steal"},     {"stolen", "steal"},
    {"stood", "stand"},       {"struck", "strike"},   {"taken", "take"},      {"taught", "teach"},
    {"teeth", "tooth"},       {"thought", "think"},   {"threw", "throw"},     {"thrown", "throw"},
    {"told", "tell"},         {"took", "take"},       {"understood", "understand"}, {"was", "be"},
    {"went", "go"},           {"were", "be"},         {"wives", "wife"},      {"women", "woman"},
    {"won", "win"},           {"wore", "wear"},       {"worn", "wear"},       {"written", "write"},
    {"wrote", "write"},
};

bool ends_with(const std::string& s, const char* suffix) {
    const std::size_t n = std::strlen(suffix);
    return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

bool is_vowel(char c) { return std::strchr("aeiou", c) != nullptr; }

// Adds @p form unless it is too short to be a word or already listed.
void add(std::vector<std::string>& forms, std::string form) {
    if (form.size() < 2 || std::find(forms.begin(), forms.end(), form) != forms.end()) return;
    forms.push_back(std::move(form));
}

// A stem left by -ed / -ing: as is (tested → test), with a final e back (postponed → postpone),
// and without a doubled final consonant (cancelled → cancel, stopped → stop).
void add_verb_stems(std::vector<std::string>& forms, const std::string& stem) {
    if (stem.size() < 2) return;
    const char last = stem.back();
    const bool doubled = stem.size() >= 3 && last == stem[stem.size() - 2] && !is_vowel(last) && last != 's';
    if (doubled) add(forms, stem.substr(0, stem.size() - 1));
    add(forms, stem);
    if (!is_vowel(last) || last == 'u') add(forms, stem + "e");
    if (doubled) add(forms, stem);
    if (last == 'i') add(forms, stem.substr(0, stem.size() - 1) + "y");  // carried → carri → carry
}

void add_plural_stems(std::vector<std::string>& forms, const std::string& w) {
    if (ends_with(w, "ies") && w.size() > 4) {
        add(forms, w.substr(0, w.size() - 3) + "y");  // cities → city
        add(forms, w.substr(0, w.size() - 1));          // dies → die
    } else if (ends_with(w, "ves") && w.size() > 4) {
        add(forms, w.substr(0, w.size() - 3) + "f");   // thieves → thief
        add(forms, w.substr(0, w.size() - 3) + "fe");  // knives → knife
        add(forms, w.substr(0, w.size() - 1));          // curves → curve
    } else if (ends_with(w, "es") && w.size() > 3) {
        add(forms, w.substr(0, w.size() - 1));  // cases → case
        add(forms, w.substr(0, w.size() - 2));  // taxes → tax, crashes → crash
    } else if (w.back() == 's' && !ends_with(w, "ss") && !ends_with(w, "us") && !ends_with(w, "is") && w.size() > 3) {
        add(forms, w.substr(0, w.size() - 1));  // doctors → doctor
    }
}

}  // namespace

std::vector<std::string> english_base_forms(std::string_view word) {
    std::string w = lower_ascii(std::string(word));
    if (ends_with(w, "'s")) w.resize(w.size() - 2);  // India's → india
    std::vector<std::string> forms;
    add(forms, w);
    if (w.size() < 3) return forms;
    auto irregular = std::lower_bound(std::begin(kIrregular), std::end(kIrregular), w,
                                      [](const auto& entry, const std::string& key) { return key.compare(entry.first) > 0; });
    if (irregular != std::end(kIrregular) && w == irregular->first) add(forms, irregular->second);
    if (ends_with(w, "men") && w.size() > 5) add(forms, w.substr(0, w.size() - 3) + "man");  // policemen
    if (ends_with(w, "ings") && w.size() > 6) {
        add(forms, w.substr(0, w.size() - 1));             // meetings → meeting
        add_verb_stems(forms, w.substr(0, w.size() - 4));  // briefings → brief
    } else if (ends_with(w, "ing") && w.size() > 5) {
        if (ends_with(w, "ying") && w.size() > 5) add(forms, w.substr(0, w.size() - 4) + "ie");  // dying → die
        add_verb_stems(forms, w.substr(0, w.size() - 3));
    } else if (ends_with(w, "ied") && w.size() > 4) {
        add(forms, w.substr(0, w.size() - 3) + "y");  // carried → carry
        add(forms, w.substr(0, w.size() - 1));        // died → die
    } else if (ends_with(w, "ed") && w.size() > 4) {
        add_verb_stems(forms, w.substr(0, w.size() - 2));
    } else {
        add_plural_stems(forms, w);
    }
    return forms;
}

std::string english_lemma(std::string_view word, const std::function<bool(std::string_view)>& known) {
    const auto forms = english_base_forms(word);
    for (std::size_t i = 1; i < forms.size(); ++i) {
        if (known(forms[i])) return forms[i];
    }
    return {};
}

}  // namespace khoj
