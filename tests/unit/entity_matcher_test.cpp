/** @file entity_matcher_test.cpp @brief Tests of the entity matcher: the word facts it reads (analyse_words, EntityWords), gazetteer matching and the role-word and organisation-word rules (match_entities). */
#include "common/entities/entity_matcher.h"
#include "common/entities/entity_words.h"
#include "common/util/errors.h"
#include "common/util/unicode_text.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace khoj;

namespace {

Analyzer& analyzer() {
    static Analyzer instance;
    return instance;
}

std::vector<EntityMatch> matches_in(const std::string& text) {
    const std::string nfc = to_nfc(text);
    return match_entities(Gazetteer::builtin(), nfc, analyzer().tokenize(nfc));
}

std::vector<MatchWord> words_of(const std::string& text) {
    const std::string nfc = to_nfc(text);
    return analyse_words(nfc, analyzer().tokenize(nfc));
}

const EntityMatch* find(const std::vector<EntityMatch>& matches, EntityKind kind, const std::string& name_en) {
    for (const EntityMatch& m : matches)
        if (m.entity.kind == kind && m.entity.name_en == name_en) return &m;
    return nullptr;
}

bool has_kind(const std::vector<EntityMatch>& matches, EntityKind kind) {
    return std::any_of(matches.begin(), matches.end(), [&](const EntityMatch& m) { return m.entity.kind == kind; });
}

}  // namespace

TEST_CASE("match_entities makes a person of the unknown name after a role word") {
    auto m = matches_in("दक्षिण कोरिया के विदेश मंत्रालय के प्रवक्ता लिम सू-सुक ने कहा");
    const EntityMatch* lim = find(m, EntityKind::Person, "Lim Su-suk");
    REQUIRE(lim);
    CHECK(lim->entity.name == "लिम सू-सुक");
    CHECK(lim->start == 7);   // the word after प्रवक्ता
    CHECK(lim->length == 3);  // लिम, सू, सुक
    CHECK(find(m, EntityKind::Place, "South Korea"));
}

TEST_CASE("match_entities reads a chain of titles and a dotted abbreviation before a name") {
    auto m = matches_in("निदेशक डॉ. प्रदीप दास ने बताया");
    REQUIRE(m.size() == 1);
    CHECK(m[0].entity.name == "प्रदीप दास");
    CHECK(m[0].entity.name_en == "Pradip Das");
    SUBCASE("a dot after any other role word ends the sentence") {
        CHECK_FALSE(has_kind(matches_in("प्रवक्ता. राम कुमार ने कहा"), EntityKind::Person));
    }
}

TEST_CASE("match_entities ends a name at जी and writes सिंह as Singh") {
    auto prasad = matches_in("मंत्री राम प्रसाद जी ने कहा");
    REQUIRE(prasad.size() == 1);
    CHECK(prasad[0].entity.name == "राम प्रसाद");
    auto singh = matches_in("मंत्री राम सिंह ने कहा");
    REQUIRE(singh.size() == 1);
    CHECK(singh[0].entity.name_en == "Ram Singh");
}

TEST_CASE("match_entities finds no person in common words after a title") {
    CHECK(matches_in("प्रधानमंत्री राहत कोष में दान दें").empty());
}

TEST_CASE("match_entities makes an organisation of the name before an organisation word") {
    auto m = matches_in("केनरा बैंक ने ब्याज दरें घटाईं");
    REQUIRE(m.size() == 1);
    CHECK(m[0].entity.kind == EntityKind::Organisation);
    CHECK(m[0].entity.name == "केनरा बैंक");
    CHECK(m[0].entity.name_en == "Kenra Baink");
    CHECK(m[0].start == 0);
    CHECK(m[0].length == 2);
    SUBCASE("common words before it are a description") { CHECK(matches_in("सहकारी बैंक ने कहा").empty()); }
}

TEST_CASE("match_entities lets ऑफ carry an organisation's name on to the right") {
    CHECK(find(matches_in("सोनार काउंसिल ने कहा"), EntityKind::Organisation, "Sonar Kaunsil"));
    auto m = matches_in("सोनार काउंसिल ऑफ इंडिया ने कहा");
    CHECK_FALSE(find(m, EntityKind::Organisation, "Sonar Kaunsil"));
    CHECK_FALSE(find(m, EntityKind::Place, "India"));  // a word of the council's name, not a mention
}

