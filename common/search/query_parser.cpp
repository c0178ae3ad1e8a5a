/** @file query_parser.cpp @brief The query lexer, the recursive descent over its items, and date: filters. */
#include "common/search/query_parser.h"

#include "common/search/query_limits.h"
#include "common/util/errors.h"
#include "common/util/string_util.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <tuple>

namespace khoj {

namespace {

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// Sets the item's field when @p name (what precedes a colon) is one the syntax knows.
bool read_field(std::string_view name, QueryItem& item) {
    const std::string field = lower_ascii(std::string(name));
    if (field == "title") {
        item.field = QueryField::Title;
    } else if (field == "source") {
        item.field = QueryField::Source;
    } else if (field == "date") {
        item.field = QueryField::Date;
    } else if (std::optional<EntityKind> kind = kind_from_name(field)) {
        item.field = QueryField::Entity;
        item.entity = *kind;
    } else {
        return false;
    }
    return true;
}

// Reads the word or phrase at @p i (after any sign and field); advances @p i past it.
void read_text(std::string_view s, std::size_t& i, QueryItem& item) {
    if (i < s.size() && s[i] == '"') {
        std::size_t close = s.find('"', i + 1);
        if (close == std::string_view::npos) throw UsageError("unbalanced \" in query");
        item.kind = QueryItem::Kind::Phrase;
        item.text = std::string(s.substr(i + 1, close - i - 1));
        i = close + 1;
        return;
    }
    std::size_t end = s.find_first_of(" \t\r\n()", i);
    if (end == std::string_view::npos) end = s.size();
    item.text = std::string(s.substr(i, end - i));
    i = end;
    item.kind = QueryItem::Kind::Word;
    if (item.sign == 0 && item.field == QueryField::None) {
        if (item.text == "AND") item.kind = QueryItem::Kind::And;
        else if (item.text == "OR") item.kind = QueryItem::Kind::Or;
        else if (item.text == "NOT") item.kind = QueryItem::Kind::Not;
    }
}

// True for the digits of a year, month or day (YYYY, YYYYMM, YYYYMMDD) with a month 01–12 and
// a day that month can have (29 February in any year).
bool is_date_digits(const std::string& digits) {
    if (digits.size() != 4 && digits.size() != 6 && digits.size() != 8) return false;
    if (digits.size() == 4) return true;
    const int month = std::stoi(digits.substr(4, 2));
    if (month < 1 || month > 12) return false;
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return digits.size() == 6 || (std::stoi(digits.substr(6, 2)) >= 1 && std::stoi(digits.substr(6, 2)) <= kDays[month - 1]);
}

bool is_operator(QueryClause::Kind kind) {
    return kind == QueryClause::Kind::And || kind == QueryClause::Kind::Or || kind == QueryClause::Kind::Not;
}

// A recursive descent over the items: a sequence runs to ')' or the end. Nesting, distinct
// words and phrases are bounded by common/search/query_limits.h.
class Parser {
  public:
    explicit Parser(std::vector<QueryItem> items) : items_(std::move(items)) {}

    std::vector<QueryClause> sequence(std::size_t depth) {
        if (depth > limits::kMaxNesting)
            throw UsageError("brackets nested more than " + std::to_string(limits::kMaxNesting) + " deep in query");
        std::vector<QueryClause> clauses;
        // A word or phrase typed again in the same sequence, with no operator before either,
        // is read once: "कोरोना कोरोना" searches as "कोरोना" (10,000 repeats took 5.7 s).
        std::set<std::tuple<QueryClause::Kind, std::string, char, bool>> plain;
        while (true) {
            const QueryItem& item = peek();
            if (item.kind == QueryItem::Kind::End) {
                if (depth > 0) throw UsageError("unbalanced ( in query");
                break;
            }
            if (item.kind == QueryItem::Kind::Close) {
                if (depth == 0) throw UsageError("unbalanced ) in query");
                break;
            }
            ++next_;
            QueryClause c = clause(item, depth);
            const bool after_operator = !clauses.empty() && is_operator(clauses.back().kind);
            const bool text = c.kind == QueryClause::Kind::Word || c.kind == QueryClause::Kind::Phrase;
            if (text && !after_operator && !plain.emplace(c.kind, c.text, c.sign, c.title).second) continue;
            if (text) count_words(c);
            clauses.push_back(std::move(c));
        }
        return clauses;
    }

  private:
    const QueryItem& peek() const {
        static const QueryItem end{};
        return next_ < items_.size() ? items_[next_] : end;
    }

    // Adds the words of @p c to the distinct words of the query, and a phrase to its phrases.
    void count_words(const QueryClause& c) {
        std::size_t begin = 0;
        const std::string& t = c.text;
        while ((begin = t.find_first_not_of(" \t\r\n", begin)) != std::string::npos) {
            const std::size_t end = std::min(t.find_first_of(" \t\r\n", begin), t.size());
            words_.insert(t.substr(begin, end - begin));
            begin = end;
        }
        if (words_.size() > limits::kMaxWords)
            throw UsageError("query has more than " + std::to_string(limits::kMaxWords) + " different words");
        if (c.kind == QueryClause::Kind::Phrase && ++phrases_ > limits::kMaxPhrases)
            throw UsageError("query has more than " + std::to_string(limits::kMaxPhrases) + " phrases");
    }

