/** @file searcher.h @brief Runs ranked queries against a Khoj index and returns hits with snippets. */
#pragma once
#include "common/index/entity_catalog.h"
#include "common/index/index_folder.h"
#include "common/index/shards.h"
#include "common/ingest/record_codec.h"
#include "common/ingest/article.h"
#include "common/search/query_builder.h"
#include "common/search/snippet.h"
#include "common/text/analyzer.h"
#include "common/util/worker_pool.h"

#include <xapian.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace khoj {

/// Result order.
enum class SortOrder { Relevance, Date };

/// How matches are counted (SearchResult::matches_estimated).
enum class MatchCount {
    Estimate,  ///< Xapian's estimate from the work ranking did anyway: free
    Bounded,   ///< exact up to limits::kCountedMatches matches, an estimate beyond (count_exact says which)
    Exact,     ///< every match counted, whatever it costs (--count)
};

/// What to search for and how many results to return.
struct SearchRequest {
    std::string query;
    std::size_t offset = 0;  ///< results skipped; past the last one the page is empty
    std::size_t limit = 10;  ///< at least 1; more than the index holds means all
    SortOrder sort = SortOrder::Relevance;
    std::string since;  ///< YYYY-MM-DD or empty
    std::string until;  ///< YYYY-MM-DD or empty
    bool snippets = true;       ///< build title highlights and snippets (needs load_articles)
    bool load_articles = true;  ///< decompress each hit's stored article (id, title, date …)
    bool facets = false;        ///< count entities and months over the best limits::kFacetBasis matches
    MatchCount count = MatchCount::Estimate;
    bool suggest = false;       ///< offer a respelling when fewer than a handful of articles match
    /// Every republished copy as a hit of its own. Otherwise the copies of a story (one group of
    /// slot::kCopyGroup) collapse into the best-ranked one, which counts them (Hit::copies), and
    /// counts, facets and pages count the story once.
    bool all_copies = false;
    bool copy_ids = false;  ///< also read the ids of the collapsed copies (Hit::similar), not only count them
    std::size_t facet_limit = 15;
};

/// One facet value and the number of matching articles that have it.
struct FacetCount {
    std::string name;     ///< Devanagari name (entities) or YYYY-MM (months)
    std::string name_en;  ///< English name (entities)
    std::size_t count = 0;
};

/// Facet counts over the best-ranked matches of a query: all of them when there are at most
/// limits::kFacetBasis, else the best limits::kFacetBasis (what a reader looks at first).
struct Facets {
    std::vector<FacetCount> people, places, organisations;
    std::vector<FacetCount> months;  ///< in calendar order
    bool computed = false;
    std::size_t basis = 0;  ///< the articles counted
    bool all_matches = true;  ///< basis is every match, not only the best
};

/// One ranked article.
struct Hit {
    std::size_t rank = 0;  ///< 1-based, counting from the first result of the whole list
    double score = 0;
    Xapian::docid docid = 0;
    Article article;       ///< body is emptied once the snippet is made
    Snippet title;         ///< headline with matches marked
    Snippet snippet;
    std::size_t copies = 0;            ///< its copies collapsed into it (see SearchRequest::all_copies)
    std::vector<std::string> similar;  ///< their ids, best first, when SearchRequest::copy_ids
};

/// Hits of one query.
struct SearchResult {
    std::vector<Hit> hits;
    Xapian::doccount matches_estimated = 0;  ///< copies collapsed: a story and its copies count once
    bool count_exact = false;  ///< matches_estimated is the exact number of matches
    BuiltQuery built;
    Facets facets;
    std::string suggestion;  ///< "did you mean" query, or empty
};

/// A read-only view of one index. Re-opens itself when a concurrent khoj-index commit
/// invalidates what it was reading (Xapian::DatabaseModifiedError).
class Searcher {
  public:
    /// Opens the index (a folder, or a stub file listing shards: index/shards.h); throws
    /// khoj::IndexError if it or a shard is missing, damaged or of another version, or a remote
    /// shard is unreachable and @p shards does not allow partial answers.
    explicit Searcher(const std::string& index_path, ShardPolicy shards = {});

    /// Runs one query. Throws khoj::UsageError on a limit of 0, a since after the until, and
    /// what QueryBuilder::build throws; a limit or offset past the index's size is cut to it.
    /// A remote shard that fails during it is handled by the ShardPolicy: khoj::IndexError
    /// naming it, or the query run again without it (see missing_shards()).
    SearchResult search(const SearchRequest& request);

    /// Reads one article by id (nullopt if absent).
    std::optional<Article> article(const std::string& id);

    /// The database, for statistics.
    const Xapian::Database& database() const { return db_; }

    /// The shards left out of the last answer, unreachable (ShardPolicy::allow_partial), by
    /// name ("remote HOST:PORT"); empty when every shard answered.
    const std::vector<std::string>& missing_shards() const { return index_->missing_shards(); }
    /// The number of shards the index lists (1 for a folder), missing ones included.
    std::size_t shards_listed() const { return index_->shards_listed(); }

