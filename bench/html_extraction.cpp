/** @file html_extraction.cpp @brief Article extraction from real web pages against their ground truth: title, date and body token F1 per page. */
#include "bench/token_f1.h"
#include "common/ingest/html_article.h"
#include "common/util/string_util.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// "ok", "WRONG" or "-" (no truth) for one field.
std::string verdict(const nlohmann::json& truth, const char* field, const std::string& got, std::size_t compare_chars = std::string::npos) {
    if (!truth.contains(field) || !truth[field].is_string()) return "-";
    const std::string want = truth[field].get<std::string>().substr(0, compare_chars);
    return got == want ? "ok" : "WRONG";
}

}  // namespace

// For each PAGE.html in the folder (default ../shared/corpora/html) with its PAGE.truth.json:
// whether the headline and the date are exactly the truth's, and the token F1 of the body
// against the truth's text. --show PAGE prints what was extracted from one page.
int main(int argc, char** argv) {
    fs::path folder = "../shared/corpora/html";
    std::string show;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--show" && i + 1 < argc) {
            show = argv[++i];
        } else {
            folder = arg;
        }
    }
    std::vector<fs::path> pages;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        if (entry.path().extension() == ".html") pages.push_back(entry.path());
    }
    if (ec || pages.empty()) {
        std::cerr << "khoj-html-extraction: no .html pages in " << folder << "\n";
        return 2;
    }
    std::sort(pages.begin(), pages.end());
    int wrong = 0;
    std::printf("%-28s %-6s %-6s %-8s %-6s %-6s %s\n", "page", "title", "date", "body F1", "P", "R", "body chars");
    for (const fs::path& page : pages) {
        const std::string name = page.stem().string();
        const khoj::ParsedArticle parsed = khoj::parse_html_article(read_file(page), name);
        const fs::path truth_file = fs::path(page).replace_extension(".truth.json");
        const nlohmann::json truth = fs::exists(truth_file) ? nlohmann::json::parse(read_file(truth_file), nullptr, false) : nlohmann::json::object();
        if (!parsed.article) {
            std::printf("%-28s no article: %s\n", name.c_str(), parsed.error.c_str());
            ++wrong;
            continue;
        }
        const khoj::Article& a = *parsed.article;
        const std::string title = verdict(truth, "title", a.title), date = verdict(truth, "date", a.date, 10);
        std::string f1 = "-", p = "", r = "";
        if (truth.contains("text") && truth["text"].is_string()) {
            const khoj::bench::TokenOverlap o = khoj::bench::token_overlap(a.body, truth["text"].get<std::string>());
            char buffer[3][16];
            std::snprintf(buffer[0], 16, "%.3f", o.f1);
            std::snprintf(buffer[1], 16, "%.3f", o.precision);
            std::snprintf(buffer[2], 16, "%.3f", o.recall);
            f1 = buffer[0], p = buffer[1], r = buffer[2];
            if (o.f1 < 0.90) ++wrong;
        }
        wrong += (title == "WRONG") + (date == "WRONG");
        std::printf("%-28s %-6s %-6s %-8s %-6s %-6s %zu\n", name.c_str(), title.c_str(), date.c_str(), f1.c_str(), p.c_str(), r.c_str(), a.body.size());
        if (name == show) {
            std::printf("  id:     %s\n  url:    %s\n  source: %s\n  date:   %s\n  title:  %s\n  body:\n%s\n", a.id.c_str(), a.url.c_str(),
                        a.source.c_str(), a.date.c_str(), a.title.c_str(), a.body.c_str());
        }
    }
    return wrong ? 1 : 0;
}
