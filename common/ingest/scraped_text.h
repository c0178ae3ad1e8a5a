/** @file scraped_text.h @brief Scraped article text made clean: the real headline chosen past chrome and section labels, chrome lines, repeated paragraphs and a source's template lines dropped (pure, no Xapian). */
#pragma once
#include "common/ingest/article.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace khoj {

/// True when @p line reads as a section name standing above a headline ("अन्तर्राष्ट्रीय",
/// "उत्तर प्रदेश", "Breaking News"): one to three words, no digit, punctuation or trailing dash
/// (a run-in heading "डालनवाला क्षेत्र-" heads a list, not a headline), and no
/// function word (का, में, the …), which every headline of three words has ("कोरोना का कहर").
bool is_section_label(std::string_view line);

/// True when @p line reads as a headline: 4 to 25 words, no danda, and not ended by the
/// full stop, colon, comma or dash that end a sentence, a dateline or a label.
bool is_headline_like(std::string_view line);

/// The headline among @p lines (the first lines of a scraped text, in order, none empty; @p chrome
/// says which are chrome or template): the first line that is not chrome, unless it is a run of
/// section labels followed by a headline-like line, which is then the headline. lines.size()
/// when every line is chrome.
std::size_t choose_headline(const std::vector<std::string_view>& lines, const std::vector<bool>& chrome);

/// Indexes of the paragraphs of @p paragraphs (lines, blank ones allowed) that repeat another,
/// each at least 8 words long: the same text as an earlier one; an excerpt of a longer one cut
/// short with "[…]" or "…"; the first half or more of a longer one, when it is a lead of 20
/// words or more; all of a longer one but its dateline ("सियोल (दक्षिण कोरिया), एजेंसी। …").
/// The longer paragraph stays. A sentence quoted inside a paragraph, a short heading repeated and
/// list items that start alike ("क्या बंद है- सिनेमा हॉल, स्कूल …") stay too.
std::vector<std::size_t> repeated_paragraphs(const std::vector<std::string_view>& paragraphs);

/// The lines that repeat across the articles of one source: its template. Counts each distinct
/// line (of up to 600 bytes: furniture is short) once per article, white space and Latin case
/// aside (digits count: "आज 5 नए मामले" and "आज 7 नए मामले" are news, not one line); a line
/// is template when at least kMinArticles articles of the source and half of those counted have it.
class TemplateLines {
  public:
    static constexpr std::size_t kMinArticles = 5;

    /// Counts the distinct lines of @p text (one article) under @p source.
    void add(std::string_view source, std::string_view text);

    /// True when @p line is a template line of @p source.
    bool contains(std::string_view source, std::string_view line) const;

    /// The number of articles counted under @p source.
    std::size_t articles(std::string_view source) const;

  private:
    struct Source {
        std::size_t articles = 0;
        std::size_t most = 0;  ///< the largest count of any line: below the threshold, no line needs hashing
        std::unordered_map<std::uint64_t, std::uint32_t> lines;  ///< key of a line → articles that have it
    };
    std::unordered_map<std::string, Source> sources_;
};

/// Where an article's headline came from, which decides whether it may be replaced.
enum class HeadlineOrigin {
    kFirstLine,  ///< a .txt file's first line: scraped text like the rest
    kField,      ///< a JSON title: kept unless it is chrome or a section label and the body's first lines offer a headline
    kPage,       ///< a web page's metadata: never replaced
};

/// What cleaning found besides the cleaned text.
struct CleaningReport {
    std::string date;               ///< YYYY-MM-DD from a byline or time stamp that was dropped, or ""
    std::size_t dropped_lines = 0;  ///< chrome, template and repeated lines taken out (title candidates included)
};

/// Cleans one NFC article in place: chooses its headline (by @p origin), drops chrome lines,
/// template lines of @p source in @p templates (none when null), paragraphs repeating another
/// and a body line repeating the headline. Paragraph breaks are kept; an article with nothing to
/// drop is left exactly as it was.
CleaningReport clean_scraped_article(Article& article, HeadlineOrigin origin, const TemplateLines* templates = nullptr,
                                     std::string_view source = {});

}  // namespace khoj