    /// Below this many postings in all its terms' lists a query runs on one core (see
    /// set_split_min_postings). Measured at x100 (339,500 articles): a query reading fewer
    /// (वुहान, 10,000) lost more to handing half to a thread (about 50 µs) than it gained.
    static constexpr Xapian::doccount kSplitMinPostings = 50000;
    /// Searches a query whose terms have at least @p postings in all in two halves of the
    /// docids at once, on two cores, when the query allows (search(): local shards, relevance
    /// order, copies not collapsed). The hits and scores are those of one pass; only the time
    /// differs. 0 never splits; tests set 1 to compare both ways on a small index.
    void set_split_min_postings(Xapian::doccount postings) { split_min_postings_ = postings; }
    /// True when the last search ran split in two halves.
    bool last_search_split() const { return last_split_; }

    /// The page of a request as Xapian counts it: an offset and a limit within the index.
    struct Page {
        Xapian::doccount offset = 0;
        Xapian::doccount limit = 0;
    };

  private:
    /// The ranked matches of one query: in Xapian's order, from one MSet or merged from the
    /// MSets of a split search, with the bounds of the number of matches.
    struct Matches {
        std::vector<Xapian::MSet> msets;          ///< kept alive for the iterators
        std::vector<Xapian::MSetIterator> items;  ///< as one MSet of the same call would list them
        Xapian::doccount estimated = 0, lower = 0, upper = 0;
    };

    // One try of search(): the steps below, in order.
    SearchResult run(const SearchRequest& request);
    // BM25 (or date order) over @p query in @p db.
    Xapian::Enquire enquire_for(const Xapian::Database& db, const Xapian::Query& query, const SearchRequest& request) const;
    // The copy of @p query for the second half of a split search, or nullopt when this search
    // runs on one core (see set_split_min_postings).
    std::optional<Xapian::Query> split_copy(const Xapian::Query& query, const SearchRequest& request);
    // Matches first … first + count − 1 of @p query searched in two halves at once (the second
    // half running @p copy, its own copy of the query), merged as one pass orders them.
    Matches split_matches(const Xapian::Query& query, const Xapian::Query& copy, const SearchRequest& request, const BuiltQuery& built,
                          Xapian::doccount first, Xapian::doccount count, Xapian::doccount check);
    // The entities and months of the best limits::kFacetBasis matches of @p enquire.
    Facets collect_facets(const Xapian::Enquire& enquire, const Xapian::MatchDecider* decider, std::size_t limit);
    // The hits of @p mset in final order: the best @p depth (0: none) re-ranked by the spelling
    // typed, then cut to the page asked for; records read only where needed.
    std::vector<Hit> ranked_hits(Matches& matches, const SearchRequest& request, const Page& page,
                                 const std::vector<std::vector<std::string>>& preferred_forms, Xapian::doccount depth);
    // The entities of article @p did (its document @p doc), from its slot::kEntities value and the catalog.
    void attach_entities(Xapian::docid did, const Xapian::Document& doc, Article& article);
    // The copies of @p hit that @p query (and @p decider) match and collapsing hid: their number,
    // and their ids when @p ids.
    void attach_copies(Hit& hit, const Xapian::Query& query, const Xapian::MatchDecider* decider, bool ids);
    // Ranks numbered from request.offset + 1; title highlights and snippets of @p query's terms
    // (or plain titles) made and bodies dropped when articles were loaded.
    std::vector<Hit> finished_hits(std::vector<Hit> hits, const SearchRequest& request, const Xapian::Query& query);

    void refresh();        // before each request and after DatabaseModifiedError: the latest commit, or the folder a swap put in place
    void open_folder();    // opens the folder at path_ afresh
    void make_builder();   // the query builder of the index now open
    Vocabulary vocabulary() const;  // what queries are built from: the index, or for remote shards the lexicon
    void adopt_index();    // takes the database, dictionaries and lexicon of index_ after it opened shards anew
    // Runs @p read, reconnecting to the shards after each remote failure (see search()).
    template <typename Read>
    auto surviving_lost_shards(Read&& read) -> decltype(read());

    std::string path_;
    ShardPolicy shard_policy_;
    std::optional<ShardedIndex> index_;  ///< the folder or the shards of a stub file, with each shard's entity catalog
    Xapian::Database db_;                ///< index_->database(): every shard as one
    Analyzer analyzer_;
    RecordCodec codec_;
    std::optional<QueryBuilder> builder_;  ///< made again when a new folder is opened
    Xapian::doccount split_min_postings_ = kSplitMinPostings;
    Xapian::Database split_db_;            ///< the second half's own handle on the index, once a search split
    bool split_open_ = false;
    bool last_split_ = false;
    std::unique_ptr<WorkerPool> split_pool_;  ///< the thread that searches the second half
};

}  // namespace khoj
