/** @file romanisation.h @brief Devanagari↔Latin matching: transliteration with schwa deletion, phonetic keys, key distance. */
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace khoj {

/// Romanises one Devanagari word the way Hindi speakers type it: inherent vowels are written
/// only where they are pronounced (schwa deletion, right to left, in the V C_C V context and at
/// the end of a word): शिवराज → shivraaj, कमला → kamlaa, समझना → samajhnaa, राम → raam. A final
/// schwa is said after a conjunct ending in य, र, ल, व, ण and in -iya: मित्र → mitra, शुक्ल → shukla,
/// सूर्य → surya, विजयवर्गीय → vijayvargiiya; not after other conjuncts: ट्रस्ट → trast, धर्म → dharm.
std::string devanagari_to_latin(std::string_view word);

/// All plausible romanisations of a word: one, or two when ड/ढ follow the first letter, because
/// papers often drop the nukta of ड़/ढ़ (चंडीगढ / चंडीगढ़) while romanisers write r (Chandigarh).
std::vector<std::string> devanagari_readings(std::string_view word);

/// A readable romanisation of a Devanagari name no list knows, for display (an unknown entity's
/// English name), from its orthographic form (Token::exact): devanagari_to_latin with a doubled a, i or u written once, केनरा → kenra,
/// सू → su, and names their bearers romanise their own way written so: सिंह → singh.
std::string readable_latin(std::string_view word);

/// Phonetic key of a Latin spelling, folding what romanisers disagree on: aspiration
/// (kh/k, sh/s), w/v, z/j, q/k, f/ph, long vowels (aa/a, ee/i, oo/u), diphthongs
/// (ai/e, au/ou/o), doubled letters, a final a (Kerala / केरल), English c (vaccine → vaksine).
/// Shoigu and शोइगु (shoigu) and सोइगु (soigu) all give "soigu".
std::string romanisation_key(std::string_view latin);

/// The Latin folding spelling_form() and romanisation_key() share: the English spellings of one
/// sound, tried at @p latin[k] (lower-case letters): c → k, or s before e/i/y; ck → k; cc before
/// e/i/y → ks (vaccine); the first c of cch goes (acchha); ch stays ch; ph → f; ee → ii; oo → uu;
/// x → ks; qu → kv; q → k; z → j; w → v. Appends the folded letters to @p out and returns how many
/// letters of @p latin they replace, 0 when no rule starts at @p k.
std::size_t fold_latin_letters(std::string_view latin, std::size_t k, std::string& out);

/// romanisation_key(devanagari_to_latin(word)).
std::string romanisation_key_of_devanagari(std::string_view word);

/// The lookup keys of a Devanagari word: the consonant skeletons of all its readings.
std::vector<std::string> lookup_keys_of_devanagari(std::string_view word);

/// A lightly normalised spelling for measuring closeness: English orthography is undone
/// (c → k/s, w → v, ph → f, ee → ii, doubled consonants) but aspiration (sh/s) and vowel
/// length (aa/a) are kept, so शाह is closer to "Shah" than सह is.
std::string spelling_form(std::string_view latin);

/// How far what a user typed in Latin is from a Devanagari word (minimum over its readings).
double spelling_distance(std::string_view typed_latin, std::string_view devanagari_word);

/// The consonant skeleton of a key: the candidate-lookup key stored in the index's synonym
/// table. Vowels carry most of the spelling disagreement (Meerut / मेरठ, Ahmedabad / अहमदाबाद),
/// so only the consonants, and whether the word starts with a vowel, are kept: "@hmdbd".
std::string consonant_skeleton(std::string_view key);

/// Weighted edit distance between two spelling forms: schwa, aspiration and vowel edits are
/// cheap, consonant edits dear.
double key_distance(std::string_view a, std::string_view b);

/// Devanagari spellings of an acronym read letter by letter, as Hindi papers write them:
/// WHO → डब्ल्यूएचओ, ICMR → आईसीएमआर, PPE → पीपीई. Empty for words over 6 letters.
std::string letter_names(std::string_view latin);

/// The Latin capitals a Devanagari word spells when it is made only of the names of Latin letters
/// as Hindi papers write them, the inverse of letter_names(): वीके → "VK", एनआरके → "NRK", आर → "R";
/// empty for any other word (राम, सीमा) and past 6 letters. Initials in names are written so (वीके सिंह).
std::string letters_of_letter_names(std::string_view word);

/// True when @p word is made of ASCII letters only.
bool is_ascii_word(std::string_view word);

/// True when a typed Latin word is probably an acronym, read letter by letter (WHO →
/// डब्ल्यूएचओ): 2 to 6 letters (as letter_names() takes), typed in capitals or too short of
/// vowels to be read as a word (icmr, ppe, rbi).
bool looks_like_acronym(std::string_view typed);

}  // namespace khoj