TEST_CASE("match_entities takes the longest gazetteer alias and resolves other spellings") {
    auto m = matches_in("उत्तर प्रदेश पुलिस ने कहा");
    CHECK(find(m, EntityKind::Place, "Uttar Pradesh"));
    // व्लादिमीर is the gazetteer's spelling; the key of ब्लादिमीर is close enough to Vladimir.
    CHECK(find(matches_in("ब्लादिमीर पुतिन ने कहा"), EntityKind::Person, "Vladimir Putin"));
    CHECK(find(matches_in("WHO ने कहा"), EntityKind::Organisation, "World Health Organization"));
    CHECK(matches_in("the man who knew").empty());
}

TEST_CASE("match_entities skips a one-word alias after a determiner") {
    CHECK(matches_in("किसी सूरत में").empty());
    CHECK(find(matches_in("सूरत में"), EntityKind::Place, "Surat"));
}

TEST_CASE("match_entities skips a surname alias after another given name") {
    CHECK_FALSE(has_kind(matches_in("भगोड़े नीरव मोदी की संपत्ति"), EntityKind::Person));
}

TEST_CASE("match_entities reads a generic ministry after a foreign qualifier as that country's") {
    CHECK_FALSE(has_kind(matches_in("रूस के रक्षा मंत्रालय ने कहा"), EntityKind::Organisation));
    CHECK_FALSE(has_kind(matches_in("अमेरिकी स्वास्थ्य मंत्रालय ने कहा"), EntityKind::Organisation));
    SUBCASE("India and the domestic adjectives are no foreign qualifier") {
        CHECK(find(matches_in("भारत के रक्षा मंत्रालय ने कहा"), EntityKind::Organisation, "Ministry of Defence (India)"));
        CHECK(find(matches_in("केंद्रीय स्वास्थ्य मंत्रालय ने कहा"), EntityKind::Organisation,
                   "Ministry of Health and Family Welfare"));
    }
}

TEST_CASE("analyse_words records how each word is joined to the one before") {
    auto w = words_of("डॉ. प्रदीप दास, लिम सू-सुक");
    REQUIRE(w.size() == 6);
    CHECK(w[0].boundary_before);  // the start of the text
    CHECK(w[1].gap_is_dot);       // डॉ. प्रदीप
    CHECK(w[1].boundary_before);
    CHECK_FALSE(w[2].boundary_before);
    CHECK(w[3].boundary_before);  // after the comma
    CHECK(w[5].gap_is_hyphen);    // सू-सुक
    CHECK_FALSE(w[5].boundary_before);
}

TEST_CASE("analyse_words tells name-shaped words from list words") {
    auto w = words_of("डॉ प्रदीप किसानों की सरकार रूसी बैंक");
    REQUIRE(w.size() == 7);
    CHECK(w[0].is_role_word);
    CHECK(w[1].name_shaped);
    CHECK_FALSE(w[2].name_shaped);  // a plural oblique form is never a name
    CHECK(w[3].is_stopword);
    CHECK(w[4].is_common_word);
    CHECK(w[5].is_nationality_adjective);
    CHECK(w[6].is_organisation_word);
    for (std::size_t k : {0, 2, 3, 4, 5, 6}) CHECK_FALSE(w[k].name_shaped);
}

TEST_CASE("analyse_words uses only distinctive romanisation keys") {
    auto w = words_of("मास्को दास सरकार Moscow moscow");
    REQUIRE(w.size() == 5);
    CHECK(w[0].key() == "masko");
    CHECK(w[0].key_usable);
    CHECK_FALSE(w[1].key_usable);  // "das": too short to pick out an alias
    CHECK_FALSE(w[2].key_usable);  // a common word
    CHECK_FALSE(w[3].key_usable);  // a Latin word matches only an alias spelt the same
    CHECK_FALSE(w[4].key_usable);
}

