/** @file covid_copies_test.cpp @brief Khoj's groups of copies on the COVID corpus against the checked pair list: precision and recall may not fall. */
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "common/index/indexing_job.h"
#include "tests/copies/copy_pairs.h"
#include "tests/unit/temp_dir.h"

#include <filesystem>

using namespace khoj;
using namespace khoj::copies_test;

namespace {

// Measured when the grouping was built (kCopyBands 4, kCopySimilarity 0.5): 44 grouped pairs,
// 42 of them among the 52 checked copies. The margin is about two pairs.
constexpr double kMeasuredPrecision = 0.955, kMeasuredRecall = 0.808, kMargin = 0.04;

}  // namespace

TEST_CASE("copy_group_of on the COVID corpus: precision and recall against tests/copies/covid-copy-pairs.tsv") {
    const std::filesystem::path corpus = std::filesystem::path(KHOJ_SHARED_DIR) / "corpora" / "hindi-covid-2020.jsonl";
    if (!std::filesystem::exists(corpus)) {
        MESSAGE("skipped: " << corpus.string() << " is absent");
        return;
    }
    test::TempDir dir;
    IndexingOptions options;
    options.index = (dir.path() / "index").string();
    options.paths = {corpus.string()};
    const IndexingSummary summary = IndexingJob(options, [](const Diagnostic&) {}, {}).run();
    REQUIRE(summary.added == 3395);
    const std::set<IdPair> copies = read_copy_pairs(std::string(KHOJ_SOURCE_DIR) + "/tests/copies/covid-copy-pairs.tsv", "copy");
    REQUIRE(copies.size() == 52);
    const PrecisionRecall pr = precision_recall(grouped_pairs(options.index), copies);
    MESSAGE("grouped pairs " << pr.found << ", copies " << pr.truth << ", both " << pr.both << ": precision " << pr.precision << ", recall " << pr.recall);
    CHECK(pr.precision >= kMeasuredPrecision - kMargin);
    CHECK(pr.recall >= kMeasuredRecall - kMargin);
}
