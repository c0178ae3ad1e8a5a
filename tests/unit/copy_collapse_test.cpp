/** @file copy_collapse_test.cpp @brief Copies at search time: collapsed into the best-ranked one, listed as similar, counted once in counts and facets, all shown on request. */
#include "common/output/result_format.h"
#include "common/search/copy_collapse.h"
#include "common/search/searcher.h"
#include "temp_dir.h"
#include "test_index.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>

using namespace khoj;
using test::article;

namespace {

const std::string kBody =
    "क्या काम आएंगी एचआईवी रोधक दवाइयां, इस पर जयपुर के सवाई मानसिंह अस्पताल के डॉक्टरों ने शोध शुरू किया है। इटली से "
    "आए दो मरीजों को ये दवाइयां दी गईं और उनकी हालत में सुधार हुआ। विशेषज्ञों का कहना है कि अभी और शोध की जरूरत है।";

// One story stored three times (the third a day later and with a teaser line), and another story.
struct CopiesIndex {
    test::TempDir dir;
    std::string path = (dir.path() / "index").string();
    CopiesIndex() {
        test::write_index(path, {
                                    article("pk-032", "क्या काम आएंगी HIV रोधक दवाइयां", kBody, "2020-03-18", "Prabhat Khabar"),
                                    article("pk-044", "क्या काम आएंगी HIV रोधक दवाइयां", kBody, "2020-03-18", "Prabhat Khabar"),
                                    article("pk-049", "क्या काम आएंगी HIV रोधक दवाइयां", kBody + " ये भी पढ़ें: मास्क कैसे पहनें", "2020-03-19",
                                            "Prabhat Khabar"),
                                    article("jaipur", "जयपुर में दो नए मरीज", "सवाई मानसिंह अस्पताल में दो नए मरीज भर्ती किए गए, दोनों इटली से लौटे थे।",
                                            "2020-03-18", "Dainik Jagran"),
                                });
    }
};

}  // namespace

TEST_CASE("Searcher::search collapses the copies of a story into the best-ranked one and lists the others") {
    CopiesIndex index;
    Searcher searcher(index.path);
    SearchRequest request;
    request.query = "दवाइयां मरीज";
    request.count = MatchCount::Exact;
    request.copy_ids = true;
    SearchResult result = searcher.search(request);
    REQUIRE(result.hits.size() == 2);
    const Hit& story = result.hits.front().similar.empty() ? result.hits.back() : result.hits.front();
    CHECK(story.copies == 2);
    CHECK(story.similar.size() == 2);
    std::vector<std::string> all = story.similar;
    all.push_back(story.article.id);
    std::sort(all.begin(), all.end());
    CHECK(all == std::vector<std::string>{"pk-032", "pk-044", "pk-049"});
    // Counts are of stories.
    CHECK(result.matches_estimated == 2);
    // --all-copies: every copy is a hit, none lists the others.
    request.all_copies = true;
    result = searcher.search(request);
    CHECK(result.hits.size() == 4);
    CHECK(result.matches_estimated == 4);
    CHECK(std::all_of(result.hits.begin(), result.hits.end(), [](const Hit& h) { return h.similar.empty() && h.copies == 0; }));
    // Without copy_ids (text output) the copies are counted, their records not read.
    request.all_copies = false;
    request.copy_ids = false;
    result = searcher.search(request);
    CHECK(std::any_of(result.hits.begin(), result.hits.end(), [](const Hit& h) { return h.copies == 2 && h.similar.empty(); }));
}

TEST_CASE("Searcher::search counts a story and its copies once in the facets, unless every copy is asked for") {
    CopiesIndex index;
    Searcher searcher(index.path);
    SearchRequest request;
    request.query = "दवाइयां OR मरीज";
    request.facets = true;
    auto months = [&] {
        std::size_t n = 0;
        for (const FacetCount& m : searcher.search(request).facets.months) n += m.count;
        return n;
    };
    CHECK(months() == 2);
    request.all_copies = true;
    CHECK(months() == 4);
}

TEST_CASE("collapsed_copies: only copies that match the query and its filters") {
    CopiesIndex index;
    Searcher searcher(index.path);
    SearchRequest request;
    request.query = "दवाइयां";
    request.until = "2020-03-18";  // the copy of the 19th is not a result, so not a hidden one
    SearchResult result = searcher.search(request);
    REQUIRE(result.hits.size() == 1);
    CHECK(result.hits.front().copies == 1);
    // The story without copies lists none (its group term has one holder).
    request.query = "जयपुर नए मरीज भर्ती";
    request.until.clear();
    result = searcher.search(request);
    REQUIRE_FALSE(result.hits.empty());
    CHECK(result.hits.front().article.id == "jaipur");
    CHECK(collapsed_copies(searcher.database(), Xapian::Query("Zजयपुर"), nullptr, result.hits.front().docid).empty());
}

TEST_CASE("format_hit_text marks a hit with its copies as +N similar; format_hit_json lists their ids") {
    CopiesIndex index;
    Searcher searcher(index.path);
    SearchRequest request;
    request.query = "HIV रोधक दवाइयां";
    request.copy_ids = true;
    SearchResult result = searcher.search(request);
    REQUIRE_FALSE(result.hits.empty());
    const Hit& hit = result.hits.front();
    REQUIRE(hit.similar.size() == 2);
    const std::string text = format_hit_text(hit, TextStyle{});
    CHECK(text.find(hit.article.id + " · +2 similar") != std::string::npos);
    const auto json = nlohmann::json::parse(format_hit_json(hit, ""));
    CHECK(json["similar"].size() == 2);
    Hit alone = hit;
    alone.similar.clear();
    alone.copies = 0;
    CHECK(format_hit_text(alone, TextStyle{}).find("similar") == std::string::npos);
    CHECK(nlohmann::json::parse(format_hit_json(alone, ""))["similar"].empty());
}
