/** @file searcher.cpp @brief Ranked search with BM25, filters, snippets, and reopen-on-modification. */
#include "common/searcher.h"

#include "common/errors.h"
#include "common/index_writer.h"
#include "common/schema.h"
#include "common/spelling_suggester.h"
#include "common/unicode_text.h"

#include <algorithm>
#include <map>
#include <set>

namespace khoj {

Searcher::Searcher(const std::string& index_path) : path_(index_path) { open_folder(); }

void Searcher::open_folder() {
    // A khoj-index commit can land between opening and reading the metadata.
    for (int attempt = 0;; ++attempt) {
        db_ = open_index_for_reading(path_, &folder_);
        try {
            codec_.load_dictionaries(db_);
            break;
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == 3) throw IndexError("index " + path_ + " keeps changing under the search; try again");
        }
    }
    builder_.emplace(db_, &codec_);
    facet_postings_.reset();
}

void Searcher::refresh() {
    if (folder_identity(path_) == folder_) {
        try {
            if (db_.reopen()) {
                codec_.load_dictionaries(db_);
                facet_postings_.reset();
            }
        } catch (const Xapian::Error&) {
            // The folder was swapped during the reopen; opened afresh below.
        }
        if (folder_identity(path_) == folder_) return;
    }
    // Compaction or a term-list restore put a new folder in place: the old one's files are
    // unlinked, never modified, so Xapian would go on serving the old snapshot unasked.
    open_folder();
}

namespace {

constexpr std::pair<const char*, EntityKind> kEntityPrefixes[] = {
    {prefix::kPerson, EntityKind::Person}, {prefix::kPlace, EntityKind::Place}, {prefix::kOrganisation, EntityKind::Organisation}};

}  // namespace

void Searcher::reopen() {
    if (folder_identity(path_) != folder_) return open_folder();
    db_.reopen();
    codec_.load_dictionaries(db_);
    facet_postings_.reset();
}

const Searcher::FacetPostings& Searcher::facet_postings() {
    if (facet_postings_) return *facet_postings_;
    FacetPostings f;
    for (const char* facet_prefix : {prefix::kMonth, prefix::kPerson, prefix::kPlace, prefix::kOrganisation}) {
        for (auto t = db_.allterms_begin(facet_prefix); t != db_.allterms_end(facet_prefix); ++t) {
            const auto index = static_cast<std::uint32_t>(f.terms.size());
            f.terms.push_back(*t);
            for (auto p = db_.postlist_begin(*t); p != db_.postlist_end(*t); ++p) f.postings.emplace_back(*p, index);
        }
    }
    std::sort(f.postings.begin(), f.postings.end());
    facet_postings_ = std::move(f);
    return *facet_postings_;
}

void Searcher::attach_entities(const std::vector<std::pair<Xapian::docid, Article*>>& articles) {
    if (articles.empty()) return;
    const FacetPostings& f = facet_postings();
    for (const auto& [did, article] : articles) {
        auto it = std::lower_bound(f.postings.begin(), f.postings.end(), std::pair<Xapian::docid, std::uint32_t>{did, 0});
        // Terms are in prefix order (M, XP, XL, XO) and sorted within each: people, places, organisations.
        for (; it != f.postings.end() && it->first == did; ++it) {
            const std::string& term = f.terms[it->second];
            for (const auto& [entity_prefix, kind] : kEntityPrefixes) {
                if (term.rfind(entity_prefix, 0) != 0) continue;
                const std::string names = db_.get_metadata(metadata::kEntityPrefix + term);
                const auto tab = names.find('\t');
                Entity e;
                e.kind = kind;
                e.name = names.substr(0, tab);
                if (tab != std::string::npos) e.name_en = names.substr(tab + 1);
                if (!e.name.empty()) article->entities.push_back(std::move(e));
            }
        }
    }
}

std::optional<Article> Searcher::article(const std::string& id) {
    const std::string term = prefix::kId + id;
    refresh();
    for (int attempt = 0;; ++attempt) {
        try {
            auto it = db_.postlist_begin(term);
            if (it == db_.postlist_end(term)) return std::nullopt;
            Article a = article_from_record(codec_.decompress(db_.get_document(*it).get_value(slot::kRecord)));
            attach_entities({{*it, &a}});
            return a;
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == 3) throw IndexError("index " + path_ + " keeps changing under the search; try again");
            reopen();
        }
    }
}

SearchResult Searcher::search(const SearchRequest& request) {
    refresh();
    for (int attempt = 0;; ++attempt) {
        try {
            return run(request);
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == 3) throw IndexError("index " + path_ + " keeps changing under the search; try again");
            reopen();
        }
    }
}

namespace {

// Below this many matches a query is offered a respelling.
constexpr Xapian::doccount kFewMatches = 5;

// The index holds stems only, so उपलब्धि and उपलब्ध score alike. The best-ranked articles are
// re-ranked by whether they use the very spelling meant: this much extra score when every query
// word appears in that form (set on the dev topics).
constexpr double kPreferredFormBonus = 3.0;
// How many of the best-ranked articles are re-ranked: each costs a record read and decompression;
// 20, 30 and 50 score the same on the dev topics; 30 instead of 50 cuts the median search time
// by a third (scripts/bench-search).
constexpr Xapian::doccount kRerankDepth = 30;

double preferred_form_share(const Article& a, const std::vector<std::vector<std::string>>& forms) {
    std::size_t found = 0;
    for (const auto& word : forms) {
        for (const std::string& form : word) {
            if (contains_whole_word(a.title, form) || contains_whole_word(a.body, form)) {
                ++found;
                break;
            }
        }
    }
    return static_cast<double>(found) / static_cast<double>(forms.size());
}

// Records every matching document. Xapian calls a MatchSpy for each document the matcher
// examines; with check_at_least = doccount that is every match, so the facet counts are exact.
class MatchRecorder : public Xapian::MatchSpy {
  public:
    void operator()(const Xapian::Document& doc, double) override {
        const Xapian::docid did = doc.get_docid();
        if (did >= matched.size()) matched.resize(did + 1);
        matched[did] = true;
    }
    std::vector<bool> matched;
};

std::string compact(const std::string& date) {
    std::string out;
    for (char c : date) {
        if (c >= '0' && c <= '9') out += c;
    }
    return out;
}

}  // namespace

