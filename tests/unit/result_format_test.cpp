/** @file result_format_test.cpp @brief Hits, facets and --explain as text for people and as JSON, TSV and TREC lines for programs. */
#include "common/index/index_writer.h"
#include "common/output/result_format.h"
#include "common/output/terminal.h"
#include "common/search/searcher.h"
#include "temp_dir.h"
#include "test_index.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace khoj;

namespace {

using test::article;

/// The shared small index: one article per behaviour under test.
using Fixture = test::NewsIndex;

}  // namespace

// Copied from index_search_test.cpp, which another change splits.

TEST_CASE("format_hit_json writes one parseable JSON object with the documented fields") {
    Fixture f;
    Searcher searcher(f.path);
    SearchRequest request;
    request.query = "शोइगु";
    auto result = searcher.search(request);
    REQUIRE_FALSE(result.hits.empty());
    const std::string line = format_hit_json(result.hits.front(), "");
    CHECK(line.find('\n') == std::string::npos);
    auto j = nlohmann::json::parse(line);
    for (const char* field : {"rank", "id", "score", "title", "date", "source", "snippet"}) {
        CAPTURE(field);
        CHECK(j.contains(field));
    }
    CHECK(j["rank"] == 1);
    CHECK(j["id"] == "phrase");
    CHECK(j["score"].is_number());
    CHECK(j["score"].get<double>() > 0);
    CHECK(j["title"] == "शोइगु प्योंगयांग पहुंचे");
    CHECK(j["date"] == "2023-07-26");
    CHECK(j["source"] == "Dainik Jagran");
    CHECK(j["snippet"].get<std::string>().find("शोइगु") != std::string::npos);
    CHECK_FALSE(j.contains("qid"));
    CHECK(nlohmann::json::parse(format_hit_json(result.hits.front(), "D7"))["qid"] == "D7");
}

TEST_CASE("format_hit_tsv writes tab-separated fields with tabs in the title flattened") {
    Hit hit;
    hit.rank = 3;
    hit.score = 1.23456;
    hit.article = article("x/1", "रूस\tऔर\nकोरिया", "", "2023-07-27", "Jagran");
    CHECK(format_hit_tsv(hit, "") == "3\tx/1\t1.2346\t2023-07-27\tJagran\tरूस और कोरिया");
    CHECK(format_hit_tsv(hit, "q1") == "q1\t3\tx/1\t1.2346\t2023-07-27\tJagran\tरूस और कोरिया");
    CHECK(format_hit_trec(hit, "q1") == "q1 Q0 x/1 3 1.2346 khoj");
}

namespace {

Hit shoigu_hit() {
    Hit hit;
    hit.rank = 1;
    hit.score = 0.7524;
    hit.article = article("001", "शोइगु प्योंगयांग पहुंचे", "", "2023-07-27", "dainik_jagran");
    hit.title.text = hit.article.title;
    hit.title.highlights = {{0, std::string("शोइगु").size()}};
    hit.snippet.text = "रूस के रक्षा मंत्री सर्गेई शोइगु उत्तर कोरिया गए।";
    const std::size_t at = hit.snippet.text.find("शोइगु");
    hit.snippet.highlights = {{at, at + std::string("शोइगु").size()}};
    return hit;
}

}  // namespace

TEST_CASE("format_hit_text shows rank, headline, the date · source · id line and the snippet") {
    TextStyle plain;
    const std::string text = format_hit_text(shoigu_hit(), plain);
    CHECK(text == "  1. शोइगु प्योंगयांग पहुंचे\n"
                  "     2023-07-27 · dainik_jagran · 001\n"
                  "     रूस के रक्षा मंत्री सर्गेई शोइगु उत्तर कोरिया गए।\n");
    CHECK(text.find('\033') == std::string::npos);  // no colour unless asked for
}

TEST_CASE("format_hit_text marks the matches in colour when asked") {
    TextStyle color;
    color.color = true;
    const std::string text = format_hit_text(shoigu_hit(), color);
    CHECK(text.find(std::string(ansi::kMatch) + "शोइगु" + ansi::kReset) != std::string::npos);
}

TEST_CASE("article_meta_line leaves out what is unknown") {
    CHECK(article_meta_line(article("001", "", "", "2023-07-27", "dainik_jagran")) == "2023-07-27 · dainik_jagran · 001");
    CHECK(article_meta_line(article("001", "", "")) == "001");
    CHECK(article_meta_line(article("", "", "", "2023-07-27")) == "2023-07-27");
}

TEST_CASE("wrap_snippet wraps by display columns, not bytes, and cuts at the last line with …") {
    Snippet s;
    s.text = "रूस के रक्षा मंत्री सर्गेई शोइगु उत्तर कोरिया गए और किम जोंग उन से मिले।";
    // Each Devanagari letter is 3 bytes but one column (matras none): 20 columns hold a few words.
    const std::string two = wrap_snippet(s, false, 20, 2, "");
    CHECK(two == "रूस के रक्षा मंत्री सर्गेई\nशोइगु उत्तर कोरिया गए …");  // by bytes, one word a line
    CHECK(std::count(two.begin(), two.end(), '\n') == 1);
    CHECK(two.size() >= std::string(" …").size());
    CHECK(two.compare(two.size() - std::string(" …").size(), std::string::npos, " …") == 0);
    const std::string all = wrap_snippet(s, false, 32, 0, "  ");
    CHECK(all.rfind("  रूस के", 0) == 0);  // every line starts with the indent
    CHECK(all.find("\n  ") != std::string::npos);
    CHECK(all.find("मिले।") != std::string::npos);
}

