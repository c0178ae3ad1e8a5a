/** @file entities.cpp @brief Gazetteer lookup and rule-based extraction of people, places and organisations. */
#include "common/entities/entities.h"

#include "common/util/errors.h"
#include "common/text/hindi_normalizer.h"
#include "common/text/romanisation.h"
#include "common/util/unicode_text.h"

#include <algorithm>
#include <cctype>
#include <unordered_set>

namespace khoj {

extern const char* const kGazetteerTsv;  // generated from common/entities/data/gazetteer.tsv

namespace {

// Words that can precede a name as its title or office ("रक्षा मंत्री सर्गेई शोइगु").
constexpr const char* kRoleWords[] = {
    "राष्ट्रपति", "उपराष्ट्रपति", "प्रधानमंत्री", "मुख्यमंत्री", "उपमुख्यमंत्री", "मंत्री", "उपमंत्री", "राज्यमंत्री",
    "गृहमंत्री", "रक्षामंत्री", "विदेशमंत्री", "वित्तमंत्री", "स्वास्थ्यमंत्री", "प्रवक्ता", "नेता", "डॉ", "डॉक्टर",
    "डा", "श्री", "श्रीमती", "सुश्री", "प्रो", "प्रोफेसर", "निदेशक", "महानिदेशक", "उपनिदेशक", "राजदूत",
    "उच्चायुक्त", "सचिव", "महासचिव", "अध्यक्ष", "उपाध्यक्ष", "सभापति", "सांसद", "विधायक", "जिलाधिकारी",
    "डीएम", "उपायुक्त", "डीसी", "एसपी", "एसएसपी", "डीआईजी", "आईजी", "डीजीपी", "एडीजी", "कमिश्नर", "आयुक्त",
    "अधीक्षक", "सीएमओ", "अधिकारी", "चेयरमैन", "सीईओ", "कलेक्टर", "गवर्नर", "राज्यपाल", "उपराज्यपाल",
    "न्यायाधीश", "न्यायमूर्ति", "जस्टिस", "मेयर", "महापौर", "सीनेटर", "तानाशाह", "कप्तान", "अभिनेता",
    "अभिनेत्री", "गायक", "गायिका", "सिंगर", "पत्रकार", "वैज्ञानिक", "प्राचार्य", "कुलपति", "थानाध्यक्ष",
    "प्रभारी", "इंस्पेक्टर", "दारोगा", "मौलाना", "स्वामी", "सरपंच", "मुखिया", "पार्षद", "एसडीएम", "एसडीओ",
    "बीडीओ", "तहसीलदार", "जनरल", "लेफ्टिनेंट", "कर्नल", "मेजर", "ब्रिगेडियर", "एडमिरल", "मार्शल",
    "सेनाध्यक्ष", "सेनापति", "प्रमुख", "संयोजक", "सलाहकार", "उपसचिव", "कोषाध्यक्ष", "प्रदेशाध्यक्ष",
    "राष्ट्राध्यक्ष", "उपप्रधानमंत्री", "चांसलर", "प्रेसिडेंट", "मिनिस्टर", "सीएम", "पीएम",
};

// Words that close an organisation's name ("वैगनर ग्रुप", "केनरा बैंक").
constexpr const char* kOrgWords[] = {
    "मंत्रालय", "एजेंसी", "परिषद", "पार्टी", "ग्रुप", "आयोग", "विश्वविद्यालय", "यूनिवर्सिटी", "बैंक", "संगठन",
    "इंस्टीट्यूट", "इंस्टिट्यूट", "संस्थान", "फाउंडेशन", "कॉर्पोरेशन", "कारपोरेशन", "लिमिटेड", "इंडस्ट्रीज",
    "एसोसिएशन", "फार्मा", "फार्मास्युटिकल्स", "एयरलाइंस", "एयरवेज", "प्राधिकरण", "निगम", "काउंसिल",
    "कमीशन", "मोर्चा", "मंच", "महासंघ", "ट्रस्ट", "बोर्ड", "सोसाइटी",
};

// Nationality and regional adjectives: never a place mention, but a foreign qualifier of a body.
constexpr const char* kNationalityAdjectives[] = {
    "रूसी", "अमेरिकी", "अमरीकी", "चीनी", "जापानी", "कोरियाई", "ब्रिटिश", "फ्रांसीसी", "जर्मन", "इतालवी",
    "पाकिस्तानी", "ईरानी", "इजराइली", "इजरायली", "सऊदी", "तुर्की", "यूक्रेनी", "यूक्रेनियन", "कनाडाई",
    "ऑस्ट्रेलियाई", "नेपाली", "बांग्लादेशी", "अफगानी", "अफगान", "इराकी", "सीरियाई", "स्पेनिश", "यूरोपीय",
    "एशियाई", "अफ्रीकी", "साइबेरियाई", "ब्राजीली", "मैक्सिकन", "इंडोनेशियाई", "सिंगापुरी", "श्रीलंकाई",
    "विदेशी", "पश्चिमी", "भारतीय", "स्वदेशी", "राष्ट्रीय", "अंतरराष्ट्रीय", "अंतर्राष्ट्रीय", "केंद्रीय",
};

// Common Hindi (and loan) words of news text: a word listed here is not name-shaped, so it can
// neither start an unknown person's name nor stand in an unknown organisation's name.
constexpr const char* kCommonWords[] = {
    // government and administration
    "सरकार", "राज्य", "केंद्र", "देश", "विभाग", "प्रशासन", "जिला", "जिले", "शहर", "गांव", "प्रदेश", "क्षेत्र",
    "पद", "पदों", "कार्यालय", "आवास", "निवास", "भवन", "कोष", "राहत", "योजना", "स्तर", "परिवार", "कल्याण",
    "स्वास्थ्य", "रक्षा", "विदेश", "गृह", "वित्त", "रेल", "कृषि", "शिक्षा", "उद्योग", "वाणिज्य", "श्रम",
    "सूचना", "प्रसारण", "पेट्रोलियम", "विज्ञान", "प्रौद्योगिकी", "संस्कृति", "पर्यटन", "खेल", "युवा", "महिला",
    "बाल", "विकास", "ग्रामीण", "शहरी", "नगर", "आवासन", "जल", "ऊर्जा", "परिवहन", "सड़क", "राजमार्ग", "खाद्य",
    "आपूर्ति", "उपभोक्ता", "मामले", "मामलों", "मामला", "सुरक्षा", "पुलिस", "सेना", "न्याय", "कानून", "विधि",
    "चुनाव", "निर्वाचन", "मानवाधिकार", "अल्पसंख्यक", "पिछड़ा", "वर्ग", "समाज", "सामाजिक", "आर्थिक", "राजनीतिक",
    "विधान", "विधानसभा", "लोकसभा", "राज्यसभा", "संसद", "संसदीय", "मंत्रिमंडल", "कैबिनेट", "मंत्रि", "समिति",
    "सहकारी", "सहकारिता", "अनुसंधान", "चिकित्सा", "आयुर्विज्ञान", "आयुर्वेद", "आयुष", "औषधि", "दवा", "उपचार",
    "आपदा", "प्रबंधन", "नियंत्रण", "कक्ष", "केंद्रीय", "राष्ट्रीय", "प्रादेशिक", "स्थानीय", "संयुक्त", "उप",
    "मुख्य", "प्रधान", "वरिष्ठ", "कनिष्ठ", "पूर्व", "वर्तमान", "नए", "नई", "नया", "नये", "पुराने", "पुराना",
    "विपक्ष", "प्रतिपक्ष", "सत्ता", "सत्तारूढ़", "सत्ताधारी", "गठबंधन", "दल", "संघ", "मोर्चा", "पार्टियों",
    "आतंकी", "आतंकवादी", "छात्र", "किसान", "मजदूर", "व्यापार", "व्यापारी", "व्यापारिक", "कारोबार", "बाजार",
    "जांच", "खुफिया", "समाचार", "न्यूज", "मीडिया", "प्रेस", "मंडल", "बोर्ड", "पंचायत", "परिषद", "निगम",
    "आयोग", "प्राधिकरण", "विश्व", "दुनिया", "अंतरराष्ट्रीय", "अंतर्राष्ट्रीय", "वैश्विक", "संयुक्त", "जनता",
    "जन", "लोक", "लोग", "लोगों", "आम", "खास", "सभी", "सब", "पूरे", "पूरी", "कुल", "अन्य", "दूसरे", "दूसरी",
    // health and COVID vocabulary
    "कोरोना", "कोरोनावायरस", "वायरस", "कोविड", "संक्रमण", "संक्रमित", "संक्रमितों", "महामारी", "बीमारी",
    "मरीज", "मरीजों", "रोगी", "रोगियों", "अस्पताल", "अस्पतालों", "डॉक्टरों", "नर्स", "स्टाफ", "कर्मी",
    "कर्मचारी", "कर्मचारियों", "टीम", "टीमों", "जांचों", "सैंपल", "नमूने", "रिपोर्ट", "पॉजिटिव", "पाजिटिव",
    "निगेटिव", "नेगेटिव", "क्वारंटाइन", "क्वारंटीन", "क्वारेंटाइन", "आइसोलेशन", "आइसोलेट", "वार्ड", "सेंटर",
    "लॉकडाउन", "लाकडाउन", "लॉक", "डाउन", "कर्फ्यू", "हॉटस्पॉट", "कंटेनमेंट", "जोन", "सील", "मास्क",
    "सैनिटाइजर", "टेस्ट", "टेस्टिंग", "किट", "किट्स", "वैक्सीन", "टीका", "टीके", "दवाई", "इलाज", "मौत",
    "मौतें", "मृत्यु", "मृतक", "मेडिकल", "हेल्थ", "कॉलेज", "कालेज", "स्कूल", "विद्यालय", "ब्लड", "लैब",
    "प्रयोगशाला", "वेंटिलेटर", "आईसीयू", "ओपीडी", "इमरजेंसी", "एंबुलेंस", "एम्बुलेंस", "सर्वे", "सर्वेक्षण",
    "स्क्रीनिंग", "सोशल", "डिस्टेंसिंग", "नेशनल", "इंटरनेशनल", "सेंट्रल", "स्टेट", "सिटी", "डिस्ट्रिक्ट",
    "फ्री", "ऑनलाइन", "डिजिटल", "मोबाइल", "ऐप", "एप", "वेबसाइट", "वीडियो", "फोटो", "टीवी", "रेडियो",
    "फोन", "कॉल", "हेल्पलाइन", "नंबर", "पास", "ई-पास", "ट्रेन", "ट्रेनों", "बस", "बसों", "विमान", "फ्लाइट",
    "उड़ान", "उड़ानों", "एयरपोर्ट", "हवाई", "अड्डे", "अड्डा", "स्टेशन", "राशन", "भोजन", "खाना", "खाने", "पानी",
    "दूध", "सब्जी", "फल", "दुकान", "दुकानें", "दुकानों", "मंडी", "गोदाम", "फैक्टरी", "फैक्ट्री", "कंपनी",
    "कंपनियों", "कंपनियां", "उद्योगों", "मिल", "प्लांट", "बैंकों", "शेयर", "सेंसेक्स", "रुपये", "रुपए", "करोड़",
    "लाख", "हजार", "प्रतिशत", "फीसदी", "आंकड़ा", "आंकड़े", "संख्या", "मामलों", "केस", "अपडेट", "लाइव",
    "ब्लॉग", "खबर", "खबरें", "ताजा", "बड़ी", "बड़ा", "बड़े", "छोटे", "अधिक", "ज्यादा", "कम", "नीति", "नियम",
    "आदेश", "निर्देश", "अपील", "घोषणा", "बैठक", "बैठकों", "सम्मेलन", "बयान", "ट्वीट", "पत्र", "चिट्ठी",
    "प्रतिनिधिमंडल", "दौरा", "दौरे", "यात्रा", "मुलाकात", "बातचीत", "वार्ता", "सहयोग", "समझौता", "संबंध",
    "संबंधों", "युद्ध", "हमला", "हमले", "मिसाइल", "मिसाइलें", "हथियार", "हथियारों", "परमाणु", "सैन्य",
    "सैनिक", "सैनिकों", "जवान", "जवानों", "अधिकारियों", "नेताओं", "मंत्रियों", "विशेषज्ञ", "विशेषज्ञों",
    "वैज्ञानिकों", "शोध", "अध्ययन", "रिसर्च", "ट्रायल", "परीक्षण", "मंजूरी", "अनुमति", "प्रतिबंध", "रोक",
    "पाबंदी", "छूट", "ढील", "राशि", "पैकेज", "फंड", "सहायता", "मदद", "दान", "चंदा", "मजदूरों", "श्रमिक",
    "श्रमिकों", "प्रवासी", "प्रवासियों", "नागरिक", "नागरिकों", "यात्री", "यात्रियों", "छात्रों", "बच्चों",
    "बच्चे", "बच्चा", "महिलाओं", "पुरुष", "बुजुर्ग", "युवक", "युवती", "व्यक्ति", "शख्स", "परिजन", "परिजनों",
    "पत्नी", "पति", "बेटा", "बेटी", "पिता", "माता", "मां", "भाई", "बहन", "दोस्त", "पड़ोसी", "साथी",
    // time and place words
    "सोमवार", "मंगलवार", "बुधवार", "गुरुवार", "शुक्रवार", "शनिवार", "रविवार", "जनवरी", "फरवरी", "मार्च",
    "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर", "नवंबर", "दिसंबर", "आज", "कल", "सुबह",
    "शाम", "रात", "दिन", "दिनों", "सप्ताह", "हफ्ते", "महीने", "महीना", "साल", "वर्ष", "समय", "दौरान", "बीच",
    "उत्तर", "दक्षिण", "पूर्वी", "पश्चिमी", "पूर्व", "पश्चिम", "मध्य", "सुदूर", "राजधानी", "सीमा", "इलाके",
    "इलाकों", "इलाका", "मोहल्ला", "मोहल्ले", "कॉलोनी", "बस्ती", "थाना", "थाने", "प्रखंड", "ब्लॉक", "तहसील",
    "घर", "घरों", "मकान", "सड़कों", "रास्ते", "चौक", "मार्ग", "पुल", "मंदिर", "मस्जिद", "मदरसे", "मदरसा",
    "चर्च", "गुरुद्वारा", "होटल", "हॉल", "पार्क", "मैदान", "परिसर", "जेल",
    // verbs, adjectives and other frequent words after a title
    "ने", "कहा", "बताया", "दी", "दिए", "लिया", "ली", "किया", "करेंगे", "करेगी", "करेगा", "करना", "होगा",
    "होगी", "होंगे", "थी", "था", "रहे", "रहा", "रही", "गया", "गई", "गए", "आए", "आई", "आया", "पहुंचे",
    "पहुंची", "पहुंचा", "मिले", "मिली", "मिला", "जारी", "शामिल", "सहित", "समेत", "अलावा", "बाद", "पहले",
    "साथ", "खिलाफ", "बारे", "लेकर", "संबंधी", "संबंधित", "मुताबिक", "अनुसार", "जरिए", "जरिये", "तरफ",
    "ओर", "यहां", "वहां", "जहां", "अब", "तब", "फिलहाल", "अभी", "भी", "ही", "तो", "जी", "पद", "चुनाव",
    "प्रत्याशी", "उम्मीदवार", "कार्यकर्ता", "कार्यकर्ताओं", "समर्थक", "समर्थकों", "सदस्य", "सदस्यों",
    "प्रतिनिधि", "पदाधिकारी", "पदाधिकारियों", "अफसर", "अफसरों", "कर्मियों", "तैनात", "नियुक्त", "सम्मानित",
    "सम्मान", "शपथ", "इस्तीफा", "त्यागपत्र", "स्वागत", "धन्यवाद", "आभार", "बधाई", "शुभकामना", "श्रद्धांजलि",
    "जयंती", "पुण्यतिथि", "जन्मदिन", "निधन", "देहांत", "सवाल", "जवाब", "आरोप", "विरोध", "समर्थन", "मांग",
    "फैसला", "फैसले", "निर्णय", "प्रस्ताव", "विधेयक", "बिल", "बजट", "कार्यक्रम", "अभियान", "मिशन", "जागरूकता",
    "जागरण", "सेवा", "कोटा", "सब्सिडी", "वेतन", "भत्ता", "पेंशन", "कर्ज", "लोन", "ब्याज", "दर", "दरों",
    "भारी", "गंभीर", "सामान्य", "विशेष", "अहम", "महत्वपूर्ण", "जरूरी", "आवश्यक", "तत्काल", "सख्त", "कड़ी",
    "कड़े", "सतर्क", "अलर्ट", "तैयार", "तैयारी", "चिंता", "खतरा", "डर", "संकट", "चुनौती", "लड़ाई", "जंग",
    "मौके", "मौका", "अवसर", "दिवस", "त्योहार", "पर्व", "ईद", "रमजान", "होली", "दिवाली", "नवरात्र",
    "पहली", "पहला", "दूसरा", "तीसरा", "तीसरी", "चौथा", "चौथी", "एक", "दो", "तीन", "चार", "पांच", "छह",
    "सात", "आठ", "नौ", "दस", "सौ", "खुद", "स्वयं", "अपने", "उनके", "उनकी", "उनका", "जिनके", "जिन्होंने",
    "उन्होंने", "इन्होंने", "सबको", "आपको", "हमें", "हम", "मैं", "मुझे", "तुम", "आप", "वे", "यह", "वह",
    "पूरा", "पूरी", "कोई", "किसी", "हर", "प्रति", "द्वारा", "स्वतंत्र", "निजी", "सरकारी", "गैर", "सार्वजनिक",
    "अस्थायी", "स्थायी", "वैकल्पिक", "आधिकारिक", "औपचारिक", "कथित", "संदिग्ध", "फरार", "गिरफ्तार",
    "आरोपी", "पीड़ित", "पीड़ितों", "घायल", "मृत", "जिंदा", "स्वस्थ", "बीमार", "ठीक", "भर्ती", "डिस्चार्ज",
    "छुट्टी", "वापस", "घरेलू", "विदेशी", "पश्चिमी", "स्पेस", "प्रोग्राम", "सिस्टम", "प्लान", "ग्लोबल",
    "लोकल", "ऑफिस", "ऑफिसर", "मैनेजर", "डायरेक्टर", "सेक्रेटरी", "चीफ", "हेड", "टॉप", "पब्लिक", "प्राइवेट",
    "बैंक", "मनी", "कैश", "टैक्स", "जीएसटी", "आधार", "कार्ड", "राशनकार्ड", "बिजली", "गैस", "सिलेंडर",
    "पेट्रोल", "डीजल", "शिक्षण", "कोचिंग", "रेटिंग", "आर्टिकल", "मानक", "तकनीकी", "तमाम", "सिर्फ", "शायद",
    "नही", "स्थित", "वोट", "प्लाज्मा", "नियामक", "विपक्षी", "उत्तरी", "दक्षिणी", "उलट", "बार", "रेजिडेंट",
    "डॉक्टर्स", "एंपावर्ड", "बेस्ड", "बावजूद", "वावजूद", "ऑइल", "पोस्ट", "ग्रेजुएट", "नतीजे", "सिविल", "एविएशन",
    "पंचायती", "राज", "रूट", "न्यास", "पुरस्कार", "फैशन", "डिजाइन", "वेलफेयर", "फूड", "सेफ्टी", "डेवलपमेंट",
    "चाहते", "चाहता", "चाहती", "उचित", "ऐक्शन", "एक्शन", "प्रोजेक्ट", "हार्ट", "केयर", "तोड़ना", "ब्लैक",
    "फर्स्ट", "न्यू", "ऑल", "बंद", "खुला", "खुली", "खुले", "तेल", "सोना", "चांदी", "भाव", "कीमत", "कीमतें", "दाम", "मूल्य", "रिजर्व",
};

std::unordered_set<std::string> normalised_set(const char* const* begin, const char* const* end) {
    std::unordered_set<std::string> set;
    for (auto it = begin; it != end; ++it) set.insert(HindiNormalizer::orthographic(to_nfc(*it)));
    return set;
}

const std::unordered_set<std::string>& role_words() {
    static const auto set = normalised_set(std::begin(kRoleWords), std::end(kRoleWords));
    return set;
}
const std::unordered_set<std::string>& org_words() {
    static const auto set = normalised_set(std::begin(kOrgWords), std::end(kOrgWords));
    return set;
}
const std::unordered_set<std::string>& nationality_adjectives() {
    static const auto set = normalised_set(std::begin(kNationalityAdjectives), std::end(kNationalityAdjectives));
    return set;
}
const std::unordered_set<std::string>& common_words() {
    static const auto set = normalised_set(std::begin(kCommonWords), std::end(kCommonWords));
    return set;
}

// Words before which a one-word alias is an ordinary noun: किसी सूरत में, इस बस्ती में.
bool is_determiner(const std::string& w) {
    static const std::unordered_set<std::string> set = {"किसी", "इस", "उस", "हर", "इसी", "उसी", "कोई", "यह",
                                                        "वह", "ऐसी", "ऐसे", "ऐसा", "प्रत्येक", "उक्त"};
    return set.count(w) > 0;
}

std::string word_key_uncached(const std::string& exact, Script script) {
    if (script == Script::Devanagari) return romanisation_key_of_devanagari(exact);
    if (script == Script::Latin) return romanisation_key(exact);
    return {};
}

// What the matcher asks of every word of every article: its romanisation key, its folded
// form and which word lists hold it. News text repeats a small vocabulary, so each thread
// remembers the answers per spelling (bounded, then started afresh).
struct WordFacts {
    std::string key, folded;
    bool common = false, role = false, org_word = false, adjective = false;
};

const WordFacts& word_facts(const std::string& exact, Script script) {
    static thread_local std::unordered_map<std::string, WordFacts> memo[3];
    auto& m = memo[script == Script::Devanagari ? 0 : script == Script::Latin ? 1 : 2];
    auto it = m.find(exact);
    if (it != m.end()) return it->second;
    if (m.size() >= 200000) m.clear();
    WordFacts f;
    f.key = word_key_uncached(exact, script);
    f.folded = script == Script::Devanagari ? HindiNormalizer::spelling_variants(exact) : exact;
    f.common = common_words().count(exact) > 0;
    f.role = role_words().count(exact) > 0;
    f.org_word = org_words().count(exact) > 0;
    f.adjective = nationality_adjectives().count(exact) > 0;
    return m.emplace(exact, std::move(f)).first->second;
}

std::string word_key(const std::string& exact, Script script) { return word_facts(exact, script).key; }

std::string word_folded(const std::string& exact, Script script) { return word_facts(exact, script).folded; }

bool all_upper(std::string_view text) {
    bool letter = false;
    for (char c : text) {
        if (std::islower(static_cast<unsigned char>(c))) return false;
        if (std::isupper(static_cast<unsigned char>(c))) letter = true;
    }
    return letter;
}

bool ends_with(const std::string& s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::size_t code_points(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        std::size_t pos = s.find(sep, start);
        out.emplace_back(s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
        if (pos == std::string_view::npos) break;
        start = pos + 1;
    }
    return out;
}

std::string trim(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    return std::string(s.substr(b, e - b));
}

/// One analysed word of the article with everything the matcher asks about it.
struct Word {
    Token token;
    std::string folded;
    std::string key;
    bool boundary_before = true;  // punctuation, a line break or the title/body seam precedes it
    bool gap_is_dot = false;      // only "." (and spaces) precede it: डॉ. प्रदीप
    bool gap_is_hyphen = false;   // a hyphen joins it to the previous word: सू-सुक
    bool capitalised = false;     // Latin word starting with a capital
    bool caps = false;            // Latin word all in capitals
    bool stop = false;
    bool common = false;
    bool role = false;
    bool org_word = false;
    bool adjective = false;
    bool name_shaped = false;
    bool key_usable = false;  // its romanisation key is distinctive enough to match an alias
};

std::vector<Word> analyse(std::string_view nfc, std::vector<Token> tokens) {
    std::vector<Word> words;
    std::size_t prev_end = 0;
    bool first = true;
    for (Token& t : tokens) {
        Word w;
        std::string_view gap = std::string_view(nfc).substr(prev_end, t.begin - prev_end);
        std::string_view original = std::string_view(nfc).substr(t.begin, t.end - t.begin);
        bool only_space = true, has_dot = false, has_hyphen = false, other = false;
        for (std::size_t i = 0; i < gap.size();) {
            char32_t cp = next_code_point(gap, i);
            if (cp == ' ' || cp == 0xA0 || cp == 0x200C || cp == 0x200D || cp == '\t') continue;
            only_space = false;
            if (cp == '.') has_dot = true;
            else if (cp == '-' || cp == 0x2010 || cp == 0x2011) has_hyphen = true;
            else other = true;
        }
        w.boundary_before = first || (!only_space && (other || has_dot));
        w.gap_is_dot = !first && has_dot && !other && !has_hyphen;
        w.gap_is_hyphen = !first && has_hyphen && !other && !has_dot;
        if (w.gap_is_hyphen) w.boundary_before = false;
        first = false;
        prev_end = t.end;
        if (t.script == Script::Latin) {
            w.capitalised = std::isupper(static_cast<unsigned char>(original[0])) != 0;
            w.caps = all_upper(original);
        }
        const WordFacts& facts = word_facts(t.exact, t.script);
        w.folded = facts.folded;
        w.key = facts.key;
        w.stop = t.stopword;
        w.common = facts.common;
        w.role = facts.role;
        w.org_word = facts.org_word;
        w.adjective = facts.adjective;
        // Plural oblique forms are never names; a word starting with a vowel sign is legacy-font debris
        // (ङ्क्षसह for सिंह, normalised to ंक्षसह), not a spelling.
        std::size_t first_cp = 0;
        char32_t lead = t.exact.empty() ? 0 : next_code_point(t.exact, first_cp);
        bool starts_with_mark = (lead >= 0x0900 && lead <= 0x0903) || (lead >= 0x093A && lead <= 0x094F);
        bool plural = ends_with(t.exact, "ों") || ends_with(t.exact, "ियां") || starts_with_mark ||
                      t.exact.find("ङ्क") != std::string::npos;
        if (t.script == Script::Devanagari) {
            w.name_shaped = !w.stop && !w.common && !w.role && !w.org_word && !w.adjective && !plural &&
                            code_points(t.exact) >= 2;
        } else if (t.script == Script::Latin) {
            w.name_shaped = w.capitalised && !w.stop && t.exact.size() >= 2;
        }
        w.key_usable = w.key.size() >= 4 && !w.stop && !w.common && !w.adjective &&
                       (t.script == Script::Devanagari || w.capitalised);
        w.token = std::move(t);
        words.push_back(std::move(w));
    }
    return words;
}

// A word that is an acronym alias written in capitals (WHO, UP), or made of capitals and digits (G20).
bool is_acronym_alias(std::string_view alias) {
    if (alias.size() > 8 || alias.find(' ') != std::string_view::npos) return false;
    return all_upper(alias) && std::all_of(alias.begin(), alias.end(), [](char c) {
               return std::isupper(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) ||
                      c == '&' || c == '(' || c == ')' || c == '-';
           });
}

std::string capitalise_words(std::string s) {
    bool start = true;
    for (char& c : s) {
        if (start && std::islower(static_cast<unsigned char>(c))) c = static_cast<char>(std::toupper(c));
        start = c == ' ';
    }
    return s;
}

// A readable romanisation of one unknown word: devanagari_to_latin with long vowels written once.
std::string readable_latin(const Word& w, std::string_view text) {
    if (w.token.script != Script::Devanagari) return std::string(text.substr(w.token.begin, w.token.end - w.token.begin));
    if (w.token.exact == "सिंह") return "singh";  // the commonest surname, romanised as its bearers write it
    std::string latin = devanagari_to_latin(w.token.exact);
    std::string out;
    for (char c : latin) {
        if (!out.empty() && out.back() == c && (c == 'a' || c == 'i' || c == 'u')) continue;
        out += c;
    }
    return out;
}

}  // namespace

const char* kind_name(EntityKind kind) {
    switch (kind) {
        case EntityKind::Person: return "person";
        case EntityKind::Place: return "place";
        case EntityKind::Organisation: return "org";
    }
    return "person";
}

std::optional<EntityKind> kind_from_name(std::string_view name) {
    for (EntityKind kind : kEntityKinds) {
        if (name == kind_name(kind)) return kind;
    }
    return std::nullopt;
}

Gazetteer::Gazetteer(std::string_view tsv) {
    Analyzer analyzer;
    std::size_t line_no = 0;
    for (const std::string& raw : split(tsv, '\n')) {
        ++line_no;
        std::string line = raw;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (trim(line).empty() || line[0] == '#') continue;
        std::vector<std::string> fields = split(line, '\t');
        if (fields.size() < 3 || fields.size() > 4)
            throw Error("gazetteer line " + std::to_string(line_no) + ": expected 4 tab-separated fields");
        Entity entity;
        if (fields[0] == "person") entity.kind = EntityKind::Person;
        else if (fields[0] == "place") entity.kind = EntityKind::Place;
        else if (fields[0] == "org") entity.kind = EntityKind::Organisation;
        else throw Error("gazetteer line " + std::to_string(line_no) + ": unknown kind '" + fields[0] + "'");
        entity.name_en = trim(fields[1]);
        entity.name = to_nfc(trim(fields[2]));
        if (entity.name_en.empty() || entity.name.empty())
            throw Error("gazetteer line " + std::to_string(line_no) + ": empty name");
        const std::size_t index = entities_.size();
        entities_.push_back(entity);
        std::vector<std::string> spellings = {entity.name, entity.name_en};
        if (fields.size() == 4)
            for (const std::string& a : split(fields[3], '|'))
                if (!trim(a).empty()) spellings.push_back(trim(a));
        for (const std::string& spelling : spellings) {
            std::string nfc = to_nfc(spelling);
            Alias alias;
            alias.entity = index;
            alias.acronym = is_acronym_alias(nfc);
            for (const Token& t : analyzer.tokenize(nfc)) {
                alias.exact.push_back(t.exact);
                alias.folded.push_back(word_folded(t.exact, t.script));
                alias.keys.push_back(alias.acronym ? std::string() : word_key(t.exact, t.script));
            }
            if (alias.exact.empty()) continue;
            const std::size_t a = aliases_.size();
            by_first_exact_[alias.exact[0]].push_back(a);
            if (alias.folded[0] != alias.exact[0]) by_first_exact_[alias.folded[0]].push_back(a);
            if (!alias.keys[0].empty()) by_first_key_[alias.keys[0]].push_back(a);
            aliases_.push_back(std::move(alias));
        }
    }
}

const Gazetteer& Gazetteer::builtin() {
    static const Gazetteer gazetteer(kGazetteerTsv);
    return gazetteer;
}

const std::vector<std::size_t>* Gazetteer::starting_with_exact(const std::string& form) const {
    auto it = by_first_exact_.find(form);
    return it == by_first_exact_.end() ? nullptr : &it->second;
}

const std::vector<std::size_t>* Gazetteer::starting_with_key(const std::string& key) const {
    auto it = by_first_key_.find(key);
    return it == by_first_key_.end() ? nullptr : &it->second;
}

std::vector<std::size_t> Gazetteer::lookup(EntityKind kind, bool any_kind, std::string_view alias) const {
    std::string text = to_nfc(alias);
    std::replace(text.begin(), text.end(), '_', ' ');
    thread_local Analyzer analyzer;
    std::vector<Token> tokens = analyzer.tokenize(text);
    if (tokens.empty()) return {};
    std::vector<std::string> folded, keys;
    for (const Token& t : tokens) {
        folded.push_back(word_folded(t.exact, t.script));
        keys.push_back(word_key(t.exact, t.script));
    }
    std::vector<std::size_t> candidates;
    for (const auto* list : {starting_with_exact(tokens[0].exact), starting_with_exact(folded[0]),
                             keys[0].empty() ? nullptr : starting_with_key(keys[0])})
        if (list) candidates.insert(candidates.end(), list->begin(), list->end());
    std::vector<std::size_t> by_form, by_key;
    for (std::size_t a : candidates) {
        const Alias& al = aliases_[a];
        if (al.exact.size() != tokens.size()) continue;
        if (!any_kind && entities_[al.entity].kind != kind) continue;
        bool form = true, key = true;
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            bool f = tokens[i].exact == al.exact[i] || folded[i] == al.folded[i];
            form = form && f;
            key = key && (f || (!al.keys[i].empty() && keys[i].size() >= 3 && keys[i] == al.keys[i]));
        }
        if (form) by_form.push_back(al.entity);
        else if (key) by_key.push_back(al.entity);
    }
    std::vector<std::size_t>& found = by_form.empty() ? by_key : by_form;
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
}

std::optional<Entity> Gazetteer::resolve(EntityKind kind, std::string_view alias) const {
    std::vector<std::size_t> found = lookup(kind, false, alias);
    if (found.size() != 1) return std::nullopt;
    return entities_[found[0]];
}

std::optional<Entity> Gazetteer::resolve_any(std::string_view alias) const {
    std::vector<std::size_t> found = lookup(EntityKind::Person, true, alias);
    if (found.size() != 1) return std::nullopt;
    return entities_[found[0]];
}

std::string entity_slug(const Entity& entity) {
    std::string out;
    for (char c : entity.name_en) {
        unsigned char u = static_cast<unsigned char>(c);
        if (u < 0x80 && std::isalnum(u)) {
            out += static_cast<char>(std::tolower(u));
        } else if ((c == ' ' || c == '-' || c == '_' || c == '.') && !out.empty() && out.back() != '_') {
            out += '_';
        }
    }
    while (!out.empty() && out.back() == '_') out.pop_back();
    return out;
}

EntityExtractor::EntityExtractor(const Gazetteer& gazetteer) : gazetteer_(gazetteer) {}

namespace {

struct Match {
    std::size_t start = 0;
    std::size_t length = 0;
    Entity entity;
};

class ArticleMatcher {
  public:
    ArticleMatcher(const Gazetteer& g, std::vector<Word> words, std::string_view text)
        : g_(g), w_(std::move(words)), text_(text), owner_(w_.size(), kNone) {}

