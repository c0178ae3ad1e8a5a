/** @file record_codec.h @brief zstd compression of stored article text, with dictionaries kept in the index metadata. */
#pragma once
#include <xapian.h>

#include <cstdint>
#include <map>
#include <memory>
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

    /// Loads every dictionary stored in @p db's metadata and selects the current one for writing.
    void load_dictionaries(const Xapian::Database& db);

    /// Trains a dictionary on @p samples, stores it in @p db's metadata and makes it current.
    /// Returns false (and changes nothing) when there is too little text to train on.
    bool train_dictionary(Xapian::WritableDatabase& db, const std::vector<std::string>& samples);

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
