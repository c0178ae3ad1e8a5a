/** @file test_index.h @brief Small test indexes written the way khoj-index writes them: content_hash, IndexWriter::unchanged, prepare_article, IndexWriter::write. */
#pragma once
#include "common/index/document_builder.h"
#include "common/index/index_writer.h"

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

/// Indexes @p articles, read from @p origin_file, into a new index at @p path and commits.
inline void write_index(const std::string& path, const std::vector<Article>& articles, const std::string& origin_file = {}) {
    ArticleWriter writer(path);
    for (const Article& a : articles) writer.add(a, origin_file);
    writer.commit();
}

}  // namespace khoj::test
