/** @file html_article_test.cpp @brief Tests of parse_html_article: headline, main text without chrome, date, source, URL and id of web pages; charsets; broken pages; the shared real pages. */
#include "bench/token_f1.h"
#include "common/ingest/html_article.h"
#include "common/ingest/warc_reader.h"
#include "test_warc.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

using namespace khoj;
namespace fs = std::filesystem;

namespace {

// A Jagran-like article page with the chrome real pages carry: navigation, breadcrumbs, byline,
// share buttons, an ad, related links, comments, a footer, scripts and styles.
const std::string kNewsPage = R"(<!DOCTYPE html>
<html lang="hi"><head><meta charset="utf-8">
<title>किम जोंग-उन ने रूसी रक्षा मंत्री से मुलाकात की - World News | Dainik Jagran</title>
<meta property="og:site_name" content="Dainik Jagran">
<meta property="og:title" content="किम जोंग-उन ने रूसी रक्षा मंत्री से मुलाकात की - World News">
<link rel="canonical" href="https://www.jagran.com/world/kim-meets-shoigu-23484.html">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"उत्तर कोरियाई नेता किम जोंग-उन ने 'सैन्य सहयोग' पर रूसी रक्षा मंत्री से मुलाकात की",
 "datePublished":"2023-07-27T10:26:00+05:30","publisher":{"@type":"Organization","name":"Dainik Jagran"}}</script>
<style>.story p { color: #222 }</style><script>var slot = "विज्ञापन कोड";</script>
</head><body>
<nav><a href="/">होम</a> <a href="/world">दुनिया</a> <a href="/sports">खेल</a></nav>
<div class="breadcrumb"><a href="/">होम</a> › <a href="/world">दुनिया</a></div>
<article class="story">
<h1>उत्तर कोरियाई नेता किम जोंग-उन ने 'सैन्य सहयोग' पर रूसी रक्षा मंत्री से मुलाकात की</h1>
<div class="byline">By Jagran News, Updated: Thu, 27 Jul 2023 10:26 AM (IST)</div>
<div class="share-buttons"><a href="#">फेसबुक पर शेयर करें</a> <a href="#">व्हाट्सएप</a></div>
<p>सियोल (दक्षिण कोरिया), एजेंसी। उत्तर कोरियाई नेता किम जोंग-उन ने सैन्य मुद्दों पर चर्चा करने के लिए रूसी रक्षा मंत्री सर्गेई शोइगु से मुलाकात की।</p>
<div class="ad-slot">विज्ञापन</div>
<p>सरकारी मीडिया केसीएनए ने बताया कि दोनों नेताओं ने क्षेत्रीय सुरक्षा की स्थिति पर विचार साझा किए और रक्षा सहयोग बढ़ाने पर सहमति जताई।</p>
<h2>प्योंगयांग में सैन्य परेड</h2>
<p>शोइगु ने प्योंगयांग में कोरियाई युद्ध की समाप्ति की 70वीं वर्षगांठ पर आयोजित सैन्य परेड में भी हिस्सा लिया, जिसमें नई मिसाइलें दिखाई गईं।</p>
</article>
<div class="related-news"><h3>ये भी पढ़ें</h3><ul>
<li><a href="/a">पुतिन से मिलने रूस जाएंगे किम जोंग उन, हथियार सौदों पर होगी बातचीत</a></li>
<li><a href="/b">रूस और उत्तर कोरिया के बीच बढ़ा सहयोग, अमेरिका ने जताई चिंता</a></li></ul></div>
<div id="comments"><p>टिप्पणी: यह बहुत अच्छी खबर है, धन्यवाद जागरण को इस जानकारी के लिए, आभार।</p></div>
<footer><p>कॉपीराइट © जागरण प्रकाशन लिमिटेड। सर्वाधिकार सुरक्षित, सभी अधिकार सुरक्षित हैं।</p></footer>
</body></html>)";

