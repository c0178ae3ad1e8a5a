/** @file indexing_job_test.cpp @brief IndexingJob::run: incremental runs over .jsonl files, repeated ids (near and far apart), rejected lines, ids and paths past Xapian's limits, --force and --prune (with ids that other files hold), skipped web-archive records and progress in input bytes. */
#include "common/index/indexing_job.h"
#include "common/search/searcher.h"
#include "temp_dir.h"
#include "test_warc.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

using namespace khoj;
namespace fs = std::filesystem;

namespace {

// Two articles about Russia, the first of them twice (a later, corrected copy), and a broken line.
constexpr const char* kNews =
    R"({"id":"a1","title":"रूस में मौसम","body":"रूस में बर्फबारी हुई।","date":"2020-05-02"}
{"id":"a2","title":"रूस और पुतिन","body":"रूस के राष्ट्रपति पुतिन ने भाषण दिया।","date":"2020-04-01"}
{"id":"a1","title":"रूस में गर्मी","body":"मॉस्को में गर्मी बढ़ी।","date":"2020-05-02"}
{"id":"a3","title":
)";

struct Job {
    test::TempDir dir;
    IndexingOptions options;
    std::vector<Diagnostic> diagnostics;
    std::size_t progress_reports = 0;

    Job() {
        dir.write("news/2020-05.jsonl", kNews);
        options.index = (dir.path() / "index").string();
        options.paths = {(dir.path() / "news").string()};
    }

    IndexingSummary run() {
        return IndexingJob(
                   options, [this](const Diagnostic& d) { diagnostics.push_back(d); }, [this](const IndexingSummary&) { ++progress_reports; })
            .run();
    }
};

}  // namespace

TEST_CASE("IndexingJob::run keeps the later copy of a repeated id and reports both the repeat and the broken line") {
    Job job;
    const IndexingSummary summary = job.run();
    CHECK(summary.added == 2);
    CHECK(summary.updated == 1);  // the later a1 replaces the earlier one
    CHECK(summary.rejected == 1);
    CHECK(summary.total_bytes > 0);
    CHECK(job.progress_reports > 0);
    REQUIRE(job.diagnostics.size() == 2);
    CHECK(job.diagnostics[0].line == 3);
    CHECK(job.diagnostics[0].message.find("repeats") != std::string::npos);
    CHECK(job.diagnostics[1].line == 4);
    Searcher searcher(job.options.index);
    CHECK(searcher.database().get_doccount() == 2);
    auto a1 = searcher.article("a1");
    REQUIRE(a1.has_value());
    CHECK(a1->title == "रूस में गर्मी");
}

TEST_CASE("IndexingJob::run skips a file whose size and time are unchanged, unless forced") {
    Job job;
    job.run();
    const IndexingSummary again = job.run();
    CHECK(again.skipped_files == 1);
    CHECK(again.added + again.updated + again.unchanged == 0);
    job.options.force = true;
    const IndexingSummary forced = job.run();
    CHECK(forced.skipped_files == 0);
    CHECK(forced.added == 0);
    CHECK(forced.unchanged == 1);  // a2; a1 repeats within the run, so both its copies are written
}

TEST_CASE("IndexingJob::run with prune deletes the articles of a file that is gone") {
    Job job;
    job.run();
    std::filesystem::remove(job.dir.path() / "news/2020-05.jsonl");
    job.options.prune = true;
    job.options.compact = true;
    const IndexingSummary pruned = job.run();
    CHECK(pruned.deleted == 2);
    CHECK(Searcher(job.options.index).database().get_doccount() == 0);
}

namespace {

// The title of the stored article @p id in the index at @p path ("" when there is none).
std::string stored_title(const std::string& path, const std::string& id) {
    auto a = Searcher(path).article(id);
    return a ? a->title : "";
}

std::string repeated(const std::string& piece, int times) {
    std::string out;
    for (int i = 0; i < times; ++i) out += piece;
    return out;
}

}  // namespace

namespace {

// @p count weather reports with ids PREFIX0, PREFIX1 … as .jsonl lines: enough of them put two
// copies of an id further apart than the articles still on their way to the index.
std::string weather_reports(const std::string& prefix, int count) {
    std::string lines;
    for (int i = 0; i < count; ++i) {
        const std::string n = std::to_string(i);
        lines += R"({"id":")" + prefix + n + R"(","title":"मौसम की खबर )" + n + R"(","body":"शहर में )" + n + R"( मिलीमीटर बारिश हुई और )" +
                 std::to_string(7 * i) + R"( लोग घरों में रहे।"})" + "\n";
    }
    return lines;
}

