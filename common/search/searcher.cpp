/** @file searcher.cpp @brief Ranked search with BM25, filters, facets, re-ranking by spelling, snippets, and reopen-on-modification. */
#include "common/search/searcher.h"

#include "common/index/schema.h"
#include "common/search/copy_collapse.h"
#include "common/search/docid_range.h"
#include "common/search/phrase_filter.h"
#include "common/search/query_limits.h"
#include "common/search/ranking.h"
#include "common/search/spelling_suggester.h"
#include "common/util/errors.h"
#include "common/util/string_util.h"
#include "common/util/unicode_text.h"

#include <algorithm>
#include <map>
#include <queue>
#include <thread>
#include <set>
#include <tuple>

namespace khoj {

namespace {

// Runs @p read, and again after @p recover each time a khoj-index commit invalidates what it
// was reading (Xapian::DatabaseModifiedError); after four tries the index is reported as
// changing too fast to search.
template <typename Read, typename Recover>
auto retry_while_modified(const std::string& path, Read&& read, Recover&& recover) -> decltype(read()) {
    for (int attempt = 0;; ++attempt) {
        try {
            return read();
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == 3) throw IndexError("index " + path + " keeps changing under the search; try again");
            recover();
        }
    }
}

}  // namespace

Searcher::Searcher(const std::string& index_path, ShardPolicy shards) : path_(index_path), shard_policy_(shards) { open_folder(); }

void Searcher::open_folder() {
    // A khoj-index commit can land between opening and reading the metadata: open again.
    retry_while_modified(
        path_,
        [this] {
            index_.emplace(path_, shard_policy_);
            db_ = index_->database();
            index_->load_record_dictionaries(codec_);
        },
        [] {});
    make_builder();
}

Vocabulary Searcher::vocabulary() const {
    // Remote shards: word statistics and synonyms from the local lexicon, not a round trip each.
    return index_->has_remote_shard() ? Vocabulary(index_->database(), index_->lexicons()) : Vocabulary(index_->database());
}

void Searcher::make_builder() {
    builder_.emplace(vocabulary(), &codec_);
    // Over a remote shard a phrase is checked here, on the search host (phrase_as_id_terms).
    if (index_->has_remote_shard()) {
        builder_->resolve_phrases_with([this](const Xapian::Query& candidates, PhraseChecks& checks, std::size_t number) {
            return phrase_as_id_terms(db_, candidates, checks, number, codec_, limits::kMaxRemotePhraseCandidates);
        });
    }
}

void Searcher::refresh() {
    if (index_->refresh()) adopt_index();
    else if (split_open_) split_db_.reopen();
}

void Searcher::adopt_index() {
    split_open_ = false;  // opened again, from the new folders, by the next split search
    split_db_ = Xapian::Database();
    db_ = index_->database();
    index_->load_record_dictionaries(codec_);
    make_builder();
}

template <typename Read>
auto Searcher::surviving_lost_shards(Read&& read) -> decltype(read()) {
    // Each reconnection either throws (the shard named), leaves an unreachable shard out, or
    // finds every shard reachable again (a server restarted): a shard that keeps failing all
    // the same ends the search after as many tries as there are shards.
    for (std::size_t attempt = 0;; ++attempt) {
        try {
            return read();
        } catch (const Xapian::NetworkError& e) {
            if (attempt == index_->shards_listed()) throw IndexError("a remote shard of " + path_ + " keeps failing: " + e.get_msg());
            index_->reconnect();
            adopt_index();
        }
    }
}

void Searcher::attach_entities(Xapian::docid did, const Xapian::Document& doc, Article& article) {
    for (Entity& e : index_->entities_of(did, doc.get_value(slot::kEntities))) article.entities.push_back(std::move(e));
}

std::optional<Article> Searcher::article(const std::string& id) {
    const std::string term = prefix::kId + id;
    return surviving_lost_shards([&] {
        refresh();
        return retry_while_modified(
            path_,
            [&]() -> std::optional<Article> {
                auto it = db_.postlist_begin(term);
                if (it == db_.postlist_end(term)) return std::nullopt;
                Article a = article_from_record(codec_.decompress(db_.get_document(*it).get_value(slot::kRecord)));
                attach_entities(*it, db_.get_document(*it), a);
                return a;
            },
            [this] { refresh(); });
    });
}

