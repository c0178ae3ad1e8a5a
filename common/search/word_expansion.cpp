/** @file word_expansion.cpp @brief One word to the index's spellings: stems, variants, transliteration candidates, acronyms, months. */
#include "common/search/word_expansion.h"

#include "common/index/schema.h"
#include "common/ingest/dates.h"
#include "common/search/phrase_filter.h"
#include "common/search/ranking.h"
#include "common/util/string_util.h"
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

// Spelling groups (TermChoice::spelling_group): the word's stems and sure readings; the
// dictionary's less sure translations; words that only sound like a known name.
constexpr int kStemGroup = 1;
constexpr int kDictionaryGroup = 2;
constexpr int kBesideNameGroup = 3;

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
    terms.push_back(TermChoice{std::move(term), weight, std::move(reason), spelling_group, {}, {}});
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
        if (!c.all_of.empty()) {
            // A reading of several words: their AND (or checked phrase), scaled so that two
            // words together do not weigh twice what one word does.
            Xapian::Query all = c.phrase.empty() ? Xapian::Query(Xapian::Query::OP_AND, c.all_of.begin(), c.all_of.end()) : c.phrase;
            parts.push_back(scaled(all, c.weight / std::sqrt(static_cast<double>(c.all_of.size()))));
            continue;
        }
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

WordExpander::WordExpander(const Vocabulary& vocabulary, Analyzer& analyzer, const RecordCodec* codec)
    : vocabulary_(vocabulary), analyzer_(analyzer), codec_(codec), english_(vocabulary_, analyzer) {}

bool WordExpander::exists(const std::string& term) const { return vocabulary_.exists(term); }

std::vector<SpellingCandidate> spelling_candidates(const Vocabulary& vocabulary, Analyzer& analyzer, const CandidateLookup& lookup) {
    const Xapian::Database& db = vocabulary.synonyms();
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
                stop_word ? vocabulary.doccount() : vocabulary.termfreq(prefix::kStem + analyzer.stem_of(word, Script::Devanagari));
            candidates.push_back({spelling_distance(lookup.typed_latin, word), frequency, std::move(word)});
        }
    }
    return candidates;
}

std::vector<SpellingCandidate> WordExpander::latin_candidates(const std::string& latin) {
    const std::string key = romanisation_key(latin);
    if (key.empty()) return {};
    std::vector<SpellingCandidate> candidates =
        spelling_candidates(vocabulary_, analyzer_, {.keys = {consonant_skeleton(key)}, .typed_latin = latin, .typed_word = {}, .keep_stop_words = true});
    // A word with no articles left: the only articles using it were deleted.
    std::erase_if(candidates, [](const SpellingCandidate& c) { return c.frequency == 0; });
    std::sort(candidates.begin(), candidates.end(), [](const SpellingCandidate& a, const SpellingCandidate& b) {
        return a.distance != b.distance ? a.distance < b.distance : a.frequency > b.frequency;
    });
    const double threshold = distance_threshold(spelling_form(latin));
    while (!candidates.empty() && candidates.back().distance > threshold) candidates.pop_back();
    return candidates;
}

namespace {

// One spelling reading before it is weighed: a word of the index and how far it is.
struct Spelling {
    std::string word;
    double distance;
    std::string reason;
};

// Adds @p s, or keeps the closer of two readings of the same word (naming both sources).
void add_spelling(std::vector<Spelling>& spellings, Spelling s) {
    auto same = std::find_if(spellings.begin(), spellings.end(), [&](const Spelling& x) { return x.word == s.word; });
    if (same == spellings.end()) spellings.push_back(std::move(s));
    else if (s.distance < same->distance) *same = {s.word, s.distance, s.reason + "; " + same->reason};
    else same->reason += "; " + s.reason;
}

// True when @p word is one of the one-word readings of @p kind (the glossary's words, a name's
// spellings), or spelt within @p distance of one.
bool near_meaning_word(const std::string& word, const std::vector<EnglishReading>& meanings, ReadingKind kind, double distance) {
    const std::string form = spelling_form(devanagari_to_latin(word));
    for (const auto& r : meanings) {
        if (r.kind != kind || r.words.size() != 1) continue;
        if (r.words.front() == word || key_distance(form, spelling_form(devanagari_to_latin(r.words.front()))) <= distance) return true;
    }
    return false;
}

bool has_kind(const std::vector<EnglishReading>& readings, ReadingKind kind) {
    return std::any_of(readings.begin(), readings.end(), [&](const EnglishReading& r) { return r.kind == kind; });
}

}  // namespace

