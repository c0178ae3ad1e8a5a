/** @file chrome_lines.cpp @brief The chrome classifier: a data list of the phrases sites put around an article (each with why it is chrome), and the shapes a phrase list cannot say (bylines, counters, time stamps, share-button rows). */
#include "common/ingest/chrome_lines.h"

#include "common/ingest/dates.h"
#include "common/text/hindi_normalizer.h"
#include "common/util/string_util.h"
#include "common/util/unicode_text.h"

#include <algorithm>
#include <array>
#include <optional>
#include <cctype>
#include <vector>

namespace khoj {

namespace {

// How a phrase must sit in a folded line (trailing ": - | * »" taken off first).
enum class Place {
    kWhole,   // the whole line
    kStarts,  // the line starts with it and has at most max_words words
    kAround,  // the line starts with text and ends with ends, at most max_words words
    kEnds,    // the line ends with it, at most max_words words
};

struct ChromePhrase {
    ChromeKind kind;
    Place place;
    const char* text;
    const char* ends;
    std::size_t max_words;
    const char* why;
};

// Written as sites write them; folded once at start-up (folded_line), so case, nukta and
// spacing do not matter. Every entry is something a reader never reads as the article.
constexpr ChromePhrase kPhrases[] = {
    // App prompts: mobile sites put them above every article.
    {ChromeKind::kAppPrompt, Place::kAround, "move to", "app", 6, "Jagran's banner that sends readers to its app"},
    {ChromeKind::kAppPrompt, Place::kAround, "download", "app", 8, "download-the-app banner"},
    {ChromeKind::kAppPrompt, Place::kAround, "open in", "app", 6, "open-in-app banner"},
    {ChromeKind::kAppPrompt, Place::kAround, "get the", "app", 6, "get-the-app banner"},
    {ChromeKind::kAppPrompt, Place::kAround, "install", "app", 8, "install-the-app banner"},
    {ChromeKind::kAppPrompt, Place::kEnds, "ऐप डाउनलोड करें", "", 8, "download-the-app banner in Hindi"},
    {ChromeKind::kAppPrompt, Place::kEnds, "एप डाउनलोड करें", "", 8, "the same, spelt एप"},
    {ChromeKind::kAppPrompt, Place::kAround, "डाउनलोड करें", "ऐप", 8, "download banner naming the app last"},
    // Paywalls (the "N/M free articles" counter is a shape, below).
    {ChromeKind::kPaywall, Place::kStarts, "subscribe to read", "", 8, "paywall notice"},
    {ChromeKind::kPaywall, Place::kStarts, "subscribe to continue", "", 8, "paywall notice"},
    {ChromeKind::kPaywall, Place::kWhole, "premium", "", 0, "paywall badge"},
    {ChromeKind::kPaywall, Place::kEnds, "सब्सक्राइब करें", "", 12, "subscribe prompt in Hindi"},
    // Labels of a time stamp whose value the scraper lost.
    {ChromeKind::kDateLine, Place::kWhole, "date updated", "", 0, "label of a time stamp (the time itself was an image or script)"},
    {ChromeKind::kDateLine, Place::kWhole, "updated", "", 0, "label of a time stamp"},
    {ChromeKind::kDateLine, Place::kWhole, "last updated", "", 0, "label of a time stamp"},
    {ChromeKind::kDateLine, Place::kWhole, "published", "", 0, "label of a time stamp"},
    {ChromeKind::kDateLine, Place::kWhole, "अपडेटेड", "", 0, "label of a time stamp in Hindi"},
    {ChromeKind::kDateLine, Place::kWhole, "प्रकाशित", "", 0, "label of a time stamp in Hindi"},
    // Image placeholders and credits: the picture is gone, its frame is left.
    {ChromeKind::kImage, Place::kWhole, "hero image", "", 0, "alt text of the lead picture"},
    {ChromeKind::kImage, Place::kWhole, "image", "", 0, "alt text of a picture"},
    {ChromeKind::kImage, Place::kWhole, "photo", "", 0, "alt text of a picture"},
    {ChromeKind::kImage, Place::kWhole, "file photo", "", 0, "picture credit"},
    {ChromeKind::kImage, Place::kWhole, "फाइल फोटो", "", 0, "picture credit in Hindi"},
    {ChromeKind::kImage, Place::kWhole, "प्रतीकात्मक तस्वीर", "", 0, "'symbolic picture' under a stock photo"},
    {ChromeKind::kImage, Place::kWhole, "सांकेतिक तस्वीर", "", 0, "'symbolic picture' under a stock photo"},
    {ChromeKind::kImage, Place::kWhole, "प्रतीकात्मक फोटो", "", 0, "'symbolic photo' under a stock photo"},
    {ChromeKind::kImage, Place::kWhole, "सांकेतिक फोटो", "", 0, "'symbolic photo' under a stock photo"},
    {ChromeKind::kImage, Place::kWhole, "representational image", "", 0, "caption of a stock photo"},
    {ChromeKind::kImage, Place::kWhole, "representative image", "", 0, "caption of a stock photo"},
    {ChromeKind::kImage, Place::kStarts, "photo:", "", 8, "picture credit line"},
    {ChromeKind::kImage, Place::kStarts, "photo credit", "", 8, "picture credit line"},
    {ChromeKind::kImage, Place::kStarts, "image source", "", 8, "picture credit line"},
    {ChromeKind::kImage, Place::kStarts, "image credit", "", 8, "picture credit line"},
    {ChromeKind::kImage, Place::kStarts, "फोटो:", "", 8, "picture credit line in Hindi"},
    {ChromeKind::kImage, Place::kStarts, "फोटो साभार", "", 8, "picture credit line in Hindi"},
    {ChromeKind::kImage, Place::kStarts, "फोटो क्रेडिट", "", 8, "picture credit line in Hindi"},
    {ChromeKind::kImage, Place::kStarts, "तस्वीर:", "", 8, "picture credit line in Hindi"},
    // Share and follow buttons (a row of network names run together is a shape, below).
    {ChromeKind::kShare, Place::kWhole, "share", "", 0, "share button"},
    {ChromeKind::kShare, Place::kWhole, "share this", "", 0, "share button"},
    {ChromeKind::kShare, Place::kWhole, "share this article", "", 0, "share button"},
    {ChromeKind::kShare, Place::kWhole, "share this story", "", 0, "share button"},
    {ChromeKind::kShare, Place::kWhole, "copy link", "", 0, "share button"},
    {ChromeKind::kShare, Place::kWhole, "शेयर", "", 0, "share button in Hindi"},
    {ChromeKind::kShare, Place::kWhole, "शेयर करें", "", 0, "share button in Hindi"},
    {ChromeKind::kShare, Place::kWhole, "follow", "", 0, "follow button"},
    {ChromeKind::kShare, Place::kWhole, "follow us", "", 0, "follow button"},
    {ChromeKind::kShare, Place::kStarts, "follow us on", "", 8, "follow button naming the network"},
    {ChromeKind::kShare, Place::kStarts, "share on", "", 6, "share button naming the network"},
    {ChromeKind::kShare, Place::kStarts, "फॉलो करें", "", 6, "follow button in Hindi, often with the network after a colon"},
    {ChromeKind::kShare, Place::kStarts, "हमें फॉलो करें", "", 8, "follow button in Hindi"},
    // The comment form under an article.
    {ChromeKind::kComments, Place::kStarts, "leave a reply", "", 8, "WordPress comment form heading"},
    {ChromeKind::kComments, Place::kStarts, "leave a comment", "", 8, "comment form heading"},
    {ChromeKind::kComments, Place::kStarts, "your email address will not be published", "", 20, "WordPress comment form notice"},
    {ChromeKind::kComments, Place::kStarts, "required fields are marked", "", 6, "WordPress comment form notice"},
    {ChromeKind::kComments, Place::kStarts, "save my name, email", "", 25, "WordPress comment form check box"},
    {ChromeKind::kComments, Place::kStarts, "you must be logged in to post a comment", "", 12, "comment form notice"},
    {ChromeKind::kComments, Place::kWhole, "comments", "", 0, "comment section heading"},
    {ChromeKind::kComments, Place::kWhole, "post comment", "", 0, "comment form button"},
    {ChromeKind::kComments, Place::kWhole, "कमेंट", "", 0, "comment section heading in Hindi"},
    {ChromeKind::kComments, Place::kWhole, "कमेंट करें", "", 0, "comment button in Hindi"},
    {ChromeKind::kComments, Place::kWhole, "टिप्पणियां", "", 0, "comment section heading in Hindi"},
    {ChromeKind::kComments, Place::kWhole, "टिप्पणी करें", "", 0, "comment button in Hindi"},
    {ChromeKind::kComments, Place::kWhole, "अपनी राय दें", "", 0, "comment prompt in Hindi"},
    // Links to other articles: headings of the list, and a link line itself.
    {ChromeKind::kRelated, Place::kWhole, "related articles", "", 0, "heading of the related-links box"},
    {ChromeKind::kRelated, Place::kWhole, "related posts", "", 0, "heading of the related-links box"},
    {ChromeKind::kRelated, Place::kWhole, "related news", "", 0, "heading of the related-links box"},
    {ChromeKind::kRelated, Place::kWhole, "related stories", "", 0, "heading of the related-links box"},
    {ChromeKind::kRelated, Place::kWhole, "you may also like", "", 0, "heading of the recommendations box"},
    {ChromeKind::kRelated, Place::kWhole, "recommended", "", 0, "heading of the recommendations box"},
    {ChromeKind::kRelated, Place::kWhole, "trending", "", 0, "heading of the trending box"},
    {ChromeKind::kRelated, Place::kWhole, "trending now", "", 0, "heading of the trending box"},
    {ChromeKind::kRelated, Place::kWhole, "latest news", "", 0, "heading of the latest-news box"},
    {ChromeKind::kRelated, Place::kWhole, "more news", "", 0, "heading of a links box"},
    {ChromeKind::kRelated, Place::kWhole, "more stories", "", 0, "heading of a links box"},
    {ChromeKind::kRelated, Place::kWhole, "संबंधित खबरें", "", 0, "'related news' in Hindi"},
    {ChromeKind::kRelated, Place::kWhole, "संबंधित लेख", "", 0, "'related articles' in Hindi"},
    {ChromeKind::kRelated, Place::kWhole, "और पढ़ें", "", 0, "'read more' link"},
    {ChromeKind::kRelated, Place::kWhole, "पढ़ें पूरी खबर", "", 0, "'read the full story' link"},
    {ChromeKind::kRelated, Place::kWhole, "पूरी खबर पढ़ें", "", 0, "'read the full story' link"},
    {ChromeKind::kRelated, Place::kStarts, "also read", "", 25, "a link to another article, with its headline"},
    {ChromeKind::kRelated, Place::kStarts, "read also", "", 25, "a link to another article"},
    {ChromeKind::kRelated, Place::kStarts, "read more", "", 25, "a link to another article"},
    {ChromeKind::kRelated, Place::kStarts, "यह भी पढ़ें", "", 25, "'read this too': a link to another article"},
    {ChromeKind::kRelated, Place::kStarts, "ये भी पढ़ें", "", 25, "'read this too': a link to another article"},
    {ChromeKind::kRelated, Place::kStarts, "इसे भी पढ़ें", "", 25, "'read this too': a link to another article"},
    {ChromeKind::kRelated, Place::kStarts, "पढ़ें:", "", 20, "'read:' before a linked headline"},
    {ChromeKind::kRelated, Place::kStarts, "पढ़ें-", "", 20, "'read -' before a linked headline"},
    // Page navigation.
    {ChromeKind::kNavigation, Place::kWhole, "back to top", "", 0, "scroll-up button"},
    {ChromeKind::kNavigation, Place::kWhole, "back to top button", "", 0, "scroll-up button's label"},
    {ChromeKind::kNavigation, Place::kWhole, "scroll to top", "", 0, "scroll-up button"},
    {ChromeKind::kNavigation, Place::kWhole, "go to top", "", 0, "scroll-up button"},
    {ChromeKind::kNavigation, Place::kWhole, "skip to content", "", 0, "screen-reader link"},
    {ChromeKind::kNavigation, Place::kWhole, "skip to main content", "", 0, "screen-reader link"},
    {ChromeKind::kNavigation, Place::kWhole, "home", "", 0, "menu item"},
    {ChromeKind::kNavigation, Place::kWhole, "होम", "", 0, "menu item in Hindi"},
    {ChromeKind::kNavigation, Place::kWhole, "menu", "", 0, "menu button"},
    {ChromeKind::kNavigation, Place::kWhole, "next article", "", 0, "pager link"},
    {ChromeKind::kNavigation, Place::kWhole, "previous article", "", 0, "pager link"},
    {ChromeKind::kNavigation, Place::kWhole, "next post", "", 0, "pager link"},
    {ChromeKind::kNavigation, Place::kWhole, "previous post", "", 0, "pager link"},
    {ChromeKind::kNavigation, Place::kWhole, "next story", "", 0, "pager link"},
    {ChromeKind::kNavigation, Place::kWhole, "अगली खबर", "", 0, "pager link in Hindi"},
    {ChromeKind::kNavigation, Place::kWhole, "पिछली खबर", "", 0, "pager link in Hindi"},
    {ChromeKind::kNavigation, Place::kWhole, "load more", "", 0, "pager button"},
    {ChromeKind::kNavigation, Place::kWhole, "show more", "", 0, "pager button"},
    // Advertisements.
    {ChromeKind::kAdvert, Place::kWhole, "advertisement", "", 0, "label of an ad slot"},
    {ChromeKind::kAdvert, Place::kWhole, "advertisment", "", 0, "label of an ad slot, as often misspelt"},
    {ChromeKind::kAdvert, Place::kWhole, "ad", "", 0, "label of an ad slot"},
    {ChromeKind::kAdvert, Place::kWhole, "sponsored", "", 0, "label of a paid slot"},
    {ChromeKind::kAdvert, Place::kWhole, "विज्ञापन", "", 0, "label of an ad slot in Hindi"},
    {ChromeKind::kAdvert, Place::kStarts, "story continues below advertisement", "", 6, "ad slot inside the text"},
};

bool is_space_code_point(char32_t cp) {
    return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
           cp == 0x202F || cp == 0x205F || cp == 0x3000;
}


// The number of words of @p line, counted up to @p cap (lines longer than any chrome stop early).
std::size_t word_count_up_to(std::string_view line, std::size_t cap) {
    std::size_t words = 0;
    bool in_word = false;
    for (char c : line) {
        const bool space = c == ' ' || c == '\t' || c == '\r' || c == '\n';
        if (!space && !in_word && ++words > cap) return words;
        in_word = !space;
    }
    return words;
}

// The folded line as phrases are matched against it: no space before a colon ("फोटो : PTI"
// is "फोटो: PTI"), and trailing punctuation that only decorates a label taken off.
std::string match_form(std::string folded) {
    std::string out;
    out.reserve(folded.size());
    for (std::size_t i = 0; i < folded.size(); ++i) {
        if (folded[i] == ' ' && i + 1 < folded.size() && folded[i + 1] == ':') continue;
        out += folded[i];
    }
    auto decoration = [](std::string_view s) {
        for (std::string_view tail : {":", "-", "|", "*", ".", " ", "\xE2\x80\x93", "\xE2\x80\x94", "\xC2\xBB", "\xE2\x80\xBA", "\xE2\x80\xA2"}) {
            if (s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail) return tail.size();
        }
        return std::size_t{0};
    };
    while (std::size_t n = decoration(out)) out.resize(out.size() - n);
    return out;
}

struct FoldedPhrase {
    const ChromePhrase* phrase;
    std::string text, ends;
};

const std::vector<FoldedPhrase>& folded_phrases() {
    static const std::vector<FoldedPhrase> phrases = [] {
        std::vector<FoldedPhrase> list;
        for (const ChromePhrase& p : kPhrases) list.push_back({&p, folded_line(p.text), folded_line(p.ends)});
        return list;
    }();
    return phrases;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool ends_with(std::string_view s, std::string_view suffix) { return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix; }

ChromeKind phrase_kind(std::string_view form, std::size_t words) {
    for (const FoldedPhrase& p : folded_phrases()) {
        const Place place = p.phrase->place;
        const bool fits = place == Place::kWhole ? form == p.text
                          : place == Place::kStarts ? words <= p.phrase->max_words && starts_with(form, p.text)
                          : place == Place::kEnds   ? words <= p.phrase->max_words && ends_with(form, p.text)
                                                    : words <= p.phrase->max_words && starts_with(form, p.text) && ends_with(form, p.ends);
        if (fits) return p.phrase->kind;
    }
    return ChromeKind::kNone;
}

// "5/5शेष फ्री लेख", "3/10 free articles left": a metered paywall's counter.
bool is_paywall_counter(std::string_view form, std::size_t words) {
    std::size_t i = 0;
    while (i < form.size() && std::isdigit(static_cast<unsigned char>(form[i]))) ++i;
    if (i == 0 || i >= form.size() || form[i] != '/') return false;
    std::size_t j = i + 1;
    while (j < form.size() && std::isdigit(static_cast<unsigned char>(form[j]))) ++j;
    if (j == i + 1 || words > 6) return false;
    // Folding changes none of these words.
    for (std::string_view word : {"शेष", "फ्री", "free", "left", "remaining", "लेख", "articles", "stories"}) {
        if (form.find(word) != std::string_view::npos) return true;
    }
    return false;
}

// "TwitterFacebookemailemail", "Facebook | Twitter | WhatsApp", "email": share buttons whose
// labels ran together. The whole line must be network names and button words.
bool is_share_row(std::string_view form) {
    static constexpr std::array<std::string_view, 18> kButtons = {
        "facebook", "twitter", "whatsapp", "telegram", "linkedin", "pinterest", "reddit", "email", "e-mail",
        "mail",     "print",   "copy",     "link",     "share",    "tweet",     "wp",     "affiliates", "koo"};
    static constexpr std::array<std::string_view, 8> kNetworks = {"facebook", "twitter", "whatsapp", "telegram",
                                                                  "linkedin", "pinterest", "email", "koo"};
    std::string s;
    for (char c : form) {
        if (c != ' ' && c != '|' && c != '/' && c != ',') s += c;
    }
    if (s.empty() || s.size() > 80) return false;
    bool network = false;
    for (std::string_view n : kNetworks) network = network || s.find(n) != std::string::npos;
    if (!network) return false;
    // reachable[i]: s[0, i) is a run of button words.
    std::vector<bool> reachable(s.size() + 1, false);
    reachable[0] = true;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (!reachable[i]) continue;
        for (std::string_view b : kButtons) {
            if (std::string_view(s).substr(i, b.size()) == b) reachable[i + b.size()] = true;
        }
    }
    return reachable[s.size()];
}

bool is_weekday(std::string_view w) {
    static const std::vector<std::string> kDays = [] {
        std::vector<std::string> days;
        for (const char* name : {"mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday", "wednesday", "thursday", "friday",
                                 "saturday", "sunday", "सोमवार", "मंगलवार", "बुधवार", "गुरुवार", "बृहस्पतिवार", "शुक्रवार", "शनिवार", "रविवार"}) {
            days.push_back(folded_line(name));
        }
        return days;
    }();
    return std::find(kDays.begin(), kDays.end(), w) != kDays.end();
}

// One word of a time stamp: numbers and times ("10:26", "2020"), months, weekdays, AM/PM and
// zones, and the labels around them. Sets @p time or @p year when the word is one.
bool is_time_stamp_word(std::string_view w, bool& time, bool& year) {
    while (!w.empty() && (w.front() == '(' || w.front() == '|')) w.remove_prefix(1);
    while (!w.empty() && (w.back() == ')' || w.back() == ',' || w.back() == '|' || w.back() == '.')) w.remove_suffix(1);
    static const std::string kUpdated = folded_line("अपडेटेड"), kPublished = folded_line("प्रकाशित");
    if (w.empty() || w == "-" || w == "am" || w == "pm" || w == "ist" || w == "gmt" || w == "utc" || w == "hrs" || w == "on" || w == "at" ||
        w == "updated" || w == "published" || w == "updated:" || w == "published:" || w == kUpdated || w == kPublished) {
        return true;
    }
    if (is_weekday(w)) {
        time = true;
        return true;
    }
    // A number, a time or a date written with separators: every part a number or a month.
    bool any = false;
    for (std::size_t i = 0; i < w.size();) {
        std::size_t j = w.find_first_of(":-/.", i);
        if (j == std::string_view::npos) j = w.size();
        const std::string_view part = w.substr(i, j - i);
        if (!part.empty()) {
            const bool number = std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
            if (!number && month_from_name(part) == 0) return false;
            if (number && part.size() == 4) year = true;
            any = true;
        }
        if (j < w.size() && w[j] == ':') time = true;
        i = j + 1;
    }
    return any;
}

// "Mon, Mar 9, 2020, 9:01 AM IST", "07:14 AM, 03-APR-2020": a time stamp standing alone. A
// date alone ("27 जुलाई 2023", "14 मार्च 81" in a table) is left as text: it needs a time or a
// weekday to be a stamp.
bool is_time_stamp(const std::vector<std::string_view>& words) {
    bool time = false, year = false;
    for (std::string_view w : words) {
        if (!is_time_stamp_word(w, time, year)) return false;
    }
    return time && (year || words.size() >= 3);
}

// "By Jagran NewsEdited By: Jagran News NetworkUpdated: Thu, 27 Jul 2023 10:26 AM (IST)":
// the author, the editor, the time. Starts with "By" (and then says more than a name only
// when it has a marker or a date), or carries a marker and a date. "By 2030 …।" is a sentence.
bool is_byline(std::string_view form, std::size_t words) {
    static const std::vector<std::string> kMarkers = [] {
        std::vector<std::string> markers;
        for (const char* m : {"edited by", "updated:", "updated on", "updated at", "published by", "published:", "published on",
                              "written by", "reported by", "posted by", "posted on", "authored by", "एडिटेड बाय", "लेखक:",
                              "अपडेटेड:", "प्रकाशित:", "पब्लिश्ड बाय"}) {
            markers.push_back(folded_line(m));
        }
        return markers;
    }();
    if (words > 30) return false;
    const bool by = starts_with(form, "by ") || starts_with(form, "by:");
    // Every marker has a colon, "by", "बाय" or "ed on"/"ed at": most lines are passed at once.
    const bool maybe = form.find(':') != std::string_view::npos || form.find("by") != std::string_view::npos ||
                       form.find("\xE0\xA4\xAC\xE0\xA4\xBE\xE0\xA4\xAF") != std::string_view::npos || form.find("ed on") != std::string_view::npos ||
                       form.find("ed at") != std::string_view::npos;
    bool marker = false;
    for (const std::string& m : kMarkers) marker = marker || (maybe && form.find(m) != std::string_view::npos);
    if (!by && !marker) return false;
    if (by && (marker || words <= 6)) return true;
    return find_date_in_text(form).has_value();
}

// "होम » देश » राष्ट्रीय": a breadcrumb trail.
bool is_breadcrumb(std::string_view form, std::size_t words) {
    if (words > 12) return false;
    std::size_t separators = 0;
    for (std::string_view sep : {"\xC2\xBB", "\xE2\x80\xBA", " > "}) {
        for (std::size_t at = form.find(sep); at != std::string_view::npos; at = form.find(sep, at + sep.size())) ++separators;
    }
    return separators >= 2;
}

// "Russia:  Russia:": one label, repeated, with nothing after it (caption or alt-text debris).
bool is_label_debris(const std::vector<std::string_view>& words) {
    if (words.size() < 2 || words.size() > 6) return false;
    for (std::string_view w : words) {
        if (w != words[0]) return false;
    }
    return words[0].size() > 1 && words[0].back() == ':';
}

bool is_teaser(std::string_view line) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t')) line.remove_suffix(1);
    return ends_with(line, "[\xE2\x80\xA6]") || ends_with(line, "[...]") || ends_with(line, "[&hellip;]");
}

}  // namespace