    void run(std::vector<Match>& out) {
        match_gazetteer();
        for (const Match& m : matches_) out.push_back(m);
        for (Match& m : role_word_people()) out.push_back(m);
        for (Match& m : org_word_organisations()) out.push_back(m);
    }

  private:
    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

    bool word_matches(const Word& w, const Gazetteer::Alias& a, std::size_t j) const {
        if (a.acronym) return w.caps && w.token.exact == a.exact[j];
        if (w.token.exact == a.exact[j] || w.folded == a.folded[j]) return true;
        // One-word aliases need a longer key: बंद (band) is not Banda.
        const std::size_t min_key = a.exact.size() == 1 ? 5 : 4;
        return w.key_usable && w.key.size() >= min_key && !a.keys[j].empty() && w.key == a.keys[j];
    }

    // Length of the alias matched at word i, or 0; "by_form" reports whether no key was needed.
    std::size_t alias_length_at(std::size_t i, const Gazetteer::Alias& a, bool& by_form) const {
        const std::size_t n = a.exact.size();
        if (i + n > w_.size()) return 0;
        by_form = true;
        for (std::size_t j = 0; j < n; ++j) {
            const Word& w = w_[i + j];
            if (j > 0 && w.boundary_before) return 0;
            if (w.token.script == Script::Latin && j == 0 && !w.capitalised) return 0;
            if (!word_matches(w, a, j)) return 0;
            if (w.token.exact != a.exact[j] && w.folded != a.folded[j]) by_form = false;
        }
        return n;
    }