Facets Searcher::collect_facets(const std::vector<bool>& matched, std::size_t limit) {
    const FacetPostings& f = facet_postings();
    std::vector<std::size_t> by_term(f.terms.size());
    for (const auto& [did, term] : f.postings) {
        if (did < matched.size() && matched[did]) ++by_term[term];
    }
    std::map<std::string, std::size_t> counts;
    for (std::size_t t = 0; t < by_term.size(); ++t) {
        if (by_term[t]) counts[f.terms[t]] = by_term[t];
    }
    Facets facets;
    facets.computed = true;
    for (const auto& [term, count] : counts) {
        if (term[0] == 'M') {
            facets.months.push_back({term.substr(1, 4) + "-" + term.substr(5, 2), "", count});
            continue;
        }
        std::string names = db_.get_metadata(metadata::kEntityPrefix + term);
        auto tab = names.find('\t');
        FacetCount f{names.substr(0, tab), tab == std::string::npos ? std::string() : names.substr(tab + 1), count};
        if (term.rfind(prefix::kPerson, 0) == 0) facets.people.push_back(f);
        else if (term.rfind(prefix::kPlace, 0) == 0) facets.places.push_back(f);
        else facets.organisations.push_back(f);
    }
    for (auto* list : {&facets.people, &facets.places, &facets.organisations}) {
        std::stable_sort(list->begin(), list->end(), [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
        if (list->size() > limit) list->resize(limit);
    }
    return facets;
}

SearchResult Searcher::run(const SearchRequest& request) {
    SearchResult result;
    result.built = builder_->build(request.query);
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
    MatchRecorder spy;
    if (request.facets) enquire.add_matchspy(&spy);
    // Re-ranking touches exactly the best kRerankDepth hits, whatever page is asked for, so
    // consecutive pages never repeat or skip an article; hits below them keep Xapian's order.
    const bool rerank = request.sort == SortOrder::Relevance && !result.built.preferred_forms.empty();
    const Xapian::doccount depth = rerank ? kRerankDepth : 0;
    const auto offset = static_cast<Xapian::doccount>(request.offset), limit = static_cast<Xapian::doccount>(request.limit);
    const Xapian::doccount check = request.facets || request.exact_count ? db_.get_doccount() : 0;
    Xapian::MSet mset = rerank ? enquire.get_mset(0, std::max(depth, offset + limit), check) : enquire.get_mset(offset, limit, check);
    if (request.facets) result.facets = collect_facets(spy.matched, request.facet_limit);
    result.matches_estimated = mset.get_matches_estimated();
    if (request.suggest && mset.get_matches_upper_bound() < kFewMatches) result.suggestion = SpellingSuggester(db_).suggest(request.query);
    result.matches_lower_bound = mset.get_matches_lower_bound();
    std::set<std::string> terms;
    if (request.snippets) terms.insert(query.get_terms_begin(), query.get_terms_end());
    TermMatcher matcher(std::move(terms));
    std::vector<Hit> ranked;
    Xapian::doccount position = 0;
    for (auto it = mset.begin(); it != mset.end(); ++it, ++position) {
        const bool reranked = position < depth;
        const bool on_page = !rerank || (position >= offset && position < offset + limit);
        Hit hit;
        hit.score = it.get_weight();
        hit.docid = *it;
        if ((request.load_articles && on_page) || reranked) hit.article = article_from_record(codec_.decompress(it.get_document().get_value(slot::kRecord)));
        if (reranked) hit.score *= 1 + kPreferredFormBonus * preferred_form_share(hit.article, result.built.preferred_forms);
        ranked.push_back(std::move(hit));
    }
    if (rerank) {
        // Scores only grow, so the re-ranked block still outranks every hit below it.
        std::stable_sort(ranked.begin(), ranked.begin() + std::min<std::ptrdiff_t>(depth, static_cast<std::ptrdiff_t>(ranked.size())),
                         [](const Hit& a, const Hit& b) { return a.score > b.score; });
        ranked.erase(ranked.begin(), ranked.begin() + std::min<std::ptrdiff_t>(offset, static_cast<std::ptrdiff_t>(ranked.size())));
        if (ranked.size() > limit) ranked.resize(limit);
    }
    if (request.load_articles) {
        std::vector<std::pair<Xapian::docid, Article*>> articles;
        for (Hit& hit : ranked) articles.emplace_back(hit.docid, &hit.article);
        attach_entities(articles);
    }
    for (std::size_t i = 0; i < ranked.size(); ++i) {
        Hit hit = std::move(ranked[i]);
        hit.rank = request.offset + i + 1;
        if (!request.load_articles) {
            result.hits.push_back(std::move(hit));
            continue;
        }
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
