/** @file indexing.cpp @brief The indexing job. */
#include "common/indexing.h"

#include "common/index_writer.h"

#include <chrono>
#include <unordered_map>

namespace khoj {

IndexingSummary run_indexing(const IndexingOptions& options, const ArticleReader::DiagnosticHandler& on_diagnostic,
                             const ProgressHandler& on_progress) {
    const auto start = std::chrono::steady_clock::now();
    IndexWriter writer(options.index);
    IndexingSummary summary;
    std::unordered_map<std::string, std::string> seen;  // id → "file:line" where this run first saw it
    std::size_t since_commit = 0;
    auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };

    ArticleReader reader(
        [&](InputArticle&& input) {
            const std::string where = input.file + (input.line ? ":" + std::to_string(input.line) : "");
            auto [it, fresh] = seen.emplace(input.article.id, where);
            if (!fresh) {
                on_diagnostic(Diagnostic{input.file, input.line, "id '" + input.article.id + "' repeats " + it->second + "; keeping this later one"});
            }
            summary.bytes += input.article.title.size() + input.article.body.size();
            switch (writer.add(input.article)) {
                case Change::Added: ++summary.added; break;
                case Change::Updated: (fresh ? ++summary.updated : summary.updated); break;
                case Change::Unchanged: ++summary.unchanged; break;
            }
            if (++since_commit >= options.batch_size) {
                writer.commit();
                since_commit = 0;
            }
            summary.seconds = elapsed();
            if (on_progress) on_progress(summary);
        },
        on_diagnostic);
    for (const auto& path : options.paths) reader.read(path);
    writer.commit();
    summary.rejected = reader.rejected();
    summary.seconds = elapsed();
    return summary;
}

}  // namespace khoj
