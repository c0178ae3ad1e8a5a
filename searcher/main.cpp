/** @file main.cpp @brief khoj-search: ranked search over a Khoj index, for people (text, REPL) and scripts (JSON lines, TSV, TREC). */
#include "common/ingest/dates.h"
#include "common/output/batch_queries.h"
#include "common/output/result_writer.h"
#include "common/output/terminal.h"
#include "common/search/searcher.h"
#include "common/util/errors.h"
#include "searcher/help_text.h"
#include "searcher/repl.h"

#include <boost/program_options.hpp>

#include <cstdlib>
#include <iostream>
#include <set>

#include <unistd.h>

namespace po = boost::program_options;

namespace {

constexpr int kExitHits = 0, kExitNoHits = 1, kExitUsage = 2, kExitIndex = 3, kExitPartial = 4;

struct Options {
    std::string index;
    std::string format = "text";
    std::string color = "auto";
    std::string batch, shard_timeout;
    std::string sort = "relevance";
    bool explain = false;
    bool count_only = false;
    bool facets = false;
    bool full = false;
    std::string limit = "10", offset = "0";  // read by khoj::page_option: Boost would take -1 as 2^64 − 1
    khoj::ShardPolicy shards;
    khoj::SearchRequest request;
};

// Runs one query, or every line of the batch file; what is written where is khoj::write_results.
int run(const Options& options, const std::string& query) {
    khoj::OutputOptions output;
    output.format = khoj::output_format_from_name(options.format);
    output.style.color = khoj::use_color(options.color);
    output.style.width = khoj::terminal_width();
    output.count_only = options.count_only;
    output.explain = options.explain;
    output.full = options.full;
    khoj::Searcher searcher(options.index, options.shards);
    khoj::SearchRequest request = options.request;
    request.sort = khoj::sort_order_from_name(options.sort);
    request.facets = options.facets;
    khoj::apply_output_policy(request, output);
    std::size_t total = 0;
    std::set<std::string> warned;  // the shards missing from an answer, named once each
    auto search = [&](const khoj::BatchQuery& q) {
        request.query = q.query;
        total += khoj::search_and_write(searcher, request, q.qid, output, std::cout, std::cerr);
        for (const std::string& w : khoj::missing_shard_warnings(searcher.missing_shards(), searcher.shards_listed(), warned)) std::cerr << "khoj-search: warning: " << w << "\n";
    };
    if (options.batch.empty()) search({"", query});
    else khoj::read_batch_file(options.batch, std::cin, search);
    return !warned.empty() ? kExitPartial : total > 0 ? kExitHits : kExitNoHits;
}

int fail(const std::string& message, int code) {
    std::cerr << "khoj-search: " << khoj::printable_text(message) << "\n";  // it may quote a query or an id
    return code;
}

// Checks the dates, then runs the query or opens the prompt; maps every error to its exit code.
int run_checked(Options& options, const std::string& query, bool interactive) {
    try {
        options.request.limit = khoj::page_option("-n", options.limit, 1);
        options.request.offset = khoj::page_option("--offset", options.offset, 0);
        if (!options.request.since.empty()) options.request.since = khoj::checked_day(options.request.since, "--since");
        if (!options.request.until.empty()) options.request.until = khoj::checked_day(options.request.until, "--until");
        if (!options.shard_timeout.empty()) options.shards.timeout_ms = khoj::parse_shard_timeout(options.shard_timeout);
        if (!interactive) return run(options, query);
        khoj::ReplOptions repl{options.index, options.request, false, options.shards};
        repl.request.sort = khoj::sort_order_from_name(options.sort);
        repl.color = khoj::use_color(options.color);
        return khoj::run_repl(repl);
    } catch (const khoj::UsageError& e) {
        return fail(e.what(), kExitUsage);
    } catch (const khoj::Error& e) {
        return fail(e.what(), kExitIndex);
    } catch (const Xapian::Error& e) {
        return fail(e.get_description(), kExitIndex);
    } catch (const std::exception& e) {  // std::filesystem, std::stoul …: exit 3 rather than abort
        return fail(e.what(), kExitIndex);
    }
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    bool json = false;
    std::vector<std::string> words;  // of the query
    po::options_description visible("Options");
    visible.add_options()
        ("index,i", po::value<std::string>(&options.index), "index folder, or a stub file listing shards (README: Shards) (default: $KHOJ_INDEX)")
        ("limit,n", po::value<std::string>(&options.limit)->default_value("10"), "number of results (at least 1)")
        ("offset", po::value<std::string>(&options.offset)->default_value("0"), "skip this many results (paging)")
        ("format,f", po::value<std::string>(&options.format), "text, json (one object per line), tsv or trec")
        ("json", po::bool_switch(&json), "same as --format json")
        ("full", po::bool_switch(&options.full), "with --format json: add each hit's whole body, as extracted and stored")
        ("batch", po::value<std::string>(&options.batch), "run every qid<TAB>query line of FILE (- = stdin)")
        ("explain", po::bool_switch(&options.explain), "show on stderr which index terms each query word matched, and their weights")
        ("count", po::bool_switch(&options.count_only), "print only the number of matching articles")
        ("facets", po::bool_switch(&options.facets), "also print the top people, places, organisations and a month histogram of the best 1,000 matches (JSON: a final {\"facets\": …} line)")
        ("sort", po::value<std::string>(&options.sort), "relevance (default) or date (newest first)")
        ("all-copies", po::bool_switch(&options.request.all_copies), "every republished copy of a story as a hit of its own (default: the best one, marked +N similar)")
        ("allow-partial", po::bool_switch(&options.shards.allow_partial), "answer from the other shards when a remote shard is down or times out (a warning names it; exit 4) instead of failing (exit 3)")
        ("shard-timeout", po::value<std::string>(&options.shard_timeout), "seconds a remote shard may take to connect or answer one request (default 10; 0: no limit)")
        ("since", po::value<std::string>(&options.request.since), "only articles dated on or after YYYY-MM-DD")
        ("until", po::value<std::string>(&options.request.until), "only articles dated on or before YYYY-MM-DD")
        ("color", po::value<std::string>(&options.color), "auto (default; off when NO_COLOR is set or not a terminal), always, never")
        ("version", "print the version and exit")
        ("help,h", "show this help");
    po::options_description hidden;
    hidden.add_options()("query", po::value<std::vector<std::string>>(&words));
    po::options_description all;
    all.add(visible).add(hidden);
    po::positional_options_description positional;
    positional.add("query", -1);
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        return fail(std::string(e.what()) + "\nTry 'khoj-search --help'.", kExitUsage);
    }
    if (vm.count("help") || vm.count("version")) {
        if (vm.count("help")) std::cout << khoj_search::kUsage << visible << khoj_search::kMore;
        else std::cout << "khoj-search " << KHOJ_VERSION << "\n";
        return kExitHits;
    }
    if (json) options.format = "json";
    if (const char* env = std::getenv("KHOJ_INDEX"); options.index.empty() && env) options.index = env;
    std::string query;
    for (const auto& word : words) query += (query.empty() ? "" : " ") + word;
    if (options.index.empty()) return fail("no index given (use --index DIR or KHOJ_INDEX)\nTry 'khoj-search --help'.", kExitUsage);
    const bool interactive = query.empty() && options.batch.empty();
    if (interactive && !(isatty(STDIN_FILENO) && khoj::stdout_is_terminal()))
        return fail("no query given (the interactive prompt needs a terminal)\nTry 'khoj-search --help'.", kExitUsage);
    return run_checked(options, query, interactive);
}
