/** @file warc_reader.cpp @brief WARC records over a (gzip) stream, HTTP responses in them, and their HTML pages as articles. */
#include "common/ingest/warc_reader.h"

#include "common/ingest/html_article.h"
#include "common/ingest/html_charset.h"
#include "common/util/string_util.h"

#include <algorithm>

namespace khoj {

namespace {

constexpr std::size_t kChunk = 64 * 1024;
// A header line or header longer than this is not a WARC header but damage.
constexpr std::size_t kMaxHeaderLine = 64 * 1024;
constexpr std::size_t kMaxHeaderLines = 1024;
// Of a block too large to keep, its start is kept: enough for the HTTP headers that tell
// whether it was a page at all.
constexpr std::size_t kKeptOfOversized = 64 * 1024;
// Room for the HTTP status line and headers in a response record around a page of max_page bytes.
constexpr std::size_t kHttpHeaderAllowance = 256 * 1024;

std::string lower_trimmed(std::string_view s) { return lower_ascii(trim(s)); }

}  // namespace

std::string WarcRecord::header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
}

WarcReader::WarcReader(std::istream& in, std::size_t max_block) : source_(in), max_block_(max_block) {}

bool WarcReader::fill() {
    if (position_ == buffer_.size()) {
        buffer_.clear();
        position_ = 0;
    } else if (position_ > kChunk) {
        buffer_.erase(0, position_);
        position_ = 0;
    }
    const std::size_t old = buffer_.size();
    buffer_.resize(old + kChunk);
    const std::size_t got = source_.read(buffer_.data() + old, kChunk);
    buffer_.resize(old + got);
    if (got > 0) member_end_ = source_.read_ended_member();
    return got > 0;
}

// The next line without its line end; nullopt when nothing is left (or the source broke).
// An overlong line comes back in pieces of kMaxHeaderLine bytes.
std::optional<std::string> WarcReader::line() {
    std::size_t searched = position_;
    for (;;) {
        const std::size_t newline = buffer_.find('\n', searched);
        if (newline != std::string::npos || buffer_.size() - position_ > kMaxHeaderLine) {
            const std::size_t end = newline == std::string::npos ? position_ + kMaxHeaderLine : newline;
            std::string text = buffer_.substr(position_, std::min(end - position_, kMaxHeaderLine));
            position_ = newline == std::string::npos ? end : newline + 1;
            if (!text.empty() && text.back() == '\r') text.pop_back();
            return text;
        }
        searched = buffer_.size();
        const std::size_t offset = position_;
        if (!fill()) break;
        searched -= offset - position_;  // fill() may have moved the unread bytes to the front
    }
    if (position_ == buffer_.size()) return std::nullopt;
    std::string text = buffer_.substr(position_);
    position_ = buffer_.size();
    return text;
}

// Consumes @p size bytes, appending them to @p out unless it is null; returns how many there were.
std::size_t WarcReader::take(std::string* out, std::size_t size) {
    std::size_t done = 0;
    while (done < size) {
        if (position_ == buffer_.size() && !fill()) break;
        const std::size_t n = std::min(size - done, buffer_.size() - position_);
        if (out) out->append(buffer_, position_, n);
        position_ += n;
        done += n;
    }
    return done;
}

// Moves to the start of the next line that begins with "WARC/"; false at the end of the stream.
// Corrupt compressed data met on the way is noted in @p damage (when empty) and passed over.
bool WarcReader::skip_to_next_record(std::string& damage) {
    for (;;) {
        while (buffer_.size() - position_ < 5 && fill()) {
        }
        if (buffer_.size() - position_ < 5) {
            if (source_.broken()) {
                if (damage.empty()) damage = source_.broken_reason();
                source_.resume();
                continue;
            }
            position_ = buffer_.size();
            return false;
        }
        if (buffer_.compare(position_, 5, "WARC/") == 0) return true;
        const std::size_t newline = buffer_.find('\n', position_);
        position_ = newline == std::string::npos ? buffer_.size() : newline + 1;
    }
}

// After a damaged record: on to the next one. When the damage is corrupt gzip data, the
// record's error says so rather than what the garbage looked like.
void WarcReader::recover(WarcRecord& record) {
    std::string damage = source_.broken() ? source_.broken_reason() : std::string();
    skip_to_next_record(damage);
    if (damage.rfind("corrupt", 0) == 0 || damage.rfind("bytes that are not gzip", 0) == 0) {
        record.error = damage + "; skipped to the next gzip member";
    } else if (!damage.empty() && record.error.rfind("truncated", 0) != 0) {
        record.error = damage;
    }
}

