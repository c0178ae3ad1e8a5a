/** @file dates.cpp @brief Date recognisers for Hindi news. */
#include "common/ingest/dates.h"

#include "common/text/hindi_normalizer.h"
#include "common/util/errors.h"

#include <array>
#include <cctype>
#include <cstdio>
#include <regex>
#include <string>
#include <unordered_map>

namespace khoj {
namespace {

struct MonthName {
    const char* name;
    int month;
};

// Hindi papers spell months several ways (फरवरी / फ़रवरी, सितंबर / सितम्बर); the names are
// compared after hindi_normalizer::orthographic, which already folds nukta and nasal conjuncts.
// (common/entities/data/entity_words.tsv lists the Hindi names again, as words that are not
// names: entities/ sits below ingest/ and cannot use this table.)
constexpr MonthName kMonths[] = {
    {"january", 1}, {"jan", 1}, {"जनवरी", 1}, {"february", 2}, {"feb", 2}, {"फरवरी", 2},
    {"march", 3}, {"mar", 3}, {"मार्च", 3}, {"april", 4}, {"apr", 4}, {"अप्रैल", 4}, {"अप्रेल", 4},
    {"may", 5}, {"मई", 5}, {"june", 6}, {"jun", 6}, {"जून", 6}, {"july", 7}, {"jul", 7},
    {"जुलाई", 7}, {"august", 8}, {"aug", 8}, {"अगस्त", 8}, {"september", 9}, {"sep", 9},
    {"sept", 9}, {"सितंबर", 9}, {"october", 10}, {"oct", 10}, {"अक्टूबर", 10}, {"अक्तूबर", 10},
    {"november", 11}, {"nov", 11}, {"नवंबर", 11}, {"december", 12}, {"dec", 12}, {"दिसंबर", 12},
};

const std::unordered_map<std::string, int>& month_table() {
    static const std::unordered_map<std::string, int> table = [] {
        std::unordered_map<std::string, int> t;
        for (const auto& m : kMonths) t.emplace(hindi_normalizer::orthographic(m.name), m.month);
        return t;
    }();
    return table;
}

bool valid_date(int y, int m, int d) {
    static constexpr int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return y >= 1800 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1];
}

std::string format_date(int y, int m, int d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

// Hindi number words that papers use for the first days of a month (एक अप्रैल).
int day_from_word(const std::string& w) {
    static const std::array<std::pair<const char*, int>, 10> words = {{
        {"एक", 1}, {"दो", 2}, {"तीन", 3}, {"चार", 4}, {"पांच", 5}, {"छह", 6}, {"सात", 7}, {"आठ", 8}, {"नौ", 9}, {"दस", 10},
    }};
    for (auto& [name, value] : words) {
        if (hindi_normalizer::orthographic(name) == w) return value;
    }
    if (!w.empty() && w.size() <= 2 && std::isdigit(static_cast<unsigned char>(w[0]))) return std::stoi(w);
    return 0;
}

}  // namespace

int month_from_name(std::string_view word) {
    std::string w = hindi_normalizer::orthographic(word);
    while (!w.empty() && w.back() == '.') w.pop_back();
    auto it = month_table().find(w);
    return it == month_table().end() ? 0 : it->second;
}

std::optional<std::string> parse_iso_date(std::string_view text) {
    static const std::regex iso(R"(^\s*(\d{4})-(\d{2})-(\d{2})([T ].*)?$)");
    std::match_results<std::string_view::const_iterator> m;
    if (!std::regex_match(text.begin(), text.end(), m, iso)) return std::nullopt;
    int y = std::stoi(m[1].str()), mo = std::stoi(m[2].str()), d = std::stoi(m[3].str());
    if (!valid_date(y, mo, d)) return std::nullopt;
    return format_date(y, mo, d);
}

std::optional<std::string> find_date_in_text(std::string_view text) {
    std::string head = hindi_normalizer::orthographic(text.substr(0, 4096));
    // Day before month: "27 Jul 2023", "27 जुलाई 2023", "एक अप्रैल 2020", "27-Jul-2023". The words
    // exclude the separators and are at most 32 bytes (the longest day or month word has 21):
    // with \S+, a run of commas could be split between the parts in cubically many ways and a
    // long word backtracked at every start, and std::regex tried them all (minutes on a line of
    // 150 commas).
    static const std::regex day_month_year(R"(([^\s,.-]{1,32})[ ,.-]+([^\s,.-]{1,32}?)[ ,.-]+(\d{4})\b)");
    // Month before day: "Mar 14, 2020".
    static const std::regex month_day_year(R"(([A-Za-z]+)\.? (\d{1,2}),? (\d{4})\b)");
    for (auto it = std::sregex_iterator(head.begin(), head.end(), month_day_year); it != std::sregex_iterator(); ++it) {
        int mo = month_from_name((*it)[1].str());
        int d = std::stoi((*it)[2].str()), y = std::stoi((*it)[3].str());
        if (mo && valid_date(y, mo, d)) return format_date(y, mo, d);
    }
    for (auto it = std::sregex_iterator(head.begin(), head.end(), day_month_year); it != std::sregex_iterator(); ++it) {
        int mo = month_from_name((*it)[2].str());
        if (!mo) continue;
        std::string day_word = (*it)[1].str();
        // The day is the one word right before the month: the pattern is three words in a row
        // ending in a year, so in "Thu, 27 Jul 2023" it matches "27 Jul 2023".
        int d = day_from_word(day_word);
        int y = std::stoi((*it)[3].str());
        if (d && valid_date(y, mo, d)) return format_date(y, mo, d);
    }
    return std::nullopt;
}

std::optional<std::string> find_date_in_file_name(std::string_view name) {
    std::string s(name);
    static const std::regex numeric(R"((\d{4})-(\d{2})-(\d{2}))");
    static const std::regex named(R"((\d{4})[-_]([A-Za-z]{3,9})[-_](\d{1,2}))");
    std::smatch m;
    if (std::regex_search(s, m, numeric)) {
        int y = std::stoi(m[1].str()), mo = std::stoi(m[2].str()), d = std::stoi(m[3].str());
        if (valid_date(y, mo, d)) return format_date(y, mo, d);
    }
    if (std::regex_search(s, m, named)) {
        std::string month = m[2].str();
        for (char& c : month) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        int y = std::stoi(m[1].str()), mo = month_from_name(month), d = std::stoi(m[3].str());
        if (mo && valid_date(y, mo, d)) return format_date(y, mo, d);
    }
    return std::nullopt;
}

std::string checked_day(const std::string& value, const std::string& what) {
    std::optional<std::string> day = parse_iso_date(value);
    if (!day) throw UsageError(what + " takes a date as YYYY-MM-DD, not '" + value + "'");
    return *day;
}

}  // namespace khoj
