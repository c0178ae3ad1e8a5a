/** @file warc_reader.h @brief Web archives (WARC, ISO 28500; .warc and .warc.gz): records, their HTTP responses, and the HTML pages in them as articles (pure, over a stream). */
#pragma once
#include "common/ingest/gzip_stream.h"
#include "common/ingest/input_formats.h"

#include <cstddef>
#include <functional>
#include <istream>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace khoj {

/// One WARC record: its named headers and, for the record types that can hold a page, its block.
struct WarcRecord {
    std::size_t number = 0;                     ///< 1-based position in the file
    std::map<std::string, std::string> headers; ///< by lower-cased name ("warc-type", "warc-target-uri", "content-type")
    std::string block;                          ///< the content of a response or resource record (its start when oversized)
    std::size_t block_length = 0;               ///< the record's Content-Length
    bool oversized = false;                     ///< the block is larger than the reader's limit and was not kept whole
    std::string error;                          ///< set when the record is damaged: truncated, corrupt gzip, no Content-Length

    /// The value of header @p name (lower-case), or "".
    std::string header(const std::string& name) const;
};

/// Reads the records of a WARC stream one by one without holding more than one block in
/// memory; gzip (a member per record, or the whole file) is inflated on the way. Damage is
/// reported as a record with error set, and reading resumes at the next record that can be found.
class WarcReader {
  public:
    /// Blocks of response and resource records up to @p max_block bytes are kept; others are skipped over.
    WarcReader(std::istream& in, std::size_t max_block);

    /// The next record, or nullopt at the end of the stream.
    std::optional<WarcRecord> next();

  private:
    bool fill();
    std::optional<std::string> line();
    std::size_t take(std::string* out, std::size_t size);
    bool read_headers(WarcRecord& record);
    void read_block(WarcRecord& record);
    void end_record(WarcRecord& record);
    bool skip_to_next_record(std::string& damage);
    void recover(WarcRecord& record);

    ByteSource source_;
    std::size_t max_block_;
    std::string buffer_;          // bytes read from source_ and not yet consumed: buffer_[position_, end)
    std::size_t position_ = 0;
    bool member_end_ = false;     // the buffer ends where a gzip member ends
    std::size_t number_ = 0;
};

/// An HTTP response as a WARC response record holds it.
struct HttpResponse {
    int status = 0;              ///< 200, 404 …
    std::string media_type;      ///< lower-cased Content-Type without parameters ("text/html")
    std::string charset;         ///< the charset parameter of Content-Type, as written
    std::string body;            ///< the payload, de-chunked and decompressed (gzip, deflate)
    std::string error;           ///< set when the message cannot be read
};

/// Parses an HTTP response message (status line, headers, payload); the payload is de-chunked
/// when sent chunked and inflated when gzip or deflate, up to @p max_body bytes.
HttpResponse parse_http_response(std::string_view message, std::size_t max_body);

/// A page found in a web archive: the article, or why the record gave none.
struct WarcPage {
    std::size_t record = 0;  ///< the record's number in the file
    std::string uri;         ///< its WARC-Target-URI: the article's id
    ParsedArticle parsed;
};

/// What reading a whole archive found.
struct WarcSummary {
    std::size_t records = 0;  ///< every record, damaged ones too
    std::size_t pages = 0;    ///< HTML responses handed on (with an article or an error)
    std::size_t skipped = 0;  ///< requests, metadata, revisits, non-200 responses, images, scripts …
};

/// Reads a WARC stream and hands on every HTML page of a 200 response (or resource) record as
/// an article whose id is its WARC-Target-URI, and every damaged record as an error; other
/// records are counted and skipped. Pages larger than @p max_page bytes are errors.
WarcSummary read_warc_pages(std::istream& in, std::size_t max_page, const std::function<void(WarcPage&&)>& on_page);

}  // namespace khoj
