/** @file spelling_suggester_test.cpp @brief SpellingSuggester: respellings from the index's own vocabulary, in both scripts. */
#include "common/search/spelling_suggester.h"
#include "temp_dir.h"
#include "test_index.h"

#include <doctest/doctest.h>

using namespace khoj;

namespace {

// Ten articles about मेरठ and one that misspells it मेरट.
std::string build_meerut_index(const test::TempDir& dir) {
    std::string path = (dir.path() / "index").string();
    test::ArticleWriter writer(path);
    for (int i = 0; i < 10; ++i) {
        Article a;
        a.id = "m" + std::to_string(i);
        a.title = "मेरठ में कोरोना के नए मामले " + std::to_string(i);
        a.body = "मेरठ जिले में आज कोरोना संक्रमण के मामले बढ़े।";
        writer.add(a);
    }
    Article typo;
    typo.id = "typo";
    typo.title = "मेरट की खबर";
    typo.body = "मेरट में बारिश।";
    writer.add(typo);
    writer.commit();
    return path;
}

}  // namespace

TEST_CASE("SpellingSuggester::suggest respells a rare Devanagari spelling to the common one") {
    test::TempDir dir;
    Xapian::Database db(build_meerut_index(dir));
    SpellingSuggester suggester(db);
    CHECK(suggester.suggest("मेरट") == "मेरठ");
    CHECK(suggester.suggest("मेरट कोरोना") == "मेरठ कोरोना");
}

TEST_CASE("SpellingSuggester::suggest offers the Devanagari word for an unmatched romanisation") {
    test::TempDir dir;
    Xapian::Database db(build_meerut_index(dir));
    SpellingSuggester suggester(db);
    CHECK(suggester.suggest("Merath") == "मेरठ");
}

TEST_CASE("SpellingSuggester::suggest leaves well-attested words, filters and operators alone") {
    test::TempDir dir;
    Xapian::Database db(build_meerut_index(dir));
    SpellingSuggester suggester(db);
    CHECK(suggester.suggest("मेरठ") == "");
    CHECK(suggester.suggest("कोरोना") == "");
    CHECK(suggester.suggest("person:मेरट") == "");
    CHECK(suggester.suggest("\"मेरट\"") == "");
}

TEST_CASE("SpellingSuggester::suggest reads words as the query syntax does: inside brackets yes, inside phrases no") {
    test::TempDir dir;
    Xapian::Database db(build_meerut_index(dir));
    SpellingSuggester suggester(db);
    CHECK(suggester.suggest("(मेरट OR कोरोना)") == "(मेरठ OR कोरोना)");
    CHECK(suggester.suggest("\"मेरट कोरोना\" मेरट") == "\"मेरट कोरोना\" मेरठ");
    CHECK(suggester.suggest("person:\"कोरोना मेरट\"") == "");
    CHECK(suggester.suggest("-मेरट") == "");
    CHECK(suggester.suggest("मेरट   AND  कोरोना") == "मेरठ AND कोरोना");  // white space folded
}
