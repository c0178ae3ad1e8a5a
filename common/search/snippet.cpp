/** @file snippet.cpp @brief Snippet window selection and highlighting. */
#include "common/search/snippet.h"

#include "common/index/schema.h"
#include "common/util/unicode_text.h"

#include <algorithm>

namespace khoj {

bool TermMatcher::matches(const Token& token) const {
    return terms_.count(prefix::kStem + token.stem) || terms_.count(prefix::kTitleStem + token.stem);
}

std::string cut_at_safe_boundary(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return std::string(text);
    std::size_t best = 0;
    for (std::size_t cut : safe_cut_offsets(text)) {
        if (cut > max_bytes) break;
        best = cut;
    }
    return std::string(text.substr(0, best));
}

namespace {

// Copies text[begin, end) folding runs of white space to one space, and maps highlight offsets.
Snippet render(std::string_view text, std::size_t begin, std::size_t end, const std::vector<const Token*>& marks) {
    Snippet out;
    std::size_t mark = 0;
    bool in_space = false;
    for (std::size_t i = begin; i < end;) {
        while (mark < marks.size() && marks[mark]->end <= i) ++mark;
        if (mark < marks.size() && marks[mark]->begin == i) {
            std::size_t start = out.text.size();
            out.text.append(text.substr(i, marks[mark]->end - i));
            out.highlights.push_back({start, out.text.size()});
            i = marks[mark]->end;
            in_space = false;
            continue;
        }
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            if (!in_space && !out.text.empty()) out.text += ' ';
            in_space = true;
            ++i;
            continue;
        }
        in_space = false;
        out.text += text[i];
        ++i;
    }
    while (!out.text.empty() && out.text.back() == ' ') out.text.pop_back();
    return out;
}

}  // namespace

Snippet highlight_all(std::string_view text, const TermMatcher& matcher, Analyzer& analyzer) {
    auto tokens = analyzer.tokenize(text);
    std::vector<const Token*> marks;
    for (const auto& t : tokens) {
        if (matcher.matches(t)) marks.push_back(&t);
    }
    return render(text, 0, text.size(), marks);
}

Snippet make_snippet(std::string_view text, const TermMatcher& matcher, Analyzer& analyzer, std::size_t max_bytes) {
    auto tokens = analyzer.tokenize(text);
    if (tokens.empty()) return Snippet{cut_at_safe_boundary(text, max_bytes), {}};
    std::vector<bool> matched(tokens.size());
    for (std::size_t k = 0; k < tokens.size(); ++k) matched[k] = matcher.matches(tokens[k]);
    // Slide a window over the tokens; score = distinct matched words, then total matches,
    // then earliness (the lead paragraph usually says the most).
    std::size_t best_start = 0, best_end = 0;
    double best_score = -1;
    std::size_t end = 0;
    for (std::size_t start = 0; start < tokens.size(); ++start) {
        if (start > 0 && !matched[start] && best_score > 0) continue;  // windows start on a match
        end = std::max(end, start);
        while (end < tokens.size() && tokens[end].end - tokens[start].begin <= max_bytes) ++end;
        std::set<std::string> distinct;
        std::size_t total = 0;
        for (std::size_t k = start; k < end; ++k) {
            if (matched[k]) {
                distinct.insert(tokens[k].stem);
                ++total;
            }
        }
        double score = static_cast<double>(distinct.size()) * ranking::kDistinctMatchScore + static_cast<double>(std::min(total, ranking::kMaxCountedMatches));
        if (score > best_score) {
            best_score = score;
            best_start = start;
            best_end = end;
        }
        if (start == 0 && distinct.empty()) {
            best_score = 0;
        }
    }
    if (best_end <= best_start) best_end = std::min(tokens.size(), best_start + 1);
    // Start a little before the first match so it is read in context, if that fits.
    std::size_t begin_byte = tokens[best_start].begin;
    std::size_t end_byte = tokens[best_end - 1].end;
    for (std::size_t back = 0; back < ranking::kLeadContextWords && best_start > 0 && end_byte - tokens[best_start - 1].begin <= max_bytes; ++back) {
        --best_start;
        begin_byte = tokens[best_start].begin;
    }
    // Take the punctuation that ends the last word (।, ., ?) when it fits.
    while (end_byte < text.size() && end_byte - begin_byte < max_bytes) {
        std::size_t probe = end_byte;
        char32_t cp = next_code_point(text, probe);
        if ((cp == 0x0964 || cp == '.' || cp == '?' || cp == '!' || cp == ',') && probe - begin_byte <= max_bytes) {
            end_byte = probe;
        } else {
            break;
        }
    }
    std::vector<const Token*> marks;
    for (std::size_t k = best_start; k < best_end; ++k) {
        if (matched[k]) marks.push_back(&tokens[k]);
    }
    Snippet s = render(text, begin_byte, end_byte, marks);
    if (best_start > 0) {
        s.text.insert(0, "… ");
        for (auto& h : s.highlights) {
            h.begin += std::string("… ").size();
            h.end += std::string("… ").size();
        }
    }
    if (end_byte < text.size()) s.text += " …";
    return s;
}

}  // namespace khoj
