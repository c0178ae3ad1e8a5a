/** @file article_reader_test.cpp @brief Tests of ArticleReader: .txt, .jsonl, .html and .warc(.gz) input, ids, headlines, site chrome and template lines, input bytes, and bad input reported by FILE:LINE or record. */
#include "common/ingest/article_reader.h"
#include "common/ingest/chrome_lines.h"
#include "temp_dir.h"
#include "test_warc.h"

#include <doctest/doctest.h>

#include <sys/stat.h>

#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace khoj;
namespace fs = std::filesystem;

namespace {

/// Runs a reader over @p paths and keeps what it reports.
struct Collected {
    std::vector<InputArticle> articles;
    std::vector<Diagnostic> diagnostics;
    std::size_t rejected = 0;

    const InputArticle* find(const std::string& id) const {
        for (const auto& a : articles) {
            if (a.article.id == id) return &a;
        }
        return nullptr;
    }
    const Diagnostic* diagnostic_at(std::size_t line) const {
        for (const auto& d : diagnostics) {
            if (d.line == line) return &d;
        }
        return nullptr;
    }
};

Collected read_all(const std::vector<fs::path>& paths, ArticleReader::FileFilter filter = {}) {
    Collected c;
    ArticleReader reader([&](InputArticle&& a) { c.articles.push_back(std::move(a)); },
                         [&](const Diagnostic& d) { c.diagnostics.push_back(d); }, std::move(filter));
    for (const auto& p : paths) reader.read(p);
    c.rejected = reader.rejected();
    return c;
}

}  // namespace

TEST_CASE("ArticleReader::read takes a .txt id from its path relative to the folder, without extension") {
    test::TempDir dir;
    dir.write("corpus/top.txt", "पहला शीर्षक\nपहला लेख।\n");
    dir.write("corpus/2023/july/putin.txt", "पुतिन और किम की मुलाकात\nलेख का पाठ।\n");
    Collected c = read_all({dir.path() / "corpus"});
    CHECK(c.rejected == 0);
    CHECK(c.diagnostics.empty());
    REQUIRE(c.articles.size() == 2);
    CHECK(c.find("top") != nullptr);
    REQUIRE(c.find("2023/july/putin") != nullptr);
    CHECK(c.find("2023/july/putin")->line == 0);
    CHECK(c.find("2023/july/putin")->file == (dir.path() / "corpus/2023/july/putin.txt").string());
}

TEST_CASE("ArticleReader::read uses the first non-empty line of a .txt as the headline") {
    test::TempDir dir;
    auto file = dir.write("001.txt", "\n  \r\nरूस के रक्षा मंत्री से मिले किम \r\n\nउत्तर कोरियाई नेता किम जोंग उन ने चर्चा की।\nदूसरा अनुच्छेद।\n");
    Collected c = read_all({file});
    REQUIRE(c.articles.size() == 1);
    const Article& a = c.articles[0].article;
    CHECK(a.id == "001");  // a file named on the command line: id is its name
    CHECK(a.title == "रूस के रक्षा मंत्री से मिले किम");
    CHECK(a.body.find("उत्तर कोरियाई नेता किम जोंग उन ने चर्चा की।") != std::string::npos);
    CHECK(a.body.find("दूसरा अनुच्छेद।") != std::string::npos);
    CHECK(a.body.find("रक्षा मंत्री से मिले") == std::string::npos);
}

TEST_CASE("ArticleReader::read dates a .txt from its file name or its byline") {
    test::TempDir dir;
    dir.write("in/AU-2020-APR-01.txt", "कोरोना के नए मामले\nलेख।\n");
    dir.write("in/byline.txt", "पुतिन से मिले किम\nUpdated: Thu, 27 Jul 2023 10:26 AM (IST)\nलेख।\n");
    Collected c = read_all({dir.path() / "in"});
    REQUIRE(c.articles.size() == 2);
    CHECK(c.find("AU-2020-APR-01")->article.date == "2020-04-01");
    CHECK(c.find("byline")->article.date == "2023-07-27");
}

