/** @file copy_signature_test.cpp @brief copy_signature and shingle_similarity on Hindi news text: what makes two articles copies and what does not. */
#include "common/text/copy_signature.h"

#include <doctest/doctest.h>

#include <string>

using namespace khoj;

namespace {

const std::string kTitle = "क्या काम आएंगी एचआईवी रोधक दवाइयां";
const std::string kBody =
    "कोरोना वायरस के इलाज के लिए डॉक्टर अब एचआईवी रोधक दवाइयों को आजमा रहे हैं। जयपुर के सवाई मानसिंह अस्पताल में "
    "इटली से आए दो मरीजों को ये दवाइयां दी गईं और उनकी हालत में सुधार हुआ। विशेषज्ञों का कहना है कि अभी इस पर और "
    "शोध की जरूरत है, क्योंकि हर मरीज पर इनका असर एक जैसा नहीं होता। स्वास्थ्य मंत्रालय ने राज्यों से कहा है कि "
    "गंभीर मरीजों को ही ये दवाइयां दी जाएं।";

std::size_t shared_bands(const CopySignature& a, const CopySignature& b) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < kCopyBands; ++i) n += a.bands[i] == b.bands[i];
    return n;
}

}  // namespace

TEST_CASE("copy_signature: the same article stored again with other punctuation, spacing and spellings is the same") {
    const CopySignature original = copy_signature(kTitle, kBody);
    // Another paper's copy: " ." for "।", doubled spaces, नुक़्ता in ज़रूरत, chandrabindu in हैँ,
    // a long ī for the short one (दी), a ZWJ inside अस्पताल.
    std::string copy = kBody;
    for (const auto& [from, to] : {std::pair<std::string, std::string>{"।", " ."}, {"जरूरत", "ज़रूरत"}, {"रहे हैं", "रहे  हैँ"}, {"दी गईं", "दि गईं"},
                                   {"अस्पताल", "अस्\u200Dपताल"}}) {
        copy.replace(copy.find(from), from.size(), to);
    }
    const CopySignature again = copy_signature(kTitle, copy);
    CHECK(again.shingles == original.shingles);
    CHECK(shared_bands(again, original) == kCopyBands);
    CHECK(shingle_similarity(again.shingles, original.shingles) == 1.0);
}

TEST_CASE("copy_signature: the order of the words counts, and the headline is part of the text") {
    const CopySignature original = copy_signature(kTitle, kBody);
    // The same sentences in another order share most shingles but not all.
    const std::size_t cut = kBody.find("विशेषज्ञों");
    const CopySignature reordered = copy_signature(kTitle, kBody.substr(cut) + " " + kBody.substr(0, cut));
    CHECK(shingle_similarity(reordered.shingles, original.shingles) < 1.0);
    CHECK(shingle_similarity(reordered.shingles, original.shingles) > 0.8);
    // A republication under a new headline is still nearly all the same text.
    const CopySignature retitled = copy_signature("कोरोना के इलाज में एचआईवी की दवाइयों का परीक्षण", kBody);
    CHECK(shingle_similarity(retitled.shingles, original.shingles) > kCopySimilarity);
    CHECK(shingle_similarity(retitled.shingles, original.shingles) < 1.0);
}

TEST_CASE("copy_signature: fewer words than a shingle make one shingle; no words, an empty signature") {
    CHECK(copy_signature("कोरोना", "").shingles.size() == 1);
    CHECK(copy_signature("कोरोना", "वायरस").shingles.size() == 1);
    CHECK(copy_signature("कोरोना वायरस", "फैला").shingles.size() == 1);
    CHECK(copy_signature("कोरोना वायरस फैला", "था").shingles.size() == 2);
    CHECK(copy_signature("।", " — ...").empty());
    CHECK(copy_signature("", "").empty());
    // Devanagari digits are ASCII digits: १६३७ and 1637 are one number.
    CHECK(copy_signature("कुल मामले १६३७", "").shingles == copy_signature("कुल मामले 1637", "").shingles);
}

TEST_CASE("shingle_similarity: an edited copy is a copy, another story sharing a sentence is not") {
    const CopySignature original = copy_signature(kTitle, kBody);
    // Republished the next day with a teaser line of the site appended and the last sentence cut.
    const std::string edited = kBody.substr(0, kBody.find("स्वास्थ्य मंत्रालय")) + " ये भी पढ़ें: लॉकडाउन में कैसे रखें बच्चों का ख्याल";
    const double s = shingle_similarity(copy_signature(kTitle, edited).shingles, original.shingles);
    CHECK(s >= kCopySimilarity);
    CHECK(s < 0.9);
    // Another story whose last sentence is the same ministry line.
    const std::string other =
        "दिल्ली में कोरोना संक्रमितों की संख्या बढ़कर 445 हो गई है और 40 मामले स्थानीय संक्रमण के हैं। मुख्यमंत्री ने लोगों से "
        "घरों में रहने की अपील की। स्वास्थ्य मंत्रालय ने राज्यों से कहा है कि गंभीर मरीजों को ही ये दवाइयां दी जाएं।";
    const CopySignature story = copy_signature("दिल्ली में कोरोना के 445 मामले", other);
    CHECK(shingle_similarity(story.shingles, original.shingles) > 0.0);
    CHECK(shingle_similarity(story.shingles, original.shingles) < kCopySimilarity);
    CHECK(shingle_similarity({}, {}) == 0.0);
    CHECK(shingle_similarity(original.shingles, {}) == 0.0);
}

TEST_CASE("copy_signature: an unrelated story shares no band; an identical one all") {
    const CopySignature original = copy_signature(kTitle, kBody);
    const CopySignature weather = copy_signature("उत्तर भारत में बारिश का अलर्ट",
                                                 "मौसम विभाग ने अगले तीन दिनों तक पंजाब, हरियाणा और दिल्ली में तेज बारिश और ओले गिरने की चेतावनी दी है। "
                                                 "किसानों से फसल बचाने के उपाय करने को कहा गया है।");
    CHECK(shared_bands(weather, original) == 0);
    CHECK(shared_bands(copy_signature(kTitle, kBody), original) == kCopyBands);
}
