/** @file vocabulary.cpp @brief Term frequencies for query building, from the index or from a lexicon's table. */
#include "common/search/vocabulary.h"

#include "common/index/lexicon.h"

namespace khoj {

Vocabulary::Vocabulary(Xapian::Database db) : db_(db), synonyms_(std::move(db)) {}

Vocabulary::Vocabulary(Xapian::Database db, std::vector<Xapian::Database> lexicons) : db_(std::move(db)), lexicons_(std::move(lexicons)) {
    for (const Xapian::Database& lexicon : lexicons_) {
        synonyms_.add_database(lexicon);
        doccount_ += lexicon_doccount(lexicon);
    }
}

Xapian::doccount Vocabulary::termfreq(const std::string& term) const {
    if (lexicons_.empty() || !is_lexicon_counted(term)) return db_.get_termfreq(term);
    Xapian::doccount sum = 0;
    for (const Xapian::Database& lexicon : lexicons_) sum += lexicon_termfreq(lexicon, term);
    return sum;
}

bool Vocabulary::exists_now(const std::string& term) const { return exists(term) || (!lexicons_.empty() && db_.term_exists(term)); }

Xapian::doccount Vocabulary::doccount() const { return lexicons_.empty() ? db_.get_doccount() : doccount_; }

}  // namespace khoj