TEST_CASE("format_facets_text lists each kind with counts and draws the months as bars") {
    Facets facets;
    facets.computed = true;
    facets.people = {{"सर्गेई शोइगु", "Sergei Shoigu", 3}, {"किम", "किम", 1}};
    facets.months = {{"2023-07", "", 2}, {"2023-08", "", 1}};
    const std::string text = format_facets_text(facets, false);
    CHECK(text.find("People\n  3\tसर्गेई शोइगु (Sergei Shoigu)\n  1\tकिम\n") == 0);
    CHECK(text.find("Places") == std::string::npos);  // an empty kind is left out
    CHECK(text.find("Months\n  2023-07 ") != std::string::npos);
    CHECK(text.find("2023-08 ███████████████ 1") != std::string::npos);  // half the longest bar
}

TEST_CASE("format_facets_json writes the final facets line with every kind and the months") {
    Facets facets;
    facets.computed = true;
    facets.places = {{"मॉस्को", "Moscow", 2}};
    facets.months = {{"2023-07", "", 2}};
    auto j = nlohmann::json::parse(format_facets_json(facets));
    CHECK(j["facets"]["person"].empty());
    CHECK(j["facets"]["place"][0]["name_en"] == "Moscow");
    CHECK(j["facets"]["place"][0]["count"] == 2);
    CHECK(j["facets"]["org"].is_array());
    CHECK(j["facets"]["month"][0]["month"] == "2023-07");
}

TEST_CASE("format_explanation lists each word's terms, and says when a word matched nothing") {
    Fixture f;
    Xapian::Database db(f.path);
    BuiltQuery built;
    WordExpansion missing;
    missing.word = "ज्वालामुखी";
    built.expansions.push_back(missing);
    WordExpansion russia;
    russia.word = "रूस";
    russia.add("Zरूस", 1.0, "stem");
    built.expansions.push_back(russia);
    const std::string report = format_explanation(built, db, false);
    CHECK(report.find("ज्वालामुखी\n    (no matching term in the index; ignored)\n") == 0);
    CHECK(report.find("रूस\n    weight 1.00  in ") != std::string::npos);
    CHECK(report.find("Zरूस  (stem)") != std::string::npos);
}

namespace {

// A hit whose every field carries terminal escapes: screen clear, OSC 52 clipboard write, window
// title, BEL, blink, a C1 CSI (reliability probe 4.1–4.5).
Hit hostile_hit() {
    Hit hit;
    hit.rank = 1;
    hit.score = 0.5;
    hit.article = article("id with space\tand \x1b[5mBLINK", "सुरक्षा \x1b[2J\x1b[H समाचार", "", "2020-04-02", "\x1b[41mevil");
    hit.title.text = hit.article.title;
    hit.title.highlights = {{0, std::string("सुरक्षा").size()}};
    hit.snippet.text = "सुरक्षा \x1b]52;c;ZWNobyBwd25lZA==\x07 और \x1b]0;HACKED\x07 \u009b31m लाल";
    hit.snippet.highlights = {{0, std::string("सुरक्षा").size()}};
    return hit;
}

}  // namespace

TEST_CASE("format_hit_text shows the escapes of an article as text, and only Khoj's colours reach the terminal") {
    TextStyle plain;
    const std::string text = format_hit_text(hostile_hit(), plain);
    CHECK(text == "  1. सुरक्षा ^[[2J^[[H समाचार\n"
                  "     2020-04-02 · ^[[41mevil · id with space and ^[[5mBLINK\n"
                  "     सुरक्षा ^[]52;c;ZWNobyBwd25lZA==^G और ^[]0;HACKED^G \uFFFD31m लाल\n");
    TextStyle color;
    color.color = true;
    std::string coloured = format_hit_text(hostile_hit(), color);
    for (const char* own : {ansi::kBold, ansi::kDim, ansi::kMatch, ansi::kReset}) {
        for (std::size_t at; (at = coloured.find(own)) != std::string::npos;) coloured.erase(at, std::string(own).size());
    }
    CHECK(coloured.find('\x1b') == std::string::npos);
    CHECK(coloured.find('\x07') == std::string::npos);
}

TEST_CASE("format_hit_tsv and format_hit_trec keep control characters out of their rows") {
    const Hit hit = hostile_hit();
    CHECK(format_hit_tsv(hit, "q\x1b[2J") == "q^[[2J\t1\tid with space and ^[[5mBLINK\t0.5000\t2020-04-02\t^[[41mevil\tसुरक्षा ^[[2J^[[H समाचार");
    // TREC: six single-space fields whatever the id and qid hold (probe 1.53).
    CHECK(format_hit_trec(hit, "q 4") == "q_4 Q0 id_with_space_and_^[[5mBLINK 1 0.5000 khoj");
    Hit spaced = hit;
    spaced.article.id = "a\nb\u00A0c\u3000d";
    CHECK(format_hit_trec(spaced, "q\t1") == "q_1 Q0 a_b_c_d 1 0.5000 khoj");
}

TEST_CASE("format_facets_text and format_explanation show escapes in names and words as text") {
    Facets facets;
    facets.people.push_back({"\x1b]0;x\x07सोइगु", "Shoigu\x1b[2J", 3});
    const std::string text = format_facets_text(facets, false);
    CHECK(text.find('\x1b') == std::string::npos);
    CHECK(text.find("^[]0;x^Gसोइगु (Shoigu^[[2J)") != std::string::npos);
}
