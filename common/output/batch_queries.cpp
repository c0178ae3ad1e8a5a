/** @file batch_queries.cpp @brief Reading qid<TAB>query lines. */
#include "common/output/batch_queries.h"

#include "common/util/errors.h"

namespace khoj {

void read_batch_queries(std::istream& in, const std::string& name, const std::function<void(const BatchQuery&)>& each) {
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        const auto tab = line.find('\t');
        if (tab == std::string::npos) throw UsageError(name + ":" + std::to_string(number) + ": expected qid<TAB>query");
        each(BatchQuery{line.substr(0, tab), line.substr(tab + 1)});
    }
}

}  // namespace khoj