SearchResult Searcher::search(const SearchRequest& request) {
    // An empty page asked nothing, and a reversed range would silently match nothing.
    if (request.limit == 0) throw UsageError("the number of results (-n) must be at least 1");
    if (!request.since.empty() && !request.until.empty() && request.since > request.until)
        throw UsageError("the date range ends (" + request.until + ") before it starts (" + request.since + ")");
    return surviving_lost_shards([&] {
        refresh();
        return retry_while_modified(path_, [&] { return run(request); }, [this] { refresh(); });
    });
}

namespace {

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

// The page of @p request within what a result list can hold: no list is longer than the index,
// and Xapian counts results in 32 bits (Xapian::doccount), so a larger limit or offset would
// wrap (a limit of 2^32 became 0). Past the end, the page is empty.
Searcher::Page page_within(const SearchRequest& request, Xapian::doccount articles) {
    const Xapian::doccount offset = request.offset >= articles ? articles : static_cast<Xapian::doccount>(request.offset);
    return {offset, static_cast<Xapian::doccount>(std::min<std::size_t>(request.limit, articles - offset))};
}

// @p query restricted to the request's date range (since / until), if one is given.
Xapian::Query with_date_range(const Xapian::Query& query, const SearchRequest& request) {
    if (request.since.empty() && request.until.empty()) return query;
    const std::string from = request.since.empty() ? "00000000" : digits_only(request.since);
    const std::string to = request.until.empty() ? "99999999" : digits_only(request.until);
    Xapian::Query range(Xapian::Query::OP_VALUE_RANGE, slot::kDate, from, to);
    return query.empty() ? range : Xapian::Query(Xapian::Query::OP_FILTER, query, range);
}

// True when @p a and @p b of a date-sorted MSet are tied: the same date and the same score.
bool tied_by_date(const Xapian::MSetIterator& a, const Xapian::MSetIterator& b) {
    return a.get_sort_key() == b.get_sort_key() && a.get_weight() == b.get_weight();
}

// The MSet of a date-sorted page, from the first match and on past the page until the articles
// tied at its last place (same date, same score) are all in: Xapian orders them by docid, which
// depends on the layout (one index or shards), so date_order() orders them by content hash.
Xapian::MSet whole_ties_by_date(const Xapian::Enquire& enquire, const Searcher::Page& page, Xapian::doccount check, const Xapian::MatchDecider* decider) {
    Xapian::doccount want = page.offset + page.limit;
    for (;;) {
        Xapian::MSet mset = enquire.get_mset(0, want + 1, check, nullptr, decider);
        if (mset.size() <= want || !tied_by_date(mset[want - 1], mset[want])) return mset;
        want *= 2;
    }
}

// The items of @p mset, date-sorted: in Xapian's order, ties (tied_by_date) by content hash.
std::vector<Xapian::MSetIterator> date_order(const Xapian::MSet& mset) {
    std::vector<Xapian::MSetIterator> order;
    for (auto it = mset.begin(); it != mset.end(); ++it) order.push_back(it);
    for (std::size_t start = 0; start < order.size();) {
        std::size_t end = start + 1;
        while (end < order.size() && tied_by_date(order[start], order[end])) ++end;
        if (end - start > 1) {
            std::vector<std::pair<std::string, Xapian::MSetIterator>> run;
            for (std::size_t i = start; i < end; ++i) run.emplace_back(order[i].get_document().get_value(slot::kContentHash), order[i]);
            std::stable_sort(run.begin(), run.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
            for (std::size_t i = start; i < end; ++i) order[i] = run[i - start].second;
        }
        start = end;
    }
    return order;
}

}  // namespace

Facets Searcher::collect_facets(const Xapian::Enquire& enquire, const Xapian::MatchDecider* decider, std::size_t limit) {
    // The best matches, not all: counting every match read two values of each, which grew with
    // the archive (100 ms for "corona" at 340,000 articles); the best kFacetBasis cost the same
    // at any size, and they are the articles a reader looks at first.
    const Xapian::MSet best = enquire.get_mset(0, limits::kFacetBasis, 0, nullptr, decider);
    best.fetch();  // all at once: one round trip per remote shard instead of one per article
    // Entity ids are per shard: counted by (the shard's first docid, id), merged by entity term below.
    const Xapian::docid shards = static_cast<Xapian::docid>(index_->shard_count());
    std::map<std::pair<Xapian::docid, std::uint32_t>, std::size_t> entities;
    std::map<std::string, std::size_t> months;  // YYYYMM → articles
    for (auto it = best.begin(); it != best.end(); ++it) {
        const Xapian::Document doc = it.get_document();
        for (std::uint32_t id : decode_entity_ids(doc.get_value(slot::kEntities))) ++entities[{(*it - 1) % shards + 1, id}];
        const std::string date = doc.get_value(slot::kDate);
        if (date.size() >= 6) ++months[date.substr(0, 6)];
    }
    Facets facets;
    facets.computed = true;
    facets.basis = best.size();
    facets.all_matches = best.size() < limits::kFacetBasis;
    for (const auto& [month, count] : months) facets.months.push_back({month.substr(0, 4) + "-" + month.substr(4, 2), "", count});
    std::map<std::string, std::pair<const Entity*, std::size_t>> by_term;  // the same entity in several shards counted once
    for (const auto& [key, count] : entities) {
        const Entity* e = index_->entity_by_id(key.first, key.second);
        if (!e) continue;
        auto [it, fresh] = by_term.try_emplace(entity_term(*e), e, 0);
        it->second.second += count;
    }
    for (const auto& [term, found] : by_term) {
        const auto& [e, count] = found;
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
    const Xapian::Query query = with_date_range(result.built.query, request);
    if (query.empty()) return result;
    Xapian::Enquire enquire = enquire_for(db_, query, request);
    std::optional<RequiredPhrases> phrases;
    if (!result.built.required_phrases.empty()) phrases.emplace(result.built.phrase_checks, result.built.required_phrases);
    const Xapian::MatchDecider* decider = phrases ? &*phrases : nullptr;
    // Re-ranking touches exactly the best ranking::kRerankDepth hits, whatever page is asked for, so
    // consecutive pages never repeat or skip an article; hits below them keep Xapian's order.
    const bool rerank = request.sort == SortOrder::Relevance && !result.built.preferred_forms.empty();
    const Xapian::doccount depth = rerank ? ranking::kRerankDepth : 0;
    const Page page = page_within(request, db_.get_doccount());
    const Xapian::doccount check = request.count == MatchCount::Exact     ? db_.get_doccount()
                                   : request.count == MatchCount::Bounded ? limits::kCountedMatches
                                                                          : 0;
    const Xapian::doccount first = rerank ? 0 : page.offset, count = rerank ? std::max(depth, page.offset + page.limit) : page.limit;
    Matches matches;
    const std::optional<Xapian::Query> copy = split_copy(query, request);
    last_split_ = copy.has_value();
    if (copy) {
        matches = split_matches(query, *copy, request, result.built, first, count, check);
    } else {
        matches.msets.push_back(request.sort == SortOrder::Date && !rerank ? whole_ties_by_date(enquire, page, check, decider)
                                                                           : enquire.get_mset(first, count, check, nullptr, decider));
        const Xapian::MSet& mset = matches.msets.front();
        for (auto it = mset.begin(); it != mset.end(); ++it) matches.items.push_back(it);
        matches.estimated = mset.get_matches_estimated();
        matches.lower = mset.get_matches_lower_bound();
        matches.upper = mset.get_matches_upper_bound();
    }
    if (request.facets) result.facets = collect_facets(enquire, decider, request.facet_limit);
    result.matches_estimated = matches.estimated;
    result.count_exact = matches.lower == matches.upper;
    // Collapsing copies, Xapian estimates even when every match was checked (its bounds mix in
    // the copies); but then the groups it met, its lower bound, are the count. Every match was
    // checked when all were asked for, or when fewer groups than asked for were met.
    if (!request.all_copies && check > 0 && (check >= db_.get_doccount() || matches.lower < check)) {
        result.matches_estimated = matches.lower;
        result.count_exact = true;
    }
    if (request.suggest && matches.upper < ranking::kFewMatches) result.suggestion = SpellingSuggester(vocabulary()).suggest(request.query);
    std::vector<Hit> hits = ranked_hits(matches, request, page, result.built.preferred_forms, depth);
    if (request.load_articles) {
        for (Hit& hit : hits) {
            if (!request.all_copies) attach_copies(hit, query, decider, request.copy_ids);
        }
    }
    result.hits = finished_hits(std::move(hits), request, query);
    return result;
}

std::optional<Xapian::Query> Searcher::split_copy(const Xapian::Query& query, const SearchRequest& request) {
    // Collapsing copies is left to one pass: the copies of a story can lie in both halves, and
    // each half would count the story (the count of stories is exact up to
    // limits::kCountedMatches). A date order keeps its ties whole in one pass too.
    if (split_min_postings_ == 0 || db_.get_doccount() < split_min_postings_ || !request.all_copies || request.sort != SortOrder::Relevance ||
        index_->has_remote_shard() || std::thread::hardware_concurrency() < 2)
        return std::nullopt;
    // What a pass costs grows with the postings it reads: a few are read faster than a thread is
    // woken. (An index of fewer articles than that is fast whatever the query: checked first.)
    Xapian::doccount postings = 0;
    for (auto term = query.get_unique_terms_begin(); term != query.get_unique_terms_end() && postings < split_min_postings_; ++term)
        postings += db_.get_termfreq(*term);
    if (postings < split_min_postings_) return std::nullopt;
    if (!split_open_) {
        split_db_ = index_->open_copy();
        split_open_ = true;
        if (!split_pool_) split_pool_ = std::make_unique<WorkerPool>(1);
    }
    // Both handles must see one revision: a commit can land between their reopens. (A commit
    // that changes none of these three is not caught; its articles are then read as they were
    // before or after it, as a search running across a commit reads them.)
    if (split_db_.get_lastdocid() != db_.get_lastdocid() || split_db_.get_doccount() != db_.get_doccount() ||
        split_db_.get_total_length() != db_.get_total_length())
        return std::nullopt;
    // The copy shares nothing with @p query: Xapian 1.4 counts references to a query's parts
    // without atomics, so two threads must not hold the same parts. A query with a
    // PhraseFilter cannot be serialised (its checks keep answers, on one thread): it is built
    // again, with checks of its own, which gives the same query.
    try {
        return Xapian::Query::unserialise(query.serialise());
    } catch (const Xapian::UnimplementedError&) {
        return with_date_range(builder_->build(request.query).query, request);
    }
}

Searcher::Matches Searcher::split_matches(const Xapian::Query& query, const Xapian::Query& copy, const SearchRequest& request,
                                          const BuiltQuery& built, Xapian::doccount first, Xapian::doccount count, Xapian::doccount check) {
    const Xapian::docid middle = db_.get_lastdocid() / 2;
    const Xapian::Query halves[2] = {
        Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query((new DocidRange(1, middle))->release())),
        Xapian::Query(Xapian::Query::OP_FILTER, copy, Xapian::Query((new DocidRange(middle + 1, db_.get_lastdocid()))->release())),
    };
    std::optional<RequiredPhrases> deciders[2];
    if (!built.required_phrases.empty()) {
        deciders[0].emplace(built.phrase_checks, built.required_phrases);
        deciders[1].emplace(built.phrase_checks->fresh_copy(), built.required_phrases);
    }
    // Each half lists its own best first + count: the first + count best of the whole are among them.
    Matches matches;
    matches.msets.resize(2);
    auto search_half = [&](unsigned half, const Xapian::Database& db) {
        const Xapian::Enquire enquire = enquire_for(db, halves[half], request);
        matches.msets[half] = enquire.get_mset(0, first + count, check, nullptr, deciders[half] ? &*deciders[half] : nullptr);
    };
    split_pool_->start([&](unsigned) { search_half(1, split_db_); });
    try {
        search_half(0, db_);
    } catch (...) {
        try {
            split_pool_->wait();
        } catch (...) {
        }
        throw;
    }
    split_pool_->wait();
    const Xapian::docid ranges[2][2] = {{1, middle}, {middle + 1, db_.get_lastdocid()}};
    // One pass's order (enquire_for): score, then content hash, then docid; each read once.
    struct Ranked {
        double weight;
        std::string key;
        Xapian::docid did;
        Xapian::MSetIterator item;
    };
    std::vector<Ranked> merged;
    for (unsigned half = 0; half < 2; ++half) {
        const Xapian::MSet& mset = matches.msets[half];
        for (auto it = mset.begin(); it != mset.end(); ++it) merged.push_back({it.get_weight(), it.get_sort_key(), *it, it});
        // A match that read its lists to the end counted exactly; one that skipped (Xapian's
        // max-weight pruning) estimated as for the whole index (DocidRange::init).
        const Xapian::doccount lower = mset.get_matches_lower_bound();
        const Xapian::doccount upper = std::min<Xapian::doccount>(mset.get_matches_upper_bound(), ranges[half][1] - ranges[half][0] + 1);
        const double scaled = lower == upper ? lower : mset.get_matches_estimated() * DocidRange::share(db_, ranges[half][0], ranges[half][1]);
        matches.estimated += std::clamp(static_cast<Xapian::doccount>(scaled + 0.5), lower, upper);
        matches.lower += lower;
        matches.upper += upper;
    }
    std::sort(merged.begin(), merged.end(), [](const Ranked& a, const Ranked& b) {
        if (a.weight != b.weight) return a.weight > b.weight;
        return a.key != b.key ? a.key < b.key : a.did < b.did;
    });
    for (std::size_t i = first; i < merged.size() && i < std::size_t{first} + count; ++i) matches.items.push_back(merged[i].item);
    return matches;
}

Xapian::Enquire Searcher::enquire_for(const Xapian::Database& db, const Xapian::Query& query, const SearchRequest& request) const {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    // BM25 with the parameters of search/ranking.h (Lucene's k1 and b, so comparisons with the anchor are like for like).
    enquire.set_weighting_scheme(ranking::bm25_weight());
    // Equal scores are ordered by the article's content hash, not by docid: docids depend on how
    // the archive was laid out (one index or shards, interleaved), the hash only on the article,
    // so one index and its shards list ties alike. (Xapian reads the value only of candidates that
    // could enter the result list.)
    if (request.sort == SortOrder::Date) enquire.set_sort_by_value_then_relevance(slot::kDate, true);
    else enquire.set_sort_by_relevance_then_value(slot::kContentHash, false);
    // Copies of one story share a group value: the best-ranked (or newest) of them stands for all,
    // in the hits, their count and the facets' best matches alike.
    if (!request.all_copies) enquire.set_collapse_key(slot::kCopyGroup);
    return enquire;
}

std::vector<Hit> Searcher::ranked_hits(Matches& matches, const SearchRequest& request, const Page& page,
                                       const std::vector<std::vector<std::string>>& preferred_forms, Xapian::doccount depth) {
    const bool rerank = depth > 0;
    const Xapian::doccount offset = page.offset, limit = page.limit;
    // Every hit's record in one round trip per remote shard, when every hit of the MSet is to be
    // read: not for a re-ranked block, most of which is never read (beyond_reach below), and only
    // for an MSet from the first match: Xapian 1.4's fetch() misreads one that starts further on
    // (and crashes).
    if (index_->has_remote_shard() && !rerank && (offset == 0 || request.sort == SortOrder::Date)) {
        for (const Xapian::MSet& mset : matches.msets) mset.fetch();
    }
    // The hits in order: Xapian's, but by date from the first match with ties put in a fixed
    // order and cut to the page here (whole_ties_by_date, one MSet).
    std::vector<Xapian::MSetIterator> order;
    if (request.sort == SortOrder::Date && !rerank) {
        order = date_order(matches.msets.front());
        order.erase(order.begin(), order.begin() + std::min<std::ptrdiff_t>(offset, static_cast<std::ptrdiff_t>(order.size())));
        if (order.size() > limit) order.resize(limit);
    } else {
        order = matches.items;
    }
    std::vector<Hit> ranked;
    // Within the re-ranked block only the first offset + limit places are returned. A hit can
    // at most multiply its score by 1 + ranking::kPreferredFormBonus, so once that bound falls to the
    // (offset + limit)-th best re-ranked score, no later hit can reach the page: the rest of
    // the block is not read (Xapian gives hits in falling score order).
    const std::size_t block = std::min<std::size_t>(depth, matches.items.size());
    const std::size_t needed = std::min<std::size_t>(block, static_cast<std::size_t>(offset) + limit);
    std::priority_queue<double, std::vector<double>, std::greater<>> best;  // the `needed` best re-ranked scores
    Xapian::doccount position = 0;
    for (const Xapian::MSetIterator& it : order) {
        const bool in_block = position < block;
        Hit hit;
        hit.score = it.get_weight();
        hit.docid = *it;
        const bool beyond_reach = in_block && !best.empty() && best.size() == needed && needed < block &&
                                  hit.score * (1 + ranking::kPreferredFormBonus) <= best.top();
        const bool reranked = in_block && !beyond_reach;
        const bool on_page = !rerank || (!in_block && position >= offset && position < offset + limit);
        if ((request.load_articles && on_page) || reranked) {
            // The document the MSet fetched: over a remote shard, another get_document() would be a round trip.
            const Xapian::Document doc = it.get_document();
            hit.article = article_from_record(codec_.decompress(doc.get_value(slot::kRecord)));
            if (request.load_articles) attach_entities(hit.docid, doc, hit.article);
        }
        if (reranked) {
            hit.score *= 1 + ranking::kPreferredFormBonus * preferred_form_share(hit.article, preferred_forms);
            best.push(hit.score);
            if (best.size() > needed) best.pop();
        }
        ranked.push_back(std::move(hit));
        ++position;
    }
    if (rerank) {
        // Scores only grow, so the re-ranked block still outranks every hit below it; hits
        // left unread sort after every hit that can be on the page (stable sort, lower scores).
        std::stable_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(block),
                         [](const Hit& a, const Hit& b) { return a.score > b.score; });
        ranked.erase(ranked.begin(), ranked.begin() + std::min<std::ptrdiff_t>(offset, static_cast<std::ptrdiff_t>(ranked.size())));
        if (ranked.size() > limit) ranked.resize(limit);
    }
    return ranked;
}

