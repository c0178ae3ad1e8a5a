/** @file batch_queries.h @brief The --batch file of khoj-search: one qid<TAB>query per line, read as it arrives. */
#pragma once
#include <functional>
#include <istream>
#include <string>

namespace khoj {

/// One line of a batch file.
struct BatchQuery {
    std::string qid;    ///< what comes before the first tab (TREC topic id, D7, q1 …)
    std::string query;  ///< the rest of the line, as typed
};

/// Reads @p in line by line and calls @p each for every query, so results of one line are out
/// before the next is read (a pipe may feed queries as it goes). Empty lines and lines starting
/// with `#` are skipped, and a CR before the line end is dropped (files written on Windows). A
/// line without a tab throws khoj::UsageError "NAME:LINE: expected qid<TAB>query", with
/// @p name the file as given (`-` for standard input); earlier lines have been run by then.
void read_batch_queries(std::istream& in, const std::string& name, const std::function<void(const BatchQuery&)>& each);

}  // namespace khoj
