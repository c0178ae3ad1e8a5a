/** @file english_morphology.h @brief English inflections undone (doctors → doctor, testing → test, women → woman), so an English query word reaches its dictionary headword. */
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace khoj {

/// The forms an English word may be an inflection of, the word itself (lower-cased) first,
/// then the base forms suffix rules and a table of irregular news words give, likeliest first:
/// doctors → {doctors, doctor}, cities → {cities, city}, testing → {testing, test, teste},
/// cancelled → {cancelled, cancel, …}, postponed → {postponed, postpon, postpone}, women → {women, woman}.
/// Rules over-generate on purpose: the caller keeps the forms its dictionary knows.
std::vector<std::string> english_base_forms(std::string_view word);

/// The first base form (not the word itself) that @p known accepts, or "" when none does:
/// english_lemma("doctors", in_dictionary) == "doctor".
std::string english_lemma(std::string_view word, const std::function<bool(std::string_view)>& known);

}  // namespace khoj
