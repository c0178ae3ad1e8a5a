/** @file repl.h @brief The interactive khoj-search prompt: line editing, history, result pages, article view and filters. */
#pragma once
#include "common/search/searcher.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace khoj {

/// What the prompt starts with, taken from the command line.
struct ReplOptions {
    std::string index;
    SearchRequest request;  ///< page size (limit), sort order, --since and --until
    bool color = false;     ///< already resolved from --color, NO_COLOR and the TTY test
};

/// Runs the prompt until :quit or Ctrl-D so a reader can search, page and read without retyping
/// the command; returns the exit code. Throws khoj::IndexError when the index cannot be read.
int run_repl(const ReplOptions& options);

/// Lays out @p text in lines of at most @p width display columns (not bytes), breaking only at
/// spaces so a Devanagari word or conjunct is never split; keeps the text's own line breaks,
/// and gives a word wider than @p width a line of its own.
std::string wrap_to_width(std::string_view text, std::size_t width);

/// Where history is kept, so it survives sessions: $KHOJ_HISTORY, else
/// $XDG_STATE_HOME/khoj/history, else ~/.local/state/khoj/history.
std::string history_path();

/// Checks a --since / --until / :since value and returns it as YYYY-MM-DD, so a typo is
/// reported instead of silently matching every date; throws khoj::UsageError otherwise.
std::string checked_day(const std::string& value, const std::string& what);

}  // namespace khoj
