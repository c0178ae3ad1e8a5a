/** @file spelling_suggester.cpp @brief "Did you mean" from romanisation lookup keys. */
#include "common/search/spelling_suggester.h"

#include "common/index/schema.h"
#include "common/search/query_parser.h"
#include "common/search/ranking.h"
#include "common/search/word_expansion.h"
#include "common/text/romanisation.h"
#include "common/util/errors.h"
#include "common/util/unicode_text.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <vector>

namespace khoj {

using namespace ranking;

std::string SpellingSuggester::better_word(const std::string& typed) {
    // One word of the query syntax may hold several tokens (COVID-19): the query builder
    // searches those as a phrase, and phrases are left as typed.
    const std::vector<Token> tokens = analyzer_.tokenize(to_nfc(typed));
    if (tokens.size() != 1) return {};
    const Token& token = tokens.front();
    if (token.exact.empty() || token.stopword) return {};
    CandidateLookup lookup;
    lookup.typed_word = token.exact;
    if (token.script == Script::Devanagari) {
        lookup.keys = lookup_keys_of_devanagari(token.exact);
        lookup.typed_latin = devanagari_to_latin(token.exact);
    } else if (token.script == Script::Latin && is_ascii_word(token.exact)) {
        lookup.keys = {consonant_skeleton(romanisation_key(token.exact))};
        lookup.typed_latin = token.exact;
    } else {
        return {};
    }
    const Xapian::doccount typed_frequency = vocabulary_.termfreq(prefix::kStem + token.stem);
    if (typed_frequency >= kWellAttested) return {};
    std::string best;
    double best_score = 0;
    for (const SpellingCandidate& c : spelling_candidates(vocabulary_, analyzer_, lookup)) {
        if (c.frequency < kWellAttested || c.frequency < kMoreFrequent * std::max<Xapian::doccount>(typed_frequency, 1)) continue;
        if (c.distance > kMaxSuggestionDistance) continue;
        double score = std::log(1.0 + c.frequency) * std::exp(-kSuggestionDistanceDecay * c.distance);
        if (score > best_score) {
            best_score = score;
            best = c.word;
        }
    }
    return best;
}

std::string SpellingSuggester::suggest(std::string_view query) {
    std::vector<QueryItem> items;
    try {
        items = lex_query(query);
    } catch (const UsageError&) {
        return {};  // a query that cannot be read has no better spelling
    }
    // Plain words only: filters, phrases, operators and +/- words are left as typed.
    std::string respelled;
    std::size_t copied = 0;
    bool changed = false;
    for (const QueryItem& item : items) {
        if (item.kind != QueryItem::Kind::Word || item.field != QueryField::None || item.sign != 0) continue;
        const std::string replacement = better_word(item.text);
        if (replacement.empty()) continue;
        respelled.append(query.substr(copied, item.begin - copied)).append(replacement);
        copied = item.end;
        changed = true;
    }
    if (!changed) return {};
    respelled.append(query.substr(copied));
    // Words separated by single spaces, as the suggestion is shown.
    std::string out;
    std::istringstream words(respelled);
    for (std::string word; words >> word;) out += (out.empty() ? "" : " ") + word;
    return out;
}

}  // namespace khoj
