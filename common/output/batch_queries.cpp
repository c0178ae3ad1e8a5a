/** @file batch_queries.cpp @brief Reading qid<TAB>query lines. */
#include "common/output/batch_queries.h"

#include "common/util/errors.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace khoj {

void read_batch_queries(std::istream& in, const std::string& name, const std::function<void(const BatchQuery&)>& each) {
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        const std::string where = name + ":" + std::to_string(number);
        const auto tab = line.find('\t');
        if (tab == std::string::npos) throw UsageError(where + ": expected qid<TAB>query");
        if (tab == 0) throw UsageError(where + ": empty qid before the tab");
        const BatchQuery query{line.substr(0, tab), line.substr(tab + 1)};
        try {
            each(query);
        } catch (const UsageError& e) {
            // Which of a thousand topics has the typo.
            throw UsageError(where + ": query " + query.qid + ": " + e.what());
        }
    }
    if (in.bad()) throw UsageError("cannot read batch file " + name);
}

void read_batch_file(const std::string& path, std::istream& standard_input, const std::function<void(const BatchQuery&)>& each) {
    if (path == "-") return read_batch_queries(standard_input, path, each);
    // A folder opens as a stream on Linux and reads as empty: the batch would end silently.
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) throw UsageError("cannot read batch file " + path + ": it is a folder");
    std::ifstream file(path);
    if (!file) throw UsageError("cannot read batch file " + path + ": " + std::strerror(errno));
    read_batch_queries(file, path, each);
}

}  // namespace khoj
