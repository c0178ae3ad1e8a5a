/** @file romanisation.cpp @brief Transliteration, phonetic keys and key distance for cross-script search. */
#include "common/text/romanisation.h"

#include "common/util/unicode_text.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <utility>
#include <vector>

namespace khoj {
namespace {

const char* consonant_latin(char32_t cp) {
    switch (cp) {
        case 0x0915: return "k";  case 0x0916: return "kh"; case 0x0917: return "g";  case 0x0918: return "gh";
        case 0x0919: return "n";  case 0x091A: return "ch"; case 0x091B: return "chh"; case 0x091C: return "j";
        case 0x091D: return "jh"; case 0x091E: return "n";  case 0x091F: return "t";  case 0x0920: return "th";
        case 0x0921: return "d";  case 0x0922: return "dh"; case 0x0923: return "n";  case 0x0924: return "t";
        case 0x0925: return "th"; case 0x0926: return "d";  case 0x0927: return "dh"; case 0x0928: return "n";
        case 0x0929: return "n";  case 0x092A: return "p";  case 0x092B: return "ph"; case 0x092C: return "b";
        case 0x092D: return "bh"; case 0x092E: return "m";  case 0x092F: return "y";  case 0x0930: return "r";
        case 0x0931: return "r";  case 0x0932: return "l";  case 0x0933: return "l";  case 0x0934: return "l";
        case 0x0935: return "v";  case 0x0936: return "sh"; case 0x0937: return "sh"; case 0x0938: return "s";
        case 0x0939: return "h";
        case 0x0958: return "q";  case 0x0959: return "kh"; case 0x095A: return "g";  case 0x095B: return "z";
        case 0x095C: return "r";  case 0x095D: return "rh"; case 0x095E: return "f";  case 0x095F: return "y";
        default: return nullptr;
    }
}

const char* independent_vowel_latin(char32_t cp) {
    switch (cp) {
        case 0x0905: return "a";  case 0x0906: return "aa"; case 0x0907: return "i";  case 0x0908: return "ii";
        case 0x0909: return "u";  case 0x090A: return "uu"; case 0x090B: return "ri"; case 0x090D: return "e";
        case 0x090E: return "e";  case 0x090F: return "e";  case 0x0910: return "ai"; case 0x0911: return "o";
        case 0x0912: return "o";  case 0x0913: return "o";  case 0x0914: return "au"; case 0x0960: return "ri";
        default: return nullptr;
    }
}

const char* vowel_sign_latin(char32_t cp) {
    switch (cp) {
        case 0x093E: return "aa"; case 0x093F: return "i";  case 0x0940: return "ii"; case 0x0941: return "u";
        case 0x0942: return "uu"; case 0x0943: return "ri"; case 0x0944: return "ri"; case 0x0945: return "e";
        case 0x0946: return "e";  case 0x0947: return "e";  case 0x0948: return "ai"; case 0x0949: return "o";
        case 0x094A: return "o";  case 0x094B: return "o";  case 0x094C: return "au";
        default: return nullptr;
    }
}

// One written unit of a Devanagari word: a consonant with the vowel sounded after it, or an
// independent vowel (or a Latin letter or digit written inside the word).
struct Unit {
    bool consonant = false;
    std::string letters;  // consonant or independent vowel
    std::string vowel;    // vowel sounded after a consonant ("a" = inherent)
    bool inherent = false;
    bool virama = false;
    std::string coda;     // anusvara / visarga sounded after the unit
    char32_t consonant_letter = 0;  // the Devanagari consonant written (ण and न are both "n")
};

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

Unit consonant_unit(std::string letters) {
    Unit u;
    u.consonant = true;
    u.letters = std::move(letters);
    u.vowel = "a";
    u.inherent = true;
    return u;
}

void silence_vowel(Unit& u) {
    u.vowel.clear();
    u.inherent = false;
    u.virama = true;
}

// A virama at word[i - 1] silences the consonant before it. ज्ञ is said (and romanised) gya in
// Hindi: अज्ञात → agyaat, ज्ञान → gyaan; then @p i moves past the ञ.
void add_virama(std::vector<Unit>& units, std::string_view word, std::size_t& i) {
    if (!units.empty() && units.back().letters == "j" && i < word.size()) {
        std::size_t probe = i;
        if (next_code_point(word, probe) == 0x091E) {
            units.back().letters = "g";
            silence_vowel(units.back());
            units.push_back(consonant_unit("y"));
            i = probe;
            return;
        }
    }
    if (!units.empty() && units.back().consonant) silence_vowel(units.back());
}

// Nukta: क़ ख़ ग़ ज़ ड़ ढ़ फ़ sound as q kh g z r rh f.
void add_nukta(std::vector<Unit>& units) {
    if (units.empty() || !units.back().consonant) return;
    std::string& l = units.back().letters;
    if (l == "k") l = "q";
    else if (l == "j") l = "z";
    else if (l == "ph") l = "f";
    else if (l == "d") l = "r";
    else if (l == "dh") l = "rh";
}

void add_vowel_sign(std::vector<Unit>& units, const char* sign) {
    if (!units.empty() && units.back().consonant) {
        units.back().vowel = sign;
        units.back().inherent = false;
    } else {  // a vowel sign with no consonant to carry it: written as an independent vowel
        Unit u;
        u.letters = sign;
        units.push_back(u);
    }
}

// The units of a Devanagari word, every consonant still carrying its inherent vowel. With
// @p flap_as_r, ड/ढ after the first letter are read ड़/ढ़ (r/rh): see devanagari_readings().
std::vector<Unit> units_of(std::string_view word, bool flap_as_r) {
    std::vector<Unit> units;
    for (std::size_t i = 0; i < word.size();) {
        char32_t cp = next_code_point(word, i);
        if (const char* c = consonant_latin(cp)) {
            const bool flap = flap_as_r && !units.empty() && (cp == 0x0921 || cp == 0x0922);
            units.push_back(consonant_unit(flap ? (cp == 0x0921 ? "r" : "rh") : c));
            units.back().consonant_letter = cp;
        } else if (const char* v = independent_vowel_latin(cp)) {
            Unit u;
            u.letters = v;
            units.push_back(u);
        } else if (const char* sign = vowel_sign_latin(cp)) {
            add_vowel_sign(units, sign);
        } else if (cp == 0x094D) {
            add_virama(units, word, i);
        } else if (cp == 0x0902 || cp == 0x0901) {  // anusvara, chandrabindu
            if (!units.empty()) units.back().coda += "n";
        } else if (cp == 0x0903) {  // visarga
            if (!units.empty()) units.back().coda += "h";
        } else if (cp == 0x093C) {
            add_nukta(units);
        } else if (cp < 0x80 && std::isalnum(static_cast<int>(cp))) {
            Unit u;
            u.letters = std::string(1, static_cast<char>(std::tolower(static_cast<int>(cp))));
            units.push_back(u);
        }
    }
    return units;
}

// Whether Hindi says the inherent vowel of a word's last consonant. It does after a conjunct that
// ends in य, र, ल, व or ण, which do not close a syllable after another consonant (मित्र → mitra, मिश्र →
// mishra, शुक्ल → shukla, सूर्य → surya, विश्व → vishva, कृष्ण → krishna), and in the -iya of adjectives and names
// (भारतीय → bhaartiiya, विजयवर्गीय → vijayvargiiya, क्षत्रिय → kshatriya). It does not after a plain
// consonant (राम → raam, कमल → kamal, समय → samay) nor after other conjuncts, most of them in
// loanwords and tatsama words said with a final cluster (ट्रस्ट → trast, बोर्ड → bord, धर्म → dharm).
bool final_schwa_sounded(const std::vector<Unit>& units) {
    const std::size_t n = units.size();
    const Unit& last = units[n - 1];
    const Unit& before = units[n - 2];
    // ण is the only n of its own letter; न after a consonant is said both ways (प्रश्न, रत्न) and is left silent.
    const bool sounded_after_cluster = last.letters == "y" || last.letters == "r" || last.letters == "l" ||
                                       last.letters == "v" || (last.letters == "n" && last.consonant_letter == 0x0923);
    if (before.virama) return sounded_after_cluster;
    const bool after_i = before.consonant ? (before.vowel == "i" || before.vowel == "ii")
                                          : (before.letters == "i" || before.letters == "ii");
    return last.letters == "y" && after_i && before.coda.empty();
}

// Schwa deletion: drops the inherent vowels Hindi does not pronounce.
void delete_schwas(std::vector<Unit>& units) {
    const std::size_t n = units.size();
    auto sounds_vowel = [&](std::size_t k) {
        const Unit& u = units[k];
        return u.consonant ? !u.vowel.empty() : true;
    };
    if (n > 1 && units[n - 1].inherent && units[n - 1].coda.empty() && !final_schwa_sounded(units))
        units[n - 1].vowel.clear();
    // Medial schwa, right to left: V C [a] C V → V C C V.
    for (std::size_t k = n >= 2 ? n - 2 : 0; k >= 1 && k < n; --k) {
        Unit& u = units[k];
        if (!u.inherent || !u.coda.empty()) continue;
        if (!sounds_vowel(k - 1) || units[k - 1].virama) continue;
        const Unit& next = units[k + 1];
        if (!next.consonant || next.vowel.empty()) continue;
        u.vowel.clear();
    }
}

// The Latin spelling of the units.
std::string render(const std::vector<Unit>& units) {
    std::string out;
    for (std::size_t k = 0; k < units.size(); ++k) {
        const Unit& u = units[k];
        std::string coda = u.coda;
        // Anusvara is said m before a labial: चंपारण → champaaran, संबंध → sambandh.
        if (coda == "n" && k + 1 < units.size() && units[k + 1].consonant && std::strchr("pbm", units[k + 1].letters[0]))
            coda = "m";
        out += u.letters + u.vowel + coda;
    }
    return out;
}

std::string romanise(std::string_view word, bool flap_as_r) {
    std::vector<Unit> units = units_of(word, flap_as_r);
    delete_schwas(units);
    return render(units);
}

// The ASCII letters of @p latin, lower-cased: what both folds below read.
std::string lower_letters(std::string_view latin) {
    std::string s;
    for (char c : latin) {
        if (std::isalpha(static_cast<unsigned char>(c))) s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return s;
}

char letter_at(std::string_view s, std::size_t k) { return k < s.size() ? s[k] : '\0'; }

bool softens_c(char c) { return c == 'e' || c == 'i' || c == 'y'; }

// The Latin letter groups romanisers write for one sound, folded to one spelling (how English
// spelling writes Hindi sounds: quarantine / क्वारंटाइन, zila / जिला, Meerut / मेरठ).
struct LatinFold {
    std::string_view letters, folded;
};
constexpr LatinFold kLatinFolds[] = {
    {"ph", "f"}, {"ee", "ii"}, {"oo", "uu"}, {"x", "ks"}, {"qu", "kv"}, {"q", "k"}, {"z", "j"}, {"w", "v"},
};

}  // namespace

std::size_t fold_latin_letters(std::string_view s, std::size_t k, std::string& out) {
    const char c = s[k], n1 = letter_at(s, k + 1), n2 = letter_at(s, k + 2);
    if (c == 'c') {
        if (n1 == 'c' && n2 == 'h') return 1;  // acchha: the doubled ch of अच्छा
        if (n1 == 'h') { out += "ch"; return 2; }
        if (n1 == 'k') { out += 'k'; return 2; }
        if (n1 == 'c' && softens_c(n2)) { out += "ks"; return 2; }  // vaccine
        out += softens_c(n1) ? 's' : 'k';                            // English c: s before e/i/y, else k
        return 1;
    }
    for (const LatinFold& fold : kLatinFolds) {
        if (s.substr(k, fold.letters.size()) == fold.letters) {
            out += fold.folded;
            return fold.letters.size();
        }
    }
    return 0;
}

std::string devanagari_to_latin(std::string_view word) { return romanise(word, false); }

std::vector<std::string> devanagari_readings(std::string_view word) {
    std::vector<std::string> readings{romanise(word, false)};
    std::string flap = romanise(word, true);
    if (flap != readings.front()) readings.push_back(flap);
    return readings;
}

namespace {

// Names their bearers romanise their own way rather than letter by letter: सिंह is written Singh,
// not Sinh, by nearly everyone called so (the commonest surname of Hindi news).
struct CustomaryRomanisation {
    std::string_view devanagari, latin;
};
constexpr CustomaryRomanisation kCustomaryRomanisations[] = {{"सिंह", "singh"}};

}  // namespace

std::string readable_latin(std::string_view word) {
    for (const CustomaryRomanisation& name : kCustomaryRomanisations)
        if (word == name.devanagari) return std::string(name.latin);
    std::string out;
    for (char c : devanagari_to_latin(word)) {
        if (!out.empty() && out.back() == c && (c == 'a' || c == 'i' || c == 'u')) continue;
        out += c;
    }
    return out;
}

std::vector<std::string> lookup_keys_of_devanagari(std::string_view word) {
    std::vector<std::string> keys;
    for (const auto& reading : devanagari_readings(word)) {
        std::string key = consonant_skeleton(romanisation_key(reading));
        if (!key.empty() && std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
    }
    return keys;
}

std::string spelling_form(std::string_view latin) {
    const std::string s = lower_letters(latin);
    std::string out;
    for (std::size_t k = 0; k < s.size();) {
        const char c = s[k], n1 = letter_at(s, k + 1);
        // English ow / aw before a consonant or at the end is a vowel: Lucknow / लखनऊ.
        if (c == 'w' && k > 0 && (s[k - 1] == 'o' || s[k - 1] == 'a') && (n1 == '\0' || !is_vowel(n1))) {
            out += 'u';
            ++k;
        } else if (c == 'y' && k + 1 == s.size() && k > 0) {
            out += 'i';
            ++k;
        } else if (std::size_t folded = fold_latin_letters(s, k, out)) {
            k += folded;
        } else {
            out += c;
            ++k;
        }
    }
    // Doubled consonants and digraphs (kk, chch, ssh): gemination is written inconsistently
    // (Agarwal / अग्रवाल, accha / अच्छा).
    std::string folded;
    for (std::size_t k = 0; k < out.size(); ++k) {
        char c = out[k];
        if (is_vowel(c)) {
            folded += c;
            continue;
        }
        bool digraph = k + 1 < out.size() && out[k + 1] == 'h' && c != 'h';
        std::string unit = digraph ? out.substr(k, 2) : std::string(1, c);
        // Drop the unaspirated half of a geminate (chchh → chh, kkh → kh) and plain doubles.
        std::size_t next = k + unit.size();
        bool doubled = out.compare(next, unit.size(), unit) == 0 ||
                       (!digraph && next + 1 < out.size() && out[next] == c && out[next + 1] == 'h');
        if (!doubled) folded += unit;
        k = next - 1;
    }
    return folded;
}

double spelling_distance(std::string_view typed_latin, std::string_view devanagari_word) {
    const std::string typed = spelling_form(typed_latin);
    double best = 1e9;
    for (const auto& reading : devanagari_readings(devanagari_word)) best = std::min(best, key_distance(typed, spelling_form(reading)));
    return best;
}

namespace {

// The folds romanisation_key() adds to fold_latin_letters() at s[k], the differences of Hindi
// romanisation rather than of English spelling: aspiration, diphthongs, y as a vowel, m before a
// labial. Appends to @p out and returns how many letters were folded, 0 when none.
std::size_t fold_key_letters(std::string_view s, std::size_t k, std::string& out) {
    const char c = s[k], n1 = letter_at(s, k + 1), n2 = letter_at(s, k + 2);
    const auto fold = [&](char to, std::size_t letters) {
        out += to;
        return letters;
    };
    if (s.substr(k, 3) == "chh") return fold('c', 3);
    if (s.substr(k, 2) == "ch") return fold('c', 2);
    if (n1 == 'h' && (c == 'k' || c == 'g' || c == 'j' || c == 't' || c == 'd' || c == 'b' || c == 'r'))
        return fold(c, 2);  // aspiration: kh → k, dh → d
    if (c == 's' && n1 == 'h') return fold('s', 2);
    const bool before_vowel = is_vowel(n2) || n2 == 'y';
    if ((c == 'a' && n1 == 'i') || (c == 'e' && n1 == 'i') || ((c == 'a' || c == 'e') && n1 == 'y' && !before_vowel))
        return fold('e', 2);
    if ((c == 'a' || c == 'o') && n1 == 'u') return fold('o', 2);
    if ((c == 'a' || c == 'o') && n1 == 'w' && !before_vowel) return fold('o', 2);
    if (c == 'y' && (k + 1 == s.size() || (!is_vowel(n1) && k > 0 && !is_vowel(s[k - 1])))) return fold('i', 1);
    if (c == 'm' && (n1 == 'p' || n1 == 'b')) return fold('n', 1);
    return 0;
}

}  // namespace

std::string romanisation_key(std::string_view latin) {
    const std::string s = lower_letters(latin);
    std::string out;
    for (std::size_t k = 0; k < s.size();) {
        if (std::size_t folded = fold_key_letters(s, k, out)) k += folded;
        else if (std::size_t english = fold_latin_letters(s, k, out)) k += english;
        else out += s[k++];
    }
    // Doubled letters (aa, ii, uu, tt, nn …) carry length or gemination that romanisers ignore.
    out.erase(std::unique(out.begin(), out.end()), out.end());
    if (out.size() > 2 && out.back() == 'a') out.pop_back();
    // A word-final y after a vowel is the glide of -iya / -iy (antarrashtriya / अंतरराष्ट्रीय).
    if (out.size() > 2 && out.back() == 'y' && is_vowel(out[out.size() - 2])) out.pop_back();
    return out;
}

std::string romanisation_key_of_devanagari(std::string_view word) { return romanisation_key(devanagari_to_latin(word)); }

std::string consonant_skeleton(std::string_view key) {
    std::string out;
    for (std::size_t k = 0; k < key.size(); ++k) {
        char c = key[k];
        if (is_vowel(c)) {
            if (k == 0) out += '@';
            continue;
        }
        // y is a glide that romanisers write or omit (trial / ट्रायल, arthvyvastha / अर्थव्यवस्था).
        if (c == 'y' && k > 0) continue;
        out += c;
    }
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

namespace {

// Cost of inserting or deleting s[k]; context matters: a vowel next to the same vowel is only
// a change of length (ii / i), an h after a consonant only aspiration (kh / k, sh / s).
double indel_cost(std::string_view s, std::size_t k) {
    char c = s[k];
    if (is_vowel(c)) {
        bool lengthening = (k > 0 && s[k - 1] == c) || (k + 1 < s.size() && s[k + 1] == c);
        if (lengthening) return 0.1;
        return c == 'a' ? 0.2 : 0.45;  // a: the schwa that romanisers write or drop
    }
    if (c == 'h') return k > 0 && !is_vowel(s[k - 1]) ? 0.15 : 0.6;
    if (c == 'y') return 0.45;
    if (c == 'n') return 0.5;  // anusvara written or not
    return 1.0;
}

double substitution_cost(char a, char b) {
    if (a == b) return 0.0;
    if (is_vowel(a) && is_vowel(b)) return 0.4;
    if (is_vowel(a) != is_vowel(b)) return 1.2;
    auto pair = [&](char x, char y) { return (a == x && b == y) || (a == y && b == x); };
    if (pair('r', 'd') || pair('n', 'm') || pair('v', 'b') || pair('s', 'j') || pair('t', 'd') || pair('k', 'g'))
        return 0.6;
    return 1.0;
}

}  // namespace

double key_distance(std::string_view a, std::string_view b) {
    // Weighted Levenshtein, plus cheap two-letter-for-one substitutions for the vowel spellings
    // English and Hindi romanisers disagree on (AIIMS / एम्स: ai ~ e, Chouhan / चौहान: ou ~ au).
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::vector<double>> d(n + 1, std::vector<double>(m + 1, 0));
    for (std::size_t j = 1; j <= m; ++j) d[0][j] = d[0][j - 1] + indel_cost(b, j - 1);
    auto digraph_cost = [](std::string_view two, char one) {
        if ((two == "ai" || two == "ei" || two == "ay") && one == 'e') return 0.15;
        if ((two == "au" || two == "ou" || two == "ow") && one == 'o') return 0.15;
        return -1.0;
    };
    for (std::size_t i = 1; i <= n; ++i) {
        d[i][0] = d[i - 1][0] + indel_cost(a, i - 1);
        for (std::size_t j = 1; j <= m; ++j) {
            double best = std::min({d[i - 1][j] + indel_cost(a, i - 1), d[i][j - 1] + indel_cost(b, j - 1),
                                    d[i - 1][j - 1] + substitution_cost(a[i - 1], b[j - 1])});
            if (i >= 2) {
                double c = digraph_cost(a.substr(i - 2, 2), b[j - 1]);
                if (c >= 0) best = std::min(best, d[i - 2][j - 1] + c);
            }
            if (j >= 2) {
                double c = digraph_cost(b.substr(j - 2, 2), a[i - 1]);
                if (c >= 0) best = std::min(best, d[i - 1][j - 2] + c);
            }
            if (i >= 2 && j >= 2 && a.substr(i - 2, 2) != b.substr(j - 2, 2)) {
                // au ~ ou: both diphthongs for औ
                std::string_view x = a.substr(i - 2, 2), y = b.substr(j - 2, 2);
                if ((x == "au" && y == "ou") || (x == "ou" && y == "au")) best = std::min(best, d[i - 2][j - 2] + 0.1);
            }
            d[i][j] = best;
        }
    }
    return d[n][m];
}

bool is_ascii_word(std::string_view word) {
    return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
        return std::isalpha(static_cast<unsigned char>(c)) != 0;
    });
}

namespace {

// The Latin letters as Hindi papers write their names, A to Z.
constexpr std::string_view kLetterNames[26] = {"ए", "बी", "सी", "डी", "ई", "एफ", "जी", "एच", "आई", "जे", "के", "एल", "एम",
                                               "एन", "ओ", "पी", "क्यू", "आर", "एस", "टी", "यू", "वी", "डब्ल्यू", "एक्स", "वाई", "जेड"};
// Other spellings of a letter's name, as orthographic forms: डब्लू and डबल्यू for W.
struct LetterNameVariant {
    std::string_view name;
    char letter;
};
constexpr LetterNameVariant kLetterNameVariants[] = {{"डब्लू", 'W'}, {"डबल्यू", 'W'}};

// Every spelling of a letter's name with its letter, longest first.
const std::vector<std::pair<std::string_view, char>>& letter_name_spellings() {
    static const std::vector<std::pair<std::string_view, char>> names = [] {
        std::vector<std::pair<std::string_view, char>> all;
        for (std::size_t k = 0; k < 26; ++k) all.emplace_back(kLetterNames[k], static_cast<char>('A' + k));
        for (const LetterNameVariant& v : kLetterNameVariants) all.emplace_back(v.name, v.letter);
        std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
        return all;
    }();
    return names;
}

// The capitals spelt by word[from...] when it is all letter names, tried longest name first at
// each point (एनआरके: एन आर के), with backtracking; false when some part is no letter name.
bool spell_letter_names(std::string_view word, std::size_t from, std::string& letters) {
    if (from == word.size()) return true;
    for (const auto& [name, letter] : letter_name_spellings()) {
        if (word.substr(from, name.size()) != name) continue;
        letters += letter;
        if (spell_letter_names(word, from + name.size(), letters)) return true;
        letters.pop_back();
    }
    return false;
}

}  // namespace

std::string letter_names(std::string_view latin) {
    if (latin.size() < 2 || latin.size() > 6 || !is_ascii_word(latin)) return {};
    std::string out;
    for (char c : latin) out += kLetterNames[std::tolower(static_cast<unsigned char>(c)) - 'a'];
    return out;
}

std::string letters_of_letter_names(std::string_view word) {
    std::string letters;
    if (word.empty() || !spell_letter_names(word, 0, letters) || letters.size() > 6) return {};
    return letters;
}

bool looks_like_acronym(std::string_view typed) {
    if (typed.size() < 2 || typed.size() > 6) return false;
    const bool upper = std::all_of(typed.begin(), typed.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
    const auto vowels = std::count_if(typed.begin(), typed.end(), [](char c) { return std::strchr("aeiouAEIOU", c) != nullptr; });
    return upper || (vowels <= 1 && typed.size() >= 3);
}

}  // namespace khoj
