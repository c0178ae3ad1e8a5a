/** @file index_search_test.cpp @brief End-to-end tests of the core on a temporary index: IndexWriter changes, Searcher recall and syntax, JSON hits. */
#include "common/util/errors.h"
#include "common/index/index_writer.h"
#include "common/output/result_format.h"
#include "common/search/searcher.h"
#include "temp_dir.h"
#include "test_index.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace khoj;

namespace {

using test::article;

/// A small index with one article per behaviour under test.
struct Fixture {
    test::TempDir dir;
    std::string path = (dir.path() / "index").string();

    Fixture() {
        test::ArticleWriter writer(path);
        for (const Article& a : {
                 article("masjid", "शहर की खबरें", "पुरानी मस्जिद की मरम्मत का काम शुरू हुआ।", "2020-04-01", "Amar Ujala"),
                 article("kanoon", "संसद से खबर", "संसद ने नया कानून पारित किया।"),
                 article("delhi", "राजधानी की खबर", "दिल्\u200Dली में बारिश हुई।"),
                 article("phrase", "शोइगु प्योंगयांग पहुंचे", "रूस के रक्षा मंत्री सर्गेई शोइगु उत्तर कोरिया गए।", "2023-07-26", "Dainik Jagran"),
                 article("scattered", "बजट पर बहस", "रक्षा बजट बढ़ा और वित्त मंत्री ने सफाई दी।"),
                 article("putin", "रूस और पुतिन", "रूस के राष्ट्रपति पुतिन ने भाषण दिया।"),
                 article("russia", "रूस में मौसम", "रूस में बर्फबारी हुई।"),
                 article("title-election", "चुनाव की तारीख घोषित", "आयोग ने कार्यक्रम जारी किया।"),
                 article("body-election", "आयोग का फैसला", "अगले साल चुनाव होंगे।"),
             }) {
            CHECK(writer.add(a) == Change::Added);
        }
        writer.commit();
    }

    std::vector<std::string> ids(const std::string& query) {
        Searcher searcher(path);
        SearchRequest request;
        request.query = query;
        request.limit = 20;
        std::vector<std::string> out;
        for (const Hit& hit : searcher.search(request).hits) out.push_back(hit.article.id);
        return out;
    }
};

bool contains(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

TEST_CASE("IndexWriter::add skips an unchanged article and replaces a changed one") {
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
        test::ArticleWriter writer(path);  // re-opened: the stored content hash still says unchanged
        CHECK_FALSE(writer.add(a).has_value());
    }
    Searcher searcher(path);
    CHECK(searcher.database().get_doccount() == 1);
    auto stored = searcher.article("AU-1");
    REQUIRE(stored.has_value());
    CHECK(stored->body == a.body);
    CHECK(stored->date == "2020-04-01");
    CHECK_FALSE(searcher.article("AU-2").has_value());
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

const std::vector<Article>& russia_articles() {
    static const std::vector<Article> articles = {
        article("putin", "रूस और पुतिन", "रूस के राष्ट्रपति पुतिन ने भाषण दिया।", "2020-04-01"),
        article("russia", "रूस में मौसम", "रूस में बर्फबारी हुई।", "2020-05-02"),
        article("shoigu", "शोइगु प्योंगयांग पहुंचे", "रूस के रक्षा मंत्री सर्गेई शोइगु उत्तर कोरिया गए।", "2023-07-26"),
    };
    return articles;
}

}  // namespace

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
        test::ArticleWriter writer(path);
        writer.compact();
        CHECK(writer.remove_file("/news/russia.jsonl") == 3);
        writer.commit();
        CHECK(writer.database().get_doccount() == 1);
    }
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

TEST_CASE("open_index_for_reading and IndexWriter find an index a crash left at PATH.old mid-swap") {
    test::TempDir dir;
    const std::string path = (dir.path() / "index").string();
    test::write_index(path, russia_articles());
    std::filesystem::rename(path, path + ".old");  // as a crash between the two renames leaves it
    CHECK(open_index_for_reading(path).get_doccount() == 3);
    {
        test::ArticleWriter writer(path);
        CHECK(writer.database().get_doccount() == 3);
    }
    CHECK(std::filesystem::exists(path));
    CHECK_FALSE(std::filesystem::exists(path + ".old"));
}

