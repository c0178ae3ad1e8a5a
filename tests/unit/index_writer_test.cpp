/** @file index_writer_test.cpp @brief IndexWriter: replacing by id, skipping unchanged articles, deletes, compaction and the term-list restore. */
#include "common/index/file_stamps.h"
#include "common/index/index_writer.h"
#include "common/index/schema.h"
#include "common/search/searcher.h"
#include "common/util/errors.h"
#include "temp_dir.h"
#include "test_index.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

using namespace khoj;
using test::article;
using test::russia_articles;

namespace {

// What a user sees of an index: every query's hits in order, and the facet counts.
std::string visible_state(const std::string& path) {
    Searcher searcher(path);
    std::string out = std::to_string(searcher.database().get_doccount()) + " articles\n";
    for (const char* query : {"रूस", "पुतिन", "मौसम", "बर्फबारी", "Putin", "\"रक्षा मंत्री\""}) {
        SearchRequest request;
        request.query = query;
        request.facets = true;
        SearchResult result = searcher.search(request);
        out += std::string(query) + ":";
        for (const Hit& hit : result.hits) {
            out += " " + hit.article.id + "[";
            for (const Entity& e : hit.article.entities) out += e.name_en + ",";
            out += "]";
        }
        for (const auto* list : {&result.facets.people, &result.facets.places, &result.facets.organisations, &result.facets.months}) {
            for (const FacetCount& f : *list) out += " " + f.name + "=" + std::to_string(f.count);
        }
        out += "\n";
    }
    return out;
}

}  // namespace

TEST_CASE("IndexWriter::write replaces a changed article, and IndexWriter::unchanged spots one that is not") {
    test::TempDir dir;
    const std::string path = (dir.path() / "index").string();
    Article a = article("AU-1", "कोरोना के नए मामले", "राज्य में कोरोना के दस नए मामले मिले।", "2020-04-01", "Amar Ujala");
    {
        test::ArticleWriter writer(path);
        CHECK(writer.add(a) == Change::Added);
        CHECK_FALSE(writer.add(a).has_value());
        a.body = "राज्य में कोरोना के बीस नए मामले मिले।";
        CHECK(writer.add(a) == Change::Updated);
        CHECK_FALSE(writer.add(a).has_value());
        writer.commit();
        CHECK(writer.database().get_doccount() == 1);
    }
    {
        IndexWriter writer(path);  // re-opened: the stored content hash still says unchanged
        CHECK(writer.unchanged("AU-1", content_hash(a, "")));
        CHECK_FALSE(writer.unchanged("AU-1", content_hash(a, "/news/other.jsonl")));
        CHECK_FALSE(writer.unchanged("AU-2", content_hash(a, "")));
    }
    Searcher searcher(path);
    CHECK(searcher.database().get_doccount() == 1);
    auto stored = searcher.article("AU-1");
    REQUIRE(stored.has_value());
    CHECK(stored->body == a.body);
    CHECK(stored->date == "2020-04-01");
    CHECK_FALSE(searcher.article("AU-2").has_value());
}

TEST_CASE("IndexWriter::write keeps entities as ids that searches show by name") {
    test::TempDir dir;
    const std::string path = (dir.path() / "index").string();
    test::write_index(path, russia_articles());
    Searcher searcher(path);
    auto shoigu = searcher.article("shoigu");
    REQUIRE(shoigu.has_value());
    std::vector<std::string> names;
    for (const Entity& e : shoigu->entities) names.push_back(e.name_en);
    // People first, then places, each in term order.
    CHECK(names == std::vector<std::string>{"Sergei Shoigu", "North Korea", "Pyongyang", "Russia"});
}

TEST_CASE("IndexWriter::remove deletes an article by id") {
    test::TempDir dir;
    const std::string path = (dir.path() / "index").string();
    test::ArticleWriter writer(path);
    writer.add(article("a", "रूस", "पुतिन"));
    writer.add(article("b", "कोरिया", "किम"));
    CHECK(writer.remove("a"));
    CHECK_FALSE(writer.remove("a"));
    writer.commit();
    CHECK(writer.database().get_doccount() == 1);
}

TEST_CASE("IndexWriter::compact drops the term list; a later replace restores it, and the index reads as if built afresh") {
    test::TempDir dir;
    const std::string path = (dir.path() / "index").string(), clean = (dir.path() / "clean").string();
    Article changed = russia_articles()[1];
    changed.title = "रूस में गर्मी";
    changed.body = "मॉस्को में गर्मी बढ़ी, पुतिन ने बैठक बुलाई।";
    {
        test::ArticleWriter writer(path);
        for (const Article& a : russia_articles()) writer.add(a, "/news/russia.jsonl");
        writer.compact();
        CHECK_FALSE(writer.has_termlist());
        CHECK_FALSE(std::filesystem::exists(std::filesystem::path(path) / "termlist.glass"));
        // Appending needs no term list.
        CHECK(writer.add(article("new", "नया लेख", "पुतिन ने बयान दिया।"), "/news/new.jsonl") == Change::Added);
        CHECK_FALSE(writer.has_termlist());
        // Replacing does: the writer restores it first.
        CHECK(writer.add(changed, "/news/russia.jsonl") == Change::Updated);
        CHECK(writer.has_termlist());
        writer.commit();
    }
    {
        test::ArticleWriter writer(clean);
        writer.add(russia_articles()[0], "/news/russia.jsonl");
        writer.add(changed, "/news/russia.jsonl");
        writer.add(russia_articles()[2], "/news/russia.jsonl");
        writer.add(article("new", "नया लेख", "पुतिन ने बयान दिया।"), "/news/new.jsonl");
        writer.commit();
    }
    CHECK(visible_state(path) == visible_state(clean));
    CHECK(visible_state(path).find("बर्फबारी:\n") != std::string::npos);  // the old text is gone
    {
        // The file an article came from survives the restore: pruning that file still works.
        IndexWriter writer(path);
        writer.compact();
        CHECK(writer.remove_file("/news/russia.jsonl") == 3);
        writer.commit();
        CHECK(writer.database().get_doccount() == 1);
    }
}

