/** @file index_stats_test.cpp @brief Tests of index_statistics: what khoj-index --stats reports. */
#include "common/index/index_stats.h"
#include "common/index/schema.h"
#include "common/util/errors.h"
#include "test_index.h"

#include <doctest/doctest.h>

using namespace khoj;

TEST_CASE("index_statistics counts the articles and says where the bytes go") {
    test::TempDir dir;
    const std::string path = (dir.path() / "index").string();
    test::write_index(path, test::russia_articles());
    const IndexStatistics stats = index_statistics(path);
    CHECK(stats.documents == 3);
    CHECK(stats.analysis_version == kAnalysisVersion);
    CHECK(stats.bytes_on_disk > 0);
    CHECK(stats.stored_plain > 0);
    CHECK(stats.stored_compressed > 0);
    bool has_stored = false, has_synonyms = false;
    for (const auto& part : stats.parts) {
        if (part.name == "stored articles") has_stored = part.bytes == stats.stored_compressed;
        if (part.name == "synonyms") has_synonyms = part.bytes > 0;  // romanisation keys of शोइगु, पुतिन …
    }
    CHECK(has_stored);
    CHECK(has_synonyms);
}

TEST_CASE("index_statistics of a missing index throws IndexError") {
    test::TempDir dir;
    CHECK_THROWS_AS(index_statistics((dir.path() / "nothing").string()), IndexError);
}
