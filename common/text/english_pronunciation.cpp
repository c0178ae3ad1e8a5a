/** @file english_pronunciation.cpp @brief IPA from espeak-ng rewritten in Hindi romanisation conventions, and the distance of such a spelling from a Devanagari word. */
#include "common/text/english_pronunciation.h"

#include "common/text/romanisation.h"
#include "common/util/unicode_text.h"

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>

#include <dlfcn.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <mutex>
#include <type_traits>
#include <vector>

namespace khoj {
namespace {

// espeak-ng's American English voice: rhotic (doctor keeps its r, as Hindi डॉक्टर does), and
// its one flap (ɾ) is mapped back to t. Chosen over the British and Scottish voices and the CMU
// dictionary by bench/pronunciation_sources.cpp (see README, "How English queries are read").
constexpr const char* kVoice = "en-us";

constexpr char32_t kLong = 0x02D0;  // ː

bool is_ignored(char32_t c) {
    return c == 0x02C8 || c == 0x02CC || c == 0x0329 || c == 0x0361 || c == 0x035C || c == '-' || c == '\'' || c == ' ' ||
           c == '_' || c == 0x02CD;
}

// One IPA vowel (with its length mark and any second element of a diphthong) at p[i]: its
// Latin spelling, advancing i. nullptr when p[i] is no vowel.
const char* vowel_at(const std::u32string& p, std::size_t& i) {
    const char32_t c = p[i];
    const char32_t n = i + 1 < p.size() ? p[i + 1] : 0;
    const bool long_mark = n == kLong || n == ':';
    auto take = [&](std::size_t count, const char* latin) {
        i += count;
        return latin;
    };
    auto followed_by = [&](std::size_t after, char32_t symbol) { return i + after < p.size() && p[i + after] == symbol; };
    auto followed_by_r = [&](std::size_t after) {
        std::size_t k = i + after;
        return k < p.size() && (p[k] == U'ɹ' || p[k] == U'r');
    };
    switch (c) {
        case U'a':
            // Before a schwa the diphthong ends in a glide: fire → फायर, tower → टावर.
            if ((n == U'ɪ' || n == U'i') && (followed_by(2, U'ə') || followed_by(2, U'ɚ'))) return take(2, "aay");
            if ((n == U'ʊ' || n == U'u') && (followed_by(2, U'ə') || followed_by(2, U'ɚ'))) return take(2, "aav");
            if (n == U'ɪ' || n == U'i') return take(2, "aai");  // hydroxy → हाइड्रो
            if (n == U'ʊ' || n == U'u') return take(2, "aau");  // down → डाउन
            return long_mark ? take(2, "aa") : take(1, "ae");
        case U'ɔ':
            if (n == U'ɪ') return take(2, "oi");
            return take(long_mark ? 2 : 1, "o");
        case U'o':
            if (n == U'ʊ') return take(2, "o");
            return take(long_mark ? 2 : 1, "o");
        case U'e':
            if (n == U'ɪ') return take(2, "e");
            if (n == U'ə') return take(2, "eyA");
            return take(long_mark ? 2 : 1, "e");
        case U'ɛ':
            if (n == U'ə') return take(2, "eyA");
            return take(long_mark ? 2 : 1, "e");
        case U'ə':
            if (n == U'ʊ') return take(2, "o");  // British "go"
            return take(1, "A");
        case U'ɐ':
        case U'ᵻ':
            return take(1, "A");
        case U'ɚ':
            return take(1, "Ar");
        case U'ɜ':
            // The vowel of nurse, bird, work: always spelt with an r, which Hindi writes (नर्स).
            if (long_mark) return followed_by_r(2) ? take(2, "a") : take(2, "ar");
            return followed_by_r(1) ? take(1, "a") : take(1, "ar");
        case U'ɪ':
            if (n == U'ə') return take(2, "iyA");
            return take(1, "i");
        case U'i':
            return take(long_mark ? 2 : 1, "ii");
        case U'æ':
            // Hindi writes it ऐ (bank → बैंक), ए (ambulance → एंबुलेंस) or आ (plasma → प्लाज्मा): "ae"
            // is as close to each (edit_distance), where the diphthong of hydroxy (आइ) is not.
            return take(1, "ae");
        case U'ɑ':
        case U'ɒ':
            // American ɑː is the vowel of both father and hot. Before r it is आ (card → कार्ड);
            // elsewhere Hindi loanwords write ऑ (doctor → डॉक्टर, lockdown → लॉकडाउन, job → जॉब).
            if (long_mark) return followed_by_r(2) ? take(2, "aa") : take(2, "o");
            return followed_by_r(1) ? take(1, "aa") : take(1, "o");
        case U'ʊ':
            if (n == U'ə') return take(2, "uA");
            return take(1, "u");
        case U'u':
        case U'ʉ':
            return take(long_mark ? 2 : 1, "uu");
        case U'ʌ':
            return take(1, "a");  // update → अपडेट, cut → कट
        default:
            return nullptr;
    }
}

// One IPA consonant at p[i], advancing i; nullptr when p[i] is no consonant Khoj knows.
const char* consonant_at(const std::u32string& p, std::size_t& i) {
    const char32_t c = p[i];
    const char32_t n = i + 1 < p.size() ? p[i + 1] : 0;
    auto take = [&](std::size_t count, const char* latin) {
        i += count;
        return latin;
    };
    switch (c) {
        case U't': return n == U'ʃ' ? take(2, "ch") : take(1, "t");
        case U'd': return n == U'ʒ' ? take(2, "j") : take(1, "d");
        case U'ʃ': return take(1, "sh");
        case U'ʒ': return take(1, "j");   // television → टेलीविजन
        case U'θ': return take(1, "th");  // thriller → थ्रिलर
        case U'ð': return take(1, "d");
        case U'ŋ': return (n == U'k' || n == U'ɡ' || n == U'g') ? take(1, "n") : take(1, "ng");
        case U'ɹ': case U'r': return take(1, "r");
        case U'ɾ': case U'ʔ': return take(1, "t");  // American flap and glottal stop: meeting → मीटिंग
        case U'ɡ': case U'g': return take(1, "g");
        case U'j': case U'ʲ': return take(1, "y");
        case U'w': case U'ʍ': return take(1, "v");
        case U'x': return take(1, "kh");
        case U'z': return take(1, "j");  // ज़, and z and j share a key (romanisation_key)
        case U'ɬ': case U'ɫ': case U'l': return take(1, "l");
        case U'p': return take(1, "p");
        case U'b': return take(1, "b");
        case U'k': return take(1, "k");
        case U'f': return take(1, "f");
        case U'v': return take(1, "v");
        case U's': return take(1, "s");
        case U'h': return take(1, "h");
        case U'm': return take(1, "m");
        case U'n': return take(1, "n");
        default: return nullptr;
    }
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == kReducedVowel; }

// Cost of a letter of either spelling left unmatched.
double indel_cost(std::string_view s, std::size_t k) {
    const char c = s[k];
    // A schwa Hindi does not write (hospital → हॉस्पिटल), except at the end, where it writes आ
    // (data → डेटा, corona → कोरोना).
    if (c == kReducedVowel) return k + 1 == s.size() ? 0.5 : 0.15;
    if (is_vowel(c)) {
        const bool lengthening = (k > 0 && s[k - 1] == c) || (k + 1 < s.size() && s[k + 1] == c);
        // आइ is not ऐ (flight → फ्लाइट, not फ्लैट "flat"): the long a of "aai" is no mere length.
        const std::size_t after = k + 1 < s.size() && s[k + 1] == c ? k + 2 : k + 1;
        if (c == 'a' && lengthening && after < s.size() && (s[after] == 'i' || s[after] == 'u')) return 0.5;
        if (lengthening) return 0.1;
        return c == 'a' ? 0.2 : 0.45;
    }
    if (c == 'h') return k > 0 && !is_vowel(s[k - 1]) ? 0.15 : 0.6;
    if (c == 'y') return 0.3;  // the glide of new / न्यू, student / स्टूडेंट
    if (c == 'n') return 0.5;  // anusvara written or not
    if (c == 'r') return 0.6;  // r after a vowel: American and British English disagree
    return 1.0;
}

double substitution_cost(char a, char b) {
    if (a == b) return 0.0;
    if (a == kReducedVowel || b == kReducedVowel) return is_vowel(a) && is_vowel(b) ? 0.1 : 1.2;
    if (is_vowel(a) && is_vowel(b)) return 0.3;
    // Glides written as vowels or the other way round: diary → डायरी / डाइरी, tower → टावर / टाउर.
    if ((a == 'y' && b == 'i') || (a == 'i' && b == 'y') || (a == 'v' && b == 'u') || (a == 'u' && b == 'v')) return 0.2;
    if (is_vowel(a) != is_vowel(b)) return 1.2;
    auto pair = [&](char x, char y) { return (a == x && b == y) || (a == y && b == x); };
    if (pair('r', 'd') || pair('n', 'm') || pair('v', 'b') || pair('s', 'j') || pair('t', 'd') || pair('k', 'g')) return 0.6;
    return 1.0;
}

double edit_distance(std::string_view a, std::string_view b) {
    const std::size_t n = a.size(), m = b.size();
    std::vector<double> previous(m + 1, 0), current(m + 1, 0), before(m + 1, 0);
    for (std::size_t j = 1; j <= m; ++j) previous[j] = previous[j - 1] + indel_cost(b, j - 1);
    // The vowel of bank ("ae") is written ए, आ or ऐ; au ~ o: the two spellings of औ.
    auto digraph = [](std::string_view two, char one) {
        return (two == "ae" && (one == 'e' || one == 'a')) || ((two == "au" || two == "ou") && one == 'o');
    };
    auto same_vowel_pair = [](std::string_view x, std::string_view y) { return (x == "ae" && y == "ai") || (x == "ai" && y == "ae"); };
    for (std::size_t i = 1; i <= n; ++i) {
        current[0] = previous[0] + indel_cost(a, i - 1);
        for (std::size_t j = 1; j <= m; ++j) {
            double best = std::min({previous[j] + indel_cost(a, i - 1), current[j - 1] + indel_cost(b, j - 1),
                                    previous[j - 1] + substitution_cost(a[i - 1], b[j - 1])});
            if (i >= 2 && digraph(a.substr(i - 2, 2), b[j - 1])) best = std::min(best, before[j - 1] + 0.15);
            if (j >= 2 && digraph(b.substr(j - 2, 2), a[i - 1])) best = std::min(best, previous[j - 2] + 0.15);
            if (i >= 2 && j >= 2 && same_vowel_pair(a.substr(i - 2, 2), b.substr(j - 2, 2))) best = std::min(best, before[j - 2] + 0.05);
            current[j] = best;
        }
        before.swap(previous);
        previous.swap(current);
    }
    return previous[m];
}

}  // namespace

std::string ipa_to_hindi_latin(std::string_view ipa) {
    std::u32string p;
    for (std::size_t i = 0; i < ipa.size();) {
        const char32_t c = next_code_point(ipa, i);
        if (!is_ignored(c)) p += c;
    }
    std::string out;
    for (std::size_t i = 0; i < p.size();) {
        if (const char* v = vowel_at(p, i)) {
            out += v;
        } else if (const char* c = consonant_at(p, i)) {
            // espeak writes an aspirated or doubled consonant once; Hindi spellings never double it either.
            if (out.empty() || out.back() != *c || std::strlen(c) != 1 || is_vowel(*c)) out += c;
        } else {
            ++i;  // a length mark on its own, or a symbol with no Hindi counterpart
        }
    }
    return out;
}

std::string pronounced_lookup_form(std::string_view pronounced) {
    std::string out(pronounced);
    for (char& c : out) c = c == kReducedVowel ? 'a' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

namespace {

// Vowel length says little about an English word in Devanagari (पुलिस / पुलीस, टीम / टिम): both
// sides are compared with long vowels made short.
std::string short_vowels(std::string_view s) {
    std::string out;
    for (std::size_t k = 0; k < s.size(); ++k) {
        const char c = s[k];
        const bool diphthong = c == 'a' && k + 1 < s.size() && (s[k + 1] == 'i' || s[k + 1] == 'u');  // आइ, आउ keep their long a
        if (!out.empty() && out.back() == c && is_vowel(c) && !diphthong) continue;
        out += c;
    }
    return out;
}

}  // namespace

double pronunciation_distance(std::string_view pronounced, std::string_view devanagari_word) {
    // Only the plain reading: in English loanwords ड is d, never the flap r (हेड is not "her").
    return edit_distance(short_vowels(pronounced), short_vowels(spelling_form(devanagari_to_latin(devanagari_word))));
}

EnglishPronouncer& EnglishPronouncer::instance() {
    static EnglishPronouncer pronouncer;
    return pronouncer;
}

namespace {

std::mutex espeak_mutex;  // espeak-ng keeps one global state per process

// espeak-ng, opened when a word is first pronounced rather than linked: its shared library pulls
// in audio output (PulseAudio, ALSA, X11: some 30 libraries, 2.5 ms at every start) that Khoj
// never uses, and most searches pronounce nothing.
struct Espeak {
    decltype(&espeak_ng_InitializePath) initialize_path = nullptr;
    decltype(&espeak_ng_Initialize) initialize = nullptr;
    decltype(&espeak_ng_ClearErrorContext) clear_error = nullptr;
    decltype(&espeak_ng_SetVoiceByName) set_voice = nullptr;
    decltype(&espeak_TextToPhonemes) text_to_phonemes = nullptr;

    // Opens the library and finds its functions; false when it or one of them is missing.
    bool open() {
        void* library = dlopen("libespeak-ng.so.1", RTLD_NOW | RTLD_LOCAL);
        if (library == nullptr) return false;
        auto find = [&](auto& function, const char* name) {
            function = reinterpret_cast<std::remove_reference_t<decltype(function)>>(dlsym(library, name));
            return function != nullptr;
        };
        return find(initialize_path, "espeak_ng_InitializePath") && find(initialize, "espeak_ng_Initialize") &&
               find(clear_error, "espeak_ng_ClearErrorContext") && find(set_voice, "espeak_ng_SetVoiceByName") &&
               find(text_to_phonemes, "espeak_TextToPhonemes");
    }
};

Espeak espeak;

}  // namespace

bool EnglishPronouncer::start() {
    if (state_ == 0) {
        bool ready = espeak.open();
        if (ready) {
            espeak.initialize_path(nullptr);
            espeak_ng_ERROR_CONTEXT context = nullptr;
            ready = espeak.initialize(&context) == ENS_OK && espeak.set_voice(kVoice) == ENS_OK;
            if (context) espeak.clear_error(&context);
        }
        state_ = ready ? 1 : -1;
    }
    return state_ == 1;
}

std::string EnglishPronouncer::ipa(std::string_view text) {
    std::lock_guard<std::mutex> lock(espeak_mutex);
    if (!start()) return {};
    const std::string input(text);
    const void* position = input.c_str();
    std::string out;
    while (position != nullptr) {
        const char* phonemes = espeak.text_to_phonemes(&position, espeakCHARS_UTF8, espeakPHONEMES_IPA);
        if (phonemes != nullptr) out += phonemes;
    }
    return out;
}

}  // namespace khoj