const char* chrome_kind_name(ChromeKind kind) {
    switch (kind) {
        case ChromeKind::kNone: return "none";
        case ChromeKind::kAppPrompt: return "app prompt";
        case ChromeKind::kPaywall: return "paywall";
        case ChromeKind::kByline: return "byline";
        case ChromeKind::kDateLine: return "date line";
        case ChromeKind::kImage: return "image";
        case ChromeKind::kShare: return "share";
        case ChromeKind::kComments: return "comments";
        case ChromeKind::kRelated: return "related";
        case ChromeKind::kNavigation: return "navigation";
        case ChromeKind::kAdvert: return "advert";
        case ChromeKind::kTeaser: return "teaser";
        case ChromeKind::kLabelDebris: return "label debris";
    }
    return "none";
}

std::string folded_line(std::string_view line) {
    std::string collapsed;
    collapsed.reserve(line.size());
    bool space = false;
    for (std::size_t i = 0; i < line.size();) {
        const std::size_t start = i;
        const char32_t cp = next_code_point(line, i);
        if (is_space_code_point(cp)) {
            space = !collapsed.empty();
            continue;
        }
        if (space) collapsed += ' ';
        space = false;
        collapsed.append(line, start, i - start);
    }
    return hindi_normalizer::orthographic(collapsed);
}

