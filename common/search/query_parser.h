/** @file query_parser.h @brief The query syntax alone: words, "phrases", AND / OR / NOT, +/-, ( … ) and field:value filters, read into a clause tree without the index. */
#pragma once
#include "common/entities/entities.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace khoj {

/// The field a word or phrase was typed under (`title:`, `source:`, `date:`, `person:` …).
enum class QueryField { None, Title, Source, Date, Entity };

/// One lexical item of a query: a word, a phrase, a bracket or an operator.
struct QueryItem {
    enum class Kind { Word, Phrase, Open, Close, And, Or, Not, End };
    Kind kind = Kind::End;
    std::string text;                         ///< the word, or the phrase without its quotes
    QueryField field = QueryField::None;      ///< for Word and Phrase
    EntityKind entity = EntityKind::Person;   ///< for QueryField::Entity: which of person:, place:, org:
    char sign = 0;                            ///< '+' (required), '-' (excluded) or 0
    std::size_t begin = 0;                    ///< byte offset in the query, sign and field included
    std::size_t end = 0;                      ///< byte offset one past the item (the closing quote included)
};

/// Splits a query into items at white space and brackets. AND, OR and NOT are operators only in
/// capitals and without a sign or field; an unknown field (`http:`) stays part of the word; a
/// sign before a bracket (`-(`, `+(`) is the sign of the group it opens.
/// Throws khoj::UsageError on an unbalanced `"`.
std::vector<QueryItem> lex_query(std::string_view text);

/// A `date:` filter: one day, month or year, or a range of days.
struct DateFilter {
    enum class Span { Day, Month, Year, Range };
    Span span = Span::Day;
    std::string from;  ///< Day / Month / Year: YYYYMMDD, YYYYMM or YYYY; Range: first day (empty: open)
    std::string to;    ///< Range only: last day (empty: open)
};

/// Reads what follows `date:`: `2020`, `2020-04`, `2020-04-01`, or `FROM..TO` with either end
/// left out (a range's year or month is widened to its first and last day). Throws
/// khoj::UsageError on anything else: another number of digits, a month not 01–12, a day the
/// month lacks, or a range that ends before it starts.
DateFilter parse_date_filter(std::string_view text);

/// One element of a query sequence: a clause to search for, or an operator between clauses.
struct QueryClause {
    enum class Kind { Word, Phrase, Group, Source, Date, Entity, And, Or, Not };
    Kind kind = Kind::Word;
    std::string text;                        ///< the word, phrase, source or entity name as typed
    char sign = 0;                           ///< '+' (required), '-' (excluded) or 0
    bool title = false;                      ///< Word and Phrase typed under `title:`
    EntityKind entity = EntityKind::Person;  ///< Entity: the kind of the filter
    DateFilter date;                         ///< Date: the filter read from text
    std::vector<QueryClause> group;          ///< Group: the sequence between ( and )
};

/// A query read into clauses, in the order typed. Operators stay in the sequence: how they
/// combine clauses depends on which clauses find terms in the index (QueryBuilder decides).
struct ParsedQuery {
    std::vector<QueryClause> clauses;
    std::size_t item_count = 0;  ///< lexical items, brackets and operators included
};

/// Parses @p text; throws khoj::UsageError on an unbalanced quote, else on the first unbalanced
/// bracket, unreadable date or bound of common/search/query_limits.h passed (nesting, distinct
/// words, phrases) met reading from the left (a bracket left open is met at the end). A word or
/// phrase repeated in one sequence, with no operator before either, is kept once.
ParsedQuery parse_query(std::string_view text);

}  // namespace khoj
