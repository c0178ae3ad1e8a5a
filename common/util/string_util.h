/** @file string_util.h @brief Small string helpers (ASCII case, trimming, splitting) shared by every subsystem. */
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace khoj {

/// @p s with ASCII letters lower-cased; other bytes (UTF-8 included) are left as they are.
inline std::string lower_ascii(std::string s) {
    for (char& c : s) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return s;
}

/// @p s without leading and trailing ASCII white space (space, tab, CR, LF).
inline std::string trim(std::string_view s) {
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    std::size_t begin = 0, end = s.size();
    while (begin < end && space(s[begin])) ++begin;
    while (end > begin && space(s[end - 1])) --end;
    return std::string(s.substr(begin, end - begin));
}

/// The pieces of @p s between each @p separator (an empty @p s gives one empty piece).
/// The pieces of @p text between spaces, empty ones left out (views into @p text).
inline std::vector<std::string_view> split_at_spaces(std::string_view text) {
    std::vector<std::string_view> words;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t j = text.find(' ', i);
        if (j == std::string_view::npos) j = text.size();
        if (j > i) words.push_back(text.substr(i, j - i));
        i = j + 1;
    }
    return words;
}

inline std::vector<std::string> split(std::string_view s, char separator) {
    std::vector<std::string> pieces;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == separator) {
            pieces.emplace_back(s.substr(start, i - start));
            start = i + 1;
        }
    }
    return pieces;
}

/// The ASCII digits of @p s, in order ("2020-04-01" → "20200401").
inline std::string digits_only(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c >= '0' && c <= '9') out += c;
    }
    return out;
}

}  // namespace khoj
