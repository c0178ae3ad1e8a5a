/** @file schema.cpp @brief Reading and writing the schema's stored zstd dictionaries (metadata khoj.zdict:ID and khoj.zdict.current). */
#include "common/index/schema.h"

#include "common/ingest/record_codec.h"

#include <cstring>

namespace khoj {

void load_record_dictionaries(const Xapian::Database& db, RecordCodec& codec) {
    for (auto it = db.metadata_keys_begin(metadata::kDictionaryPrefix); it != db.metadata_keys_end(metadata::kDictionaryPrefix); ++it) {
        const std::string key = *it;
        const std::uint32_t id = metadata::parse_number(std::string_view(key).substr(std::strlen(metadata::kDictionaryPrefix)), key);
        codec.add_dictionary(id, db.get_metadata(key));
    }
    const std::string current = db.get_metadata(metadata::kCurrentDictionary);
    codec.set_current_dictionary(current.empty() ? 0 : metadata::parse_number(current, metadata::kCurrentDictionary));
}

bool train_record_dictionary(Xapian::WritableDatabase& db, RecordCodec& codec, const std::vector<std::string>& samples) {
    auto trained = RecordCodec::train_dictionary(samples);
    if (!trained) return false;
    auto& [id, bytes] = *trained;
    db.set_metadata(metadata::kDictionaryPrefix + std::to_string(id), bytes);
    db.set_metadata(metadata::kCurrentDictionary, std::to_string(id));
    codec.add_dictionary(id, std::move(bytes));
    codec.set_current_dictionary(id);
    return true;
}

}  // namespace khoj
