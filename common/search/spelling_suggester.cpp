/** @file spelling_suggester.cpp @brief "Did you mean" from romanisation lookup keys. */
#include "common/search/spelling_suggester.h"

#include "common/text/romanisation.h"
#include "common/index/schema.h"
#include "common/text/stopwords.h"
#include "common/util/unicode_text.h"

#include <cmath>
#include <sstream>
#include <vector>

namespace khoj {

namespace {

// A word this frequent is taken as meant; a suggestion must be this many times more frequent.
constexpr Xapian::doccount kWellAttested = 5;
constexpr double kMoreFrequent = 4.0;
constexpr double kMaxDistance = 0.7;

}  // namespace

std::string SpellingSuggester::better_word(const std::string& typed) {
    Token token = analyzer_.analyze_word(typed);
    if (token.exact.empty() || token.stopword) return {};
    std::vector<std::string> keys;
    std::string typed_latin;
    Xapian::doccount typed_frequency = 0;
    if (token.script == Script::Devanagari) {
        keys = lookup_keys_of_devanagari(token.exact);
        typed_latin = devanagari_to_latin(token.exact);
        typed_frequency = db_.get_termfreq(prefix::kStem + token.stem);
    } else if (token.script == Script::Latin && is_ascii_word(token.exact)) {
        keys = {consonant_skeleton(romanisation_key(token.exact))};
        typed_latin = token.exact;
        typed_frequency = db_.get_termfreq(prefix::kStem + token.stem);
    } else {
        return {};
    }
    if (typed_frequency >= kWellAttested) return {};
    std::string best;
    double best_score = 0;
    for (const auto& key : keys) {
        const std::string synonym_key = prefix::kRomanKey + key;
        for (auto it = db_.synonyms_begin(synonym_key); it != db_.synonyms_end(synonym_key); ++it) {
            const std::string word = *it;
            if (word == token.exact || is_stopword(word)) continue;
            Xapian::doccount frequency = db_.get_termfreq(prefix::kStem + analyzer_.stem_of(word, Script::Devanagari));
            if (frequency < kWellAttested || frequency < kMoreFrequent * std::max<Xapian::doccount>(typed_frequency, 1)) continue;
            double d = spelling_distance(typed_latin, word);
            if (d > kMaxDistance) continue;
            double score = std::log(1.0 + frequency) * std::exp(-3.0 * d);
            if (score > best_score) {
                best_score = score;
                best = word;
            }
        }
    }
    return best;
}

std::string SpellingSuggester::suggest(std::string_view query) {
    std::istringstream in{std::string(query)};
    std::string word, out;
    bool changed = false;
    while (in >> word) {
        std::string replacement;
        bool plain = word.find_first_of(":\"()") == std::string::npos && word != "AND" && word != "OR" && word != "NOT" &&
                     word[0] != '-' && word[0] != '+';
        if (plain) replacement = better_word(word);
        if (!replacement.empty()) changed = true;
        out += (out.empty() ? "" : " ") + (replacement.empty() ? word : replacement);
    }
    return changed ? out : std::string();
}

}  // namespace khoj