// A copy of the article "X" with the headline @p title, as a .jsonl line.
std::string copy_of_x(const std::string& title) { return R"({"id":"X","title":")" + title + R"(","body":"दिल्ली में ठंड बढ़ी।"})" "\n"; }

// The messages of @p diagnostics about a repeat of "X", as "FILE-NAME:LINE repeats EARLIER".
std::vector<std::string> repeats_of_x(const std::vector<Diagnostic>& diagnostics) {
    std::vector<std::string> repeats;
    for (const Diagnostic& d : diagnostics) {
        const auto at = d.message.find("id 'X' repeats ");
        if (at == std::string::npos) continue;
        const std::string earlier = d.message.substr(at + 15, d.message.find(';') - at - 15);
        repeats.push_back(fs::path(d.file).filename().string() + ":" + std::to_string(d.line) + " repeats " + fs::path(earlier).filename().string());
    }
    return repeats;
}

}  // namespace

TEST_CASE("IndexingJob::run reports a repeat thousands of articles after the copy before it with that copy's file and line, in every run") {
    Job job;
    // Three copies of X, 2,600 articles apart (more than the pipeline holds), then one in another file.
    job.dir.write("news/2020-06.jsonl", copy_of_x("पहला संस्करण") + weather_reports("june-", 2600) + copy_of_x("दूसरा संस्करण") +
                                             weather_reports("mid-june-", 2600) + copy_of_x("तीसरा संस्करण"));
    job.dir.write("news/2020-07.jsonl", weather_reports("july-", 2600) + copy_of_x("चौथा संस्करण"));
    const std::vector<std::string> expected = {"2020-06.jsonl:2602 repeats 2020-06.jsonl:1", "2020-06.jsonl:5203 repeats 2020-06.jsonl:2602",
                                               "2020-07.jsonl:2601 repeats 2020-06.jsonl:5203"};
    const IndexingSummary first = job.run();
    CHECK(repeats_of_x(job.diagnostics) == expected);
    CHECK(first.added == 2 + 1 + 3 * 2600);  // a1, a2, X and the reports
    CHECK(stored_title(job.options.index, "X") == "चौथा संस्करण");
    // Read again: the copies are in the index from an earlier run now, and are repeats all the same.
    job.diagnostics.clear();
    job.options.force = true;
    const IndexingSummary forced = job.run();
    CHECK(repeats_of_x(job.diagnostics) == expected);
    CHECK(forced.updated == 2 + 4);  // both copies of a1 and all four of X: each differs from the one stored, or repeats
    CHECK(forced.unchanged == 1 + 3 * 2600);
    CHECK(stored_title(job.options.index, "X") == "चौथा संस्करण");
}

TEST_CASE("IndexingJob::run names and skips an article whose id is too long for the index, and indexes the rest") {
    Job job;
    const std::string long_id = repeated("क", 100);  // 300 bytes
    job.dir.write("news/long.jsonl", R"({"id":")" + long_id + R"(","title":"लंबी आईडी","body":"यह लेख छूट जाएगा।"}
{"id":")" + std::string(300, 'x') + R"(","title":"लंबी आईडी","body":"यह भी छूट जाएगा।"}
{"id":"after","title":"बाद का लेख","body":"यह लेख अनुक्रमित होगा।"}
)");
    const IndexingSummary summary = job.run();
    CHECK(summary.rejected == 3);  // the two long ids and the broken line of kNews
    CHECK(summary.added == 3);     // a1, a2 and the article after the long ids
    int named = 0;
    for (const Diagnostic& d : job.diagnostics) {
        if (d.message.find("longer than the 244") != std::string::npos) {
            CHECK(d.file.find("long.jsonl") != std::string::npos);
            CHECK((d.line == 1 || d.line == 2));
            ++named;
        }
    }
    CHECK(named == 2);
    CHECK(stored_title(job.options.index, "after") == "बाद का लेख");
    // The next run is not stopped by them either.
    CHECK(job.run().skipped_files == 2);
}

TEST_CASE("IndexingJob::run names and skips a .txt whose id, its path below PATH, is too long") {
    Job job;
    const std::string deep = repeated("फ़ोल्डर_बहुत_लंबा_नाम/", 6);
    job.dir.write("news/" + deep + "लेख.txt", "गहरा लेख\nबहुत गहरे फ़ोल्डर में रखा लेख।\n");
    job.dir.write("news/short.txt", "छोटा लेख\nपास के फ़ोल्डर में रखा लेख।\n");
    const IndexingSummary summary = job.run();
    CHECK(summary.rejected == 2);
    CHECK(summary.added == 3);  // a1, a2, short
    CHECK(stored_title(job.options.index, "short") == "छोटा लेख");
}