// The line ends after a block. Consuming them takes a gzip member to its end, where its
// checksum is verified: damage found before the member ends is this record's.
void WarcReader::end_record(WarcRecord& record) {
    for (;;) {
        if (position_ == buffer_.size() && (member_end_ || !fill())) break;
        if (buffer_[position_] != '\r' && buffer_[position_] != '\n') break;
        ++position_;
    }
    if (source_.broken() && position_ == buffer_.size()) record.error = source_.broken_reason();
}

// Reads the named headers up to the empty line, and the Content-Length; false (error set) when damaged.
bool WarcReader::read_headers(WarcRecord& record) {
    std::string last;
    for (std::size_t count = 0;; ++count) {
        std::optional<std::string> text = line();
        if (!text) {
            record.error = source_.broken() ? source_.broken_reason() : "truncated: the file ends inside its header";
            return false;
        }
        if (text->empty()) break;
        if (count > kMaxHeaderLines) {
            record.error = "a header of more than 1024 lines";
            return false;
        }
        if (((*text)[0] == ' ' || (*text)[0] == '\t') && !last.empty()) {
            record.headers[last] += " " + trim(*text);  // a folded continuation line
            continue;
        }
        const std::size_t colon = text->find(':');
        if (colon == std::string::npos) continue;
        last = lower_trimmed(std::string_view(*text).substr(0, colon));
        record.headers.emplace(last, trim(std::string_view(*text).substr(colon + 1)));
    }
    const std::string length = record.header("content-length");
    if (length.empty() || length.size() > 15 || length.find_first_not_of("0123456789") != std::string::npos) {
        record.error = "no valid Content-Length";
        return false;
    }
    record.block_length = std::stoull(length);
    return true;
}

void WarcReader::read_block(WarcRecord& record) {
    const std::string type = lower_trimmed(record.header("warc-type"));
    const bool keep = type == "response" || type == "resource";
    const std::size_t length = record.block_length;
    std::size_t got = 0;
    if (keep && length <= max_block_) {
        record.block.reserve(length);
        got = take(&record.block, length);
    } else if (keep) {
        record.oversized = true;
        got = take(&record.block, kKeptOfOversized);
        if (got == kKeptOfOversized) got += take(nullptr, length - got);
    } else {
        got = take(nullptr, length);
    }
    if (got < length) {
        record.error = source_.broken() ? source_.broken_reason()
                                        : "truncated: the file ends after " + std::to_string(got) + " of its " + std::to_string(length) + " bytes";
        return;
    }
    end_record(record);
}

std::optional<WarcRecord> WarcReader::next() {
    for (;;) {
        std::optional<std::string> version = line();
        if (!version && !source_.broken()) return std::nullopt;
        if (version && trim(*version).empty()) continue;  // the two line ends after each record
        WarcRecord record;
        record.number = ++number_;
        if (!version) {
            record.error = source_.broken_reason();
        } else if (version->rfind("WARC/", 0) != 0) {
            record.error = "not a WARC record (no 'WARC/' version line); skipped to the next record";
        } else if (read_headers(record)) {
            read_block(record);
        }
        if (!record.error.empty()) recover(record);
        return record;
    }
}

}  // namespace khoj

