/** @file result_writer.cpp @brief One query's results onto the result and message streams. */
#include "common/output/result_writer.h"

#include "common/output/terminal.h"
#include "common/util/errors.h"

#include <algorithm>
#include <charconv>
#include <optional>

namespace khoj {

OutputFormat output_format_from_name(std::string_view name) {
    if (name == "text") return OutputFormat::Text;
    if (name == "json") return OutputFormat::Json;
    if (name == "tsv") return OutputFormat::Tsv;
    if (name == "trec") return OutputFormat::Trec;
    throw UsageError("--format takes text, json, tsv or trec, not '" + std::string(name) + "'");
}

SortOrder sort_order_from_name(std::string_view name) {
    if (name == "relevance") return SortOrder::Relevance;
    if (name == "date") return SortOrder::Date;
    throw UsageError("--sort takes relevance or date, not '" + std::string(name) + "'");
}

std::size_t page_option(std::string_view option, std::string_view value, std::size_t minimum) {
    std::size_t number = 0;
    const char* end = value.data() + value.size();
    const bool digits = !value.empty() && value.find_first_not_of("0123456789") == std::string_view::npos;
    const auto [stop, error] = std::from_chars(value.data(), end, number);
    if (digits && error == std::errc::result_out_of_range) throw UsageError(std::string(option) + " " + std::string(value) + " is too large");
    if (!digits || error != std::errc() || stop != end || number < minimum)
        throw UsageError(std::string(option) + " takes a whole number of at least " + std::to_string(minimum) + ", not '" + std::string(value) + "'");
    return number;
}

void apply_output_policy(SearchRequest& request, OutputFormat format, bool count_only) {
    request.snippets = format == OutputFormat::Text || format == OutputFormat::Json;
    request.suggest = format == OutputFormat::Text;
    // --count is asked for the number itself: counted exactly. The text summary counts exactly
    // up to a bound and says "about" past it; other formats show no count.
    request.count = count_only ? MatchCount::Exact : format == OutputFormat::Text ? MatchCount::Bounded : MatchCount::Estimate;
    request.copy_ids = format == OutputFormat::Json;
}

void apply_output_policy(SearchRequest& request, const OutputOptions& options) {
    if (options.full && options.format != OutputFormat::Json) throw UsageError("--full needs --format json");
    apply_output_policy(request, options.format, options.count_only);
}

void load_full_articles(SearchResult& result, Searcher& searcher) {
    for (Hit& hit : result.hits) {
        if (std::optional<Article> article = searcher.article(hit.article.id)) hit.article.body = std::move(article->body);
    }
}

namespace {

std::string format_hit(const Hit& hit, const std::string& qid, const OutputOptions& options) {
    switch (options.format) {
        case OutputFormat::Text: return format_hit_text(hit, options.style);
        case OutputFormat::Json: return format_hit_json(hit, qid, options.full);
        case OutputFormat::Tsv: return format_hit_tsv(hit, qid);
        case OutputFormat::Trec: return format_hit_trec(hit, qid);
    }
    return {};
}

std::string summary(const SearchResult& result) {
    if (result.hits.empty()) return "no articles matched";
    return (result.count_exact ? "" : "about ") + std::to_string(result.matches_estimated) +
           (result.matches_estimated == 1 ? " matching article" : " matching articles");
}

}  // namespace

std::size_t write_results(const SearchResult& result, const std::string& qid, const OutputOptions& options, const Xapian::Database& db,
                          std::ostream& out, std::ostream& messages) {
    if (options.explain) messages << format_explanation(result.built, db, options.style.color);
    if (options.count_only) {
        out << (qid.empty() ? "" : qid + "\t") << result.matches_estimated << "\n";
        return result.matches_estimated;
    }
    const bool text = options.format == OutputFormat::Text;
    if (result.facets.computed && text) out << format_facets_text(result.facets, options.style.color) << "\n";
    for (const auto& hit : result.hits) out << format_hit(hit, qid, options) << "\n";
    if (result.facets.computed && options.format == OutputFormat::Json) out << format_facets_json(result.facets) << "\n";
    if (text && !result.suggestion.empty()) messages << "did you mean: " << printable_line(result.suggestion) << "\n";
    if (text && qid.empty()) messages << summary(result) << "\n";
    return result.hits.size();
}

std::size_t search_and_write(Searcher& searcher, const SearchRequest& request, const std::string& qid, const OutputOptions& options,
                             std::ostream& out, std::ostream& messages) {
    SearchResult result = searcher.search(request);
    if (options.full && !options.count_only) load_full_articles(result, searcher);
    const std::size_t written = write_results(result, qid, options, searcher.database(), out, messages);
    // Out before the next batch line is read: a script feeding queries through a pipe waits for
    // each answer, and a batch that fails later keeps the answers before it.
    out.flush();
    return written;
}

std::vector<std::string> missing_shard_warnings(const std::vector<std::string>& missing, std::size_t listed, std::set<std::string>& warned) {
    std::vector<std::string> warnings;
    const std::size_t answering = listed - std::min(listed, missing.size());
    for (const std::string& name : missing) {
        if (!warned.insert(name).second) continue;
        warnings.push_back("shard " + name + " is unreachable; results are from " + std::to_string(answering) + " of " + std::to_string(listed) + " shards");
    }
    return warnings;
}

}  // namespace khoj
