/** @file result_writer_test.cpp @brief write_results and the request policy against docs/output.md: what goes to which stream, in which order, per format. */
#include "common/output/result_writer.h"
#include "common/index/schema.h"
#include "common/util/errors.h"
#include "test_index.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <vector>

using namespace khoj;

namespace {

Hit hit(std::size_t rank, std::string id, std::string title, std::string snippet) {
    Hit h;
    h.rank = rank;
    h.score = 1.0 / static_cast<double>(rank);
    h.article.id = std::move(id);
    h.article.title = title;
    h.article.date = "2023-07-26";
    h.article.source = "dainik_jagran";
    h.title.text = std::move(title);
    h.snippet.text = std::move(snippet);
    return h;
}

// Two hits for "शोइगु", 37 matches, with facets and a did-you-mean.
SearchResult shoigu_result() {
    SearchResult r;
    r.hits.push_back(hit(1, "001", "शोइगु प्योंगयांग पहुंचे", "रूस के रक्षा मंत्री सर्गेई शोइगु उत्तर कोरिया गए।"));
    r.hits.push_back(hit(2, "003", "रूस और उत्तर कोरिया", "शोइगु ने किम जोंग उन से मुलाकात की।"));
    r.matches_estimated = 37;
    r.facets.computed = true;
    r.facets.people.push_back({"सर्गेई शोइगु", "Sergei Shoigu", 3});
    r.facets.months.push_back({"2023-07", "", 2});
    r.suggestion = "शोइगु";
    return r;
}

struct Written {
    std::string out, messages;
    std::size_t count = 0;
};

Written write(const SearchResult& result, const std::string& qid, const OutputOptions& options) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    std::ostringstream out, messages;
    Written w;
    w.count = write_results(result, qid, options, db, out, messages);
    w.out = out.str();
    w.messages = messages.str();
    return w;
}

OutputOptions format(OutputFormat f) {
    OutputOptions options;
    options.format = f;
    return options;
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

}  // namespace

TEST_CASE("write_results in JSON writes one line per hit, best first, then the facets line, and no message") {
    Written w = write(shoigu_result(), "", format(OutputFormat::Json));
    auto rows = lines(w.out);
    REQUIRE(rows.size() == 3);
    CHECK(nlohmann::json::parse(rows[0])["id"] == "001");
    CHECK(nlohmann::json::parse(rows[1])["rank"] == 2);
    auto facets = nlohmann::json::parse(rows[2]);
    CHECK(facets["facets"]["person"][0]["name_en"] == "Sergei Shoigu");
    CHECK(facets["facets"]["month"][0]["month"] == "2023-07");
    CHECK(w.messages.empty());  // not even the did-you-mean: scripts read JSON
    CHECK(w.count == 2);
}

TEST_CASE("write_results in JSON batch mode puts the qid first on every hit") {
    Written w = write(shoigu_result(), "L7", format(OutputFormat::Json));
    auto first = nlohmann::ordered_json::parse(lines(w.out)[0]);
    CHECK(first.begin().key() == "qid");
    CHECK(first["qid"] == "L7");
}

TEST_CASE("write_results in text writes the facets before the hits, and the did-you-mean and summary on the message stream") {
    Written w = write(shoigu_result(), "", format(OutputFormat::Text));
    const auto people = w.out.find("People");
    const auto first_hit = w.out.find("  1. शोइगु प्योंगयांग पहुंचे");
    REQUIRE(people != std::string::npos);
    REQUIRE(first_hit != std::string::npos);
    CHECK(people < first_hit);
    CHECK(w.out.find("2023-07-26 · dainik_jagran · 001") != std::string::npos);
    CHECK(w.out.find("matching") == std::string::npos);
    CHECK(w.messages == "did you mean: शोइगु\nabout 37 matching articles\n");  // shoigu_result's count is an estimate
}

