/** @file index_folder_test.cpp @brief The index folder: folder swaps and their recovery, the write lock, folder identity, opening for reading, the analysis-version check; what the writer may create, refuse or leave alone beside and inside it. */
#include "common/index/index_folder.h"
#include "common/index/index_writer.h"
#include "common/index/schema.h"
#include "common/util/errors.h"
#include "temp_dir.h"
#include "test_index.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

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
    std::filesystem::create_directories(live + ".khoj-tmp/leftover");  // from a killed run
    const std::string replacement = begin_replacement(live);
    CHECK(replacement == live + ".khoj-tmp");
    CHECK_FALSE(std::filesystem::exists(replacement));
    std::filesystem::create_directory(replacement);
    std::ofstream(replacement + "/new") << "new";
    finish_replacement(live, replacement);
    CHECK(std::filesystem::exists(live + "/new"));
    CHECK_FALSE(std::filesystem::exists(replacement));
    CHECK_FALSE(std::filesystem::exists(live + ".khoj-old"));
}

TEST_CASE("open_index_for_reading and IndexWriter find an index a crash left at PATH.khoj-old mid-swap") {
    test::TempDir dir;
    const std::string path = (dir.path() / "index").string();
    test::write_index(path, russia_articles());
    std::filesystem::rename(path, path + ".khoj-old");  // as a crash between the two renames leaves it
    CHECK(open_index_for_reading(path).get_doccount() == 3);
    {
        IndexWriter writer(path);
        CHECK(writer.database().get_doccount() == 3);
    }
    CHECK(std::filesystem::exists(path));
    CHECK_FALSE(std::filesystem::exists(path + ".khoj-old"));
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

namespace {

// Every file under @p folder with its size: what "left as it is" means for an index folder.
std::vector<std::pair<std::string, std::uintmax_t>> folder_listing(const std::filesystem::path& folder) {
    std::vector<std::pair<std::string, std::uintmax_t>> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
        if (entry.is_regular_file() && entry.path().filename() != "flintlock") files.emplace_back(entry.path().string(), entry.file_size());
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

TEST_CASE("IndexWriter::IndexWriter refuses an index whose postlist.glass is gone and leaves it as it is") {
    test::TempDir dir;
    const std::string path = (dir.path() / "index").string();
    test::write_index(path, russia_articles());
    std::filesystem::remove(std::filesystem::path(path) / "postlist.glass");
    const auto before = folder_listing(path);
    CHECK_THROWS_AS(IndexWriter writer(path), IndexError);
    CHECK(folder_listing(path) == before);  // no new, almost empty index written over the old one
}

TEST_CASE("IndexWriter::IndexWriter refuses a folder of other files, and a damaged index without iamglass") {
    test::TempDir dir;
    const std::string notes = dir.write("notes/समाचार.txt", "मेरी टिप्पणियां").parent_path().string();
    CHECK_THROWS_AS(IndexWriter writer(notes), IndexError);
    CHECK(folder_listing(notes).size() == 1);
    const std::string path = (dir.path() / "index").string();
    test::write_index(path, russia_articles());
    std::filesystem::remove(std::filesystem::path(path) / "iamglass");
    const auto before = folder_listing(path);
    CHECK_THROWS_AS(IndexWriter writer(path), IndexError);
    CHECK(folder_listing(path) == before);
}

TEST_CASE("IndexWriter::IndexWriter creates an index in a missing or empty folder, and again after a creation cut short") {
    test::TempDir dir;
    const std::string missing = (dir.path() / "new").string(), empty = (dir.path() / "empty").string();
    std::filesystem::create_directory(empty);
    for (const std::string& path : {missing, empty}) {
        test::write_index(path, {russia_articles()[0]});
        CHECK(open_index_for_reading(path).get_doccount() == 1);
        CHECK_FALSE(std::filesystem::exists(std::filesystem::path(path) / kCreationMarker));
    }
    // As a kill -9 between the marker and Xapian's iamglass leaves a folder.
    const std::string cut = (dir.path() / "cut").string();
    dir.write("cut/" + std::string(kCreationMarker), "");
    dir.write("cut/postlist.glass", "");
    test::write_index(cut, russia_articles());
    CHECK(open_index_for_reading(cut).get_doccount() == 3);
}

TEST_CASE("IndexWriter::IndexWriter and open_index_for_reading leave a user's own INDEX.old and INDEX.tmp alone") {
    test::TempDir dir;
    const std::string path = (dir.path() / "index").string();
    test::write_index(path, russia_articles());
    std::filesystem::copy(path, path + ".old", std::filesystem::copy_options::recursive);  // a backup copy
    dir.write("index.old/README-backup.txt", "पुरानी प्रति");
    dir.write("index.tmp/scratch.txt", "अस्थायी");
    {
        test::ArticleWriter writer(path);
        writer.add(test::article("new", "नया लेख", "पुतिन ने बयान दिया।"));
        writer.compact();
    }
    CHECK(std::filesystem::exists(path + ".old/README-backup.txt"));
    CHECK(std::filesystem::exists(path + ".tmp/scratch.txt"));
    CHECK(open_index_for_reading(path).get_doccount() == 4);
    // With the index gone, a search must not quietly serve the user's backup.
    std::filesystem::remove_all(path);
    CHECK_THROWS_AS(open_index_for_reading(path), IndexError);
}

TEST_CASE("real_index_folder follows the symlinks of the last component") {
    test::TempDir dir;
    const std::filesystem::path data = dir.path() / "data";
    std::filesystem::create_directories(data / "khoj");
    std::filesystem::create_directory_symlink("data/khoj", dir.path() / "link");
    std::filesystem::create_symlink("link", dir.path() / "link2");
    CHECK(real_index_folder((dir.path() / "link/").string()) == (dir.path() / "data/khoj").string());
    CHECK(real_index_folder((dir.path() / "link2").string()) == (dir.path() / "data/khoj").string());
    CHECK(real_index_folder((data / "khoj").string()) == (data / "khoj").string());
}

TEST_CASE("IndexWriter::compact through a symlinked index folder compacts the target and keeps the symlink") {
    test::TempDir dir;
    const std::filesystem::path target = dir.path() / "data" / "khoj", link = dir.path() / "link";
    std::filesystem::create_directories(target.parent_path());
    test::write_index(target.string(), russia_articles());
    std::filesystem::create_directory_symlink("data/khoj", link);
    {
        test::ArticleWriter writer(link.string());
        writer.add(test::article("new", "नया लेख", "पुतिन ने बयान दिया।"));
        writer.compact();
        CHECK_THROWS_AS(IndexWriter second(target.string()), IndexLockedError);  // the target's own lock is held too
    }
    CHECK(std::filesystem::is_symlink(link));
    CHECK(open_index_for_reading(target.string()).get_doccount() == 4);
    CHECK(open_index_for_reading(link.string()).get_doccount() == 4);
    CHECK_FALSE(std::filesystem::exists(dir.path() / "link.khoj-tmp"));
    CHECK_FALSE(std::filesystem::exists(target.string() + ".khoj-tmp"));
}
