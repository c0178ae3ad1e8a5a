/** @file document_builder.cpp @brief Article → entities, terms, date values and the compressed record. */
#include "common/index/document_builder.h"

#include "common/index/entity_catalog.h"
#include "common/index/schema.h"
#include "common/index/term_impact.h"

#include <cctype>
#include <cstdio>
#include <cstring>
#include <unordered_map>

namespace khoj {

namespace {

// The weighted terms of an article with their unscaled wdfs, scaled by its length once all are in.
class WeightedTerms {
  public:
    void add(std::string term, Xapian::termcount wdf) {
        wdfs_[std::move(term)] += wdf;
        length_ += wdf;
    }
    /// Adds every term to @p doc with its impact (term_impact.h): the length is only known at the end.
    void add_to(Xapian::Document& doc) const {
        for (const auto& [term, wdf] : wdfs_) doc.add_term(term, impact::scaled_wdf(wdf, length_));
    }

  private:
    std::unordered_map<std::string, Xapian::termcount> wdfs_;
    Xapian::termcount length_ = 0;  ///< the article's Xapian length before scaling
};

void add_date_terms(Xapian::Document& doc, WeightedTerms& weighted, const std::string& date) {
    if (date.size() != 10) return;
    std::string ymd = date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2);
    doc.add_value(slot::kDate, ymd);
    doc.add_boolean_term(prefix::kDay + ymd);
    doc.add_boolean_term(prefix::kMonth + ymd.substr(0, 6));
    doc.add_boolean_term(prefix::kYear + ymd.substr(0, 4));
    // Not boolean: a query for "July" should score articles dated in July (wdf 1 gives BM25 an idf weight).
    weighted.add(prefix::kMonthOfYear + ymd.substr(4, 2), 1);
}

// The terms and date values of an analysed article (see analysed_document()).
Xapian::Document build_document(const Article& article, const std::vector<Token>& title_tokens, const std::vector<Token>& body_tokens,
                                 std::vector<std::string>* vocabulary) {
    // No positions and no unstemmed forms: phrases are checked against the stored text
    // (PhraseFilter), which keeps the index to one posting per (stem, article).
    Xapian::Document doc;
    WeightedTerms weighted;
    auto remember = [&](const Token& t) {
        if (vocabulary && t.new_form && t.script == Script::Devanagari) vocabulary->push_back(t.exact);
    };
    for (const Token& t : title_tokens) {
        if (!t.stopword) {
            weighted.add(prefix::kTitleStem + t.stem, 1);
            weighted.add(prefix::kStem + t.stem, 1 + kTitleBoost);
        }
        remember(t);
    }
    for (const Token& t : body_tokens) {
        if (!t.stopword) weighted.add(prefix::kStem + t.stem, 1);
        remember(t);
    }
    doc.add_boolean_term(prefix::kId + article.id);
    if (!article.source.empty()) doc.add_boolean_term(source_term(article.source));
    for (const Entity& e : article.entities) doc.add_boolean_term(entity_term(e));
    add_date_terms(doc, weighted, article.date);
    weighted.add_to(doc);
    return doc;
}

}  // namespace

namespace {

// The fields' 64-bit hash, eight bytes a step (FNV-1a one byte a step was a quarter of a
// --force re-run); each field ends with its length, so ("ab","c") and ("a","bc") differ.
std::uint64_t hash_fields(std::initializer_list<const std::string*> fields) {
    std::uint64_t h = 1469598103934665603ull;
    auto step = [&h](std::uint64_t word) {
        h = (h ^ word) * 0x9E3779B97F4A7C15ull;
        h ^= h >> 32;
    };
    for (const std::string* field : fields) {
        const std::string& s = *field;
        std::size_t i = 0;
        for (; i + 8 <= s.size(); i += 8) {
            std::uint64_t word;
            std::memcpy(&word, s.data() + i, 8);
            step(word);
        }
        std::uint64_t tail = 0;
        std::memcpy(&tail, s.data() + i, s.size() - i);
        step(tail);
        step(s.size());
    }
    return h;
}

}  // namespace

std::string content_hash(const Article& a, const std::string& origin) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(hash_fields({&a.id, &a.title, &a.body, &a.date, &a.source, &a.url, &origin})));
    return buf;
}

std::string text_hash(const Article& a) {
    std::uint64_t h = hash_fields({&a.title, &a.body});
    std::string bytes(8, '\0');
    for (char& b : bytes) {  // least significant first, the same on every machine
        b = static_cast<char>(h & 0xFF);
        h >>= 8;
    }
    return bytes;
}

Xapian::Document analysed_document(Article& article, const std::string& file_term, const std::string& hash, Analyzer& analyzer,
                                   const EntityExtractor& extractor, std::vector<std::string>* vocabulary, CopySignature* signature) {
    // Tokenised once for both the entity extractor and the document (the costly part).
    const std::vector<Token> title_tokens = analyzer.tokenize(article.title), body_tokens = analyzer.tokenize(article.body);
    article.entities = extractor.extract(article.title, title_tokens, article.body, body_tokens);
    Xapian::Document doc = build_document(article, title_tokens, body_tokens, vocabulary);
    CopySignature copies = copy_signature(article.title, article.body);
    if (!copies.empty()) {
        for (std::uint32_t band : copies.bands) doc.add_boolean_term(copy_band_term(band));
    }
    if (signature) *signature = std::move(copies);
    if (!file_term.empty()) doc.add_boolean_term(file_term);
    doc.add_value(slot::kContentHash, hash);
    doc.add_value(slot::kTextHash, text_hash(article));
    return doc;
}

PreparedArticle prepare_article(const Article& input, const std::string& origin_file, const std::string& hash, Analyzer& analyzer,
                                const EntityExtractor& extractor, const RecordCodec& codec) {
    PreparedArticle p;
    p.article = input;
    p.doc = analysed_document(p.article, origin_file.empty() ? std::string() : file_term(origin_file), hash, analyzer, extractor, &p.vocabulary,
                              &p.copies);
    // The record holds no entities: the writer keeps them as ids (slot::kEntities), and the
    // record stays a quarter smaller.
    p.doc.add_value(slot::kRecord, codec.compress(article_to_record(p.article)));
    return p;
}

std::string file_term(const std::string& file) {
    Article key;
    key.id = file;
    return prefix::kFile + content_hash(key, {});
}

}  // namespace khoj
