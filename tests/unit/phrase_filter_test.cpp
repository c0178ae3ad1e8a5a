/** @file phrase_filter_test.cpp @brief Tests of text_has_phrase and PhraseChecks: consecutive words in normalised form, stop words included, copies answered alike. */
#include "common/search/phrase_filter.h"
#include "common/index/schema.h"
#include "common/ingest/article.h"
#include "common/ingest/record_codec.h"
#include "common/text/analyzer.h"
#include "test_index.h"

#include <memory>

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

namespace {

// A document whose stored record has @p title and @p body, for PhraseChecks.
Xapian::Document stored_article(const RecordCodec& codec, const std::string& title, const std::string& body) {
    Article a;
    a.id = "x";
    a.title = title;
    a.body = body;
    Xapian::Document doc;
    doc.add_value(slot::kRecord, codec.compress(article_to_record(a)));
    return doc;
}

// PhraseChecks' answer for one phrase against one body.
bool checks_find(const PhraseWords& phrase, const std::string& body) {
    const RecordCodec codec;
    PhraseChecks checks(&codec);
    const std::size_t n = checks.add(phrase, false);
    return checks.holds_all({n}, stored_article(codec, "शीर्षक", body));
}

}  // namespace

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

TEST_CASE("PhraseChecks::holds_all answers an article whose stored text hash it met before without reading its record") {
    const RecordCodec codec;
    PhraseChecks checks(&codec);
    const std::size_t minister = checks.add({{"रक्षा"}, {"मंत्री"}}, false);
    auto stored = [&](const std::string& body, const std::string& text_hash) {
        Xapian::Document doc = stored_article(codec, "प्योंगयांग यात्रा", body);
        doc.add_value(slot::kTextHash, text_hash);
        return doc;
    };
    CHECK(checks.holds_all({minister}, stored("रूस के रक्षा मंत्री शोइगु पहुंचे।", "AAAAAAAA")));
    // Its record says otherwise, but the hash is the first article's: answered from memory.
    CHECK(checks.holds_all({minister}, stored("रूस के मंत्री शोइगु पहुंचे।", "AAAAAAAA")));
    CHECK_FALSE(checks.holds_all({minister}, stored("रूस के मंत्री शोइगु पहुंचे।", "BBBBBBBB")));
}


TEST_CASE("PhraseChecks::holds_all finds a phrase through the encoding traps, as segmenting the whole text does") {
    // ZWJ inside दिल्‍ली, nukta (मज़दूर), chandrabindu, न्द / ं, a newline between the words.
    CHECK(checks_find({{"नई"}, {"दिल्ली"}}, "कल नई दिल्\u200Dली में बारिश हुई।"));
    CHECK(checks_find({{"प्रवासी"}, {"मजदूर"}}, "सैकड़ों प्रवासी मज़दूर पैदल निकले।"));
    CHECK(checks_find({{"हिंदी"}, {"दिवस"}}, "आज हिन्दी\nदिवस है।"));
    CHECK(checks_find({{"जहां"}, {"भीड"}}, "जहाँ भीड़ थी"));  // the forms are orthographic(): nukta dropped
    // Words without skeleton letters (में, है) opening or closing the phrase, at either end of the text.
    CHECK(checks_find({{"में"}, {"कोरोना"}}, "में कोरोना"));
    CHECK(checks_find({{"कोरोना"}, {"है"}}, "यह कोरोना है"));
    // A loose vowel sign after a space between the words (scraped text) does not hide the phrase.
    CHECK(checks_find({{"रक्षा"}, {"मंत्री"}}, "रूस के रक्षा \u093F मंत्री आए") == text_has_phrase("रूस के रक्षा \u093F मंत्री आए", {{"रक्षा"}, {"मंत्री"}}, *std::make_unique<Analyzer>()));
    // Not adjacent, wrong order, or one word inside another: no phrase.
    CHECK_FALSE(checks_find({{"रक्षा"}, {"मंत्री"}}, "रक्षा और विदेश मंत्री"));
    CHECK_FALSE(checks_find({{"रक्षा"}, {"मंत्री"}}, "मंत्री ने रक्षा सौदे पर बात की।"));
    CHECK_FALSE(checks_find({{"रक्षा"}, {"मंत्री"}}, "सुरक्षा मंत्रीगण"));
}

TEST_CASE("PhraseChecks::holds_all agrees with text_has_phrase on every word pair and triple of real articles") {
    // Every run of two and three words of the articles, and every pair of words two apart, each
    // checked against every article: the skeleton screen must never change an answer.
    Analyzer analyzer;
    std::vector<std::string> texts;
    for (const Article& a : test::russia_articles()) texts.push_back(a.body);
    texts.push_back("लॉकडाउन के दौरान शराब की दुकानें खुलीं, प्रवासी मज़दूरों की घर वापसी शुरू हुई और दिल्‍ली में कोरोना के नए मामले आए।");
    std::vector<PhraseWords> phrases;
    for (const std::string& text : texts) {
        const std::vector<Token> tokens = analyzer.tokenize(text);
        for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
            phrases.push_back({{tokens[i].exact}, {tokens[i + 1].exact}});
            if (i + 2 < tokens.size()) {
                phrases.push_back({{tokens[i].exact}, {tokens[i + 1].exact}, {tokens[i + 2].exact}});
                phrases.push_back({{tokens[i].exact}, {tokens[i + 2].exact}});
            }
        }
    }
    std::size_t found = 0;
    for (const PhraseWords& phrase : phrases) {
        for (const std::string& text : texts) {
            const bool expected = text_has_phrase(text, phrase, analyzer);
            found += expected;
            CHECK(checks_find(phrase, text) == expected);
        }
    }
    CHECK(found > phrases.size() / 2);  // the runs of words are found where they came from
}
