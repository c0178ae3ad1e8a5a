/** @file phrase_filter.h @brief Phrase matching without a positional index: candidates are checked against the stored text, each article read once for all the phrases of a query. */
#pragma once
#include "common/ingest/record_codec.h"

#include <xapian.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace khoj {

class Analyzer;
struct Article;

/// The words of a phrase, one set of accepted orthographic forms per position
/// ("Kim Jong Un" → {किम}, {जोंग, जोन्ग}, {उन}).
using PhraseWords = std::vector<std::set<std::string>>;

/// True if @p tokens-of-@p text hold the phrase as consecutive words (stop words count as words).
bool text_has_phrase(const std::string& text, const PhraseWords& phrase, Analyzer& analyzer);

/// The phrase checks of one query against stored articles, shared by all its PhraseFilters.
///
/// Why: each check decompresses and analyses an article, and the articles a query's phrases
/// look at are mostly the same ones (80 phrases of कोरोना took 13.5 s, each phrase reading
/// every article again). Here an article is read once and checked for every phrase at once;
/// the answers are kept for the other phrases' filters, up to a bounded number of articles.
class PhraseChecks {
  public:
    /// Checks against articles stored in slot::kRecord, read with @p codec (which must outlive
    /// this); without a codec every candidate holds every phrase.
    explicit PhraseChecks(const RecordCodec* codec);
    ~PhraseChecks();

    /// The same phrases with no answers yet, for a search on another thread (a PhraseChecks is
    /// not thread-safe: it keeps answers as it goes).
    std::shared_ptr<PhraseChecks> fresh_copy() const;

    /// Registers a phrase (its title only, or title and body) and returns its number.
    std::size_t add(const PhraseWords& phrase, bool title_only);

    /// True if article @p did of @p db holds phrase @p number; @p db_key tells databases apart
    /// (the UUID of a shard, whose docids are its own).
    bool holds(std::size_t number, const Xapian::Database& db, const std::string& db_key, Xapian::docid did);

    /// True if the stored article of @p doc holds every phrase of @p numbers (no answer kept by
    /// docid: RequiredPhrases asks once per article; a text met before is answered from memory).
    bool holds_all(const std::vector<std::size_t>& numbers, const Xapian::Document& doc);

  private:
    struct Phrase {
        std::vector<std::vector<std::uint32_t>> forms;        ///< accepted form ids per position
        std::vector<std::vector<std::u32string>> skeletons;   ///< their consonant skeletons, per position
        bool screened = false;  ///< looked for by skeleton first (field_holds), else by segmenting the whole text
        bool title_only = false;
    };
    /// One field of an article being checked, with what has been read of it so far.
    struct Field {
        explicit Field(const std::string& field_text) : text(field_text) {}
        const std::string& text;
        std::vector<std::uint32_t> ids;     ///< form ids of all its tokens, once tokens_read
        bool tokens_read = false;
        std::u32string letters;             ///< its consonant skeleton, once skeleton_read
        std::vector<std::size_t> offsets;   ///< the byte offset of each skeleton letter
        bool skeleton_read = false;
    };
    // The forms of @p text's tokens as ids (kNoForm for a form of no phrase).
    std::vector<std::uint32_t> form_ids(std::string_view text);
    bool field_holds(Field& field, const Phrase& p);  // phrase p in the title or the body
    std::vector<bool> check_all(const Xapian::Database& db, Xapian::docid did);
    std::vector<bool> check_document(const Xapian::Document& doc);  // by its slot::kTextHash when known, else check_record
    std::vector<bool> check_record(const std::string& record);  // every phrase, against one stored record
    std::vector<bool> check_text(const Article& article);        // every phrase, against a decompressed record

    /// A text's identity for by_text_: hash of title and body, and their lengths.
    struct TextKey {
        std::size_t hash;
        std::size_t title_bytes, body_bytes;
        bool operator==(const TextKey&) const = default;
    };
    struct TextKeyHash {
        std::size_t operator()(const TextKey& k) const { return k.hash; }
    };

    const RecordCodec* codec_;
    std::unique_ptr<Analyzer> analyzer_;
    std::vector<Phrase> phrases_;
    std::unordered_map<std::string, std::uint32_t> ids_;  ///< each form of any phrase → its id
    /// Answers per article, by database (a sharded index has one per shard, each with its own docids).
    std::map<std::string, std::unordered_map<Xapian::docid, std::vector<bool>>> answers_;
    std::size_t answered_ = 0;
    /// Answers per text: copies of one story have their own records (ids) but one text.
    std::unordered_map<TextKey, std::vector<bool>, TextKeyHash> by_text_;
    /// Answers by the text hash stored with the article (slot::kTextHash): a copy met again is
    /// answered without reading its record (6 µs at x100) or decompressing it.
    std::unordered_map<std::string, std::vector<bool>> by_stored_hash_;
};

