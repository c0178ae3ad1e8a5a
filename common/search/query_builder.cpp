/** @file query_builder.cpp @brief The parsed clauses, with each word expanded, combined into one Xapian::Query. */
#include "common/search/query_builder.h"

#include "common/entities/entities.h"
#include "common/index/entity_catalog.h"
#include "common/index/schema.h"
#include "common/ingest/article.h"
#include "common/search/phrase_filter.h"
#include "common/search/query_limits.h"
#include "common/search/ranking.h"
#include "common/text/romanisation.h"
#include "common/text/stopwords.h"
#include "common/util/errors.h"
#include "common/util/unicode_text.h"

#include <algorithm>
#include <set>
#include <utility>

namespace khoj {

namespace {

// The clauses of one sequence, by how they count.
struct Roles {
    std::vector<Xapian::Query> must, should, must_not, filters;
};

// The share of @p db's articles that the most frequent term of @p q is in: an upper bound on
// how many articles q matches, as far as it is one word (or phrase).
double article_share(const Xapian::Query& q, const Vocabulary& vocabulary) {
    Xapian::doccount most = 0;
    for (auto t = q.get_terms_begin(); t != q.get_terms_end(); ++t) most = std::max(most, vocabulary.termfreq(*t));
    return vocabulary.doccount() ? static_cast<double>(most) / vocabulary.doccount() : 0;
}

// Required, optional, excluded and filter clauses as one query.
Xapian::Query combine(Roles& roles, const Vocabulary& vocabulary) {
    std::vector<Xapian::Query>& should = roles.should;
    // BM25 has no notion of coordination: an article using one query word many times can
    // outrank one that uses every query word. Pairwise ANDs, lightly weighted, reward the
    // articles that match more of the words ("Shoigu Pyongyang July"). A pair of two common
    // words is left out (ranking::kCoordinationMaxShare): its AND walks most of the archive.
    if (should.size() >= 2 && should.size() <= ranking::kMaxCoordinatedWords) {
        const std::size_t words = should.size();
        std::vector<double> share;
        for (std::size_t i = 0; i < words; ++i) share.push_back(article_share(should[i], vocabulary));
        for (std::size_t i = 0; i < words; ++i) {
            for (std::size_t j = i + 1; j < words; ++j) {
                if (std::min(share[i], share[j]) > ranking::kCoordinationMaxShare) continue;
                should.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(Xapian::Query::OP_AND, should[i], should[j]), ranking::kCoordination);
            }
        }
    }
    const std::vector<Xapian::Query>& must = roles.must;
    Xapian::Query positive;
    if (!must.empty() && !should.empty()) {
        positive = Xapian::Query(Xapian::Query::OP_AND_MAYBE, Xapian::Query(Xapian::Query::OP_AND, must.begin(), must.end()),
                                 Xapian::Query(Xapian::Query::OP_OR, should.begin(), should.end()));
    } else if (!must.empty()) {
        positive = Xapian::Query(Xapian::Query::OP_AND, must.begin(), must.end());
    } else if (!should.empty()) {
        positive = Xapian::Query(Xapian::Query::OP_OR, should.begin(), should.end());
    }
    if (!roles.filters.empty()) {
        Xapian::Query filter(Xapian::Query::OP_AND, roles.filters.begin(), roles.filters.end());
        positive = positive.empty() ? filter : Xapian::Query(Xapian::Query::OP_FILTER, positive, filter);
    }
    if (!roles.must_not.empty()) {
        if (positive.empty()) positive = Xapian::Query::MatchAll;
        positive = Xapian::Query(Xapian::Query::OP_AND_NOT, positive, Xapian::Query(Xapian::Query::OP_OR, roles.must_not.begin(), roles.must_not.end()));
    }
    return positive;
}

// A day, month or year is one boolean term; a range compares the sortable date value.
Xapian::Query date_query(const DateFilter& date) {
    switch (date.span) {
        case DateFilter::Span::Day: return Xapian::Query(prefix::kDay + date.from);
        case DateFilter::Span::Month: return Xapian::Query(prefix::kMonth + date.from);
        case DateFilter::Span::Year: return Xapian::Query(prefix::kYear + date.from);
        case DateFilter::Span::Range: break;
    }
    if (date.to.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot::kDate, date.from);
    if (date.from.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot::kDate, date.to);
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot::kDate, date.from, date.to);
}

