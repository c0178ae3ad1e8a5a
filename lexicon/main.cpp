/** @file main.cpp @brief khoj-lexicon: the synonym tables of an archive's shards merged into one small lexicon, for search hosts of remote shards. */
#include "common/index/lexicon.h"
#include "common/output/terminal.h"
#include "common/util/errors.h"
#include "common/util/safe_line.h"

#include <boost/program_options.hpp>
#include <xapian.h>

#include <cstdio>
#include <iostream>

namespace po = boost::program_options;

namespace {

constexpr int kExitOk = 0, kExitUsage = 2, kExitIndex = 3, kExitLocked = 4;

const char* kUsage = R"(Usage: khoj-lexicon --output LEXICON SOURCE...

Makes the lexicon a search host needs for remote shards: romanised and English query words
(sharab, Shoigu) are expanded through each index's synonym table, which xapian-tcpsrv does not
serve, and weighed by word counts, which would cost a round trip each. SOURCE is a shard's
index folder or a lexicon made before; the lexicon written holds their synonym tables, word
counts and entity names merged, and no articles (1.2 MB for 340,000 articles in 4 shards of
463 MB). It replaces LEXICON atomically if that is a lexicon already (anything else there is
left alone and refused). Name it in the stub file with a line `# khoj-lexicon LEXICON`; for
local shards it is optional and names entities alike across shards.

Examples:
  khoj-lexicon --output /srv/khoj/shard2.lexicon /srv/khoj/shard2        # on each shard's machine, after khoj-index
  khoj-lexicon --output /srv/khoj/lexicon /srv/khoj/shard*.lexicon       # on the search host, after copying them

)";

const char* kExitCodes = R"(
Exit codes:
  0  the lexicon was written
  2  usage error
  3  a source cannot be read (missing, not an index or a lexicon, another analysis version),
     or the lexicon cannot be written (LEXICON holds something else, read-only, disk full)
  4  another khoj-lexicon is writing LEXICON (nothing was changed)
)";

int fail(const std::string& message, int code) {
    std::cerr << "khoj-lexicon: " << khoj::safe_line(message) << "\n";
    if (code == kExitUsage) std::cerr << "Try 'khoj-lexicon --help'.\n";
    return code;
}

}  // namespace

int main(int argc, char** argv) {
    std::string output;
    std::vector<std::string> sources;
    bool verbose = false;
    po::options_description visible("Options");
    visible.add_options()
        ("output,o", po::value(&output)->value_name("LEXICON"), "the lexicon to write (a folder)")
        ("verbose,v", po::bool_switch(&verbose), "print what was written even when not on a terminal")
        ("version", "print the version and exit")
        ("help,h", "show this help");
    po::options_description all;
    all.add(visible).add_options()("source", po::value(&sources));
    po::positional_options_description positional;
    positional.add("source", -1);
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        return fail(e.what(), kExitUsage);
    }
    if (vm.count("help")) {
        std::cout << kUsage << visible << kExitCodes;
        return kExitOk;
    }
    if (vm.count("version")) {
        std::cout << "khoj-lexicon " << KHOJ_VERSION << "\n";
        return kExitOk;
    }
    if (output.empty() || sources.empty())
        return fail(output.empty() ? "no --output LEXICON given" : "no SOURCE given", kExitUsage);
    try {
        const khoj::LexiconSummary s = khoj::write_lexicon(sources, output);
        if (verbose || khoj::stderr_is_terminal())
            std::fprintf(stderr, "khoj-lexicon: %s: %zu indexes, %zu romanisation keys (%zu entries), %zu word counts, %zu entity names, %.1f MB\n",
                         khoj::safe_line(output).c_str(), s.indexes, s.keys, s.entries, s.terms, s.names, static_cast<double>(s.bytes) / 1e6);
        return kExitOk;
    } catch (const khoj::IndexLockedError& e) {
        return fail(e.what(), kExitLocked);
    } catch (const khoj::UsageError& e) {
        return fail(e.what(), kExitUsage);
    } catch (const khoj::Error& e) {
        return fail(e.what(), kExitIndex);
    } catch (const Xapian::Error& e) {
        return fail(e.get_description(), kExitIndex);
    } catch (const std::exception& e) {
        return fail(e.what(), kExitIndex);
    }
}
