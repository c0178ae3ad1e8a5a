/** @file packing.h @brief The one variable-length integer encoding of Khoj's stored values (7 bits a byte, low bits first). */
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace khoj {

/// Appends @p value to @p out as a varint: 7 bits a byte, low bits first, the high bit set on
/// every byte but the last (the encoding of Xapian's pack_uint and of protobuf).
inline void pack_uint(std::string& out, std::uint64_t value) {
    while (value >= 0x80) {
        out += static_cast<char>((value & 0x7F) | 0x80);
        value >>= 7;
    }
    out += static_cast<char>(value);
}

/// Reads a varint written by pack_uint() at @p at, moving @p at past it; nullopt (and @p at
/// unspecified) when the bytes end first or the number would not fit in @p max_bits bits.
inline std::optional<std::uint64_t> unpack_uint(std::string_view in, std::size_t& at, int max_bits = 64) {
    std::uint64_t value = 0;
    for (int shift = 0; shift < max_bits; shift += 7) {
        if (at >= in.size()) return std::nullopt;
        const auto byte = static_cast<unsigned char>(in[at++]);
        const std::uint64_t bits = byte & 0x7F;
        if (shift + 7 > max_bits && (bits >> (max_bits - shift)) != 0) return std::nullopt;
        value |= bits << shift;
        if (!(byte & 0x80)) return value;
    }
    return std::nullopt;
}

}  // namespace khoj
