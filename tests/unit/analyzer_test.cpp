/** @file analyzer_test.cpp @brief Tests of Analyzer: word segmentation, offsets, normalisation, stop words, stems, long words. */
#include "common/text/analyzer.h"
#include "common/util/unicode_text.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using khoj::Analyzer;
using khoj::Script;
using khoj::Token;

namespace {

std::vector<std::string> exacts(const std::vector<Token>& tokens) {
    std::vector<std::string> out;
    for (const auto& t : tokens) out.push_back(t.exact);
    return out;
}

std::string devanagari_letters(std::size_t n) {
    static const char* const letters[] = {"क", "ख", "ग", "घ", "च", "छ", "ज", "झ", "ट", "ठ"};
    std::string out;
    for (std::size_t k = 0; k < n; ++k) out += letters[k % 10];
    return out;
}

}  // namespace

TEST_CASE("Analyzer::tokenize gives byte offsets of the words in the text") {
    Analyzer analyzer;
    const std::string text = "रूस के रक्षा मंत्री, सर्गेई शोइगु।";
    auto tokens = analyzer.tokenize(text);
    REQUIRE(exacts(tokens) == std::vector<std::string>{"रूस", "के", "रक्षा", "मंत्री", "सर्गेई", "शोइगु"});
    for (const auto& t : tokens) {
        CAPTURE(t.exact);
        REQUIRE(t.begin < t.end);
        REQUIRE(t.end <= text.size());
        CHECK(text.substr(t.begin, t.end - t.begin) == t.exact);
        CHECK(t.script == Script::Devanagari);
    }
    CHECK(tokens[0].begin == 0);
    CHECK(tokens[5].end == text.size() - std::string("।").size());
}

TEST_CASE("Analyzer::tokenize keeps a word with a ZWJ as one token") {
    Analyzer analyzer;
    const std::string text = "नई दिल्\u200Dली में";
    auto tokens = analyzer.tokenize(text);
    REQUIRE(tokens.size() == 3);
    CHECK(tokens[1].exact == "दिल्ली");
    // The offsets cover the word as written, joiner included.
    CHECK(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin) == "दिल्\u200Dली");
}

TEST_CASE("Analyzer::tokenize splits at a quotation mark ICU would join across") {
    Analyzer analyzer;
    const std::string text = "बावजूद’रूस";
    auto tokens = analyzer.tokenize(text);
    REQUIRE(exacts(tokens) == std::vector<std::string>{"बावजूद", "रूस"});
    CHECK(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin) == "रूस");
}

TEST_CASE("Analyzer::tokenize lower-cases Latin words") {
    Analyzer analyzer;
    auto tokens = analyzer.tokenize("COVID के मामले");
    REQUIRE(!tokens.empty());
    CHECK(tokens[0].exact == "covid");
    CHECK(tokens[0].script == Script::Latin);
    CHECK(tokens[0].begin == 0);
    CHECK(tokens[0].end == 5);
}

TEST_CASE("Analyzer::tokenize folds Devanagari digits") {
    Analyzer analyzer;
    auto tokens = analyzer.tokenize("वर्ष २०२० में");
    REQUIRE(tokens.size() == 3);
    CHECK(tokens[1].exact == "2020");
    CHECK(tokens[1].script == Script::Number);
}

TEST_CASE("Analyzer::tokenize flags stop words") {
    Analyzer analyzer;
    auto tokens = analyzer.tokenize("भारत का विकास देश में");
    REQUIRE(tokens.size() == 5);
    CHECK_FALSE(tokens[0].stopword);
    CHECK(tokens[1].stopword);  // का
    CHECK_FALSE(tokens[2].stopword);
    CHECK_FALSE(tokens[3].stopword);
    CHECK(tokens[4].stopword);  // में
    auto english = analyzer.tokenize("the WHO");
    REQUIRE(english.size() == 2);
    CHECK(english[0].stopword);
    CHECK_FALSE(english[1].stopword);
}

TEST_CASE("Analyzer::tokenize keeps a Devanagari word longer than Xapian's 64 bytes") {
    Analyzer analyzer;
    const std::string word = devanagari_letters(30);  // 90 bytes
    auto tokens = analyzer.tokenize("शब्द " + word + " अंत");
    REQUIRE(tokens.size() == 3);
    CHECK(tokens[1].exact == word);
    CHECK(tokens[1].exact.size() <= khoj::kMaxTermBytes);
    CHECK(khoj::is_valid_utf8(tokens[1].stem));
}

