/** @file main.cpp @brief khoj-index: builds or updates a Khoj index from .txt, .jsonl, HTML and WARC news articles. */
#include "common/index/index_stats.h"
#include "common/index/indexing_job.h"
#include "common/output/terminal.h"
#include "common/util/errors.h"
#include "common/util/safe_line.h"

#include <boost/program_options.hpp>
#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace po = boost::program_options;

namespace {

constexpr int kExitOk = 0, kExitRejects = 1, kExitUsage = 2, kExitIndex = 3, kExitLocked = 4;

const char* kUsage = R"(Usage: khoj-index [--index DIR] PATH...

Builds or updates a Khoj index of Hindi news articles. PATH is a file or a folder
(searched recursively):
  *.txt     one article per file: the first line that is not site chrome or a section
            label is the headline; the id is the path relative to PATH, without .txt
  *.jsonl   one article per line: {"id", "title", "body", "date", "source", "url"}
            (id required; date YYYY-MM-DD or ISO 8601)
  *.html, *.htm, *.warc, *.warc.gz   news pages and web archives (id: the page's URL)
Site chrome (app banners, bylines, share buttons, related links) and lines most articles of
a source repeat are left out. Re-indexing an id replaces that article; unchanged files (size,
modification time) and articles are skipped. Quiet when not on a terminal (cron) unless something is wrong; a
progress line on a terminal. Bad input (invalid UTF-8, malformed JSON or HTML, oversized
articles, unreadable files) is reported as FILE:LINE: message and skipped; the rest is indexed.

Examples:
  khoj-index --index ~/khoj-index sample_corpus/
  KHOJ_INDEX=/srv/khoj khoj-index /srv/news/2020-04-01.jsonl
  khoj-index --index /srv/khoj --prune --compact /srv/news/     # nightly, from cron
  khoj-index --index /srv/khoj --stats

)";

const char* kExitCodes = R"(
Exit codes:
  0  all input indexed
  1  completed, but some input was rejected (see the messages)
  2  usage error
  3  the index cannot be opened or written (damaged, not an index, read-only, other version)
  4  another khoj-index is updating this index (nothing was changed)
)";

