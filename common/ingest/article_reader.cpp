/** @file article_reader.cpp @brief Input formats: one article per .txt or .html file, one per .jsonl line, one per HTML page of a .warc(.gz). */
#include "common/ingest/article_reader.h"

#include "common/ingest/dates.h"
#include "common/ingest/html_article.h"
#include "common/ingest/input_formats.h"
#include "common/ingest/scraped_text.h"
#include "common/ingest/warc_reader.h"
#include "common/util/unicode_text.h"

#include <algorithm>
#include <fstream>
#include <optional>
#include <system_error>
#include <vector>

namespace fs = std::filesystem;

namespace khoj {

namespace {

// The 1-based line holding the first byte that is not valid UTF-8 (0 if there is none).
std::size_t first_invalid_utf8_line(std::string_view text) {
    std::size_t line = 1;
    for (std::size_t start = 0; start <= text.size(); ++line) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        if (!is_valid_utf8(text.substr(start, end - start))) return line;
        start = end + 1;
    }
    return 0;
}

enum class InputKind { kNone, kText, kJsonLines, kHtml, kWarc };

InputKind input_kind(const fs::path& file) {
    const auto ext = file.extension();
    if (ext == ".txt") return InputKind::kText;
    if (ext == ".jsonl") return InputKind::kJsonLines;
    if (ext == ".html" || ext == ".htm") return InputKind::kHtml;
    const std::string name = file.filename().string();
    const bool warc_gz = name.size() > 8 && name.compare(name.size() - 8, 8, ".warc.gz") == 0;
    if (ext == ".warc" || warc_gz) return InputKind::kWarc;
    return InputKind::kNone;
}

// The id a file's path gives: relative to the PATH given, without its extension.
std::string path_id(const fs::path& file, const fs::path& root) {
    std::error_code ec;
    fs::path relative = fs::relative(file, root, ec);
    if (ec || relative.empty()) relative = file.filename();
    relative.replace_extension();
    return relative.generic_string();
}

}  // namespace

bool is_input_file(const fs::path& file) { return input_kind(file) != InputKind::kNone; }

FileStamp stamp_of(const fs::path& file) {
    std::error_code ec;
    FileStamp stamp;
    stamp.size = fs::file_size(file, ec);
    auto time = fs::last_write_time(file, ec);
    if (!ec) stamp.mtime_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(time.time_since_epoch()).count();
    return stamp;
}

ArticleReader::ArticleReader(ArticleHandler on_article, DiagnosticHandler on_rejected, FileFilter filter, FileDoneHandler on_file_done)
    : on_article_(std::move(on_article)),
      on_rejected_(std::move(on_rejected)),
      filter_(std::move(filter)),
      on_file_done_(std::move(on_file_done)) {}

void ArticleReader::reject(const fs::path& file, std::size_t line, const std::string& message) {
    ++rejected_;
    on_rejected_(Diagnostic{file.string(), line, message});
}

void ArticleReader::read(const fs::path& path) {
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
        reject(path, 0, "no such file or folder");
        return;
    }
    if (!fs::is_directory(status)) {
        read_file(path, path.parent_path(), true);
        return;
    }
    std::vector<fs::path> files;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
        reject(path, 0, "cannot read folder: " + ec.message());
        return;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) {
            reject(it->path(), 0, "cannot read folder: " + ec.message());
            ec.clear();
            continue;
        }
        std::error_code type_ec;
        if (it->is_directory(type_ec)) {
            // An unreadable sub-folder is skipped silently by the iterator: name it.
            std::error_code probe;
            fs::directory_iterator test(it->path(), probe);
            if (probe) reject(it->path(), 0, "cannot read folder: " + probe.message());
            continue;
        }
        if (it->is_regular_file(type_ec) && input_kind(it->path()) != InputKind::kNone) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        if (input_kind(file) == InputKind::kText) folder_files_[file.parent_path()].push_back(file);
    }
    for (const auto& file : files) read_file(file, path, false);
    folder_files_.clear();
    folder_templates_.clear();
}

