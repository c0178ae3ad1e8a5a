/** @file article.h @brief A news article as Khoj stores it, and its (de)serialisation for the index. */
#pragma once
#include "common/entities/entities.h"

#include <string>
#include <string_view>
#include <vector>

namespace khoj {

/// One news article; every field is NFC UTF-8, date is YYYY-MM-DD or empty.
struct Article {
    std::string id;
    std::string title;
    std::string body;
    std::string date;
    std::string source;
    std::string url;
    std::vector<Entity> entities;  ///< found at index time (EntityExtractor); kept as entity terms and ids, not in the record
};

/// Serialises an article's fields (not its entities) as the stored record, before compression.
std::string article_to_record(const Article& article);

/// Reads what article_to_record() wrote; throws khoj::IndexError on a damaged record.
Article article_from_record(std::string_view record);

}  // namespace khoj
