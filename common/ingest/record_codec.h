/** @file record_codec.h @brief zstd compression of stored article records, with trained dictionaries (the index keeps them in its metadata: index/schema.h). */
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <utility>
#include <string>
#include <vector>

namespace khoj {

/// Compresses document data with zstd. News articles are short and share boilerplate, so a
/// dictionary trained on the corpus compresses them far better than per-record zstd. Each
/// record names the dictionary it was written with, so records written before a retrain stay
/// readable. Record layout: 'z' + zstd frame, or 'd' + 4-byte little-endian dictionary id + frame.
class RecordCodec {
  public:
    RecordCodec();
    ~RecordCodec();
    RecordCodec(const RecordCodec&) = delete;
    RecordCodec& operator=(const RecordCodec&) = delete;

    /// Makes dictionary @p id (its zstd bytes) available for reading records written with it.
    void add_dictionary(std::uint32_t id, std::string bytes);

    /// Selects the dictionary new records are written with (0: none); it must have been added.
    void set_current_dictionary(std::uint32_t id);

    /// Trains a dictionary on @p samples (records as they will be stored): its id and bytes, or
    /// nullopt when there is too little text to train on.
    static std::optional<std::pair<std::uint32_t, std::string>> train_dictionary(const std::vector<std::string>& samples);

    /// Compresses one record with the current dictionary, if any.
    std::string compress(const std::string& plain) const;

    /// Decompresses a record; throws khoj::IndexError if it is damaged or its dictionary is missing.
    std::string decompress(const std::string& record) const;

    /// Id of the dictionary new records use (0: none).
    std::uint32_t current_dictionary() const { return current_; }

  private:
    struct Dictionary;
    std::map<std::uint32_t, std::unique_ptr<Dictionary>> dictionaries_;
    std::uint32_t current_ = 0;
};

}  // namespace khoj
