/** @file test_index.h @brief Small test indexes written the way khoj-index writes them (content_hash, IndexWriter::unchanged, prepare_article, IndexWriter::write), and the news articles tests share. */
#pragma once
#include "common/index/document_builder.h"
#include "common/index/index_writer.h"
#include "common/index/indexing_job.h"
#include "common/search/searcher.h"
#include "temp_dir.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace khoj::test {

/// An article with the fields tests set.
inline Article article(std::string id, std::string title, std::string body, std::string date = "", std::string source = "") {
    Article a;
    a.id = std::move(id);
    a.title = std::move(title);
    a.body = std::move(body);
    a.date = std::move(date);
    a.source = std::move(source);
    return a;
}

/// An IndexWriter with the analyser and entity extractor khoj-index gives each run, so that
/// tests write articles by the production path and not a second one.
class ArticleWriter : public IndexWriter {
  public:
    using IndexWriter::IndexWriter;

    /// Writes @p article read from @p origin_file, as IndexingJob does; nullopt when the index
    /// already holds it unchanged.
    std::optional<Change> add(const Article& article, const std::string& origin_file = {}) {
        const std::string hash = content_hash(article, origin_file);
        if (unchanged(article.id, hash)) return std::nullopt;
        return write(prepare_article(article, origin_file, hash, analyzer_, extractor_, codec()));
    }

  private:
    Analyzer analyzer_;
    EntityExtractor extractor_;
};

/// Indexes the file @p input into @p index as khoj-index does, all of it or shard @p shard ("K/N").
inline void index_file(const std::string& index, const std::string& input, const std::string& shard = "") {
    IndexingOptions options;
    options.index = index;
    options.paths = {input};
    options.shard = shard;
    IndexingJob(options, [](const Diagnostic&) {}, [](const IndexingSummary&) {}).run();
}

/// Indexes @p articles, read from @p origin_file, into a new index at @p path and commits.
inline void write_index(const std::string& path, const std::vector<Article>& articles, const std::string& origin_file = {}) {
    ArticleWriter writer(path);
    for (const Article& a : articles) writer.add(a, origin_file);
    writer.commit();
}

/// Three articles about Russia: Putin, the weather, and Shoigu in Pyongyang (ids putin, russia, shoigu).
inline const std::vector<Article>& russia_articles() {
    static const std::vector<Article> articles = {
        article("putin", "रूस और पुतिन", "रूस के राष्ट्रपति पुतिन ने भाषण दिया।", "2020-04-01"),
        article("russia", "रूस में मौसम", "रूस में बर्फबारी हुई।", "2020-05-02"),
        article("shoigu", "शोइगु प्योंगयांग पहुंचे", "रूस के रक्षा मंत्री सर्गेई शोइगु उत्तर कोरिया गए।", "2023-07-26"),
    };
    return articles;
}

/// A small index with one article per behaviour under test, and the ids a query finds in it.
struct NewsIndex {
    TempDir dir;
    std::string path = (dir.path() / "index").string();

    NewsIndex() {
        write_index(path, {
                              article("masjid", "शहर की खबरें", "पुरानी मस्जिद की मरम्मत का काम शुरू हुआ।", "2020-04-01", "Amar Ujala"),
                              article("kanoon", "संसद से खबर", "संसद ने नया कानून पारित किया।"),
                              article("delhi", "राजधानी की खबर", "दिल्\u200Dली में बारिश हुई।"),
                              article("phrase", "शोइगु प्योंगयांग पहुंचे", "रूस के रक्षा मंत्री सर्गेई शोइगु उत्तर कोरिया गए।", "2023-07-26",
                                      "Dainik Jagran"),
                              article("scattered", "बजट पर बहस", "रक्षा बजट बढ़ा और वित्त मंत्री ने सफाई दी।"),
                              article("putin", "रूस और पुतिन", "रूस के राष्ट्रपति पुतिन ने भाषण दिया।"),
                              article("russia", "रूस में मौसम", "रूस में बर्फबारी हुई।"),
                              article("title-election", "चुनाव की तारीख घोषित", "आयोग ने कार्यक्रम जारी किया।"),
                              article("body-election", "आयोग का फैसला", "अगले साल चुनाव होंगे।"),
                          });
    }

    /// The ids of the first 20 hits of @p query, in rank order.
    std::vector<std::string> ids(const std::string& query) const {
        Searcher searcher(path);
        SearchRequest request;
        request.query = query;
        request.limit = 20;
        std::vector<std::string> out;
        for (const Hit& hit : searcher.search(request).hits) out.push_back(hit.article.id);
        return out;
    }
};

/// True when @p id is among @p ids.
inline bool contains(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace khoj::test