LatinReadings WordExpander::latin_readings(const std::string& latin, bool title_only) {
    LatinReadings out;
    std::vector<EnglishReading> meanings = english_.names(latin);
    const bool name = !meanings.empty();
    const bool english = !name && english_.is_english(latin);
    if (english) meanings = english_.translations(latin);
    // A romanised function word (ki, ka, se) stands for a stop word: it adds nothing to ranking,
    // unless the word is a name or a news word the glossary knows (bus is not बस "enough").
    const std::vector<SpellingCandidate> romanised = latin_candidates(latin);
    if (!romanised.empty() && is_stopword(romanised.front().word) && romanised.front().distance <= kStopWordReadingDistance &&
        !name && !has_kind(meanings, ReadingKind::Glossary)) {
        out.stop_word = true;
        return out;
    }
    // A name's own spellings first: they are what the word means.
    out.readings = meaning_readings(meanings, title_only);
    for (LatinReading& r : spelling_readings(latin, title_only, meanings, name, english)) out.readings.push_back(std::move(r));
    return out;
}

// The words of the index a Latin word is spelt or sounds like: romanised Hindi and, unless it
// is a known name, its English sound, compared by distance. Beside a certain meaning (a name, a
// glossary word) only near-ties stay: a loanword's own spellings, not words that merely sound alike.
std::vector<LatinReading> WordExpander::spelling_readings(const std::string& latin, bool title_only, const std::vector<EnglishReading>& meanings,
                                                          bool name, bool english) {
    const std::string stem_prefix = title_only ? prefix::kTitleStem : prefix::kStem;
    std::vector<Spelling> spellings;
    for (const auto& c : latin_candidates(latin))
        add_spelling(spellings, {c.word, c.distance + (english ? kRomanisedEnglishPenalty : 0), "transliteration " + c.word + " d=" + format_distance(c.distance)});
    // A glossary word is not pronounced: the glossary lists the words papers use, loanwords
    // included, and their spellings share a stem (हॉस्पिटल, हास्पिटल); its sound would add only
    // words that merely sound alike (मिसाल beside मिसाइल) and the 5 ms of loading espeak-ng.
    const bool glossary = has_kind(meanings, ReadingKind::Glossary);
    if (!name && !glossary) {
        for (const auto& p : english_.pronunciations(latin))
            add_spelling(spellings, {p.words.front(), p.distance + (english ? 0 : kPronouncedNamePenalty), p.reason});
    }
    std::sort(spellings.begin(), spellings.end(), [](const Spelling& a, const Spelling& b) { return a.distance < b.distance; });
    const bool sure_meaning = name || glossary;
    const double best = sure_meaning || spellings.empty() ? 0.0 : spellings.front().distance;
    const double margin = sure_meaning ? kSpellingTie : kSpellingMargin;
    const double threshold = distance_threshold(spelling_form(latin));
    std::vector<LatinReading> out;
    for (const auto& c : spellings) {
        // (The small slack keeps a candidate exactly at the margin, whatever the rounding.)
        if (c.distance > best + margin + 1e-9 || c.distance > threshold || out.size() == static_cast<std::size_t>(kMaxSpellings)) break;
        if (is_stopword(c.word)) continue;
        std::string term = stem_prefix + analyzer_.analyze_word(c.word).stem;
        if (!exists(term)) continue;
        // Near-ties are spellings of one word and share one weight; a clearly worse candidate
        // is kept as a separate, lighter term so it cannot crowd out the best one. Beside a
        // known name, one that only sounds like it (कतार for Qatar) is a lighter concept of its own.
        const bool near_tie = c.distance - best <= kSpellingTie + 1e-9;
        // A spelling of the name itself (सोइगु beside शोइगु) joins the name.
        const bool beside_name = name && !near_meaning_word(c.word, meanings, ReadingKind::Name, kSpellingTie);
        LatinReading r{std::move(term), c.word, near_tie ? std::exp(-kTieDecay * best) : kLesserWeight * std::exp(-kLesserDecay * c.distance),
                       c.reason, near_tie && !beside_name, 0, {}, {}};
        if (beside_name) {
            r.weight *= kBesideNameWeight;
            r.spelling_group = kBesideNameGroup;
        }
        out.push_back(std::move(r));
    }
    return out;
}

