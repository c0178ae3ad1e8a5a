/** @file lexicon.h @brief The lexicon of an archive in shards: the synonym tables of its indexes in one small database of no articles, which a search host keeps beside its stub file because xapian-tcpsrv does not serve synonyms. */
#pragma once
#include <xapian.h>

#include <cstdint>
#include <string>
#include <vector>

namespace khoj {

/// What write_lexicon() made.
struct LexiconSummary {
    std::size_t indexes = 0;   ///< the indexes merged in, counting those behind each lexicon given
    std::size_t keys = 0;      ///< synonym keys (romanisation lookup keys)
    std::size_t entries = 0;   ///< (key, word) pairs
    std::uint64_t bytes = 0;   ///< on disk
};

/// Writes into the folder @p output the union of the synonym tables of @p sources: index
/// folders (a shard each) or lexicons made before, all of this Khoj's analysis version. Romanised
/// and English query words are expanded through these keys, and over a remote shard Xapian reads
/// its synonym table as empty, so the search host needs them locally; the statistics that weigh
/// the expansions still come from the shards. @p output is replaced atomically when it is a
/// lexicon already; anything else there is refused (khoj::IndexError), as are sources that are
/// neither an index nor a lexicon, or of another analysis version.
LexiconSummary write_lexicon(const std::vector<std::string>& sources, const std::string& output);

/// True when @p db is a Khoj lexicon (write_lexicon()'s marker, no articles).
bool is_lexicon(const Xapian::Database& db);

/// Opens the lexicon at @p path; throws khoj::IndexError when it is missing, not a lexicon (an
/// index given instead would count its articles twice in the statistics of query expansion) or
/// of another analysis version.
Xapian::Database open_lexicon(const std::string& path);

}  // namespace khoj