TEST_CASE("ArticleReader::read applies NFC to what it reads") {
    test::TempDir dir;
    auto file = dir.write("n.jsonl", "{\"id\":\"n1\",\"title\":\"\u0928\u093C\",\"body\":\"x\"}\n");
    Collected c = read_all({file});
    REQUIRE(c.articles.size() == 1);
    CHECK(c.articles[0].article.title == "\u0929");
}

TEST_CASE("ArticleReader::read reads good .jsonl lines and rejects bad ones by line number") {
    test::TempDir dir;
    std::string jsonl;
    jsonl += R"({"id":"good-1","title":"रूस के रक्षा मंत्री","body":"शोइगु प्योंगयांग पहुंचे।","date":"2023-07-26","source":"Jagran","url":"https://example.org/1"})" "\n";  // 1
    jsonl += R"({"id":"broken","title":"अधूरा")" "\n";                                                                       // 2
    jsonl += "{\"id\":\"bad-utf8\",\"title\":\"\xC3\x28\",\"body\":\"x\"}\n";                                               // 3
    jsonl += R"({"title":"बिना आईडी","body":"इस लेख की कोई आईडी नहीं है"})" "\n";                                                 // 4
    jsonl += "\n";                                                                                                          // 5: blank, skipped
    jsonl += R"({"id":"empty","title":"  ","body":""})" "\n";                                                                // 6
    jsonl += R"(["an","array"])" "\n";                                                                                        // 7
    jsonl += R"({"id":42,"title":"संख्या वाली आईडी","body":"लेख","date":"2020-04-01T10:00:00Z"})" "\n";                      // 8
    auto file = dir.write("mixed.jsonl", jsonl);
    Collected c = read_all({file});

    REQUIRE(c.articles.size() == 2);
    const InputArticle* good = c.find("good-1");
    REQUIRE(good != nullptr);
    CHECK(good->line == 1);
    CHECK(good->article.title == "रूस के रक्षा मंत्री");
    CHECK(good->article.date == "2023-07-26");
    CHECK(good->article.source == "Jagran");
    CHECK(good->article.url == "https://example.org/1");
    const InputArticle* numeric = c.find("42");
    REQUIRE(numeric != nullptr);
    CHECK(numeric->line == 8);
    CHECK(numeric->article.date == "2020-04-01");

    CHECK(c.rejected == 5);
    for (std::size_t line : {2u, 3u, 4u, 6u, 7u}) {
        CAPTURE(line);
        const Diagnostic* d = c.diagnostic_at(line);
        REQUIRE(d != nullptr);
        CHECK(d->file == file.string());
    }
    CHECK(c.diagnostic_at(2)->message.find("JSON") != std::string::npos);
    CHECK(c.diagnostic_at(3)->message.find("UTF-8") != std::string::npos);
    CHECK(c.diagnostic_at(4)->message.find("no id") != std::string::npos);
    CHECK(c.diagnostic_at(6)->message.find("no text") != std::string::npos);
    CHECK(c.diagnostic_at(1) == nullptr);
    CHECK(c.diagnostic_at(5) == nullptr);
}

TEST_CASE("ArticleReader::read keeps an article whose date it cannot read, and says so") {
    test::TempDir dir;
    auto file = dir.write("d.jsonl", R"({"id":"d1","title":"शीर्षक","body":"लेख","date":"कल"})" "\n");
    Collected c = read_all({file});
    REQUIRE(c.articles.size() == 1);
    CHECK(c.articles[0].article.date.empty());
    CHECK(c.rejected == 0);
    REQUIRE(c.diagnostics.size() == 1);
    CHECK(c.diagnostics[0].line == 1);
}

