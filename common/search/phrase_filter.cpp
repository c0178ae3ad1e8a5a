/** @file phrase_filter.cpp @brief Phrase matching without a positional index: candidates are checked against the stored text. */
#include "common/search/phrase_filter.h"

#include "common/index/schema.h"
#include "common/search/query_limits.h"

#include "common/text/analyzer.h"
#include "common/text/hindi_normalizer.h"
#include "common/util/unicode_text.h"
#include "common/ingest/article.h"

#include <algorithm>
#include <limits>

namespace khoj {

namespace {

constexpr std::uint32_t kNoForm = std::numeric_limits<std::uint32_t>::max();

constexpr std::size_t kNoMatch = std::numeric_limits<std::size_t>::max();
/// Phrases whose words have fewer skeleton letters than this are checked by segmenting the whole
/// text: two letters (क द) occur everywhere, and each place found costs a segmentation.
constexpr std::size_t kMinScreenLetters = 3;

bool all_devanagari(const std::string& form) {
    std::size_t i = 0;
    while (i < form.size()) {
        const char32_t cp = next_code_point(form, i);
        if (cp < 0x0900 || cp > 0x097F) return false;
    }
    return !form.empty();
}

// The furthest end (one past) in @p letters of the phrase's skeletons from word @p word on,
// placed one after another from @p at, or kNoMatch. The furthest: the words' forms may have
// skeletons of different lengths, and the segmented window must hold the longest reading.
std::size_t skeleton_match_end(const std::u32string& letters, std::size_t at, const std::vector<std::vector<std::u32string>>& skeletons,
                               std::size_t word) {
    if (word == skeletons.size()) return at;
    std::size_t furthest = kNoMatch;
    for (const std::u32string& s : skeletons[word]) {
        if (at + s.size() > letters.size() || letters.compare(at, s.size(), s) != 0) continue;
        const std::size_t end = skeleton_match_end(letters, at + s.size(), skeletons, word + 1);
        if (end != kNoMatch && (furthest == kNoMatch || end > furthest)) furthest = end;
    }
    return furthest;
}

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// Where to start segmenting so that @p words whole words before byte @p at are included: just
// after a space (ICU always breaks at one, so the words after it segment as in the whole text).
std::size_t words_back(const std::string& text, std::size_t at, std::size_t words) {
    std::size_t i = at;
    for (std::size_t seen = 0; i > 0;) {
        --i;
        if (is_space(text[i]) && (i == 0 || !is_space(text[i - 1])) && ++seen > words) return i + 1;
    }
    return 0;
}

// Where to stop segmenting: just before the space that ends the @p words-th whole word after the
// letter starting at byte @p at.
std::size_t words_forward(const std::string& text, std::size_t at, std::size_t words) {
    std::size_t i = at;
    for (std::size_t seen = 0; i < text.size(); ++i) {
        if (is_space(text[i]) && (i + 1 == text.size() || !is_space(text[i + 1])) && ++seen > words) return i;
    }
    return text.size();
}

// True if the form ids @p tokens hold @p phrase (form ids per position) as consecutive words.
bool ids_hold_phrase(const std::vector<std::uint32_t>& tokens, const std::vector<std::vector<std::uint32_t>>& phrase) {
    if (phrase.empty()) return false;
    for (std::size_t start = 0; start + phrase.size() <= tokens.size(); ++start) {
        std::size_t k = 0;
        while (k < phrase.size() && std::find(phrase[k].begin(), phrase[k].end(), tokens[start + k]) != phrase[k].end()) ++k;
        if (k == phrase.size()) return true;
    }
    return false;
}

}  // namespace

bool text_has_phrase(const std::string& text, const PhraseWords& phrase, Analyzer& analyzer) {
    if (phrase.empty()) return false;
    // Compared token by token, not as bytes: the phrase's forms are normalised (nukta folded,
    // ZWJ dropped, chandrabindu → anusvara), the stored text is as the paper printed it.
    const std::vector<Token> tokens = analyzer.tokenize(text);
    for (std::size_t start = 0; start + phrase.size() <= tokens.size(); ++start) {
        std::size_t k = 0;
        while (k < phrase.size() && phrase[k].count(tokens[start + k].exact)) ++k;
        if (k == phrase.size()) return true;
    }
    return false;
}

PhraseChecks::PhraseChecks(const RecordCodec* codec) : codec_(codec) {}

PhraseChecks::~PhraseChecks() = default;

std::shared_ptr<PhraseChecks> PhraseChecks::fresh_copy() const {
    auto copy = std::make_shared<PhraseChecks>(codec_);
    copy->phrases_ = phrases_;
    copy->ids_ = ids_;
    return copy;
}

std::size_t PhraseChecks::add(const PhraseWords& phrase, bool title_only) {
    Phrase p;
    p.title_only = title_only;
    std::size_t shortest_letters = 0;  // the fewest skeleton letters any occurrence has
    p.screened = true;
    for (const std::set<std::string>& forms : phrase) {
        std::vector<std::uint32_t> ids;
        std::vector<std::u32string> skeletons;
        std::size_t fewest = std::numeric_limits<std::size_t>::max();
        for (const std::string& form : forms) {
            ids.push_back(ids_.emplace(form, static_cast<std::uint32_t>(ids_.size())).first->second);
            // Screened only if every form is Devanagari and whole: a Latin or digit form, or one
            // cut to the term length, could differ from the text outside the skeleton's letters.
            if (!all_devanagari(form) || form.size() + 8 > kMaxTermBytes) p.screened = false;
            skeletons.push_back(hindi_normalizer::consonant_skeleton(form));
            fewest = std::min(fewest, skeletons.back().size());
        }
        shortest_letters += forms.empty() ? 0 : fewest;
        p.forms.push_back(std::move(ids));
        p.skeletons.push_back(std::move(skeletons));
    }
    // A phrase of stop words (में से) has too few letters to narrow anything down.
    if (shortest_letters < kMinScreenLetters) p.screened = false;
    phrases_.push_back(std::move(p));
    answers_.clear();  // answers hold one entry per phrase
    answered_ = 0;
    by_text_.clear();
    by_stored_hash_.clear();
    return phrases_.size() - 1;
}

std::vector<std::uint32_t> PhraseChecks::form_ids(std::string_view text) {
    // Token by token, as text_has_phrase compares.
    std::vector<std::uint32_t> ids;
    if (!analyzer_) analyzer_ = std::make_unique<Analyzer>();
    for (const Token& t : analyzer_->tokenize(text)) {
        auto it = ids_.find(t.exact);
        ids.push_back(it == ids_.end() ? kNoForm : it->second);
    }
    return ids;
}

std::vector<bool> PhraseChecks::check_all(const Xapian::Database& db, Xapian::docid did) { return check_document(db.get_document(did)); }

std::vector<bool> PhraseChecks::check_document(const Xapian::Document& doc) {
    const std::string key = doc.get_value(slot::kTextHash);
    if (key.empty()) return check_record(doc.get_value(slot::kRecord));  // an article written without one (tests)
    if (auto known = by_stored_hash_.find(key); known != by_stored_hash_.end()) return known->second;
    if (by_stored_hash_.size() >= limits::kMaxPhraseAnswers) by_stored_hash_.clear();
    // Checked here, not through check_record: the stored hash already tells copies apart, so
    // hashing the decompressed text again (by_text_) would be work for nothing.
    const std::vector<bool> answers = check_text(article_from_record(codec_->decompress(doc.get_value(slot::kRecord))));
    return by_stored_hash_.emplace(key, answers).first->second;
}

std::vector<bool> PhraseChecks::check_record(const std::string& record) {
    const Article a = article_from_record(codec_->decompress(record));
    // A story republished word for word (a wire story in several papers, a page scraped twice)
    // is checked once: segmenting the text is nine tenths of a check, hashing it a fiftieth.
    // The key is the text's 64-bit hash and lengths; two texts that differ share one with
    // odds of about 2^-64 per pair.
    const TextKey key{std::hash<std::string>{}(a.title) ^ (std::hash<std::string>{}(a.body) * 0x9E3779B97F4A7C15ull), a.title.size(), a.body.size()};
    if (auto known = by_text_.find(key); known != by_text_.end()) return known->second;
    if (by_text_.size() >= limits::kMaxPhraseAnswers) by_text_.clear();
    return by_text_.emplace(key, check_text(a)).first->second;
}

std::vector<bool> PhraseChecks::check_text(const Article& a) {
    Field title{a.title}, body{a.body};
    std::vector<bool> answers;
    for (const Phrase& p : phrases_) answers.push_back(field_holds(title, p) || (!p.title_only && field_holds(body, p)));
    return answers;
}

bool PhraseChecks::field_holds(Field& field, const Phrase& p) {
    if (!p.screened) {
        if (!field.tokens_read) field.ids = form_ids(field.text);
        field.tokens_read = true;
        return ids_hold_phrase(field.ids, p.forms);
    }
    if (!field.skeleton_read) field.letters = hindi_normalizer::consonant_skeleton(field.text, &field.offsets);
    field.skeleton_read = true;
    const std::u32string& letters = field.letters;
    // Every place where the skeletons of the phrase's words follow one another: a phrase in the
    // text is at one of them (hindi_normalizer::skeleton_letter). Each is then checked exactly,
    // by segmenting only the words around it.
    for (std::size_t start = 0; start < letters.size(); ++start) {
        const std::size_t end = skeleton_match_end(letters, start, p.skeletons, 0);
        if (end == kNoMatch) continue;
        // n words either side: words with no skeleton letters (में) may open or close the phrase.
        const std::size_t words = p.forms.size();
        const std::size_t from = words_back(field.text, field.offsets[start], words);
        const std::size_t to = words_forward(field.text, field.offsets[end - 1], words);
        if (ids_hold_phrase(form_ids(std::string_view(field.text).substr(from, to - from)), p.forms)) return true;
    }
    return false;
}

bool PhraseChecks::holds(std::size_t number, const Xapian::Database& db, const std::string& db_key, Xapian::docid did) {
    if (!codec_) return true;  // no stored text to check against: every candidate counts
    if (phrases_.size() == 1) return check_all(db, did)[0];  // no other phrase will ask again
    auto& answers = answers_[db_key];
    auto it = answers.find(did);
    if (it == answers.end()) {
        if (answered_ >= limits::kMaxPhraseAnswers) {
            answers.clear();
            answered_ = 0;
        }
        it = answers.emplace(did, check_all(db, did)).first;
        ++answered_;
    }
    return it->second[number];
}

bool PhraseChecks::holds_all(const std::vector<std::size_t>& numbers, const Xapian::Document& doc) {
    if (!codec_) return true;
    const std::vector<bool> answers = check_document(doc);
    return std::all_of(numbers.begin(), numbers.end(), [&](std::size_t n) { return answers[n]; });
}

RequiredPhrases::RequiredPhrases(std::shared_ptr<PhraseChecks> checks, std::vector<std::size_t> numbers)
    : checks_(std::move(checks)), numbers_(std::move(numbers)) {}

bool RequiredPhrases::operator()(const Xapian::Document& doc) const { return checks_->holds_all(numbers_, doc); }

PhraseFilter::PhraseFilter(std::shared_ptr<PhraseChecks> checks, std::size_t number, Xapian::Query candidates)
    : checks_(std::move(checks)), number_(number), candidate_query_(std::move(candidates)) {}

PhraseFilter::PhraseFilter(PhraseWords phrase, bool title_only, Xapian::Query candidates, const RecordCodec* codec)
    : checks_(std::make_shared<PhraseChecks>(codec)), number_(checks_->add(phrase, title_only)), candidate_query_(std::move(candidates)) {}

PhraseFilter::~PhraseFilter() = default;

PhraseFilter* PhraseFilter::clone() const { return new PhraseFilter(checks_, number_, candidate_query_); }

void PhraseFilter::init(const Xapian::Database& db) {
    db_ = db;
    db_key_ = db.get_uuid();
    candidates_.clear();
    position_ = 0;
    started_ = false;
    // The candidates are the documents with every word of the phrase (a boolean AND, in docid order).
    Xapian::Enquire enquire(db_);
    enquire.set_query(candidate_query_);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    Xapian::MSet all = enquire.get_mset(0, std::max<Xapian::doccount>(db_.get_doccount(), 1));
    candidates_.reserve(all.size());
    for (auto it = all.begin(); it != all.end(); ++it) candidates_.push_back(*it);
    std::sort(candidates_.begin(), candidates_.end());
}

void PhraseFilter::settle() {
    while (position_ < candidates_.size() && !checks_->holds(number_, db_, db_key_, candidates_[position_])) ++position_;
}

void PhraseFilter::next(double) {
    if (started_) ++position_;
    started_ = true;
    settle();
}

void PhraseFilter::skip_to(Xapian::docid did, double) {
    if (!started_) {
        started_ = true;
        settle();
    }
    if (position_ < candidates_.size() && candidates_[position_] >= did) return;
    position_ = static_cast<std::size_t>(std::lower_bound(candidates_.begin() + static_cast<std::ptrdiff_t>(position_), candidates_.end(), did) - candidates_.begin());
    settle();
}

}  // namespace khoj