TEST_CASE("Analyzer::tokenize truncates a very long word at a code point boundary") {
    Analyzer analyzer;
    // One ASCII letter shifts every Devanagari letter by a byte, so kMaxTermBytes falls inside one.
    const std::string word = "x" + devanagari_letters(80);  // 241 bytes
    auto tokens = analyzer.tokenize(word);
    REQUIRE(tokens.size() == 1);
    const Token& t = tokens[0];
    CHECK(t.exact.size() <= khoj::kMaxTermBytes);
    CHECK(t.exact.size() > khoj::kMaxTermBytes - 4);
    CHECK(khoj::is_valid_utf8(t.exact));
    CHECK(word.compare(0, t.exact.size(), t.exact) == 0);
    CHECK(t.stem.size() <= khoj::kMaxTermBytes);
    CHECK(khoj::is_valid_utf8(t.stem));
}

TEST_CASE("truncate_term never splits a UTF-8 sequence") {
    const std::string word = devanagari_letters(10);  // 30 bytes
    for (std::size_t max = 0; max <= word.size(); ++max) {
        CAPTURE(max);
        std::string cut = khoj::truncate_term(word, max);
        CHECK(cut.size() <= max);
        CHECK(cut.size() % 3 == 0);
        CHECK(khoj::is_valid_utf8(cut));
    }
    CHECK(khoj::truncate_term("short") == "short");
}

TEST_CASE("Analyzer::tokenize stems before folding spelling variants") {
    Analyzer analyzer;
    auto tokens = analyzer.tokenize("पढ़ता पढ़ती");
    REQUIRE(tokens.size() == 2);
    CHECK(tokens[0].stem == tokens[1].stem);
    CHECK(tokens[0].exact != tokens[1].exact);
    auto plural = analyzer.tokenize("मस्जिदों मस्जिद");
    REQUIRE(plural.size() == 2);
    CHECK(plural[0].stem == plural[1].stem);
}

TEST_CASE("Analyzer::analyze_word applies NFC to what the user typed") {
    Analyzer analyzer;
    // क + combining nukta (decomposed) and the precomposed क़ give the same token.
    Token decomposed = analyzer.analyze_word("क\u093Cानून");
    Token precomposed = analyzer.analyze_word("\u0958ानून");
    CHECK(decomposed.exact == "कानून");
    CHECK(precomposed.exact == "कानून");
    CHECK(decomposed.stem == precomposed.stem);
    CHECK(analyzer.analyze_word("  ,  ").exact.empty());
}

TEST_CASE("Analyzer::stem_of stems by script") {
    Analyzer analyzer;
    CHECK(analyzer.stem_of("running", Script::Latin) == "run");
    CHECK(analyzer.stem_of("2020", Script::Number) == "2020");
    CHECK(analyzer.stem_of("उपग्रहों", Script::Devanagari) == analyzer.stem_of("उपग्रह", Script::Devanagari));
}

TEST_CASE("Analyzer::tokenize marks a spelling new only the first time this analyser meets it") {
    Analyzer analyzer;
    auto first = analyzer.tokenize("दिल्ली में बारिश, दिल्ली में ठंड");
    REQUIRE(first.size() == 6);
    CHECK(first[0].new_form);       // दिल्ली
    CHECK(first[2].new_form);       // बारिश
    CHECK_FALSE(first[3].new_form);  // दिल्ली again
    CHECK_FALSE(first[4].new_form);  // में again
    auto second = analyzer.tokenize("बारिश और ओले");
    CHECK_FALSE(second[0].new_form);  // remembered across texts
    CHECK(second[2].new_form);
    // The same analysis either way: remembering changes nothing else.
    Analyzer fresh;
    auto again = fresh.tokenize("दिल्ली में बारिश, दिल्ली में ठंड");
    for (std::size_t i = 0; i < first.size(); ++i) {
        CHECK(first[i].exact == again[i].exact);
        CHECK(first[i].stem == again[i].stem);
        CHECK(first[i].begin == again[i].begin);
    }
}