void Searcher::attach_copies(Hit& hit, const Xapian::Query& query, const Xapian::MatchDecider* decider, bool ids) {
    const std::vector<Xapian::docid> copies = collapsed_copies(db_, query, decider, hit.docid);
    hit.copies = copies.size();
    if (!ids) return;
    // Reading a record is most of a copy's cost, so only JSON, which lists the ids, pays it.
    for (Xapian::docid did : copies) hit.similar.push_back(article_from_record(codec_.decompress(db_.get_document(did).get_value(slot::kRecord))).id);
}

std::vector<Hit> Searcher::finished_hits(std::vector<Hit> hits, const SearchRequest& request, const Xapian::Query& query) {
    std::set<std::string> terms;
    if (request.snippets) terms.insert(query.get_terms_begin(), query.get_terms_end());
    TermMatcher matcher(std::move(terms));
    for (std::size_t i = 0; i < hits.size(); ++i) {
        Hit& hit = hits[i];
        hit.rank = request.offset + i + 1;
        if (!request.load_articles) continue;
        if (request.snippets) {
            hit.title = highlight_all(hit.article.title, matcher, analyzer_);
            hit.snippet = make_snippet(hit.article.body, matcher, analyzer_);
        } else {
            hit.title.text = hit.article.title;
        }
        hit.article.body.clear();
    }
    return hits;
}

}  // namespace khoj
