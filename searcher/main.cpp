/** @file main.cpp @brief khoj-search: ranked search over a Khoj index, for people (text, REPL) and scripts (JSON lines, TSV, TREC). */
#include "common/util/errors.h"
#include "common/output/result_format.h"
#include "common/search/searcher.h"
#include "common/output/terminal.h"
#include "searcher/repl.h"

#include <boost/program_options.hpp>

#include <cstdlib>
#include <fstream>
#include <iostream>

#include <unistd.h>

namespace po = boost::program_options;

namespace {

constexpr int kExitHits = 0, kExitNoHits = 1, kExitUsage = 2, kExitIndex = 3;

const char* kUsage = R"(Usage: khoj-search [--index DIR] [options] QUERY...
  or:  khoj-search [--index DIR] [options] --batch FILE
  or:  khoj-search [--index DIR] [options]

Searches a Khoj index of Hindi news and prints the best-matching articles first.
Queries may be typed in any script: English names and romanised Hindi find
Devanagari articles, and every inflection of a word is found. With no QUERY and
standard input and output on a terminal, it opens an interactive prompt.
Results go to standard output, messages to standard error (see docs/output.md).

)";

const char* kMore = R"(
Query syntax:
  word word         words are ranked by relevance; an article need not hold all
  "a phrase"        the words together, in this order
  a AND b           both words (a OR b: either; NOT a or -a: without; +a: must have)
  ( ... )           grouping, as in lockdown AND (Delhi OR Mumbai)
  title:WORD        the word in the headline
  source:NAME       articles from one source (e.g. amar_ujala)
  date:2020-04      one year (YYYY), month (YYYY-MM) or day (YYYY-MM-DD)
  date:FROM..TO     a date range; either end may be left out
  person:X          articles that mention a person (also place:X and org:X)

Examples:
  khoj-search Shoigu Pyongyang July
      English words and names find their Devanagari spellings (शोइगु, जुलाई)
  khoj-search sharab ki dukan
      romanised Hindi (शराब की दुकान)
  khoj-search मस्जिदों
      Devanagari, every inflection (मस्जिद, मस्जिदें, मस्जिदों)
  khoj-search '"रक्षा मंत्री"'
      a phrase
  khoj-search 'lockdown AND (Delhi OR Mumbai) NOT Kejriwal'
      required, alternative and excluded words
  khoj-search 'title:कोरोना source:amar_ujala'
      a word in the headline, in one source
  khoj-search 'vaccine date:2020-04-01..2020-04-30'
      a date range in the query
  khoj-search --since 2023-07-01 --until 2023-07-31 Kim Putin
      the same with options
  khoj-search 'person:Putin place:Pyongyang org:KCNA'
      person, place and organisation filters
  khoj-search --format json -n 5 Modi | jq -r .title
      JSON lines for scripts
  khoj-search --count corona; khoj-search -n 10 --offset 10 corona
      how many articles match; the second page of ten
  printf 'q1\tShoigu\n' | khoj-search --format trec --batch -
      a TREC run of the queries on standard input

Interactive use:
  Run khoj-search without a query on a terminal. Type a query and press Enter;
  Enter on an empty line or :next shows the next page, :prev the previous one,
  :open N reads article N, :since/:until DATE, :source NAME, :person/:place/:org X
  add filters, :clear drops them, :explain shows how the last query was read,
  :help lists the commands, :quit or Ctrl-D leaves, Ctrl-C cancels a line.
  History is kept in $XDG_STATE_HOME/khoj/history (~/.local/state/khoj/history).

Environment:
  KHOJ_INDEX        index folder when --index is not given
  KHOJ_HISTORY      history file of the interactive prompt
  PAGER             pager for long articles at the prompt (default: less -R)
  NO_COLOR          when set and not empty, no colours (unless --color always)

