/** @file batch_queries_fuzz.cpp @brief libFuzzer target: any bytes as a --batch file; every query read has a qid without a tab, and only khoj::UsageError may come out. */
#include "common/output/batch_queries.h"
#include "common/util/errors.h"

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    try {
        khoj::read_batch_queries(in, "fuzz.tsv", [](const khoj::BatchQuery& q) {
            // Every output format starts with the qid: it must be one non-empty field.
            if (q.qid.empty() || q.qid.find_first_of("\t\n") != std::string::npos || q.qid[0] == '#') __builtin_trap();
            if (q.query.find('\n') != std::string::npos) __builtin_trap();
            // A query that cannot be read stops the batch with its line named.
            if (q.query == "(") throw khoj::UsageError("unbalanced ( in query");
        });
    } catch (const khoj::UsageError& e) {
        if (std::string(e.what()).rfind("fuzz.tsv:", 0) != 0) __builtin_trap();
    }
    return 0;
}
