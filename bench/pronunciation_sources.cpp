/** @file pronunciation_sources.cpp @brief Which English pronunciation source best reaches the Devanagari spelling of an English loanword: espeak-ng voices, the CMU dictionary (festlex-cmu) and FreeDict's IPA, measured on a Dakshina lexicon. */
#include "common/index/schema.h"
#include "common/text/analyzer.h"
#include "common/text/english_pronunciation.h"
#include "common/text/romanisation.h"
#include "common/text/stopwords.h"
#include "common/util/unicode_text.h"

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>
#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

// CMU (festival's cmudict-0.4.out): ("word" pos (((ph ph) stress) …)) → IPA, ARPAbet by ARPAbet.
std::string arpabet_to_ipa(const std::string& phone, int stress) {
    static const std::map<std::string, std::string> table = {
        {"aa", "ɑː"}, {"ae", "æ"}, {"ah", "ʌ"}, {"ax", "ə"}, {"ao", "ɔː"}, {"aw", "aʊ"}, {"ay", "aɪ"}, {"eh", "ɛ"},
        {"ey", "eɪ"}, {"ih", "ɪ"}, {"iy", "iː"}, {"ow", "oʊ"}, {"oy", "ɔɪ"}, {"uh", "ʊ"}, {"uw", "uː"}, {"b", "b"},
        {"ch", "tʃ"}, {"d", "d"}, {"dh", "ð"}, {"f", "f"}, {"g", "ɡ"}, {"hh", "h"}, {"jh", "dʒ"}, {"k", "k"},
        {"l", "l"}, {"m", "m"}, {"n", "n"}, {"ng", "ŋ"}, {"p", "p"}, {"r", "ɹ"}, {"s", "s"}, {"sh", "ʃ"},
        {"t", "t"}, {"th", "θ"}, {"v", "v"}, {"w", "w"}, {"y", "j"}, {"z", "z"}, {"zh", "ʒ"}};
    if (phone == "er") return stress > 0 ? "ɜːɹ" : "ɚ";
    if (phone == "ah" && stress == 0) return "ə";
    auto it = table.find(phone);
    return it == table.end() ? "" : it->second;
}

std::map<std::string, std::string> read_cmu(const std::string& path) {
    std::map<std::string, std::string> out;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
        if (line.size() < 3 || line[0] != '(' || line[1] != '"') continue;
        std::size_t close = line.find('"', 2);
        std::string word = line.substr(2, close - 2);
        if (out.count(word)) continue;  // the first part of speech
        std::string ipa;
        // Syllables: ((ph ph …) stress)
        for (std::size_t at = line.find("((", close); at != std::string::npos; at = line.find("((", at + 2)) {
            while (line[at + 2] == '(') ++at;
            std::size_t end = line.find(')', at);
            std::istringstream phones(line.substr(at + 2, end - at - 2));
            int stress = line[end + 2] - '0';
            for (std::string ph; phones >> ph;) ipa += arpabet_to_ipa(ph, stress);
        }
        out[word] = ipa;
    }
    return out;
}

// FreeDict eng-hin (uncompressed .dict): "headword /IPA/ <POS>" lines.
std::map<std::string, std::string> read_freedict(const std::string& path) {
    std::map<std::string, std::string> out;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
        std::size_t slash = line.find(" /");
        if (slash == std::string::npos || slash == 0 || line[0] == ' ') continue;
        std::size_t end = line.find('/', slash + 2);
        if (end == std::string::npos) continue;
        out.emplace(line.substr(0, slash), line.substr(slash + 2, end - slash - 2));
    }
    return out;
}

struct Score {
    std::size_t pairs = 0, found = 0, top = 0, none = 0;
};

}  // namespace

