/** @file snippet_test.cpp @brief Tests of snippets: safe cuts that never split a conjunct, window choice, highlights, ellipses. */
#include "common/text/analyzer.h"
#include "common/index/schema.h"
#include "common/search/snippet.h"
#include "common/util/unicode_text.h"

#include <doctest/doctest.h>
#include <unicode/uchar.h>

#include <set>
#include <string>

using namespace khoj;

namespace {

// Conjuncts (क्ष, त्र, स्त), a decomposed nukta (क़ as क + ़), a ZWJ half form (दिल्‍ली), matras.
const std::string kSentence =
    "राष्ट्रपति ने क\u093Cानून पर हस्ताक्षर किए और दिल्\u200Dली में क्षत्रिय महासभा की स्त्री "
    "प्रतिनिधियों से मुलाक़ात की। उन्होंने कहा कि संविधान सर्वोपरि है।";

const std::string kEllipsis = "…";

bool is_mark(char32_t cp) {
    int8_t type = u_charType(static_cast<UChar32>(cp));
    return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK || cp == 0x200D;
}

char32_t last_code_point(const std::string& text) {
    std::size_t back = text.size() - 1;
    while (back > 0 && (static_cast<unsigned char>(text[back]) & 0xC0) == 0x80) --back;
    return next_code_point(text, back);
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }
bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Query terms as the searcher passes them: the stem term of each word.
TermMatcher matcher_for(Analyzer& analyzer, std::initializer_list<const char*> words) {
    std::set<std::string> terms;
    for (const char* w : words) terms.insert(prefix::kStem + analyzer.analyze_word(w).stem);
    return TermMatcher(terms);
}

std::string filler(int sentences) {
    static const char* const lines[] = {
        "सरकार ने आज नई योजना की घोषणा की। ",
        "किसानों को बीज और खाद समय पर मिलेंगे। ",
        "राज्य के मुख्यमंत्री ने अधिकारियों के साथ बैठक की। ",
        "बारिश के कारण कई सड़कों पर पानी भर गया। ",
    };
    std::string out;
    for (int k = 0; k < sentences; ++k) out += lines[k % 4];
    return out;
}

}  // namespace

TEST_CASE("cut_at_safe_boundary never splits a conjunct, a nukta or a ZWJ") {
    for (std::size_t max = 0; max <= kSentence.size() + 3; ++max) {
        CAPTURE(max);
        const std::string cut = cut_at_safe_boundary(kSentence, max);
        REQUIRE(cut.size() <= max);
        REQUIRE(starts_with(kSentence, cut));
        REQUIRE(is_valid_utf8(cut));
        if (cut.empty() || cut.size() == kSentence.size()) continue;
        const char32_t last = last_code_point(cut);
        CHECK(last != 0x094D);  // would leave a dangling half letter
        CHECK(last != 0x200D);
        std::size_t at = cut.size();
        CHECK_FALSE(is_mark(next_code_point(kSentence, at)));  // would orphan a matra or a nukta
    }
    CHECK(cut_at_safe_boundary(kSentence, kSentence.size()) == kSentence);
}

TEST_CASE("cut_at_safe_boundary keeps as much as fits") {
    // "क्षत्रिय" has safe cuts at 0, 9 (after क्ष), 21 (after त्रि), 24.
    CHECK(cut_at_safe_boundary("क्षत्रिय", 20) == "क्ष");
    CHECK(cut_at_safe_boundary("क्षत्रिय", 21) == "क्षत्रि");
    CHECK(cut_at_safe_boundary("क्षत्रिय", 8).empty());
}

TEST_CASE("make_snippet highlights the matched word") {
    Analyzer analyzer;
    const std::string text = "शहर की पुरानी मस्जिदों में ईद की नमाज़ अदा की गई।";
    TermMatcher matcher = matcher_for(analyzer, {"मस्जिद"});
    Snippet s = make_snippet(text, matcher, analyzer, 420);
    CHECK(s.text == text);  // short enough: whole, no ellipsis
    REQUIRE(s.highlights.size() == 1);
    const Highlight& h = s.highlights[0];
    REQUIRE(h.end <= s.text.size());
    CHECK(s.text.substr(h.begin, h.end - h.begin) == "मस्जिदों");
}

TEST_CASE("make_snippet picks the window around the match and marks the cuts with …") {
    Analyzer analyzer;
    const std::string match = "शहर की पुरानी मस्जिदों में ईद की नमाज़ अदा की गई। ";
    const std::string text = filler(20) + match + filler(20);
    TermMatcher matcher = matcher_for(analyzer, {"मस्जिदों"});
    const std::size_t max_bytes = 200;
    Snippet s = make_snippet(text, matcher, analyzer, max_bytes);
    CHECK(starts_with(s.text, kEllipsis + " "));
    CHECK(ends_with(s.text, " " + kEllipsis));
    CHECK(is_valid_utf8(s.text));
    CHECK(s.text.size() <= max_bytes + 2 * (kEllipsis.size() + 1));
    REQUIRE(s.highlights.size() == 1);
    CHECK(s.text.substr(s.highlights[0].begin, s.highlights[0].end - s.highlights[0].begin) == "मस्जिदों");
}

