/** @file chrome_lines_test.cpp @brief Tests of the chrome classifier: the seeds' own chrome lines, chrome of the COVID papers, and article lines that look like chrome but are not. */
#include "common/ingest/chrome_lines.h"

#include <doctest/doctest.h>

#include <string>

using namespace khoj;

TEST_CASE("classify_chrome_line recognises the chrome of the four seed articles") {
    // 001 (Dainik Jagran): the app banner, the paywall counter, the byline, the picture's alt text.
    CHECK(classify_chrome_line("Move to Jagran APP") == ChromeKind::kAppPrompt);
    CHECK(classify_chrome_line("5/5शेष फ्री लेख") == ChromeKind::kPaywall);
    CHECK(classify_chrome_line("By Jagran NewsEdited By: Jagran News NetworkUpdated: Thu, 27 Jul 2023 10:26 AM (IST)") == ChromeKind::kByline);
    CHECK(classify_chrome_line("Hero Image") == ChromeKind::kImage);
    // 003: the related-links box and the scroll-up button at the end.
    CHECK(classify_chrome_line("Related Articles") == ChromeKind::kRelated);
    CHECK(classify_chrome_line("Back to top button") == ChromeKind::kNavigation);
    // 000: WordPress's comment form.
    CHECK(classify_chrome_line("Leave a Reply") == ChromeKind::kComments);
    CHECK(classify_chrome_line("Your email address will not be published. Required fields are marked *") == ChromeKind::kComments);
    CHECK(classify_chrome_line("Russia:\u00A0 Russia:\u00A0\u00A0 ") == ChromeKind::kLabelDebris);
    // 002: a time stamp's label without its time, the follow button, the lead cut short as a teaser.
    CHECK(classify_chrome_line("Date Updated") == ChromeKind::kDateLine);
    CHECK(classify_chrome_line("फॉलो करें:") == ChromeKind::kShare);
    CHECK(classify_chrome_line("Russian President Putin: उत्तर कोरिया के तानाशाह किम जोंग उन और रूसी राष्ट्रपति पुतिन की रूस में मुलाकात "
                               "हुई. इसके बाद रूसी राष्ट्रपति पुतिन ने ऐलान किया कि उनका देश उत्तर कोरिया का सैटेलाइट बनाने में मदद करेगा. पुतिन […]") ==
          ChromeKind::kTeaser);
}

TEST_CASE("classify_chrome_line recognises the chrome the COVID papers left in their bodies") {
    CHECK(classify_chrome_line("TwitterFacebookemailemail") == ChromeKind::kShare);         // Prabhat Khabar
    CHECK(classify_chrome_line("FacebooktwitterwpEmailaffiliates") == ChromeKind::kShare);  // Dainik Jagran
    CHECK(classify_chrome_line("email") == ChromeKind::kShare);
    CHECK(classify_chrome_line("Edited By Naina Gupta | नवभारतटाइम्स.कॉम | Updated: 01 Mar 2020, 02:53:00 PM IST") == ChromeKind::kByline);
    CHECK(classify_chrome_line("यह भी पढ़ें: कोरोना से जंग में कारगर है रेमडेसिवियर?") == ChromeKind::kRelated);
    CHECK(classify_chrome_line("पढ़ें- देश में कहां कितने कोरोना मरीज, पूरी लिस्ट") == ChromeKind::kRelated);
    CHECK(classify_chrome_line("पढ़ें पूरी खबर") == ChromeKind::kRelated);
    CHECK(classify_chrome_line("Also Read") == ChromeKind::kRelated);
    CHECK(classify_chrome_line("Mon, Mar 9, 2020, 9:01 AM IST") == ChromeKind::kDateLine);
    CHECK(classify_chrome_line("07:14 AM, 03-APR-2020") == ChromeKind::kDateLine);  // Amar Ujala's live-blog stamps
    CHECK(classify_chrome_line("प्रतीकात्मक तस्वीर") == ChromeKind::kImage);
    CHECK(classify_chrome_line("फोटो : पीटीआई") == ChromeKind::kImage);
    CHECK(classify_chrome_line("Advertisement") == ChromeKind::kAdvert);
    CHECK(classify_chrome_line("होम » देश » राष्ट्रीय") == ChromeKind::kNavigation);
}

