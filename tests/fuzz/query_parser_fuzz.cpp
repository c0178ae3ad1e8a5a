/** @file query_parser_fuzz.cpp @brief libFuzzer target: any bytes as a query through lex_query, parse_query and parse_date_filter; only khoj::UsageError may come out. */
#include "common/search/query_limits.h"
#include "common/search/query_parser.h"
#include "common/util/errors.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace {

// The depth of the clause tree: the parser must refuse what it cannot nest.
std::size_t depth_of(const std::vector<khoj::QueryClause>& clauses) {
    std::size_t deepest = 0;
    for (const auto& c : clauses) {
        if (c.kind == khoj::QueryClause::Kind::Group) deepest = std::max(deepest, 1 + depth_of(c.group));
    }
    return deepest;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        for (const khoj::QueryItem& item : khoj::lex_query(text)) {
            // Spans are what a respelling replaces: they must lie inside the query.
            if (item.begin > item.end || item.end > text.size()) __builtin_trap();
        }
    } catch (const khoj::UsageError&) {
    }
    try {
        const khoj::ParsedQuery parsed = khoj::parse_query(text);
        if (depth_of(parsed.clauses) > khoj::limits::kMaxNesting) __builtin_trap();
    } catch (const khoj::UsageError&) {
    }
    try {
        const khoj::DateFilter date = khoj::parse_date_filter(text);
        // Every date the filter compares is a whole day (YYYYMMDD) or a term of 4, 6 or 8 digits.
        if (date.span == khoj::DateFilter::Span::Range && ((!date.from.empty() && date.from.size() != 8) || (!date.to.empty() && date.to.size() != 8)))
            __builtin_trap();
        if (date.span == khoj::DateFilter::Span::Range && !date.from.empty() && !date.to.empty() && date.from > date.to) __builtin_trap();
    } catch (const khoj::UsageError&) {
    }
    return 0;
}
