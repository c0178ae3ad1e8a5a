/** @file main.cpp @brief khoj-search: ranked search over a Khoj index, for people (text, REPL) and scripts (JSON lines, TSV, TREC). */
#include "common/errors.h"
#include "common/result_format.h"
#include "common/searcher.h"
#include "common/terminal.h"

#include <boost/program_options.hpp>

#include <cstdlib>
#include <fstream>
#include <iostream>

namespace po = boost::program_options;

namespace {

constexpr int kExitHits = 0, kExitNoHits = 1, kExitUsage = 2, kExitIndex = 3;

const char* kUsage = R"(Usage: khoj-search [--index DIR] [options] QUERY...
       khoj-search [--index DIR] --batch FILE      (qid<TAB>query lines; - for stdin)

Searches a Khoj index of Hindi news. Type queries in any script:
  khoj-search Shoigu Pyongyang July         English names find Devanagari articles
  khoj-search sharab ki dukan               romanised Hindi
  khoj-search मस्जिदों                        Devanagari, all inflections (मस्जिद, मस्जिदें)
  khoj-search '"रक्षा मंत्री"'                  a phrase
  khoj-search 'lockdown AND (Delhi OR Mumbai) NOT Kejriwal'
  khoj-search 'title:कोरोना source:amar_ujala'  a headline word, one paper
  khoj-search 'vaccine date:2020-04-01..2020-04-30'
  khoj-search --json -n 5 Modi | jq .title   JSON lines for scripts

Options)";

const char* kExitCodes = R"(
Exit codes:
  0  at least one article matched
  1  nothing matched
  2  usage error (bad option or query syntax)
  3  the index is missing, unreadable, or was built by another Khoj version
)";

struct Options {
    std::string index;
    std::string format = "text";
    std::string color = "auto";
    std::string batch;
    std::string sort = "relevance";
    bool explain = false;
    bool count_only = false;
    khoj::SearchRequest request;
};

khoj::OutputFormat parse_format(const std::string& name) {
    if (name == "text") return khoj::OutputFormat::Text;
    if (name == "json") return khoj::OutputFormat::Json;
    if (name == "tsv") return khoj::OutputFormat::Tsv;
    if (name == "trec") return khoj::OutputFormat::Trec;
    throw khoj::UsageError("--format takes text, json, tsv or trec, not '" + name + "'");
}

// Prints one query's results; returns the number of hits printed.
std::size_t print_results(const khoj::SearchResult& result, khoj::OutputFormat format, const std::string& qid, const Options& options,
                          const khoj::TextStyle& style, const khoj::Searcher& searcher) {
    if (options.explain) std::cerr << khoj::format_explanation(result.built, searcher.database(), style.color);
    if (options.count_only) {
        std::cout << (qid.empty() ? "" : qid + "\t") << result.matches_estimated << "\n";
        return result.matches_estimated;
    }
    for (const auto& hit : result.hits) {
        switch (format) {
            case khoj::OutputFormat::Text: std::cout << khoj::format_hit_text(hit, style) << "\n"; break;
            case khoj::OutputFormat::Json: std::cout << khoj::format_hit_json(hit, qid) << "\n"; break;
            case khoj::OutputFormat::Tsv: std::cout << khoj::format_hit_tsv(hit, qid) << "\n"; break;
            case khoj::OutputFormat::Trec: std::cout << khoj::format_hit_trec(hit, qid) << "\n"; break;
        }
    }
    if (format == khoj::OutputFormat::Text && qid.empty()) {
        std::cerr << (result.hits.empty() ? "no articles matched" : "about " + std::to_string(result.matches_estimated) + " matching articles")
                  << "\n";
    }
    return result.hits.size();
}