void ArticleReader::read_file(const fs::path& file, const fs::path& root, bool named) {
    const InputKind kind = input_kind(file);
    if (kind == InputKind::kNone) {
        if (named) reject(file, 0, "unknown file type (expected .txt, .jsonl, .html, .htm, .warc or .warc.gz)");
        return;
    }
    // A FIFO would block open() for ever (holding the index lock), a device such as /dev/zero
    // never ends: only regular files are read, also through a symlink.
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) {
        if (named) reject(file, 0, "not a regular file (FIFOs, devices and sockets are not read)");
        return;
    }
    const FileStamp stamp = stamp_of(file);
    if (filter_ && !filter_(file, stamp)) return;
    bool read_to_end = false;
    switch (kind) {
        case InputKind::kText: read_to_end = read_txt(file, root, stamp); break;
        case InputKind::kJsonLines: read_to_end = read_jsonl(file); break;
        case InputKind::kHtml: read_to_end = read_html(file, root, stamp); break;
        case InputKind::kWarc: read_to_end = read_warc(file); break;
        case InputKind::kNone: break;
    }
    // Only a file read to the end is recorded as indexed: one that could not be opened or read
    // must be tried again on the next run, not skipped as unchanged for ever.
    if (read_to_end && on_file_done_) on_file_done_(file, stamp);
}

std::string ArticleReader::problem(InputArticle& input, bool utf8_checked) {
    Article& a = input.article;
    if (a.id.empty()) return "article has no id";
    // A JSON line was checked whole, and the parser only ever decodes escapes to valid UTF-8.
    for (const std::string* field : {&a.id, &a.title, &a.body, &a.source, &a.url, &a.date}) {
        if (!utf8_checked && !is_valid_utf8(*field)) return "invalid UTF-8 in article '" + (is_valid_utf8(a.id) ? a.id : std::string("?")) + "'";
    }
    if (a.title.find_first_not_of(" \t\r\n") == std::string::npos && a.body.find_first_not_of(" \t\r\n") == std::string::npos) {
        return "article '" + a.id + "' has no text";
    }
    if (a.title.size() + a.body.size() > kMaxArticleBytes) return "article '" + a.id + "' is larger than 8 MiB";
    a.id = to_nfc(a.id);
    a.title = to_nfc(a.title);
    a.body = to_nfc(a.body);
    a.source = to_nfc(a.source);
    return {};
}

bool ArticleReader::check(InputArticle& input) {
    const std::string why = problem(input, false);
    if (!why.empty()) reject(input.file, input.line, why);
    return why.empty();
}

void ArticleReader::emit(InputArticle&& input, HeadlineOrigin origin, const TemplateLines* templates, std::string_view source) {
    Article& a = input.article;
    // A web page was cleaned as it was parsed (parse_html_article), where the page's structure is known.
    const CleaningReport cleaned = origin == HeadlineOrigin::kPage ? CleaningReport{} : clean_scraped_article(a, origin, templates, source);
    if (a.title.find_first_not_of(" \t\r\n") == std::string::npos && a.body.find_first_not_of(" \t\r\n") == std::string::npos) {
        reject(input.file, input.line, "article '" + a.id + "' has no text besides site chrome");
        return;
    }
    // The byline's date (dropped with the byline) first, then one anywhere near the top.
    if (a.date.empty()) a.date = cleaned.date;
    if (a.date.empty()) {
        if (auto found = find_date_in_text(a.title + "\n" + a.body)) a.date = *found;
    }
    on_article_(std::move(input));
}