// Prints --stats; errors propagate to main().
int print_statistics(const std::string& index) {
    auto st = khoj::index_statistics(index);
    std::printf("index:            %s\ndocuments:        %zu\nbytes on disk:    %ju\nindexed files:    %zu\n"
                "last update:      %s\nanalysis version: %s\nzstd dictionary:  %u\nwhere the bytes go:\n",
                index.c_str(), st.documents, st.bytes_on_disk, st.indexed_files, st.last_update.c_str(),
                st.analysis_version.c_str(), st.dictionary_id);
    for (const auto& part : st.parts) {
        std::printf("  %-16s %12ju  (%4.1f%%)  %s\n", part.name.c_str(), part.bytes,
                    100.0 * static_cast<double>(part.bytes) / static_cast<double>(std::max<std::uintmax_t>(st.bytes_on_disk, 1)), part.note.c_str());
    }
    auto ratio = [&](std::uintmax_t b) { return b ? static_cast<double>(st.stored_plain) / static_cast<double>(b) : 0.0; };
    std::printf("stored articles:  %ju bytes → %ju with zstd + dictionary (%.2f:1), %ju with plain zstd (%.2f:1)\n",
                st.stored_plain, st.stored_compressed, ratio(st.stored_compressed), st.stored_without_dictionary,
                ratio(st.stored_without_dictionary));
    return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
    khoj::IndexingOptions options;
    bool quiet = false, verbose = false, stats = false;
    po::options_description visible("Options");
    visible.add_options()
        ("index,i", po::value<std::string>(&options.index), "index folder (default: $KHOJ_INDEX)")
        ("prune", po::bool_switch(&options.prune), "delete articles whose input file no longer exists")
        ("compact", po::bool_switch(&options.compact), "compact the index after updating it, without term lists: the smallest index (the first later replace or delete restores them)")
        ("force", po::bool_switch(&options.force), "re-read input files even if their size and time are unchanged")
        ("stats", po::bool_switch(&stats), "print document count, size, last update, analysis version and where the bytes go, then exit")
        ("shard", po::value<std::string>(&options.shard), "K/N: index only the articles whose id hashes to shard K of N (0 <= K < N), one khoj-index run per shard")
        ("keep-termlist", po::bool_switch(&options.keep_termlist), "keep (or restore, after --compact too) the term lists, a third of the index: xapian-tcpsrv needs them to hand out articles of a remote shard")
        ("batch-size", po::value<std::size_t>(&options.batch_size)->default_value(5000), "articles per commit")
        ("quiet,q", po::bool_switch(&quiet), "print only errors, even on a terminal")
        ("verbose,v", po::bool_switch(&verbose), "print the summary even when not on a terminal")
        ("version", "print the version and exit")
        ("help,h", "show this help");
    po::options_description hidden;
    hidden.add_options()("path", po::value<std::vector<std::string>>(&options.paths));
    po::options_description all;
    all.add(visible).add(hidden);
    po::positional_options_description positional;
    positional.add("path", -1);
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        std::cerr << "khoj-index: " << e.what() << "\nTry 'khoj-index --help'.\n";
        return kExitUsage;
    }
    if (vm.count("help") || vm.count("version")) {
        if (vm.count("help")) std::cout << kUsage << visible << kExitCodes;
        else std::cout << "khoj-index " << KHOJ_VERSION << "\n";
        return kExitOk;
    }
    if (const char* env = std::getenv("KHOJ_INDEX"); options.index.empty() && env) options.index = env;
    if (options.index.empty() || (options.paths.empty() && !stats)) {
        std::cerr << "khoj-index: " << (options.index.empty() ? "no index given (use --index DIR or KHOJ_INDEX)" : "no input PATH given")
                  << "\nTry 'khoj-index --help'.\n";
        return kExitUsage;
    }
    const bool tty = khoj::stderr_is_terminal();
    khoj::ProgressBar progress(tty && !quiet);
    // One line per message, names made harmless: a file name can hold a newline or an escape.
    auto say = [&](const std::string& message) {
        progress.clear();
        std::cerr << "khoj-index: " << khoj::safe_line(message) << "\n";
    };
    auto fail = [&](const std::string& message, int code) { say(message); return code; };
    try {
        if (stats) return print_statistics(options.index);
        const khoj::IndexingSummary summary = khoj::IndexingJob(
            options,
            [&](const khoj::Diagnostic& d) { say(d.file + (d.line ? ":" + std::to_string(d.line) : "") + ": " + d.message); },
            [&](const khoj::IndexingSummary& s) { progress.update(s.added + s.updated + s.unchanged, s.bytes, s.total_bytes, s.seconds); })
            .run();
        progress.clear();
        if ((tty && !quiet) || verbose) {
            const std::string records = summary.skipped_records ? ", " + std::to_string(summary.skipped_records) + " web-archive records skipped (no HTML page)" : "";
            std::fprintf(stderr, "khoj-index: %zu added, %zu updated, %zu unchanged, %zu deleted, %zu rejected, %zu files skipped as unchanged%s, in %.1f s\n",
                         summary.added, summary.updated, summary.unchanged, summary.deleted, summary.rejected, summary.skipped_files, records.c_str(), summary.seconds);
        }
        return summary.rejected ? kExitRejects : kExitOk;
    } catch (const khoj::IndexLockedError& e) {
        return fail(e.what(), kExitLocked);
    } catch (const khoj::UsageError& e) {  // a bad --shard
        return fail(e.what(), kExitUsage);
    } catch (const khoj::Error& e) {
        return fail(e.what(), kExitIndex);
    } catch (const Xapian::Error& e) {
        return fail(e.get_description(), kExitIndex);
    } catch (const std::exception& e) {  // e.g. out of memory: still exit 3, with a message
        return fail(e.what(), kExitIndex);
    }
}
