/** @file seen_ids.h @brief The ids a khoj-index run has met, in memory that does not grow with the corpus: repeats found through the index itself, reported with the file:line of both copies. */
#pragma once
#include "common/index/index_writer.h"
#include "common/ingest/article_reader.h"

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace khoj {

/// Repeats reported later (with the earlier line found by reading its .jsonl file again) are
/// held to this many, then reported: bounds both their memory and how often a file is re-read.
constexpr std::size_t kMaxDeferredRepeats = 1u << 16;

/// Bits of the filter of ids written in a run (2 MB): after a million ids, one new id in 230
/// still needs an index lookup; after ten million, more than half do.
constexpr std::size_t kWrittenIdBits = std::size_t{1} << 24;

/// Which ids this run of khoj-index has already met, so a repeated id is reported ("id 'x'
/// repeats FILE:LINE; keeping this later one") and its later copy always written. A map of every
/// id met cost 190 bytes an article for the whole run (267 MB peak at a million articles), so
/// only the articles not yet written (the pipeline, a few thousand) are kept by id; an id met
/// before that is one the index now holds as written or confirmed unchanged in this run: added
/// this run (the docids added, by file: one range a file), or an older docid marked in a bitmap
/// (one bit an article of the index, only in a run that updates it). The earlier copy's file is
/// the one whose file term the document has; its line (a .jsonl file's; other inputs are whole
/// files) is found by reading that file again, once for all the repeats waiting on it, so such a
/// repeat is reported at the end of the run (or after kMaxDeferredRepeats of them). Most ids
/// are new, and a fixed-size Bloom filter of the ids written spares their index lookup.
class SeenIds {
  public:
    /// Looks ids up in @p writer's index (its uncommitted documents included) and reports
    /// repeats through @p on_diagnostic.
    SeenIds(IndexWriter& writer, ArticleReader::DiagnosticHandler on_diagnostic);

    /// Notes @p input, accepted for indexing, and reports it when its id was met before in this run.
    void accept(const InputArticle& input);

    /// True when the id of an article accepted and not yet written repeats in this run, counting
    /// copies met after it so far: such a copy is always written, since "same hash as the index"
    /// cannot tell whether the index holds this copy or another one of this run.
    bool repeated(const std::string& id) const;

    /// Notes that @p input (read from the canonical file @p origin) is now in the index as
    /// @p docid: written (@p added: as a new document) or found unchanged.
    void written(const InputArticle& input, const std::string& origin, Xapian::docid docid, bool added);

    /// Reports the repeats still waiting for the line of their earlier copy.
    void report_deferred();

  private:
    /// An id accepted and not yet written.
    struct Pending {
        std::string where;       ///< "file:line" of its last copy
        std::size_t copies = 0;  ///< copies accepted and not yet written
        bool repeated = false;
    };
    /// A file whose articles have been written in this run, in order (a file read twice is there twice).
    struct FileRead {
        std::string name;       ///< as the reader named it (messages)
        std::string canonical;  ///< as its file term is made
        bool has_lines = false; ///< a .jsonl file: an article's place is a line
    };
    /// Docids added one after another from one file.
    struct AddedRange {
        Xapian::docid first = 0, last = 0;
        std::size_t file = 0;  ///< index into files_
    };
    /// A repeat whose earlier copy is at an unknown line of files_[earlier].
    struct Deferred {
        std::string id, file, canonical;  ///< the later copy's id and file (as named, canonical)
        std::size_t line = 0;
        std::size_t earlier = 0;
    };

    bool maybe_written(const std::string& id) const;
    void note_written(const std::string& id);
    bool seen_in_index(Xapian::docid docid) const;
    std::size_t file_of(Xapian::docid docid);
    void report(const std::string& file, std::size_t line, const std::string& id, const std::string& earlier);

    IndexWriter& writer_;
    ArticleReader::DiagnosticHandler on_diagnostic_;
    std::unordered_map<std::string, Pending> pending_;  ///< by id: the articles of the pipeline
    std::vector<FileRead> files_;
    std::vector<AddedRange> added_;  ///< in docid order
    std::vector<bool> touched_;      ///< by docid: older documents written or found unchanged in this run
    std::vector<Deferred> deferred_;
    std::vector<std::uint64_t> written_ids_;  ///< the Bloom filter: kWrittenIdBits bits
};

}  // namespace khoj
