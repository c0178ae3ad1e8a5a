/** @file shards.h @brief An archive split into shards, searched as one index: the stub file, each shard opened on its own for its metadata, a merged docid mapped to its shard, and the shard an article id belongs to. */
#pragma once
#include "common/entities/entities.h"
#include "common/index/entity_catalog.h"
#include "common/index/index_folder.h"

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace khoj {

class RecordCodec;

/// The shard (0 … @p shards − 1) that the article with @p id belongs to: FNV-1a (64-bit) of the
/// id's bytes modulo @p shards. A hash of the id, not the date or the source, because it gives
/// shards of even size whatever the archive holds, and one id always lands in the same shard, so
/// re-indexing an article replaces it there (a date or source split would move an article whose
/// date or source was corrected, leaving its old copy in another shard).
std::size_t shard_of_id(std::string_view id, std::size_t shards);

/// Which shard a khoj-index run builds: "K/N" (0 ≤ K < N) parsed; throws khoj::UsageError.
struct ShardChoice {
    std::size_t shard = 0;
    std::size_t shards = 1;
};
ShardChoice parse_shard_choice(const std::string& text);

/// What a search does about a remote shard it cannot reach: its server down, or slower than
/// the timeout (Xapian::NetworkError, Xapian::NetworkTimeoutError included).
struct ShardPolicy {
    /// Leave such a shard out and answer from the others (ShardedIndex::missing_shards names it)
    /// instead of throwing khoj::IndexError.
    bool allow_partial = false;
    /// How long one exchange with a remote shard, or connecting to it, may take, in
    /// milliseconds; 0: no limit. 10 s, Xapian's default for Xapian::Remote::open.
    unsigned timeout_ms = 10000;
};

/// The --shard-timeout of khoj-search: seconds, whole or decimal ("2", "0.5"; 0 = no limit, at
/// most a day), as milliseconds (at least 1 when not 0); throws khoj::UsageError otherwise.
unsigned parse_shard_timeout(const std::string& seconds);

/// One shard line of a stub database file (Xapian's own format, read here so that each shard
/// can be opened on its own): `glass PATH` / `auto PATH` (relative to the stub's folder), `remote
/// HOST:PORT` (xapian-tcpsrv).
struct ShardAddress {
    bool remote = false;
    std::string path;      ///< local shard: its folder
    std::string host;      ///< remote shard
    unsigned port = 0;     ///< remote shard
    std::string name() const;  ///< the folder, or "remote HOST:PORT", for messages
};

/// What a stub file lists: its shards, in order, and the lexicons (index/lexicon.h) named by
/// Khoj's comment lines `# khoj-lexicon PATH` anywhere in it (Xapian skips them as comments),
/// from which queries are expanded when a shard is remote (its synonym table reads as empty).
struct StubFile {
    std::vector<ShardAddress> shards;
    std::vector<std::string> lexicons;  ///< folders, relative paths resolved beside the stub
};

/// True when @p path is a regular file (a stub file) rather than an index folder.
bool is_stub_file(const std::string& path);

/// The shards and lexicons a stub file lists; throws khoj::IndexError on a line Khoj cannot open
/// (`remote :PROGRAM`, `inmemory`, an unknown backend) or on a file that lists no shard.
StubFile read_stub_file(const std::string& path);

/// An index folder or a stub file of shards, opened as one Xapian database for ranking (Xapian
/// merges the collection statistics, synonyms and term frequencies of all shards) and shard by
/// shard for what Xapian reads from the first shard only: metadata (record dictionaries, entity
/// ids, the analysis version). A merged docid d lives in shard (d − 1) mod N as docid
/// (d − 1) / N + 1: Xapian interleaves them.
class ShardedIndex {
  public:
    /// Opens @p path (a folder or a stub file); throws khoj::IndexError naming the shard that is
    /// missing, damaged, unreachable (unless @p policy allows partial answers: then it is left
    /// out) or of another analysis version, and when no shard at all can be reached.
    explicit ShardedIndex(std::string path, ShardPolicy policy = {});

    /// All shards as one database, for ranking.
    const Xapian::Database& database() const { return db_; }
    /// Every shard opened again as one database, for a search on another thread (a
    /// Xapian::Database must not be used by two threads at once); only for local shards.
    Xapian::Database open_copy() const;
    /// The stub's lexicons, each on its own (empty for an index folder or a stub without one).
    const std::vector<Xapian::Database>& lexicons() const { return lexicons_; }
    /// True when a shard is served by xapian-tcpsrv (queries are then built from the lexicons, phrases checked on this host).
    bool has_remote_shard() const { return remote_shards_ > 0; }
    /// The number of shards open (1 for an index folder).
    std::size_t shard_count() const { return shards_.size(); }
    /// The shards the stub lists that are left out, unreachable (ShardPolicy::allow_partial), by
    /// name, in the stub's order; empty when every shard is open.
    const std::vector<std::string>& missing_shards() const { return missing_; }
    /// The number of shards listed: those open and those missing.
    std::size_t shards_listed() const { return shards_.size() + missing_.size(); }

    /// Gives @p codec the record dictionaries of every shard (a dictionary id is zstd's hash of
    /// its bytes, so two shards' dictionaries never clash).
    void load_record_dictionaries(RecordCodec& codec) const;

    /// The entity with @p id in the catalog of the shard holding merged docid @p did, named as the
    /// stub's lexicon names it when it has one (a shard names an entity the gazetteer lacks by
    /// the spellings of its own articles).
    const Entity* entity_by_id(Xapian::docid did, std::uint32_t id);
    /// The entities of a slot::kEntities @p value of merged docid @p did.
    std::vector<Entity> entities_of(Xapian::docid did, std::string_view value);

    /// Picks up new commits of every shard: true when something changed (the caller reloads the
    /// dictionaries). A local shard whose folder was swapped (compaction) makes the whole set
    /// open afresh, as does a reopen that fails.
    bool refresh();

    /// Opens every shard afresh after a remote shard failed during a search (a
    /// Xapian::NetworkError): the failed exchange leaves the connections to the other remote
    /// shards out of step too, and connecting anew tells which shard is unreachable. Throws
    /// khoj::IndexError naming it, or under ShardPolicy::allow_partial leaves it out.
    void reconnect() { open_all(); }

  private:
    struct Shard {
        ShardAddress address;
        Xapian::Database db;
        EntityCatalog entities;
        FolderIdentity folder{0, 0};
    };
    void open_all();
    Shard& shard_of(Xapian::docid did);
    // Connects to the remote shard at @p address into @p db: false when it is unreachable and
    // the policy allows partial answers, khoj::IndexError naming it when not.
    bool open_remote(const ShardAddress& address, Xapian::Database& db) const;

    std::string path_;
    ShardPolicy policy_;
    std::vector<std::string> missing_;  ///< see missing_shards()
    std::vector<Shard> shards_;
    // @p e, named as the stub's lexicons name it (the smallest spelling among all shards).
    const Entity* named_by_lexicon(const Entity* e);

    std::vector<std::string> lexicon_paths_;
    std::vector<Xapian::Database> lexicons_;  ///< each on its own: metadata is read from a first database only
    std::unordered_map<std::string, std::optional<Entity>> lexicon_names_;  ///< entity term → its lexicon name (nullopt: none)
    Xapian::Database db_;
    std::size_t remote_shards_ = 0;
};

}  // namespace khoj
