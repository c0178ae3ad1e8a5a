/** @file scraped_text.cpp @brief Headline choice, repeated paragraphs, template lines and the cleaning of one scraped article. */
#include "common/ingest/scraped_text.h"

#include "common/ingest/chrome_lines.h"
#include "common/util/string_util.h"
#include "common/text/stopwords.h"

#include <algorithm>
#include <unordered_set>

namespace khoj {

namespace {

// The first lines of a text among which the headline is looked for: past a few lines of
// chrome and labels, a line is body text, never the headline.
constexpr std::size_t kHeadlineWindow = 8;

// A repeated paragraph must be at least this long: shorter lines (headings, datelines, "मुंबई")
// recur in real articles.
constexpr std::size_t kMinRepeatWords = 8;

// A paragraph that is the first half (or more) of a longer one is its lead cut short only when
// it is this long: list items and headings share beginnings.
constexpr std::size_t kMinLeadWords = 20;

// A site's template lines are furniture, a sentence or two at most; longer lines (paragraphs,
// most of an archive's bytes) are not counted, which keeps counting cheap.
constexpr std::size_t kMaxTemplateLineBytes = 600;


// Whether @p line has at least @p n words (split at ASCII white space); stops counting there.
bool words_at_least(std::string_view line, std::size_t n) {
    std::size_t words = 0;
    bool in_word = false;
    for (char c : line) {
        const bool space = c == ' ' || c == '\t' || c == '\r' || c == '\n';
        if (!space && !in_word && ++words >= n) return true;
        in_word = !space;
    }
    return words >= n;
}

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t\r\xC2\xA0") == std::string_view::npos; }

std::string_view trimmed(std::string_view line) {
    const std::size_t begin = line.find_first_not_of(" \t\r");
    if (begin == std::string_view::npos) return {};
    const std::size_t end = line.find_last_not_of(" \t\r");
    return line.substr(begin, end - begin + 1);
}

std::vector<std::string_view> lines_of(std::string_view text) {
    std::vector<std::string_view> lines;
    for (std::size_t start = 0; start <= text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

// A paragraph as repeats are compared: trimmed, a teaser's cut mark taken off and remembered.
// Repeats in scraped text are byte for byte (the same HTML scraped twice), so no folding: this
// runs on every paragraph of an archive.
struct Paragraph {
    std::size_t index = 0;
    std::string_view key;
    std::size_t words = 0;
    bool cut = false;  ///< it ended with "[…]", "…" or "...": an excerpt of something longer
};

Paragraph paragraph_of(std::size_t index, std::string_view text) {
    Paragraph p{index, trimmed(text)};
    for (std::string_view mark : {"[\xE2\x80\xA6]", "[...]", "\xE2\x80\xA6", "..."}) {
        if (p.key.ends_with(mark)) {
            p.key = trimmed(p.key.substr(0, p.key.size() - mark.size()));
            p.cut = true;
            break;
        }
    }
    p.words = 1 + static_cast<std::size_t>(std::count(p.key.begin(), p.key.end(), ' '));
    return p;
}

// Hashes a paragraph by its length and first bytes: enough to tell paragraphs apart, without
// hashing every byte of an archive.
struct ParagraphHash {
    std::size_t operator()(std::string_view text) const {
        return std::hash<std::string_view>()(text.substr(0, 64)) ^ (text.size() * 0x9E3779B97F4A7C15ull);
    }
};

// "सियोल (दक्षिण कोरिया), एजेंसी।", "नई दिल्ली, 27 जुलाई (भाषा)", "मुंबई:": a dateline put before a
// repeated lead. Names, dates and an agency only: "प्रधानमंत्री ने कहा:" before a quote has
// function words, and is the article quoting itself, not a dateline.
bool is_dateline(std::string_view text) {
    const std::vector<std::string_view> words = split_at_spaces(text);
    if (words.empty() || words.size() > 8) return false;
    bool ends_well = false;
    for (std::string_view end : {"\xE0\xA5\xA4", ":", "-", "\xE2\x80\x93", "\xE2\x80\x94", ")", ","}) {
        ends_well = ends_well || (text.size() >= end.size() && text.substr(text.size() - end.size()) == end);
    }
    if (!ends_well) return false;
    for (std::string_view w : words) {
        while (!w.empty() && std::string_view("(),:-").find(w.front()) != std::string_view::npos) w.remove_prefix(1);
        while (!w.empty() && std::string_view("(),:-").find(w.back()) != std::string_view::npos) w.remove_suffix(1);
        if (w.size() >= 3 && w.substr(w.size() - 3) == "\xE0\xA5\xA4") w.remove_suffix(3);
        if (is_stopword(w)) return false;
    }
    return true;
}

// Whether @p p repeats the longer @p q: an excerpt of it cut short, its first half or more when
// @p p is a long lead (short list items share beginnings: "क्या बंद है- सिनेमा हॉल, स्कूल …"),
// or all of it but a dateline.
bool repeats_within(const Paragraph& p, const Paragraph& q) {
    const std::string_view shorter = p.key, longer = q.key;
    if (shorter.size() >= longer.size()) return false;
    if (longer.substr(0, shorter.size()) == shorter) {
        return p.cut || (p.words >= kMinLeadWords && 2 * shorter.size() >= longer.size());
    }
    if (longer.substr(longer.size() - shorter.size()) == shorter) {
        const std::string_view before = longer.substr(0, longer.size() - shorter.size());
        return before.size() < 400 && is_dateline(folded_line(before));
    }
    return false;
}

// FNV-1a over a line with white space collapsed and ASCII case folded; 0 for a blank line.
// Digits count: "रांची में आज 5 नए मामले" and "… 7 नए मामले" are two lines (news), and a
// counter such as "5/5शेष फ्री लेख" is chrome by its shape already.
std::uint64_t line_key(std::string_view line) {
    std::uint64_t hash = 14695981039346656037ull;
    bool space = false, any = false;
    auto put = [&](unsigned char c) {
        hash ^= c;
        hash *= 1099511628211ull;
    };
    for (std::size_t i = 0; i < line.size(); ++i) {
        auto c = static_cast<unsigned char>(line[i]);
        if (c == ' ' || c == '\t' || c == '\r' || (c == 0xC2 && i + 1 < line.size() && static_cast<unsigned char>(line[i + 1]) == 0xA0)) {
            if (c == 0xC2) ++i;
            space = any;
            continue;
        }
        if (space) put(' ');
        space = false;
        any = true;
        if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
        put(c);
    }
    return any ? (hash == 0 ? 1 : hash) : 0;
}

}  // namespace

bool is_section_label(std::string_view line) {
    if (line.size() > 200 || words_at_least(line, 4)) return false;
    const std::string folded = folded_line(line);
    const std::vector<std::string_view> words = split_at_spaces(folded);
    if (words.empty() || words.size() > 3 || folded.size() > 60) return false;
    if (folded.find_first_of("0123456789.,:;!?\"'()[]|") != std::string::npos) return false;
    if (folded.back() == '-' || folded.ends_with("\xE2\x80\x93") || folded.ends_with("\xE2\x80\x94")) return false;
    for (std::string_view mark : {"\xE0\xA5\xA4", "\xE0\xA5\xA5", "\xE2\x80\x98", "\xE2\x80\x99", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\xA6"}) {
        if (folded.find(mark) != std::string::npos) return false;  // । ॥ ‘ ’ “ ” …
    }
    return std::none_of(words.begin(), words.end(), [](std::string_view w) { return is_stopword(w); });
}

bool is_headline_like(std::string_view line) {
    if (line.size() > 1200 || words_at_least(line, 26)) return false;  // a paragraph: not worth folding
    const std::string folded = folded_line(line);
    const std::size_t words = split_at_spaces(folded).size();
    if (words < 4 || words > 25 || folded.size() > 400) return false;
    if (folded.find("\xE0\xA5\xA4") != std::string::npos || folded.find("\xE0\xA5\xA5") != std::string::npos) return false;
    for (std::string_view end : {".", ":", ";", ",", "-", "\xE2\x80\x93", "\xE2\x80\x94"}) {
        if (folded.size() >= end.size() && folded.compare(folded.size() - end.size(), end.size(), end) == 0) return false;
    }
    return true;
}

std::size_t choose_headline(const std::vector<std::string_view>& lines, const std::vector<bool>& chrome) {
    const std::size_t n = std::min(lines.size(), chrome.size());
    std::size_t first = 0;
    while (first < n && chrome[first]) ++first;
    if (first == n) return lines.size();
    // A run of section labels (chrome between them allowed) stands above the headline.
    std::size_t next = first;
    while (next < n && (chrome[next] || is_section_label(lines[next]))) ++next;
    if (next > first && next < n && is_headline_like(lines[next])) return next;
    return first;
}

std::vector<std::size_t> repeated_paragraphs(const std::vector<std::string_view>& paragraphs) {
    std::vector<Paragraph> candidates;
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        if (!words_at_least(paragraphs[i], kMinRepeatWords)) continue;
        Paragraph p = paragraph_of(i, paragraphs[i]);
        if (p.words >= kMinRepeatWords) candidates.push_back(std::move(p));
    }
    std::vector<std::size_t> repeats;
    std::unordered_set<std::string_view, ParagraphHash> seen;
    for (const Paragraph& p : candidates) {
        bool repeat = !seen.insert(p.key).second;  // the same text as an earlier paragraph
        for (const Paragraph& q : candidates) {
            if (repeat) break;
            repeat = repeats_within(p, q);
        }
        if (repeat) repeats.push_back(p.index);
    }
    return repeats;
}

void TemplateLines::add(std::string_view source, std::string_view text) {
    Source& s = sources_[std::string(source)];
    ++s.articles;
    std::unordered_set<std::uint64_t> distinct;
    for (std::string_view line : lines_of(text)) {
        if (line.size() > kMaxTemplateLineBytes) continue;
        if (const std::uint64_t key = line_key(line); key != 0 && distinct.insert(key).second) {
            const std::uint32_t count = ++s.lines[key];
            s.most = std::max<std::size_t>(s.most, count);
        }
    }
}

bool TemplateLines::contains(std::string_view source, std::string_view line) const {
    const auto it = sources_.find(std::string(source));
    if (it == sources_.end()) return false;
    const Source& s = it->second;
    const std::size_t needed = std::max(kMinArticles, (s.articles + 1) / 2);
    if (s.most < needed || line.size() > kMaxTemplateLineBytes) return false;  // no line of this source is template: no need to hash
    const auto count = s.lines.find(line_key(line));
    return count != s.lines.end() && count->second >= needed;
}

std::size_t TemplateLines::articles(std::string_view source) const {
    const auto it = sources_.find(std::string(source));
    return it == sources_.end() ? 0 : it->second.articles;
}

namespace {

// One body line on its way through cleaning.
struct BodyLine {
    std::string_view text;
    bool blank = false;
    ChromeKind chrome = ChromeKind::kNone;
    bool template_line = false;
    bool dropped = false;
};

bool gives_date(ChromeKind kind) { return kind == ChromeKind::kByline || kind == ChromeKind::kDateLine; }

// Chooses the headline among the title and the first body lines; a body line chosen moves to
// the title, and the section labels above it are dropped with the old title.
void choose_title(Article& article, std::vector<BodyLine>& lines, HeadlineOrigin origin, bool title_is_chrome, CleaningReport& report) {
    constexpr std::size_t kTitle = static_cast<std::size_t>(-1);
    std::vector<std::string_view> window;
    std::vector<bool> chrome;
    std::vector<std::size_t> where;  // the body line of each window line, kTitle for the title
    if (!is_blank(article.title)) {
        window.push_back(trimmed(article.title));
        chrome.push_back(title_is_chrome);
        where.push_back(kTitle);
    }
    for (std::size_t i = 0; i < lines.size() && window.size() < kHeadlineWindow; ++i) {
        if (lines[i].blank) continue;
        window.push_back(trimmed(lines[i].text));
        chrome.push_back(lines[i].chrome != ChromeKind::kNone || lines[i].template_line);
        where.push_back(i);
    }
    const std::size_t chosen = choose_headline(window, chrome);
    if (chosen == window.size() || where[chosen] == kTitle) return;
    // A JSON title was given on purpose: only a line that reads as a headline replaces it.
    if (origin == HeadlineOrigin::kField && !is_headline_like(window[chosen])) return;
    if (where[0] == kTitle) {
        const ChromeKind kind = classify_chrome_line(article.title);
        if (gives_date(kind)) report.date = date_of_chrome_line(article.title);
        ++report.dropped_lines;
    }
    for (std::size_t k = 0; k < chosen; ++k) {
        // Chrome lines are dropped (and their dates read) with the rest of the body's chrome.
        if (where[k] != kTitle && lines[where[k]].chrome == ChromeKind::kNone && !lines[where[k]].template_line) {
            lines[where[k]].dropped = true;
            ++report.dropped_lines;
        }
    }
    article.title = std::string(window[chosen]);
    lines[where[chosen]].dropped = true;
}

// Drops chrome and template lines, then paragraphs repeating another or the headline.
bool drop_chrome_and_repeats(const Article& article, std::vector<BodyLine>& lines, CleaningReport& report) {
    bool changed = false;
    for (BodyLine& line : lines) {
        changed = changed || line.dropped;
        if (line.dropped || line.blank || (line.chrome == ChromeKind::kNone && !line.template_line)) continue;
        line.dropped = changed = true;
        ++report.dropped_lines;
        if (report.date.empty() && gives_date(line.chrome)) report.date = date_of_chrome_line(line.text);
    }
    // The headline is paragraph 0: a body paragraph that is the headline again goes.
    std::vector<std::string_view> paragraphs{article.title};
    std::vector<std::size_t> where{0};
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].dropped || lines[i].blank) continue;
        paragraphs.push_back(lines[i].text);
        where.push_back(i);
    }
    for (std::size_t r : repeated_paragraphs(paragraphs)) {
        if (r == 0) continue;
        lines[where[r]].dropped = changed = true;
        ++report.dropped_lines;
    }
    return changed;
}

// The body again from its kept lines: one blank line at most where lines were dropped between
// paragraphs, none at either end.
std::string rebuilt_body(const std::vector<BodyLine>& lines) {
    std::string body;
    bool blank_pending = false;
    for (const BodyLine& line : lines) {
        if (line.dropped) continue;
        if (line.blank) {
            blank_pending = !body.empty();
            continue;
        }
        if (!body.empty()) body += blank_pending ? "\n\n" : "\n";
        blank_pending = false;
        body.append(line.text);
    }
    return body;
}

}  // namespace

CleaningReport clean_scraped_article(Article& article, HeadlineOrigin origin, const TemplateLines* templates, std::string_view source) {
    CleaningReport report;
    auto is_template = [&](std::string_view line) { return templates && templates->contains(source, line); };
    std::vector<BodyLine> lines;
    for (std::string_view text : lines_of(article.body)) {
        BodyLine line{text, is_blank(text)};
        if (!line.blank) {
            line.chrome = classify_chrome_line(text);
            line.template_line = line.chrome == ChromeKind::kNone && is_template(text);
        }
        lines.push_back(line);
    }
    if (origin != HeadlineOrigin::kPage) {
        const bool title_is_chrome = classify_chrome_line(article.title) != ChromeKind::kNone || is_template(article.title);
        choose_title(article, lines, origin, title_is_chrome, report);
    }
    if (drop_chrome_and_repeats(article, lines, report)) article.body = rebuilt_body(lines);
    return report;
}

}  // namespace khoj
