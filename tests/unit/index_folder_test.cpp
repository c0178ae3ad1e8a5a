/** @file index_folder_test.cpp @brief The index folder: folder swaps and their recovery, the write lock, folder identity, opening for reading, the analysis-version check. */
#include "common/index/index_folder.h"
#include "common/index/index_writer.h"
#include "common/index/schema.h"
#include "common/util/errors.h"
#include "temp_dir.h"
#include "test_index.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

using namespace khoj;
using test::russia_articles;

TEST_CASE("replace_index_folder swaps in the new folder and leaves the old one at the replacement's name") {
    test::TempDir dir;
    const std::string live = (dir.path() / "index").string(), fresh = (dir.path() / "index.tmp").string();
    std::filesystem::create_directory(live);
    std::filesystem::create_directory(fresh);
    std::ofstream(live + "/old") << "old";
    std::ofstream(fresh + "/new") << "new";
    replace_index_folder(live, fresh);
    CHECK(std::filesystem::exists(live + "/new"));
    CHECK(std::filesystem::exists(fresh + "/old"));
}

TEST_CASE("replace_index_folder reports a failed rename as IndexError") {
    test::TempDir dir;
    // Neither folder exists: the exchange fails, and so does the first rename of the fallback.
    CHECK_THROWS_AS(replace_index_folder((dir.path() / "index").string(), (dir.path() / "index.tmp").string()), IndexError);
}

TEST_CASE("begin_replacement and finish_replacement swap a copy in and leave nothing beside the index") {
    test::TempDir dir;
    const std::string live = (dir.path() / "index").string();
    std::filesystem::create_directory(live);
    std::filesystem::create_directories(live + ".tmp/leftover");  // from a killed run
    const std::string replacement = begin_replacement(live);
    CHECK(replacement == live + ".tmp");
    CHECK_FALSE(std::filesystem::exists(replacement));
    std::filesystem::create_directory(replacement);
    std::ofstream(replacement + "/new") << "new";
    finish_replacement(live, replacement);
    CHECK(std::filesystem::exists(live + "/new"));
    CHECK_FALSE(std::filesystem::exists(replacement));
    CHECK_FALSE(std::filesystem::exists(live + ".old"));
}

TEST_CASE("open_index_for_reading and IndexWriter find an index a crash left at PATH.old mid-swap") {
    test::TempDir dir;
    const std::string path = (dir.path() / "index").string();
    test::write_index(path, russia_articles());
    std::filesystem::rename(path, path + ".old");  // as a crash between the two renames leaves it
    CHECK(open_index_for_reading(path).get_doccount() == 3);
    {
        IndexWriter writer(path);
        CHECK(writer.database().get_doccount() == 3);
    }
    CHECK(std::filesystem::exists(path));
    CHECK_FALSE(std::filesystem::exists(path + ".old"));
}

TEST_CASE("open_index_for_reading accepts a trailing slash and reports a missing index as IndexError") {
    test::TempDir dir;
    const std::string path = (dir.path() / "index").string();
    CHECK_THROWS_AS(open_index_for_reading(path), IndexError);
    test::write_index(path, russia_articles());
    CHECK(open_index_for_reading(path + "/").get_doccount() == 3);
    CHECK(without_trailing_slash(path + "//") == path);
    CHECK(without_trailing_slash("/") == "/");
}

TEST_CASE("check_analysis_version refuses an index built by another analysis version") {
    test::TempDir dir;
    const std::string path = (dir.path() / "index").string();
    test::write_index(path, russia_articles());
    {
        Xapian::WritableDatabase db(path, Xapian::DB_OPEN | Xapian::DB_NO_TERMLIST);
        db.set_metadata(metadata::kAnalysisVersion, "khoj-analysis-1");
        db.commit();
    }
    std::optional<std::string> message;
    try {
        open_index_for_reading(path);
    } catch (const IndexError& e) {
        message = e.what();
    }
    REQUIRE(message.has_value());
    CHECK(message->find("khoj-analysis-1") != std::string::npos);
    CHECK(message->find("rebuild it") != std::string::npos);
    CHECK_THROWS_AS(IndexWriter writer(path), IndexError);
}

TEST_CASE("IndexLock refuses a second holder at once and is free again when the first is gone") {
    test::TempDir dir;
    const std::string path = (dir.path() / "index").string();
    {
        IndexLock first(path);
        CHECK(std::filesystem::exists(path + ".lock"));
        CHECK_THROWS_AS(IndexLock second(path), IndexLockedError);
    }
    IndexLock again(path);
}

TEST_CASE("folder_identity tells a swapped-in folder from the one before") {
    test::TempDir dir;
    const std::string live = (dir.path() / "index").string(), fresh = (dir.path() / "index.tmp").string();
    CHECK(folder_identity(live) == FolderIdentity{0, 0});
    std::filesystem::create_directory(live);
    std::filesystem::create_directory(fresh);
    const FolderIdentity before = folder_identity(live), replacement = folder_identity(fresh);
    CHECK(before != FolderIdentity{0, 0});
    replace_index_folder(live, fresh);
    CHECK(folder_identity(live) == replacement);
    CHECK(folder_identity(live) != before);
}

TEST_CASE("has_termlist_table is false for a new index and true once the term list is restored") {
    test::TempDir dir;
    const std::string path = (dir.path() / "index").string();
    test::ArticleWriter writer(path);
    writer.add(russia_articles()[0]);
    writer.commit();
    CHECK_FALSE(has_termlist_table(path));
    writer.restore_termlist();
    CHECK(has_termlist_table(path));
}
