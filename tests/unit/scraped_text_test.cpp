/** @file scraped_text_test.cpp @brief Tests of scraped-text cleaning: section labels and headlines, the headline chooser, repeated paragraphs, template lines, and clean_scraped_article on the seeds and on clean JSON articles. */
#include "common/ingest/scraped_text.h"

#include "common/ingest/chrome_lines.h"
#include "common/ingest/input_formats.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace khoj;

namespace {

const char* kHeadline001 = "उत्तर कोरियाई नेता किम जोंग-उन ने 'सैन्य सहयोग' पर रूसी रक्षा मंत्री से मुलाकात की";
const char* kHeadline003 = "पुतिन से मिलने रूस जाएंगे उत्तर कोरिया के तानाशाह किम जोंग उन, हथियार सौदों पर होगी बातचीत";

// A seed article of sample_corpus/ as the .txt reader parses it.
Article seed(const std::string& name) {
    std::ifstream in(std::filesystem::path(KHOJ_SOURCE_DIR) / "sample_corpus" / name, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return *parse_text_article(bytes.str(), name.substr(0, 3)).article;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

}  // namespace

TEST_CASE("is_section_label takes a short section name, not a short headline") {
    CHECK(is_section_label("अन्तर्राष्ट्रीय"));
    CHECK(is_section_label("उत्तर प्रदेश"));
    CHECK(is_section_label("Breaking News"));
    CHECK_FALSE(is_section_label("कोरोना का कहर"));       // a headline of three words has a function word
    CHECK_FALSE(is_section_label("लॉकडाउन 2.0"));          // digits
    CHECK_FALSE(is_section_label("डालनवाला क्षेत्र-"));     // a run-in heading over a list
    CHECK_FALSE(is_section_label(kHeadline003));
}

TEST_CASE("is_headline_like takes the seeds' headlines, not a paragraph or a dateline") {
    CHECK(is_headline_like(kHeadline001));
    CHECK(is_headline_like(kHeadline003));
    CHECK(is_headline_like("Russian President Putin: रूस के राष्ट्रपति पुतिन का बड़ा ऐलान, सैटेलाइट बनाएगा उत्तर कोरिया!"));
    CHECK_FALSE(is_headline_like("कोरोना का कहर"));  // too short to tell
    CHECK_FALSE(is_headline_like("दिल्ली में आज कोरोना के 500 नए मामले सामने आए।"));
    CHECK_FALSE(is_headline_like("नयी दिल्ली, 13 अप्रैल (भाषा) देश तथा दुनिया के अन्य हिस्सों में कोरोना वायरस पर घटनाक्रम इस प्रकार है-"));
}

TEST_CASE("choose_headline skips chrome and a section label standing above the headline") {
    const std::vector<std::string_view> seed003 = {"अन्तर्राष्ट्रीय", kHeadline003, "प्योंग्यांग/मॉस्को : उत्तर कोरिया के तानाशाह किम जोंग उन जल्द ही रूस जाएंगे।"};
    CHECK(choose_headline(seed003, {false, false, false}) == 1);
    const std::vector<std::string_view> seed001 = {"Move to Jagran APP", "5/5शेष फ्री लेख", kHeadline001, "उत्तर कोरियाई नेता किम जोंग उन ने चर्चा की।"};
    CHECK(choose_headline(seed001, {true, true, false, false}) == 2);
    // A real headline that is short stays, and so does a dateline heading over a paragraph.
    CHECK(choose_headline({"कोरोना का कहर", "दिल्ली में आज कोरोना के 500 नए मामले सामने आए।"}, {false, false}) == 0);
    CHECK(choose_headline({"नई दिल्ली", "तबलीगी जमात का निजामुद्दीन मरकज कोरोना वायरस संक्रमण के सबसे बड़े कैरियर के रूप में उभरा है।"}, {false, false}) == 0);
    CHECK(choose_headline({"Related Articles", "Back to top button"}, {true, true}) == 2);
}

TEST_CASE("repeated_paragraphs finds the seeds' repeated lead and teaser, and keeps the longer copy") {
    const std::string lead = "उत्तर कोरियाई नेता किम जोंग उन ने सैन्य मुद्दों और क्षेत्रीय सुरक्षा माहौल पर चर्चा करने के लिए रूसी रक्षा मंत्री सर्गेई शोइगु से मुलाकात की।";
    const std::string dated = "सियोल (दक्षिण कोरिया), एजेंसी।\u00A0" + lead;
    CHECK(repeated_paragraphs({lead, "", "Hero Image", dated}) == std::vector<std::size_t>{0});
    const std::string full = "उत्तर कोरिया के तानाशाह किम जोंग उन और रूसी राष्ट्रपति पुतिन की रूस में मुलाकात हुई. पुतिन ने कहा कि उत्तर कोरिया अपना स्पेस प्रोग्राम विकसित कर रहा है.";
    const std::string teaser = "उत्तर कोरिया के तानाशाह किम जोंग उन और रूसी राष्ट्रपति पुतिन की रूस में मुलाकात हुई. पुतिन […]";
    CHECK(repeated_paragraphs({teaser, full}) == std::vector<std::size_t>{0});
    CHECK(repeated_paragraphs({lead, lead}) == std::vector<std::size_t>{1});  // the same text twice: the later goes
}

TEST_CASE("repeated_paragraphs keeps quotes, short headings and list items that start alike") {
    const std::string quote = "हम साम्राज्यवाद के खिलाफ लड़ाई में हमेशा रूस के साथ थे और रहेंगे।";
    // A sentence quoted inside a paragraph, and at its end after "he said": the article quoting itself.
    CHECK(repeated_paragraphs({quote, "किम जोंग ने कहा कि '" + quote + "' इसके बाद दोनों नेता रॉकेट केंद्र देखने गए।"}).empty());
    CHECK(repeated_paragraphs({quote, "प्रधानमंत्री ने कहा: " + quote}).empty());
    // A heading of under eight words, said twice.
    CHECK(repeated_paragraphs({"अमेरिका के खिलाफ उत्तर कोरिया", "अमेरिका के खिलाफ उत्तर कोरिया"}).empty());
    // Amar Ujala's list of states: the first item is the start of a longer one.
    CHECK(repeated_paragraphs({"क्या बंद है- सिनेमा हॉल, स्कूल और कॉलेज", "क्या बंद है- सिनेमा हॉल, स्कूल और कॉलेज, धार्मिक आयोजन, राजनीतिक कांफ्रेंस"}).empty());
}

TEST_CASE("TemplateLines::contains takes a line most articles of one source have, not lines that differ in a number") {
    TemplateLines templates;
    const char* cities[] = {"दिल्ली", "मुंबई", "पटना", "लखनऊ", "भोपाल", "जयपुर"};
    for (int i = 0; i < 6; ++i) {
        templates.add("jagran", std::string("Move to Jagran APP\n") + cities[i] + " में बारिश हुई।\nआज " + std::to_string(i + 2) + " नए मामले मिले।\n");
    }
    templates.add("jagran", "कोई और लेख।");
    templates.add("amar_ujala", "Move to Jagran APP\n");
    CHECK(templates.articles("jagran") == 7);
    CHECK(templates.contains("jagran", "Move to Jagran APP"));
    CHECK(templates.contains("jagran", " move to  jagran app "));  // white space and case aside
    CHECK_FALSE(templates.contains("jagran", "आज 4 नए मामले मिले।"));  // the day's figure is news
    CHECK_FALSE(templates.contains("jagran", "पटना में बारिश हुई।"));  // one article's own line
    CHECK_FALSE(templates.contains("amar_ujala", "Move to Jagran APP"));  // one article is not a template
    CHECK_FALSE(templates.contains("bhaskar", "Move to Jagran APP"));
}

TEST_CASE("TemplateLines::articles counts the articles of each source") {
    TemplateLines templates;
    templates.add("a", "x");
    templates.add("a", "y");
    CHECK(templates.articles("a") == 2);
    CHECK(templates.articles("b") == 0);
}

TEST_CASE("clean_scraped_article gives seed 001 its real headline, its byline's date and a body without chrome") {
    Article a = seed("001_93327e7be077d1f2.txt");
    const CleaningReport report = clean_scraped_article(a, HeadlineOrigin::kFirstLine);
    CHECK(a.title == kHeadline001);
    CHECK(report.date == "2023-07-27");
    const std::vector<std::string> lines = lines_of(a.body);
    REQUIRE_FALSE(lines.empty());
    for (const std::string& line : lines) CHECK(classify_chrome_line(line) == ChromeKind::kNone);
    CHECK(a.body.find("Hero Image") == std::string::npos);
    CHECK(a.body.find(kHeadline001) == std::string::npos);
    // The lead was there twice, once after its dateline: the dated copy stays.
    CHECK(a.body.find("सियोल (दक्षिण कोरिया), एजेंसी।") != std::string::npos);
    CHECK(a.body.find("\n\n") != std::string::npos);  // paragraphs are kept
}

TEST_CASE("clean_scraped_article passes the section label of seed 003, from a .txt and from a JSON title") {
    Article txt = seed("003_b08cd47993b18163.txt");
    clean_scraped_article(txt, HeadlineOrigin::kFirstLine);
    CHECK(txt.title == kHeadline003);
    CHECK(txt.body.find("Related Articles") == std::string::npos);
    CHECK(txt.body.find("Back to top") == std::string::npos);
    Article json;
    json.title = "अन्तर्राष्ट्रीय";
    json.body = std::string(kHeadline003) + "\nप्योंग्यांग/मॉस्को : उत्तर कोरिया के तानाशाह किम जोंग उन जल्द ही रूस की यात्रा करेंगे।\nRelated Articles\nBack to top button";
    clean_scraped_article(json, HeadlineOrigin::kField);
    CHECK(json.title == kHeadline003);
    CHECK(json.body == "प्योंग्यांग/मॉस्को : उत्तर कोरिया के तानाशाह किम जोंग उन जल्द ही रूस की यात्रा करेंगे।");
}

TEST_CASE("clean_scraped_article leaves a clean JSON article exactly as it was") {
    Article a;
    a.title = "नई दिल्ली";  // a dateline as the title: kept, no headline-like line follows
    a.body = "तबलीगी जमात का निजामुद्दीन मरकज भारत में कोरोना वायरस संक्रमण के सबसे बड़े कैरियर के रूप में उभरा है।\nस्वास्थ्य मंत्रालय ने कहा कि देश में 1,965 मामले हैं।\n";
    const Article before = a;
    const CleaningReport report = clean_scraped_article(a, HeadlineOrigin::kField);
    CHECK(a.title == before.title);
    CHECK(a.body == before.body);
    CHECK(report.dropped_lines == 0);
    CHECK(report.date.empty());
}

TEST_CASE("clean_scraped_article keeps a JSON title that is chrome when nothing reads as a headline") {
    Article a;
    a.title = "07:14 AM, 03-APR-2020";  // Amar Ujala's live-blog entries are titled by their time
    a.body = "हिमाचल प्रदेश के ऊना में तीन संक्रमित पाए गए । इन सभी लोगों ने दिल्ली के निजामुद्दीन में हुए तब्लीगी जमात में हिस्सा लिया था ।";
    clean_scraped_article(a, HeadlineOrigin::kField);
    CHECK(a.title == "07:14 AM, 03-APR-2020");
}

TEST_CASE("clean_scraped_article drops a source's template lines and never replaces a web page's headline") {
    TemplateLines templates;
    for (int i = 0; i < 5; ++i) templates.add("paper", "ताजा खबरों के लिए जुड़े रहें\nलेख " + std::to_string(i) + "।");
    Article a;
    a.title = "गंगा का जलस्तर बढ़ा";
    a.body = "ताजा खबरों के लिए जुड़े रहें\nवाराणसी में गंगा का जलस्तर खतरे के निशान के पास पहुंच गया।";
    clean_scraped_article(a, HeadlineOrigin::kField, &templates, "paper");
    CHECK(a.body == "वाराणसी में गंगा का जलस्तर खतरे के निशान के पास पहुंच गया।");
    Article page;
    page.title = "Move to Jagran APP";
    page.body = "Advertisement\n\nवाराणसी में गंगा का जलस्तर बढ़ा।";
    clean_scraped_article(page, HeadlineOrigin::kPage);
    CHECK(page.title == "Move to Jagran APP");
    CHECK(page.body == "वाराणसी में गंगा का जलस्तर बढ़ा।");
}