namespace {

const std::string kShoiguText =
    filler(6) + "रूस के रक्षा मंत्री सर्गेई शोइगु ने प्योंगयांग का दौरा किया। " + filler(6);

// The snippet text without the "… " and " …" that mark cuts.
std::string without_ellipses(std::string text) {
    if (starts_with(text, kEllipsis + " ")) text.erase(0, kEllipsis.size() + 1);
    if (ends_with(text, " " + kEllipsis)) text.erase(text.size() - kEllipsis.size() - 1);
    return text;
}

}  // namespace

TEST_CASE("make_snippet keeps a contiguous piece of the text with the matches marked, for every budget") {
    Analyzer analyzer;
    TermMatcher matcher = matcher_for(analyzer, {"शोइगु", "प्योंगयांग"});
    for (std::size_t max_bytes = 60; max_bytes <= 400; max_bytes += 7) {
        CAPTURE(max_bytes);
        Snippet s = make_snippet(kShoiguText, matcher, analyzer, max_bytes);
        CHECK(is_valid_utf8(s.text));
        CHECK(kShoiguText.find(without_ellipses(s.text)) != std::string::npos);
        CHECK_FALSE(s.highlights.empty());
        for (const auto& h : s.highlights) {
            REQUIRE(h.begin < h.end);
            REQUIRE(h.end <= s.text.size());
            const std::string word = s.text.substr(h.begin, h.end - h.begin);
            CHECK((word == "शोइगु" || word == "प्योंगयांग"));
        }
    }
}

TEST_CASE("make_snippet respects max_bytes for every budget") {
    Analyzer analyzer;
    TermMatcher matcher = matcher_for(analyzer, {"शोइगु", "प्योंगयांग"});
    for (std::size_t max_bytes = 60; max_bytes <= 400; ++max_bytes) {
        CAPTURE(max_bytes);
        CHECK(without_ellipses(make_snippet(kShoiguText, matcher, analyzer, max_bytes).text).size() <= max_bytes);
    }
    const std::string short_text = "रूस के रक्षा मंत्री सर्गेई शोइगु ने प्योंगयांग का दौरा किया। आगे";
    CHECK(without_ellipses(make_snippet(short_text, matcher, analyzer, 87).text).size() <= 87);
}

TEST_CASE("make_snippet starts at the beginning when the match is in the lead") {
    Analyzer analyzer;
    const std::string text = "मस्जिदों में नमाज़ हुई। " + filler(30);
    TermMatcher matcher = matcher_for(analyzer, {"मस्जिद"});
    Snippet s = make_snippet(text, matcher, analyzer, 120);
    CHECK(starts_with(s.text, "मस्जिदों"));
    CHECK(ends_with(s.text, " " + kEllipsis));
    REQUIRE_FALSE(s.highlights.empty());
    CHECK(s.highlights[0].begin == 0);
}

TEST_CASE("make_snippet folds runs of white space") {
    Analyzer analyzer;
    const std::string text = "रूस  के\n\nरक्षा\tमंत्री";
    Snippet s = make_snippet(text, matcher_for(analyzer, {"रक्षा"}), analyzer, 420);
    CHECK(s.text == "रूस के रक्षा मंत्री");
    REQUIRE(s.highlights.size() == 1);
    CHECK(s.text.substr(s.highlights[0].begin, s.highlights[0].end - s.highlights[0].begin) == "रक्षा");
}

TEST_CASE("highlight_all marks every match in a headline without cutting it") {
    Analyzer analyzer;
    const std::string title = "पुतिन से मिलने रूस जाएंगे किम, रूस में होगी बातचीत";
    Snippet s = highlight_all(title, matcher_for(analyzer, {"रूस"}), analyzer);
    CHECK(s.text == title);
    REQUIRE(s.highlights.size() == 2);
    for (const auto& h : s.highlights) CHECK(s.text.substr(h.begin, h.end - h.begin) == "रूस");
}

TEST_CASE("TermMatcher::matches by stem term, in body or title") {
    Analyzer analyzer;
    Token plural = analyzer.analyze_word("मस्जिदों");
    CHECK(TermMatcher({prefix::kStem + plural.stem}).matches(plural));
    CHECK(TermMatcher({prefix::kStem + analyzer.analyze_word("मस्जिद").stem}).matches(plural));
    CHECK(TermMatcher({prefix::kTitleStem + plural.stem}).matches(plural));
    CHECK_FALSE(TermMatcher({prefix::kStem + std::string("रूस")}).matches(plural));
}