TEST_CASE("IndexWriter::compact with keep_termlist keeps the term list, so a served shard never lacks one") {
    test::TempDir dir;
    const std::string path = (dir.path() / "index").string();
    test::ArticleWriter writer(path);
    for (const Article& a : russia_articles()) writer.add(a);
    writer.restore_termlist();
    const std::string before = visible_state(path);
    writer.compact(true);
    CHECK(writer.has_termlist());
    CHECK(std::filesystem::exists(std::filesystem::path(path) / "termlist.glass"));
    CHECK(visible_state(path) == before);
    CHECK(writer.database().get_document(2).termlist_count() > 0);
    CHECK(writer.remove("russia"));  // no restore needed
    writer.compact(false);
    CHECK_FALSE(writer.has_termlist());
}

TEST_CASE("IndexWriter::restore_termlist keeps every article, its docid and its stored text") {
    test::TempDir dir;
    const std::string path = (dir.path() / "index").string();
    test::ArticleWriter writer(path);
    for (const Article& a : russia_articles()) writer.add(a);
    writer.commit();
    CHECK_FALSE(writer.has_termlist());
    const std::string before = visible_state(path);
    CHECK(writer.restore_termlist() == 3);
    CHECK(writer.has_termlist());
    CHECK(visible_state(path) == before);
    CHECK(writer.database().get_document(2).termlist_count() > 0);
    CHECK(writer.remove("russia"));
    writer.commit();
    CHECK(writer.database().get_doccount() == 2);
}

TEST_CASE("IndexWriter::IndexWriter removes a stale PATH.khoj-old left by a completed swap") {
    test::TempDir dir;
    const std::string path = (dir.path() / "index").string();
    test::write_index(path, {russia_articles()[0]});
    std::filesystem::copy(path, path + ".khoj-old", std::filesystem::copy_options::recursive);
    { IndexWriter writer(path); }
    CHECK_FALSE(std::filesystem::exists(path + ".khoj-old"));
    CHECK(open_index_for_reading(path).get_doccount() == 1);
}

TEST_CASE("IndexWriter::IndexWriter refuses a second writer at once") {
    test::TempDir dir;
    const std::string path = (dir.path() / "index").string();
    IndexWriter first(path);
    CHECK_THROWS_AS(IndexWriter second(path), IndexLockedError);
}

TEST_CASE("IndexWriter::IndexWriter reports a damaged dictionary id as IndexError, not a foreign exception") {
    test::TempDir dir;
    const std::string path = (dir.path() / "index").string();
    test::write_index(path, russia_articles());
    {
        Xapian::WritableDatabase db(path, Xapian::DB_OPEN | Xapian::DB_NO_TERMLIST);
        db.set_metadata(metadata::kCurrentDictionary, "१२");  // not ASCII digits: std::stoul would throw std::invalid_argument
        db.commit();
    }
    CHECK_THROWS_AS(IndexWriter writer(path), IndexError);
    CHECK_THROWS_AS(Searcher searcher(path), IndexError);
}

TEST_CASE("IndexWriter::write refuses an id too long for a Xapian term with a khoj error") {
    test::TempDir dir;
    const std::string path = (dir.path() / "index").string();
    test::ArticleWriter writer(path);
    // 100 Devanagari letters: 300 bytes, past Xapian's 245-byte term.
    std::string id;
    for (int i = 0; i < 100; ++i) id += "क";
    CHECK_THROWS_AS(writer.add(article(id, "लंबी आईडी", "यह लेख बहुत लंबी आईडी वाला है।")), IndexError);
    CHECK(writer.add(article(std::string(kMaxIdBytes, 'x'), "लंबी आईडी", "सबसे लंबी आईडी जो चलती है।")) == Change::Added);
    writer.commit();
    CHECK(writer.database().get_doccount() == 1);
}

TEST_CASE("IndexWriter::held_elsewhere names the other files that held a replaced id, also after compaction") {
    test::TempDir dir;
    const std::string path = (dir.path() / "index").string();
    test::ArticleWriter writer(path);
    writer.add(article("X", "पहला संस्करण", "पहला लेख"), "/news/a.jsonl");
    writer.add(article("X", "दूसरा संस्करण", "दूसरा लेख"), "/news/b.jsonl");
    writer.add(article("Y", "अकेला लेख", "केवल एक फ़ाइल में"), "/news/b.jsonl");
    writer.compact();  // the other-file terms survive the term-list restore that held_elsewhere needs
    const auto held = writer.held_elsewhere("/news/b.jsonl");
    REQUIRE(held.size() == 1);
    CHECK(held[0].first == "X");
    CHECK(held[0].second == std::vector<std::string>{file_hash("/news/a.jsonl")});
    CHECK(writer.held_elsewhere("/news/a.jsonl").empty());  // X's copy is not from a.jsonl any more
}