    bool generic_alias(const Gazetteer::Alias& a) const {
        for (const std::string& e : a.exact)
            if (!common_words().count(e) && !org_words().count(e)) return false;
        return true;
    }

    // A foreign place or nationality right before word i: रूस के [रक्षा मंत्रालय], चीनी [वायुसेना].
    bool foreign_qualifier_before(std::size_t i) const {
        if (i == 0 || w_[i].boundary_before) return false;
        const Word& prev = w_[i - 1];
        if (prev.adjective && prev.token.exact != "भारतीय" && prev.token.exact != "केंद्रीय" &&
            prev.token.exact != "राष्ट्रीय")
            return true;
        if (i >= 2 && (prev.token.exact == "के" || prev.token.exact == "की" || prev.token.exact == "का") &&
            !prev.boundary_before && owner_[i - 2] != kNone) {
            const Entity& e = matches_[owner_[i - 2]].entity;
            return e.kind == EntityKind::Place && e.name_en != "India" && e.name_en != "Delhi";
        }
        return false;
    }

    bool accept(std::size_t i, const Gazetteer::Alias& a) const {
        const Entity& e = g_.entities()[a.entity];
        const std::size_t n = a.exact.size();
        const bool attached = i > 0 && !w_[i].boundary_before;
        const Word* prev = attached ? &w_[i - 1] : nullptr;
        if (n == 1 && prev && is_determiner(prev->token.exact)) return false;
        if (e.kind == EntityKind::Organisation && generic_alias(a) && foreign_qualifier_before(i)) return false;
        if (n == 1 && e.kind == EntityKind::Person && prev && prev->name_shaped && owner_[i - 1] == kNone) {
            // नीरव मोदी is not Narendra Modi; ब्लादिमीर पुतिन (an unlisted spelling) is still Putin.
            auto first_key = [](const std::string& name, bool devanagari) {
                std::string first = name.substr(0, name.find(' '));
                return devanagari ? romanisation_key_of_devanagari(first) : romanisation_key(first);
            };
            double d = std::min(key_distance(prev->key, first_key(e.name, true)),
                                key_distance(prev->key, first_key(e.name_en, false)));
            if (d > 1.0) return false;
        }
        return true;
    }