Exit status:
  0  at least one article matched
  1  nothing matched
  2  usage error (bad option, query syntax or date; no query when not on a terminal)
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
    bool facets = false;
    khoj::SearchRequest request;
};

khoj::OutputFormat parse_format(const std::string& name) {
    if (name == "text") return khoj::OutputFormat::Text;
    if (name == "json") return khoj::OutputFormat::Json;
    if (name == "tsv") return khoj::OutputFormat::Tsv;
    if (name == "trec") return khoj::OutputFormat::Trec;
    throw khoj::UsageError("--format takes text, json, tsv or trec, not '" + name + "'");
}

khoj::SortOrder parse_sort(const std::string& name) {
    if (name == "relevance") return khoj::SortOrder::Relevance;
    if (name == "date") return khoj::SortOrder::Date;
    throw khoj::UsageError("--sort takes relevance or date, not '" + name + "'");
}

// Prints one query's results; returns the number of hits printed.
std::size_t print_results(const khoj::SearchResult& result, khoj::OutputFormat format, const std::string& qid, const Options& options,
                          const khoj::TextStyle& style, const khoj::Searcher& searcher) {
    if (options.explain) std::cerr << khoj::format_explanation(result.built, searcher.database(), style.color);
    if (options.count_only) {
        std::cout << (qid.empty() ? "" : qid + "\t") << result.matches_estimated << "\n";
        return result.matches_estimated;
    }
    if (result.facets.computed && format == khoj::OutputFormat::Text) std::cout << khoj::format_facets_text(result.facets, style.color) << "\n";
    for (const auto& hit : result.hits) {
        switch (format) {
            case khoj::OutputFormat::Text: std::cout << khoj::format_hit_text(hit, style) << "\n"; break;
            case khoj::OutputFormat::Json: std::cout << khoj::format_hit_json(hit, qid) << "\n"; break;
            case khoj::OutputFormat::Tsv: std::cout << khoj::format_hit_tsv(hit, qid) << "\n"; break;
            case khoj::OutputFormat::Trec: std::cout << khoj::format_hit_trec(hit, qid) << "\n"; break;
        }
    }
    if (result.facets.computed && format == khoj::OutputFormat::Json) std::cout << khoj::format_facets_json(result.facets) << "\n";
    if (format == khoj::OutputFormat::Text && !result.suggestion.empty()) std::cerr << "did you mean: " << result.suggestion << "\n";
    if (format == khoj::OutputFormat::Text && qid.empty()) {
        std::cerr << (result.hits.empty() ? "no articles matched" : std::to_string(result.matches_estimated) + (result.matches_estimated == 1 ? " matching article" : " matching articles"))
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
    request.sort = parse_sort(options.sort);
    request.facets = options.facets;
    request.suggest = format == khoj::OutputFormat::Text;
    request.exact_count = options.count_only || format == khoj::OutputFormat::Text;
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
        ("count", po::bool_switch(&options.count_only), "print only the number of matching articles")
        ("facets", po::bool_switch(&options.facets), "also print the top people, places, organisations and a month histogram of all matches (JSON: a final {\"facets\": …} line)")
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
        std::cout << kUsage << visible << kMore;
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
    const bool interactive = query.empty() && options.batch.empty();
    if (interactive && !(isatty(STDIN_FILENO) && khoj::stdout_is_terminal())) {
        std::cerr << "khoj-search: no query given (the interactive prompt needs a terminal)\nTry 'khoj-search --help'.\n";
        return kExitUsage;
    }
    try {
        if (!options.request.since.empty()) options.request.since = khoj::checked_day(options.request.since, "--since");
        if (!options.request.until.empty()) options.request.until = khoj::checked_day(options.request.until, "--until");
        if (interactive) {
            khoj::ReplOptions repl;
            repl.index = options.index;
            repl.request = options.request;
            repl.request.sort = parse_sort(options.sort);
            repl.color = khoj::use_color(options.color);
            return khoj::run_repl(repl);
        }
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
