/** @file article.cpp @brief Article (de)serialisation. */
#include "common/article.h"

#include "common/errors.h"
#include "common/schema.h"

#include <nlohmann/json.hpp>

namespace khoj {

std::string entity_term(const Entity& entity) {
    const char* prefix = entity.kind == EntityKind::Person ? prefix::kPerson
                         : entity.kind == EntityKind::Place ? prefix::kPlace
                                                           : prefix::kOrganisation;
    return prefix + entity_slug(entity);
}

std::string article_to_json(const Article& article) {
    nlohmann::json j = {{"id", article.id}, {"title", article.title}, {"body", article.body}};
    if (!article.date.empty()) j["date"] = article.date;
    if (!article.source.empty()) j["source"] = article.source;
    if (!article.url.empty()) j["url"] = article.url;
    if (!article.entities.empty()) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& e : article.entities) list.push_back({{"kind", kind_name(e.kind)}, {"name", e.name}, {"name_en", e.name_en}});
        j["entities"] = list;
    }
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
    if (auto it = j.find("entities"); it != j.end() && it->is_array()) {
        for (const auto& e : *it) {
            if (!e.is_object()) continue;
            Entity entity;
            std::string kind = e.value("kind", "");
            entity.kind = kind == "place" ? EntityKind::Place : kind == "org" ? EntityKind::Organisation : EntityKind::Person;
            entity.name = e.value("name", "");
            entity.name_en = e.value("name_en", "");
            a.entities.push_back(std::move(entity));
        }
    }
    return a;
}

}  // namespace khoj
