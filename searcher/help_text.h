/** @file help_text.h @brief The --help text of khoj-search around its option list: usage, query syntax, examples, the prompt, environment, exit status. */
#pragma once

namespace khoj_search {

/// What khoj-search does, before the option list.
inline constexpr const char* kUsage = R"(Usage: khoj-search [--index DIR] [options] QUERY...
  or:  khoj-search [--index DIR] [options] --batch FILE
  or:  khoj-search [--index DIR] [options]

Searches a Khoj index of Hindi news and prints the best-matching articles first.
Queries may be typed in any script: English names and romanised Hindi find
Devanagari articles, and every inflection of a word is found. With no QUERY and
standard input and output on a terminal, it opens an interactive prompt.
Results go to standard output, messages to standard error (see docs/output.md).

)";

/// Query syntax, examples, the prompt, environment and exit status, after the option list.
inline constexpr const char* kMore = R"(
Query syntax:
  word word         words are ranked by relevance; an article need not hold all
  "a phrase"        the words together, in this order
  a AND b           both words (a OR b: either; NOT a or -a: without; +a: must have)
  ( ... )           grouping, as in lockdown AND (Delhi OR Mumbai)
  title:WORD        the word in the headline
  source:NAME       articles from one source (e.g. amar_ujala)
  date:2020-04      one year (YYYY), month (YYYY-MM) or day (YYYY-MM-DD)
  date:FROM..TO     a date range; either end may be left out
  person:X          articles that mention a person (also place:X and org:X)

Examples:
  khoj-search Shoigu Pyongyang July
      English words and names find their Devanagari spellings (शोइगु, जुलाई)
  khoj-search sharab ki dukan
      romanised Hindi (शराब की दुकान)
  khoj-search मस्जिदों
      Devanagari, every inflection (मस्जिद, मस्जिदें, मस्जिदों)
  khoj-search '"रक्षा मंत्री"'
      a phrase
  khoj-search 'lockdown AND (Delhi OR Mumbai) NOT Kejriwal'
      required, alternative and excluded words
  khoj-search 'title:कोरोना source:amar_ujala'
      a word in the headline, in one source
  khoj-search 'vaccine date:2020-04-01..2020-04-30'
      a date range in the query
  khoj-search --since 2023-07-01 --until 2023-07-31 Kim Putin
      the same with options
  khoj-search 'person:Putin place:Pyongyang org:KCNA'
      person, place and organisation filters
  khoj-search --format json -n 5 Modi | jq -r .title
      JSON lines for scripts
  khoj-search --count corona; khoj-search -n 10 --offset 10 corona
      how many articles match; the second page of ten
  khoj-search --all-copies 'HIV रोधक दवाइयां'
      every copy of a republished story (by default one hit, "+2 similar")
  printf 'q1\tShoigu\n' | khoj-search --format trec --batch -
      a TREC run of the queries on standard input

Interactive use:
  Run khoj-search without a query on a terminal. Type a query and press Enter;
  Enter on an empty line or :next shows the next page, :prev the previous one,
  :open N reads article N, :since/:until DATE, :source NAME, :person/:place/:org X
  add filters, :clear drops them, :copies shows every republished copy (or
  collapses them again), :explain shows how the last query was read, :help
  lists the commands, :quit or Ctrl-D leaves, Ctrl-C cancels a line.
  History is kept in $XDG_STATE_HOME/khoj/history (~/.local/state/khoj/history).

Environment:
  KHOJ_INDEX        index folder (or stub file of shards) when --index is not given
  KHOJ_HISTORY      history file of the interactive prompt
  PAGER             pager for long articles at the prompt (default: less -R)
  NO_COLOR          when set and not empty, no colours (unless --color always)

Exit status:
  0  at least one article matched
  1  nothing matched
  2  usage error (bad option, query syntax or date; no query when not on a terminal)
  3  the index is missing, unreadable, or was built by another Khoj version; or
     a remote shard is down or timed out (named on stderr; see --allow-partial)
  4  with --allow-partial: answered without a shard that is down (a warning
     names it), whatever matched
)";

}  // namespace khoj_search
