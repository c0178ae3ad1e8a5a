/** @file english_readings.cpp @brief Names, translations and English pronunciations of Latin query words, checked against the index's vocabulary. */
#include "common/search/english_readings.h"

#include "common/index/schema.h"
#include "common/search/ranking.h"
#include "common/text/english_lexicon.h"
#include "common/text/english_morphology.h"
#include "common/text/english_pronunciation.h"
#include "common/text/romanisation.h"
#include "common/text/stopwords.h"
#include "common/util/string_util.h"
#include "common/util/unicode_text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

namespace khoj {

using namespace ranking;

extern const char* const kGazetteerTsv;  // generated from common/entities/data/gazetteer.tsv

namespace {


std::string format_distance(double d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.2f", d);
    return buf;
}


// How sure a translation is: the glossary was written for news, the dictionary was not; a
// later sense is less likely than the first.
double translation_weight(const Translation& t) {
    if (t.source == LexiconSource::Glossary) return std::max(kGlossaryFloor, kGlossaryWeight - kGlossaryStep * t.rank);
    return std::max(kDictionaryFloor, kDictionaryWeight - kDictionaryStep * t.rank);
}

}  // namespace

EnglishReader::EnglishReader(const Vocabulary& vocabulary, Analyzer& analyzer) : vocabulary_(vocabulary), analyzer_(analyzer) {}

Xapian::doccount EnglishReader::frequency(const std::vector<std::string>& words) {
    Xapian::doccount fewest = vocabulary_.doccount();
    bool content = false;
    for (const auto& w : words) {
        Token t = analyzer_.analyze_word(w);
        if (t.exact.empty()) return 0;
        if (t.stopword) continue;
        content = true;
        fewest = std::min(fewest, vocabulary_.termfreq(prefix::kStem + t.stem));
    }
    return content ? fewest : 0;
}

namespace {

// A name as typed, for comparing with the gazetteer's Latin aliases: lower case, words of
// letters and digits separated by one space ("Korean People's Army" → "korean people s army").
std::string name_key(std::string_view text) {
    std::string out;
    bool gap = false;
    for (char c : text) {
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!letter) {
            gap = !out.empty();
            continue;
        }
        if (gap) out += ' ';
        gap = false;
        out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    return out;
}

// The gazetteer's Latin aliases → the Devanagari spellings of their entity. Read straight from the
// compiled-in TSV rather than from Gazetteer::builtin(), which analyses every alias with ICU
// (10 ms: more than a whole one-shot search) for matching running text, which this does not need.
struct NameTable {
    struct Name {
        std::string english;                 ///< canonical English name
        std::vector<std::string> devanagari;  ///< canonical Devanagari name and aliases
        bool person = false;
    };
    std::vector<Name> names;
    std::unordered_map<std::string, std::vector<std::size_t>> by_alias;  // name_key → names (several = ambiguous)
    std::unordered_map<std::string, std::size_t> acronyms;              // "US", "UP": typed in capitals only

    NameTable() {
        std::unordered_map<std::string, std::size_t> by_entity;  // the gazetteer lists a few entities twice
        for (const std::string& line : split(kGazetteerTsv, '\n')) {
            const std::vector<std::string> fields = split(line, '\t');
            if (line.empty() || line[0] == '#' || fields.size() < 3) continue;
            auto [it, added] = by_entity.emplace(fields[0] + "\t" + fields[1] + "\t" + fields[2], names.size());
            if (added) names.push_back({trim(fields[1]), {trim(fields[2])}, fields[0] == "person"});
            const std::size_t id = it->second;
            std::vector<std::string> spellings = {fields[1]};
            if (fields.size() > 3) for (const auto& a : split(fields[3], '|')) spellings.push_back(trim(a));
            for (const std::string& spelling : spellings) {
                if (spelling.empty()) continue;
                if (has_devanagari(spelling)) {
                    names[id].devanagari.push_back(spelling);
                } else if (std::all_of(spelling.begin(), spelling.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); })) {
                    acronyms.emplace(spelling, id);
                } else {
                    auto& ids = by_alias[name_key(spelling)];
                    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
                }
            }
        }
    }
};

const NameTable& name_table() {
    static const NameTable table;
    return table;
}

// The entity @p text names (an acronym in capitals, or any alias in any case), or nullptr.
const NameTable::Name* find_name(std::string_view text) {
    const NameTable& table = name_table();
    if (auto acronym = table.acronyms.find(trim(text)); acronym != table.acronyms.end()) return &table.names[acronym->second];
    auto alias = table.by_alias.find(name_key(text));
    if (alias != table.by_alias.end() && alias->second.size() == 1) return &table.names[alias->second.front()];
    return nullptr;  // unknown, or an alias of two entities: no reading to trust
}

}  // namespace

bool EnglishReader::names_a_person(std::string_view text) const {
    const NameTable::Name* name = find_name(text);
    return name != nullptr && name->person;
}

