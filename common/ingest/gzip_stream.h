/** @file gzip_stream.h @brief Bytes of a stream that may be gzip (one member after another, as .warc.gz stores records), read with zlib. */
#pragma once
#include <cstddef>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace khoj {

/// Reads a stream's bytes, inflating them when the stream starts with gzip's magic bytes. gzip
/// members follow one another (a .warc.gz holds one per record, a plain `gzip` file one in all).
/// Corrupt compressed data is not the end: the source stops there (broken()), and resume()
/// carries on at the next gzip member, so one bad record costs only that record.
class ByteSource {
  public:
    explicit ByteSource(std::istream& in);
    ~ByteSource();
    ByteSource(const ByteSource&) = delete;
    ByteSource& operator=(const ByteSource&) = delete;

    /// Reads up to @p size bytes into @p out; 0 at the end of the stream or when broken().
    std::size_t read(char* out, std::size_t size);

    /// True when reading stopped at corrupt or truncated compressed data.
    bool broken() const { return !broken_reason_.empty(); }

    /// What was wrong with the compressed data ("" when not broken()).
    const std::string& broken_reason() const { return broken_reason_; }

    /// Carries on after broken() at the next gzip member (or the end of the stream).
    void resume();

    /// True when the last read() ended exactly at the end of a gzip member (a read never
    /// returns bytes of two members): a .warc.gz reader knows its record's member is complete.
    bool read_ended_member() const { return ended_member_; }

  private:
    bool refill();
    bool find_next_member();
    std::size_t read_plain(char* out, std::size_t size);
    std::size_t read_gzip(char* out, std::size_t size);

    struct Inflater;
    std::istream& in_;
    std::unique_ptr<Inflater> inflater_;
    std::string input_;            // compressed bytes read and not yet inflated: input_[position_, end)
    std::size_t position_ = 0;
    bool gzipped_ = false;
    bool in_member_ = false;       // inside a gzip member (its end not yet seen)
    bool ended_member_ = false;
    std::string broken_reason_;
};

/// Inflates an HTTP payload sent with `Content-Encoding: gzip` or `deflate` (zlib or raw
/// deflate); nullopt when it is corrupt or would inflate to more than @p max_size bytes.
std::optional<std::string> inflate_payload(std::string_view data, std::size_t max_size);

}  // namespace khoj
