/** @file word_expansion.cpp @brief One word to the index's spellings: stems, variants, transliteration candidates, acronyms, months. */
#include "common/search/word_expansion.h"

#include "common/index/schema.h"
#include "common/ingest/dates.h"
#include "common/search/ranking.h"
#include "common/text/romanisation.h"
#include "common/text/stopwords.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

namespace khoj {

using namespace ranking;

namespace {

// How far a transliteration candidate may be from what the user typed (see kDistanceFloor).
double distance_threshold(const std::string& form) { return std::max(kDistanceFloor, kDistancePerByte * static_cast<double>(form.size())); }

// Spelling groups (TermChoice::spelling_group).
constexpr int kStemGroup = 1;

std::string format_distance(double d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.2f", d);
    return buf;
}

bool all_capitals(const std::string& word) {
    return std::all_of(word.begin(), word.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
}

}  // namespace

void WordExpansion::add(std::string term, double weight, std::string reason, int spelling_group) {
    for (auto& c : terms) {
        if (c.term == term) {
            if (weight > c.weight) {
                c.weight = weight;
                c.reason = std::move(reason);
            }
            return;
        }
    }
    terms.push_back(TermChoice{std::move(term), weight, std::move(reason), spelling_group});
}

Xapian::Query query_of(const WordExpansion& expansion) {
    std::vector<Xapian::Query> parts;
    auto scaled = [](Xapian::Query q, double w) { return w == 1.0 ? q : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, w); };
    // A body stem term also scores in the headline field, as a separate BM25 field does in
    // Lucene's title^2 body: headlines are short, so a match there says much more.
    auto title_term = [](const std::string& term) -> std::string {
        if (term.rfind(prefix::kStem, 0) == 0 && term.rfind(prefix::kTitleStem, 0) != 0)
            return prefix::kTitleStem + term.substr(std::string(prefix::kStem).size());
        return {};
    };
    struct Group {
        std::vector<Xapian::Query> body, title;
        double weight = 0;
    };
    std::map<int, Group> groups;
    for (const auto& c : expansion.terms) {
        std::string title = title_term(c.term);
        if (c.spelling_group != 0) {
            Group& g = groups[c.spelling_group];
            g.body.emplace_back(c.term);
            if (!title.empty()) g.title.emplace_back(title);
            g.weight = std::max(g.weight, c.weight);
        } else {
            parts.push_back(scaled(Xapian::Query(c.term), c.weight));
            if (!title.empty()) parts.push_back(scaled(Xapian::Query(title), c.weight * kTitleFieldWeight));
        }
    }
    for (const auto& [id, g] : groups) {
        parts.push_back(scaled(Xapian::Query(Xapian::Query::OP_SYNONYM, g.body.begin(), g.body.end()), g.weight));
        if (!g.title.empty())
            parts.push_back(scaled(Xapian::Query(Xapian::Query::OP_SYNONYM, g.title.begin(), g.title.end()), g.weight * kTitleFieldWeight));
    }
    if (parts.empty()) return Xapian::Query();
    if (parts.size() == 1) return parts.front();
    return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

WordExpander::WordExpander(const Xapian::Database& db, Analyzer& analyzer) : db_(db), analyzer_(analyzer) {}

bool WordExpander::exists(const std::string& term) const { return db_.term_exists(term); }

std::vector<SpellingCandidate> spelling_candidates(const Xapian::Database& db, Analyzer& analyzer, const CandidateLookup& lookup) {
    std::vector<SpellingCandidate> candidates;
    std::set<std::string> seen{lookup.typed_word};
    for (const std::string& key : lookup.keys) {
        const std::string synonym_key = prefix::kRomanKey + key;
        for (auto it = db.synonyms_begin(synonym_key); it != db.synonyms_end(synonym_key); ++it) {
            std::string word = *it;
            if (!seen.insert(word).second) continue;
            const bool stop_word = is_stopword(word);
            if (stop_word && !lookup.keep_stop_words) continue;
            // Stop words have no terms of their own (they are in nearly every article).
            const Xapian::doccount frequency =
                stop_word ? db.get_doccount() : db.get_termfreq(prefix::kStem + analyzer.stem_of(word, Script::Devanagari));
            candidates.push_back({spelling_distance(lookup.typed_latin, word), frequency, std::move(word)});
        }
    }
    return candidates;
}

std::vector<SpellingCandidate> WordExpander::latin_candidates(const std::string& latin) {
    const std::string key = romanisation_key(latin);
    if (key.empty()) return {};
    std::vector<SpellingCandidate> candidates =
        spelling_candidates(db_, analyzer_, {.keys = {consonant_skeleton(key)}, .typed_latin = latin, .typed_word = {}, .keep_stop_words = true});
    // A word with no articles left: the only articles using it were deleted.
    std::erase_if(candidates, [](const SpellingCandidate& c) { return c.frequency == 0; });
    std::sort(candidates.begin(), candidates.end(), [](const SpellingCandidate& a, const SpellingCandidate& b) {
        return a.distance != b.distance ? a.distance < b.distance : a.frequency > b.frequency;
    });
    const double threshold = distance_threshold(spelling_form(latin));
    while (!candidates.empty() && candidates.back().distance > threshold) candidates.pop_back();
    return candidates;
}

LatinReadings WordExpander::latin_readings(const std::string& latin, bool title_only) {
    LatinReadings out;
    const std::string stem_prefix = title_only ? prefix::kTitleStem : prefix::kStem;
    // Cut at the distance threshold already: what is left differs only in how close it is.
    const std::vector<SpellingCandidate> candidates = latin_candidates(latin);
    if (candidates.empty()) return out;
    const double best = candidates.front().distance;
    // A romanised function word (ki, ka, se) stands for a stop word: it adds nothing to ranking.
    if (is_stopword(candidates.front().word) && best <= kStopWordReadingDistance) {
        out.stop_word = true;
        return out;
    }
    int taken = 0;
    for (const auto& c : candidates) {
        if (c.distance > best + kSpellingMargin || taken == kMaxSpellings) break;
        if (is_stopword(c.word)) continue;
        Token t = analyzer_.analyze_word(c.word);
        std::string term = stem_prefix + t.stem;
        if (!exists(term)) continue;
        // Near-ties are spellings of one word and share one weight; a clearly worse candidate
        // is kept as a separate, lighter term so it cannot crowd out the best one.
        const bool near_tie = c.distance - best <= kSpellingTie;
        const double weight = near_tie ? std::exp(-kTieDecay * best) : kLesserWeight * std::exp(-kLesserDecay * c.distance);
        out.readings.push_back({std::move(term), c.word, weight, "transliteration " + c.word + " d=" + format_distance(c.distance), near_tie});
        ++taken;
    }
    return out;
}

void WordExpander::add_devanagari_variants(const Token& token, bool title_only, WordExpansion& out) {
    const std::string stem_prefix = title_only ? prefix::kTitleStem : prefix::kStem;
    const CandidateLookup lookup{.keys = lookup_keys_of_devanagari(token.exact), .typed_latin = devanagari_to_latin(token.exact),
                                 .typed_word = token.exact, .keep_stop_words = false};
    int taken = 0;
    for (const SpellingCandidate& c : spelling_candidates(db_, analyzer_, lookup)) {
        if (taken == kMaxSpellings) break;
        if (c.distance > kVariantDistance) continue;
        Token t = analyzer_.analyze_word(c.word);
        std::string term = stem_prefix + t.stem;
        if (t.stem == token.stem || !exists(term)) continue;  // (absent: its articles were deleted)
        out.add(term, kVariantWeight * std::exp(-kVariantDecay * c.distance), "variant " + c.word + " d=" + format_distance(c.distance), kStemGroup);
        ++taken;
    }
}

// A month name reaches the articles dated in that month (any year) and the month's names in
// both scripts, all lighter than a word: it usually qualifies the other words of the query.
void WordExpander::add_month(int month, WordExpansion& out) {
    char moy[3];
    std::snprintf(moy, sizeof moy, "%02d", month);
    out.add(prefix::kMonthOfYear + std::string(moy), kMonthOfYearWeight, "articles dated in month " + std::string(moy));
    static const char* const hindi_months[] = {"जनवरी", "फरवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर", "नवंबर", "दिसंबर"};
    static const char* const english_months[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    for (const char* name : {hindi_months[month - 1], english_months[month - 1]}) {
        Token t = analyzer_.analyze_word(name);
        if (exists(prefix::kStem + t.stem)) out.add(prefix::kStem + t.stem, kMonthWeight, std::string("month ") + name, kStemGroup);
    }
}

void WordExpander::add_latin_word(const std::string& word, const Token& token, bool title_only, WordExpansion& out) {
    const std::string stem_prefix = title_only ? prefix::kTitleStem : prefix::kStem;
    // A month name is a date word: its spellings were added by add_month, at month weight. An
    // acronym typed in capitals (WHO, PPE) is read letter by letter, not as a word.
    // Some are read as words all the same (AIIMS / एम्स), so those still transliterate.
    bool capital_acronym = looks_like_acronym(word) && all_capitals(word);
    if (capital_acronym) {
        Token spelled = analyzer_.analyze_word(letter_names(token.exact));
        capital_acronym = !spelled.stem.empty() && exists(stem_prefix + spelled.stem);
    }
    LatinReadings readings;
    if (is_ascii_word(token.exact) && month_from_name(token.exact) == 0 && !capital_acronym) readings = latin_readings(token.exact, title_only);
    if (readings.stop_word && !looks_like_acronym(word)) {  // a romanised stop word (ki, se, ka)
        out.terms.clear();
        return;
    }
    if (exists(stem_prefix + token.stem)) out.add(stem_prefix + token.stem, 1.0, "as written", kStemGroup);
    if (looks_like_acronym(word)) {
        std::string acronym = letter_names(token.exact);
        Token t = analyzer_.analyze_word(acronym);
        if (!acronym.empty() && exists(stem_prefix + t.stem)) out.add(stem_prefix + t.stem, 1.0, "letter names " + acronym, kStemGroup);
    }
    // The readings come after the word's own terms (a term both give keeps the heavier weight).
    WordExpansion translit;
    for (const LatinReading& r : readings.readings) {
        translit.add(r.term, r.weight, r.reason, r.same_word ? kStemGroup : 0);
        if (r.same_word) translit.forms.push_back(r.word);
    }
    for (auto& c : translit.terms) out.add(c.term, c.weight, c.reason, c.spelling_group);
    out.forms = std::move(translit.forms);
}

WordExpansion WordExpander::expand(const std::string& word, bool title_only) {
    WordExpansion out;
    out.word = word;
    const std::string stem_prefix = title_only ? prefix::kTitleStem : prefix::kStem;
    Token token = analyzer_.analyze_word(word);
    if (token.exact.empty()) return out;
    if (int month = month_from_name(token.exact); month != 0 && !title_only) add_month(month, out);
    switch (token.script) {
        case Script::Devanagari:
            if (exists(stem_prefix + token.stem)) out.add(stem_prefix + token.stem, 1.0, "stem");
            out.forms.push_back(token.exact);
            add_devanagari_variants(token, title_only, out);
            break;
        case Script::Latin:
            add_latin_word(word, token, title_only, out);
            break;
        default:
            if (exists(stem_prefix + token.stem)) out.add(stem_prefix + token.stem, 1.0, "as written");
            break;
    }
    return out;
}

}  // namespace khoj
