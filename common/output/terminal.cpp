/** @file terminal.cpp @brief Terminal facts from the TTY and the environment, and the progress bar. */
#include "common/output/terminal.h"

#include "common/util/errors.h"
#include "common/util/unicode_text.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace khoj {

bool stdout_is_terminal() { return isatty(STDOUT_FILENO) == 1; }
bool stderr_is_terminal() { return isatty(STDERR_FILENO) == 1; }

std::size_t terminal_width() {
    if (const char* columns = std::getenv("COLUMNS")) {
        long n = std::strtol(columns, nullptr, 10);
        if (n >= 20 && n < 1000) return static_cast<std::size_t>(n);
    }
    winsize ws{};
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20) return ws.ws_col;
    return 80;
}

std::size_t terminal_height() {
    winsize ws{};
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row >= 5) return ws.ws_row;
    return 24;
}

bool use_color(const std::string& when) {
    if (when == "always") return true;
    if (when == "never") return false;
    if (when != "auto") throw UsageError("--color takes auto, always or never, not '" + when + "'");
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color && *no_color) return false;
    const char* term = std::getenv("TERM");
    if (term && std::string(term) == "dumb") return false;
    return stdout_is_terminal();
}

namespace {

// The text with control characters neutralised; @p one_line also folds tab and line feed.
std::string neutralised(std::string_view text, bool one_line) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte >= 0x20 && byte < 0x7F) {  // printable ASCII, the common case
            out += text[i++];
            continue;
        }
        if (byte < 0x80) {
            ++i;
            if (byte == '\r' || (one_line && (byte == '\t' || byte == '\n'))) {
                out += ' ';
            } else if (byte == '\t' || byte == '\n') {
                out += static_cast<char>(byte);
            } else {
                out += '^';
                out += static_cast<char>(byte == 0x7F ? '?' : byte + 0x40);
            }
            continue;
        }
        const char32_t cp = next_code_point(text, i);  // U+FFFD for bytes that are not UTF-8
        append_utf8(out, cp >= 0x80 && cp <= 0x9F ? U'\uFFFD' : cp);
    }
    return out;
}

}  // namespace

std::string printable_text(std::string_view text) { return neutralised(text, false); }

std::string printable_line(std::string_view text) { return neutralised(text, true); }

void ProgressBar::update(std::size_t docs, std::size_t bytes, std::size_t total_bytes, double seconds) {
    if (!enabled_ || seconds - last_ < 0.1) return;
    last_ = seconds;
    double mb = static_cast<double>(bytes) / 1e6;
    double rate = seconds > 0 ? mb / seconds : 0.0;
    std::fprintf(stderr, "\r\033[Kindexing: %zu articles, %.1f MB, %.1f MB/s", docs, mb, rate);
    if (total_bytes > bytes && rate > 0) {
        double total_mb = static_cast<double>(total_bytes) / 1e6;
        std::fprintf(stderr, " (%.0f%%, ETA %.0f s)", 100.0 * mb / total_mb, (total_mb - mb) / rate);
    }
    std::fflush(stderr);
    drawn_ = true;
}

void ProgressBar::clear() {
    if (!drawn_) return;
    std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
    drawn_ = false;
}

}  // namespace khoj
