/** @file gzip_stream.cpp @brief zlib behind ByteSource (gzip members in a row, resynchronised after corruption) and inflate_payload. */
#include "common/ingest/gzip_stream.h"

#include <zlib.h>

#include <algorithm>

namespace khoj {

namespace {

constexpr std::size_t kChunk = 64 * 1024;

// True for the start of a gzip member header: magic, deflate, no reserved flag bits.
bool member_header_at(std::string_view data, std::size_t at) {
    return at + 4 <= data.size() && data[at] == '\x1f' && data[at + 1] == '\x8b' && data[at + 2] == '\x08' &&
           (static_cast<unsigned char>(data[at + 3]) & 0xE0) == 0;
}

// Bytes a writer may leave between or after members: NUL padding and line ends.
bool is_padding(std::string_view data) {
    return std::all_of(data.begin(), data.end(), [](char c) { return c == '\0' || c == '\r' || c == '\n'; });
}

}  // namespace

struct ByteSource::Inflater {
    z_stream stream{};
    bool ready = false;
    bool quiet = false;  // resynchronising after a reported corruption: further damage before good data is the same damage
};

ByteSource::ByteSource(std::istream& in) : in_(in), inflater_(std::make_unique<Inflater>()) {
    while (input_.size() < 2 && refill()) {
    }
    gzipped_ = input_.size() >= 2 && input_[0] == '\x1f' && input_[1] == '\x8b';
    if (gzipped_) inflater_->ready = inflateInit2(&inflater_->stream, 16 + MAX_WBITS) == Z_OK;
}

ByteSource::~ByteSource() {
    if (inflater_->ready) inflateEnd(&inflater_->stream);
}

bool ByteSource::refill() {
    if (position_ > 0) {
        input_.erase(0, position_);
        position_ = 0;
    }
    const std::size_t old = input_.size();
    input_.resize(old + kChunk);
    in_.read(input_.data() + old, static_cast<std::streamsize>(kChunk));
    const auto got = static_cast<std::size_t>(in_.gcount());
    input_.resize(old + got);
    return got > 0;
}

std::size_t ByteSource::read(char* out, std::size_t size) {
    if (size == 0 || broken()) return 0;
    return gzipped_ ? read_gzip(out, size) : read_plain(out, size);
}

std::size_t ByteSource::read_plain(char* out, std::size_t size) {
    if (position_ < input_.size()) {
        const std::size_t n = std::min(size, input_.size() - position_);
        std::copy_n(input_.data() + position_, n, out);
        position_ += n;
        return n;
    }
    in_.read(out, static_cast<std::streamsize>(size));
    return static_cast<std::size_t>(in_.gcount());
}

// Moves to the next member header; false at the end of the stream. Bytes skipped that are not
// padding make the source broken, unless they are the rest of damage already reported.
bool ByteSource::find_next_member() {
    for (;;) {
        while (input_.size() - position_ < 4 && refill()) {
        }
        if (position_ >= input_.size()) return false;
        if (member_header_at(input_, position_)) return true;
        // A header needs four bytes: the last three of the buffer wait for the next refill,
        // unless the stream has ended.
        const bool at_end = input_.size() - position_ < 4;
        std::size_t next = at_end ? input_.size() : position_ + 1;
        while (next + 3 < input_.size() && !member_header_at(input_, next)) ++next;
        if (!inflater_->quiet && !is_padding(std::string_view(input_).substr(position_, next - position_))) {
            broken_reason_ = "bytes that are not gzip data between gzip members";
            inflater_->quiet = true;
        }
        position_ = next;
        if (broken() || at_end) return false;
    }
}

std::size_t ByteSource::read_gzip(char* out, std::size_t size) {
    z_stream& z = inflater_->stream;
    ended_member_ = false;
    if (!inflater_->ready) return 0;
    z.next_out = reinterpret_cast<Bytef*>(out);
    z.avail_out = static_cast<uInt>(std::min<std::size_t>(size, 1u << 30));
    const uInt wanted = z.avail_out;
    while (!broken()) {
        if (!in_member_) {
            if (!find_next_member()) break;
            inflateReset(&z);
            in_member_ = true;
        }
        if (position_ == input_.size() && !refill()) {
            in_member_ = false;
            if (!inflater_->quiet) broken_reason_ = "the file ends inside a gzip member (truncated)";
            break;
        }
        z.next_in = reinterpret_cast<Bytef*>(input_.data() + position_);
        z.avail_in = static_cast<uInt>(std::min<std::size_t>(input_.size() - position_, 1u << 30));
        const uInt before_in = z.avail_in;
        const int rc = inflate(&z, Z_NO_FLUSH);
        position_ += before_in - z.avail_in;
        if (rc == Z_STREAM_END) {
            in_member_ = false;
            ended_member_ = z.avail_out < wanted;
            if (ended_member_) break;  // a read stops at a member's end
        } else if (rc != Z_OK && !(rc == Z_BUF_ERROR && z.avail_in == 0)) {
            in_member_ = false;
            ++position_;  // past this member's header, so the search finds the next one
            if (!inflater_->quiet) broken_reason_ = std::string("corrupt gzip data (") + (z.msg ? z.msg : "inflate failed") + ")";
        } else if (z.avail_out < wanted) {
            break;
        }
    }
    const std::size_t produced = wanted - z.avail_out;
    if (produced > 0) inflater_->quiet = false;
    return produced;
}

void ByteSource::resume() {
    broken_reason_.clear();
    inflater_->quiet = true;
}

std::optional<std::string> inflate_payload(std::string_view data, std::size_t max_size) {
    if (data.size() < 2) return std::nullopt;
    const auto b0 = static_cast<unsigned char>(data[0]), b1 = static_cast<unsigned char>(data[1]);
    // gzip; zlib (RFC 1950, what `deflate` means); or raw deflate, which some servers send instead.
    const int window = (b0 == 0x1f && b1 == 0x8b) ? 16 + MAX_WBITS : ((b0 & 0x0f) == 8 && ((b0 << 8) | b1) % 31 == 0) ? MAX_WBITS : -MAX_WBITS;
    z_stream z{};
    if (inflateInit2(&z, window) != Z_OK) return std::nullopt;
    std::string out;
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(std::min<std::size_t>(data.size(), 1u << 30));
    int rc = Z_OK;
    while (rc == Z_OK) {
        const std::size_t old = out.size();
        out.resize(old + kChunk);
        z.next_out = reinterpret_cast<Bytef*>(out.data() + old);
        z.avail_out = static_cast<uInt>(kChunk);
        rc = inflate(&z, Z_NO_FLUSH);
        out.resize(old + kChunk - z.avail_out);
        if (out.size() > max_size) rc = Z_MEM_ERROR;
        if (rc == Z_BUF_ERROR && z.avail_in == 0) rc = Z_STREAM_END;  // a payload cut short: what came is kept
    }
    inflateEnd(&z);
    if (rc != Z_STREAM_END) return std::nullopt;
    return out;
}

}  // namespace khoj
