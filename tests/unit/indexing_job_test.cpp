/** @file indexing_job_test.cpp @brief IndexingJob::run: incremental runs over .jsonl files, repeated ids, rejected lines, --force and --prune. */
#include "common/index/indexing_job.h"
#include "common/search/searcher.h"
#include "temp_dir.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

using namespace khoj;

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