TEST_CASE("Searcher::search pages through re-ranked results without repeating or skipping an article") {
    test::TempDir dir;
    const std::string path = (dir.path() / "index").string();
    {
        test::ArticleWriter writer(path);
        // 120 articles with the stem of मरीजों, some with that very spelling (re-ranked up):
        // more than the re-ranked block, so pages cross its end.
        for (int k = 0; k < 120; ++k) {
            const std::string word = k % 3 == 0 ? "मरीजों" : "मरीज";
            std::string body;
            for (int r = 0; r <= k % 7; ++r) body += "अस्पताल में " + word + " का इलाज हुआ। ";
            writer.add(article("m" + std::to_string(k), "खबर " + std::to_string(k), body));
        }
        writer.commit();
    }
    Searcher searcher(path);
    SearchRequest all;
    all.query = "मरीजों";
    all.limit = 120;
    std::vector<std::string> whole;
    for (const Hit& hit : searcher.search(all).hits) whole.push_back(hit.article.id);
    REQUIRE(whole.size() == 120);
    std::vector<std::string> paged;
    for (std::size_t offset = 0; offset < 120; offset += 10) {
        SearchRequest page = all;
        page.offset = offset;
        page.limit = 10;
        for (const Hit& hit : searcher.search(page).hits) paged.push_back(hit.article.id);
    }
    CHECK(paged == whole);
}

TEST_CASE("Searcher::search sees the folder a compaction swapped in") {
    test::TempDir dir;
    const std::string path = (dir.path() / "index").string();
    test::write_index(path, russia_articles());
    Searcher searcher(path);
    SearchRequest request;
    request.query = "पुतिन";
    CHECK(searcher.search(request).hits.size() == 1);
    {
        test::ArticleWriter writer(path);
        writer.compact();  // a new folder
        writer.add(article("new", "नया लेख", "पुतिन ने बयान दिया।"));
        writer.commit();
    }
    CHECK(searcher.search(request).hits.size() == 2);
    CHECK(searcher.article("new").has_value());
}

TEST_CASE("IndexWriter::IndexWriter removes a stale PATH.old left by a completed swap") {
    test::TempDir dir;
    const std::string path = (dir.path() / "index").string();
    test::write_index(path, {russia_articles()[0]});
    std::filesystem::copy(path, path + ".old", std::filesystem::copy_options::recursive);
    { test::ArticleWriter writer(path); }
    CHECK_FALSE(std::filesystem::exists(path + ".old"));
    CHECK(open_index_for_reading(path).get_doccount() == 1);
}

TEST_CASE("IndexWriter::IndexWriter refuses a second writer at once") {
    test::TempDir dir;
    const std::string path = (dir.path() / "index").string();
    IndexWriter first(path);
    CHECK_THROWS_AS(IndexWriter second(path), IndexLockedError);
}

TEST_CASE("Searcher::Searcher reports a missing index as IndexError") {
    test::TempDir dir;
    CHECK_THROWS_AS(Searcher((dir.path() / "absent").string()), IndexError);
}

TEST_CASE("Searcher::search finds a singular for a plural query") {
    Fixture f;
    auto ids = f.ids("मस्जिदों");
    REQUIRE_FALSE(ids.empty());
    CHECK(ids.front() == "masjid");
}

TEST_CASE("Searcher::search ignores the nukta") {
    Fixture f;
    auto ids = f.ids("क़ानून");
    REQUIRE_FALSE(ids.empty());
    CHECK(ids.front() == "kanoon");
    CHECK(f.ids("क\u093Cानून") == ids);  // decomposed nukta, as some keyboards type it
}

TEST_CASE("Searcher::search ignores a ZWJ in the indexed text") {
    Fixture f;
    auto ids = f.ids("दिल्ली");
    REQUIRE_FALSE(ids.empty());
    CHECK(ids.front() == "delhi");
    CHECK(f.ids("दिल्\u200Dली") == ids);
}

TEST_CASE("Searcher::search matches a phrase only where the words are adjacent") {
    Fixture f;
    CHECK(f.ids("\"रक्षा मंत्री\"") == std::vector<std::string>{"phrase"});
    // The same words unquoted find both articles.
    auto loose = f.ids("रक्षा मंत्री");
    CHECK(contains(loose, "phrase"));
    CHECK(contains(loose, "scattered"));
}

TEST_CASE("Searcher::search checks a phrase inside OR without dropping the other words' matches") {
    Fixture f;
    auto ids = f.ids("\"रक्षा मंत्री\" OR पुतिन");
    CHECK(contains(ids, "phrase"));
    CHECK(contains(ids, "putin"));
    CHECK_FALSE(contains(ids, "scattered"));  // रक्षा … मंत्री, not adjacent
}

TEST_CASE("Searcher::search matches a phrase with a stop word in it") {
    Fixture f;
    CHECK(f.ids("\"रूस के रक्षा\"") == std::vector<std::string>{"phrase"});
    CHECK(f.ids("\"रूस के राष्ट्रपति\"") == std::vector<std::string>{"putin"});
}

