/** @file copy_groups_test.cpp @brief Groups of copies at index time: a copy joins its group, in the same run or a later one, and updates, deletes and term-list restores leave groups right. */
#include "common/index/copy_groups.h"
#include "common/index/schema.h"
#include "temp_dir.h"
#include "test_index.h"

#include <doctest/doctest.h>

#include <string>

using namespace khoj;
using test::article;

namespace {

const std::string kBody =
    "राज्य में कोरोना संक्रमितों की संख्या बढ़कर 38 हो गई है। स्वास्थ्य विभाग के अनुसार बुधवार को सात नए मामले सामने आए, "
    "जिनमें से पांच मरीज हाल ही में विदेश से लौटे थे। सभी को जिला अस्पताल के आइसोलेशन वार्ड में भर्ती कराया गया है और उनके "
    "संपर्क में आए लोगों की तलाश की जा रही है। प्रशासन ने लोगों से घरों में रहने की अपील की है।";
const std::string kOtherBody =
    "मौसम विभाग ने अगले तीन दिनों तक पंजाब, हरियाणा और दिल्ली में तेज बारिश और ओले गिरने की चेतावनी दी है। किसानों से "
    "फसल बचाने के उपाय करने को कहा गया है और मंडियों में अनाज को ढककर रखने की सलाह दी गई है।";

// The group of copies of article @p id in the index @p db.
std::string group_of(const Xapian::Database& db, const std::string& id) {
    auto it = db.postlist_begin(prefix::kId + id);
    REQUIRE(it != db.postlist_end(prefix::kId + id));
    return db.get_document(*it).get_value(slot::kCopyGroup);
}

}  // namespace

TEST_CASE("copy_group_of: a republished copy joins the group of the first; another story starts its own") {
    test::TempDir dir;
    test::ArticleWriter writer((dir.path() / "index").string());
    writer.add(article("day1", "राज्य में कोरोना के 38 मरीज", kBody, "2020-04-01"));
    // The next day, under a new headline, with a line of the site's chrome.
    writer.add(article("day2", "कोरोना: सात नए मामले, कुल 38", kBody + " ये भी पढ़ें: घर पर कैसे बनाएं मास्क", "2020-04-02"));
    writer.add(article("rain", "उत्तर भारत में बारिश का अलर्ट", kOtherBody));
    const Xapian::Database& db = writer.database();
    CHECK(group_of(db, "day1").size() == 6);
    CHECK(group_of(db, "day2") == group_of(db, "day1"));
    CHECK(group_of(db, "rain") != group_of(db, "day1"));
    // Every member holds the group's term; a lone story's term is its own first band.
    CHECK(db.get_termfreq(copy_group_term(group_of(db, "day1"))) == 2);
    CHECK(db.get_termfreq(copy_group_term(group_of(db, "rain"))) == 1);
}

TEST_CASE("copy_group_of: a copy indexed in a later run joins the group without the archive being read again") {
    test::TempDir dir;
    const std::string path = (dir.path() / "index").string();
    test::write_index(path, {article("a", "कोरोना के 38 मरीज", kBody), article("b", "कोरोना के 38 मरीज", kBody + " अपडेट जारी है।")});
    {
        test::ArticleWriter writer(path);
        writer.compact();  // no term lists: appending must not need them
        writer.add(article("c", "राज्य में 38 संक्रमित", kBody));
        CHECK_FALSE(writer.has_termlist());
        writer.commit();
    }
    Xapian::Database db(path);
    CHECK(group_of(db, "c") == group_of(db, "a"));
    CHECK(group_of(db, "b") == group_of(db, "a"));
}

TEST_CASE("copy_group_of: an article rewritten into another story leaves its group, and its copies stay together") {
    test::TempDir dir;
    test::ArticleWriter writer((dir.path() / "index").string());
    writer.add(article("first", "कोरोना के 38 मरीज", kBody));
    writer.add(article("copy1", "कोरोना के 38 मरीज", kBody));
    writer.add(article("copy2", "राज्य में 38 संक्रमित", kBody + " अपडेट जारी है।"));
    const std::string group = group_of(writer.database(), "first");
    writer.add(article("first", "उत्तर भारत में बारिश का अलर्ट", kOtherBody));  // the id now holds another story
    const Xapian::Database& db = writer.database();
    CHECK(group_of(db, "first") != group);
    CHECK(group_of(db, "copy1") == group);
    CHECK(group_of(db, "copy2") == group);
    // An update that is still a copy stays in the group.
    writer.add(article("copy1", "कोरोना के 38 मरीज (अपडेट)", kBody));
    CHECK(group_of(writer.database(), "copy1") == group);
}

TEST_CASE("copy_group_of: deleting the first copy keeps the others grouped, and a new copy still finds them") {
    test::TempDir dir;
    test::ArticleWriter writer((dir.path() / "index").string());
    writer.add(article("first", "कोरोना के 38 मरीज", kBody));
    writer.add(article("copy1", "कोरोना के 38 मरीज", kBody + " अपडेट जारी है।"));
    const std::string group = group_of(writer.database(), "first");
    CHECK(writer.remove("first"));
    writer.add(article("copy2", "राज्य में 38 संक्रमित", kBody));
    CHECK(group_of(writer.database(), "copy1") == group);
    CHECK(group_of(writer.database(), "copy2") == group);
}

TEST_CASE("IndexWriter::restore_termlist keeps every group of copies and the band terms later copies need") {
    test::TempDir dir;
    test::ArticleWriter writer((dir.path() / "index").string());
    writer.add(article("a", "कोरोना के 38 मरीज", kBody));
    writer.add(article("b", "कोरोना के 38 मरीज", kBody + " अपडेट जारी है।"));
    writer.add(article("rain", "बारिश का अलर्ट", kOtherBody));
    writer.compact();
    writer.restore_termlist();
    const std::string group = group_of(writer.database(), "a");
    CHECK(group_of(writer.database(), "b") == group);
    CHECK(writer.database().get_termfreq(copy_group_term(group)) == 2);
    writer.add(article("c", "राज्य में 38 संक्रमित", kBody));
    CHECK(group_of(writer.database(), "c") == group);
}

TEST_CASE("own_copy_group: one text founds one group whatever its id (copies in two shards collapse), another text another; one without words has its own") {
    const CopySignature signature = copy_signature("कोरोना के 38 मरीज", kBody);
    // The same story founding a group in shard 0 (id a) and in shard 1 (id b): one value.
    CHECK(own_copy_group(signature, "a", "0000000000000001") == own_copy_group(signature, "b", "0000000000000002"));
    CHECK(own_copy_group(signature, "a", "0000000000000001").substr(0, 4) == copy_band_term(signature.bands[0]).substr(2));
    const CopySignature other = copy_signature("दिल्ली में लॉकडाउन बढ़ा", "राजधानी में लॉकडाउन दो सप्ताह और बढ़ाया गया, बाजार बंद रहेंगे और मेट्रो नहीं चलेगी।");
    CHECK(own_copy_group(other, "a", "0000000000000001") != own_copy_group(signature, "a", "0000000000000001"));
    const CopySignature none = copy_signature("।", "");
    CHECK(own_copy_group(none, "x", "1") != own_copy_group(none, "y", "1"));
}