const TemplateLines* ArticleReader::folder_templates(const fs::path& file) {
    const fs::path folder = file.parent_path();
    const auto files = folder_files_.find(folder);
    if (files == folder_files_.end() || files->second.size() < TemplateLines::kMinArticles) return nullptr;
    if (auto known = folder_templates_.find(folder); known != folder_templates_.end()) return &known->second;
    // Counted from the folder's files as they are now, read or not this run; a few folders are
    // kept (a walk comes back to a folder after each of its sub-folders).
    if (folder_templates_.size() >= 8) folder_templates_.clear();
    TemplateLines& templates = folder_templates_[folder];
    std::string text;
    for (std::size_t k = 0; k < files->second.size() && k < kTemplateSampleArticles; ++k) {
        // What read_txt would reject is not counted; errors are reported when the file is read.
        std::error_code ec;
        const std::uintmax_t size = fs::file_size(files->second[k], ec);
        if (ec || size > kMaxArticleBytes) continue;
        std::ifstream in(files->second[k], std::ios::binary);
        text.resize(static_cast<std::size_t>(size));
        in.read(text.data(), static_cast<std::streamsize>(text.size()));
        text.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
        if (text.find('\0') != std::string::npos || !is_valid_utf8(text)) continue;
        templates.add("", to_nfc(text));
    }
    return &templates;
}

ArticleReader::WholeFile ArticleReader::read_whole(const fs::path& file, const FileStamp& stamp, std::string& text) {
    // Checked before reading: a multi-gigabyte file must not be read into memory to be refused.
    if (stamp.size > kMaxArticleBytes) {
        reject(file, 0, "file is larger than 8 MiB");
        return WholeFile::kRejected;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        reject(file, 0, "cannot open file");
        return WholeFile::kUnreadable;
    }
    // At most one byte past the limit, in case the file grew since its size was read.
    text.assign(kMaxArticleBytes + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (in.bad()) {
        reject(file, 0, "cannot read file");
        return WholeFile::kUnreadable;
    }
    text.resize(static_cast<std::size_t>(in.gcount()));
    return WholeFile::kRead;
}

bool ArticleReader::read_txt(const fs::path& file, const fs::path& root, const FileStamp& stamp) {
    std::string text;
    const WholeFile read = read_whole(file, stamp, text);
    if (read != WholeFile::kRead) return read == WholeFile::kRejected;
    if (text.find('\0') != std::string::npos) {
        reject(file, 0, "binary file, not text");
        return true;
    }
    if (text.size() > kMaxArticleBytes) {
        reject(file, 0, "file is larger than 8 MiB");
        return true;
    }
    if (!is_valid_utf8(text)) {
        reject(file, first_invalid_utf8_line(text), "invalid UTF-8");
        return true;
    }
    ParsedArticle parsed = parse_text_article(text, path_id(file, root));
    InputArticle input;
    input.file = file.string();
    input.input_bytes = stamp.size;
    input.article = std::move(*parsed.article);
    if (auto date = find_date_in_file_name(file.filename().string())) input.article.date = *date;
    if (check(input)) emit(std::move(input), HeadlineOrigin::kFirstLine, folder_templates(file));
    return true;
}

bool ArticleReader::read_html(const fs::path& file, const fs::path& root, const FileStamp& stamp) {
    std::string bytes;
    const WholeFile read = read_whole(file, stamp, bytes);
    if (read != WholeFile::kRead) return read == WholeFile::kRejected;
    if (bytes.size() > kMaxArticleBytes) {
        reject(file, 0, "file is larger than 8 MiB");
        return true;
    }
    ParsedArticle parsed = parse_html_article(bytes, path_id(file, root));
    for (const std::string& warning : parsed.warnings) on_rejected_(Diagnostic{file.string(), 0, warning});
    if (!parsed.article) {
        reject(file, 0, parsed.error);
        return true;
    }
    InputArticle input;
    input.file = file.string();
    input.input_bytes = stamp.size;
    input.article = std::move(*parsed.article);
    // The page's own date first (metadata, byline); the file name's only when it has none.
    if (input.article.date.empty()) {
        if (auto date = find_date_in_file_name(file.filename().string())) input.article.date = *date;
    }
    if (check(input)) emit(std::move(input), HeadlineOrigin::kPage);
    return true;
}

bool ArticleReader::read_warc(const fs::path& file) {
    // Streamed record by record: an archive may be many gigabytes; no page over 8 MiB is kept.
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        reject(file, 0, "cannot open file");
        return false;
    }
    std::size_t reported = 0;  // bytes of the file given to articles so far (as far as the stream has read)
    std::error_code size_error;
    const std::size_t file_bytes = static_cast<std::size_t>(fs::file_size(file, size_error));
    const WarcSummary summary = read_warc_pages(in, kMaxArticleBytes, [&](WarcPage&& page) {
        const std::string where = "record " + std::to_string(page.record) + (page.uri.empty() ? "" : " (" + page.uri + ")") + ": ";
        for (const std::string& warning : page.parsed.warnings) on_rejected_(Diagnostic{file.string(), 0, where + warning});
        if (!page.parsed.article) {
            reject(file, 0, where + page.parsed.error);
            return;
        }
        InputArticle input;
        input.file = file.string();
        const std::streamoff at = in.tellg();  // -1 once the stream has read to the end
        const std::size_t position = at < 0 ? file_bytes : std::min(static_cast<std::size_t>(at), file_bytes);
        input.input_bytes = position > reported ? position - reported : 0;
        reported = std::max(reported, position);
        input.article = std::move(*page.parsed.article);
        if (check(input)) emit(std::move(input), HeadlineOrigin::kPage);
    });
    skipped_records_ += summary.skipped;
    if (in.bad()) {
        reject(file, 0, "read error");
        return false;
    }
    return true;
}

