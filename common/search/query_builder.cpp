/** @file query_builder.cpp @brief Query parsing and cross-script expansion. */
#include "common/search/query_builder.h"

#include "common/ingest/article.h"
#include "common/ingest/dates.h"
#include "common/entities/entities.h"
#include "common/index/entity_catalog.h"
#include "common/util/errors.h"
#include "common/text/romanisation.h"
#include "common/search/phrase_filter.h"
#include "common/index/schema.h"
#include "common/text/stopwords.h"
#include "common/util/unicode_text.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <map>
#include <set>

namespace khoj {

namespace {

std::string lower_ascii(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

void add_choice(WordExpansion& out, std::string term, double weight, std::string reason, int spelling_group = 0) {
    for (auto& c : out.terms) {
        if (c.term == term) {
            if (weight > c.weight) {
                c.weight = weight;
                c.reason = std::move(reason);
            }
            return;
        }
    }
    out.terms.push_back(TermChoice{std::move(term), weight, std::move(reason), spelling_group, {}, {}});
}

// How far a transliteration candidate may be from what the user typed: short words must match
// closely (a two-letter key has few neighbours worth trusting), long ones may differ more.
double distance_threshold(const std::string& form) { return std::max(0.8, 0.2 * static_cast<double>(form.size())); }

// Candidates this much further than the best one are other words, not other spellings.
constexpr double kSpellingMargin = 0.3;
// Weight of a match in the headline field relative to the body (set on the dev topics).
constexpr double kTitleFieldWeight = 0.3;

// Weight of the pairwise ANDs that reward matching more of the query's words (coordination).
constexpr double kCoordination = 0.3;

// A month in a query usually qualifies the other words ("Shoigu Pyongyang July"), so it weighs less.
constexpr double kMonthWeight = 0.4;

// Spelling groups (TermChoice::spelling_group).
constexpr int kStemGroup = 1;

// Candidates this close to the best one are taken as the same word spelt another way.
constexpr double kSpellingTie = 0.15;
// At most this many spellings per typed word: more only dilutes the word's weight.
constexpr int kMaxSpellings = 5;
// A Devanagari spelling this close to the typed one is the same word (शोइगु / सोइगु: 0.3).
constexpr double kVariantDistance = 0.35;

std::string format_distance(double d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.2f", d);
    return buf;
}

// Acronyms are read letter by letter (WHO → डब्ल्यूएचओ): typed in capitals, or too short of
// vowels to be read as a word (icmr, ppe, rbi).
bool looks_like_acronym(const std::string& typed) {
    if (typed.size() < 2 || typed.size() > 6) return false;
    bool upper = std::all_of(typed.begin(), typed.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
    auto vowels = std::count_if(typed.begin(), typed.end(), [](char c) { return std::strchr("aeiouAEIOU", c) != nullptr; });
    return upper || (vowels <= 1 && typed.size() >= 3);
}

}  // namespace

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
            // A reading of several words: their AND, scaled so that two words together do not
            // weigh twice what one word does.
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

QueryBuilder::QueryBuilder(const Xapian::Database& db, const RecordCodec* codec) : db_(db), codec_(codec) {}

bool QueryBuilder::exists(const std::string& term) const { return db_.term_exists(term); }

std::vector<QueryBuilder::Candidate> QueryBuilder::latin_candidates(const std::string& latin) {
    std::vector<Candidate> candidates;
    const std::string key = romanisation_key(latin);
    if (key.empty()) return candidates;
    const std::string skeleton_key = prefix::kRomanKey + consonant_skeleton(key);
    for (auto it = db_.synonyms_begin(skeleton_key); it != db_.synonyms_end(skeleton_key); ++it) {
        std::string word = *it;
        // Stop words have no terms of their own (they are in nearly every article).
        Xapian::doccount freq = is_stopword(word) ? db_.get_doccount() : db_.get_termfreq(prefix::kStem + analyzer_.stem_of(word, Script::Devanagari));
        if (freq == 0) continue;  // the only articles using it were deleted
        candidates.push_back({spelling_distance(latin, word), freq, word});
    }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        return a.distance != b.distance ? a.distance < b.distance : a.frequency > b.frequency;
    });
    const double threshold = distance_threshold(spelling_form(latin));
    while (!candidates.empty() && candidates.back().distance > threshold) candidates.pop_back();
    return candidates;
}

void QueryBuilder::add_devanagari_variants(const Token& token, bool title_only, WordExpansion& out) {
    const std::string stem_prefix = title_only ? prefix::kTitleStem : prefix::kStem;
    const std::string typed = devanagari_to_latin(token.exact);
    int taken = 0;
    std::set<std::string> seen{token.exact};
    for (const auto& key : lookup_keys_of_devanagari(token.exact)) {
        const std::string skeleton_key = prefix::kRomanKey + key;
        for (auto it = db_.synonyms_begin(skeleton_key); it != db_.synonyms_end(skeleton_key) && taken < kMaxSpellings; ++it) {
            std::string word = *it;
            if (!seen.insert(word).second || is_stopword(word)) continue;
            double d = spelling_distance(typed, word);
            if (d > kVariantDistance) continue;
            Token t = analyzer_.analyze_word(word);
            std::string term = stem_prefix + t.stem;
            if (t.stem == token.stem || !exists(term)) continue;  // (absent: its articles were deleted)
            add_choice(out, term, 0.6 * std::exp(-1.5 * d), "variant " + word + " d=" + format_distance(d), kStemGroup);
            ++taken;
        }
    }
}

WordExpansion QueryBuilder::expand_word(const std::string& word, bool title_only) {
    WordExpansion out;
    out.word = word;
    const std::string stem_prefix = title_only ? prefix::kTitleStem : prefix::kStem;
    Token token = analyzer_.analyze_word(word);
    if (token.exact.empty()) return out;
    if (int month = month_from_name(token.exact); month != 0 && !title_only) {
        char moy[3];
        std::snprintf(moy, sizeof moy, "%02d", month);
        add_choice(out, prefix::kMonthOfYear + std::string(moy), kMonthWeight / 2, "articles dated in month " + std::string(moy));
        static const char* const hindi_months[] = {"जनवरी", "फरवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर", "नवंबर", "दिसंबर"};
        static const char* const english_months[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
        for (const char* name : {hindi_months[month - 1], english_months[month - 1]}) {
            Token t = analyzer_.analyze_word(name);
            if (exists(stem_prefix + t.stem)) add_choice(out, stem_prefix + t.stem, kMonthWeight, std::string("month ") + name, kStemGroup);
        }
    }
    switch (token.script) {
        case Script::Devanagari:
            if (exists(stem_prefix + token.stem)) add_choice(out, stem_prefix + token.stem, 1.0, "stem");
            out.forms.push_back(token.exact);
            add_devanagari_variants(token, title_only, out);
            break;
        case Script::Latin: {
            WordExpansion translit;
            translit.word = word;
            // A month name is a date word: its spellings were added above, at month weight. An
            // acronym typed in capitals (WHO, PPE) is read letter by letter, not as a word.
            // Some are read as words all the same (AIIMS / एम्स), so those still transliterate.
            bool capital_acronym = looks_like_acronym(word) &&
                std::all_of(word.begin(), word.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
            if (capital_acronym) {
                Token spelled = analyzer_.analyze_word(letter_names(token.exact));
                capital_acronym = !spelled.stem.empty() && exists(stem_prefix + spelled.stem);
            }
            if (is_ascii_word(token.exact) && month_from_name(token.exact) == 0 && !capital_acronym)
                add_latin_readings(word, token.exact, title_only, translit);
            else if (month_from_name(token.exact) == 0)  // WHO, UP, G20: a name, if the gazetteer has it
                add_meaning_readings(english_.names(word), title_only, translit);
            if (translit.word.empty() && !looks_like_acronym(word)) {  // a romanised stop word (ki, se, ka)
                out.terms.clear();
                return out;
            }
            if (exists(stem_prefix + token.stem)) add_choice(out, stem_prefix + token.stem, 1.0, "as written", kStemGroup);
            if (looks_like_acronym(word)) {
                std::string acronym = letter_names(token.exact);
                Token t = analyzer_.analyze_word(acronym);
                if (!acronym.empty() && exists(stem_prefix + t.stem)) add_choice(out, stem_prefix + t.stem, 1.0, "letter names " + acronym, kStemGroup);
            }
            for (auto& c : translit.terms) {
                if (c.all_of.empty()) add_choice(out, c.term, c.weight, c.reason, c.spelling_group);
                else out.terms.push_back(c);  // a reading of several words
            }
            out.forms = std::move(translit.forms);
            break;
        }
        default:
            if (exists(stem_prefix + token.stem)) add_choice(out, stem_prefix + token.stem, 1.0, "as written");
            break;
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Latin words read every way a user may mean them: romanised Hindi, English pronunciation, a
// gazetteer name, an English word's translations (see english_readings.h). The spelling readings
// (romanised, pronounced) compete by distance, so a far one never outweighs a close one and a
// word with no close reading matches nothing (police → पुलिस, not पॉलिसी); the meaning readings
// (names, translations) join the word's concept (OP_SYNONYM), the dictionary's less sure ones
// as a lighter concept of their own.

namespace {

// Spelling group of the dictionary's translations: one concept, at its own lower weight.
constexpr int kDictionaryGroup = 2;
// Spelling group, and weight factor, of the words that sound like a known name but are not its spellings.
constexpr int kBesideNameGroup = 3;
constexpr double kBesideNameWeight = 0.3;
// An English word is read as English first: its romanised-Hindi readings count this much further.
constexpr double kRomanisedEnglishPenalty = 0.15;
// A Latin word no English list knows is mostly a name, which romanisation reads better than
// English pronunciation does (Putin: पुतिन, not प्यूटिन): its pronounced readings count this much further.
constexpr double kPronouncedNamePenalty = 0.3;
// The most adjacent words tried as one name or phrase ("Ministry of Health and Family Welfare" is six).
constexpr std::size_t kMaxUnitWords = 6;
// Adjacent words are one word of the index (New Zealand → न्यूजीलैंड) when the joined reading is this close.
constexpr double kCompoundDistance = 0.35;

struct Spelling {
    std::string word;
    double distance;
    std::string reason;
};

// True when @p word is one of the glossary's words for the typed word, or spelt nearly like one.
bool near_glossary_word(const std::string& word, const std::vector<EnglishReading>& meanings) {
    const std::string form = spelling_form(devanagari_to_latin(word));
    for (const auto& r : meanings) {
        if (r.kind != ReadingKind::Glossary || r.words.size() != 1) continue;
        if (r.words.front() == word || key_distance(form, spelling_form(devanagari_to_latin(r.words.front()))) <= kVariantDistance) return true;
    }
    return false;
}

// Adds a reading's term, or, when another reading already gave it, names both sources and
// keeps the surer weight and the surer concept.
void add_reading(WordExpansion& out, const std::string& term, double weight, const std::string& reason, int group) {
    for (auto& c : out.terms) {
        if (c.term != term || !c.all_of.empty()) continue;
        if (c.reason.find(reason) == std::string::npos) c.reason += "; " + reason;
        c.weight = std::max(c.weight, weight);
        if (c.spelling_group == 0 || group == kStemGroup) c.spelling_group = group;
        return;
    }
    out.terms.push_back(TermChoice{term, weight, reason, group, {}, {}});
}

}  // namespace

void QueryBuilder::add_latin_readings(const std::string& typed, const std::string& latin, bool title_only, WordExpansion& out) {
    const std::string stem_prefix = title_only ? prefix::kTitleStem : prefix::kStem;
    std::vector<EnglishReading> meanings = english_.names(typed);
    const bool name = !meanings.empty();
    const bool english = !name && english_.is_english(latin);
    if (english) meanings = english_.translations(latin);
    const bool sure_meaning = name || std::any_of(meanings.begin(), meanings.end(), [](const EnglishReading& r) { return r.kind == ReadingKind::Glossary; });
    const std::vector<Candidate> romanised = latin_candidates(latin);
    // A romanised function word (ki, ka, se) stands for a stop word: it adds nothing to ranking.
    if (!romanised.empty() && is_stopword(romanised.front().word) && romanised.front().distance <= 0.3 && !sure_meaning) {
        out.terms.clear();
        out.word.clear();
        return;
    }
    std::vector<Spelling> spellings;
    for (const auto& c : romanised)
        spellings.push_back({c.word, c.distance + (english ? kRomanisedEnglishPenalty : 0), "transliteration " + c.word + " d=" + format_distance(c.distance)});
    // The glossary lists the words papers use, loanwords included: an English sound of a glossary
    // word must be one of them or a variant spelling of one (हास्पिटल of हॉस्पिटल), not another
    // word that sounds alike (मिसाल beside मिसाइल, फ्लैट beside फ्लाइट).
    const bool glossary = std::any_of(meanings.begin(), meanings.end(), [](const EnglishReading& r) { return r.kind == ReadingKind::Glossary; });
    if (!name) {
        for (const auto& p : english_.pronunciations(latin)) {
            if (glossary && !near_glossary_word(p.words.front(), meanings)) continue;
            const double d = p.distance + (english ? 0 : kPronouncedNamePenalty);
            auto same = std::find_if(spellings.begin(), spellings.end(), [&](const Spelling& s) { return s.word == p.words.front(); });
            if (same == spellings.end()) spellings.push_back({p.words.front(), d, p.reason});
            else if (d < same->distance) *same = {p.words.front(), d, p.reason + "; " + same->reason};
        }
    }
    std::sort(spellings.begin(), spellings.end(), [](const Spelling& a, const Spelling& b) { return a.distance < b.distance; });
    // A certain meaning (a name, a glossary word) is as close as a reading gets.
    const double best = sure_meaning ? 0.0 : spellings.empty() ? 0.0 : spellings.front().distance;
    const double threshold = distance_threshold(spelling_form(latin));
    int taken = 0;
    // Beside a certain meaning only near-ties stay: a loanword's own spellings (हॉस्पिटल beside
    // अस्पताल), not words that merely sound alike (मिसाल beside मिसाइल).
    const double margin = sure_meaning ? kSpellingTie : kSpellingMargin;
    for (const auto& c : spellings) {
        if (c.distance > best + margin || c.distance > threshold || taken == kMaxSpellings) break;
        if (is_stopword(c.word)) continue;
        const std::string term = stem_prefix + analyzer_.analyze_word(c.word).stem;
        if (!exists(term)) continue;
        // Near-ties are spellings of one word and share one weight; a clearly worse candidate
        // is kept as a separate, lighter term so it cannot crowd out the best one.
        const bool near_tie = c.distance - best <= kSpellingTie;
        double weight = near_tie ? std::exp(-1.2 * best) : 0.5 * std::exp(-2.0 * c.distance);
        int group = near_tie ? kStemGroup : 0;
        // Beside a known name, a word that only sounds like it (कतार beside कतर for Qatar) is a
        // lighter concept of its own; one of the name's own spellings joins the name below.
        if (name) {
            weight *= kBesideNameWeight;
            group = kBesideNameGroup;
        }
        add_reading(out, term, weight, c.reason, group);
        if (near_tie && !name) out.forms.push_back(c.word);
        ++taken;
    }
    add_meaning_readings(meanings, title_only, out);
}

void QueryBuilder::add_meaning_readings(const std::vector<EnglishReading>& readings, bool title_only, WordExpansion& out) {
    const std::string stem_prefix = title_only ? prefix::kTitleStem : prefix::kStem;
    // One-word readings first: a phrase that contains one of them (नई दिल्ली beside दिल्ली) adds
    // nothing but a bonus for the phrase, which datelines would collect.
    std::vector<const EnglishReading*> ordered;
    for (const auto& r : readings) if (r.words.size() == 1) ordered.push_back(&r);
    for (const auto& r : readings) if (r.words.size() > 1) ordered.push_back(&r);
    std::set<std::string> single_terms;
    for (const EnglishReading* reading : ordered) {
        const EnglishReading& r = *reading;
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
        const int group = r.kind == ReadingKind::Dictionary ? kDictionaryGroup : kStemGroup;
        if (terms.size() > 1 && std::any_of(terms.begin(), terms.end(), [&](const std::string& t) { return single_terms.count(t) > 0; })) continue;
        if (terms.size() == 1) {
            single_terms.insert(terms.front());
            add_reading(out, terms.front(), r.weight, r.reason, group);
            if (r.words.size() == 1 && r.kind != ReadingKind::Dictionary) out.forms.push_back(r.words.front());
            continue;
        }
        std::string label;
        PhraseWords phrase;
        for (const auto& w : r.words) {
            label += (label.empty() ? "" : " ") + w;
            phrase.push_back({w});
        }
        TermChoice choice{stem_prefix + label, r.weight, r.reason, 0, terms, {}};
        // A name of several words must be written as one (उत्तर कोरिया, not उत्तर प्रदेश … कोरिया);
        // a translated phrase only needs its words, in any inflection (प्रवासी मजदूरों).
        if (r.kind == ReadingKind::Name) {
            Xapian::Query candidates(Xapian::Query::OP_AND, terms.begin(), terms.end());
            auto* filter = new PhraseFilter(std::move(phrase), title_only, candidates, codec_);
            choice.phrase = Xapian::Query(Xapian::Query::OP_FILTER, candidates, Xapian::Query(filter->release()));
        }
        out.terms.push_back(std::move(choice));
    }
}

bool is_latin_name_word(std::string_view word) {
    return std::any_of(word.begin(), word.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }) &&
           std::all_of(word.begin(), word.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '.' || c == '\'' || c == '-'; });
}

WordExpansion QueryBuilder::expand_unit(const std::vector<std::string>& words, bool title_only) {
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
    if (readings.empty() && words.size() == 2) {
        // One word of the index for the two words joined, said in English or romanised (New Zealand → न्यूजीलैंड),
        // but only when some word has no reading of its own: two words that read well apart are two words.
        const bool each_reads = std::all_of(words.begin(), words.end(), [&](const std::string& w) {
            const std::string lower = lower_ascii(w);
            return !latin_candidates(lower).empty() || !english_.translations(lower).empty() || !english_.pronunciations(lower).empty();
        });
        if (!each_reads) {
            for (auto& p : english_.pronunciations(lower_ascii(text)))
                if (p.distance <= kCompoundDistance) readings.push_back({p.words, ReadingKind::Pronunciation, std::exp(-1.2 * p.distance), p.distance, "one word for " + text + ", " + p.reason});
            for (const auto& c : latin_candidates(joined))
                if (c.distance <= kCompoundDistance) readings.push_back({{c.word}, ReadingKind::Pronunciation, std::exp(-1.2 * c.distance), c.distance, "one word for " + text + ", transliteration " + c.word + " d=" + format_distance(c.distance)});
        }
    } else {
        for (auto& r : readings) r.reason = "phrase " + text + ": " + r.reason;
    }
    add_meaning_readings(readings, title_only, out);
    return out;
}

// ---------------------------------------------------------------------------------------------
// The parser: a small recursive descent over whitespace-separated items.

struct QueryBuilder::Parser {
    enum class Kind { Word, Phrase, Open, Close, And, Or, Not, End };
    struct Item {
        Kind kind = Kind::End;
        std::string text;
        std::string field;  // for Word / Phrase: "title", "source", "date" or ""
        char sign = 0;      // '+', '-' or 0
    };

    QueryBuilder& builder;
    std::vector<Item> items;
    std::size_t next = 0;
    BuiltQuery& result;

    Parser(QueryBuilder& b, std::string_view text, BuiltQuery& r) : builder(b), result(r) { lex(text); }

    void lex(std::string_view s) {
        std::size_t i = 0;
        while (i < s.size()) {
            unsigned char c = static_cast<unsigned char>(s[i]);
            if (std::isspace(c)) {
                ++i;
                continue;
            }
            if (c == '(' || c == ')') {
                items.push_back({c == '(' ? Kind::Open : Kind::Close, {}, {}, 0});
                ++i;
                continue;
            }
            Item item;
            if ((c == '+' || c == '-') && i + 1 < s.size() && !std::isspace(static_cast<unsigned char>(s[i + 1]))) {
                item.sign = static_cast<char>(c);
                ++i;
            }
            // field:
            std::size_t colon = s.find(':', i);
            std::size_t stop = s.find_first_of(" \t\r\n()\"", i);
            if (colon != std::string_view::npos && colon < stop) {
                std::string field = lower_ascii(std::string(s.substr(i, colon - i)));
                if (field == "title" || field == "source" || field == "date" || field == "person" || field == "place" || field == "org") {
                    item.field = field;
                    i = colon + 1;
                }
            }
            if (i < s.size() && s[i] == '"') {
                std::size_t close = s.find('"', i + 1);
                if (close == std::string_view::npos) throw UsageError("unbalanced \" in query");
                item.kind = Kind::Phrase;
                item.text = std::string(s.substr(i + 1, close - i - 1));
                i = close + 1;
                items.push_back(item);
                continue;
            }
            std::size_t end = s.find_first_of(" \t\r\n()", i);
            if (end == std::string_view::npos) end = s.size();
            item.text = std::string(s.substr(i, end - i));
            i = end;
            item.kind = Kind::Word;
            if (item.sign == 0 && item.field.empty()) {
                if (item.text == "AND") item.kind = Kind::And;
                else if (item.text == "OR") item.kind = Kind::Or;
                else if (item.text == "NOT") item.kind = Kind::Not;
            }
            if (!item.text.empty() || item.kind != Kind::Word) items.push_back(item);
        }
    }

    const Item& peek() const {
        static const Item end{};
        return next < items.size() ? items[next] : end;
    }

    // A sequence of clauses up to ')' or the end, combined as must / should / must-not / filter.
    Xapian::Query sequence(bool nested) {
        std::vector<Xapian::Query> must, should, must_not, filters;
        bool pending_and = false, pending_not = false;
        while (true) {
            const Item& item = peek();
            if (item.kind == Kind::End) {
                if (nested) throw UsageError("unbalanced ( in query");
                break;
            }
            if (item.kind == Kind::Close) {
                if (!nested) throw UsageError("unbalanced ) in query");
                break;
            }
            if (item.kind == Kind::And) {
                pending_and = true;
                // "a AND b": the clause before AND becomes required too.
                if (!should.empty()) {
                    must.push_back(should.back());
                    should.pop_back();
                }
                ++next;
                continue;
            }
            if (item.kind == Kind::Or) {
                ++next;
                continue;
            }
            if (item.kind == Kind::Not) {
                pending_not = true;
                ++next;
                continue;
            }
            char sign = item.sign;
            bool is_filter = false;
            Xapian::Query q = unit_or_clause(is_filter);
            if (q.empty()) {
                pending_and = pending_not = false;
                continue;
            }
            if (pending_not || sign == '-') {
                must_not.push_back(q);
            } else if (is_filter) {
                filters.push_back(q);
            } else if (pending_and || sign == '+') {
                must.push_back(q);
            } else {
                should.push_back(q);
            }
            pending_and = pending_not = false;
        }
        // BM25 has no notion of coordination: an article using one query word many times can
        // outrank one that uses every query word. Pairwise ANDs, lightly weighted, reward the
        // articles that match more of the words ("Shoigu Pyongyang July").
        if (should.size() >= 2 && should.size() <= 6) {
            const std::size_t words = should.size();
            for (std::size_t i = 0; i < words; ++i) {
                for (std::size_t j = i + 1; j < words; ++j) {
                    should.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(Xapian::Query::OP_AND, should[i], should[j]), kCoordination);
                }
            }
        }
        Xapian::Query positive;
        if (!must.empty() && !should.empty()) {
            positive = Xapian::Query(Xapian::Query::OP_AND_MAYBE, Xapian::Query(Xapian::Query::OP_AND, must.begin(), must.end()),
                                     Xapian::Query(Xapian::Query::OP_OR, should.begin(), should.end()));
        } else if (!must.empty()) {
            positive = Xapian::Query(Xapian::Query::OP_AND, must.begin(), must.end());
        } else if (!should.empty()) {
            positive = Xapian::Query(Xapian::Query::OP_OR, should.begin(), should.end());
        }
        if (!filters.empty()) {
            Xapian::Query filter(Xapian::Query::OP_AND, filters.begin(), filters.end());
            positive = positive.empty() ? filter : Xapian::Query(Xapian::Query::OP_FILTER, positive, filter);
        }
        if (!must_not.empty()) {
            if (positive.empty()) positive = Xapian::Query::MatchAll;
            positive = Xapian::Query(Xapian::Query::OP_AND_NOT, positive, Xapian::Query(Xapian::Query::OP_OR, must_not.begin(), must_not.end()));
        }
        return positive;
    }

    // The next clause, or the next few Latin words when they read as one unit.
    Xapian::Query unit_or_clause(bool& is_filter) {
        Xapian::Query q = unit();
        return q.empty() ? clause(is_filter) : q;
    }

    // Adjacent plain Latin words tried as one unit (QueryBuilder::expand_unit), longest first.
    Xapian::Query unit() {
        // Longest first: "Ministry of External Affairs" before "External Affairs".
        for (std::size_t n = std::min<std::size_t>(kMaxUnitWords, items.size() - next); n >= 2; --n) {
            std::vector<std::string> words;
            bool plain = true;
            for (std::size_t k = 0; k < n && plain; ++k) {
                const Item& it = items[next + k];
                plain = it.kind == Kind::Word && it.field.empty() && (k == 0 || it.sign == 0) && is_latin_name_word(it.text);
                words.push_back(it.text);
            }
            if (!plain) continue;
            WordExpansion e = builder.expand_unit(words, false);
            if (e.terms.empty()) continue;
            next += n;
            Xapian::Query q = query_of(e);
            if (!e.forms.empty()) result.preferred_forms.push_back(e.forms);
            result.expansions.push_back(std::move(e));
            return q;
        }
        return Xapian::Query();
    }

    Xapian::Query clause(bool& is_filter) {
        Item item = peek();
        ++next;
        if (item.kind == Kind::Open) {
            Xapian::Query q = sequence(true);
            ++next;  // ')'
            return q;
        }
        if (item.field == "source") {
            is_filter = true;
            std::string name = lower_ascii(item.text);
            std::replace(name.begin(), name.end(), ' ', '_');
            return Xapian::Query(prefix::kSource + name);
        }
        if (item.field == "date") {
            is_filter = true;
            return date_filter(item.text);
        }
        if (item.field == "person" || item.field == "place" || item.field == "org") {
            is_filter = true;
            return entity_filter(item.field, item.text);
        }
        bool title = item.field == "title";
        if (item.kind == Kind::Phrase) return phrase(item.text, title);
        return word(item.text, title);
    }

    Xapian::Query word(const std::string& text, bool title) {
        // One typed word can hold several tokens (COVID-19): those become a phrase.
        std::string nfc = to_nfc(text);
        auto tokens = builder.analyzer_.tokenize(nfc);
        if (tokens.size() > 1) return phrase(text, title);
        if (tokens.empty()) return Xapian::Query();
        if (tokens.front().stopword && items.size() > 1) return Xapian::Query();
        WordExpansion e = builder.expand_word(nfc.substr(tokens.front().begin, tokens.front().end - tokens.front().begin), title);
        e.word = text;
        Xapian::Query q = query_of(e);
        if (!e.forms.empty() && !e.terms.empty()) result.preferred_forms.push_back(e.forms);
        result.expansions.push_back(std::move(e));
        return q;
    }

    Xapian::Query phrase(const std::string& text, bool title) {
        std::string nfc = to_nfc(text);
        auto tokens = builder.analyzer_.tokenize(nfc);
        const std::string stem_prefix = title ? prefix::kTitleStem : prefix::kStem;
        PhraseWords words;               // accepted forms per position, for the text check
        std::vector<Xapian::Query> all;  // every word's stems: what the phrase is ranked by
        for (const Token& t : tokens) {
            WordExpansion e;
            e.word = nfc.substr(t.begin, t.end - t.begin);
            std::set<std::string> forms{t.exact};
            if (t.script == Script::Latin && is_ascii_word(t.exact)) {
                // A Latin word inside a phrase matches the Devanagari forms it transliterates to.
                // Stop words included: "Kim Jong Un" is किम जोंग उन, and उन is a stop word.
                const auto candidates = builder.latin_candidates(t.exact);
                for (const auto& c : candidates) {
                    if (c.distance > candidates.front().distance + kSpellingTie) break;
                    forms.insert(c.word);
                }
            }
            // Stop words have no stem terms: a word that may be one ("Un" → उन) is left to the
            // text check; any other word must be in the article in some form.
            std::vector<Xapian::Query> stems;
            bool maybe_stopword = false;
            for (const std::string& form : forms) {
                if (is_stopword(form)) {
                    maybe_stopword = true;
                    continue;
                }
                std::string term = stem_prefix + builder.analyzer_.stem_of(form, form == t.exact ? t.script : Script::Devanagari);
                if (forms.size() > 1 && !builder.exists(term)) continue;
                add_choice(e, term, 1.0, form == t.exact ? "phrase word" : "phrase word, transliteration " + form);
                stems.emplace_back(term);
            }
            if (!stems.empty()) all.push_back(Xapian::Query(Xapian::Query::OP_SYNONYM, stems.begin(), stems.end()));
            else if (!maybe_stopword) all.push_back(Xapian::Query(stem_prefix + t.stem));  // matches nothing
            words.push_back(std::move(forms));
            result.expansions.push_back(std::move(e));
        }
        if (all.empty()) return Xapian::Query();
        Xapian::Query ranked(Xapian::Query::OP_AND, all.begin(), all.end());
        if (words.size() == 1) return ranked;
        auto* filter = new PhraseFilter(std::move(words), title, ranked, builder.codec_);
        return Xapian::Query(Xapian::Query::OP_FILTER, ranked, Xapian::Query(filter->release()));
    }

    // person:Shoigu = person:सोइगु = person:"Sergei Shoigu": any alias, either script. A name the
    // gazetteer lacks is looked for under the slug the indexer gives unknown names.
    Xapian::Query entity_filter(const std::string& field, const std::string& text) {
        EntityKind kind = field == "person" ? EntityKind::Person : field == "place" ? EntityKind::Place : EntityKind::Organisation;
        std::string typed = to_nfc(text);
        std::replace(typed.begin(), typed.end(), '_', ' ');
        Entity entity;
        if (auto known = Gazetteer::builtin().resolve(kind, typed)) {
            entity = *known;
        } else {
            entity.kind = kind;
            entity.name_en = has_devanagari(typed) ? devanagari_to_latin(typed) : typed;
        }
        WordExpansion e;
        e.word = field + ":" + text;
        add_choice(e, entity_term(entity), 0, entity.name_en.empty() ? "filter" : "filter: " + entity.name_en);
        result.expansions.push_back(std::move(e));
        return Xapian::Query(entity_term(entity));
    }

    static std::string compact_date(const std::string& d) {
        std::string out;
        for (char c : d) {
            if (std::isdigit(static_cast<unsigned char>(c))) out += c;
        }
        return out;
    }

    Xapian::Query date_filter(const std::string& text) {
        auto dots = text.find("..");
        if (dots != std::string::npos) {
            std::string from = compact_date(text.substr(0, dots));
            std::string to = compact_date(text.substr(dots + 2));
            if (from.empty() && to.empty()) throw UsageError("date range needs FROM..TO, e.g. date:2023-07-01..2023-07-31");
            while (!from.empty() && from.size() < 8) from += from.size() == 4 ? "01" : "01";
            if (!to.empty() && to.size() < 8) to += to.size() == 4 ? "1231" : "31";
            if (to.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot::kDate, from);
            if (from.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot::kDate, to);
            return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot::kDate, from, to);
        }
        std::string d = compact_date(text);
        if (d.size() == 8) return Xapian::Query(prefix::kDay + d);
        if (d.size() == 6) return Xapian::Query(prefix::kMonth + d);
        if (d.size() == 4) return Xapian::Query(prefix::kYear + d);
        throw UsageError("cannot read date '" + text + "': use YYYY, YYYY-MM, YYYY-MM-DD or FROM..TO");
    }
};

BuiltQuery QueryBuilder::build(std::string_view text) {
    BuiltQuery result;
    Parser parser(*this, text, result);
    result.query = parser.sequence(false);
    return result;
}

}  // namespace khoj