TEST_CASE("classify_chrome_line leaves the article's own lines alone, however they start") {
    // Hindi body lines starting with "By": a sentence, and an English word.
    CHECK(classify_chrome_line("By 2030 भारत दुनिया की तीसरी सबसे बड़ी अर्थव्यवस्था बन जाएगा।") == ChromeKind::kNone);
    CHECK(classify_chrome_line("By-election में भाजपा उम्मीदवार की बड़ी जीत") == ChromeKind::kNone);
    CHECK(classify_chrome_line("By the way, मंत्री ने इस बारे में कुछ भी कहने से इनकार कर दिया") == ChromeKind::kNone);
    // An app, a share market, a follow-up and a comment as the article's subject.
    CHECK(classify_chrome_line("आरोग्य सेतु एप से निजता को कोई खतरा नहीं है ।") == ChromeKind::kNone);
    CHECK(classify_chrome_line("सरकार ने लॉन्च किया कोरोना ट्रैकर ऐप") == ChromeKind::kNone);
    CHECK(classify_chrome_line("शेयर बाजार में भारी गिरावट, सेंसेक्स 2000 अंक टूटा") == ChromeKind::kNone);
    CHECK(classify_chrome_line("उन्होंने कहा, 'हमें फॉलो करें और सुरक्षित रहें।'") == ChromeKind::kNone);
    CHECK(classify_chrome_line("मंत्री की टिप्पणी पर विपक्ष ने माफी की मांग की") == ChromeKind::kNone);
    // Dates that are the article's: a day alone, a table row of NBT's case counts, a dateline.
    CHECK(classify_chrome_line("27 जुलाई 2023") == ChromeKind::kNone);
    CHECK(classify_chrome_line("14 मार्च\t81") == ChromeKind::kNone);
    CHECK(classify_chrome_line("नई दिल्ली, 27 जुलाई (भाषा) रूस के रक्षा मंत्री सर्गेई शोइगु प्योंगयांग पहुंचे।") == ChromeKind::kNone);
    CHECK(classify_chrome_line("मुंबई") == ChromeKind::kNone);
    // A headline ending in "…" is not a teaser: only the "[…]" of an excerpt is.
    CHECK(classify_chrome_line("कोरोना से जंग अभी जारी है…") == ChromeKind::kNone);
    CHECK(classify_chrome_line("") == ChromeKind::kNone);
}

TEST_CASE("folded_line collapses white space and folds Latin case and Hindi encodings") {
    CHECK(folded_line("  Hero\u00A0 IMAGE \t") == "hero image");
    CHECK(folded_line("फ़ॉलो करें") == folded_line("फॉलो करें"));  // with and without the nukta
    CHECK(folded_line("हिन्दी") == folded_line("हिंदी"));
}

TEST_CASE("date_of_chrome_line reads the date a byline or a time stamp gives") {
    CHECK(date_of_chrome_line("By Jagran NewsEdited By: Jagran News NetworkUpdated: Thu, 27 Jul 2023 10:26 AM (IST)") == "2023-07-27");
    CHECK(date_of_chrome_line("Mon, Mar 9, 2020, 9:01 AM IST") == "2020-03-09");
    CHECK(date_of_chrome_line("Date Updated") == "");
}

TEST_CASE("chrome_kind_name names each kind in words") {
    CHECK(std::string(chrome_kind_name(ChromeKind::kByline)) == "byline");
    CHECK(std::string(chrome_kind_name(ChromeKind::kAppPrompt)) == "app prompt");
    CHECK(std::string(chrome_kind_name(ChromeKind::kNone)) == "none");
}
