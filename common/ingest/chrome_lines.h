/** @file chrome_lines.h @brief Site chrome in scraped text, one line at a time: app prompts, paywall counters, bylines, image placeholders, share, comment, related-link and navigation boilerplate, in Hindi and English (pure). */
#pragma once
#include <string>
#include <string_view>

namespace khoj {

/// What kind of site furniture a line of scraped text is; kNone for the article's own text.
enum class ChromeKind {
    kNone,
    kAppPrompt,    ///< "Move to Jagran APP", "ऐप डाउनलोड करें"
    kPaywall,      ///< "5/5शेष फ्री लेख", "Subscribe to read"
    kByline,       ///< "By Jagran NewsEdited By: …Updated: Thu, 27 Jul 2023 10:26 AM (IST)"
    kDateLine,     ///< a time stamp alone or its label: "Mon, Mar 9, 2020, 9:01 AM IST", "Date Updated"
    kImage,        ///< "Hero Image", "प्रतीकात्मक तस्वीर", "फोटो: सोशल मीडिया"
    kShare,        ///< "फॉलो करें:", "TwitterFacebookemailemail", "Share this"
    kComments,     ///< "Leave a Reply", "Your email address will not be published. …"
    kRelated,      ///< "Related Articles", "यह भी पढ़ें: …", "पढ़ें पूरी खबर"
    kNavigation,   ///< "Back to top button", "Skip to content", breadcrumbs "होम » देश"
    kAdvert,       ///< "Advertisement", "विज्ञापन"
    kTeaser,       ///< an excerpt cut short with "[…]": "… ऐलान किया. पुतिन […]"
    kLabelDebris,  ///< a label repeated with nothing after it: "Russia:  Russia:"
};

/// The lower-case English name of @p kind ("byline", "related"), for tests and diagnostics.
const char* chrome_kind_name(ChromeKind kind);

/// What @p line (one NFC line of scraped text, with or without surrounding white space) is:
/// kNone for article text. Only short lines are chrome (a byline or the comment form's notice
/// at most 30 words); a line ending a sentence with a danda is never a byline or a label.
ChromeKind classify_chrome_line(std::string_view line);

/// @p line folded for comparing lines: white space (NBSP, tab …) collapsed to one space and
/// trimmed, Hindi encoding differences and Latin case folded (hindi_normalizer::orthographic).
std::string folded_line(std::string_view line);

/// The date (YYYY-MM-DD) a byline or time-stamp line gives ("Updated: Thu, 27 Jul 2023 10:26 AM"
/// → 2023-07-27), or "" when it has none.
std::string date_of_chrome_line(std::string_view line);

}  // namespace khoj
