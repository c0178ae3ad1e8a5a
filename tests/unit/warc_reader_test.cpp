/** @file warc_reader_test.cpp @brief Tests of web archives: WarcReader, parse_http_response, ByteSource and read_warc_pages on .warc and .warc.gz. */
#include "common/ingest/warc_reader.h"
#include "test_warc.h"

#include <doctest/doctest.h>

#include <sstream>
#include <vector>

using namespace khoj;

namespace {

const std::string kArticle = "<html><head><meta charset=\"utf-8\"><title>गंगा का जलस्तर बढ़ा - Amar Ujala</title>"
                             "<meta property=\"og:site_name\" content=\"Amar Ujala\"></head><body><article><h1>गंगा का जलस्तर बढ़ा</h1>"
                             "<p>पटना में गंगा नदी का जलस्तर खतरे के निशान के पास पहुंचा, प्रशासन ने निचले इलाकों में चेतावनी जारी की।</p>"
                             "</article></body></html>";

std::string response(const std::string& uri, const std::string& message) {
    return test::warc_record("response", uri, "application/http; msgtype=response", message);
}

// An archive as a crawler writes it: warcinfo, then request, response and metadata per page.
std::vector<std::string> crawl_records() {
    return {
        test::warc_record("warcinfo", "", "application/warc-fields", "software: test\r\nformat: WARC File Format 1.1\r\n"),
        test::warc_record("request", "https://www.amarujala.com/ganga", "application/http; msgtype=request", "GET /ganga HTTP/1.1\r\nHost: www.amarujala.com\r\n\r\n"),
        response("https://www.amarujala.com/ganga", test::http_response(200, "text/html; charset=utf-8", kArticle)),
        test::warc_record("metadata", "https://www.amarujala.com/ganga", "application/warc-fields", "outlink: https://www.amarujala.com/\r\n"),
        response("https://www.amarujala.com/missing", test::http_response(404, "text/html", "<html><body>नहीं मिला</body></html>")),
        response("https://www.amarujala.com/logo.png", test::http_response(200, "image/png", "\x89PNG\r\n")),
    };
}

struct Read {
    std::vector<WarcPage> pages;
    WarcSummary summary;
};

Read read_pages(const std::string& archive) {
    std::istringstream in(archive);
    Read read;
    read.summary = read_warc_pages(in, 8u << 20, [&](WarcPage&& page) { read.pages.push_back(std::move(page)); });
    return read;
}

std::string joined(const std::vector<std::string>& records, bool gzip) {
    std::string out;
    for (const auto& r : records) out += gzip ? test::gzip_member(r) : r;
    return out;
}

}  // namespace

TEST_CASE("WarcReader::next reads each record's headers and keeps the blocks of responses only") {
    std::istringstream in(joined(crawl_records(), false));
    WarcReader reader(in, 1u << 20);
    std::vector<WarcRecord> records;
    while (auto record = reader.next()) records.push_back(std::move(*record));
    REQUIRE(records.size() == 6);
    CHECK(records[0].header("warc-type") == "warcinfo");
    CHECK(records[0].block.empty());  // not a page: skipped over, not kept
    CHECK(records[2].number == 3);
    CHECK(records[2].header("warc-target-uri") == "https://www.amarujala.com/ganga");
    CHECK(records[2].block.rfind("HTTP/1.1 200 OK\r\n", 0) == 0);
    CHECK(records[2].block.size() == records[2].block_length);
    for (const auto& r : records) CHECK(r.error.empty());
}

TEST_CASE("parse_http_response reads the status and Content-Type and decodes chunked and gzip payloads") {
    const HttpResponse plain = parse_http_response(test::http_response(200, "text/html; charset=ISO-8859-1", "<p>caf\xe9</p>"), 1u << 20);
    CHECK(plain.status == 200);
    CHECK(plain.media_type == "text/html");
    CHECK(plain.charset == "ISO-8859-1");
    CHECK(plain.body == "<p>caf\xe9</p>");
    const std::string gzipped = test::gzip_member("<p>गंगा</p>");
    std::string chunked = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n";
    chunked += "5\r\n" + gzipped.substr(0, 5) + "\r\n";
    char size[16];
    std::snprintf(size, sizeof size, "%zx", gzipped.size() - 5);
    chunked += std::string(size) + "\r\n" + gzipped.substr(5) + "\r\n0\r\n\r\n";
    CHECK(parse_http_response(chunked, 1u << 20).body == "<p>गंगा</p>");
    CHECK(parse_http_response("HTTP/1.1 301 Moved Permanently\r\nLocation: /x\r\n\r\n", 1u << 20).status == 301);
    CHECK(parse_http_response("GET / HTTP/1.1\r\n\r\n", 1u << 20).error == "not an HTTP response");
    CHECK(parse_http_response(test::http_response(200, "text/html", "x", "Content-Encoding: br\r\n"), 1u << 20).error ==
          "payload in content encoding 'br', which Khoj cannot read");
}

