/** @file read_ahead.cpp @brief The reading thread of read_ahead() and the bounded channel of events it fills. */
#include "common/ingest/read_ahead.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>

namespace khoj {

namespace {

// Thrown on the reading thread once the taking thread has stopped; not a std::exception, so
// nothing the reader might catch by type can swallow it.
struct ReadingCancelled {};

// One callback of the reader, carried to the taking thread.
struct ReadEvent {
    enum class Kind { kArticle, kRejected, kAsk, kFileDone };
    Kind kind = Kind::kArticle;
    InputArticle article;
    Diagnostic diagnostic;
    std::filesystem::path file;
    FileStamp stamp;
};

// The events between the two threads: at most capacity waiting, then the reader blocks.
class ReadChannel {
  public:
    explicit ReadChannel(std::size_t capacity) : capacity_(capacity == 0 ? 1 : capacity) {}

    // Reading thread: queues @p event, waiting while the channel is full.
    void post(ReadEvent&& event) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return cancelled_ || events_.size() < capacity_; });
        if (cancelled_) throw ReadingCancelled{};
        events_.push_back(std::move(event));
        changed_.notify_all();
    }

    // Reading thread: queues a question for the file filter and waits for its answer.
    bool ask(const std::filesystem::path& file, const FileStamp& stamp) {
        ReadEvent event;
        event.kind = ReadEvent::Kind::kAsk;
        event.file = file;
        event.stamp = stamp;
        post(std::move(event));
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return cancelled_ || answered_; });
        if (cancelled_) throw ReadingCancelled{};
        answered_ = false;
        return answer_;
    }

    // Taking thread: the filter's answer to the question last taken.
    void answer(bool read) {
        std::lock_guard lock(mutex_);
        answer_ = read;
        answered_ = true;
        changed_.notify_all();
    }

    // Reading thread: no more events (with what stopped it, if anything did).
    void finish(std::exception_ptr failure) {
        std::lock_guard lock(mutex_);
        finished_ = true;
        failure_ = std::move(failure);
        changed_.notify_all();
    }

    // Taking thread: the next event; false once the reader has finished and all were taken.
    // The reader's failure is rethrown after the events before it.
    bool take(ReadEvent& event) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return finished_ || !events_.empty(); });
        if (events_.empty()) {
            if (failure_) std::rethrow_exception(failure_);
            return false;
        }
        event = std::move(events_.front());
        events_.pop_front();
        changed_.notify_all();
        return true;
    }

    // Taking thread: stops the reader at its next event.
    void cancel() {
        std::lock_guard lock(mutex_);
        cancelled_ = true;
        changed_.notify_all();
    }

  private:
    const std::size_t capacity_;
    std::mutex mutex_;
    std::condition_variable changed_;  ///< one for both directions: there are two threads
    std::deque<ReadEvent> events_;
    bool answered_ = false, answer_ = false;
    bool finished_ = false, cancelled_ = false;
    std::exception_ptr failure_;
};

// The reading thread's whole work: an ArticleReader whose callbacks post to @p channel.
void read_into(ReadChannel& channel, const std::vector<std::string>& paths, bool filtered, ReadCounts& counts) {
    try {
        ArticleReader reader(
            [&channel](InputArticle&& input) {
                ReadEvent event;
                event.article = std::move(input);
                channel.post(std::move(event));
            },
            [&channel](const Diagnostic& diagnostic) {
                ReadEvent event;
                event.kind = ReadEvent::Kind::kRejected;
                event.diagnostic = diagnostic;
                channel.post(std::move(event));
            },
            filtered ? ArticleReader::FileFilter([&channel](const std::filesystem::path& file, const FileStamp& stamp) { return channel.ask(file, stamp); })
                     : ArticleReader::FileFilter{},
            [&channel](const std::filesystem::path& file, const FileStamp& stamp) {
                ReadEvent event;
                event.kind = ReadEvent::Kind::kFileDone;
                event.file = file;
                event.stamp = stamp;
                channel.post(std::move(event));
            });
        for (const auto& path : paths) reader.read(path);
        counts = ReadCounts{reader.rejected(), reader.skipped_records()};
        channel.finish(nullptr);
    } catch (const ReadingCancelled&) {
        channel.finish(nullptr);
    } catch (...) {
        channel.finish(std::current_exception());
    }
}

// Calls the handler @p event stands for.
void deliver(ReadEvent& event, ReadChannel& channel, const ArticleReader::ArticleHandler& on_article,
             const ArticleReader::DiagnosticHandler& on_rejected, const ArticleReader::FileFilter& filter,
             const ArticleReader::FileDoneHandler& on_file_done) {
    switch (event.kind) {
        case ReadEvent::Kind::kArticle: on_article(std::move(event.article)); break;
        case ReadEvent::Kind::kRejected: on_rejected(event.diagnostic); break;
        case ReadEvent::Kind::kAsk: channel.answer(filter(event.file, event.stamp)); break;
        case ReadEvent::Kind::kFileDone:
            if (on_file_done) on_file_done(event.file, event.stamp);
            break;
    }
}

}  // namespace

ReadCounts read_ahead(const std::vector<std::string>& paths, const ArticleReader::ArticleHandler& on_article,
                      const ArticleReader::DiagnosticHandler& on_rejected, const ArticleReader::FileFilter& filter,
                      const ArticleReader::FileDoneHandler& on_file_done, std::size_t capacity) {
    ReadChannel channel(capacity);
    ReadCounts counts;
    std::thread reading(read_into, std::ref(channel), std::cref(paths), static_cast<bool>(filter), std::ref(counts));
    try {
        ReadEvent event;
        while (channel.take(event)) deliver(event, channel, on_article, on_rejected, filter, on_file_done);
    } catch (...) {
        channel.cancel();
        reading.join();
        throw;
    }
    reading.join();
    return counts;
}

}  // namespace khoj
