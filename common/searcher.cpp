/** @file searcher.cpp @brief Ranked search with BM25, filters, snippets, and reopen-on-modification. */
#include "common/searcher.h"

#include "common/errors.h"
#include "common/index_writer.h"
#include "common/schema.h"

#include <set>

namespace khoj {

Searcher::Searcher(const std::string& index_path) : path_(index_path), db_(open_index_for_reading(index_path)) {
    codec_.load_dictionaries(db_);
}

std::optional<Article> Searcher::article(const std::string& id) {
    const std::string term = prefix::kId + id;
    for (int attempt = 0;; ++attempt) {
        try {
            auto it = db_.postlist_begin(term);
            if (it == db_.postlist_end(term)) return std::nullopt;
            return article_from_json(codec_.decompress(db_.get_document(*it).get_data()));
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == 3) throw IndexError("index " + path_ + " keeps changing under the search; try again");
            db_.reopen();
            codec_.load_dictionaries(db_);
        }
    }
}

SearchResult Searcher::search(const SearchRequest& request) {
    for (int attempt = 0;; ++attempt) {
        try {
            return run(request);
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == 3) throw IndexError("index " + path_ + " keeps changing under the search; try again");
            db_.reopen();
            codec_.load_dictionaries(db_);
        }
    }
}

namespace {

std::string compact(const std::string& date) {
    std::string out;
    for (char c : date) {
        if (c >= '0' && c <= '9') out += c;
    }
    return out;
}

}  // namespace

SearchResult Searcher::run(const SearchRequest& request) {
    SearchResult result;
    QueryBuilder builder(db_);
    result.built = builder.build(request.query);
    Xapian::Query query = result.built.query;
    if (!request.since.empty() || !request.until.empty()) {
        std::string from = request.since.empty() ? "00000000" : compact(request.since);
        std::string to = request.until.empty() ? "99999999" : compact(request.until);
        Xapian::Query range(Xapian::Query::OP_VALUE_RANGE, slot::kDate, from, to);
        query = query.empty() ? range : Xapian::Query(Xapian::Query::OP_FILTER, query, range);
    }
    if (query.empty()) return result;
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    // Lucene's BM25 defaults (k1 = 1.2, b = 0.75), so comparisons with the anchor are like for like.
    enquire.set_weighting_scheme(Xapian::BM25Weight(1.2, 0, 1, 0.75, 0.5));
    if (request.sort == SortOrder::Date) enquire.set_sort_by_value_then_relevance(slot::kDate, true);
    Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset), static_cast<Xapian::doccount>(request.limit));
    result.matches_estimated = mset.get_matches_estimated();
    result.matches_lower_bound = mset.get_matches_lower_bound();
    std::set<std::string> terms;
    if (request.snippets) terms.insert(query.get_terms_begin(), query.get_terms_end());
    TermMatcher matcher(std::move(terms));
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Hit hit;
        hit.rank = static_cast<std::size_t>(it.get_rank()) + 1;
        hit.score = it.get_weight();
        if (!request.load_articles) {
            result.hits.push_back(std::move(hit));
            continue;
        }
        hit.article = article_from_json(codec_.decompress(it.get_document().get_data()));
        if (request.snippets) {
            hit.title = highlight_all(hit.article.title, matcher, analyzer_);
            hit.snippet = make_snippet(hit.article.body, matcher, analyzer_);
        } else {
            hit.title.text = hit.article.title;
        }
        hit.article.body.clear();
        result.hits.push_back(std::move(hit));
    }
    return result;
}

}  // namespace khoj
