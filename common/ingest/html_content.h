/** @file html_content.h @brief Main-content extraction of a parsed page: the article's paragraphs without the page's chrome; internal to ingest/html_*. */
#pragma once
#include "common/ingest/html_dom.h"

#include <string>
#include <vector>

namespace khoj::html {

/// The paragraphs of a page's main content, in reading order. In the spirit of readability:
/// runs of text are scored by length, commas and dandas and credited to their ancestors; the
/// best ancestor, discounted by its share of link text, is the article, joined by the sibling
/// blocks that score nearly as well. Scripts, navigation, ads, related links, comments, share
/// buttons, bylines and captions are left out by tag, role, class or id and by link density.
std::vector<std::string> main_content(xmlNode* body);

}  // namespace khoj::html
