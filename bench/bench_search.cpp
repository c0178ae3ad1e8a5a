/** @file bench_search.cpp @brief Query latency benchmark with the Lucene anchor's method: warm-up, 20 runs per query, per-query median, then mean/p50/p99. */
#include "common/search/searcher.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace {

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    // Nearest rank, as the anchor computes it.
    std::size_t rank = static_cast<std::size_t>(std::max(1.0, std::ceil(p / 100.0 * static_cast<double>(v.size()))));
    return v[std::min(rank, v.size()) - 1];
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: khoj-bench-search INDEX QUERIES.tsv [REPS=20] [K=10] [all-copies] [one-core]\n";
        return 2;
    }
    const int reps = argc > 3 ? std::atoi(argv[3]) : 20;
    const std::size_t k = argc > 4 ? static_cast<std::size_t>(std::atoi(argv[4])) : 10;
    // "all-copies": every copy a hit, no collapsing (what collapsing republished copies costs).
    // "one-core": never split a search over two cores (Searcher::set_split_min_postings).
    bool all_copies = false, one_core = false;
    for (int i = 5; i < argc; ++i) {
        all_copies = all_copies || std::string(argv[i]) == "all-copies";
        one_core = one_core || std::string(argv[i]) == "one-core";
    }
    khoj::Searcher searcher(argv[1]);
    if (one_core) searcher.set_split_min_postings(0);
    std::vector<std::string> queries, qids;
    std::ifstream in(argv[2]);
    for (std::string line; std::getline(in, line);) {
        auto tab = line.find('\t');
        if (tab == std::string::npos) continue;
        qids.push_back(line.substr(0, tab));
        queries.push_back(line.substr(tab + 1));
    }
    // "search": parse + expand + rank top-k (no stored text); "total": also loads each hit's
    // stored article and builds its snippet, as khoj-search --json does.
    std::vector<double> search_medians, total_medians;
    for (int pass = 0; pass < 2; ++pass) {
        for (const auto& q : queries) {
            khoj::SearchRequest r;
            r.query = q;
            r.limit = k;
            r.all_copies = all_copies;
            searcher.search(r);  // warm-up
        }
    }
    for (const auto& q : queries) {
        std::vector<double> search_us, total_us;
        for (int i = 0; i < reps; ++i) {
            khoj::SearchRequest r;
            r.query = q;
            r.limit = k;
            r.all_copies = all_copies;
            r.snippets = false;
            r.load_articles = false;
            auto t0 = std::chrono::steady_clock::now();
            searcher.search(r);
            auto t1 = std::chrono::steady_clock::now();
            r.snippets = true;
            r.load_articles = true;
            searcher.search(r);
            auto t2 = std::chrono::steady_clock::now();
            search_us.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
            total_us.push_back(std::chrono::duration<double, std::micro>(t2 - t1).count());
        }
        search_medians.push_back(percentile(search_us, 50));
        total_medians.push_back(percentile(total_us, 50));
        // Per query on stderr, for reading the slowest ones: qid, search and total medians (µs).
        std::fprintf(stderr, "QUERY %s search_us=%.0f total_us=%.0f\n", qids[search_medians.size() - 1].c_str(), search_medians.back(), total_medians.back());
    }
    auto mean = [](const std::vector<double>& v) {
        double s = 0;
        for (double x : v) s += x;
        return v.empty() ? 0 : s / static_cast<double>(v.size());
    };
    std::printf("RESULT search queries=%zu total_mean=%.0f total_p50=%.0f total_p99=%.0f search_mean=%.0f search_p50=%.0f search_p99=%.0f\n",
                queries.size(), mean(total_medians), percentile(total_medians, 50), percentile(total_medians, 99), mean(search_medians),
                percentile(search_medians, 50), percentile(search_medians, 99));
}
