/** @file terminal.h @brief Terminal facts (TTY, width, colour policy), text made safe to print, and a progress bar that stays off under cron. */
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace khoj {

/// ANSI SGR sequences, used only when use_color() says so.
namespace ansi {
constexpr const char* kBold = "\033[1m";
constexpr const char* kDim = "\033[2m";
constexpr const char* kMatch = "\033[1;33m";
constexpr const char* kPrompt = "\033[1;36m";
constexpr const char* kFilter = "\033[33m";
constexpr const char* kReset = "\033[0m";
}  // namespace ansi

/// True when standard output is a terminal.
bool stdout_is_terminal();
/// True when standard error is a terminal.
bool stderr_is_terminal();
/// Columns of the terminal on standard output (80 when unknown; $COLUMNS wins).
std::size_t terminal_width();
/// Rows of the terminal on standard output (24 when unknown): whether a text needs a pager.
std::size_t terminal_height();

/// Resolves --color=auto|always|never with NO_COLOR (https://no-color.org) and the TTY test.
/// Throws khoj::UsageError on any other value.
bool use_color(const std::string& when);

/// @p text safe to write to a terminal, for every text output of articles: control characters
/// other than tab and line feed shown in caret notation (ESC as `^[`, BEL as `^G`, DEL as
/// `^?`), a carriage return as a space, C1 controls (U+0080–U+009F) and bytes that are not
/// UTF-8 as U+FFFD. An article can then neither clear the screen, retitle the window nor write
/// the clipboard (OSC 52); Khoj's own colours are added after this.
std::string printable_text(std::string_view text);

/// printable_text() for a text shown on one line (a headline, an id, a TSV field): tab and line
/// feed become spaces as well.
std::string printable_line(std::string_view text);

/// One-line progress on standard error (docs, MB/s); inert when not enabled.
class ProgressBar {
  public:
    explicit ProgressBar(bool enabled) : enabled_(enabled) {}
    /// Redraws the line (articles, MB, MB/s, ETA when @p total_bytes is known), at most ten times a second.
    void update(std::size_t docs, std::size_t bytes, std::size_t total_bytes, double seconds);
    /// Erases the line so a message can be printed.
    void clear();

  private:
    bool enabled_;
    bool drawn_ = false;
    double last_ = -1;
};

}  // namespace khoj