TEST_CASE("ArticleReader::read rejects a binary .txt") {
    test::TempDir dir;
    dir.write("in/good.txt", "अच्छा लेख\nपाठ\n");
    dir.write("in/image.txt", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16));
    Collected c = read_all({dir.path() / "in"});
    REQUIRE(c.articles.size() == 1);
    CHECK(c.articles[0].article.id == "good");
    CHECK(c.rejected == 1);
    REQUIRE(c.diagnostics.size() == 1);
    CHECK(c.diagnostics[0].file == (dir.path() / "in/image.txt").string());
    CHECK(c.diagnostics[0].line == 0);
    CHECK(c.diagnostics[0].message.find("binary") != std::string::npos);
}

TEST_CASE("ArticleReader::read rejects an unknown extension named on the command line") {
    test::TempDir dir;
    auto named = dir.write("notes.csv", "id,title\n1,रूस\n");
    dir.write("folder/notes.csv", "id,title\n1,रूस\n");
    dir.write("folder/ok.txt", "शीर्षक\nपाठ\n");
    Collected c = read_all({named});
    CHECK(c.articles.empty());
    CHECK(c.rejected == 1);
    REQUIRE(c.diagnostics.size() == 1);
    CHECK(c.diagnostics[0].file == named.string());
    // Inside a folder, other files are simply not articles.
    Collected walk = read_all({dir.path() / "folder"});
    CHECK(walk.rejected == 0);
    CHECK(walk.articles.size() == 1);
}

TEST_CASE("ArticleReader::read reports a missing path") {
    test::TempDir dir;
    Collected c = read_all({dir.path() / "nowhere"});
    CHECK(c.articles.empty());
    CHECK(c.rejected == 1);
}

TEST_CASE("ArticleReader::read asks the file filter before reading a file") {
    test::TempDir dir;
    dir.write("in/a.txt", "क\nपाठ\n");
    dir.write("in/b.txt", "ख\nपाठ\n");
    std::vector<std::string> asked;
    Collected c = read_all({dir.path() / "in"}, [&](const fs::path& p, const FileStamp& stamp) {
        asked.push_back(p.filename().string());
        CHECK(stamp.size > 0);
        return p.filename() != "a.txt";
    });
    CHECK(asked == std::vector<std::string>{"a.txt", "b.txt"});
    REQUIRE(c.articles.size() == 1);
    CHECK(c.articles[0].article.id == "b");
}

TEST_CASE("ArticleReader::read reads the seed corpus from ../shared") {
    const fs::path seeds = fs::path(KHOJ_SHARED_DIR) / "corpora" / "seeds.jsonl";
    if (!fs::exists(seeds)) {
        MESSAGE("skipped: " << seeds.string() << " is absent");
        return;
    }
    Collected c = read_all({seeds});
    CHECK(c.rejected == 0);
    CHECK(c.articles.size() == 4);
    for (const auto& a : c.articles) {
        CHECK_FALSE(a.article.id.empty());
        CHECK_FALSE(a.article.title.empty());
    }
}

TEST_CASE("ArticleReader::read names the line of invalid UTF-8 in a .txt") {
    test::TempDir dir;
    dir.write("in/broken.txt", "मेरठ में बारिश\nपहली पंक्ति ठीक है।\nयहाँ \xE0\xA4 टूटा अक्षर है।\n");
    Collected c = read_all({dir.path() / "in"});
    CHECK(c.articles.empty());
    CHECK(c.rejected == 1);
    REQUIRE(c.diagnostic_at(3) != nullptr);
    CHECK(c.diagnostic_at(3)->message == "invalid UTF-8");
}

TEST_CASE("ArticleReader::read warns about a title that is not text instead of dropping it silently") {
    test::TempDir dir;
    auto file = dir.write("a.jsonl", R"({"id":"x1","title":["पहला","दूसरा"],"body":"चंडीगढ़ में लॉकडाउन बढ़ा।"})" "\n");
    Collected c = read_all({file});
    REQUIRE(c.articles.size() == 1);
    CHECK(c.rejected == 0);
    REQUIRE(c.diagnostic_at(1) != nullptr);
    CHECK(c.diagnostic_at(1)->message == "ignored field 'title': array, not text");
}

