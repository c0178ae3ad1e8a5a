/** @file phrase_filter.cpp @brief Phrase matching without a positional index: candidates are checked against the stored text. */
#include "common/search/phrase_filter.h"

#include "common/index/schema.h"

#include "common/text/analyzer.h"
#include "common/ingest/article.h"

#include <algorithm>

namespace khoj {

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

PhraseFilter::PhraseFilter(PhraseWords phrase, bool title_only, Xapian::Query candidates, const RecordCodec* codec)
    : phrase_(std::move(phrase)), title_only_(title_only), candidate_query_(std::move(candidates)), codec_(codec) {}

PhraseFilter::~PhraseFilter() = default;

PhraseFilter* PhraseFilter::clone() const { return new PhraseFilter(phrase_, title_only_, candidate_query_, codec_); }

void PhraseFilter::init(const Xapian::Database& db) {
    db_ = db;
    if (!analyzer_) analyzer_ = std::make_unique<Analyzer>();
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

bool PhraseFilter::holds_phrase(Xapian::docid did) {
    if (!codec_) return true;  // no stored text to check against: every candidate counts
    Article a = article_from_record(codec_->decompress(db_.get_document(did).get_value(slot::kRecord)));
    if (text_has_phrase(a.title, phrase_, *analyzer_)) return true;
    return !title_only_ && text_has_phrase(a.body, phrase_, *analyzer_);
}

void PhraseFilter::settle() {
    while (position_ < candidates_.size() && !holds_phrase(candidates_[position_])) ++position_;
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
