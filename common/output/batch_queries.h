/** @file batch_queries.h @brief The --batch file of khoj-search: one qid<TAB>query per line, read as it arrives. */
#pragma once
#include <functional>
#include <istream>
#include <string>

namespace khoj {

/// One line of a batch file.
struct BatchQuery {
    std::string qid;    ///< what comes before the first tab (TREC topic id, D7, q1 …), never empty
    std::string query;  ///< the rest of the line, as typed
};

/// Reads @p in line by line and calls @p each for every query, so results of one line are out
/// before the next is read (a pipe may feed queries as it goes). Empty lines and lines starting
/// with `#` are skipped, and a CR before the line end is dropped (files written on Windows).
/// Stops with khoj::UsageError "NAME:LINE: …", @p name being the file as given (`-` for
/// standard input), at a line without a tab ("expected qid<TAB>query"), at an empty qid ("empty
/// qid before the tab": every output format starts with the qid), and when @p each throws a
/// UsageError for the line's query ("NAME:LINE: query QID: unbalanced ( in query"); earlier
/// lines have been run by then.
void read_batch_queries(std::istream& in, const std::string& name, const std::function<void(const BatchQuery&)>& each);

/// read_batch_queries() on the file at @p path, or on @p standard_input when @p path is `-`.
/// Throws khoj::UsageError "cannot read batch file PATH: …" when it is a folder or cannot be
/// opened or read.
void read_batch_file(const std::string& path, std::istream& standard_input, const std::function<void(const BatchQuery&)>& each);

}  // namespace khoj
