/** @file hindi_normalizer.cpp @brief Hindi orthographic normalisation rules. */
#include "common/text/hindi_normalizer.h"

#include "common/util/unicode_text.h"

#include <unicode/uchar.h>

#include <vector>

namespace khoj {
namespace {

constexpr char32_t kVirama = 0x094D;
constexpr char32_t kNukta = 0x093C;
constexpr char32_t kAnusvara = 0x0902;

bool is_nasal(char32_t cp) {
    return cp == 0x0919 || cp == 0x091E || cp == 0x0923 || cp == 0x0928 || cp == 0x092E;  // ङ ञ ण न म
}

std::u32string decode(std::string_view text) {
    std::u32string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) out += next_code_point(text, i);
    return out;
}

std::string encode(const std::u32string& cps) {
    std::string out;
    out.reserve(cps.size() * 3);
    for (char32_t cp : cps) append_utf8(out, cp);
    return out;
}

}  // namespace

namespace hindi_normalizer {

std::string orthographic(std::string_view word) {
    std::u32string in = decode(word);
    std::u32string out;
    out.reserve(in.size());
    for (std::size_t k = 0; k < in.size(); ++k) {
        char32_t cp = in[k];
        switch (cp) {
            case 0x200C: case 0x200D: case 0x00AD: case 0xFEFF: case 0x200B:
            case kNukta:
                continue;
            case 0x0901:  // chandrabindu
                out += kAnusvara;
                continue;
            case 0x0929: out += 0x0928; continue;  // ऩ → न
            case 0x0931: out += 0x0930; continue;  // ऱ → र
            case 0x0934: out += 0x0933; continue;  // ऴ → ळ
            default: break;
        }
        if (cp >= 0x0958 && cp <= 0x095F) {  // precomposed nukta letters (NFC decomposes them anyway)
            static constexpr char32_t base[] = {0x0915, 0x0916, 0x0917, 0x091C, 0x0921, 0x0922, 0x092B, 0x092F};
            out += base[cp - 0x0958];
            continue;
        }
        if (cp >= 0x0966 && cp <= 0x096F) {
            out += static_cast<char32_t>(U'0' + (cp - 0x0966));
            continue;
        }
        if (is_nasal(cp) && k + 2 < in.size() && in[k + 1] == kVirama) {
            // Skip ZWNJ/ZWJ between the virama and the next consonant when looking ahead.
            std::size_t n = k + 2;
            while (n < in.size() && (in[n] == 0x200C || in[n] == 0x200D)) ++n;
            char32_t next = n < in.size() ? in[n] : 0;
            // Only before a stop (क…भ): that is where Hindi writes the nasal either way
            // (हिन्दी / हिंदी). Before a sibilant or semivowel the conjunct is the spelling
            // (एम्स, अन्य, सम्राट), and a doubled nasal (सम्मान) is not a nasal + stop.
            bool stop = next >= 0x0915 && next <= 0x092D && !is_nasal(next);
            if (stop) {
                out += kAnusvara;
                k = n - 1;
                continue;
            }
        }
        if (cp < 0x0900 || cp > 0x097F) {
            out += static_cast<char32_t>(u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT));
            continue;
        }
        out += cp;
    }
    return encode(out);
}

std::string spelling_variants(std::string_view stem) {
    std::u32string cps = decode(stem);
    for (char32_t& cp : cps) {
        switch (cp) {
            case 0x0940: cp = 0x093F; break;  // ी → ि
            case 0x0942: cp = 0x0941; break;  // ू → ु
            case 0x0908: cp = 0x0907; break;  // ई → इ
            case 0x090A: cp = 0x0909; break;  // ऊ → उ
            case 0x0949: cp = 0x093E; break;  // ॉ → ा
            case 0x0911: cp = 0x0906; break;  // ऑ → आ
            case 0x0945: cp = 0x0947; break;  // ॅ → े
            case 0x090D: cp = 0x090F; break;  // ऍ → ए
            default: break;
        }
    }
    if (!cps.empty() && cps.back() == kVirama) cps.pop_back();
    return encode(cps);
}

char32_t skeleton_letter(char32_t cp) {
    if (cp >= 0x0958 && cp <= 0x095F) {  // precomposed nukta letters: their base
        static constexpr char32_t base[] = {0x0915, 0x0916, 0x0917, 0x091C, 0x0921, 0x0922, 0x092B, 0x092F};
        return base[cp - 0x0958];
    }
    if (cp == 0x0931) return 0x0930;  // ऱ → र
    if (cp == 0x0934) return 0x0933;  // ऴ → ळ
    if (cp >= 0x0904 && cp <= 0x0914) return cp;  // independent vowels
    if (cp >= 0x0915 && cp <= 0x0939 && cp != 0x0929 && !is_nasal(cp)) return cp;  // consonants (ऩ is a nasal too)
    return 0;
}

std::u32string consonant_skeleton(std::string_view text, std::vector<std::size_t>* offsets) {
    std::u32string out;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t here = i;
        if (char32_t letter = skeleton_letter(next_code_point(text, i))) {
            out += letter;
            if (offsets) offsets->push_back(here);
        }
    }
    return out;
}

}  // namespace hindi_normalizer
}  // namespace khoj
