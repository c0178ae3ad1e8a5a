/** @file document_builder_test.cpp @brief prepare_article, analysed_document, file_term, content_hash and text_hash: what the analysis stage puts into an article's document. */
#include "common/index/document_builder.h"
#include "common/index/schema.h"
#include "common/index/term_impact.h"
#include "test_index.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace khoj;
using test::article;

namespace {

bool has_term(const Xapian::Document& doc, const std::string& term) {
    Xapian::TermIterator it = doc.termlist_begin();
    it.skip_to(term);
    return it != doc.termlist_end() && *it == term;
}

}  // namespace

TEST_CASE("prepare_article finds the entities, indexes terms and dates, and stores the text without the entities") {
    const Article shoigu = test::russia_articles()[2];
    Analyzer analyzer;
    const EntityExtractor extractor;
    const RecordCodec codec;
    const std::string hash = content_hash(shoigu, "/news/russia.jsonl");
    const PreparedArticle p = prepare_article(shoigu, "/news/russia.jsonl", hash, analyzer, extractor, codec);
    CHECK(std::find_if(p.article.entities.begin(), p.article.entities.end(),
                       [](const Entity& e) { return e.name_en == "Sergei Shoigu" && e.kind == EntityKind::Person; }) != p.article.entities.end());
    for (const std::string term : {"Qshoigu", "XPsergei_shoigu", "XLpyongyang", "D20230726", "M202307", "Y2023", "XMOY07"}) {
        CAPTURE(term);
        CHECK(has_term(p.doc, term));
    }
    CHECK(has_term(p.doc, file_term("/news/russia.jsonl")));
    CHECK(p.doc.get_value(slot::kContentHash) == hash);
    CHECK(p.doc.get_value(slot::kDate) == "20230726");
    const Article stored = article_from_record(codec.decompress(p.doc.get_value(slot::kRecord)));
    CHECK(stored.title == shoigu.title);
    CHECK(stored.body == shoigu.body);
    CHECK(stored.entities.empty());  // kept as ids by the writer, not in the record
}

TEST_CASE("prepare_article hands on each Devanagari word only the first time its analyser meets it") {
    Analyzer analyzer;
    const EntityExtractor extractor;
    const RecordCodec codec;
    const Article a = article("a", "मेरठ में बारिश", "मेरठ में आज बारिश हुई।");
    const PreparedArticle first = prepare_article(a, "", content_hash(a, ""), analyzer, extractor, codec);
    CHECK(std::count(first.vocabulary.begin(), first.vocabulary.end(), "मेरठ") == 1);
    const PreparedArticle again = prepare_article(a, "", content_hash(a, ""), analyzer, extractor, codec);
    CHECK(again.vocabulary.empty());
}

TEST_CASE("analysed_document leaves out the file term when there is none") {
    Analyzer analyzer;
    const EntityExtractor extractor;
    Article a = article("a", "रूस में मौसम", "रूस में बर्फबारी हुई।");
    const Xapian::Document doc = analysed_document(a, "", "0123456789abcdef", analyzer, extractor, nullptr);
    Xapian::TermIterator it = doc.termlist_begin();
    it.skip_to(prefix::kFile);
    CHECK((it == doc.termlist_end() || (*it).rfind(prefix::kFile, 0) != 0));
    CHECK(a.entities.size() == 1);  // रूस, found while analysing
}

TEST_CASE("content_hash changes with every field and with the file an article came from") {
    const Article a = article("AU-1", "कोरोना के नए मामले", "राज्य में दस नए मामले।", "2020-04-01", "Amar Ujala");
    const std::string hash = content_hash(a, "/news/a.jsonl");
    CHECK(hash.size() == 16);
    CHECK(content_hash(a, "/news/a.jsonl") == hash);
    CHECK(content_hash(a, "/news/b.jsonl") != hash);
    Article changed = a;
    changed.body = "राज्य में बीस नए मामले।";
    CHECK(content_hash(changed, "/news/a.jsonl") != hash);
    changed = a;
    changed.date = "2020-04-02";
    CHECK(content_hash(changed, "/news/a.jsonl") != hash);
    // Field boundaries count: ("ab", "c") is not ("a", "bc").
    CHECK(content_hash(article("x", "ab", "c"), "") != content_hash(article("x", "a", "bc"), ""));
}

