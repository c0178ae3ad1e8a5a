/** @file task_queue_test.cpp @brief TaskQueue: tasks run on the pool's threads while the caller goes on, each group waited for alone, failures kept per group. */
#include "common/util/task_queue.h"

#include <doctest/doctest.h>

#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

using khoj::TaskQueue;
using khoj::WorkerPool;

TEST_CASE("TaskQueue::wait returns once every task of its group has run, on the pool's threads") {
    WorkerPool pool(2);
    TaskQueue tasks(pool);
    std::vector<int> squares(100, -1);
    std::vector<std::thread::id> ran_on(100);
    TaskQueue::Group first, second;
    for (int i = 0; i < 100; ++i) {
        tasks.push(i < 50 ? first : second, [&, i](unsigned thread) {
            CHECK(thread < 2);
            squares[i] = i * i;
            ran_on[i] = std::this_thread::get_id();
        });
    }
    tasks.wait(first);
    for (int i = 0; i < 50; ++i) CHECK(squares[i] == i * i);
    tasks.wait(second);
    for (int i = 0; i < 100; ++i) {
        CHECK(squares[i] == i * i);
        CHECK(ran_on[i] != std::this_thread::get_id());
    }
}

TEST_CASE("TaskQueue::wait rethrows a task's exception for its own group only, and the queue keeps working") {
    WorkerPool pool(2);
    TaskQueue tasks(pool);
    TaskQueue::Group bad, good;
    std::atomic<int> ran{0};
    tasks.push(bad, [](unsigned) { throw std::runtime_error("article 7 too long"); });
    tasks.push(bad, [&](unsigned) { ++ran; });
    tasks.push(good, [&](unsigned) { ++ran; });
    CHECK_THROWS_WITH_AS(tasks.wait(bad), "article 7 too long", std::runtime_error);
    CHECK_NOTHROW(tasks.wait(good));
    CHECK(ran == 2);  // the other task of the failed group still ran
    TaskQueue::Group later;
    tasks.push(later, [&](unsigned) { ++ran; });
    tasks.wait(later);
    CHECK(ran == 3);
}

TEST_CASE("TaskQueue's destructor drops the tasks not yet taken and leaves the pool usable") {
    WorkerPool pool(2);
    std::atomic<int> ran{0};
    {
        TaskQueue tasks(pool);
        TaskQueue::Group group;
        for (int i = 0; i < 1000; ++i) tasks.push(group, [&](unsigned) { ++ran; });
    }  // must neither hang nor run tasks after this line
    const int at_close = ran;
    std::atomic<int> calls{0};
    pool.run([&](unsigned) { ++calls; });
    CHECK(calls == 2);
    CHECK(ran == at_close);
}