const char* const kParagraph1 = "सियोल (दक्षिण कोरिया), एजेंसी। उत्तर कोरियाई नेता किम जोंग-उन ने सैन्य मुद्दों पर चर्चा करने के लिए रूसी रक्षा मंत्री सर्गेई शोइगु से मुलाकात की।";

// A page with a paragraph of @p text and the given <head> lines.
std::string page(const std::string& head, const std::string& text = kParagraph1) {
    return "<html><head>" + head + "</head><body><div class=\"content\"><p>" + text + "</p></div></body></html>";
}

std::string read_file(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

}  // namespace

TEST_CASE("parse_html_article reads the headline, main text, date, source and URL of a news page") {
    const ParsedArticle p = parse_html_article(kNewsPage, "world/kim");
    REQUIRE(p.article);
    const Article& a = *p.article;
    CHECK(a.title == "उत्तर कोरियाई नेता किम जोंग-उन ने 'सैन्य सहयोग' पर रूसी रक्षा मंत्री से मुलाकात की");
    // Paragraphs and the subheading, a blank line between them; no menu, byline, share button,
    // ad, related link, comment, footer or script.
    CHECK(a.body == std::string(kParagraph1) + "\n\n" +
                        "सरकारी मीडिया केसीएनए ने बताया कि दोनों नेताओं ने क्षेत्रीय सुरक्षा की स्थिति पर विचार साझा किए और रक्षा सहयोग बढ़ाने पर सहमति जताई।\n\n"
                        "प्योंगयांग में सैन्य परेड\n\n"
                        "शोइगु ने प्योंगयांग में कोरियाई युद्ध की समाप्ति की 70वीं वर्षगांठ पर आयोजित सैन्य परेड में भी हिस्सा लिया, जिसमें नई मिसाइलें दिखाई गईं।");
    CHECK(a.date == "2023-07-27");
    CHECK(a.source == "Dainik Jagran");
    CHECK(a.url == "https://www.jagran.com/world/kim-meets-shoigu-23484.html");
    CHECK(a.id == "https://www.jagran.com/world/kim-meets-shoigu-23484.html");  // the canonical URL, not the path
    CHECK(p.warnings.empty());
}

TEST_CASE("parse_html_article takes the site's and the section's name off og:title and <title>") {
    const ParsedArticle og = parse_html_article(
        page(R"(<meta property="og:site_name" content="Dainik Bhaskar"><meta property="og:title" content="समस्तीपुर पुलिस ने 2 बदमाशों को पकड़ा:  चोरी कांड का खुलासा - Samastipur News">)"), "p");
    REQUIRE(og.article);
    CHECK(og.article->title == "समस्तीपुर पुलिस ने 2 बदमाशों को पकड़ा: चोरी कांड का खुलासा");
    const ParsedArticle title = parse_html_article(page("<title>बिजनेस स्टैंडर्ड - जनवरी में लगातार छठे महीने निर्यात गिरा</title>"), "p");
    REQUIRE(title.article);
    CHECK(title.article->title == "जनवरी में लगातार छठे महीने निर्यात गिरा");
    // JSON-LD that repeats the site's name before the headline, as Business Standard's does.
    const ParsedArticle linked = parse_html_article(page(
        "<title>बिजनेस स्टैंडर्ड - जनवरी में निर्यात गिरा</title><script type=\"application/ld+json\">"
        R"({"@type":"NewsArticle","headline":"बिजनेस स्टैंडर्ड जनवरी में निर्यात गिरा"}</script>)"), "p");
    REQUIRE(linked.article);
    CHECK(linked.article->title == "जनवरी में निर्यात गिरा");
}

TEST_CASE("parse_html_article prefers a full headline to one cut short with an ellipsis") {
    const ParsedArticle p = parse_html_article(page(
        R"(<script type="application/ld+json">{"@graph":[{"@type":"WebSite"},{"@type":"NewsArticle","headline":"एक हफ्ते में ₹60,678 करोड़ गिरा HDFC का मार्केट-कैप: शेयर बाजार की टॉप-10..."}]}</script>)"
        R"(<meta property="og:title" content="एक हफ्ते में ₹60,678 करोड़ गिरा HDFC का मार्केट-कैप:  शेयर बाजार की टॉप-10 कंपनियों की वैल्यू कम हुई">)"), "p");
    REQUIRE(p.article);
    CHECK(p.article->title == "एक हफ्ते में ₹60,678 करोड़ गिरा HDFC का मार्केट-कैप: शेयर बाजार की टॉप-10 कंपनियों की वैल्यू कम हुई");
}