/// What a phrase becomes when the searcher cannot run Khoj's checks where the articles are
/// (remote shards): given the query of its candidates (the AND of its words) and its number in
/// @p checks, a query matching exactly the articles that hold it (e.g. phrase_as_id_terms).
using PhraseResolver = std::function<Xapian::Query(const Xapian::Query& candidates, PhraseChecks& checks, std::size_t number)>;

/// The articles of @p db among @p candidates that hold phrase @p number of @p checks, as an OR of
/// their id terms (prefix::kId), or a query matching nothing.
///
/// Why: over a shard served by the stock xapian-tcpsrv neither check can run where the articles
/// are: Xapian cannot send a PostingSource to a server, and skips a MatchDecider on remote
/// matches. Checked here on the search host instead, the candidates' records are fetched in
/// batches (one round trip each per shard), and the phrase becomes a plain filter the server
/// runs, so ranks, counts, facets and collapsed copies are those of a local index. The cost grows
/// with the candidates: past @p max_candidates, khoj::IndexError.
Xapian::Query phrase_as_id_terms(const Xapian::Database& db, const Xapian::Query& candidates, PhraseChecks& checks, std::size_t number,
                                 const RecordCodec& codec, Xapian::doccount max_candidates);

/// The phrases a query's every match must hold, as a Xapian::MatchDecider.
///
/// Why: Xapian's matcher consults a decider only for a document whose weight could still put it
/// on the page (after the page is full, a candidate below the lowest weight on it is dropped
/// unasked: multimatch.cc in Xapian 1.4). A filter leaf (PhraseFilter) is asked for every
/// article that has all the words, 100,000 of them for "प्रवासी मजदूर" in a 340,000-article
/// archive; the decider reads a few hundred, whatever the archive's size. The estimate of the
/// number of matches is scaled by the rate at which the decider accepted (Xapian does it).
class RequiredPhrases : public Xapian::MatchDecider {
  public:
    /// Phrases @p numbers of @p checks.
    RequiredPhrases(std::shared_ptr<PhraseChecks> checks, std::vector<std::size_t> numbers);
    /// True if @p doc holds every phrase.
    bool operator()(const Xapian::Document& doc) const override;

  private:
    std::shared_ptr<PhraseChecks> checks_;
    std::vector<std::size_t> numbers_;
};

/// A boolean leaf that matches the documents among @p candidates (the AND of the phrase's stems)
/// whose stored title (and body, unless title_only) holds the phrase.
///
/// Why: Xapian keeps one B-tree entry per (term, document) for positions, which made positional
/// data half of the index. Khoj stores no positions; a phrase is an AND of stems, and the few
/// documents that have all its words are checked lazily against their stored text, so the check
/// runs only on documents the matcher actually visits.
class PhraseFilter : public Xapian::PostingSource {
  public:
    /// Phrase @p number of @p checks, over the documents @p candidates matches.
    PhraseFilter(std::shared_ptr<PhraseChecks> checks, std::size_t number, Xapian::Query candidates);
    /// A phrase checked on its own (its own PhraseChecks).
    PhraseFilter(PhraseWords phrase, bool title_only, Xapian::Query candidates, const RecordCodec* codec);
    ~PhraseFilter() override;

    PhraseFilter* clone() const override;
    std::string name() const override { return "khoj::PhraseFilter"; }
    void init(const Xapian::Database& db) override;
    Xapian::doccount get_termfreq_min() const override { return 0; }
    Xapian::doccount get_termfreq_est() const override { return static_cast<Xapian::doccount>(candidates_.size() / 2); }
    Xapian::doccount get_termfreq_max() const override { return static_cast<Xapian::doccount>(candidates_.size()); }
    void next(double min_wt) override;
    void skip_to(Xapian::docid did, double min_wt) override;
    bool at_end() const override { return position_ >= candidates_.size(); }
    Xapian::docid get_docid() const override { return candidates_[position_]; }

  private:
    void settle();  // moves forward to the first candidate, from position_ on, that holds the phrase

    std::shared_ptr<PhraseChecks> checks_;
    std::size_t number_;
    Xapian::Query candidate_query_;
    Xapian::Database db_;
    std::string db_key_;
    std::vector<Xapian::docid> candidates_;
    std::size_t position_ = 0;
    bool started_ = false;
};

}  // namespace khoj
