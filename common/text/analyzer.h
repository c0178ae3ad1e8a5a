/** @file analyzer.h @brief The one analysis chain shared by the indexer, the query builder and the highlighter. */
#pragma once
#include <unicode/brkiter.h>
#include <xapian.h>

#include <cstddef>
#include <memory>
#include <string>
#include <unordered_map>
#include <string_view>
#include <vector>

namespace khoj {

/// Writing system of a token, which decides how it is stemmed and transliterated.
enum class Script { Devanagari, Latin, Number, Other };

/// Data another subsystem derives from a spelling once and keeps with the Analyzer's memo
/// entry for it (entities/: the matcher's WordFacts), so that each word of an article costs one
/// memo lookup rather than one per subsystem (a second lookup was 6% of indexing CPU).
class FormExtension {
  public:
    virtual ~FormExtension() = default;
};

/// What one spelling analyses to: the Analyzer's memo entry, shared by every token of it.
struct AnalysedForm {
    Script script = Script::Other;
    std::string exact, stem;
    bool stopword = false;
    /// Filled at most once, by the one subsystem that uses it (entities/), on the thread that
    /// uses the Analyzer; null until then.
    mutable std::unique_ptr<const FormExtension> extension;
};

/// One word of analysed text.
struct Token {
    std::string exact;       ///< orthographically normalised form: the phrase/highlight term
    std::string stem;        ///< stemmed and spelling-folded form: the ranking term (without prefix)
    std::size_t begin = 0;   ///< byte offset of the word in the NFC text
    std::size_t end = 0;     ///< byte offset one past the word
    Script script = Script::Other;
    bool stopword = false;
    bool new_form = false;   ///< first time this Analyzer met this spelling (the indexer keys each word once)
    /// The memo entry the token was analysed from, kept alive by the token when the memo starts
    /// afresh; null for a token made by hand.
    std::shared_ptr<const AnalysedForm> form;
};

/// Longest term Khoj indexes, in bytes. Xapian's TermGenerator silently drops words over 64
/// bytes, which is only 21 Devanagari letters (each letter is 3 bytes in UTF-8); Khoj keeps
/// them, truncated at a code point boundary well below Xapian's 245-byte key limit.
constexpr std::size_t kMaxTermBytes = 180;

/// Word forms a per-spelling memo (the Analyzer's, the entity matcher's) holds before it starts
/// afresh: news text repeats a small vocabulary, and the bound keeps memory flat on any archive.
constexpr std::size_t kMaxRememberedForms = 200000;

/// NFC → ICU word segmentation → hindi_normalizer::orthographic → stop words → Snowball stem → variant folding.
/// Not thread-safe (the stemmers and the break iterator keep state): one per thread.
class Analyzer {
  public:
    Analyzer();
    ~Analyzer();
    Analyzer(const Analyzer&) = delete;
    Analyzer& operator=(const Analyzer&) = delete;

    /// Splits already-NFC @p text into tokens with byte offsets into it.
    std::vector<Token> tokenize(std::string_view text);

    /// Analyses one word typed by a user (NFC is applied here) into a token; empty exact if none.
    Token analyze_word(std::string_view word);

    /// The ranking stem of an orthographically normalised word.
    std::string stem_of(const std::string& exact, Script script);

  private:
    void add_token(std::vector<Token>& tokens, std::string_view text, std::size_t begin, std::size_t end);

    // What a word form analyses to, remembered per form: news text repeats a small vocabulary,
    // and normalising and stemming each occurrence again was a third of indexing time.
    struct StringHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, std::shared_ptr<const AnalysedForm>, StringHash, std::equal_to<>> forms_;

    Xapian::Stem hindi_;
    Xapian::Stem english_;
    std::unique_ptr<icu::BreakIterator> words_;
};

/// Cuts @p term to at most @p max_bytes without splitting a UTF-8 sequence.
std::string truncate_term(std::string term, std::size_t max_bytes = kMaxTermBytes);

}  // namespace khoj