    void match_gazetteer() {
        for (std::size_t i = 0; i < w_.size();) {
            const Word& w = w_[i];
            std::vector<std::size_t> candidates;
            for (const auto* list : {g_.starting_with_exact(w.token.exact), g_.starting_with_exact(w.folded),
                                     w.key_usable ? g_.starting_with_key(w.key) : nullptr})
                if (list) candidates.insert(candidates.end(), list->begin(), list->end());
            std::size_t best_len = 0;
            bool best_form = false;
            std::vector<std::size_t> best;  // entity indices of the best matches
            const Gazetteer::Alias* best_alias = nullptr;
            for (std::size_t a : candidates) {
                const Gazetteer::Alias& al = g_.aliases()[a];
                bool by_form = false;
                std::size_t len = alias_length_at(i, al, by_form);
                if (len == 0 || !accept(i, al)) continue;
                if (len > best_len || (len == best_len && by_form && !best_form)) {
                    best_len = len;
                    best_form = by_form;
                    best.assign(1, al.entity);
                    best_alias = &al;
                } else if (len == best_len && by_form == best_form &&
                           std::find(best.begin(), best.end(), al.entity) == best.end()) {
                    best.push_back(al.entity);
                }
            }
            (void)best_alias;
            if (best_len == 0 || best.size() != 1) {  // unknown, or ambiguous between entities
                ++i;
                continue;
            }
            Match m;
            m.start = i;
            m.length = best_len;
            m.entity = g_.entities()[best[0]];
            for (std::size_t k = i; k < i + best_len; ++k) owner_[k] = matches_.size();
            matches_.push_back(std::move(m));
            i += best_len;
        }
    }