std::vector<EnglishReading> EnglishReader::names(std::string_view text) {
    std::vector<EnglishReading> out;
    const NameTable::Name* name = find_name(text);
    if (name == nullptr) return out;
    for (const std::string& spelling : name->devanagari) {
        std::vector<std::string> words;
        for (const Token& t : analyzer_.tokenize(to_nfc(spelling))) words.push_back(t.exact);
        if (words.empty() || frequency(words) == 0) continue;
        if (std::any_of(out.begin(), out.end(), [&](const EnglishReading& r) { return r.words == words; })) continue;
        out.push_back({words, ReadingKind::Name, 1.0, 0, "name " + name->english + ": " + spelling});
    }
    return out;
}

bool EnglishReader::is_english(std::string_view text) const {
    const EnglishLexicon& lexicon = EnglishLexicon::builtin();
    const std::string lower = lower_ascii(std::string(text));
    return lexicon.knows(lower) || !english_lemma(lower, [&](std::string_view w) { return lexicon.knows(w); }).empty();
}

std::vector<EnglishReading> EnglishReader::translations(std::string_view text) {
    std::vector<EnglishReading> out;
    const EnglishLexicon& lexicon = EnglishLexicon::builtin();
    const std::string lower = lower_ascii(std::string(text));
    // The word itself when the lists know it (wedding, not wed), else its base form (doctors → doctor).
    const std::string headword = lexicon.knows(lower) ? lower : english_lemma(lower, [&](std::string_view w) { return lexicon.knows(w); });
    std::vector<std::string> headwords;
    if (!headword.empty()) headwords.push_back(headword);
    int dictionary_taken = 0;
    for (const auto& headword : headwords) {
        for (const Translation& t : lexicon.translations(headword)) {
            std::vector<std::string> words = split(t.hindi, ' ');
            if (std::any_of(out.begin(), out.end(), [&](const EnglishReading& r) { return r.words == words; })) continue;
            const bool glossary = t.source == LexiconSource::Glossary;
            if (!glossary && dictionary_taken == kMaxDictionaryTranslations) continue;
            const Xapian::doccount df = frequency(words);
            if (df == 0 || (!glossary && df < kAttestedTranslation)) continue;
            dictionary_taken += glossary ? 0 : 1;
            out.push_back({std::move(words), glossary ? ReadingKind::Glossary : ReadingKind::Dictionary, translation_weight(t), 0,
                           "translation of " + headword + (glossary ? " (glossary)" : " (FreeDict)") + ": " + t.hindi});
        }
    }
    return out;
}

void EnglishReader::add_pronunciations(const std::string& english, std::vector<EnglishReading>& out) {
    const std::string sound = EnglishPronouncer::instance().hindi_latin(english);
    if (sound.empty()) return;
    const std::string key = prefix::kRomanKey + consonant_skeleton(romanisation_key(pronounced_lookup_form(sound)));
    for (auto it = vocabulary_.synonyms().synonyms_begin(key); it != vocabulary_.synonyms().synonyms_end(key); ++it) {
        const std::string word = *it;
        if (is_stopword(word)) continue;
        const double d = pronunciation_distance(sound, word);
        if (d > kMaxPronunciationDistance) continue;
        auto same = std::find_if(out.begin(), out.end(), [&](const EnglishReading& r) { return r.words.front() == word; });
        if (same != out.end()) {
            if (d < same->distance) *same = {{word}, ReadingKind::Pronunciation, 0, d, "English pronunciation " + sound + " d=" + format_distance(d)};
            continue;
        }
        if (frequency({word}) == 0) continue;  // the only articles using it were deleted
        out.push_back({{word}, ReadingKind::Pronunciation, 0, d, "English pronunciation " + sound + " d=" + format_distance(d)});
    }
}

std::vector<EnglishReading> EnglishReader::pronunciations(std::string_view text) {
    std::vector<EnglishReading> out;
    const std::string lower = lower_ascii(std::string(text));
    add_pronunciations(lower, out);
    // An inflected word the lists do not know is also said as its base form (doctors → doctor:
    // Hindi writes डॉक्टर, and डॉक्टरों shares its stem); a known word is said only as itself.
    const EnglishLexicon& lexicon = EnglishLexicon::builtin();
    if (!lexicon.knows(lower)) {
        const std::string lemma = english_lemma(lower, [&](std::string_view w) { return lexicon.knows(w); });
        if (!lemma.empty()) add_pronunciations(lemma, out);
    }
    std::sort(out.begin(), out.end(), [](const EnglishReading& a, const EnglishReading& b) { return a.distance < b.distance; });
    if (!out.empty()) {
        const double best = out.front().distance;
        out.erase(std::remove_if(out.begin(), out.end(), [&](const EnglishReading& r) { return r.distance > best + kPronunciationMargin; }),
                  out.end());
    }
    for (auto& r : out) r.weight = std::exp(-1.2 * r.distance);
    return out;
}

}  // namespace khoj
