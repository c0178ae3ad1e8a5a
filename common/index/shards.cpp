/** @file shards.cpp @brief Stub files, shards opened one by one and as one database, merged docids mapped back to their shard. */
#include "common/index/shards.h"

#include "common/index/lexicon.h"
#include "common/index/schema.h"
#include "common/util/errors.h"
#include "common/util/string_util.h"

#include <charconv>
#include <filesystem>
#include <fstream>

namespace khoj {

namespace fs = std::filesystem;

std::size_t shard_of_id(std::string_view id, std::size_t shards) {
    // FNV-1a: fixed by its definition, so every machine and every release puts an id in the same shard.
    std::uint64_t hash = 14695981039346656037ULL;
    for (unsigned char c : id) {
        hash ^= c;
        hash *= 1099511628211ULL;
    }
    return shards == 0 ? 0 : static_cast<std::size_t>(hash % shards);
}

namespace {

std::string first_remote_of(const std::vector<ShardAddress>& shards) {
    for (const ShardAddress& address : shards) {
        if (address.remote) return address.name();
    }
    return "";
}

std::optional<std::size_t> whole_number(std::string_view text) {
    std::size_t n = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return n;
}

// "HOST:PORT" of a remote line; throws khoj::IndexError naming the stub file otherwise.
ShardAddress remote_address(const std::string& where, const std::string& target) {
    const auto colon = target.rfind(':');
    if (colon == 0 || target.empty()) throw IndexError(where + ": 'remote :PROGRAM' shards are not supported; serve the shard with xapian-tcpsrv and write 'remote HOST:PORT'");
    const std::optional<std::size_t> port = colon == std::string::npos ? std::nullopt : whole_number(std::string_view(target).substr(colon + 1));
    if (!port || *port == 0 || *port > 65535) throw IndexError(where + ": '" + target + "' is not HOST:PORT");
    ShardAddress address;
    address.remote = true;
    address.host = target.substr(0, colon);
    address.port = static_cast<unsigned>(*port);
    return address;
}

// The folder a stub line names: relative paths are relative to the stub file's folder, as Xapian reads them.
std::string shard_folder(const std::string& stub, const std::string& path) {
    const fs::path p(path);
    return p.is_absolute() ? path : (fs::path(stub).parent_path() / p).lexically_normal().string();
}

// What went wrong, for a message: "Couldn't connect (Connection refused)".
std::string network_failure(const Xapian::NetworkError& e) {
    const char* cause = e.get_error_string();
    return e.get_msg() + (cause && *cause ? std::string(" (") + cause + ")" : "");
}

// "a, b and c", for a message.
std::string join_names(const std::vector<std::string>& names) {
    std::string text;
    for (std::size_t i = 0; i < names.size(); ++i) text += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
    return text;
}

// Throws khoj::IndexError when the remote shard @p name cannot hand out its articles: the stock
// xapian-tcpsrv reads a document through its term list, which a new or compacted Khoj index
// lacks. Checked once at opening, on its first article, rather than on the first hit.
void check_documents_readable(const Xapian::Database& db, const std::string& name) {
    const Xapian::PostingIterator first = db.postlist_begin("");
    if (first == db.postlist_end("")) return;
    try {
        (void)db.get_document(*first);
    } catch (const Xapian::FeatureUnavailableError&) {
        throw IndexError("the remote shard " + name + " has no term lists, without which xapian-tcpsrv cannot hand out its articles: "
                         "run khoj-index --keep-termlist on it");
    }
}

}  // namespace

unsigned parse_shard_timeout(const std::string& seconds) {
    // Digits with at most one decimal point, read exactly (no locale, no exponent, no sign).
    const auto point = seconds.find('.');
    const std::string whole = seconds.substr(0, point);
    std::string fraction = point == std::string::npos ? "" : seconds.substr(point + 1);
    const bool digits = digits_only(whole) == whole && digits_only(fraction) == fraction && !(whole.empty() && fraction.empty());
    const std::optional<std::size_t> count = whole.empty() ? std::optional<std::size_t>(0) : whole_number(whole);
    constexpr std::size_t kDay = 24 * 60 * 60;
    if (!digits || !count || *count > kDay || (*count == kDay && fraction.find_first_not_of('0') != std::string::npos))
        throw UsageError("--shard-timeout takes a number of seconds from 0 (no limit) to 86400, such as 2 or 0.5, not '" + seconds + "'");
    fraction.resize(3, '0');  // milliseconds: what Xapian counts in; finer digits are dropped
    const std::size_t milliseconds = *count * 1000 + *whole_number(fraction);
    const bool below_one = milliseconds == 0 && seconds.find_first_of("123456789") != std::string::npos;
    return static_cast<unsigned>(below_one ? 1 : milliseconds);  // 0.0001 s is a limit, not none
}

ShardChoice parse_shard_choice(const std::string& text) {
    const auto slash = text.find('/');
    const std::optional<std::size_t> shard = whole_number(std::string_view(text).substr(0, slash));
    const std::optional<std::size_t> shards = slash == std::string::npos ? std::nullopt : whole_number(std::string_view(text).substr(slash + 1));
    if (!shard || !shards || *shards == 0 || *shard >= *shards)
        throw UsageError("--shard takes K/N with 0 <= K < N (e.g. 0/3), not '" + text + "'");
    return {*shard, *shards};
}

std::string ShardAddress::name() const { return remote ? "remote " + host + ":" + std::to_string(port) : path; }

bool is_stub_file(const std::string& path) {
    std::error_code ec;
    return fs::is_regular_file(path, ec);
}

StubFile read_stub_file(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw IndexError("cannot read the stub file " + path);
    StubFile stub;
    std::vector<ShardAddress>& shards = stub.shards;
    std::size_t number = 0;
    for (std::string line; std::getline(in, line);) {
        const std::string where = path + ":" + std::to_string(++number);
        const std::string text = trim(line);
        const std::string lexicon_mark = "# khoj-lexicon ";
        if (text.rfind(lexicon_mark, 0) == 0) {
            stub.lexicons.push_back(shard_folder(path, trim(text.substr(lexicon_mark.size()))));
            continue;
        }
        if (text.empty() || text[0] == '#') continue;
        const auto space = text.find_first_of(" \t");
        const std::string backend = text.substr(0, space);
        const std::string target = space == std::string::npos ? "" : trim(text.substr(space + 1));
        if (backend == "remote") {
            shards.push_back(remote_address(where, target));
        } else if ((backend == "glass" || backend == "auto") && !target.empty()) {
            ShardAddress address;
            address.path = shard_folder(path, target);
            shards.push_back(address);
        } else {
            throw IndexError(where + ": Khoj opens 'glass PATH', 'auto PATH' and 'remote HOST:PORT' shards, not '" + text + "'");
        }
    }
    if (shards.empty()) throw IndexError("the stub file " + path + " lists no shards");
    return stub;
}

ShardedIndex::ShardedIndex(std::string path, ShardPolicy policy) : path_(std::move(path)), policy_(policy) { open_all(); }

bool ShardedIndex::open_remote(const ShardAddress& address, Xapian::Database& db) const {
    try {
        db = Xapian::Remote::open(address.host, address.port, policy_.timeout_ms, policy_.timeout_ms);
        check_analysis_version(db, address.name());
        check_documents_readable(db, address.name());
        return true;
    } catch (const Xapian::NetworkError& e) {  // down, refusing, or slower than the timeout
        if (policy_.allow_partial) return false;
        throw IndexError("cannot reach the shard " + address.name() + ": " + network_failure(e));
    }
}

void ShardedIndex::open_all() {
    StubFile stub;
    if (is_stub_file(path_)) stub = read_stub_file(path_);
    else stub.shards.push_back(ShardAddress{false, path_, "", 0});
    if (!first_remote_of(stub.shards).empty() && stub.lexicons.empty())
        throw IndexError(path_ + ": the remote shard " + first_remote_of(stub.shards) + " needs a lexicon on this host, named by a line "
                         "'# khoj-lexicon PATH' (made by khoj-lexicon from the shards): xapian-tcpsrv does not serve the synonym table "
                         "that romanised and English words are expanded through");
    std::vector<Shard> shards;
    std::vector<std::string> missing;
    Xapian::Database merged;
    std::size_t remote = 0;
    for (const ShardAddress& address : stub.shards) {
        Shard shard{address, {}, {}, {0, 0}};
        if (!address.remote) {
            shard.db = open_index_for_reading(address.path, &shard.folder);
        } else {
            if (!open_remote(address, shard.db)) {
                missing.push_back(address.name());
                continue;
            }
            ++remote;
        }
        merged.add_database(shard.db);
        shards.push_back(std::move(shard));
    }
    if (shards.empty()) throw IndexError("no shard of " + path_ + " can be reached: " + join_names(missing));
    std::vector<Xapian::Database> lexicons;
    for (const std::string& path : stub.lexicons) lexicons.push_back(open_lexicon(path));
    lexicons_ = std::move(lexicons);
    lexicon_names_.clear();
    shards_ = std::move(shards);
    lexicon_paths_ = std::move(stub.lexicons);
    missing_ = std::move(missing);
    db_ = merged;
    remote_shards_ = remote;
}

Xapian::Database ShardedIndex::open_copy() const {
    if (remote_shards_ > 0) throw IndexError(path_ + ": a remote shard cannot be opened twice for a split search");
    Xapian::Database merged;
    for (const Shard& shard : shards_) merged.add_database(open_index_for_reading(shard.address.path));
    return merged;
}

void ShardedIndex::load_record_dictionaries(RecordCodec& codec) const {
    for (const Shard& shard : shards_) khoj::load_record_dictionaries(shard.db, codec);
}

ShardedIndex::Shard& ShardedIndex::shard_of(Xapian::docid did) { return shards_[(did - 1) % shards_.size()]; }

const Entity* ShardedIndex::named_by_lexicon(const Entity* e) {
    if (!e || lexicons_.empty()) return e;
    const std::string term = entity_term(*e);
    auto [it, fresh] = lexicon_names_.try_emplace(term);
    if (fresh) {
        for (const Xapian::Database& lexicon : lexicons_) {
            const std::optional<Entity> named = lexicon_entity_name(lexicon, term);
            if (named && (!it->second || named->name < it->second->name)) it->second = named;
        }
    }
    return it->second ? &*it->second : e;
}

const Entity* ShardedIndex::entity_by_id(Xapian::docid did, std::uint32_t id) {
    Shard& shard = shard_of(did);
    return named_by_lexicon(shard.entities.entity_by_id(shard.db, id));
}

std::vector<Entity> ShardedIndex::entities_of(Xapian::docid did, std::string_view value) {
    std::vector<Entity> out;
    for (std::uint32_t id : decode_entity_ids(value)) {
        if (const Entity* e = entity_by_id(did, id)) out.push_back(*e);
    }
    return out;
}

bool ShardedIndex::refresh() {
    for (const Shard& shard : shards_) {
        if (!shard.address.remote && folder_identity(real_index_folder(shard.address.path)) != shard.folder) {
            // Compaction or a term-list restore put a new folder in place: its old files are
            // unlinked, never modified, so Xapian would go on serving the old snapshot unasked.
            open_all();
            return true;
        }
    }
    bool changed = false;
    try {
        changed = db_.reopen();
    } catch (const Xapian::Error&) {
        open_all();  // e.g. a folder swapped during the reopen
        changed = true;
    }
    if (changed) {
        for (Shard& shard : shards_) shard.entities.forget();
    }
    return changed;
}

}  // namespace khoj
