/** @file line_wrap.cpp @brief Word layout by display width. */
#include "common/output/line_wrap.h"

#include "common/util/unicode_text.h"

namespace khoj {

LineWrapper::LineWrapper(std::size_t columns, std::size_t max_lines, std::string indent)
    : columns_(columns), max_lines_(max_lines), indent_(std::move(indent)), out_(indent_) {}

bool LineWrapper::start_word(std::size_t width) {
    if (used_ > 0 && used_ + 1 + width > columns_) {
        if (lines_ == max_lines_) {
            out_ += " …";
            return false;
        }
        break_line();
    } else if (used_ > 0) {
        out_ += ' ';
        used_ += 1;
    }
    used_ += width;
    return true;
}

void LineWrapper::break_line() {
    out_ += "\n" + indent_;
    used_ = 0;
    ++lines_;
}

std::string wrap_to_width(std::string_view text, std::size_t width) {
    LineWrapper lines(width < 10 ? 10 : width);
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t nl = text.find('\n', start);
        const std::string_view line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
        for (std::size_t i = 0; i < line.size();) {
            if (line[i] == ' ' || line[i] == '\t' || line[i] == '\r') {
                ++i;
                continue;
            }
            std::size_t j = line.find_first_of(" \t\r", i);
            if (j == std::string_view::npos) j = line.size();
            const std::string_view word = line.substr(i, j - i);
            lines.start_word(display_width(word));
            lines.append(word);
            i = j;
        }
        if (nl == std::string_view::npos) break;
        lines.break_line();
        start = nl + 1;
    }
    return lines.text();
}

}  // namespace khoj