TEST_CASE("ArticleReader::read refuses a FIFO named on the command line without blocking") {
    test::TempDir dir;
    const fs::path fifo = dir.path() / "news.txt";
    REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
    Collected c = read_all({fifo});
    CHECK(c.articles.empty());
    REQUIRE(c.diagnostics.size() == 1);
    CHECK(c.diagnostics[0].message.find("not a regular file") != std::string::npos);
}

TEST_CASE("ArticleReader::read refuses a huge .txt by its size, before reading it") {
    test::TempDir dir;
    const fs::path huge = dir.write("in/huge.txt", "");
    fs::resize_file(huge, std::uintmax_t{4} << 30);  // sparse: 4 GiB that take no disk space
    std::size_t done = 0;
    ArticleReader reader([](InputArticle&&) {}, [](const Diagnostic&) {}, {}, [&](const fs::path&, const FileStamp&) { ++done; });
    reader.read(dir.path() / "in");
    CHECK(reader.rejected() == 1);
    CHECK(done == 1);  // refused for its content, which re-reading will not change: recorded
}

namespace {

// A news page with @p head inside <head>; its text is long enough to be an article.
std::string news_page(const std::string& head, const std::string& headline = "गंगा का जलस्तर बढ़ा") {
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\">" + head + "<title>" + headline + " - Amar Ujala</title></head><body>"
           "<nav><a href=\"/\">होम</a></nav><article><h1>" + headline + "</h1><p>पटना में गंगा नदी का जलस्तर खतरे के निशान के पास पहुंचा, "
           "प्रशासन ने निचले इलाकों में चेतावनी जारी की।</p></article></body></html>";
}

}  // namespace

