/** @file batch_queries_test.cpp @brief read_batch_queries: the --batch file format of docs/output.md (qid<TAB>query, comments, CR, bad lines). */
#include "common/output/batch_queries.h"
#include "common/util/errors.h"
#include "temp_dir.h"

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

using namespace khoj;

namespace {

std::vector<BatchQuery> read_all(const std::string& text) {
    std::istringstream in(text);
    std::vector<BatchQuery> queries;
    read_batch_queries(in, "topics.tsv", [&](const BatchQuery& q) { queries.push_back(q); });
    return queries;
}

}  // namespace

TEST_CASE("read_batch_queries splits each line at its first tab into qid and query") {
    auto queries = read_all("D1\tमस्जिदों\nL7\tShoigu Pyongyang July\n");
    REQUIRE(queries.size() == 2);
    CHECK(queries[0].qid == "D1");
    CHECK(queries[0].query == "मस्जिदों");
    CHECK(queries[1].qid == "L7");
    CHECK(queries[1].query == "Shoigu Pyongyang July");
    // Only the first tab separates: the query keeps the rest of the line.
    CHECK(read_all("q1\tरक्षा\tमंत्री").front().query == "रक्षा\tमंत्री");
}

TEST_CASE("read_batch_queries skips empty lines and # comments, and drops a Windows CR") {
    auto queries = read_all("# dev topics\r\n\r\n\nH2\tsharab ki dukan\r\n#H3\tskipped\n");
    REQUIRE(queries.size() == 1);
    CHECK(queries[0].qid == "H2");
    CHECK(queries[0].query == "sharab ki dukan");
}

TEST_CASE("read_batch_queries stops at a line without a tab, naming the file and line, after running the lines before it") {
    std::istringstream in("q1\tकोरोना\n\nकोरोना वायरस\nq3\tलॉकडाउन\n");
    std::vector<std::string> run;
    try {
        read_batch_queries(in, "topics.tsv", [&](const BatchQuery& q) { run.push_back(q.qid); });
        FAIL("no UsageError");
    } catch (const UsageError& e) {
        CHECK(std::string(e.what()) == "topics.tsv:3: expected qid<TAB>query");
    }
    CHECK(run == std::vector<std::string>{"q1"});
}

TEST_CASE("read_batch_queries reads nothing from an empty file") {
    CHECK(read_all("").empty());
}

TEST_CASE("read_batch_queries names the file, line and qid when a line's query is refused") {
    // Only "unbalanced ( in query" was said: which of a thousand topics? (probe 1.51)
    std::istringstream in("q1\tकोरोना\nq2\t(दिल्ली\nq3\tx\n");
    std::vector<std::string> run;
    try {
        read_batch_queries(in, "-", [&](const BatchQuery& q) {
            if (q.query.find('(') != std::string::npos) throw UsageError("unbalanced ( in query");
            run.push_back(q.qid);
        });
        FAIL("no UsageError");
    } catch (const UsageError& e) {
        CHECK(std::string(e.what()) == "-:2: query q2: unbalanced ( in query");
    }
    CHECK(run == std::vector<std::string>{"q1"});
}

TEST_CASE("read_batch_queries refuses an empty qid, which every output format starts with") {
    // JSON lost its qid, TSV a field, TREC became "q" (probe 1.52).
    std::istringstream in("q1\tकोरोना\n\tShoigu\n");
    std::vector<std::string> run;
    CHECK_THROWS_WITH_AS(read_batch_queries(in, "topics.tsv", [&](const BatchQuery& q) { run.push_back(q.qid); }),
                         "topics.tsv:2: empty qid before the tab", UsageError);
    CHECK(run == std::vector<std::string>{"q1"});
}

TEST_CASE("read_batch_file reads a file or standard input, and refuses a folder and a missing file") {
    test::TempDir dir;
    const std::string path = dir.write("topics.tsv", "D1\tमस्जिदों\n").string();
    std::istringstream none;
    std::vector<std::string> qids;
    read_batch_file(path, none, [&](const BatchQuery& q) { qids.push_back(q.qid); });
    std::istringstream input("L7\tShoigu Pyongyang July\n");
    read_batch_file("-", input, [&](const BatchQuery& q) { qids.push_back(q.qid); });
    CHECK(qids == std::vector<std::string>{"D1", "L7"});
    // A folder read as an empty file: exit 1, no message (probe 1.54).
    const std::string folder = dir.path().string();
    CHECK_THROWS_WITH_AS(read_batch_file(folder, none, [](const BatchQuery&) {}), ("cannot read batch file " + folder + ": it is a folder").c_str(), UsageError);
    CHECK_THROWS_WITH_AS(read_batch_file(folder + "/absent.tsv", none, [](const BatchQuery&) {}),
                         ("cannot read batch file " + folder + "/absent.tsv: No such file or directory").c_str(), UsageError);
}
