/** @file query_builder_fuzz.cpp @brief libFuzzer target: any bytes as a query through word expansion, QueryBuilder, Searcher (phrase checks, re-ranking, snippets) and every result format, over a small Hindi index built once; only khoj::UsageError may come out. */
#include "common/index/document_builder.h"
#include "common/index/index_writer.h"
#include "common/output/result_format.h"
#include "common/search/searcher.h"
#include "common/util/errors.h"
#include "common/util/unicode_text.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace {

// A few articles of the kinds queries meet: Devanagari with stop words and a phrase, Latin
// names written in Devanagari (transliteration), a nukta and a ZWJ, dates, sources, entities.
std::vector<khoj::Article> articles() {
    auto one = [](std::string id, std::string title, std::string body, std::string date, std::string source) {
        khoj::Article a;
        a.id = std::move(id);
        a.title = khoj::to_nfc(title);
        a.body = khoj::to_nfc(body);
        a.date = std::move(date);
        a.source = std::move(source);
        return a;
    };
    return {
        one("shoigu", "शोइगु प्योंगयांग पहुंचे", "रूस के रक्षा मंत्री सर्गेई शोइगु उत्तर कोरिया गए और किम जोंग उन से मिले।", "2023-07-26", "Dainik Jagran"),
        one("putin", "रूस और पुतिन", "रूस के राष्ट्रपति पुतिन ने मॉस्को में भाषण दिया।", "2020-04-01", "Amar Ujala"),
        one("corona", "कोरोना वायरस के मरीज", "दिल्\u200Dली के अस्पताल में कोरोना वायरस के 13 नए मरीज मिले, लॉकडाउन जारी। WHO ने COVID-19 पर चेतावनी दी।",
            "2020-04-02", "amar_ujala"),
        one("masjid", "शहर की खबरें", "पुरानी मस्जिद की मरम्मत का काम शुरू हुआ। ज़िला प्रशासन ने शराब की दुकानें बंद कीं।", "", ""),
        one("modi", "मोदी का संबोधन", "प्रधानमंत्री नरेंद्र मोदी ने देश को संबोधित किया और टीका अभियान की घोषणा की।", "2021-01-16", "Navbharat Times"),
    };
}

// The index, written once the way khoj-index writes it, and removed at exit.
struct FuzzIndex {
    std::filesystem::path dir = std::filesystem::temp_directory_path() / ("khoj-fuzz-" + std::to_string(std::random_device{}()));
    std::string path = (dir / "index").string();

    FuzzIndex() {
        std::filesystem::create_directories(dir);
        khoj::IndexWriter writer(path);
        khoj::Analyzer analyzer;
        khoj::EntityExtractor extractor;
        for (const khoj::Article& a : articles()) {
            const std::string hash = khoj::content_hash(a, "");
            writer.write(khoj::prepare_article(a, "", hash, analyzer, extractor, writer.codec()));
        }
        writer.commit();
    }
    ~FuzzIndex() {
        std::error_code ignored;
        std::filesystem::remove_all(dir, ignored);
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static FuzzIndex index;
    static khoj::Searcher searcher(index.path);
    khoj::SearchRequest request;
    request.query.assign(reinterpret_cast<const char*>(data), size);
    // Pages, facets and sort order vary with the input's length, so a finding replays: limits and
    // offsets past 32 bits once wrapped to 0 and crashed (reliability probe 1.39–1.46).
    request.limit = size % 7 == 0 ? SIZE_MAX : 1 + size % 3;
    request.offset = size % 5 == 0 ? std::size_t{1} << 32 : size % 4;
    request.facets = size % 2 == 1;
    request.sort = size % 3 == 0 ? khoj::SortOrder::Date : khoj::SortOrder::Relevance;
    request.suggest = true;
    try {
        const khoj::SearchResult result = searcher.search(request);
        khoj::TextStyle style;
        style.color = true;
        for (const khoj::Hit& hit : result.hits) {
            for (const khoj::Highlight& h : hit.snippet.highlights) {
                if (h.begin >= h.end || h.end > hit.snippet.text.size()) __builtin_trap();
            }
            const std::string text = khoj::format_hit_text(hit, style) + khoj::format_hit_json(hit, "q") + khoj::format_hit_trec(hit, "q");
            if (text.empty()) __builtin_trap();
        }
        (void)khoj::format_explanation(result.built, searcher.database(), false);
    } catch (const khoj::UsageError&) {
    }
    return 0;
}
