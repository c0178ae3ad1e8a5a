/** @file worker_pool_test.cpp @brief WorkerPool: every thread runs each job, threads outlive jobs, exceptions reach the caller. */
#include "common/util/worker_pool.h"

#include <doctest/doctest.h>

#include <atomic>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include <sys/resource.h>
#include <unistd.h>

using khoj::WorkerPool;

TEST_CASE("WorkerPool::run calls the job once per thread index, on the same threads every time") {
    WorkerPool pool(3);
    std::vector<std::thread::id> first(3), second(3);
    std::atomic<int> calls{0};
    pool.run([&](unsigned t) {
        first[t] = std::this_thread::get_id();
        ++calls;
    });
    pool.run([&](unsigned t) {
        second[t] = std::this_thread::get_id();
        ++calls;
    });
    CHECK(calls == 6);
    CHECK(first == second);  // what a thread remembers (thread_local) lasts from job to job
    CHECK(std::set<std::thread::id>(first.begin(), first.end()).size() == 3);
}

TEST_CASE("WorkerPool::wait rethrows what a thread threw, and the pool keeps working") {
    WorkerPool pool(2);
    pool.start([](unsigned t) {
        if (t == 1) throw std::runtime_error("bad article");
    });
    CHECK_THROWS_WITH_AS(pool.wait(), "bad article", std::runtime_error);
    std::atomic<int> calls{0};
    CHECK_NOTHROW(pool.run([&](unsigned) { ++calls; }));
    CHECK(calls == 2);
}

TEST_CASE("WorkerPool::WorkerPool with yield_to_caller runs its threads at a higher nice value than the caller") {
    std::atomic<int> seen{-100};
    WorkerPool pool(1, 3);
    pool.run([&](unsigned) { seen = getpriority(PRIO_PROCESS, static_cast<id_t>(gettid())); });
    const int caller = getpriority(PRIO_PROCESS, static_cast<id_t>(gettid()));
    CHECK(seen == std::min(19, caller + 3));
}
