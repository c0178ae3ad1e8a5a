/** @file read_ahead_test.cpp @brief read_ahead: the same callbacks in the same order as ArticleReader, on the calling thread; the filter answered there; failures on either side stop both. */
#include "common/ingest/read_ahead.h"
#include "temp_dir.h"

#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using namespace khoj;
namespace fs = std::filesystem;

namespace {

// Every callback as one line, in the order it came ("A id file:line", "R file:line message",
// "F file" for a filter question, "D file" for a file read to the end).
struct Transcript {
    std::vector<std::string> lines;
    std::vector<std::thread::id> threads;  ///< the thread each callback ran on
    bool skip_txt = false;                 ///< the filter's answer for .txt files

    ArticleReader::ArticleHandler on_article() {
        return [this](InputArticle&& a) { note("A " + a.article.id + " " + fs::path(a.file).filename().string() + ":" + std::to_string(a.line)); };
    }
    ArticleReader::DiagnosticHandler on_rejected() {
        return [this](const Diagnostic& d) { note("R " + fs::path(d.file).filename().string() + ":" + std::to_string(d.line) + " " + d.message); };
    }
    ArticleReader::FileFilter filter() {
        return [this](const fs::path& file, const FileStamp&) {
            note("F " + file.filename().string());
            return !(skip_txt && file.extension() == ".txt");
        };
    }
    ArticleReader::FileDoneHandler on_file_done() {
        return [this](const fs::path& file, const FileStamp&) { note("D " + file.filename().string()); };
    }
    void note(std::string line) {
        lines.push_back(std::move(line));
        threads.push_back(std::this_thread::get_id());
    }
};

Transcript read_directly(const std::vector<std::string>& paths, bool skip_txt) {
    Transcript t;
    t.skip_txt = skip_txt;
    ArticleReader reader(t.on_article(), t.on_rejected(), t.filter(), t.on_file_done());
    for (const auto& p : paths) reader.read(p);
    return t;
}

// A folder of several kinds of input, with bad lines among good ones.
std::vector<std::string> mixed_inputs(const test::TempDir& dir) {
    std::string jsonl;
    for (int i = 0; i < 40; ++i) {
        if (i % 9 == 4) jsonl += "{\"id\": \"broken-" + std::to_string(i) + "\", \"title\": \n";
        else jsonl += "{\"id\": \"a" + std::to_string(i) + "\", \"title\": \"दिल्ली में बारिश " + std::to_string(i) + "\", \"body\": \"मौसम विभाग ने कहा कि बारिश होगी।\"}\n";
    }
    dir.write("in/news.jsonl", jsonl);
    dir.write("in/notes/one.txt", "पुतिन और किम की मुलाकात\nलेख का पाठ।\n");
    dir.write("in/notes/two.txt", "\xff\xfe not text\n");
    return {(dir.path() / "in").string(), (dir.path() / "missing.jsonl").string()};
}

}  // namespace

TEST_CASE("read_ahead gives the callbacks of ArticleReader::read in the same order, all on the calling thread") {
    test::TempDir dir;
    const std::vector<std::string> paths = mixed_inputs(dir);
    for (bool skip_txt : {false, true}) {
        for (std::size_t capacity : {std::size_t{1}, std::size_t{3}, kReadAheadArticles}) {
            CAPTURE(skip_txt);
            CAPTURE(capacity);
            const Transcript direct = read_directly(paths, skip_txt);
            Transcript ahead;
            ahead.skip_txt = skip_txt;
            const ReadCounts counts = read_ahead(paths, ahead.on_article(), ahead.on_rejected(), ahead.filter(), ahead.on_file_done(), capacity);
            CHECK(ahead.lines == direct.lines);
            for (const auto& id : ahead.threads) CHECK(id == std::this_thread::get_id());
            CHECK(counts.rejected == (skip_txt ? 5u : 6u));  // 4 broken lines, the missing file, and two.txt when read
        }
    }
}

TEST_CASE("read_ahead stops the reading thread and rethrows when a handler throws") {
    test::TempDir dir;
    const std::vector<std::string> paths = mixed_inputs(dir);
    std::size_t seen = 0;
    auto throwing = [&seen](InputArticle&&) {
        if (++seen == 3) throw std::runtime_error("index full");
    };
    CHECK_THROWS_WITH_AS(read_ahead(paths, throwing, [](const Diagnostic&) {}, {}, {}, 2), "index full", std::runtime_error);
    CHECK(seen == 3);  // nothing more was handed on after the failure
}

TEST_CASE("read_ahead without a filter or a file-done handler reads every file") {
    test::TempDir dir;
    const std::vector<std::string> paths = mixed_inputs(dir);
    std::size_t articles = 0, rejected = 0;
    const ReadCounts counts = read_ahead(paths, [&](InputArticle&&) { ++articles; }, [&](const Diagnostic&) { ++rejected; }, {}, {});
    CHECK(articles == 36 + 1);
    CHECK(rejected == counts.rejected);
}
