/** @file article.cpp @brief Article records: the stored form of an article. */
#include "common/ingest/article.h"

#include "common/util/errors.h"
#include "common/util/packing.h"

namespace khoj {

namespace {

// Record layout: a format byte, then id, title, body, date, source and url, each as a varint
// (pack_uint) byte length and the bytes. Searching reads up to a hundred records a query
// (re-ranking, phrase checks), and splitting this costs nothing next to parsing JSON.
constexpr char kRecordFormat = '\x01';

void put_field(std::string& out, const std::string& field) {
    pack_uint(out, field.size());
    out += field;
}

std::string get_field(std::string_view record, std::size_t& at) {
    const std::optional<std::uint64_t> n = unpack_uint(record, at);
    if (!n || *n > record.size() - at) throw IndexError("damaged article record in the index");
    std::string field(record.substr(at, static_cast<std::size_t>(*n)));
    at += static_cast<std::size_t>(*n);
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