    // Entity for unknown words [b, e): the words as written, and a readable romanisation.
    Entity unknown_entity(EntityKind kind, std::size_t b, std::size_t e) const {
        Entity entity;
        entity.kind = kind;
        std::string words_text;
        for (std::size_t k = b; k < e; ++k) {
            const char* sep = k == b ? "" : (w_[k].gap_is_hyphen ? "-" : " ");
            entity.name += sep + w_[k].token.exact;
            entity.name_en += sep + readable_latin(w_[k], text_);
            words_text += (k == b ? "" : " ") + w_[k].token.exact;
        }
        entity.name_en = capitalise_words(entity.name_en);
        if (auto known = g_.resolve(kind, words_text)) return *known;
        return entity;
    }

    bool ends_name(std::size_t k) const {
        return k >= w_.size() || w_[k].boundary_before || w_[k].stop || w_[k].token.exact == "जी";
    }

    std::vector<Match> role_word_people() {
        std::vector<Match> out;
        for (std::size_t i = 0; i < w_.size(); ++i) {
            if (!w_[i].role || owner_[i] != kNone) continue;
            std::size_t j = i + 1;
            // Chains of titles: निदेशक डॉ. प्रदीप दास, लेफ्टिनेंट जनरल अवीव कोचावी.
            while (j < w_.size() && w_[j].role && owner_[j] == kNone && (!w_[j].boundary_before || w_[j].gap_is_dot)) ++j;
            if (j >= w_.size()) break;
            if (w_[j].boundary_before && !w_[j].gap_is_dot) continue;
            if (w_[j].gap_is_dot) {
                const std::string& title = w_[j - 1].token.exact;
                if (title != "डॉ" && title != "डा" && title != "श्री" && title != "प्रो") continue;
            }
            std::size_t k = j;
            while (k < w_.size() && k - j < 4 && (k == j || !w_[k].boundary_before) && !w_[k].stop &&
                   owner_[k] == kNone && w_[k].token.exact != "जी")
                ++k;
            const std::size_t len = k - j;
            if (len < 2 || len > 3 || !ends_name(k)) continue;
            if (k < w_.size() && owner_[k] != kNone && !w_[k].boundary_before) continue;
            bool ok = w_[j].name_shaped;
            for (std::size_t m = j; ok && m < k; ++m) {
                const Word& w = w_[m];
                ok = (w.token.script == Script::Devanagari || (w.token.script == Script::Latin && w.capitalised)) &&
                     !w.role && !w.org_word && !w.adjective && !ends_with(w.token.exact, "ों");
            }
            // The last word carries the surname: it too must look like a name.
            ok = ok && w_[k - 1].name_shaped;
            if (!ok) continue;
            Match m;
            m.start = j;
            m.length = len;
            m.entity = unknown_entity(EntityKind::Person, j, k);
            for (std::size_t q = j; q < k; ++q) owner_[q] = matches_.size() + out.size() + 1000000;
            out.push_back(std::move(m));
            i = k - 1;
        }
        return out;
    }