TEST_CASE("text_hash is one for the copies of a story and changes with its words") {
    const Article a = article("AU-1", "कोरोना के नए मामले", "राज्य में दस नए मामले।", "2020-04-01", "Amar Ujala");
    const std::string hash = text_hash(a);
    CHECK(hash.size() == 8);
    // Another paper's copy: its own id, date and source, the same text.
    CHECK(text_hash(article("DB-9", "कोरोना के नए मामले", "राज्य में दस नए मामले।", "2020-04-02", "Dainik Bhaskar")) == hash);
    CHECK(text_hash(article("AU-1", "कोरोना के नए मामले", "राज्य में बीस नए मामले।", "2020-04-01", "Amar Ujala")) != hash);
    CHECK(text_hash(article("x", "ab", "c")) != text_hash(article("x", "a", "bc")));
    // Stored in the index, so the same bytes on every machine and in every build.
    std::string hex;
    for (unsigned char c : hash) hex += "0123456789abcdef"[c >> 4], hex += "0123456789abcdef"[c & 15];
    CHECK(hex == "71df4d9e2082aca9");
    Analyzer analyzer;
    const EntityExtractor extractor;
    const RecordCodec codec;
    CHECK(prepare_article(a, "", content_hash(a, ""), analyzer, extractor, codec).doc.get_value(slot::kTextHash) == hash);
}

TEST_CASE("file_term marks one file with one boolean term") {
    CHECK(file_term("/news/a.jsonl") == file_term("/news/a.jsonl"));
    CHECK(file_term("/news/a.jsonl") != file_term("/news/b.jsonl"));
    CHECK(file_term("/news/a.jsonl").rfind(prefix::kFile, 0) == 0);
}

namespace {

Xapian::termcount wdf_of(const Xapian::Document& doc, const std::string& term) {
    Xapian::TermIterator it = doc.termlist_begin();
    it.skip_to(term);
    return it != doc.termlist_end() && *it == term ? it.get_wdf() : 0;
}

// BM25's term-frequency part (Xapian's formula, k1 = 1.2, b = 0.75) of @p wdf in an article of @p length.
double bm25_frequency_part(double wdf, double length, double b, double k1) {
    const double normalised = std::max(length / impact::kAverageLength, impact::kMinNormalisedLength);
    return (k1 + 1) * wdf / (k1 * (1 - b + b * normalised) + wdf);
}

}  // namespace

TEST_CASE("scaled_wdf gives BM25 at b = 0 the weights of BM25 at b = 0.75 on the unscaled counts") {
    // A word once in an article of average length stores kScale; longer articles store less.
    CHECK(impact::scaled_wdf(1, 116) == 64);
    CHECK(impact::scaled_wdf(1, 233) < impact::scaled_wdf(1, 116));
    CHECK(impact::scaled_wdf(3, 116) == 192);
    // Articles shorter than half the average are clamped alike (Xapian's minimum normalised length).
    CHECK(impact::scaled_wdf(1, 10) == impact::scaled_wdf(1, 50));
    // Never 0: a weighted term must not turn boolean.
    CHECK(impact::scaled_wdf(1, 1000000) == 1);
    const double k1 = 1.2;
    for (Xapian::termcount wdf : {1u, 2u, 5u, 20u}) {
        for (Xapian::termcount length : {20u, 116u, 400u, 2000u}) {
            CAPTURE(wdf);
            CAPTURE(length);
            const double exact = bm25_frequency_part(wdf, length, impact::kLengthNormalisation, k1);
            const double scaled = bm25_frequency_part(impact::scaled_wdf(wdf, length), impact::kAverageLength, 0, k1 * impact::kScale);
            // The two differ by the constant factor (k1 × scale + 1) / (k1 + 1) and by rounding.
            CHECK(scaled / ((k1 * impact::kScale + 1) / (k1 + 1)) == doctest::Approx(exact).epsilon(0.005));
        }
    }
}

TEST_CASE("prepare_article stores each weighted term's wdf scaled by the article's length") {
    Analyzer analyzer;
    const EntityExtractor extractor;
    const RecordCodec codec;
    // Short article: मेरठ once in the headline (1 + kTitleBoost) and once in the body; तेज in the body only.
    const Article short_one = article("a", "मेरठ में बारिश", "मेरठ में आज तेज बारिश हुई।");
    std::string body;
    for (int i = 0; i < 60; ++i) body += "किसानों ने गेहूं की फसल काटी। ";
    const Article long_one = article("b", "मेरठ के किसान", "मेरठ में " + body);
    const PreparedArticle s = prepare_article(short_one, "", content_hash(short_one, ""), analyzer, extractor, codec);
    const PreparedArticle l = prepare_article(long_one, "", content_hash(long_one, ""), analyzer, extractor, codec);
    const std::string meerut = prefix::kStem + analyzer.tokenize("मेरठ").at(0).stem;
    const std::string heavy = prefix::kStem + analyzer.tokenize("तेज").at(0).stem;
    // The short article is clamped to half the average length: 64 / 0.625 per occurrence.
    CHECK(wdf_of(s.doc, heavy) == impact::scaled_wdf(1, 1));
    CHECK(wdf_of(s.doc, meerut) == impact::scaled_wdf(2 + kTitleBoost, 1));
    // The same counts weigh less in a long article, as BM25's length normalisation would have it.
    CHECK(wdf_of(l.doc, meerut) < wdf_of(s.doc, meerut));
    CHECK(wdf_of(l.doc, meerut) > 0);
    // Boolean terms stay boolean.
    CHECK(wdf_of(s.doc, "Qa") == 0);
}
