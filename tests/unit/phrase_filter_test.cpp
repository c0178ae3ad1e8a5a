/** @file phrase_filter_test.cpp @brief Tests of text_has_phrase and PhraseChecks: consecutive words in normalised form, stop words included, copies answered alike. */
#include "common/search/phrase_filter.h"
#include "common/index/schema.h"
#include "common/ingest/article.h"
#include "common/ingest/record_codec.h"
#include "common/text/analyzer.h"

#include <doctest/doctest.h>

using namespace khoj;

TEST_CASE("text_has_phrase finds the words only when adjacent and in order") {
    Analyzer analyzer;
    const PhraseWords phrase = {{"रक्षा"}, {"मंत्री"}};
    CHECK(text_has_phrase("रूस के रक्षा मंत्री शोइगु प्योंगयांग पहुंचे।", phrase, analyzer));
    CHECK_FALSE(text_has_phrase("मंत्री ने रक्षा सौदे पर बात की।", phrase, analyzer));
    CHECK_FALSE(text_has_phrase("रक्षा और विदेश मंत्री", phrase, analyzer));
}

TEST_CASE("text_has_phrase counts stop words and accepts any listed spelling at a position") {
    Analyzer analyzer;
    const PhraseWords with_stop_word = {{"शराब"}, {"की"}, {"दुकानें", "दुकान"}};
    CHECK(text_has_phrase("शहर में शराब की दुकानें खुलीं।", with_stop_word, analyzer));
    CHECK(text_has_phrase("शराब की दुकान पर भीड़", with_stop_word, analyzer));
    CHECK_FALSE(text_has_phrase("शराब दुकानें खुलीं", with_stop_word, analyzer));
}

TEST_CASE("text_has_phrase matches text written with a ZWJ or nukta in normalised form") {
    Analyzer analyzer;
    // दिल्‍ली with a ZWJ is दिल्ली once normalised, as phrases are checked.
    CHECK(text_has_phrase("नई दिल्‍ली में बारिश", {{"नई"}, {"दिल्ली"}}, analyzer));
}

TEST_CASE("PhraseChecks::holds_all answers copies of a story alike and texts of equal length apart") {
    const RecordCodec codec;
    PhraseChecks checks(&codec);
    const std::size_t minister = checks.add({{"रक्षा"}, {"मंत्री"}}, false);
    auto stored = [&](const std::string& id, const std::string& body) {
        Article a;
        a.id = id;
        a.title = "प्योंगयांग यात्रा";
        a.body = body;
        Xapian::Document doc;
        doc.add_value(slot::kRecord, codec.compress(article_to_record(a)));
        return doc;
    };
    // Two papers' copies of one wire story (their own ids), and a text of the same byte length
    // whose words are in the other order: the second copy is answered from the first, the other
    // text is checked afresh.
    const std::string story = "रूस के रक्षा मंत्री शोइगु प्योंगयांग पहुंचे।";
    const std::string swapped = "रूस के मंत्री रक्षा शोइगु प्योंगयांग पहुंचे।";
    REQUIRE(story.size() == swapped.size());
    CHECK(checks.holds_all({minister}, stored("amar_ujala#1", story)));
    CHECK(checks.holds_all({minister}, stored("dainik_bhaskar#7", story)));
    CHECK_FALSE(checks.holds_all({minister}, stored("jagran#3", swapped)));
    CHECK(checks.holds_all({minister}, stored("amar_ujala#2", story)));
}
