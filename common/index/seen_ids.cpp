/** @file seen_ids.cpp @brief Repeated ids of a run: the pipeline by id, the index for the rest (docid ranges added by file, a bitmap of older docids), earlier .jsonl lines found by reading the file again. */
#include "common/index/seen_ids.h"

#include "common/index/document_builder.h"
#include "common/index/file_stamps.h"

#include <algorithm>
#include <utility>

namespace khoj {

namespace {

constexpr std::size_t kNoFile = static_cast<std::size_t>(-1);

// Bits set per id in the filter of ids written: three cache misses an id, and a filter still of
// use at ten million ids, which more bits an id would fill.
constexpr int kFilterProbes = 3;

// The filter bits of @p id, by double hashing of one 64-bit hash.
template <typename Each>
void filter_bits(const std::string& id, Each each) {
    const std::uint64_t h = std::hash<std::string>{}(id);
    const std::uint64_t step = ((h * 0x9E3779B97F4A7C15ull) >> 32) | 1;
    for (int i = 0; i < kFilterProbes; ++i) each((h + i * step) & (kWrittenIdBits - 1));
}

// "file:line", or the file alone when there is no line (a .txt, .html or web-archive article).
std::string place(const std::string& file, std::size_t line) { return line ? file + ":" + std::to_string(line) : file; }

// The line of the earlier copy among the lines @p found of the id in its file: the last before
// @p before (the later copy's line, when both are in one file), else the last (the file was
// read twice); 0 when the file no longer holds the id.
std::size_t earlier_line(const std::vector<std::size_t>& found, std::size_t before) {
    std::size_t last = found.empty() ? 0 : found.back(), last_before = 0;
    for (std::size_t line : found) {
        if (line < before) last_before = line;
    }
    return last_before ? last_before : last;
}

}  // namespace

SeenIds::SeenIds(IndexWriter& writer, ArticleReader::DiagnosticHandler on_diagnostic)
    : writer_(writer), on_diagnostic_(std::move(on_diagnostic)), written_ids_(kWrittenIdBits / 64) {}

void SeenIds::accept(const InputArticle& input) {
    const std::string& id = input.article.id;
    auto [it, fresh] = pending_.try_emplace(id);
    Pending& pending = it->second;
    ++pending.copies;
    if (!fresh) {
        report(input.file, input.line, id, pending.where);
        pending.repeated = true;
    } else if (const Xapian::docid docid = maybe_written(id) ? writer_.docid_of(id) : 0; docid && seen_in_index(docid)) {
        pending.repeated = true;
        const std::size_t earlier = file_of(docid);
        if (earlier == kNoFile) {
            report(input.file, input.line, id, "an article read earlier");  // every document written has its file's term
        } else if (!files_[earlier].has_lines) {
            report(input.file, input.line, id, files_[earlier].name);
        } else {
            deferred_.push_back(Deferred{id, input.file, canonical_file_name(input.file), input.line, earlier});
            if (deferred_.size() >= kMaxDeferredRepeats) report_deferred();
        }
    }
    pending.where = place(input.file, input.line);
}

bool SeenIds::repeated(const std::string& id) const {
    auto it = pending_.find(id);
    return it != pending_.end() && it->second.repeated;
}

void SeenIds::written(const InputArticle& input, const std::string& origin, Xapian::docid docid, bool added) {
    if (files_.empty() || files_.back().name != input.file) files_.push_back(FileRead{input.file, origin, input.line != 0});
    const std::size_t file = files_.size() - 1;
    // New documents get ever larger docids, so a file's make one range; anything else (an
    // older document, or a docid out of order) is marked by docid.
    if (added && (added_.empty() || docid > added_.back().last)) {
        if (!added_.empty() && added_.back().file == file && added_.back().last + 1 == docid) ++added_.back().last;
        else added_.push_back(AddedRange{docid, docid, file});
    } else {
        if (docid >= touched_.size()) touched_.resize(docid + 1);
        touched_[docid] = true;
    }
    note_written(input.article.id);
    auto it = pending_.find(input.article.id);
    if (it != pending_.end() && --it->second.copies == 0) pending_.erase(it);
}

bool SeenIds::maybe_written(const std::string& id) const {
    bool all = true;
    filter_bits(id, [&](std::uint64_t bit) { all = all && (written_ids_[bit / 64] >> (bit % 64) & 1); });
    return all;
}

void SeenIds::note_written(const std::string& id) {
    filter_bits(id, [&](std::uint64_t bit) { written_ids_[bit / 64] |= std::uint64_t{1} << (bit % 64); });
}

bool SeenIds::seen_in_index(Xapian::docid docid) const {
    if (docid < touched_.size() && touched_[docid]) return true;
    auto after = std::upper_bound(added_.begin(), added_.end(), docid, [](Xapian::docid d, const AddedRange& r) { return d < r.first; });
    return after != added_.begin() && std::prev(after)->last >= docid;
}

// The file that the document @p docid was last written (or confirmed) from in this run: the one
// whose file term it has, its range's file tried first, then the files from the latest back.
std::size_t SeenIds::file_of(Xapian::docid docid) {
    Xapian::WritableDatabase& db = writer_.database();
    auto holds = [&](std::size_t file) {
        const std::string term = file_term(files_[file].canonical);
        Xapian::PostingIterator it = db.postlist_begin(term);
        it.skip_to(docid);
        return it != db.postlist_end(term) && *it == docid;
    };
    auto after = std::upper_bound(added_.begin(), added_.end(), docid, [](Xapian::docid d, const AddedRange& r) { return d < r.first; });
    if (after != added_.begin() && std::prev(after)->last >= docid && holds(std::prev(after)->file)) return std::prev(after)->file;
    for (std::size_t file = files_.size(); file-- > 0;) {
        if (holds(file)) return file;
    }
    return kNoFile;
}

void SeenIds::report_deferred() {
    // Each file read again once, for the lines of all the ids waiting on it.
    std::unordered_map<std::string, std::unordered_map<std::string, std::vector<std::size_t>>> lines;  // file → id → lines
    for (const Deferred& d : deferred_) lines[files_[d.earlier].name][d.id];
    for (auto& entry : lines) {
        // A named reference, not a structured binding: clang 14 cannot capture those (the fuzz build).
        auto& ids = entry.second;
        ArticleReader reader(
            [&ids](InputArticle&& input) {
                if (auto it = ids.find(input.article.id); it != ids.end()) it->second.push_back(input.line);
            },
            [](const Diagnostic&) {});  // its problems were reported when it was first read
        reader.read(entry.first);
    }
    for (const Deferred& d : deferred_) {
        const FileRead& earlier = files_[d.earlier];
        const std::size_t line = earlier_line(lines[earlier.name][d.id], earlier.canonical == d.canonical ? d.line : 0);
        report(d.file, d.line, d.id, place(earlier.name, line));
    }
    deferred_.clear();
}

void SeenIds::report(const std::string& file, std::size_t line, const std::string& id, const std::string& earlier) {
    on_diagnostic_(Diagnostic{file, line, "id '" + id + "' repeats " + earlier + "; keeping this later one"});
}

}  // namespace khoj
