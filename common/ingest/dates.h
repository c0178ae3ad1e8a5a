/** @file dates.h @brief Publication dates: from JSON fields, from news-site bylines in two scripts, from file names. */
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace khoj {

/// Month number (1–12) of an English or Hindi month name or abbreviation (July, Jul, जुलाई), or 0.
int month_from_name(std::string_view word);

/// Normalises a JSON date (YYYY-MM-DD or ISO 8601 with time) to YYYY-MM-DD; nullopt if invalid.
std::optional<std::string> parse_iso_date(std::string_view text);

/// Finds a publication date written in article text (`Updated: Thu, 27 Jul 2023 10:26 AM`,
/// `Sat, Mar 14, 2020`, `27 जुलाई 2023`, `एक अप्रैल 2020`); looks at the first 4 KB only, where
/// bylines are. Returns YYYY-MM-DD.
std::optional<std::string> find_date_in_text(std::string_view text);

/// Finds a date in a file name such as `AU-2020-APR-01` or `2020-04-01-foo`; returns YYYY-MM-DD.
std::optional<std::string> find_date_in_file_name(std::string_view name);

/// Checks a --since / --until / :since value and returns it as YYYY-MM-DD, so a typo is
/// reported instead of silently matching every date; throws khoj::UsageError otherwise
/// ("--since takes a date as YYYY-MM-DD, not 'July'"), naming the option by @p what.
std::string checked_day(const std::string& value, const std::string& what);

}  // namespace khoj
