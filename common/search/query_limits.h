/** @file query_limits.h @brief The bounds on the work one query may cause (nesting, distinct words, phrases, the memory of the phrase checks), each with why it has its value; docs/output.md lists the bounds a user meets, with their messages. */
#pragma once
#include <cstddef>

/// Past a bound a query is a usage error (khoj::UsageError, exit 2) with a message naming the
/// bound, never a crash, a silent cut or minutes of work. The measurements are from the
/// reliability probe (../shared/design/reliability-probe.md, cases 1.9–1.15 and 1.36) on the
/// 3,399-article COVID index, release build.
namespace khoj::limits {

/// Brackets nested deeper than this are refused. The parser, the query builder and Xapian's
/// own query tree each recurse once per level: 20,000 levels overflowed the 8 MiB stack of a
/// release build and 10,000 that of an ASan build, and 1,000 levels of `(corona AND` took
/// 3.6 s under ASan. A typed query nests a handful of levels; 100 stays far from the stack's
/// end on every path, sanitizers included.
constexpr std::size_t kMaxNesting = 100;

/// Distinct words a query may hold (the words of phrases included; a word typed again in the
/// same place is read once). Each distinct word is expanded against the index and becomes a
/// posting list: 1,000 of the corpus's most frequent words take 0.5 s and 35 MB, 3,000 take
/// 1.8 s and 86 MB. A pasted paragraph is a few hundred words.
constexpr std::size_t kMaxWords = 1000;

/// Phrases a query may hold. Each phrase is checked against the stored text of every article
/// that has all its words; the checks of one query share one reading of each article, but each
/// phrase still looks for its candidates and walks them. Far more than anyone types.
constexpr std::size_t kMaxPhrases = 32;

/// Not a bound a user meets: the articles whose phrase answers PhraseChecks keeps before it
/// gives the memory back and reads afresh, some 5 MB at about 80 bytes an article. The phrase
/// filters of one query walk their candidates in docid order side by side, so an article one
/// of them has read is soon asked for by the others.
constexpr std::size_t kMaxPhraseAnswers = 1 << 16;

/// Candidates (articles with all the words) a phrase may have when a shard is remote: they are
/// checked on the search host, each record fetched over the network (phrase_as_id_terms), so the
/// cost grows with them. The figure is set from scripts/bench-shards, where the search host
/// checks about 10,000 candidates a second... see README "Remote shards" for the measured cost.
constexpr unsigned kMaxRemotePhraseCandidates = 20000;

/// Facets count the entities and months of at most this many of the best-ranked matches
/// (Facets::basis says how many). Reading two values of each costs about 2 µs: 1,000 take a
/// few milliseconds at any archive size, where counting every match of a broad word took
/// 100 ms at 340,000 articles and grows with the archive. 1,000 is two orders of magnitude
/// past a results page, and a facet's top names are settled long before.
constexpr unsigned kFacetBasis = 1000;

/// Text output counts matches exactly up to this many, and says "about N" beyond (Xapian's
/// estimate after checking this many, SearchResult::count_exact). Checking a match costs well
/// under a microsecond, so the bound keeps the count under about 5 ms at any archive size.
constexpr unsigned kCountedMatches = 10000;

}  // namespace khoj::limits