// Names and translations as readings: one word joins the word's concept (the dictionary's, a
// lighter concept of its own); several words must all match, a name's as a phrase.
std::vector<LatinReading> WordExpander::meaning_readings(const std::vector<EnglishReading>& readings, bool title_only) {
    const std::string stem_prefix = title_only ? prefix::kTitleStem : prefix::kStem;
    std::vector<LatinReading> out;
    std::set<std::string> single_terms;
    // One-word readings first: a phrase that contains one of them (नई दिल्ली beside दिल्ली) adds
    // nothing but a bonus for the phrase, which datelines would collect.
    for (const bool several : {false, true}) {
        for (const EnglishReading& r : readings) {
            if ((r.words.size() > 1) != several) continue;
            std::vector<std::string> terms;
            bool missing = false;
            for (const auto& w : r.words) {
                Token t = analyzer_.analyze_word(w);
                if (t.exact.empty() || t.stopword) continue;  // a phrase's stop words are not indexed
                std::string term = stem_prefix + t.stem;
                missing = missing || !exists(term);
                if (std::find(terms.begin(), terms.end(), term) == terms.end()) terms.push_back(std::move(term));
            }
            if (missing || terms.empty()) continue;
            if (terms.size() > 1 && std::any_of(terms.begin(), terms.end(), [&](const std::string& t) { return single_terms.count(t) > 0; })) continue;
            const bool dictionary = r.kind == ReadingKind::Dictionary;
            std::string label;
            for (const auto& w : r.words) label += (label.empty() ? "" : " ") + w;
            LatinReading reading{terms.size() == 1 ? terms.front() : stem_prefix + label, label, r.weight, r.reason,
                                 terms.size() == 1 && !dictionary, dictionary ? kDictionaryGroup : 0, {}, {}};
            if (terms.size() == 1) {
                single_terms.insert(terms.front());
            } else {
                // A name of several words must be written as one (उत्तर कोरिया, not उत्तर प्रदेश … कोरिया);
                // a translated phrase only needs its words, in any inflection (प्रवासी मजदूरों).
                reading.all_of = terms;
                if (r.kind == ReadingKind::Name) {
                    PhraseWords phrase;
                    for (const auto& w : r.words) phrase.push_back({w});
                    Xapian::Query candidates(Xapian::Query::OP_AND, terms.begin(), terms.end());
                    if (resolver_) {
                        PhraseChecks checks(codec_);
                        const std::size_t number = checks.add(phrase, title_only);
                        reading.phrase = Xapian::Query(Xapian::Query::OP_FILTER, candidates, resolver_(candidates, checks, number));
                    } else {
                        auto* filter = new PhraseFilter(std::move(phrase), title_only, candidates, codec_);
                        reading.phrase = Xapian::Query(Xapian::Query::OP_FILTER, candidates, Xapian::Query(filter->release()));
                    }
                }
            }
            out.push_back(std::move(reading));
        }
    }
    return out;
}

bool is_latin_name_word(std::string_view word) {
    const auto letter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
    return std::any_of(word.begin(), word.end(), letter) &&
           std::all_of(word.begin(), word.end(), [&](char c) { return letter(c) || c == '.' || c == '\'' || c == '-'; });
}

void add_latin_readings(const std::vector<LatinReading>& readings, WordExpansion& out) {
    for (const LatinReading& r : readings) {
        if (!r.all_of.empty()) {
            out.terms.push_back(TermChoice{r.term, r.weight, r.reason, 0, r.all_of, r.phrase});
            continue;
        }
        const int group = r.same_word ? kStemGroup : r.spelling_group;
        auto same = std::find_if(out.terms.begin(), out.terms.end(), [&](const TermChoice& c) { return c.term == r.term && c.all_of.empty(); });
        if (same == out.terms.end()) {
            out.terms.push_back(TermChoice{r.term, r.weight, r.reason, group, {}, {}});
        } else {
            // Another reading gave the term already: name both sources, keep the surer weight and concept.
            if (same->reason.find(r.reason) == std::string::npos) same->reason += "; " + r.reason;
            same->weight = std::max(same->weight, r.weight);
            if (same->spelling_group == 0 || group == kStemGroup) same->spelling_group = group;
        }
        if (r.same_word && std::find(out.forms.begin(), out.forms.end(), r.word) == out.forms.end()) out.forms.push_back(r.word);
    }
}

