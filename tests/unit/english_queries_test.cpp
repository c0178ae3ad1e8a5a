/** @file english_queries_test.cpp @brief Tests of English queries over Devanagari articles on a small index: names, translations, pronunciation, phrases, compounds and the junk guard. */
#include "common/search/query_builder.h"
#include "common/search/searcher.h"
#include "test_index.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace khoj;

namespace {

using test::article;

/// One article per reading under test, and the look-alikes a wrong reading would find.
struct Fixture {
    test::TempDir dir;
    std::string path = (dir.path() / "index").string();

    Fixture() {
        test::write_index(path, {
                 article("police", "पुलिस ने चोर पकड़ा", "थाने की पुलिस ने रात में गश्त की।"),
                 article("policy", "नई पॉलिसी लागू", "बीमा पॉलिसी के नियम बदले।"),
                 article("aspatal", "अस्पताल में भीड़", "जिला अस्पताल में मरीज बढ़े।"),
                 article("hospital", "हॉस्पिटल का उद्घाटन", "नए हॉस्पिटल में सौ बिस्तर हैं।"),
                 article("liquor", "शराब की दुकानें खुलीं", "लॉकडाउन के बाद शराब की दुकानें खुलीं।"),
                 article("migrant", "प्रवासी मजदूर घर लौटे", "हजारों प्रवासी मजदूर पैदल घर लौटे।"),
                 article("missile", "मिसाइल परीक्षण", "उत्तर कोरिया ने मिसाइल का परीक्षण किया।"),
                 article("covid-test", "कोरोना टेस्ट", "शहर में कोरोना के टेस्ट बढ़ाए गए, टेस्ट की रिपोर्ट आई।"),
                 article("satellite", "उपग्रह प्रक्षेपित", "इसरो ने नया उपग्रह छोड़ा।"),
                 article("delhi", "दिल्ली में बारिश", "दिल्ली में तेज बारिश हुई।"),
                 article("groom", "दूल्हा घोड़ी पर", "दूल्हा बारात लेकर आया।"),
                 article("chandigarh", "चंडीगढ़ की खबर", "चंडीगढ़ में नया पुल बना।"),
                 article("meerut", "मेरठ में मेला", "मेरठ में मेला लगा।"),
                 article("mrit", "मृत पक्षी मिले", "तालाब के पास मृत पक्षी मिले।"),
                 article("nz", "न्यूजीलैंड जीता", "न्यूजीलैंड ने मैच जीता।"),
                 article("navy", "नेवी का जहाज", "नेवी का जहाज पहुंचा।"),
                 article("toll", "मृतकों की संख्या बढ़ी", "इटली में मृतकों की संख्या सौ के पार।"),
                 article("toll-tax", "टोल टैक्स बढ़ा", "हाईवे पर टोल टैक्स बढ़ा।"),
                 article("doctor", "डॉक्टरों की हड़ताल", "सरकारी डॉक्टरों ने हड़ताल की।"),
                 article("ventilator", "वेंटिलेटर कम पड़े", "अस्पताल में वेंटिलेटर कम पड़ गए।"),
             });
    }

    std::vector<std::string> ids(const std::string& query) {
        Searcher searcher(path);
        SearchRequest request;
        request.query = query;
        request.limit = 20;
        std::vector<std::string> out;
        for (const Hit& hit : searcher.search(request).hits) out.push_back(hit.article.id);
        return out;
    }

    BuiltQuery built(const std::string& query) {
        Xapian::Database db(path);
        QueryBuilder builder(db);
        return builder.build(query);
    }
};

bool contains(const std::vector<std::string>& ids, const std::string& id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); }

// The reasons --explain gives for a query's expansions, joined.
std::string reasons(const BuiltQuery& q) {
    std::string out;
    for (const auto& e : q.expansions)
        for (const auto& t : e.terms) out += t.reason + "\n";
    return out;
}

}  // namespace

TEST_CASE("QueryBuilder::build reads police as पुलिस, never as पॉलिसी (the junk guard)") {
    Fixture f;
    const auto ids = f.ids("police");
    REQUIRE(!ids.empty());
    CHECK(ids.front() == "police");
    CHECK(!contains(ids, "policy"));
    CHECK(reasons(f.built("police")).find("translation of police (glossary)") != std::string::npos);
}

TEST_CASE("WordExpander::latin_readings reads an English word no glossary lists by its sound") {
    Fixture f;
    const auto ids = f.ids("ventilators");  // ventilator → वेंटिलेटर, said as English
    REQUIRE(!ids.empty());
    CHECK(ids.front() == "ventilator");
    CHECK(reasons(f.built("ventilators")).find("English pronunciation") != std::string::npos);
}

TEST_CASE("Searcher::search finds both अस्पताल and हॉस्पिटल for hospital") {
    Fixture f;
    const auto ids = f.ids("hospital");
    CHECK(contains(ids, "aspatal"));
    CHECK(contains(ids, "hospital"));
    CHECK(reasons(f.built("hospital")).find("translation of hospital (glossary)") != std::string::npos);
}

TEST_CASE("Searcher::search reads English words through translation: liquor shops, doctors, satellite") {
    Fixture f;
    CHECK(f.ids("liquor shops").front() == "liquor");
    CHECK(f.ids("doctors").front() == "doctor");  // doctors → doctor → डॉक्टर, डॉक्टरों through the stem
    CHECK(contains(f.ids("satellite"), "satellite"));
}

TEST_CASE("QueryBuilder::expand_unit reads adjacent words as one: migrant workers, death toll, New Zealand") {
    Fixture f;
    CHECK(f.ids("migrant workers").front() == "migrant");
    const auto toll = f.ids("death toll");
    REQUIRE(!toll.empty());
    CHECK(toll.front() == "toll");
    CHECK(!contains(toll, "toll-tax"));  // toll alone is टोल; death toll is not
    const auto nz = f.ids("New Zealand");
    REQUIRE(!nz.empty());
    CHECK(nz.front() == "nz");
    CHECK(!contains(nz, "navy"));  // New is not नेवी
    CHECK(reasons(f.built("death toll")).find("phrase death toll") != std::string::npos);
}

TEST_CASE("EnglishReader::names reads a gazetteer name in English: Delhi, Chandigarh, Meerut") {
    Fixture f;
    const auto delhi = f.ids("Delhi");
    REQUIRE(!delhi.empty());
    CHECK(delhi.front() == "delhi");
    CHECK(!contains(delhi, "groom"));  // दूल्हा only sounds like Delhi
    CHECK(f.ids("Chandigarh").front() == "chandigarh");
    const auto meerut = f.ids("Meerut");
    CHECK(meerut.front() == "meerut");
    CHECK(!contains(meerut, "mrit"));
    CHECK(reasons(f.built("Meerut")).find("name Meerut") != std::string::npos);
}

TEST_CASE("Searcher::search ranks a missile test above COVID tests") {
    Fixture f;
    const auto ids = f.ids("missile test");
    REQUIRE(ids.size() >= 2);
    CHECK(ids.front() == "missile");
}

TEST_CASE("QueryBuilder::expand_word matches nothing for a word with no close reading") {
    Fixture f;
    CHECK(f.ids("xylophone").empty());
}
