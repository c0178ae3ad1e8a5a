/** @file repl.h @brief The interactive khoj-search prompt: line editing, history, result pages, article view and filters. */
#pragma once
#include "common/search/searcher.h"

#include <string>

namespace khoj {

/// What the prompt starts with, taken from the command line.
struct ReplOptions {
    std::string index;
    SearchRequest request;  ///< page size (limit), sort order, --since and --until
    bool color = false;     ///< already resolved from --color, NO_COLOR and the TTY test
    ShardPolicy shards;     ///< --allow-partial, --shard-timeout
};

/// Runs the prompt until :quit or Ctrl-D so a reader can search, page and read without retyping
/// the command; returns the exit code. Throws khoj::IndexError when the index cannot be read.
int run_repl(const ReplOptions& options);

}  // namespace khoj
