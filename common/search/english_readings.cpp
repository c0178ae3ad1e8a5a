/** @file english_readings.cpp @brief Names, translations and English pronunciations of Latin query words, checked against the index's vocabulary. */
#include "common/search/english_readings.h"

#include "common/entities/entities.h"
#include "common/index/schema.h"
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

namespace khoj {
namespace {

// A dictionary translation in fewer articles than this is more likely a bookish or wrong sense
// (FreeDict's liquor → मदिरा) than the word the papers use.
constexpr Xapian::doccount kAttested = 3;
// At most this many dictionary translations: later senses drift from the word's news meaning.
constexpr int kMaxDictionaryTranslations = 3;
// Pronunciations this much further than the closest one are other words, not other spellings.
constexpr double kPronunciationMargin = 0.3;
// A pronunciation further than this from every index word has no spelling there.
constexpr double kMaxPronunciationDistance = 0.9;

std::string format_distance(double d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.2f", d);
    return buf;
}

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

// How sure a translation is: the glossary was written for news, the dictionary was not; a
// later sense is less likely than the first.
double translation_weight(const Translation& t) {
    if (t.source == LexiconSource::Glossary) return std::max(0.8, 0.95 - 0.05 * t.rank);
    return std::max(0.3, 0.6 - 0.1 * t.rank);
}

}  // namespace

EnglishReader::EnglishReader(const Xapian::Database& db, Analyzer& analyzer) : db_(db), analyzer_(analyzer) {}

Xapian::doccount EnglishReader::frequency(const std::vector<std::string>& words) {
    Xapian::doccount fewest = db_.get_doccount();
    bool content = false;
    for (const auto& w : words) {
        Token t = analyzer_.analyze_word(w);
        if (t.exact.empty()) return 0;
        if (t.stopword) continue;
        content = true;
        fewest = std::min(fewest, db_.get_termfreq(prefix::kStem + t.stem));
    }
    return content ? fewest : 0;
}

std::vector<EnglishReading> EnglishReader::names(std::string_view text) {
    std::vector<EnglishReading> out;
    const Gazetteer& gazetteer = Gazetteer::builtin();
    std::vector<std::string> typed;
    bool capitals = true;
    for (const auto& word : split(trim(text), ' ')) {
        if (word.empty()) continue;
        typed.push_back(lower_ascii(word));
        capitals = capitals && std::all_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    }
    if (typed.empty() || !is_ascii_word(typed.front())) return out;
    const auto* starting = gazetteer.starting_with_exact(typed.front());
    if (starting == nullptr) return out;
    // The gazetteer may list one entity on two lines: entities are compared by value.
    std::vector<Entity> entities;
    for (std::size_t a : *starting) {
        const auto& alias = gazetteer.aliases()[a];
        const Entity& entity = gazetteer.entities()[alias.entity];
        if (alias.exact == typed && (!alias.acronym || capitals) && std::find(entities.begin(), entities.end(), entity) == entities.end())
            entities.push_back(entity);
    }
    if (entities.size() != 1) return out;  // unknown, or two entities' alias: not a reading to trust
    const Entity& entity = entities.front();
    for (const auto& alias : gazetteer.aliases()) {
        if (gazetteer.entities()[alias.entity] != entity || !has_devanagari(alias.exact.front())) continue;
        if (std::any_of(out.begin(), out.end(), [&](const EnglishReading& r) { return r.words == alias.exact; })) continue;
        if (frequency(alias.exact) == 0) continue;
        out.push_back({alias.exact, ReadingKind::Name, 1.0, 0, "name " + entity.name_en + ": " + joined(alias.exact)});
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
    std::vector<std::string> headwords;
    if (lexicon.knows(lower)) headwords.push_back(lower);
    const std::string lemma = english_lemma(lower, [&](std::string_view w) { return lexicon.knows(w); });
    if (!lemma.empty()) headwords.push_back(lemma);
    int dictionary_taken = 0;
    for (const auto& headword : headwords) {
        for (const Translation& t : lexicon.translations(headword)) {
            std::vector<std::string> words = split(t.hindi, ' ');
            if (std::any_of(out.begin(), out.end(), [&](const EnglishReading& r) { return r.words == words; })) continue;
            const bool glossary = t.source == LexiconSource::Glossary;
            if (!glossary && dictionary_taken == kMaxDictionaryTranslations) continue;
            const Xapian::doccount df = frequency(words);
            if (df == 0 || (!glossary && df < kAttested)) continue;
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
    for (auto it = db_.synonyms_begin(key); it != db_.synonyms_end(key); ++it) {
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
    const EnglishLexicon& lexicon = EnglishLexicon::builtin();
    const std::string lemma = english_lemma(lower, [&](std::string_view w) { return lexicon.knows(w); });
    if (!lemma.empty()) add_pronunciations(lemma, out);
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
