/** @file line_wrap.h @brief Laying words out in lines by display width (not bytes), for every text written to a terminal. */
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace khoj {

/// Lays words out in lines of at most a given number of display columns, breaking only between
/// words, so a Devanagari word or conjunct is never split; a word wider than a line gets a line
/// of its own. The caller measures and writes each word, so it can colour parts of it.
class LineWrapper {
  public:
    /// Lines of @p columns columns, each starting with @p indent; at most @p max_lines lines (0: any number).
    explicit LineWrapper(std::size_t columns, std::size_t max_lines = 0, std::string indent = "");

    /// Makes room for a word @p width columns wide: a space, or a new line when it would not
    /// fit. Returns false, after marking the cut with " …", when that would need one line more
    /// than allowed: the rest of the text is left out.
    bool start_word(std::size_t width);

    /// Writes (part of) the word started last; may hold colour codes, which take no columns.
    void append(std::string_view text) { out_.append(text); }

    /// Starts a new line here, as a line break in the text does.
    void break_line();

    /// What has been laid out.
    const std::string& text() const { return out_; }

  private:
    std::size_t columns_;
    std::size_t max_lines_;
    std::string indent_;
    std::string out_;
    std::size_t used_ = 0;   // columns taken on the current line
    std::size_t lines_ = 1;
};

/// Lays out @p text in lines of at most @p width display columns (10 at least), breaking only
/// at spaces; keeps the text's own line breaks, and folds the white space between words.
std::string wrap_to_width(std::string_view text, std::size_t width);

}  // namespace khoj