TEST_CASE("write_results in text says so when nothing matched, and uses the singular for one article") {
    SearchResult none;
    CHECK(write(none, "", format(OutputFormat::Text)).messages == "no articles matched\n");
    SearchResult one;
    one.hits.push_back(hit(1, "001", "मेरठ में बारिश", "मेरठ में आज बारिश हुई।"));
    one.matches_estimated = 1;
    one.count_exact = true;
    CHECK(write(one, "", format(OutputFormat::Text)).messages == "1 matching article\n");
}

TEST_CASE("write_results in text batch mode writes no summary") {
    Written w = write(shoigu_result(), "q1", format(OutputFormat::Text));
    CHECK(w.messages == "did you mean: शोइगु\n");
}

TEST_CASE("write_results in TSV and TREC writes one row per hit and no facets") {
    Written tsv = write(shoigu_result(), "", format(OutputFormat::Tsv));
    CHECK(lines(tsv.out) == std::vector<std::string>{"1\t001\t1.0000\t2023-07-26\tdainik_jagran\tशोइगु प्योंगयांग पहुंचे",
                                                     "2\t003\t0.5000\t2023-07-26\tdainik_jagran\tरूस और उत्तर कोरिया"});
    CHECK(tsv.messages.empty());
    Written trec = write(shoigu_result(), "", format(OutputFormat::Trec));
    CHECK(lines(trec.out) == std::vector<std::string>{"q Q0 001 1 1.0000 khoj", "q Q0 003 2 0.5000 khoj"});
}

TEST_CASE("write_results with --count writes only the number of matches, as qid<TAB>number in batch mode") {
    OutputOptions options = format(OutputFormat::Json);  // --format is ignored
    options.count_only = true;
    Written w = write(shoigu_result(), "", options);
    CHECK(w.out == "37\n");
    CHECK(w.messages.empty());
    CHECK(w.count == 37);
    CHECK(write(shoigu_result(), "D3", options).out == "D3\t37\n");
}

TEST_CASE("write_results with --explain reports each query word on the message stream only") {
    SearchResult r = shoigu_result();
    WordExpansion e;
    e.word = "Shoigu";
    e.add(std::string(prefix::kStem) + "शोइग", 1.0, "transliteration शोइगु d=0.00");
    r.built.expansions.push_back(e);
    OutputOptions options = format(OutputFormat::Tsv);
    options.explain = true;
    Written w = write(r, "", options);
    CHECK(w.messages.find("Shoigu\n") == 0);
    CHECK(w.messages.find("(transliteration शोइगु d=0.00)") != std::string::npos);
    CHECK(w.out.find("Shoigu") == std::string::npos);
}

TEST_CASE("output_format_from_name knows the four formats and rejects any other") {
    CHECK(output_format_from_name("text") == OutputFormat::Text);
    CHECK(output_format_from_name("json") == OutputFormat::Json);
    CHECK(output_format_from_name("tsv") == OutputFormat::Tsv);
    CHECK(output_format_from_name("trec") == OutputFormat::Trec);
    CHECK_THROWS_AS(output_format_from_name("xml"), UsageError);
}

TEST_CASE("sort_order_from_name knows relevance and date and rejects any other") {
    CHECK(sort_order_from_name("relevance") == SortOrder::Relevance);
    CHECK(sort_order_from_name("date") == SortOrder::Date);
    CHECK_THROWS_WITH_AS(sort_order_from_name("newest"), "--sort takes relevance or date, not 'newest'", UsageError);
}

TEST_CASE("missing_shard_warnings names each shard missing from an answer once per run") {
    std::set<std::string> warned;
    CHECK(missing_shard_warnings({}, 3, warned).empty());
    const std::vector<std::string> first = missing_shard_warnings({"remote 10.0.0.3:33333"}, 3, warned);
    CHECK(first == std::vector<std::string>{"shard remote 10.0.0.3:33333 is unreachable; results are from 2 of 3 shards"});
    CHECK(missing_shard_warnings({"remote 10.0.0.3:33333"}, 3, warned).empty());  // the next query of the batch
    const std::vector<std::string> second = missing_shard_warnings({"remote 10.0.0.3:33333", "remote 10.0.0.2:33333"}, 3, warned);
    CHECK(second == std::vector<std::string>{"shard remote 10.0.0.2:33333 is unreachable; results are from 1 of 3 shards"});
}

