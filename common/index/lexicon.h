/** @file lexicon.h @brief The lexicon of an archive in shards: the synonym tables and entity names of its indexes in one small database of no articles, which a search host keeps beside its stub file (xapian-tcpsrv serves no synonyms, and each shard names an entity by its own articles). */
#pragma once
#include "common/entities/entities.h"

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace khoj {

/// What write_lexicon() made.
struct LexiconSummary {
    std::size_t indexes = 0;   ///< the indexes merged in, counting those behind each lexicon given
    std::size_t keys = 0;      ///< synonym keys (romanisation lookup keys)
    std::size_t entries = 0;   ///< (key, word) pairs
    std::size_t names = 0;     ///< entity names
    std::size_t terms = 0;     ///< word terms counted
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

/// The name the lexicon @p lexicon gives the entity with term @p term: the smallest spelling
/// (byte order) any of its indexes holds, as one index of all their articles would name it
/// (EntityCatalog keeps the smallest), or nullopt when it has none.
std::optional<Entity> lexicon_entity_name(const Xapian::Database& lexicon, const std::string& term);

/// True for the terms a lexicon counts (lexicon_termfreq()): words (prefix Z, and ZS for
/// headlines), what query expansion weighs; other terms are asked of the shards.
bool is_lexicon_counted(const std::string& term);

/// The number of articles of the lexicon's indexes holding @p term (is_lexicon_counted()), as
/// counted when the lexicon was made: 0 for a word they did not hold then.
Xapian::doccount lexicon_termfreq(const Xapian::Database& lexicon, const std::string& term);

/// The number of articles of the lexicon's indexes when it was made.
Xapian::doccount lexicon_doccount(const Xapian::Database& lexicon);

/// True when @p db is a Khoj lexicon (write_lexicon()'s marker, no articles).
bool is_lexicon(const Xapian::Database& db);

/// Opens the lexicon at @p path; throws khoj::IndexError when it is missing, not a lexicon (an
/// index given instead would count its articles twice in the statistics of query expansion) or
/// of another analysis version.
Xapian::Database open_lexicon(const std::string& path);

}  // namespace khoj
