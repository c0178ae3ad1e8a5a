/** @file record_codec.cpp @brief zstd record compression with versioned dictionaries. */
#include "common/ingest/record_codec.h"

#include "common/util/errors.h"

#include <zdict.h>
#include <zstd.h>

#include <memory>
#include <mutex>

namespace khoj {

namespace {
// The dictionary trained for a new index, and the zstd level its records are compressed at.
// zstd picks its search parameters by the size of record and dictionary together (tiers of
// 16 KB, 128 KB, 256 KB and beyond), so the two were chosen together. Measured on the COVID
// corpus (tools beside the benchmark, not kept): a dictionary trained on the first 2,000
// articles, records of the 1,395 it never saw:
//   64 KB, level 9 (the choice before):       59 µs a record, 4.72:1;
//   64 KB, level 5:                            16 µs, 3.95:1;
//   128 KB, level 5:                           22 µs, 4.76:1;
//   128 KB, level 6 and 7:                     27 and 33 µs, 4.56:1 and 4.59:1;
//   256 KB, level 5:                           16 µs, 4.31:1 (past the 256 KB tier).
// 128 KB at level 5 keeps level 9's size at well under half its time: compression had been a
// sixth of khoj-index's CPU time at x100, and the indexing pace is bounded by CPU.
constexpr std::size_t kDictionaryBytes = 128 * 1024;
constexpr int kLevel = 5;
// A dictionary of at most 64 KB, as every index before this one was trained with: level 5 loses
// a sixth of its ratio with one (above), so such an index keeps level 9 for what is added to it.
constexpr std::size_t kSmallDictionaryBytes = 64 * 1024;
constexpr int kSmallDictionaryLevel = 9;
// Too little text trains a dictionary that compresses worse than none.
constexpr std::size_t kMinTrainingBytes = 8 * 64 * 1024;

int level_for(std::size_t dictionary_bytes) { return dictionary_bytes <= kSmallDictionaryBytes ? kSmallDictionaryLevel : kLevel; }
}  // namespace

struct RecordCodec::Dictionary {
    std::string bytes;
    ZSTD_DDict* ddict = nullptr;
    explicit Dictionary(std::string b) : bytes(std::move(b)) { ddict = ZSTD_createDDict(bytes.data(), bytes.size()); }
    ~Dictionary() {
        ZSTD_freeCDict(cdict_);
        ZSTD_freeDDict(ddict);
    }
    // Made on first use: digesting a dictionary takes milliseconds, which every
    // khoj-search would pay for nothing (searching only decompresses). Thread-safe.
    const ZSTD_CDict* cdict() {
        std::call_once(made_, [this] { cdict_ = ZSTD_createCDict(bytes.data(), bytes.size(), level_for(bytes.size())); });
        return cdict_;
    }

  private:
    std::once_flag made_;
    ZSTD_CDict* cdict_ = nullptr;
};

RecordCodec::RecordCodec() = default;
RecordCodec::~RecordCodec() = default;

void RecordCodec::add_dictionary(std::uint32_t id, std::string bytes) {
    if (!dictionaries_.count(id)) dictionaries_[id] = std::make_unique<Dictionary>(std::move(bytes));
}

void RecordCodec::set_current_dictionary(std::uint32_t id) {
    if (id != 0 && !dictionaries_.count(id)) throw IndexError("the current zstd dictionary " + std::to_string(id) + " is missing from the index");
    current_ = id;
}

std::optional<std::pair<std::uint32_t, std::string>> RecordCodec::train_dictionary(const std::vector<std::string>& samples) {
    std::string joined;
    std::vector<size_t> sizes;
    for (const auto& s : samples) {
        joined += s;
        sizes.push_back(s.size());
    }
    if (samples.size() < 16 || joined.size() < kMinTrainingBytes) return std::nullopt;
    std::string dict(kDictionaryBytes, '\0');
    size_t n = ZDICT_trainFromBuffer(dict.data(), dict.size(), joined.data(), sizes.data(), static_cast<unsigned>(sizes.size()));
    if (ZDICT_isError(n)) return std::nullopt;
    dict.resize(n);
    std::uint32_t id = ZDICT_getDictID(dict.data(), dict.size());
    if (id == 0) return std::nullopt;
    return std::make_pair(id, std::move(dict));
}

std::string RecordCodec::compress(const std::string& plain) const {
    std::string out;
    std::size_t header = 1;
    Dictionary* dict = nullptr;
    if (current_ != 0) {
        dict = dictionaries_.at(current_).get();
        out = "d";
        for (int shift = 0; shift < 32; shift += 8) out += static_cast<char>((current_ >> shift) & 0xFF);
        header = 5;
    } else {
        out = "z";
    }
    out.resize(header + ZSTD_compressBound(plain.size()));
    static thread_local std::unique_ptr<ZSTD_CCtx, decltype(&ZSTD_freeCCtx)> context(ZSTD_createCCtx(), &ZSTD_freeCCtx);
    ZSTD_CCtx* cctx = context.get();
    std::size_t n = dict ? ZSTD_compress_usingCDict(cctx, out.data() + header, out.size() - header, plain.data(), plain.size(), dict->cdict())
                         : ZSTD_compressCCtx(cctx, out.data() + header, out.size() - header, plain.data(), plain.size(), kLevel);
    if (ZSTD_isError(n)) throw Error(std::string("zstd: ") + ZSTD_getErrorName(n));
    out.resize(header + n);
    return out;
}

std::string RecordCodec::decompress(const std::string& record) const {
    if (record.empty()) throw IndexError("empty article record in the index");
    std::size_t header = 1;
    const Dictionary* dict = nullptr;
    if (record[0] == 'd') {
        if (record.size() < 5) throw IndexError("damaged article record in the index");
        std::uint32_t id = 0;
        for (int k = 0; k < 4; ++k) id |= static_cast<std::uint32_t>(static_cast<unsigned char>(record[1 + k])) << (8 * k);
        auto it = dictionaries_.find(id);
        if (it == dictionaries_.end()) throw IndexError("article record needs zstd dictionary " + std::to_string(id) + ", which the index lacks");
        dict = it->second.get();
        header = 5;
    } else if (record[0] != 'z') {
        throw IndexError("unknown article record format in the index");
    }
    const char* frame = record.data() + header;
    std::size_t frame_size = record.size() - header;
    unsigned long long plain_size = ZSTD_getFrameContentSize(frame, frame_size);
    if (plain_size == ZSTD_CONTENTSIZE_ERROR || plain_size == ZSTD_CONTENTSIZE_UNKNOWN || plain_size > (64u << 20))
        throw IndexError("damaged article record in the index");
    std::string out(plain_size, '\0');
    static thread_local std::unique_ptr<ZSTD_DCtx, decltype(&ZSTD_freeDCtx)> context(ZSTD_createDCtx(), &ZSTD_freeDCtx);
    ZSTD_DCtx* dctx = context.get();
    std::size_t n = dict ? ZSTD_decompress_usingDDict(dctx, out.data(), out.size(), frame, frame_size, dict->ddict)
                         : ZSTD_decompressDCtx(dctx, out.data(), out.size(), frame, frame_size);
    if (ZSTD_isError(n)) throw IndexError(std::string("damaged article record in the index: ") + ZSTD_getErrorName(n));
    out.resize(n);
    return out;
}

}  // namespace khoj
