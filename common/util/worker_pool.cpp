/** @file worker_pool.cpp @brief WorkerPool: long-lived threads, one job at a time, exceptions carried back to the caller. */
#include "common/util/worker_pool.h"

#include <algorithm>
#include <cerrno>

#include <sys/resource.h>
#include <unistd.h>
#include <utility>

namespace khoj {

unsigned WorkerPool::default_size() { return std::max(1u, std::min(4u, std::thread::hardware_concurrency())); }

WorkerPool::WorkerPool(unsigned size, int yield_to_caller) : failures_(size) {
    for (unsigned t = 0; t < size; ++t) {
        threads_.emplace_back([this, t, yield_to_caller] {
            // Linux keeps a nice value per thread: this one yields a core to the caller's
            // thread when both want it, and not otherwise. Failure is harmless (no change).
            if (yield_to_caller > 0) {
                errno = 0;
                const int current = getpriority(PRIO_PROCESS, static_cast<id_t>(gettid()));
                if (errno == 0) setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), std::min(19, current + yield_to_caller));
            }
            work(t);
        });
    }
}

WorkerPool::~WorkerPool() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    for (auto& thread : threads_) thread.join();
}

void WorkerPool::start(std::function<void(unsigned)> job) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        job_ = std::move(job);
        std::fill(failures_.begin(), failures_.end(), nullptr);
        running_ = threads_.size();
        ++generation_;
    }
    wake_.notify_all();
}

void WorkerPool::wait() {
    std::unique_lock<std::mutex> lock(mutex_);
    done_.wait(lock, [this] { return running_ == 0; });
    for (auto& failure : failures_) {
        if (failure) std::rethrow_exception(std::exchange(failure, nullptr));
    }
}

void WorkerPool::run(std::function<void(unsigned)> job) {
    start(std::move(job));
    wait();
}

void WorkerPool::work(unsigned t) {
    std::uint64_t seen = 0;
    for (;;) {
        std::function<void(unsigned)> job;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            wake_.wait(lock, [&] { return stopping_ || generation_ != seen; });
            if (stopping_ && generation_ == seen) return;
            seen = generation_;
            job = job_;
        }
        std::exception_ptr failure;
        try {
            job(t);
        } catch (...) {
            failure = std::current_exception();
        }
        std::lock_guard<std::mutex> lock(mutex_);
        failures_[t] = failure;
        if (--running_ == 0) done_.notify_all();
    }
}

}  // namespace khoj