int run(const Options& options, const std::string& query) {
    khoj::OutputFormat format = parse_format(options.format);
    khoj::TextStyle style;
    style.color = khoj::use_color(options.color);
    style.width = khoj::terminal_width();
    khoj::Searcher searcher(options.index);
    khoj::SearchRequest request = options.request;
    request.snippets = format == khoj::OutputFormat::Text || format == khoj::OutputFormat::Json;
    if (options.sort == "date") {
        request.sort = khoj::SortOrder::Date;
    } else if (options.sort != "relevance") {
        throw khoj::UsageError("--sort takes relevance or date, not '" + options.sort + "'");
    }
    std::size_t total = 0;
    if (!options.batch.empty()) {
        std::ifstream file;
        std::istream* in = &std::cin;
        if (options.batch != "-") {
            file.open(options.batch);
            if (!file) throw khoj::UsageError("cannot read batch file " + options.batch);
            in = &file;
        }
        std::string line;
        std::size_t number = 0;
        while (std::getline(*in, line)) {
            ++number;
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (line.empty() || line[0] == '#') continue;
            auto tab = line.find('\t');
            if (tab == std::string::npos) throw khoj::UsageError(options.batch + ":" + std::to_string(number) + ": expected qid<TAB>query");
            request.query = line.substr(tab + 1);
            total += print_results(searcher.search(request), format, line.substr(0, tab), options, style, searcher);
        }
    } else {
        request.query = query;
        total = print_results(searcher.search(request), format, "", options, style, searcher);
    }
    return total > 0 ? kExitHits : kExitNoHits;
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    bool json = false;
    po::options_description visible("Options");
    visible.add_options()
        ("index,i", po::value<std::string>(&options.index), "index folder (default: $KHOJ_INDEX)")
        ("limit,n", po::value<std::size_t>(&options.request.limit)->default_value(10), "number of results")
        ("offset", po::value<std::size_t>(&options.request.offset)->default_value(0), "skip this many results (paging)")
        ("format,f", po::value<std::string>(&options.format), "text, json (one object per line), tsv or trec")
        ("json", po::bool_switch(&json), "same as --format json")
        ("batch", po::value<std::string>(&options.batch), "run every qid<TAB>query line of FILE (- = stdin)")
        ("explain", po::bool_switch(&options.explain), "show on stderr which index terms each query word matched, and their weights")
        ("count", po::bool_switch(&options.count_only), "print only the (estimated) number of matching articles")
        ("sort", po::value<std::string>(&options.sort), "relevance (default) or date (newest first)")
        ("since", po::value<std::string>(&options.request.since), "only articles dated on or after YYYY-MM-DD")
        ("until", po::value<std::string>(&options.request.until), "only articles dated on or before YYYY-MM-DD")
        ("color", po::value<std::string>(&options.color), "auto (default; off when NO_COLOR is set or not a terminal), always, never")
        ("version", "print the version and exit")
        ("help,h", "show this help");
    po::options_description hidden;
    hidden.add_options()("query", po::value<std::vector<std::string>>());
    po::options_description all;
    all.add(visible).add(hidden);
    po::positional_options_description positional;
    positional.add("query", -1);
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        std::cerr << "khoj-search: " << e.what() << "\nTry 'khoj-search --help'.\n";
        return kExitUsage;
    }
    if (vm.count("help")) {
        std::string usage = kUsage;
        std::cout << usage.substr(0, usage.rfind("Options")) << visible << kExitCodes;
        return kExitHits;
    }
    if (vm.count("version")) {
        std::cout << "khoj-search " << KHOJ_VERSION << "\n";
        return kExitHits;
    }
    if (json) options.format = "json";
    if (options.index.empty()) {
        if (const char* env = std::getenv("KHOJ_INDEX")) options.index = env;
    }
    std::string query;
    if (vm.count("query")) {
        for (const auto& word : vm["query"].as<std::vector<std::string>>()) query += (query.empty() ? "" : " ") + word;
    }
    if (options.index.empty()) {
        std::cerr << "khoj-search: no index given (use --index DIR or KHOJ_INDEX)\nTry 'khoj-search --help'.\n";
        return kExitUsage;
    }
    if (query.empty() && options.batch.empty()) {
        std::cerr << "khoj-search: no query given\nTry 'khoj-search --help'.\n";
        return kExitUsage;
    }
    try {
        return run(options, query);
    } catch (const khoj::UsageError& e) {
        std::cerr << "khoj-search: " << e.what() << "\n";
        return kExitUsage;
    } catch (const khoj::Error& e) {
        std::cerr << "khoj-search: " << e.what() << "\n";
        return kExitIndex;
    } catch (const Xapian::Error& e) {
        std::cerr << "khoj-search: " << e.get_description() << "\n";
        return kExitIndex;
    }
}