namespace {

// What a .jsonl file gave while its first articles are held back for the template count:
// an article, or a message about a line, in input order, so messages keep the order of lines.
struct HeldInput {
    std::optional<InputArticle> article;
    Diagnostic message;
    bool rejection = false;  ///< the message rejects the line (counted), rather than warning
};

}  // namespace

bool ArticleReader::read_jsonl(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        reject(file, 0, "cannot open file");
        return false;
    }
    // The first articles are held back until their sources' template lines are counted; then
    // they and the rest go on in input order.
    TemplateLines templates;
    std::vector<HeldInput> held;
    std::size_t held_bytes = 0;
    bool sampling = true;
    auto say = [&](std::size_t line, const std::string& message, bool rejection) {
        if (sampling) held.push_back(HeldInput{std::nullopt, Diagnostic{file.string(), line, message}, rejection});
        else if (rejection) reject(file, line, message);
        else on_rejected_(Diagnostic{file.string(), line, message});
    };
    auto release = [&] {
        sampling = false;
        for (HeldInput& h : held) {
            if (h.article) emit(std::move(*h.article), HeadlineOrigin::kField, &templates, h.article->article.source);
            else say(h.message.line, h.message.message, h.rejection);
        }
        held.clear();
    };
    std::string line;
    std::size_t number = 0, consumed = 0, reported = 0;
    while (std::getline(in, line)) {
        ++number;
        consumed += line.size() + 1;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        if (line.size() > kMaxArticleBytes * 2) {
            say(number, "line is larger than 16 MiB", true);
            continue;
        }
        ParsedArticle parsed = parse_json_article(line);
        for (const std::string& warning : parsed.warnings) say(number, warning, false);
        InputArticle input{parsed.article ? std::move(*parsed.article) : Article{}, file.string(), number};
        const std::string why = parsed.article ? problem(input, true) : parsed.error;
        if (!why.empty()) {
            say(number, why, true);
            continue;
        }
        input.input_bytes = consumed - reported;
        reported = consumed;
        if (!sampling) {
            emit(std::move(input), HeadlineOrigin::kField, &templates, input.article.source);
            continue;
        }
        templates.add(input.article.source, input.article.body);
        held_bytes += input.article.body.size();
        held.push_back(HeldInput{std::move(input), {}, false});
        if (held.size() >= kTemplateSampleArticles || held_bytes >= 8 * kMaxArticleBytes) release();
    }
    release();
    if (in.bad()) {
        reject(file, number, "read error");
        return false;
    }
    return true;
}

}  // namespace khoj
