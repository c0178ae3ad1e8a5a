/** @file stub_file_fuzz.cpp @brief libFuzzer target: any bytes as a stub file of shards, and as --shard and --shard-timeout values; only khoj::IndexError or khoj::UsageError may come out, and what is read is well formed. */
#include "common/index/shards.h"
#include "common/util/errors.h"

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    static const std::string path = [] {
        char name[] = "/tmp/khoj-fuzz-stub-XXXXXX";
        const int fd = ::mkstemp(name);
        if (fd >= 0) ::close(fd);
        return std::string(name);
    }();
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out << bytes;
    }
    try {
        const khoj::StubFile stub = khoj::read_stub_file(path);
        if (stub.shards.empty()) __builtin_trap();  // a stub of no shard is refused, never read as one
        for (const khoj::ShardAddress& a : stub.shards) {
            if (a.remote && (a.port == 0 || a.port > 65535 || a.host.empty())) __builtin_trap();
            if (!a.remote && a.path.empty()) __builtin_trap();
        }
    } catch (const khoj::IndexError&) {
    }
    try {
        const khoj::ShardChoice choice = khoj::parse_shard_choice(bytes);
        if (choice.shard >= choice.shards) __builtin_trap();
    } catch (const khoj::UsageError&) {
    }
    try {
        (void)khoj::parse_shard_timeout(bytes);
    } catch (const khoj::UsageError&) {
    }
    return 0;
}
