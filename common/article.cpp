/** @file article.cpp @brief Article (de)serialisation. */
#include "common/article.h"

#include "common/errors.h"

#include <nlohmann/json.hpp>

namespace khoj {

std::string article_to_json(const Article& article) {
    nlohmann::json j = {{"id", article.id}, {"title", article.title}, {"body", article.body}};
    if (!article.date.empty()) j["date"] = article.date;
    if (!article.source.empty()) j["source"] = article.source;
    if (!article.url.empty()) j["url"] = article.url;
    return j.dump();
}

Article article_from_json(const std::string& json) {
    auto j = nlohmann::json::parse(json, nullptr, false);
    if (j.is_discarded() || !j.is_object()) throw IndexError("damaged article record in the index");
    Article a;
    a.id = j.value("id", "");
    a.title = j.value("title", "");
    a.body = j.value("body", "");
    a.date = j.value("date", "");
    a.source = j.value("source", "");
    a.url = j.value("url", "");
    return a;
}

}  // namespace khoj
