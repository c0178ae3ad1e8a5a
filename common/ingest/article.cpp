/** @file article.cpp @brief Article records: the stored form of an article, and entity terms. */
#include "common/ingest/article.h"

#include "common/util/errors.h"
#include "common/index/schema.h"


namespace khoj {

std::string entity_term(const Entity& entity) {
    const char* prefix = entity.kind == EntityKind::Person ? prefix::kPerson
                         : entity.kind == EntityKind::Place ? prefix::kPlace
                                                           : prefix::kOrganisation;
    return prefix + entity_slug(entity);
}

namespace {

// Record layout: a format byte, then id, title, body, date, source and url, each as a varint
// byte length and the bytes. Searching reads up to 50 records a query (re-ranking, phrase
// checks), and splitting this costs nothing next to parsing JSON.
constexpr char kRecordFormat = '\x01';

void put_field(std::string& out, const std::string& field) {
    std::size_t n = field.size();
    while (n >= 0x80) {
        out += static_cast<char>((n & 0x7F) | 0x80);
        n >>= 7;
    }
    out += static_cast<char>(n);
    out += field;
}

std::string get_field(std::string_view record, std::size_t& at) {
    std::size_t n = 0;
    for (int shift = 0;; shift += 7) {
        if (at >= record.size() || shift > 35) throw IndexError("damaged article record in the index");
        const auto byte = static_cast<unsigned char>(record[at++]);
        n |= static_cast<std::size_t>(byte & 0x7F) << shift;
        if (!(byte & 0x80)) break;
    }
    if (n > record.size() - at) throw IndexError("damaged article record in the index");
    std::string field(record.substr(at, n));
    at += n;
    return field;
}

}  // namespace

std::string article_to_record(const Article& article) {
    std::string out(1, kRecordFormat);
    out.reserve(16 + article.id.size() + article.title.size() + article.body.size() + article.date.size() + article.source.size() + article.url.size());
    for (const std::string* field : {&article.id, &article.title, &article.body, &article.date, &article.source, &article.url}) put_field(out, *field);
    return out;
}

Article article_from_record(std::string_view record) {
    if (record.empty() || record[0] != kRecordFormat) throw IndexError("damaged article record in the index");
    Article a;
    std::size_t at = 1;
    for (std::string* field : {&a.id, &a.title, &a.body, &a.date, &a.source, &a.url}) *field = get_field(record, at);
    return a;
}

}  // namespace khoj