TEST_CASE("Searcher::search ranks an article with the very spelling typed above its stem-mates") {
    test::TempDir dir;
    const std::string path = (dir.path() / "index").string();
    {
        test::ArticleWriter writer(path);
        // उपलब्धि (achievement) and उपलब्ध (available) share a stem.
        writer.add(article("available", "दवाएं उपलब्ध", "अस्पताल में दवाएं उपलब्ध हैं और उपलब्ध बिस्तर भी।"));
        writer.add(article("achievement", "बड़ी खबर", "यह वैज्ञानिकों की उपलब्धि है।"));
        writer.commit();
    }
    Searcher searcher(path);
    SearchRequest request;
    request.query = "uplabdhi";
    auto hits = searcher.search(request).hits;
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].article.id == "achievement");
    request.query = "उपलब्ध";
    hits = searcher.search(request).hits;
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].article.id == "available");
}

TEST_CASE("Searcher::search excludes NOT words") {
    Fixture f;
    auto all = f.ids("रूस");
    CHECK(contains(all, "putin"));
    CHECK(contains(all, "russia"));
    auto without = f.ids("रूस NOT पुतिन");
    CHECK(contains(without, "russia"));
    CHECK_FALSE(contains(without, "putin"));
    CHECK(f.ids("रूस -पुतिन") == without);
}

TEST_CASE("Searcher::search restricts title: to headlines") {
    Fixture f;
    auto anywhere = f.ids("चुनाव");
    CHECK(contains(anywhere, "title-election"));
    CHECK(contains(anywhere, "body-election"));
    CHECK(f.ids("title:चुनाव") == std::vector<std::string>{"title-election"});
}

TEST_CASE("Searcher::search finds a Devanagari spelling for a Latin query") {
    Fixture f;
    auto ids = f.ids("Shoigu");
    REQUIRE_FALSE(ids.empty());
    CHECK(ids.front() == "phrase");
    CHECK(f.ids("shoigu") == ids);
}

TEST_CASE("Searcher::search returns nothing for a word no article has") {
    Fixture f;
    CHECK(f.ids("ज्वालामुखी").empty());
}

TEST_CASE("Searcher::search filters by source: and date:") {
    Fixture f;
    CHECK(f.ids("शोइगु source:dainik_jagran") == std::vector<std::string>{"phrase"});
    CHECK(f.ids("शोइगु source:amar_ujala").empty());
    CHECK(f.ids("मस्जिद date:2020-04") == std::vector<std::string>{"masjid"});
    CHECK(f.ids("मस्जिद date:2023").empty());
}

TEST_CASE("Searcher::search reports unbalanced syntax as UsageError") {
    Fixture f;
    Searcher searcher(f.path);
    SearchRequest request;
    request.query = "\"रक्षा मंत्री";
    CHECK_THROWS_AS(searcher.search(request), UsageError);
    request.query = "(रूस OR पुतिन";
    CHECK_THROWS_AS(searcher.search(request), UsageError);
}

TEST_CASE("format_hit_json writes one parseable JSON object with the documented fields") {
    Fixture f;
    Searcher searcher(f.path);
    SearchRequest request;
    request.query = "शोइगु";
    auto result = searcher.search(request);
    REQUIRE_FALSE(result.hits.empty());
    const std::string line = format_hit_json(result.hits.front(), "");
    CHECK(line.find('\n') == std::string::npos);
    auto j = nlohmann::json::parse(line);
    for (const char* field : {"rank", "id", "score", "title", "date", "source", "snippet"}) {
        CAPTURE(field);
        CHECK(j.contains(field));
    }
    CHECK(j["rank"] == 1);
    CHECK(j["id"] == "phrase");
    CHECK(j["score"].is_number());
    CHECK(j["score"].get<double>() > 0);
    CHECK(j["title"] == "शोइगु प्योंगयांग पहुंचे");
    CHECK(j["date"] == "2023-07-26");
    CHECK(j["source"] == "Dainik Jagran");
    CHECK(j["snippet"].get<std::string>().find("शोइगु") != std::string::npos);
    CHECK_FALSE(j.contains("qid"));
    CHECK(nlohmann::json::parse(format_hit_json(result.hits.front(), "D7"))["qid"] == "D7");
}

TEST_CASE("format_hit_tsv writes tab-separated fields with tabs in the title flattened") {
    Hit hit;
    hit.rank = 3;
    hit.score = 1.23456;
    hit.article = article("x/1", "रूस\tऔर\nकोरिया", "", "2023-07-27", "Jagran");
    CHECK(format_hit_tsv(hit, "") == "3\tx/1\t1.2346\t2023-07-27\tJagran\tरूस और कोरिया");
    CHECK(format_hit_tsv(hit, "q1") == "q1\t3\tx/1\t1.2346\t2023-07-27\tJagran\tरूस और कोरिया");
    CHECK(format_hit_trec(hit, "q1") == "q1 Q0 x/1 3 1.2346 khoj");
}