// Usage: khoj-pronunciation-sources INDEX DAKSHINA.tsv CMUDICT FREEDICT.dict
// For every lexicon pair whose Latin word is a FreeDict headword (an English word) of 4+
// letters and whose Devanagari word is in the index, each source's pronunciation looks up
// candidates by consonant skeleton; "top" = the Devanagari word is the closest, "found" =
// within 0.3 of the closest, "none" = the source has no pronunciation or no candidate.
int main(int argc, char** argv) {
    if (argc < 5) {
        std::cerr << "usage: khoj-pronunciation-sources INDEX LEXICON.tsv cmudict-0.4.out freedict-eng-hin.dict\n";
        return 2;
    }
    Xapian::Database db(argv[1]);
    khoj::Analyzer analyzer;
    const auto cmu = read_cmu(argv[3]);
    const auto freedict = read_freedict(argv[4]);
    const std::vector<std::string> sources = {"romanised spelling", "espeak en-us", "espeak en-gb-x-rp", "espeak en-gb-scotland", "CMU", "FreeDict IPA"};
    std::vector<Score> scores(sources.size());
    std::vector<std::map<std::string, std::string>> espeak(3);
    espeak_ng_InitializePath(nullptr);
    espeak_ng_Initialize(nullptr);
    std::ifstream in(argv[2]);
    std::set<std::string> seen;
    struct Pair {
        std::string roman, devanagari;
    };
    std::vector<Pair> pairs;
    for (std::string line; std::getline(in, line);) {
        std::istringstream fields(line);
        std::string a, b;
        std::getline(fields, a, '\t');
        std::getline(fields, b, '\t');
        std::string devanagari = khoj::has_devanagari(a) ? a : b, roman = khoj::has_devanagari(a) ? b : a;
        if (roman.size() < 4 || !freedict.count(roman)) continue;
        khoj::Token t = analyzer.analyze_word(devanagari);
        if (t.exact.empty() || t.stopword || db.get_termfreq("Z" + t.stem) == 0 || !seen.insert(roman + "\t" + t.exact).second) continue;
        pairs.push_back({roman, t.exact});
    }
    const char* voices[] = {"en-us", "en-gb-x-rp", "en-gb-scotland"};
    for (int v = 0; v < 3; ++v) {
        espeak_ng_SetVoiceByName(voices[v]);
        for (const auto& p : pairs) {
            const void* position = p.roman.c_str();
            std::string ipa;
            while (position) {
                const char* ph = espeak_TextToPhonemes(&position, espeakCHARS_UTF8, espeakPHONEMES_IPA);
                if (ph) ipa += ph;
            }
            espeak[v][p.roman] = ipa;
        }
    }
    for (const auto& p : pairs) {
        const std::string want = analyzer.stem_of(p.devanagari, khoj::Script::Devanagari);
        for (std::size_t s = 0; s < sources.size(); ++s) {
            std::string spelling;
            if (s == 0) spelling = p.roman;
            else if (s <= 3) spelling = khoj::ipa_to_hindi_latin(espeak[s - 1][p.roman]);
            else if (s == 4) spelling = cmu.count(p.roman) ? khoj::ipa_to_hindi_latin(cmu.at(p.roman)) : "";
            else spelling = khoj::ipa_to_hindi_latin(freedict.at(p.roman));
            Score& score = scores[s];
            ++score.pairs;
            if (spelling.empty()) {
                ++score.none;
                continue;
            }
            const std::string lookup = s == 0 ? spelling : khoj::pronounced_lookup_form(spelling);
            const std::string key = std::string(khoj::prefix::kRomanKey) + khoj::consonant_skeleton(khoj::romanisation_key(lookup));
            std::vector<std::pair<double, std::string>> candidates;
            for (auto it = db.synonyms_begin(key); it != db.synonyms_end(key); ++it) {
                if (khoj::is_stopword(*it)) continue;
                double d = s == 0 ? khoj::spelling_distance(spelling, *it) : khoj::pronunciation_distance(spelling, *it);
                candidates.emplace_back(d, analyzer.stem_of(*it, khoj::Script::Devanagari));
            }
            if (candidates.empty()) {
                ++score.none;
                continue;
            }
            std::sort(candidates.begin(), candidates.end());
            score.top += candidates.front().second == want;
            if (s == 1 && candidates.front().second != want && std::getenv("KHOJ_SHOW_MISSES"))
                std::printf("miss %s %s want %s got %s %.2f\n", p.roman.c_str(), spelling.c_str(), p.devanagari.c_str(), candidates.front().second.c_str(), candidates.front().first);
            for (const auto& c : candidates) {
                if (c.first > candidates.front().first + 0.3) break;
                if (c.second == want) {
                    ++score.found;
                    break;
                }
            }
        }
    }
    for (std::size_t s = 0; s < sources.size(); ++s) {
        const Score& x = scores[s];
        std::printf("%-24s pairs=%zu top=%.3f found=%.3f none=%.3f\n", sources[s].c_str(), x.pairs, double(x.top) / x.pairs,
                    double(x.found) / x.pairs, double(x.none) / x.pairs);
    }
}
