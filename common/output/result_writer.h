/** @file result_writer.h @brief The output contract of khoj-search (docs/output.md): which stream gets what, in which order, for each format. */
#pragma once
#include "common/output/result_format.h"
#include "common/search/searcher.h"

#include <xapian.h>

#include <cstddef>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace khoj {

/// How results are written: the format and the options that change what is written.
struct OutputOptions {
    OutputFormat format = OutputFormat::Text;
    TextStyle style;          ///< colour and width of text output (also colours --explain)
    bool count_only = false;  ///< --count: only the number of matches
    bool explain = false;     ///< --explain: how each query word was read, on the message stream
    bool full = false;        ///< --full: JSON hits carry the article's whole body (load_full_articles)
};

/// The format named @p name (text, json, tsv, trec); throws khoj::UsageError on any other.
OutputFormat output_format_from_name(std::string_view name);

/// The order named by --sort @p name (relevance, date); throws khoj::UsageError on any other.
SortOrder sort_order_from_name(std::string_view name);

/// Reads the number given to -n (@p minimum 1) or --offset (@p minimum 0), @p option naming
/// it: decimal digits only, so "-1" is refused instead of being read as 2^64 − 1. Throws
/// khoj::UsageError ("-n takes a whole number of at least 1, not '-1'") on anything else, on
/// less than @p minimum and on a number of more than 64 bits. Any larger page than the index
/// holds is allowed: Searcher cuts it to the index.
std::size_t page_option(std::string_view option, std::string_view value, std::size_t minimum);

/// Asks a request for what @p format shows, and only that: snippets and highlights for text
/// and JSON, a did-you-mean for text, an exact match count for text ("37 matching articles")
/// and for --count, the ids of collapsed copies for JSON (text shows only their number). The
/// same for the command line and the prompt.
void apply_output_policy(SearchRequest& request, OutputFormat format, bool count_only);

/// apply_output_policy() for the options of the command line; throws khoj::UsageError when
/// --full is asked for with a format other than JSON, which has no place for a body.
void apply_output_policy(SearchRequest& request, const OutputOptions& options);

/// Puts each hit's whole stored article back into @p result (a search keeps only the snippet of
/// its body): what --full writes.
void load_full_articles(SearchResult& result, Searcher& searcher);

/// Writes one query's results by docs/output.md: results on @p out and nothing else there;
/// the --explain report, the did-you-mean and the text summary ("3 matching articles", only
/// outside batch mode) on @p messages. Text facets come before the hits, JSON facets as the
/// line after them; --count writes only the number (`qid<TAB>number` in batch mode). @p qid is
/// empty outside batch mode; @p db gives --explain its article counts. Returns the number of
/// hits written, or for --count the number of matches.
std::size_t write_results(const SearchResult& result, const std::string& qid, const OutputOptions& options, const Xapian::Database& db,
                          std::ostream& out, std::ostream& messages);

/// The warnings for the shards of @p missing (Searcher::missing_shards, of @p listed shards)
/// that @p warned does not hold yet, which are added to it, so that a batch names a lost shard
/// once: "shard remote 10.0.0.3:33333 is unreachable; results are from 2 of 3 shards".
std::vector<std::string> missing_shard_warnings(const std::vector<std::string>& missing, std::size_t listed, std::set<std::string>& warned);

/// Runs @p request and writes its results by write_results(), the whole articles loaded first
/// for --full, and flushes @p out. Returns what write_results() returns.
std::size_t search_and_write(Searcher& searcher, const SearchRequest& request, const std::string& qid, const OutputOptions& options,
                             std::ostream& out, std::ostream& messages);

}  // namespace khoj
