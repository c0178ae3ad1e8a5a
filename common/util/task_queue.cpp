/** @file task_queue.cpp @brief TaskQueue: one long job on the pool that takes queued tasks until the queue closes. */
#include "common/util/task_queue.h"

#include <utility>

namespace khoj {

TaskQueue::TaskQueue(WorkerPool& pool) : pool_(pool) {
    pool_.start([this](unsigned thread) { take_tasks(thread); });
}

TaskQueue::~TaskQueue() {
    {
        std::lock_guard lock(mutex_);
        closing_ = true;
    }
    queued_.notify_all();
    try {
        pool_.wait();
    } catch (...) {
        // take_tasks() keeps every task's exception for its group, so nothing reaches here.
    }
}

void TaskQueue::push(Group& group, std::function<void(unsigned)> task) {
    {
        std::lock_guard lock(mutex_);
        ++group.pending;
        tasks_.push_back(Task{&group, std::move(task)});
    }
    queued_.notify_one();
}

void TaskQueue::wait(Group& group) {
    std::unique_lock lock(mutex_);
    finished_.wait(lock, [&group] { return group.pending == 0; });
    if (group.failure) std::rethrow_exception(std::exchange(group.failure, nullptr));
}

void TaskQueue::take_tasks(unsigned thread) {
    std::unique_lock lock(mutex_);
    for (;;) {
        queued_.wait(lock, [this] { return closing_ || !tasks_.empty(); });
        if (closing_) return;
        Task task = std::move(tasks_.front());
        tasks_.pop_front();
        lock.unlock();
        std::exception_ptr failure;
        try {
            task.run(thread);
        } catch (...) {
            failure = std::current_exception();
        }
        task.run = nullptr;  // what it holds goes before the lock is taken again
        lock.lock();
        if (failure && !task.group->failure) task.group->failure = failure;
        if (--task.group->pending == 0) finished_.notify_all();
    }
}

}  // namespace khoj