namespace khoj {

Xapian::Query phrase_as_id_terms(const Xapian::Database& db, const Xapian::Query& candidates, PhraseChecks& checks, std::size_t number,
                                 const RecordCodec& codec, Xapian::doccount max_candidates) {
    // Which articles match matters, not their order or weight: boolean, in docid order.
    Xapian::Enquire enquire(db);
    enquire.set_query(candidates);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    // One MSet from the first match, then MSet::fetch(): it asks for every document before
    // reading any, so a remote shard sends them all in one stream rather than one round trip per
    // article. (Xapian 1.4's fetch() misreads an MSet that does not start at the first match,
    // so the candidates are not taken in pages.)
    const Xapian::MSet all = enquire.get_mset(0, max_candidates + 1);
    if (all.size() > max_candidates)
        throw IndexError("a phrase of this query has more than " + std::to_string(max_candidates) +
                         " candidate articles (all its words), which Khoj checks on the search host for remote shards: quote fewer words, add a word or a date range, or search local shards");
    all.fetch();
    std::vector<Xapian::Query> holders;
    for (auto it = all.begin(); it != all.end(); ++it) {
        const Xapian::Document doc = it.get_document();
        if (checks.holds_all({number}, doc)) holders.emplace_back(prefix::kId + article_from_record(codec.decompress(doc.get_value(slot::kRecord))).id);
    }
    if (holders.empty()) return Xapian::Query::MatchNothing;
    return Xapian::Query(Xapian::Query::OP_OR, holders.begin(), holders.end());
}

}  // namespace khoj