TEST_CASE("analyse_words keeps a word's facts with its Analyzer's form, and a hand-made token gets the same facts") {
    const std::string nfc = to_nfc("मास्को में रूसी बैंक");
    std::vector<Token> tokens;
    {
        Analyzer own;  // gone before the words are read: the tokens keep their forms alive
        tokens = own.tokenize(nfc);
    }
    REQUIRE(tokens.size() == 4);
    std::vector<Token> by_hand = tokens;
    for (Token& t : by_hand) t.form.reset();
    const auto from_forms = analyse_words(nfc, tokens), from_hand = analyse_words(nfc, by_hand);
    REQUIRE(from_forms.size() == from_hand.size());
    CHECK(from_forms[0].facts == tokens[0].form->extension.get());  // the form's own memo entry
    for (std::size_t k = 0; k < from_forms.size(); ++k) {
        CHECK(from_forms[k].exact() == from_hand[k].exact());
        CHECK(from_forms[k].key() == from_hand[k].key());
        CHECK(from_forms[k].folded() == from_hand[k].folded());
        CHECK(from_forms[k].is_stopword == from_hand[k].is_stopword);
        CHECK(from_forms[k].is_nationality_adjective == from_hand[k].is_nationality_adjective);
        CHECK(from_forms[k].is_organisation_word == from_hand[k].is_organisation_word);
    }
    CHECK(from_forms[0].key() == "masko");
    CHECK(from_forms[2].is_nationality_adjective);
    CHECK(from_forms[3].is_organisation_word);
}

TEST_CASE("match_entities matches a Latin word by its spelling, never by its sound") {
    // "Crime" and Crimea share a romanisation key; in a headline it is the English word.
    auto crime = matches_in("Indore Crime News: इंदौर में चोरी के आरोप में दो गिरफ्तार");
    CHECK_FALSE(find(crime, EntityKind::Place, "Crimea"));
    CHECK(find(crime, EntityKind::Place, "Indore"));
    // क्राइम is how a Hindi paper writes the English word; it sounds nothing like क्रीमिया.
    CHECK_FALSE(find(matches_in("इंदौर क्राइम ब्रांच ने आरोपी को पकड़ा"), EntityKind::Place, "Crimea"));
    CHECK(find(matches_in("रूस ने 2014 में क्रीमिया पर कब्जा किया"), EntityKind::Place, "Crimea"));
    CHECK(find(matches_in("Crimea में तनाव"), EntityKind::Place, "Crimea"));  // spelt as the alias
    CHECK(find(matches_in("Delhi में बारिश"), EntityKind::Place, "Delhi"));
    CHECK(find(matches_in("BJP ने उम्मीदवार घोषित किए"), EntityKind::Organisation, "Bharatiya Janata Party"));
}

TEST_CASE("match_entities makes no organisation of a description: a descriptor alone before an organisation word") {
    CHECK_FALSE(has_kind(matches_in("हिंदू संगठन ने विरोध प्रदर्शन किया"), EntityKind::Organisation));
    CHECK_FALSE(has_kind(matches_in("निर्माण एजेंसी को नोटिस जारी हुआ"), EntityKind::Organisation));
    CHECK_FALSE(has_kind(matches_in("सरकार ने एम्पावर्ड ग्रुप बनाया"), EntityKind::Organisation));
    // A word that names, or a place with a descriptor, still makes a name.
    CHECK(find(matches_in("सोनाली आर्केस्ट्रा ग्रुप का डांसर"), EntityKind::Organisation, "Sonali Arkestra Grup"));
    CHECK(has_kind(matches_in("इसके बाद बांग्लादेश क्रिकेट बोर्ड ने कहा"), EntityKind::Organisation));
    CHECK(find(matches_in("केनरा बैंक ने दरें घटाईं"), EntityKind::Organisation, "Kenra Baink"));
    // Names in the gazetteer are not touched by the rule.
    CHECK(find(matches_in("राष्ट्रीय स्वयंसेवक संघ की बैठक"), EntityKind::Organisation, "Rashtriya Swayamsevak Sangh"));
    CHECK(find(matches_in("विश्व स्वास्थ्य संगठन ने कहा"), EntityKind::Organisation, "World Health Organization"));
    CHECK(find(matches_in("प्रवर्तन निदेशालय ने छापा मारा"), EntityKind::Organisation, "Enforcement Directorate"));
}

TEST_CASE("match_entities reads a place after ऑफ or ऑल as a word of an organisation's name") {
    CHECK_FALSE(find(matches_in("कन्फेडरेशन ऑफ ऑल इंडिया ट्रेडर्स (कैट) की याचिका"), EntityKind::Place, "India"));
    CHECK_FALSE(find(matches_in("रिजर्व बैक ऑफ इंडिया ने राहत दी"), EntityKind::Place, "India"));
    CHECK(find(matches_in("इंडिया ने मैच जीता"), EntityKind::Place, "India"));
}

