/** @file english_lexicon.cpp @brief Binary search over the sorted, compiled-in English → Hindi lists. */
#include "common/text/english_lexicon.h"

#include "common/util/string_util.h"

namespace khoj {

extern const std::string_view kNewsGlossaryTsv;    // generated from common/text/data/news_glossary.tsv
extern const std::string_view kFreedictEngHinTsv;  // generated from common/text/data/freedict_eng_hin.tsv

namespace {

std::string_view headword_of(std::string_view line) { return line.substr(0, line.find('\t')); }

// The line of @p text starting at @p start (without its newline).
std::string_view line_at(std::string_view text, std::size_t start) {
    std::size_t end = text.find('\n', start);
    return text.substr(start, (end == std::string_view::npos ? text.size() : end) - start);
}

// Offset of the first line whose headword is not less than @p key (text.size() when none):
// binary search on byte offsets, each probe backed up to the start of its line.
std::size_t lower_bound_line(std::string_view text, std::string_view key) {
    std::size_t lo = 0, hi = text.size();  // lo and hi are line starts; the answer is in [lo, hi]
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        std::size_t start = mid == 0 ? 0 : text.rfind('\n', mid - 1);
        start = (start == std::string_view::npos || start + 1 < lo) ? lo : start + 1;
        const std::string_view line = line_at(text, start);
        if (headword_of(line) < key) {
            lo = std::min(text.size(), start + line.size() + 1);
        } else {
            hi = start;
        }
    }
    return lo;
}

// The translations field of @p key's line, or "" when @p text has no such headword.
std::string_view find(std::string_view text, std::string_view key) {
    const std::size_t at = lower_bound_line(text, key);
    if (at >= text.size()) return {};
    const std::string_view line = line_at(text, at);
    if (headword_of(line) != key || line.size() <= key.size()) return {};
    return line.substr(key.size() + 1);
}

bool has_prefix_line(std::string_view text, const std::string& prefix) {
    const std::size_t at = lower_bound_line(text, prefix);
    return at < text.size() && line_at(text, at).substr(0, prefix.size()) == prefix;
}

}  // namespace

EnglishLexicon::EnglishLexicon(std::string_view glossary_tsv, std::string_view dictionary_tsv)
    : glossary_(glossary_tsv), dictionary_(dictionary_tsv) {}

const EnglishLexicon& EnglishLexicon::builtin() {
    static const EnglishLexicon lexicon(kNewsGlossaryTsv, kFreedictEngHinTsv);
    return lexicon;
}

std::vector<Translation> EnglishLexicon::translations(std::string_view headword) const {
    std::vector<Translation> out;
    if (headword.empty() || headword.front() == '#') return out;
    LexiconSource source = LexiconSource::Glossary;
    std::string_view field = find(glossary_, headword);
    if (field.empty()) {
        source = LexiconSource::FreeDict;
        field = find(dictionary_, headword);
    }
    if (field.empty()) return out;
    int rank = 0;
    for (const std::string& hindi : split(field, '|')) {
        std::string word = trim(hindi);
        if (!word.empty()) out.push_back({std::move(word), source, rank++});
    }
    return out;
}

bool EnglishLexicon::knows(std::string_view headword) const {
    return !headword.empty() && headword.front() != '#' && (!find(glossary_, headword).empty() || !find(dictionary_, headword).empty());
}

bool EnglishLexicon::has_phrase_starting(std::string_view words) const {
    const std::string prefix = std::string(words) + " ";
    return has_prefix_line(glossary_, prefix) || has_prefix_line(dictionary_, prefix);
}

}  // namespace khoj
