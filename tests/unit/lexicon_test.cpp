/** @file lexicon_test.cpp @brief write_lexicon and open_lexicon on the seed articles: the synonym tables of shards merged, no articles, nothing but a lexicon replaced. */
#include "common/index/indexing_job.h"
#include "common/index/lexicon.h"
#include "common/index/schema.h"
#include "common/util/errors.h"
#include "temp_dir.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <string>
#include <utility>

using namespace khoj;
namespace fs = std::filesystem;

namespace {

void index_seeds(const std::string& index, const std::string& shard) {
    IndexingOptions options;
    options.index = index;
    options.paths = {std::string(KHOJ_SOURCE_DIR) + "/sample_corpus"};
    options.shard = shard;
    IndexingJob(options, [](const Diagnostic&) {}, [](const IndexingSummary&) {}).run();
}

std::set<std::pair<std::string, std::string>> synonyms_of(const Xapian::Database& db) {
    std::set<std::pair<std::string, std::string>> out;
    for (auto key = db.synonym_keys_begin(); key != db.synonym_keys_end(); ++key) {
        for (auto word = db.synonyms_begin(*key); word != db.synonyms_end(*key); ++word) out.emplace(*key, *word);
    }
    return out;
}

}  // namespace

TEST_CASE("write_lexicon merges the romanisation keys of two shards into what one index holds, with no articles") {
    test::TempDir dir;
    const std::string one = (dir.path() / "one").string(), s0 = (dir.path() / "s0").string(), s1 = (dir.path() / "s1").string();
    index_seeds(one, "");
    index_seeds(s0, "0/2");
    index_seeds(s1, "1/2");
    const std::string lexicon = (dir.path() / "lexicon").string();
    const LexiconSummary summary = write_lexicon({s0, s1}, lexicon);
    CHECK(summary.indexes == 2);
    const Xapian::Database lex = open_lexicon(lexicon);
    CHECK(lex.get_doccount() == 0);
    const auto merged = synonyms_of(lex);
    CHECK(merged == synonyms_of(Xapian::Database(one)));
    CHECK(summary.entries == merged.size());
    // "shoigu" is found through a key that points at शोइगु, as in the index.
    bool shoigu = false;
    for (const auto& [key, word] : merged) shoigu = shoigu || word == "शोइगु";
    CHECK(shoigu);

    // A lexicon of lexicons counts the indexes behind them; rewriting replaces the old one.
    const std::string part = (dir.path() / "part0").string();
    write_lexicon({s0}, part);
    const LexiconSummary again = write_lexicon({part, s1}, lexicon);
    CHECK(again.indexes == 2);
    CHECK(synonyms_of(open_lexicon(lexicon)) == merged);
}

TEST_CASE("write_lexicon refuses to write over what is not a lexicon, and open_lexicon refuses an index") {
    test::TempDir dir;
    const std::string index = (dir.path() / "index").string();
    index_seeds(index, "");
    const auto before = fs::file_size(fs::path(index) / "postlist.glass");
    CHECK_THROWS_AS(write_lexicon({index}, index), IndexError);  // the index typed as the output: kept
    CHECK(fs::file_size(fs::path(index) / "postlist.glass") == before);
    dir.write("notes/todo.txt", "खोज");
    CHECK_THROWS_AS(write_lexicon({index}, (dir.path() / "notes").string()), IndexError);
    CHECK(fs::exists(dir.path() / "notes" / "todo.txt"));
    CHECK_THROWS_AS(open_lexicon(index), IndexError);  // its articles would count twice
    CHECK_THROWS_AS(write_lexicon({(dir.path() / "missing").string()}, (dir.path() / "lex").string()), IndexError);
    CHECK_FALSE(fs::exists(dir.path() / "lex"));
}