ChromeKind classify_chrome_line(std::string_view line) {
    if (is_teaser(line)) return ChromeKind::kTeaser;
    // Chrome is short: the longest, a byline or the comment form's notice, has under 30 words.
    const std::size_t words = word_count_up_to(line, 30);
    if (words == 0 || words > 30) return ChromeKind::kNone;
    const std::string folded = folded_line(line);
    const std::string form = match_form(folded);
    // A sentence ended with a danda is the article talking, whatever words it starts with.
    if (form.find("\xE0\xA5\xA4") != std::string::npos) return ChromeKind::kNone;
    if (const ChromeKind kind = phrase_kind(form, words); kind != ChromeKind::kNone) return kind;
    const std::vector<std::string_view> parts = split_at_spaces(form);
    if (is_paywall_counter(form, words)) return ChromeKind::kPaywall;
    if (is_byline(form, words)) return ChromeKind::kByline;
    if (words <= 12 && is_time_stamp(parts)) return ChromeKind::kDateLine;
    if (is_share_row(form)) return ChromeKind::kShare;
    if (is_breadcrumb(form, words)) return ChromeKind::kNavigation;
    if (is_label_debris(split_at_spaces(folded))) return ChromeKind::kLabelDebris;
    return ChromeKind::kNone;
}

std::string date_of_chrome_line(std::string_view line) {
    const std::optional<std::string> date = find_date_in_text(line);
    return date ? *date : std::string();
}

}  // namespace khoj
