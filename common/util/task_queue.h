/** @file task_queue.h @brief Tasks run on a WorkerPool's threads as they come, in groups a caller can wait for, while the caller goes on. */
#pragma once
#include "common/util/worker_pool.h"

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>

namespace khoj {

/// A queue that keeps every thread of a pool busy for as long as it lives: each thread takes
/// the oldest task, runs it, and takes the next. Unlike WorkerPool::run(), which splits one job
/// and returns when all of it is done, the caller can queue more work and wait for only the
/// part it needs next (a pipeline that consumes results in order keeps both sides busy).
class TaskQueue {
  public:
    /// The tasks pushed under one name: waited for together, their first failure kept.
    struct Group {
        std::size_t pending = 0;      ///< pushed and not yet run (guarded by the queue)
        std::exception_ptr failure;   ///< the first exception one of them threw
    };

    /// Starts taking tasks on every thread of @p pool, which must have no other job meanwhile.
    explicit TaskQueue(WorkerPool& pool);
    /// Lets each thread finish the task it is running, drops the rest, and returns the pool idle.
    ~TaskQueue();
    TaskQueue(const TaskQueue&) = delete;
    TaskQueue& operator=(const TaskQueue&) = delete;

    /// Queues @p task (called with the pool's thread index) as part of @p group.
    void push(Group& group, std::function<void(unsigned)> task);

    /// Blocks until every task of @p group has run, then rethrows the first exception one threw.
    void wait(Group& group);

  private:
    struct Task {
        Group* group;
        std::function<void(unsigned)> run;
    };
    void take_tasks(unsigned thread);

    WorkerPool& pool_;
    std::mutex mutex_;
    std::condition_variable queued_, finished_;
    std::deque<Task> tasks_;
    bool closing_ = false;
};

}  // namespace khoj
