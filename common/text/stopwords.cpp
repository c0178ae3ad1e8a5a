/** @file stopwords.cpp @brief Stop list: Lucene's Hindi list (after Larkey et al.) plus news function words. */
#include "common/text/stopwords.h"

#include "common/text/hindi_normalizer.h"

#include <string>
#include <unordered_set>

namespace khoj {
namespace {

// Written as they appear in text; normalised once at start-up so जहाँ and जहां both hit.
constexpr const char* kStopwords[] = {
    "अंदर", "अत", "अपना", "अपनी", "अपने", "अभी", "आदि", "आप", "इत्यादि", "इन", "इनका", "इन्हीं", "इन्हें",
    "इन्हों", "इस", "इसका", "इसकी", "इसके", "इसमें", "इसी", "इसे", "उन", "उनका", "उनकी", "उनके", "उनको",
    "उन्हीं", "उन्हें", "उन्हों", "उस", "उसके", "उसी", "उसे", "एक", "एवं", "एस", "ऐसे", "और", "कई", "कर",
    "करता", "करते", "करना", "करने", "करें", "कहते", "कहा", "का", "काफ़ी", "कि", "कितना", "किन्हें",
    "किन्हों", "किया", "किर", "किस", "किसी", "किसे", "की", "कुछ", "कुल", "के", "को", "कोई", "कौन",
    "कौनसा", "गया", "गई", "गए", "जब", "जहाँ", "जा", "जितना", "जिन", "जिन्हें", "जिन्हों", "जिस", "जिसे",
    "जैसा", "जैसे", "जो", "तक", "तब", "तरह", "तिन", "तिन्हें", "तिन्हों", "तिस", "तिसे", "तो", "था",
    "थी", "थीं", "थे", "दबारा", "दिया", "दुसरा", "दूसरे", "दो", "द्वारा", "न", "नहीं", "ना", "निहायत",
    "नीचे", "ने", "पर", "पहले", "पूरा", "पे", "फिर", "बनी", "बही", "बहुत", "बाद", "बाला", "बिलकुल",
    "भी", "भीतर", "मगर", "मानो", "मे", "में", "यदि", "यह", "यहाँ", "यही", "या", "यिह", "ये", "रखें",
    "रहा", "रही", "रहे", "लिए", "लिये", "लेकिन", "व", "वर्ग", "वह", "वहाँ", "वहीं", "वाले", "वाली",
    "वाला", "वुह", "वे", "वग़ैरह", "संग", "सकता", "सकते", "सबसे", "सभी", "साथ", "साबुत", "साभ", "सारा",
    "से", "सो", "ही", "हुआ", "हुई", "हुए", "है", "हैं", "हो", "होता", "होती", "होते", "होना", "होने",
    "हुईं", "गयी", "गये", "रहें", "थीं", "यानी", "तथा", "एवम", "किए", "किये", "करके",
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "of", "on",
    "or", "the", "to", "was", "with",
};

const std::unordered_set<std::string>& stop_set() {
    static const std::unordered_set<std::string> words = [] {
        std::unordered_set<std::string> set;
        for (const char* w : kStopwords) set.insert(hindi_normalizer::orthographic(w));
        return set;
    }();
    return words;
}

}  // namespace

bool is_stopword(std::string_view normalized_word) {
    return stop_set().count(std::string(normalized_word)) > 0;
}

}  // namespace khoj