TEST_CASE("parse_html_article takes the headline of the page's own article, not of a list of related ones") {
    const ParsedArticle p = parse_html_article(page(
        R"(<script type="application/ld+json">{"@type":"ItemList","itemListElement":[{"@type":"ListItem","item":{"@type":"NewsArticle","headline":"पुतिन से मिलने रूस जाएंगे किम"}}]}</script>)"
        R"(<script type="application/ld+json">{"@type":"ReportageNewsArticle","headline":"किम जोंग-उन ने रूसी रक्षा मंत्री से मुलाकात की"}</script>)"), "p");
    REQUIRE(p.article);
    CHECK(p.article->title == "किम जोंग-उन ने रूसी रक्षा मंत्री से मुलाकात की");
}

TEST_CASE("parse_html_article dates a page by its metadata, its <time> or its byline") {
    auto date_of = [](const std::string& html) {
        const ParsedArticle p = parse_html_article(html, "p");
        return p.article ? p.article->date : std::string("no article");
    };
    CHECK(date_of(page(R"(<meta property="article:published_time" content="2024-09-04T16:20:35+05:30">)")) == "2024-09-04");
    CHECK(date_of(page(R"(<script type="application/ld+json">{"@type":"NewsArticle","headline":"निर्यात गिरा","datePublished":"2020-02-14 21:42:56"}</script>)")) == "2020-02-14");
    CHECK(date_of("<body><h1>गेहूं की खरीद शुरू</h1><time itemprop=\"datePublished\" datetime=\"2020-04-16T01:00:03+05:30\">16 अप्रैल</time><p>" +
                  std::string(kParagraph1) + "</p></body>") == "2020-04-16");
    CHECK(date_of("<body><h1>गेहूं की खरीद शुरू</h1><div class=\"byline\">वाराणसी ब्यूरो, अपडेटेड 16 अप्रैल 2020</div><p>" +
                  std::string(kParagraph1) + "</p></body>") == "2020-04-16");
    CHECK(date_of(page("")) == "");
}

