/** @file dates_fuzz.cpp @brief libFuzzer target: date finding in text, in file names and in JSON date fields. */
#include "common/ingest/dates.h"
#include "common/util/unicode_text.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    for (const auto& found : {khoj::parse_iso_date(text), khoj::find_date_in_file_name(text),
                              khoj::is_valid_utf8(text) ? khoj::find_date_in_text(text) : std::nullopt}) {
        // Every date Khoj stores is YYYY-MM-DD: the index's date terms are cut from it.
        if (found && (found->size() != 10 || (*found)[4] != '-' || (*found)[7] != '-')) __builtin_trap();
    }
    return 0;
}
