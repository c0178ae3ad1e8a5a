/** @file searcher.cpp @brief Ranked search with BM25, filters, snippets, and reopen-on-modification. */
#include "common/search/searcher.h"

#include "common/index/document_builder.h"
#include "common/util/errors.h"
#include "common/index/index_writer.h"
#include "common/index/schema.h"
#include "common/search/ranking.h"
#include "common/search/spelling_suggester.h"
#include "common/util/unicode_text.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <queue>
#include <set>
#include <tuple>

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
    entities_by_id_.clear();
}

void Searcher::refresh() {
    if (folder_identity(path_) == folder_) {
        try {
            if (db_.reopen()) {
                codec_.load_dictionaries(db_);
                entities_by_id_.clear();
            }
        } catch (const Xapian::Error&) {
            // E.g. the folder was swapped during the reopen: checked, and opened afresh, below.
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

const Entity* Searcher::entity_by_id(std::uint32_t id) {
    auto [it, fresh] = entities_by_id_.try_emplace(id);
    if (!fresh) return it->second ? &*it->second : nullptr;
    const std::string entry = db_.get_metadata(metadata::kEntityIdPrefix + std::to_string(id));  // term, name, name_en
    const auto tab = entry.find('\t');
    if (tab == std::string::npos) return nullptr;
    const auto tab2 = entry.find('\t', tab + 1);
    for (const auto& [entity_prefix, kind] : kEntityPrefixes) {
        if (entry.compare(0, std::strlen(entity_prefix), entity_prefix) != 0) continue;
        Entity e;
        e.kind = kind;
        e.name = entry.substr(tab + 1, tab2 == std::string::npos ? std::string::npos : tab2 - tab - 1);
        if (tab2 != std::string::npos) e.name_en = entry.substr(tab2 + 1);
        if (e.name.empty()) return nullptr;
        it->second = std::move(e);
        return &*it->second;
    }
    return nullptr;
}

void Searcher::attach_entities(const std::vector<std::pair<Xapian::docid, Article*>>& articles) {
    for (const auto& [did, article] : articles) {
        for (std::uint32_t id : decode_entity_ids(db_.get_document(did).get_value(slot::kEntities))) {
            if (const Entity* e = entity_by_id(id)) article->entities.push_back(*e);
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
            refresh();
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
            refresh();
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
// How many of the best-ranked articles are re-ranked. On the 1,036 romanisation topics
// (scripts/eval) nDCG@10 is 0.772 at 30, 0.788 at 50, 0.809 at 100; each costs a record read
// and decompression, which run() skips for hits that cannot reach the page asked for.
constexpr Xapian::doccount kRerankDepth = 100;

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

std::string compact(const std::string& date) {
    std::string out;
    for (char c : date) {
        if (c >= '0' && c <= '9') out += c;
    }
    return out;
}

}  // namespace

// Counts the entities and months of every matching article. Xapian calls a MatchSpy for each
// document the matcher examines; with check_at_least = doccount that is every match, so the
// counts are exact.
struct Searcher::FacetCounts : Xapian::MatchSpy {
    void operator()(const Xapian::Document& doc, double) override {
        for (std::uint32_t id : decode_entity_ids(doc.get_value(slot::kEntities))) ++entities[id];
        const std::string date = doc.get_value(slot::kDate);
        if (date.size() >= 6) ++months[date.substr(0, 6)];
    }
    std::unordered_map<std::uint32_t, std::size_t> entities;
    std::map<std::string, std::size_t> months;  ///< YYYYMM → articles
};

Facets Searcher::collect_facets(const FacetCounts& counts, std::size_t limit) {
    Facets facets;
    facets.computed = true;
    for (const auto& [month, count] : counts.months) facets.months.push_back({month.substr(0, 4) + "-" + month.substr(4, 2), "", count});
    for (const auto& [id, count] : counts.entities) {
        const Entity* e = entity_by_id(id);
        if (!e) continue;
        FacetCount f{e->name, e->name_en, count};
        if (e->kind == EntityKind::Person) facets.people.push_back(f);
        else if (e->kind == EntityKind::Place) facets.places.push_back(f);
        else facets.organisations.push_back(f);
    }
    for (auto* list : {&facets.people, &facets.places, &facets.organisations}) {
        // Ties by name: the same facets however the index was built or updated.
        std::sort(list->begin(), list->end(), [](const FacetCount& a, const FacetCount& b) {
            return a.count != b.count ? a.count > b.count : std::tie(a.name_en, a.name) < std::tie(b.name_en, b.name);
        });
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
    enquire.set_weighting_scheme(Xapian::BM25Weight(ranking::kBm25K1, ranking::kBm25K2, ranking::kBm25K3, ranking::kBm25B, ranking::kBm25MinNormalisedLength));
    if (request.sort == SortOrder::Date) enquire.set_sort_by_value_then_relevance(slot::kDate, true);
    FacetCounts spy;
    if (request.facets) enquire.add_matchspy(&spy);
    // Re-ranking touches exactly the best kRerankDepth hits, whatever page is asked for, so
    // consecutive pages never repeat or skip an article; hits below them keep Xapian's order.
    const bool rerank = request.sort == SortOrder::Relevance && !result.built.preferred_forms.empty();
    const Xapian::doccount depth = rerank ? kRerankDepth : 0;
    const auto offset = static_cast<Xapian::doccount>(request.offset), limit = static_cast<Xapian::doccount>(request.limit);
    const Xapian::doccount check = request.facets || request.exact_count ? db_.get_doccount() : 0;
    Xapian::MSet mset = rerank ? enquire.get_mset(0, std::max(depth, offset + limit), check) : enquire.get_mset(offset, limit, check);
    if (request.facets) result.facets = collect_facets(spy, request.facet_limit);
    result.matches_estimated = mset.get_matches_estimated();
    if (request.suggest && mset.get_matches_upper_bound() < kFewMatches) result.suggestion = SpellingSuggester(db_).suggest(request.query);
    result.matches_lower_bound = mset.get_matches_lower_bound();
    std::set<std::string> terms;
    if (request.snippets) terms.insert(query.get_terms_begin(), query.get_terms_end());
    TermMatcher matcher(std::move(terms));
    std::vector<Hit> ranked;
    // Within the re-ranked block only the first offset + limit places are returned. A hit can
    // at most multiply its score by 1 + kPreferredFormBonus, so once that bound falls to the
    // (offset + limit)-th best re-ranked score, no later hit can reach the page: the rest of
    // the block is not read (Xapian gives hits in falling score order).
    const std::size_t block = std::min<std::size_t>(depth, mset.size());
    const std::size_t needed = std::min<std::size_t>(block, static_cast<std::size_t>(offset) + limit);
    std::priority_queue<double, std::vector<double>, std::greater<>> best;  // the `needed` best re-ranked scores
    Xapian::doccount position = 0;
    for (auto it = mset.begin(); it != mset.end(); ++it, ++position) {
        const bool in_block = position < block;
        Hit hit;
        hit.score = it.get_weight();
        hit.docid = *it;
        const bool beyond_reach = in_block && best.size() == needed && needed < block &&
                                  hit.score * (1 + kPreferredFormBonus) <= best.top();
        const bool reranked = in_block && !beyond_reach;
        const bool on_page = !rerank || (!in_block && position >= offset && position < offset + limit);
        if ((request.load_articles && on_page) || reranked) hit.article = article_from_record(codec_.decompress(it.get_document().get_value(slot::kRecord)));
        if (reranked) {
            hit.score *= 1 + kPreferredFormBonus * preferred_form_share(hit.article, result.built.preferred_forms);
            best.push(hit.score);
            if (best.size() > needed) best.pop();
        }
        ranked.push_back(std::move(hit));
    }
    if (rerank) {
        // Scores only grow, so the re-ranked block still outranks every hit below it; hits
        // left unread sort after every hit that can be on the page (stable sort, lower scores).
        std::stable_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(block),
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
