/** @file worker_pool.h @brief Analysis threads that live as long as the pool, running one job at a time on every thread. */
#pragma once
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace khoj {

/// A fixed set of threads for work split by thread index. The threads outlive each job, so
/// what they remember per thread (thread_local memos, zstd contexts) lasts from job to job.
class WorkerPool {
  public:
    /// One thread per core, at most four (analysis scales no further on the writer's pace).
    static unsigned default_size();

    /// Starts @p size threads; @p yield_to_caller above 0 raises their nice value by that much
    /// (Linux schedules each thread by its own), so that the thread that made the pool runs
    /// first whenever both want a core.
    explicit WorkerPool(unsigned size = default_size(), int yield_to_caller = 0);
    ~WorkerPool();  ///< finishes a job under way, then joins
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    /// Number of threads: a job is called with every index below this.
    unsigned size() const { return static_cast<unsigned>(threads_.size()); }

    /// Starts @p job(t) on every thread t and returns at once; wait() before the next start().
    void start(std::function<void(unsigned)> job);

    /// Blocks until the job last started has finished on every thread, then rethrows the first
    /// exception any thread threw in it.
    void wait();

    /// start() then wait().
    void run(std::function<void(unsigned)> job);

  private:
    void work(unsigned t);

    std::vector<std::thread> threads_;
    std::mutex mutex_;
    std::condition_variable wake_, done_;
    std::function<void(unsigned)> job_;
    std::vector<std::exception_ptr> failures_;
    std::size_t running_ = 0;
    std::uint64_t generation_ = 0;
    bool stopping_ = false;
};

}  // namespace khoj
