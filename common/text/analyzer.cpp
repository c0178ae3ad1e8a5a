/** @file analyzer.cpp @brief The shared analysis chain. */
#include "common/text/analyzer.h"

#include "common/util/errors.h"
#include "common/text/hindi_normalizer.h"
#include "common/text/hindi_stemmer.h"
#include "common/text/stopwords.h"
#include "common/util/unicode_text.h"

#include <unicode/rbbi.h>
#include <unicode/utext.h>

namespace khoj {

std::string truncate_term(std::string term, std::size_t max_bytes) {
    if (term.size() <= max_bytes) return term;
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(term[cut]) & 0xC0) == 0x80) --cut;
    term.resize(cut);
    return term;
}

Analyzer::Analyzer() : hindi_(new HindiStemmer), english_("english") {
    UErrorCode status = U_ZERO_ERROR;
    words_.reset(icu::BreakIterator::createWordInstance(icu::Locale("hi"), status));
    if (U_FAILURE(status) || !words_) throw Error("ICU cannot create a word break iterator");
}

Analyzer::~Analyzer() = default;

namespace {

Script script_of(std::string_view word) {
    bool latin = false, digit = false;
    std::size_t i = 0;
    while (i < word.size()) {
        char32_t cp = next_code_point(word, i);
        if (is_devanagari(cp) && !(cp >= 0x0966 && cp <= 0x096F)) return Script::Devanagari;
        if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp < 0x250)) latin = true;
        if ((cp >= '0' && cp <= '9') || (cp >= 0x0966 && cp <= 0x096F)) digit = true;
    }
    if (latin) return Script::Latin;
    if (digit) return Script::Number;
    return Script::Other;
}

}  // namespace

std::string Analyzer::stem_of(const std::string& exact, Script script) {
    switch (script) {
        case Script::Devanagari:
            return truncate_term(hindi_normalizer::spelling_variants(hindi_(exact)));
        case Script::Latin:
            return truncate_term(english_(exact));
        default:
            return exact;
    }
}

void Analyzer::add_token(std::vector<Token>& tokens, std::string_view text, std::size_t begin, std::size_t end) {
    std::string_view word = text.substr(begin, end - begin);
    auto it = forms_.find(word);
    const bool new_form = it == forms_.end();
    if (new_form) {
        if (forms_.size() >= kMaxRememberedForms) forms_.clear();  // tokens keep their own forms alive
        auto form = std::make_shared<AnalysedForm>();
        form->script = script_of(word);
        if (form->script != Script::Other) form->exact = truncate_term(hindi_normalizer::orthographic(word));
        if (!form->exact.empty()) {
            form->stopword = is_stopword(form->exact);
            form->stem = stem_of(form->exact, form->script);
        }
        it = forms_.emplace(std::string(word), std::move(form)).first;
    }
    const std::shared_ptr<const AnalysedForm>& form = it->second;
    if (form->exact.empty()) return;  // not a word (Script::Other), or nothing left after normalising
    Token token;
    token.begin = begin;
    token.end = end;
    token.script = form->script;
    token.exact = form->exact;
    token.stopword = form->stopword;
    token.stem = form->stem;
    token.new_form = new_form;
    token.form = form;
    tokens.push_back(std::move(token));
}

std::vector<Token> Analyzer::tokenize(std::string_view text) {
    std::vector<Token> tokens;
    UErrorCode status = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    if (U_FAILURE(status)) return tokens;
    words_->setText(ut, status);
    int32_t start = words_->first();
    for (int32_t end = words_->next(); end != icu::BreakIterator::DONE; start = end, end = words_->next()) {
        if (words_->getRuleStatus() == UBRK_WORD_NONE) continue;  // spaces and punctuation
        // ICU joins words across an apostrophe (MidLetter), which in Hindi text is a quotation
        // mark: बावजूद’रूस is two words.
        std::size_t piece = static_cast<std::size_t>(start);
        const std::size_t word_end = static_cast<std::size_t>(end);
        if (!has_devanagari(text.substr(piece, word_end - piece))) {
            add_token(tokens, text, piece, word_end);
            continue;
        }
        for (std::size_t i = piece; i <= word_end;) {
            std::size_t here = i;
            char32_t cp = i < word_end ? next_code_point(text, i) : 0;
            bool split = here == word_end || cp == 0x2019 || cp == 0x2018 || cp == '\'';
            if (!split) continue;
            if (here > piece) add_token(tokens, text, piece, here);
            piece = i;
            if (here == word_end) break;
        }
    }
    utext_close(ut);
    return tokens;
}

Token Analyzer::analyze_word(std::string_view word) {
    std::string nfc = to_nfc(word);
    auto tokens = tokenize(nfc);
    if (tokens.empty()) return Token{};
    return tokens.front();
}

}  // namespace khoj