namespace khoj {

namespace {

// The payload of a chunked message, or nullopt when it is not chunked after all (some writers
// store the de-chunked payload and keep the header).
std::optional<std::string> dechunk(std::string_view payload) {
    std::string out;
    std::size_t at = 0;
    while (at < payload.size()) {
        const std::size_t end = payload.find('\n', at);
        if (end == std::string_view::npos) break;
        std::string size_text = trim(payload.substr(at, end - at));
        size_text = size_text.substr(0, size_text.find(';'));
        if (size_text.empty() || size_text.size() > 12 || size_text.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos) {
            if (at == 0) return std::nullopt;
            break;
        }
        const std::size_t size = std::stoull(size_text, nullptr, 16);
        if (size == 0) break;
        at = end + 1;
        out.append(payload.substr(at, std::min(size, payload.size() - at)));  // a cut-off last chunk keeps what came
        at += size;
        while (at < payload.size() && (payload[at] == '\r' || payload[at] == '\n')) ++at;
    }
    return out;
}

// Decodes the payload per Content-Encoding into @p response.body, or sets its error.
void decode_payload(std::string payload, const std::string& encoding, std::size_t max_body, HttpResponse& response) {
    if (encoding == "gzip" || encoding == "x-gzip" || encoding == "deflate") {
        if (auto inflated = inflate_payload(payload, max_body)) {
            payload = std::move(*inflated);
        } else if (payload.size() >= 2 && payload[0] == '\x1f' && payload[1] == '\x8b') {
            response.error = "corrupt gzip payload (or larger than " + std::to_string(max_body >> 20) + " MiB)";
            return;
        }  // else the archive's writer stored it decoded already
    } else if (!encoding.empty() && encoding != "identity") {
        response.error = "payload in content encoding '" + encoding + "', which Khoj cannot read";
        return;
    }
    if (payload.size() > max_body) {
        response.error = "page larger than " + std::to_string(max_body >> 20) + " MiB";
        return;
    }
    response.body = std::move(payload);
}

}  // namespace

HttpResponse parse_http_response(std::string_view message, std::size_t max_body) {
    HttpResponse response;
    std::size_t head_end = message.find("\r\n\r\n"), body_start = head_end + 4;
    if (head_end == std::string_view::npos) {
        head_end = message.find("\n\n");
        body_start = head_end + 2;
    }
    if (message.rfind("HTTP/", 0) != 0 || head_end == std::string_view::npos) {
        response.error = "not an HTTP response";
        return response;
    }
    std::vector<std::string> lines = split(message.substr(0, head_end), '\n');
    const std::size_t space = lines[0].find(' ');
    const std::string code = space == std::string::npos ? std::string() : lines[0].substr(space + 1, 3);
    if (code.size() == 3 && code.find_first_not_of("0123456789") == std::string::npos) response.status = std::stoi(code);
    std::string transfer, encoding, content_type;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const std::size_t colon = lines[i].find(':');
        if (colon == std::string::npos) continue;
        const std::string name = lower_trimmed(std::string_view(lines[i]).substr(0, colon));
        const std::string value = trim(std::string_view(lines[i]).substr(colon + 1));
        if (name == "content-type" && content_type.empty()) content_type = value;
        if (name == "transfer-encoding") transfer = lower_ascii(value);
        if (name == "content-encoding") encoding = lower_trimmed(value);
    }
    response.media_type = lower_trimmed(std::string_view(content_type).substr(0, content_type.find(';')));
    response.charset = charset_parameter(content_type);
    std::string payload(message.substr(std::min(body_start, message.size())));
    if (transfer.find("chunked") != std::string::npos) {
        if (auto plain = dechunk(payload)) payload = std::move(*plain);
    }
    decode_payload(std::move(payload), encoding, max_body, response);
    return response;
}

namespace {

bool is_html_media_type(const std::string& media_type, std::string_view payload) {
    if (media_type == "text/html" || media_type == "application/xhtml+xml") return true;
    if (!media_type.empty()) return false;
    // No Content-Type: the page is sniffed as a browser would, by its first tag.
    const std::string head = lower_ascii(trim(payload.substr(0, 512)));
    return head.rfind("<!doctype html", 0) == 0 || head.rfind("<html", 0) == 0;
}

// The payload of an HTML page in @p record with its charset, or nullopt when the record is
// not one (counted as skipped); an unreadable page gives an error.
std::optional<HttpResponse> page_payload(const WarcRecord& record, std::size_t max_page) {
    const std::string type = lower_trimmed(record.header("warc-type"));
    HttpResponse page;
    if (type == "response") {
        if (lower_ascii(record.header("content-type")).find("application/http") == std::string::npos) return std::nullopt;
        page = parse_http_response(record.block, max_page);
        if (page.status != 200 || !is_html_media_type(page.media_type, page.body)) return std::nullopt;
    } else if (type == "resource") {
        const std::string content_type = record.header("content-type");
        page.media_type = lower_trimmed(std::string_view(content_type).substr(0, content_type.find(';')));
        page.charset = charset_parameter(content_type);
        if (!is_html_media_type(page.media_type, record.block)) return std::nullopt;
        page.body = record.block;
    } else {
        return std::nullopt;
    }
    if (record.oversized) page.error = "page larger than " + std::to_string(max_page >> 20) + " MiB";
    return page;
}

}  // namespace

WarcSummary read_warc_pages(std::istream& in, std::size_t max_page, const std::function<void(WarcPage&&)>& on_page) {
    WarcReader reader(in, max_page + kHttpHeaderAllowance);
    WarcSummary summary;
    while (std::optional<WarcRecord> record = reader.next()) {
        ++summary.records;
        WarcPage page;
        page.record = record->number;
        page.uri = trim(record->header("warc-target-uri"));
        if (page.uri.size() >= 2 && page.uri.front() == '<' && page.uri.back() == '>') page.uri = page.uri.substr(1, page.uri.size() - 2);  // WARC 1.0's <uri>
        if (!record->error.empty()) {
            page.parsed.error = record->error;
        } else if (std::optional<HttpResponse> payload = page_payload(*record, max_page)) {
            if (!payload->error.empty()) {
                page.parsed.error = payload->error;
            } else if (page.uri.empty()) {
                page.parsed.error = "HTML page without a WARC-Target-URI";
            } else {
                page.parsed = parse_html_article(payload->body, page.uri, HtmlPageHints{page.uri, payload->charset});
                if (page.parsed.article) page.parsed.article->id = page.uri;
            }
        } else {
            ++summary.skipped;
            continue;
        }
        ++summary.pages;
        on_page(std::move(page));
    }
    return summary;
}

}  // namespace khoj
