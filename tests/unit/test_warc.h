/** @file test_warc.h @brief Builds web archives for tests: WARC records, HTTP responses, gzip members. */
#pragma once
#include <zlib.h>

#include <stdexcept>
#include <string>
#include <string_view>

namespace khoj::test {

/// One WARC/1.1 record of @p type with @p block as its content (and the two line ends after it).
inline std::string warc_record(const std::string& type, const std::string& uri, const std::string& content_type, std::string_view block) {
    std::string record = "WARC/1.1\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <urn:uuid:" + std::to_string(block.size()) +
                         ">\r\nWARC-Date: 2024-09-04T12:00:00Z\r\n";
    if (!uri.empty()) record += "WARC-Target-URI: " + uri + "\r\n";
    if (!content_type.empty()) record += "Content-Type: " + content_type + "\r\n";
    record += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n";
    record.append(block);
    return record + "\r\n\r\n";
}

/// An HTTP/1.1 response message with @p status, a Content-Type and @p body.
inline std::string http_response(int status, const std::string& content_type, std::string_view body, const std::string& extra_headers = "") {
    std::string message = "HTTP/1.1 " + std::to_string(status) + (status == 200 ? " OK" : " Not Found") + "\r\n";
    if (!content_type.empty()) message += "Content-Type: " + content_type + "\r\n";
    message += extra_headers + "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
    message.append(body);
    return message;
}

/// @p data as one gzip member (what a .warc.gz holds per record).
inline std::string gzip_member(std::string_view data) {
    z_stream z{};
    if (deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) throw std::runtime_error("deflateInit2");
    std::string out(deflateBound(&z, static_cast<uLong>(data.size())) + 64, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&z, Z_FINISH);
    out.resize(out.size() - z.avail_out);
    deflateEnd(&z);
    if (rc != Z_STREAM_END) throw std::runtime_error("deflate");
    return out;
}

}  // namespace khoj::test
