/** @file romanisation_fuzz.cpp @brief libFuzzer target: the romanisation rules on any word, Latin or Devanagari. */
#include "common/text/romanisation.h"
#include "common/util/unicode_text.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string word(reinterpret_cast<const char*>(data), size);
    if (!khoj::is_valid_utf8(word)) return 0;
    (void)khoj::romanisation_key(word);
    (void)khoj::spelling_form(word);
    (void)khoj::letter_names(word);
    (void)khoj::devanagari_to_latin(word);
    (void)khoj::devanagari_readings(word);
    for (const std::string& key : khoj::lookup_keys_of_devanagari(word)) (void)khoj::consonant_skeleton(key);
    (void)khoj::spelling_distance(word, word);
    return 0;
}