TEST_CASE("parse_html_article uses the path id when the page declares no URL of its own") {
    CHECK(parse_html_article(page(""), "2023/july/kim").article->id == "2023/july/kim");
    // A canonical link to the front page is a template's mistake, not the page's address.
    const ParsedArticle front = parse_html_article(page(R"(<link rel="canonical" href="https://www.amarujala.com/">)"), "au/gehu");
    CHECK(front.article->id == "au/gehu");
    // A Wayback Machine replay's canonical link is unwrapped to the original address.
    const ParsedArticle replay = parse_html_article(page(
        R"(<link rel="canonical" href="https://web.archive.org/web/20220721143833/https://hindi.oneindia.com/news/india/aap-567287.html">)"), "p");
    CHECK(replay.article->id == "https://hindi.oneindia.com/news/india/aap-567287.html");
    CHECK(replay.article->source == "hindi.oneindia.com");
    // A relative canonical link is resolved against the address the page was fetched from.
    const ParsedArticle relative = parse_html_article(page(R"(<link rel="canonical" href="/news/gehu-1.html">)"), "p",
                                                      HtmlPageHints{"https://www.amarujala.com/news/gehu-1.html?utm_source=rss", ""});
    CHECK(relative.article->id == "https://www.amarujala.com/news/gehu-1.html");
}

TEST_CASE("parse_html_article decodes the charset the page declares, ISCII too") {
    const std::string iscii = "\xcb\xda\xcf\xc2\x20\xcc\xe1\xa2\x20\xcc\xda\xc6\xd7\xde\xc6\x20\xb3\xdc\x20\xc8\xd8\xd1\xdc\x20\xca\xda\xcf\xdb\xd5\x20\xd7\xe1"
                              "\x20\xb3\xdb\xd7\xda\xc6\xe5\xa2\x20\xb3\xe1\x20\xb8\xe1\xd8\xcf\xe1\x20\xb4\xdb\xd1\x20\xa8\xbe\xe1\x20\xb1\xcf\x20\xb4\xe1"
                              "\xc2\xe5\xa2\x20\xcc\xe1\xa2\x20\xca\xdd\xd4\xda\xa7\x20\xb3\xda\x20\xb3\xda\xcc\x20\xc2\xe1\xba\x20\xd8\xe5\x20\xb5\xcd\xda"
                              "\x20\xd8\xe2\xea";
    const ParsedArticle p = parse_html_article(page(R"(<meta http-equiv="Content-Type" content="text/html; charset=x-iscii-de">)", iscii), "iscii");
    REQUIRE(p.article);
    CHECK(p.article->body == "भारत में मानसून की पहली बारिश से किसानों के चेहरे खिल उठे और खेतों में बुवाई का काम तेज हो गया है।");
    // A latin-1 label means windows-1252, as in browsers: 0x93/0x94 are curly quotes.
    const ParsedArticle latin = parse_html_article(page("<meta charset=\"iso-8859-1\">", "The minister said \x93the caf\xe9 stays open\x94 in Delhi, and the police agreed with the traders after a long meeting on Monday."), "l");
    REQUIRE(latin.article);
    CHECK(latin.article->body == "The minister said \u201Cthe caf\u00E9 stays open\u201D in Delhi, and the police agreed with the traders after a long meeting on Monday.");
}

TEST_CASE("parse_html_article refuses a page whose bytes are not in its charset, naming the line") {
    const std::string iscii_text = "\xcb\xda\xcf\xc2\x20\xcc\xe1\xa2\x20\xcc\xda\xc6\xd7\xde\xc6\x20\xb3\xdc\x20\xc8\xd8\xd1\xdc\x20\xca\xda\xcf\xdb\xd5";
    const ParsedArticle wrong = parse_html_article("<html><head><meta charset=\"utf-8\"></head>\n<body>\n<p>" + iscii_text + "</p></body></html>", "p");
    CHECK_FALSE(wrong.article);
    CHECK(wrong.error == "bytes that are not utf-8, the page's charset (line 3)");
    const ParsedArticle missing = parse_html_article("<html><body><p>" + iscii_text + "</p></body></html>", "p");
    CHECK_FALSE(missing.article);
    CHECK(missing.error.find("not UTF-8, and the page declares no charset") == 0);
    // An unknown label on a page that is UTF-8 after all: read, with a warning.
    const ParsedArticle unknown = parse_html_article(page("<meta charset=\"x-kruti-dev\">"), "p");
    REQUIRE(unknown.article);
    REQUIRE(unknown.warnings.size() == 1);
    CHECK(unknown.warnings[0] == "unknown charset 'x-kruti-dev' declared by the page, ignored");
}

TEST_CASE("parse_html_article reads an article out of broken markup and refuses a page without one") {
    // Unclosed paragraphs and divs, stray end tags, no </body>, cut off inside a tag.
    const ParsedArticle broken = parse_html_article(
        "<html><head><title>गंगा का जलस्तर बढ़ा</title><body><div class=content></span><p>" + std::string(kParagraph1) +
            "<p>पटना में गंगा नदी का जलस्तर खतरे के निशान के पास पहुंचा, प्रशासन ने निचले इलाकों में चेतावनी जारी की।</div></div></td><div><a hre", "p");
    REQUIRE(broken.article);
    CHECK(broken.article->title == "गंगा का जलस्तर बढ़ा");
    CHECK(broken.article->body == std::string(kParagraph1) + "\n\nपटना में गंगा नदी का जलस्तर खतरे के निशान के पास पहुंचा, प्रशासन ने निचले इलाकों में चेतावनी जारी की।");
    // A section front: headlines that are all links.
    std::string front = "<html><head><title>देश की ताजा खबरें</title></head><body><h1>देश</h1><ul>";
    for (int i = 0; i < 12; ++i) front += "<li><a href=\"/n/" + std::to_string(i) + "\">पुतिन से मिलने रूस जाएंगे उत्तर कोरिया के तानाशाह किम जोंग उन, हथियार सौदों पर बातचीत</a></li>";
    const ParsedArticle none = parse_html_article(front + "</ul></body></html>", "desh");
    CHECK_FALSE(none.article);
    CHECK(none.error.find("no article text found") == 0);
    CHECK_FALSE(parse_html_article("", "empty").article);
    CHECK(parse_html_article(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "png").error == "binary file, not HTML");
}

TEST_CASE("parse_html_article on the shared real pages: headline and date as their truth, body token F1 at least 0.90") {
    const fs::path folder = fs::path(KHOJ_SHARED_DIR) / "corpora" / "html";
    if (!fs::is_directory(folder)) {
        MESSAGE("skipped: " << folder << " is absent");
        return;
    }
    std::vector<fs::path> pages;
    for (const auto& entry : fs::directory_iterator(folder)) {
        if (entry.path().extension() == ".html") pages.push_back(entry.path());
    }
    std::sort(pages.begin(), pages.end());
    REQUIRE(pages.size() >= 6);
    // The same pages in a web archive, as HTTP responses, one gzip member per record.
    std::string archive;
    std::map<std::string, nlohmann::json> truths;
    for (const fs::path& file : pages) {
        const std::string name = file.stem().string();
        const ParsedArticle p = parse_html_article(read_file(file), name);
        REQUIRE_MESSAGE(p.article, name << ": " << p.error);
        const fs::path truth_file = fs::path(file).replace_extension(".truth.json");
        const nlohmann::json truth = fs::exists(truth_file) ? nlohmann::json::parse(read_file(truth_file)) : nlohmann::json::object();
        truths[name] = truth;
        if (truth.value("title", nlohmann::json()).is_string()) CHECK_MESSAGE(p.article->title == truth["title"].get<std::string>(), name);
        if (truth.value("date", nlohmann::json()).is_string()) CHECK_MESSAGE(p.article->date == truth["date"].get<std::string>().substr(0, 10), name);
        if (truth.value("text", nlohmann::json()).is_string()) {
            const double f1 = bench::token_overlap(p.article->body, truth["text"].get<std::string>()).f1;
            MESSAGE(name << ": body token F1 " << f1);
            CHECK_MESSAGE(f1 >= 0.90, name);
        }
        archive += test::gzip_member(test::warc_record("request", "https://example.org/" + name, "application/http; msgtype=request", "GET /" + name + " HTTP/1.1\r\n\r\n"));
        archive += test::gzip_member(test::warc_record("response", "https://example.org/" + name, "application/http; msgtype=response",
                                                       test::http_response(200, "text/html; charset=UTF-8", read_file(file))));
    }
    std::istringstream in(archive);
    std::size_t found = 0;
    const WarcSummary summary = read_warc_pages(in, 8u << 20, [&](WarcPage&& page) {
        REQUIRE_MESSAGE(page.parsed.article, page.uri << ": " << page.parsed.error);
        const std::string name = page.uri.substr(page.uri.rfind('/') + 1);
        const nlohmann::json& truth = truths[name];
        CHECK(page.parsed.article->id == page.uri);
        if (truth.value("title", nlohmann::json()).is_string()) CHECK_MESSAGE(page.parsed.article->title == truth["title"].get<std::string>(), name);
        if (truth.value("date", nlohmann::json()).is_string()) CHECK_MESSAGE(page.parsed.article->date == truth["date"].get<std::string>().substr(0, 10), name);
        if (truth.value("text", nlohmann::json()).is_string()) CHECK(bench::token_overlap(page.parsed.article->body, truth["text"].get<std::string>()).f1 >= 0.90);
        ++found;
    });
    CHECK(found == pages.size());
    CHECK(summary.skipped == pages.size());  // the request records
}