// How many of @p clauses rank articles (words, phrases, groups), excluded ones not counted.
std::size_t ranked_clauses(const std::vector<QueryClause>& clauses) {
    std::size_t ranked = 0;
    bool negated = false;
    for (const QueryClause& c : clauses) {
        const bool ranks = c.kind == QueryClause::Kind::Word || c.kind == QueryClause::Kind::Phrase || c.kind == QueryClause::Kind::Group;
        if (ranks && !negated && c.sign != '-') ++ranked;
        negated = c.kind == QueryClause::Kind::Not;
    }
    return ranked;
}

}  // namespace

// Builds one query: walks the parsed clauses, records each word's expansion in the result.
struct QueryBuilder::Assembler {
    QueryBuilder& builder;
    BuiltQuery& result;
    bool lone_item;  // the query is a single item: a lone stop word is still searched for
    std::shared_ptr<PhraseChecks> phrase_checks;  // one reading of each article for all phrases
    std::size_t phrase_filters = 0;
    bool top_level = true;  // building the query's own sequence, not a bracketed group

    // A sequence of clauses combined as must / should / must-not / filter. An operator applies
    // to the next clause; AND also makes the last optional clause before it required.
    Xapian::Query sequence(const std::vector<QueryClause>& clauses) {
        Roles roles;
        bool pending_and = false, pending_not = false;
        const bool lone_ranked_clause = top_level && ranked_clauses(clauses) == 1;
        for (std::size_t i = 0; i < clauses.size(); ++i) {
            const QueryClause& c = clauses[i];
            if (c.kind == QueryClause::Kind::And) {
                pending_and = true;
                // "a AND b": the clause before AND becomes required too.
                if (!roles.should.empty()) {
                    roles.must.push_back(roles.should.back());
                    roles.should.pop_back();
                }
                continue;
            }
            if (c.kind == QueryClause::Kind::Or) continue;
            if (c.kind == QueryClause::Kind::Not) {
                pending_not = true;
                continue;
            }
            bool is_filter = false;
            bool keeps_words = false;
            Xapian::Query q = unit(clauses, i, keeps_words);  // the next few Latin words read as one, if they are
            // A person: the words count too, but an article with the whole name comes first.
            if (keeps_words) roles.should.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, std::exchange(q, Xapian::Query()), ranking::kPersonNameWeight);
            // A phrase every match must hold is checked on the best-ranked candidates only
            // (BuiltQuery::required_phrases), not on every article that has its words.
            const bool required = c.kind == QueryClause::Kind::Phrase && top_level && !pending_not && c.sign != '-' &&
                                  (c.sign == '+' || pending_and || lone_ranked_clause);
            if (q.empty()) q = required ? phrase(c.text, c.title, true) : clause(c, is_filter);
            if (!q.empty()) {
                if (pending_not || c.sign == '-') roles.must_not.push_back(q);
                else if (is_filter) roles.filters.push_back(q);
                else if (pending_and || c.sign == '+') roles.must.push_back(q);
                else roles.should.push_back(q);
            }
            pending_and = pending_not = false;
        }
        return combine(roles, builder.vocabulary_);
    }

    // Adjacent plain Latin words from clauses[i] read as one unit (WordExpander::expand_unit),
    // longest first ("Ministry of External Affairs" before "External Affairs"); i is left on the
    // unit's last word, unless the unit keeps its words (a person's name: @p keeps_words).
    // Empty when they are no unit.
    Xapian::Query unit(const std::vector<QueryClause>& clauses, std::size_t& i, bool& keeps_words) {
        std::size_t plain = 0;  // plain Latin words from i on (a sign is allowed on the first only)
        while (i + plain < clauses.size() && plain < ranking::kMaxUnitWords) {
            const QueryClause& c = clauses[i + plain];
            if (c.kind != QueryClause::Kind::Word || c.title || (plain > 0 && c.sign != 0) || !is_latin_name_word(c.text)) break;
            ++plain;
        }
        for (std::size_t n = plain; n >= 2; --n) {
            std::vector<std::string> words;
            for (std::size_t k = 0; k < n; ++k) words.push_back(clauses[i + k].text);
            WordExpansion e = builder.expander_.expand_unit(words, false);
            if (e.terms.empty()) continue;
            keeps_words = builder.expander_.unit_keeps_words(words);
            if (!keeps_words) i += n - 1;
            Xapian::Query q = query_of(e);
            if (!e.forms.empty()) result.preferred_forms.push_back(e.forms);
            result.expansions.push_back(std::move(e));
            return q;
        }
        return Xapian::Query();
    }

    Xapian::Query clause(const QueryClause& c, bool& is_filter) {
        switch (c.kind) {
            case QueryClause::Kind::Group: {
                const bool outer = std::exchange(top_level, false);
                Xapian::Query q = sequence(c.group);
                top_level = outer;
                return q;
            }
            case QueryClause::Kind::Source: is_filter = true; return Xapian::Query(source_term(c.text));
            case QueryClause::Kind::Date: is_filter = true; return date_query(c.date);
            case QueryClause::Kind::Entity: is_filter = true; return entity_filter(c.entity, c.text);
            case QueryClause::Kind::Phrase: return phrase(c.text, c.title);
            default: return word(c.text, c.title);
        }
    }

    Xapian::Query word(const std::string& text, bool title) {
        // One typed word can hold several tokens (COVID-19): those become a phrase.
        std::string nfc = to_nfc(text);
        auto tokens = builder.analyzer_.tokenize(nfc);
        if (tokens.size() > 1) return phrase(text, title);
        if (tokens.empty()) return Xapian::Query();
        if (tokens.front().stopword && !lone_item) return Xapian::Query();
        WordExpansion e = builder.expander_.expand(nfc.substr(tokens.front().begin, tokens.front().end - tokens.front().begin), title);
        e.word = text;
        Xapian::Query q = query_of(e);
        if (!e.forms.empty() && !e.terms.empty()) result.preferred_forms.push_back(e.forms);
        result.expansions.push_back(std::move(e));
        return q;
    }

    // The forms a phrase word may take in the text: as typed, or, for a Latin word, the
    // Devanagari forms it transliterates to. Stop words included: "Kim Jong Un" is किम जोंग उन,
    // and उन is a stop word.
    std::set<std::string> phrase_forms(const Token& t) {
        std::set<std::string> forms{t.exact};
        if (t.script == Script::Latin && is_ascii_word(t.exact)) {
            const auto candidates = builder.expander_.latin_candidates(t.exact);
            for (const auto& c : candidates) {
                if (c.distance > candidates.front().distance + ranking::kSpellingTie) break;
                forms.insert(c.word);
            }
        }
        return forms;
    }

    // The words of a phrase, each in any of its forms, all required (ranked by their stems);
    // the phrase itself checked by a PhraseFilter, or, when @p required (every match must
    // hold it), left to the searcher's RequiredPhrases, which checks only the articles that
    // could make the page.
    Xapian::Query phrase(const std::string& text, bool title, bool required = false) {
        std::string nfc = to_nfc(text);
        auto tokens = builder.analyzer_.tokenize(nfc);
        const std::string stem_prefix = title ? prefix::kTitleStem : prefix::kStem;
        PhraseWords words;               // accepted forms per position, for the text check
        std::vector<Xapian::Query> all;  // every word's stems: what the phrase is ranked by
        for (const Token& t : tokens) {
            WordExpansion e;
            e.word = nfc.substr(t.begin, t.end - t.begin);
            std::set<std::string> forms = phrase_forms(t);
            // Stop words have no stem terms: a word that may be one ("Un" → उन) is left to the
            // text check; any other word must be in the article in some form.
            std::vector<Xapian::Query> stems;
            bool maybe_stopword = false;
            for (const std::string& form : forms) {
                if (is_stopword(form)) {
                    maybe_stopword = true;
                    continue;
                }
                std::string term = stem_prefix + builder.analyzer_.stem_of(form, form == t.exact ? t.script : Script::Devanagari);
                if (forms.size() > 1 && !builder.expander_.exists(term)) continue;
                e.add(term, 1.0, form == t.exact ? "phrase word" : "phrase word, transliteration " + form);
                stems.emplace_back(term);
            }
            if (!stems.empty()) all.push_back(Xapian::Query(Xapian::Query::OP_SYNONYM, stems.begin(), stems.end()));
            else if (!maybe_stopword) all.push_back(Xapian::Query(stem_prefix + t.stem));  // matches nothing
            words.push_back(std::move(forms));
            result.expansions.push_back(std::move(e));
        }
        if (all.empty()) return Xapian::Query();
        Xapian::Query ranked(Xapian::Query::OP_AND, all.begin(), all.end());
        if (words.size() == 1) return ranked;
        // Bounded here too: a word with several tokens (COVID-19) is a phrase without quotes.
        if (++phrase_filters > limits::kMaxPhrases) throw UsageError("query has more than " + std::to_string(limits::kMaxPhrases) + " phrases");
        if (builder.resolver_) return Xapian::Query(Xapian::Query::OP_FILTER, ranked, builder.resolver_(ranked, *phrase_checks, phrase_checks->add(words, title)));
        if (required) {
            result.required_phrases.push_back(phrase_checks->add(words, title));
            return ranked;
        }
        auto* filter = new PhraseFilter(phrase_checks, phrase_checks->add(words, title), ranked);
        return Xapian::Query(Xapian::Query::OP_FILTER, ranked, Xapian::Query(filter->release()));
    }

    // person:Shoigu = person:सोइगु = person:"Sergei Shoigu": any alias, either script. A name the
    // gazetteer lacks is looked for under the slug the indexer gives unknown names.
    Xapian::Query entity_filter(EntityKind kind, const std::string& text) {
        std::string typed = to_nfc(text);
        std::replace(typed.begin(), typed.end(), '_', ' ');
        Entity entity;
        if (auto known = Gazetteer::builtin().resolve(kind, typed)) {
            entity = *known;
        } else {
            entity.kind = kind;
            entity.name_en = has_devanagari(typed) ? devanagari_to_latin(typed) : typed;
        }
        WordExpansion e;
        e.word = std::string(kind_name(kind)) + ":" + text;
        e.add(entity_term(entity), 0, entity.name_en.empty() ? "filter" : "filter: " + entity.name_en);
        result.expansions.push_back(std::move(e));
        return Xapian::Query(entity_term(entity));
    }
};

QueryBuilder::QueryBuilder(const Vocabulary& vocabulary, const RecordCodec* codec)
    : vocabulary_(vocabulary), codec_(codec), expander_(vocabulary_, analyzer_, codec_) {}

BuiltQuery QueryBuilder::build(std::string_view text) {
    const ParsedQuery parsed = parse_query(text);
    BuiltQuery result;
    Assembler assembler{*this, result, parsed.item_count <= 1, std::make_shared<PhraseChecks>(codec_)};
    result.query = assembler.sequence(parsed.clauses);
    if (!result.required_phrases.empty()) result.phrase_checks = assembler.phrase_checks;
    return result;
}

}  // namespace khoj