    std::vector<Match> org_word_organisations() {
        std::vector<Match> out;
        for (std::size_t k = 1; k < w_.size(); ++k) {
            if (!w_[k].org_word || owner_[k] != kNone || w_[k].boundary_before) continue;
            if (k + 1 < w_.size() && !w_[k + 1].boundary_before &&
                (w_[k + 1].token.exact == "ऑफ" || w_[k + 1].token.exact == "of" || w_[k + 1].token.exact == "फॉर"))
                continue;  // इंडियन काउंसिल ऑफ मेडिकल रिसर्च: the name goes on to the right
            std::size_t s = k;
            while (s > 0 && k - s < 4 && !w_[s].boundary_before && !w_[s - 1].stop && !w_[s - 1].org_word) {
                std::size_t o = owner_[s - 1];
                if (o != kNone && (o >= matches_.size() || matches_[o].entity.kind != EntityKind::Place)) break;
                --s;
                if (w_[s].boundary_before) break;
            }
            const std::size_t len = k - s;
            if (len < 1 || len > 3) continue;
            if (s > 0 && !w_[s].boundary_before && !w_[s - 1].stop) continue;  // the name goes on further left
            bool shaped = false, ok = true;
            for (std::size_t m = s; m < k; ++m) {
                const Word& w = w_[m];
                bool place = owner_[m] != kNone;
                const bool adjective_ik = ends_with(w.token.exact, "िक") || ends_with(w.token.exact, "ीय");
                shaped = shaped || (w.name_shaped && !place && !adjective_ik);
                ok = ok && (place || (w.name_shaped && !adjective_ik));
            }
            if (!ok || !shaped) continue;
            Match m;
            m.start = s;
            m.length = len + 1;
            m.entity = unknown_entity(EntityKind::Organisation, s, k + 1);
            out.push_back(std::move(m));
        }
        return out;
    }