TEST_CASE("ArticleReader::read reads .html and .htm pages in folders; the id is the canonical URL, else the path") {
    test::TempDir dir;
    dir.write("web/2020/ganga.html", news_page(R"(<link rel="canonical" href="https://www.amarujala.com/bihar/ganga-1.html">)"));
    dir.write("web/2020/AU-2020-APR-01.htm", news_page("", "यमुना का जलस्तर घटा"));
    dir.write("web/style.css", "body { color: red }");
    Collected c = read_all({dir.path() / "web"});
    CHECK(c.rejected == 0);
    CHECK(c.diagnostics.empty());
    REQUIRE(c.articles.size() == 2);
    const InputArticle* canonical = c.find("https://www.amarujala.com/bihar/ganga-1.html");
    REQUIRE(canonical != nullptr);
    CHECK(canonical->article.title == "गंगा का जलस्तर बढ़ा");
    CHECK(canonical->article.source == "amarujala.com");
    CHECK(canonical->file == (dir.path() / "web/2020/ganga.html").string());
    const InputArticle* by_path = c.find("2020/AU-2020-APR-01");
    REQUIRE(by_path != nullptr);
    CHECK(by_path->article.title == "यमुना का जलस्तर घटा");
    CHECK(by_path->article.date == "2020-04-01");  // the page has no date: the file name's
}

TEST_CASE("ArticleReader::read names an HTML page without an article or in the wrong charset, and reads the rest") {
    test::TempDir dir;
    dir.write("web/good.html", news_page(""));
    dir.write("web/front.html", "<html><body><ul><li><a href=\"/a\">पुतिन से मिलने रूस जाएंगे उत्तर कोरिया के तानाशाह किम जोंग उन</a></li></ul></body></html>");
    dir.write("web/iscii.html", "<html><head><meta charset=\"utf-8\"></head>\n<body><p>\xcb\xda\xcf\xc2 \xcc\xe1\xa2 \xcc\xda\xc6\xd7\xde\xc6</p></body></html>");
    Collected c = read_all({dir.path() / "web"});
    CHECK(c.articles.size() == 1);
    CHECK(c.rejected == 2);
    REQUIRE(c.diagnostics.size() == 2);
    CHECK(c.diagnostics[0].file == (dir.path() / "web/front.html").string());
    CHECK(c.diagnostics[0].message.rfind("no article text found", 0) == 0);
    CHECK(c.diagnostics[1].file == (dir.path() / "web/iscii.html").string());
    CHECK(c.diagnostics[1].message == "bytes that are not utf-8, the page's charset (line 2)");
}

TEST_CASE("ArticleReader::read refuses a huge .html by its size, before reading it") {
    test::TempDir dir;
    const fs::path huge = dir.write("in/huge.html", "");
    fs::resize_file(huge, std::uintmax_t{4} << 30);
    Collected c = read_all({dir.path() / "in"});
    CHECK(c.rejected == 1);
    REQUIRE(c.diagnostics.size() == 1);
    CHECK(c.diagnostics[0].message == "file is larger than 8 MiB");
}

TEST_CASE("ArticleReader::read reads the pages of .warc and .warc.gz archives, naming damaged records") {
    test::TempDir dir;
    auto response = [](const std::string& uri, const std::string& html) {
        return test::warc_record("response", uri, "application/http; msgtype=response", test::http_response(200, "text/html; charset=utf-8", html));
    };
    const std::string request = test::warc_record("request", "https://www.amarujala.com/ganga", "application/http; msgtype=request", "GET /ganga HTTP/1.1\r\n\r\n");
    dir.write("crawl/a.warc", request + response("https://www.amarujala.com/ganga", news_page("")));
    std::string damaged = test::gzip_member(response("https://www.amarujala.com/broken", news_page("")));
    for (std::size_t i = 20; i < 50; ++i) damaged[i] = static_cast<char>(damaged[i] ^ 0x5A);
    dir.write("crawl/b.warc.gz", test::gzip_member(request) + damaged +
                                     test::gzip_member(response("https://www.amarujala.com/yamuna", news_page("", "यमुना का जलस्तर घटा"))));
    Collected c = read_all({dir.path() / "crawl"});
    REQUIRE(c.articles.size() == 2);
    CHECK(c.find("https://www.amarujala.com/ganga") != nullptr);
    REQUIRE(c.find("https://www.amarujala.com/yamuna") != nullptr);
    CHECK(c.find("https://www.amarujala.com/yamuna")->article.title == "यमुना का जलस्तर घटा");
    CHECK(c.rejected == 1);
    REQUIRE(c.diagnostics.size() == 1);
    CHECK(c.diagnostics[0].file == (dir.path() / "crawl/b.warc.gz").string());
    CHECK(c.diagnostics[0].message.rfind("record 2: corrupt gzip data", 0) == 0);
    ArticleReader reader([](InputArticle&&) {}, [](const Diagnostic&) {});
    reader.read(dir.path() / "crawl");
    CHECK(reader.skipped_records() == 2);  // the two requests
}

TEST_CASE("ArticleReader::read gives the seeds their real headlines and no chrome, from sample_corpus and from seeds.jsonl") {
    const char* headline001 = "उत्तर कोरियाई नेता किम जोंग-उन ने 'सैन्य सहयोग' पर रूसी रक्षा मंत्री से मुलाकात की";
    const char* headline003 = "पुतिन से मिलने रूस जाएंगे उत्तर कोरिया के तानाशाह किम जोंग उन, हथियार सौदों पर होगी बातचीत";
    std::vector<fs::path> inputs{fs::path(KHOJ_SOURCE_DIR) / "sample_corpus"};
    const fs::path seeds = fs::path(KHOJ_SHARED_DIR) / "corpora" / "seeds.jsonl";
    if (fs::exists(seeds)) inputs.push_back(seeds);
    else MESSAGE("seeds.jsonl part skipped: " << seeds.string() << " is absent");
    for (const fs::path& input : inputs) {
        INFO(input.string());
        Collected c = read_all({input});
        REQUIRE(c.articles.size() == 4);
        CHECK(c.find("001_93327e7be077d1f2")->article.title == headline001);
        CHECK(c.find("003_b08cd47993b18163")->article.title == headline003);
        CHECK(c.find("001_93327e7be077d1f2")->article.date == "2023-07-27");  // from the byline, which is gone
        for (const InputArticle& a : c.articles) {
            CHECK(classify_chrome_line(a.article.title) == ChromeKind::kNone);
            std::istringstream body(a.article.body);
            for (std::string line; std::getline(body, line);) CHECK_MESSAGE(classify_chrome_line(line) == ChromeKind::kNone, line);
        }
    }
}

TEST_CASE("ArticleReader::read drops the lines that repeat across a folder's .txt files as its template") {
    test::TempDir dir;
    const char* cities[] = {"दिल्ली", "मुंबई", "पटना", "लखनऊ", "भोपाल", "जयपुर"};
    for (int i = 0; i < 6; ++i) {
        // A site's own sign-off, in no chrome list: it is template because every page has it.
        dir.write(std::string("site/") + std::to_string(i) + ".txt",
                  std::string(cities[i]) + " में भारी बारिश से जनजीवन प्रभावित\n\n" + cities[i] +
                      " में सोमवार को भारी बारिश हुई और कई इलाकों में पानी भर गया।\n\nखबरों के लिए पढ़ते रहिए नगर समाचार\n");
    }
    for (int i = 0; i < 3; ++i) dir.write("few/" + std::to_string(i) + ".txt", std::string(cities[i]) + " में बारिश\n\nखबरों के लिए पढ़ते रहिए नगर समाचार\n");
    Collected c = read_all({dir.path()});
    REQUIRE(c.articles.size() == 9);
    const Article& a = c.find("site/2")->article;
    CHECK(a.title == "पटना में भारी बारिश से जनजीवन प्रभावित");
    CHECK(a.body == "पटना में सोमवार को भारी बारिश हुई और कई इलाकों में पानी भर गया।");
    // Three articles are too few to call a line template.
    CHECK(c.find("few/1")->article.body.find("नगर समाचार") != std::string::npos);
}

TEST_CASE("ArticleReader::read drops a .jsonl source's template lines from bodies and keeps its titles") {
    test::TempDir dir;
    std::string jsonl;
    for (int i = 0; i < 6; ++i) {
        jsonl += R"({"id":"p)" + std::to_string(i) + R"(","source":"Prabhat Khabar","title":"झारखंड में कोरोना के )" + std::to_string(i + 2) +
                 R"( नए मामले","body":"रांची में आज )" + std::to_string(i + 2) + R"( नए मामले मिले।\nप्रभात खबर से जुड़े रहें"})" + "\n";
    }
    jsonl += R"({"id":"h1","source":"Dainik Hindustan","title":"पटना में लॉकडाउन","body":"पटना में सख्ती रही।\nप्रभात खबर से जुड़े रहें"})" "\n";
    const fs::path file = dir.write("news.jsonl", jsonl);
    Collected c = read_all({file});
    REQUIRE(c.articles.size() == 7);
    CHECK(c.find("p3")->article.title == "झारखंड में कोरोना के 5 नए मामले");
    CHECK(c.find("p3")->article.body == "रांची में आज 5 नए मामले मिले।");
    CHECK(c.find("h1")->article.body == "पटना में सख्ती रही।\nप्रभात खबर से जुड़े रहें");  // another source's own line
    // Each article stands for its line of the file; together, the whole file.
    std::size_t bytes = 0;
    for (const InputArticle& a : c.articles) bytes += a.input_bytes;
    CHECK(bytes == fs::file_size(file));
}

TEST_CASE("ArticleReader::read says how many bytes of input each .txt and web page stands for") {
    test::TempDir dir;
    const fs::path txt = dir.write("in/a.txt", "पुतिन से मिले किम\nलेख।\n");
    const fs::path html = dir.write("in/b.html", news_page(""));
    Collected c = read_all({dir.path() / "in"});
    REQUIRE(c.articles.size() == 2);
    CHECK(c.find("a")->input_bytes == fs::file_size(txt));
    CHECK(c.find("b")->input_bytes == fs::file_size(html));
    CHECK(is_input_file(html));
    CHECK(is_input_file(dir.path() / "x.warc.gz"));
    CHECK_FALSE(is_input_file(dir.path() / "b.truth.json"));
}
