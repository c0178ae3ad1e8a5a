/** @file html_dom.h @brief A parsed HTML page (libxml2's HTML parser) and the small tree helpers the extraction uses; internal to ingest/html_*. */
#pragma once
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace khoj::html {

struct DocumentFree {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
/// A parsed page; freed with its tree.
using Document = std::unique_ptr<xmlDoc, DocumentFree>;

/// Parses UTF-8 HTML with libxml2's recovering HTML parser: no network, no error output, and
/// the page's own charset declaration ignored (the bytes were decoded already). Never null.
Document parse_document(std::string_view utf8);

/// The element's name as the HTML parser gives it (lower-case), or "" for a non-element.
std::string_view name_of(const xmlNode* node);

/// True when @p node is an element named @p name.
bool is_element(const xmlNode* node, std::string_view name);

/// The value of attribute @p name of an element ("" when absent).
std::string attribute(const xmlNode* node, const char* name);

/// The <body> of a page, else its root element, else null.
xmlNode* body_of(xmlDoc* doc);

/// The node after @p node in document order, not entering @p node's children when
/// @p skip_children; null after the last node below @p root.
xmlNode* next_in_order(xmlNode* node, const xmlNode* root, bool skip_children = false);

/// True for elements whose content is never text a reader sees (script, style, template …).
bool is_invisible_content(std::string_view name);

/// @p text with every run of white space (also no-break spaces and line separators) made one
/// space, and none at either end.
std::string collapse_spaces(std::string_view text);

/// The text of @p node and its descendants as a reader sees it (no script or style), spaces collapsed.
std::string text_of(const xmlNode* node);

/// Number of code points in @p text that are not white space: the length measure of the
/// extraction, the same for Devanagari and Latin text.
std::size_t visible_length(std::string_view text);

/// @p text with HTML character references decoded (`&amp;`, `&quot;`, `&#2361;`, `&#x939;` …),
/// for metadata that some sites escape twice.
std::string decode_entities(std::string_view text);

}  // namespace khoj::html