    const Gazetteer& g_;
    std::vector<Word> w_;
    std::string_view text_;  // the caller's text, which outlives the matcher
    std::vector<std::size_t> owner_;  // index into matches_ of the gazetteer match covering each word
    std::vector<Match> matches_;
};

}  // namespace

std::vector<Entity> EntityExtractor::extract(std::string_view title, std::string_view body, Analyzer& analyzer) const {
    const std::string title_nfc = to_nfc(title), body_nfc = to_nfc(body);
    return extract(title_nfc, analyzer.tokenize(title_nfc), body_nfc, analyzer.tokenize(body_nfc));
}

std::vector<Entity> EntityExtractor::extract(std::string_view title, const std::vector<Token>& title_tokens, std::string_view body,
                                             const std::vector<Token>& body_tokens) const {
    std::vector<Entity> result;
    std::unordered_set<std::string> seen;
    for (auto [text, tokens] : {std::pair{title, &title_tokens}, std::pair{body, &body_tokens}}) {
        std::vector<Word> words = analyse(text, *tokens);
        std::vector<Match> matches;
        ArticleMatcher(gazetteer_, std::move(words), text).run(matches);
        std::stable_sort(matches.begin(), matches.end(),
                         [](const Match& a, const Match& b) { return a.start < b.start; });
        for (const Match& m : matches) {
            std::string id = std::string(kind_name(m.entity.kind)) + "\t" + m.entity.name_en;
            if (seen.insert(id).second) result.push_back(m.entity);
        }
    }
    return result;
}

}  // namespace khoj