TEST_CASE("match_entities reads a given name before words closing an organisation as that organisation's") {
    auto m = matches_in("वह सोनिया आर्केस्ट्रा ग्रुप के दोस्तों से मिलने आया था");
    CHECK_FALSE(find(m, EntityKind::Person, "Sonia Gandhi"));
    CHECK(find(m, EntityKind::Organisation, "Soniya Arkestra Grup"));
    CHECK(find(matches_in("सोनिया ने बैठक बुलाई"), EntityKind::Person, "Sonia Gandhi"));
}

TEST_CASE("match_entities stops a name at a function word the stop list lacks") {
    auto m = matches_in("संध्या आरती के पश्चात महाकाल डांस ग्रुप की ओर से प्रस्तुति दी गई");
    REQUIRE(has_kind(m, EntityKind::Organisation));
    CHECK(find(m, EntityKind::Organisation, "Mahakal Dans Grup"));
    CHECK_FALSE(has_kind(matches_in("हालांकि एजेंसी ने इसकी पुष्टि नहीं की"), EntityKind::Organisation));
    // सहित closes a name as ने would.
    CHECK(find(matches_in("सिटी एसपी राकेश कुमार सहित अन्य पुलिसकर्मी पहुंचे"), EntityKind::Person, "Rakesh Kumar"));
}

TEST_CASE("match_entities makes an organisation of a place and the words of an office") {
    auto m = matches_in("रांची : झारखंड लोक सेवा आयोग (जेपीएससी) ने विज्ञापन रद्द किया");
    CHECK(find(m, EntityKind::Organisation, "Jharkhand Lok Seva Ayog"));
    CHECK(find(m, EntityKind::Place, "Jharkhand"));
    CHECK_FALSE(has_kind(matches_in("इसके बाद लोक सेवा आयोग ने कहा"), EntityKind::Organisation));  // which one?
}

TEST_CASE("all_capitals is true for acronyms only") {
    CHECK(all_capitals("WHO"));
    CHECK(all_capitals("G20"));
    CHECK_FALSE(all_capitals("Who"));
    CHECK_FALSE(all_capitals("2020"));  // no letter at all
    CHECK_FALSE(all_capitals("कोविड"));
}

TEST_CASE("EntityWords reads lists, skips comments and normalises words like Token::exact") {
    const EntityWords words("# titles\nrole\tमंत्री\n\ncommon\tसम्बन्ध\r\ndomestic_place\tIndia\n");
    CHECK(words.role_words.count("मंत्री"));
    CHECK(words.common_words.count("संबंध"));  // nasal conjunct written as anusvara
    CHECK(words.domestic_places.count("India"));  // gazetteer names as written, not case-folded
    CHECK(words.organisation_words.empty());
}

TEST_CASE("EntityWords refuses a malformed line") {
    CHECK_THROWS_AS(EntityWords("role मंत्री\n"), Error);            // no tab
    CHECK_THROWS_AS(EntityWords("title\tमंत्री\n"), Error);          // no such list
    CHECK_THROWS_AS(EntityWords("role\t \n"), Error);                // no word
    CHECK_THROWS_AS(EntityWords("role\tमंत्री\textra\n"), Error);    // a third field
}

TEST_CASE("EntityWords::builtin holds the lists the rules rely on") {
    const EntityWords& words = EntityWords::builtin();
    CHECK(words.role_words.count("प्रवक्ता"));
    CHECK(words.organisation_words.count("बैंक"));
    CHECK(words.nationality_adjectives.count("रूसी"));
    CHECK(words.domestic_adjectives.count("भारतीय"));
    CHECK(words.dotted_titles.count("डॉ"));
    CHECK(words.honorifics.count("जी"));
    CHECK(words.name_connectives.count("of"));
    CHECK(words.determiners.count("किसी"));
    CHECK(words.common_words.count("सरकार"));
    CHECK(words.function_words.count("हालांकि"));
    CHECK(words.descriptors.count("हिंदू"));
    // Every domestic adjective is a nationality adjective, which is what it is an exception to.
    for (const std::string& w : words.domestic_adjectives) CHECK(words.nationality_adjectives.count(w));
}