bool WordExpander::unit_keeps_words(const std::vector<std::string>& words) const {
    std::string text;
    for (const auto& w : words) text += (text.empty() ? "" : " ") + w;
    return english_.names_a_person(text);
}

WordExpansion WordExpander::expand_unit(const std::vector<std::string>& words, bool title_only) {
    WordExpansion out;
    std::string text, joined;
    for (const auto& w : words) {
        if (!is_latin_name_word(w)) return out;
        text += (text.empty() ? "" : " ") + w;
        for (char c : w)
            if (std::isalpha(static_cast<unsigned char>(c))) joined += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    out.word = text;
    if (words.size() < 2) return out;
    std::vector<EnglishReading> readings = english_.names(text);
    if (readings.empty()) readings = english_.translations(lower_ascii(text));
    if (!readings.empty()) {
        for (auto& r : readings) r.reason = "phrase " + text + ": " + r.reason;
    } else if (words.size() == 2) {
        // One word of the index for the two words joined, said in English or romanised (New
        // Zealand → न्यूजीलैंड), but only when a word has no reading of its own: two words
        // that read well apart are two words.
        const bool each_reads = std::all_of(words.begin(), words.end(), [&](const std::string& w) {
            const std::string lower = lower_ascii(w);
            return !latin_candidates(lower).empty() || !english_.translations(lower).empty() || !english_.pronunciations(lower).empty();
        });
        if (each_reads) return out;
        for (const auto& p : english_.pronunciations(lower_ascii(text)))
            if (p.distance <= kCompoundDistance) readings.push_back({p.words, ReadingKind::Pronunciation, std::exp(-kTieDecay * p.distance), p.distance, "one word for " + text + ", " + p.reason});
        for (const auto& c : latin_candidates(joined))
            if (c.distance <= kCompoundDistance)
                readings.push_back({{c.word}, ReadingKind::Pronunciation, std::exp(-kTieDecay * c.distance), c.distance,
                                    "one word for " + text + ", transliteration " + c.word + " d=" + format_distance(c.distance)});
    }
    add_latin_readings(meaning_readings(readings, title_only), out);
    return out;
}

void WordExpander::add_devanagari_variants(const Token& token, bool title_only, WordExpansion& out) {
    const std::string stem_prefix = title_only ? prefix::kTitleStem : prefix::kStem;
    const CandidateLookup lookup{.keys = lookup_keys_of_devanagari(token.exact), .typed_latin = devanagari_to_latin(token.exact),
                                 .typed_word = token.exact, .keep_stop_words = false};
    int taken = 0;
    for (const SpellingCandidate& c : spelling_candidates(vocabulary_, analyzer_, lookup)) {
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
    else if (month_from_name(token.exact) == 0) readings.readings = meaning_readings(english_.names(word), title_only);  // WHO, UP, G20
    if (readings.stop_word && !looks_like_acronym(word)) {  // a romanised stop word (ki, se, ka)
        out.terms.clear();
        return;
    }
    if (vocabulary_.exists_now(stem_prefix + token.stem)) out.add(stem_prefix + token.stem, 1.0, "as written", kStemGroup);
    if (looks_like_acronym(word)) {
        std::string acronym = letter_names(token.exact);
        Token t = analyzer_.analyze_word(acronym);
        if (!acronym.empty() && exists(stem_prefix + t.stem)) out.add(stem_prefix + t.stem, 1.0, "letter names " + acronym, kStemGroup);
    }
    // The readings come after the word's own terms (a term both give keeps the heavier weight).
    WordExpansion translit;
    add_latin_readings(readings.readings, translit);
    for (auto& c : translit.terms) {
        if (c.all_of.empty()) out.add(c.term, c.weight, c.reason, c.spelling_group);
        else out.terms.push_back(std::move(c));
    }
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
            if (vocabulary_.exists_now(stem_prefix + token.stem)) out.add(stem_prefix + token.stem, 1.0, "stem");
            out.forms.push_back(token.exact);
            add_devanagari_variants(token, title_only, out);
            break;
        case Script::Latin:
            add_latin_word(word, token, title_only, out);
            break;
        default:
            if (vocabulary_.exists_now(stem_prefix + token.stem)) out.add(stem_prefix + token.stem, 1.0, "as written");
            break;
    }
    return out;
}

}  // namespace khoj