TEST_CASE("apply_output_policy asks only for what the format shows") {
    SearchRequest text, json, trec, count;
    apply_output_policy(text, OutputFormat::Text, false);
    apply_output_policy(json, OutputFormat::Json, false);
    apply_output_policy(trec, OutputFormat::Trec, false);
    apply_output_policy(count, OutputFormat::Trec, true);
    CHECK((text.snippets && text.suggest && text.count == MatchCount::Bounded));
    CHECK((json.snippets && !json.suggest && json.count == MatchCount::Estimate));
    CHECK((!trec.snippets && !trec.suggest && trec.count == MatchCount::Estimate));
    CHECK(count.count == MatchCount::Exact);  // "counted exactly"
}

TEST_CASE("page_option reads -n and --offset as whole numbers and refuses a sign") {
    CHECK(page_option("-n", "10", 1) == 10);
    CHECK(page_option("--offset", "0", 0) == 0);
    CHECK(page_option("-n", "4294967296", 1) == 4294967296u);  // Searcher cuts it to the index
    // Boost read -1 as 2^64 − 1: all hits for -n, nothing for --offset (probe 1.41).
    CHECK_THROWS_WITH_AS(page_option("-n", "-1", 1), "-n takes a whole number of at least 1, not '-1'", UsageError);
    CHECK_THROWS_WITH_AS(page_option("--offset", "-1", 0), "--offset takes a whole number of at least 0, not '-1'", UsageError);
    CHECK_THROWS_WITH_AS(page_option("-n", "0", 1), "-n takes a whole number of at least 1, not '0'", UsageError);
    CHECK_THROWS_AS(page_option("-n", "+5", 1), UsageError);
    CHECK_THROWS_AS(page_option("-n", "abc", 1), UsageError);
    CHECK_THROWS_AS(page_option("-n", "", 1), UsageError);
    CHECK_THROWS_AS(page_option("-n", "10 ", 1), UsageError);
    CHECK_THROWS_WITH_AS(page_option("-n", "99999999999999999999", 1), "-n 99999999999999999999 is too large", UsageError);
}

TEST_CASE("write_results shows a did-you-mean's escapes as text") {
    SearchResult result;
    result.suggestion = "शोइगु\x1b]0;x\x07";
    OutputOptions options;
    std::ostringstream out, messages;
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    write_results(result, "", options, db, out, messages);
    CHECK(messages.str() == "did you mean: शोइगु^[]0;x^G\nno articles matched\n");
}

TEST_CASE("apply_output_policy refuses --full outside JSON, which has no place for a body") {
    SearchRequest request;
    OutputOptions options = format(OutputFormat::Json);
    options.full = true;
    CHECK_NOTHROW(apply_output_policy(request, options));
    CHECK(request.snippets);
    options.format = OutputFormat::Tsv;
    CHECK_THROWS_WITH_AS(apply_output_policy(request, options), "--full needs --format json", UsageError);
}

TEST_CASE("search_and_write with --full adds each hit's whole body as the last JSON field") {
    test::TempDir dir;
    const std::string path = (dir.path() / "index").string();
    test::write_index(path, test::russia_articles());
    Searcher searcher(path);
    SearchRequest request;
    request.query = "शोइगु";
    OutputOptions options = format(OutputFormat::Json);
    apply_output_policy(request, options);
    std::ostringstream plain, full, messages;
    search_and_write(searcher, request, "", options, plain, messages);
    options.full = true;
    search_and_write(searcher, request, "", options, full, messages);
    const auto hit = nlohmann::ordered_json::parse(lines(full.str()).at(0));
    CHECK(hit["id"] == "shoigu");
    CHECK(hit["body"] == "रूस के रक्षा मंत्री सर्गेई शोइगु उत्तर कोरिया गए।");
    CHECK(std::prev(hit.end()).key() == "body");
    CHECK_FALSE(nlohmann::json::parse(lines(plain.str()).at(0)).contains("body"));
    CHECK(messages.str().empty());
}
