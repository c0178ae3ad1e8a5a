/** @file input_formats.cpp @brief JSON-line and plain-text article parsers (no file access). */
#include "common/ingest/input_formats.h"

#include "common/ingest/dates.h"
#include "common/util/unicode_text.h"

#include <nlohmann/json.hpp>

namespace khoj {

ParsedArticle parse_json_article(std::string_view line) {
    ParsedArticle parsed;
    // The JSON parser rejects ill-formed UTF-8 itself; the separate check only names the
    // reason, so it runs on rejected lines alone.
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        parsed.error = is_valid_utf8(line) ? "not a JSON object" : "invalid UTF-8";
        return parsed;
    }
    auto text_field = [&](const char* name) -> std::string {
        auto it = j.find(name);
        if (it == j.end() || it->is_null()) return {};
        if (it->is_string()) return std::move(it->get_ref<std::string&>());  // each field is read once: the body is not copied
        if (it->is_number_integer()) return std::to_string(it->get<long long>());
        // An array or object where text belongs is a scraper's mistake: say so, never drop it silently.
        parsed.warnings.push_back(std::string("ignored field '") + name + "': " + it->type_name() + ", not text");
        return {};
    };
    Article a;
    a.id = text_field("id");
    a.title = text_field("title");
    a.body = text_field("body");
    a.source = text_field("source");
    a.url = text_field("url");
    std::string date = text_field("date");
    if (!date.empty()) {
        if (auto iso = parse_iso_date(date)) {
            a.date = *iso;
        } else {
            parsed.warnings.push_back("ignored a date that is not YYYY-MM-DD: " + date);
        }
    }
    parsed.article = std::move(a);
    return parsed;
}

ParsedArticle parse_text_article(std::string_view text, std::string id) {
    ParsedArticle parsed;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // byte order mark
    Article a;
    a.id = std::move(id);
    // The first non-empty line is the headline; the rest is the body.
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
            while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
            a.title = std::string(line);
            break;
        }
    }
    a.body = pos < text.size() ? std::string(text.substr(pos)) : std::string();
    parsed.article = std::move(a);
    return parsed;
}

}  // namespace khoj