TEST_CASE("read_warc_pages makes each HTML 200 response an article with its target URI as id, counting the other records") {
    for (bool gzip : {false, true}) {
        CAPTURE(gzip);
        const Read read = read_pages(joined(crawl_records(), gzip));
        REQUIRE(read.pages.size() == 1);
        const WarcPage& page = read.pages[0];
        CHECK(page.record == 3);
        REQUIRE(page.parsed.article);
        CHECK(page.parsed.article->id == "https://www.amarujala.com/ganga");
        CHECK(page.parsed.article->url == "https://www.amarujala.com/ganga");
        CHECK(page.parsed.article->title == "गंगा का जलस्तर बढ़ा");
        CHECK(page.parsed.article->source == "Amar Ujala");
        CHECK(read.summary.records == 6);
        CHECK(read.summary.skipped == 5);  // warcinfo, request, metadata, the 404 and the image
    }
}

TEST_CASE("read_warc_pages honours the charset of the HTTP header") {
    const std::string page = "<html><body><p>The minister said \x93the caf\xe9 stays open\x94 in Delhi, and the police agreed with the traders after a long meeting.</p></body></html>";
    const Read read = read_pages(response("https://example.org/cafe", test::http_response(200, "text/html; charset=windows-1252", page)));
    REQUIRE(read.pages.size() == 1);
    REQUIRE(read.pages[0].parsed.article);
    CHECK(read.pages[0].parsed.article->body.find("\u201Cthe caf\u00E9 stays open\u201D") != std::string::npos);
}

TEST_CASE("read_warc_pages names a truncated record and keeps the records before it") {
    std::string archive = joined(crawl_records(), false);
    archive += response("https://www.amarujala.com/cut", test::http_response(200, "text/html", kArticle));
    archive.resize(archive.size() - 200);
    const Read read = read_pages(archive);
    REQUIRE(read.pages.size() == 2);
    CHECK(read.pages[0].parsed.article);
    CHECK(read.pages[1].record == 7);
    CHECK(read.pages[1].uri == "https://www.amarujala.com/cut");
    CHECK(read.pages[1].parsed.error.rfind("truncated: the file ends after ", 0) == 0);
    // A .warc.gz cut inside its last member.
    std::string gz = joined(crawl_records(), true);
    gz += test::gzip_member(response("https://www.amarujala.com/cut", test::http_response(200, "text/html", kArticle))).substr(0, 60);
    const Read cut = read_pages(gz);
    REQUIRE(cut.pages.size() == 2);
    CHECK(cut.pages[1].record == 7);
    CHECK(cut.pages[1].parsed.error.find("truncated") != std::string::npos);
}

TEST_CASE("read_warc_pages skips a corrupt gzip member, naming its record, and reads the members after it") {
    std::vector<std::string> records = crawl_records();
    std::vector<std::string> members;
    for (const auto& r : records) members.push_back(test::gzip_member(r));
    // Damage the compressed data of the response (record 3) in its middle.
    for (std::size_t i = 20; i < 60 && i < members[2].size(); ++i) members[2][i] = static_cast<char>(members[2][i] ^ 0x5A);
    members.push_back(test::gzip_member(response("https://www.amarujala.com/ganga-2", test::http_response(200, "text/html", kArticle))));
    std::string archive;
    for (const auto& m : members) archive += m;
    const Read read = read_pages(archive);
    REQUIRE(read.pages.size() == 2);
    CHECK(read.pages[0].record == 3);
    CHECK(read.pages[0].parsed.error.rfind("corrupt gzip data", 0) == 0);
    CHECK(read.pages[1].record == 7);
    REQUIRE(read.pages[1].parsed.article);
    CHECK(read.pages[1].parsed.article->id == "https://www.amarujala.com/ganga-2");
}

TEST_CASE("read_warc_pages reads a whole-file gzip and names garbage where a record should start") {
    const Read whole = read_pages(test::gzip_member(joined(crawl_records(), false)));
    REQUIRE(whole.pages.size() == 1);
    CHECK(whole.pages[0].parsed.article);
    const Read garbage = read_pages("not a warc at all\r\n" + joined(crawl_records(), false));
    REQUIRE(garbage.pages.size() == 2);
    CHECK(garbage.pages[0].record == 1);
    CHECK(garbage.pages[0].parsed.error == "not a WARC record (no 'WARC/' version line); skipped to the next record");
    CHECK(garbage.pages[1].parsed.article);
    CHECK(read_pages("").summary.records == 0);
}