    QueryClause clause(const QueryItem& item, std::size_t depth) {
        QueryClause c;
        c.text = item.text;
        c.sign = item.sign;
        switch (item.kind) {
            case QueryItem::Kind::And: c.kind = QueryClause::Kind::And; return c;
            case QueryItem::Kind::Or: c.kind = QueryClause::Kind::Or; return c;
            case QueryItem::Kind::Not: c.kind = QueryClause::Kind::Not; return c;
            case QueryItem::Kind::Open:
                c.kind = QueryClause::Kind::Group;
                c.group = sequence(depth + 1);
                ++next_;  // ')'
                return c;
            default: break;
        }
        switch (item.field) {
            case QueryField::Source: c.kind = QueryClause::Kind::Source; break;
            case QueryField::Date:
                c.kind = QueryClause::Kind::Date;
                c.date = parse_date_filter(item.text);
                break;
            case QueryField::Entity:
                c.kind = QueryClause::Kind::Entity;
                c.entity = item.entity;
                break;
            default:
                c.kind = item.kind == QueryItem::Kind::Phrase ? QueryClause::Kind::Phrase : QueryClause::Kind::Word;
                c.title = item.field == QueryField::Title;
                break;
        }
        return c;
    }

    std::vector<QueryItem> items_;
    std::size_t next_ = 0;
    std::set<std::string> words_;  // distinct words seen so far, phrases' words included
    std::size_t phrases_ = 0;
};

}  // namespace

std::vector<QueryItem> lex_query(std::string_view s) {
    std::vector<QueryItem> items;
    std::size_t i = 0;
    while (i < s.size()) {
        if (is_space(s[i])) {
            ++i;
            continue;
        }
        QueryItem item;
        item.begin = i;
        if (s[i] == '(' || s[i] == ')') {
            item.kind = s[i] == '(' ? QueryItem::Kind::Open : QueryItem::Kind::Close;
            item.end = ++i;
            items.push_back(item);
            continue;
        }
        if ((s[i] == '+' || s[i] == '-') && i + 1 < s.size() && !is_space(s[i + 1])) item.sign = s[i++];
        if (item.sign != 0 && s[i] == '(') {  // -( … ) excludes the group, +( … ) requires it
            item.kind = QueryItem::Kind::Open;
            item.end = ++i;
            items.push_back(item);
            continue;
        }
        const std::size_t colon = s.find(':', i);
        const std::size_t stop = s.find_first_of(" \t\r\n()\"", i);
        if (colon != std::string_view::npos && colon < stop && read_field(s.substr(i, colon - i), item)) i = colon + 1;
        read_text(s, i, item);
        item.end = i;
        // A sign or field with nothing after it ("+(", "title: ") adds nothing.
        if (!item.text.empty() || item.kind != QueryItem::Kind::Word) items.push_back(item);
    }
    return items;
}

DateFilter parse_date_filter(std::string_view text) {
    DateFilter filter;
    const std::size_t dots = text.find("..");
    if (dots != std::string_view::npos) {
        filter.span = DateFilter::Span::Range;
        filter.from = digits_only(text.substr(0, dots));
        filter.to = digits_only(text.substr(dots + 2));
        if (filter.from.empty() && filter.to.empty()) throw UsageError("date range needs FROM..TO, e.g. date:2023-07-01..2023-07-31");
        for (const auto& [digits, typed] : {std::pair{filter.from, text.substr(0, dots)}, std::pair{filter.to, text.substr(dots + 2)}}) {
            if (!digits.empty() && !is_date_digits(digits))
                throw UsageError("cannot read date '" + std::string(typed) + "' in date:" + std::string(text) +
                                 ": use YYYY, YYYY-MM or YYYY-MM-DD at either end");
        }
        // A year or month at either end stands for its first and last day.
        while (!filter.from.empty() && filter.from.size() < 8) filter.from += "01";
        if (!filter.to.empty() && filter.to.size() < 8) filter.to += filter.to.size() == 4 ? "1231" : "31";
        // Xapian reads a reversed range as matching nothing, and the builder then dropped the
        // filter: every article matched. A reversed range is a typo, so it is reported.
        if (!filter.from.empty() && !filter.to.empty() && filter.from > filter.to)
            throw UsageError("date range date:" + std::string(text) + " ends before it starts");
        return filter;
    }
    filter.from = digits_only(text);
    if (!is_date_digits(filter.from))
        throw UsageError("cannot read date '" + std::string(text) + "': use YYYY, YYYY-MM, YYYY-MM-DD or FROM..TO");
    filter.span = filter.from.size() == 8 ? DateFilter::Span::Day : filter.from.size() == 6 ? DateFilter::Span::Month : DateFilter::Span::Year;
    return filter;
}

ParsedQuery parse_query(std::string_view text) {
    std::vector<QueryItem> items = lex_query(text);
    ParsedQuery parsed;
    parsed.item_count = items.size();
    Parser parser(std::move(items));
    parsed.clauses = parser.sequence(0);
    return parsed;
}

}  // namespace khoj