TEST_CASE("IndexingJob::run indexes a file whose absolute path is too long for a metadata key, then skips and prunes it") {
    Job job;
    std::string deep;
    for (int i = 0; i < 5; ++i) deep += std::string(60, 'd') + "/";
    const auto file = job.dir.write("news/" + deep + "deep.jsonl", R"({"id":"deep","title":"गहरी फ़ाइल","body":"लंबे रास्ते पर रखी फ़ाइल।"})"
                                                                   "\n");
    CHECK(file.string().size() > 300);
    CHECK(job.run().added == 3);
    CHECK(stored_title(job.options.index, "deep") == "गहरी फ़ाइल");
    CHECK(job.run().skipped_files == 2);  // its stamp was recorded, under a hashed key
    std::filesystem::remove(file);
    job.options.prune = true;
    CHECK(job.run().deleted == 1);
    CHECK(stored_title(job.options.index, "deep").empty());
}

TEST_CASE("IndexingJob::run with prune keeps an article whose id another file still holds") {
    Job job;
    job.dir.write("news/a.jsonl", R"({"id":"X","title":"पहला संस्करण","body":"ए"})"
                                  "\n");
    job.dir.write("news/b.jsonl", R"({"id":"X","title":"दूसरा संस्करण","body":"बी"})"
                                  "\n");
    job.run();
    CHECK(stored_title(job.options.index, "X") == "दूसरा संस्करण");  // the later copy wins
    std::filesystem::remove(job.dir.path() / "news/b.jsonl");
    job.options.prune = true;
    job.options.compact = true;
    const IndexingSummary pruned = job.run();
    CHECK(pruned.deleted == 0);
    CHECK(stored_title(job.options.index, "X") == "पहला संस्करण");  // from a.jsonl, which still has it
    // Once a.jsonl goes too, so does X; the rest stays.
    std::filesystem::remove(job.dir.path() / "news/a.jsonl");
    CHECK(job.run().deleted == 1);
    CHECK(stored_title(job.options.index, "X").empty());
    CHECK(stored_title(job.options.index, "a2") == "रूस और पुतिन");
}

TEST_CASE("IndexingJob::run with prune keeps an article a file indexed in an earlier run still holds") {
    Job job;
    job.dir.write("news/a.jsonl", R"({"id":"X","title":"पहला संस्करण","body":"ए"})"
                                  "\n");
    job.run();
    job.dir.write("news/b.jsonl", R"({"id":"X","title":"दूसरा संस्करण","body":"बी"})"
                                  "\n");
    job.run();  // a.jsonl skipped as unchanged, X replaced from b.jsonl
    CHECK(stored_title(job.options.index, "X") == "दूसरा संस्करण");
    std::filesystem::remove(job.dir.path() / "news/b.jsonl");
    job.options.prune = true;
    CHECK(job.run().deleted == 0);
    CHECK(stored_title(job.options.index, "X") == "पहला संस्करण");
}

TEST_CASE("IndexingJob::run counts the web-archive records it skips, and its progress in the input's bytes") {
    test::TempDir dir;
    const std::string page =
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>गंगा का जलस्तर बढ़ा</title></head><body><article><h1>गंगा का जलस्तर बढ़ा</h1>"
        "<p>पटना में गंगा नदी का जलस्तर खतरे के निशान के पास पहुंचा, प्रशासन ने निचले इलाकों में चेतावनी जारी की।</p></article></body></html>";
    dir.write("crawl/a.warc", test::warc_record("request", "https://example.org/ganga", "application/http; msgtype=request", "GET /ganga HTTP/1.1\r\n\r\n") +
                                  test::warc_record("response", "https://example.org/ganga", "application/http; msgtype=response",
                                                    test::http_response(200, "text/html; charset=utf-8", page)));
    dir.write("crawl/page.html", page);
    dir.write("crawl/README.md", std::string(100000, 'x'));  // not an input: not in the total
    IndexingOptions options;
    options.index = (dir.path() / "index").string();
    options.paths = {(dir.path() / "crawl").string()};
    IndexingSummary last;
    const IndexingSummary summary = IndexingJob(options, [](const Diagnostic&) {}, [&](const IndexingSummary& s) { last = s; }).run();
    CHECK(summary.added == 2);
    CHECK(summary.skipped_records == 1);  // the request
    CHECK(summary.total_bytes == fs::file_size(dir.path() / "crawl/a.warc") + fs::file_size(dir.path() / "crawl/page.html"));
    CHECK(summary.bytes == summary.total_bytes);
}
