/** @file safe_line.h @brief Text made safe to print as one terminal line: control characters and broken UTF-8 shown as visible escapes. */
#pragma once
#include <string>
#include <string_view>

namespace khoj {

/// @p text with everything a terminal would act on rather than show written as a visible
/// escape: newline, tab and carriage return as \n \t \r, other C0 controls, DEL and C1
/// controls as \x1b, \x7f, \u009b, line and paragraph separators as \u2028 \u2029, and a byte
/// that is not part of valid UTF-8 as \xff. A file name holding a newline or an escape sequence
/// then prints as one line that cannot move the cursor, recolour or retitle the terminal;
/// printable text (Devanagari included) is left as it is.
std::string safe_line(std::string_view text);

}  // namespace khoj
