/** @file packing_test.cpp @brief Tests of the one varint: round trips, byte lengths, truncated input, numbers too wide for max_bits. */
#include "common/util/packing.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

using namespace khoj;

TEST_CASE("pack_uint and unpack_uint round-trip a list of entity ids") {
    const std::vector<std::uint64_t> ids = {0, 1, 127, 128, 300, 16383, 16384, 4294967295ULL,
                                            std::numeric_limits<std::uint64_t>::max()};
    std::string packed;
    for (std::uint64_t id : ids) pack_uint(packed, id);
    std::size_t at = 0;
    for (std::uint64_t id : ids) CHECK(unpack_uint(packed, at) == id);
    CHECK(at == packed.size());
}

TEST_CASE("pack_uint writes 7 bits a byte, low bits first") {
    std::string one, two, ten;
    pack_uint(one, 127);
    pack_uint(two, 300);
    pack_uint(ten, std::numeric_limits<std::uint64_t>::max());
    CHECK(one == std::string("\x7F", 1));
    CHECK(two == std::string("\xAC\x02", 2));  // 300 = 0b10'0101100: 0x2C | 0x80, then 0x02
    CHECK(ten.size() == 10);
}

TEST_CASE("unpack_uint refuses a number cut short") {
    std::string packed;
    pack_uint(packed, 300);
    packed.pop_back();  // the last byte, which has no continuation bit, is gone
    std::size_t at = 0;
    CHECK_FALSE(unpack_uint(packed, at).has_value());
    std::size_t at_end = 0;
    CHECK_FALSE(unpack_uint("", at_end).has_value());
}

TEST_CASE("unpack_uint with max_bits 32 reads the largest 32-bit number and refuses one more") {
    std::string largest, too_wide;
    pack_uint(largest, 4294967295ULL);
    pack_uint(too_wide, 4294967296ULL);
    std::size_t at = 0;
    CHECK(unpack_uint(largest, at, 32) == 4294967295ULL);
    at = 0;
    CHECK_FALSE(unpack_uint(too_wide, at, 32).has_value());
    at = 0;
    CHECK(unpack_uint(too_wide, at) == 4294967296ULL);  // fits in the default 64 bits
}

TEST_CASE("unpack_uint with max_bits 32 refuses a run of continuation bytes") {
    const std::string endless(6, '\x80');  // never ends: more than the 5 bytes a 32-bit number takes
    std::size_t at = 0;
    CHECK_FALSE(unpack_uint(endless, at, 32).has_value());
}
