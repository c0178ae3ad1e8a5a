/** @file html_dom.cpp @brief libxml2's HTML parser behind a small interface: parsing, names, attributes, visible text. */
#include "common/ingest/html_dom.h"

#include "common/util/unicode_text.h"

#include <climits>
#include <mutex>
#include <unordered_set>

namespace khoj::html {

namespace {

// libxml2 reports some problems through its generic handler even with HTML_PARSE_NOERROR;
// a page's markup errors are not the user's to read (most real pages have hundreds).
void ignore_libxml_message(void*, const char*, ...) {}

// True for the bytes of a white-space code point at @p i of @p text, setting @p length.
bool space_at(std::string_view text, std::size_t i, std::size_t& length) {
    const auto c = static_cast<unsigned char>(text[i]);
    length = 1;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return true;
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {  // no-break space
        length = 2;
        return true;
    }
    if ((c == 0xE2 || c == 0xE3) && i + 2 < text.size()) {
        const auto b1 = static_cast<unsigned char>(text[i + 1]), b2 = static_cast<unsigned char>(text[i + 2]);
        length = 3;
        if (c == 0xE3) return b1 == 0x80 && b2 == 0x80;                     // U+3000
        if (b1 == 0x80) return b2 <= 0x8A || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF;  // U+2000–200A, 2028, 2029, 202F
        if (b1 == 0x81) return b2 == 0x9F;                                  // U+205F
    }
    return false;
}

// Elements that begin a new line of text where they start and end.
bool breaks_text(std::string_view name) {
    static const std::unordered_set<std::string_view> kBreaking = {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table",
        "section", "article", "header", "footer", "blockquote", "pre", "dd", "dt", "dl", "main", "aside", "nav"};
    return kBreaking.count(name) != 0;
}

}  // namespace

Document parse_document(std::string_view utf8) {
    static std::once_flag initialised;
    std::call_once(initialised, [] { xmlInitParser(); });
    xmlSetGenericErrorFunc(nullptr, ignore_libxml_message);
    xmlDoc* doc = nullptr;
    if (!utf8.empty() && utf8.size() < static_cast<std::size_t>(INT_MAX)) {
        htmlParserCtxtPtr context = htmlNewParserCtxt();
        if (context) {
            const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                HTML_PARSE_IGNORE_ENC | HTML_PARSE_NODEFDTD;
            doc = htmlCtxtReadMemory(context, utf8.data(), static_cast<int>(utf8.size()), nullptr, "UTF-8", options);
            htmlFreeParserCtxt(context);
        }
    }
    if (!doc) doc = htmlNewDocNoDtD(nullptr, nullptr);
    return Document(doc);
}

std::string_view name_of(const xmlNode* node) {
    if (!node || node->type != XML_ELEMENT_NODE || !node->name) return {};
    return reinterpret_cast<const char*>(node->name);
}

bool is_element(const xmlNode* node, std::string_view name) { return name_of(node) == name; }

std::string attribute(const xmlNode* node, const char* name) {
    if (!node || node->type != XML_ELEMENT_NODE) return {};
    for (const xmlAttr* a = node->properties; a; a = a->next) {
        if (!a->name || std::string_view(reinterpret_cast<const char*>(a->name)) != name) continue;
        std::string value;
        for (const xmlNode* c = a->children; c; c = c->next) {
            if (c->content) value += reinterpret_cast<const char*>(c->content);
        }
        return value;
    }
    return {};
}

xmlNode* body_of(xmlDoc* doc) {
    xmlNode* root = doc ? xmlDocGetRootElement(doc) : nullptr;
    for (xmlNode* n = root; n; n = next_in_order(n, root)) {
        if (is_element(n, "body")) return n;
    }
    return root;
}

xmlNode* next_in_order(xmlNode* node, const xmlNode* root, bool skip_children) {
    if (!skip_children && node->type == XML_ELEMENT_NODE && node->children) return node->children;
    while (node && node != root) {
        if (node->next) return node->next;
        node = node->parent;
    }
    return nullptr;
}

bool is_invisible_content(std::string_view name) {
    static const std::unordered_set<std::string_view> kInvisible = {"script", "style", "noscript", "template", "title",
                                                                   "svg", "math", "head", "select", "textarea"};
    return kInvisible.count(name) != 0;
}

std::string collapse_spaces(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t length = 1;
        if (space_at(text, i, length)) {
            pending_space = !out.empty();
        } else {
            if (pending_space) out += ' ';
            pending_space = false;
            out.append(text.substr(i, length));
        }
        i += length;
    }
    return out;
}

std::string text_of(const xmlNode* node) {
    if (!node) return {};
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
        return collapse_spaces(node->content ? reinterpret_cast<const char*>(node->content) : "");
    }
    std::string raw;
    auto* start = const_cast<xmlNode*>(node);
    for (xmlNode* n = start->children ? start->children : nullptr; n; n = next_in_order(n, start, is_invisible_content(name_of(n)))) {
        if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content) {
            raw += reinterpret_cast<const char*>(n->content);
        } else if (breaks_text(name_of(n))) {
            raw += ' ';
        }
    }
    return collapse_spaces(raw);
}

std::size_t visible_length(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t length = 1;
        if (space_at(text, i, length)) {
            i += length;
            continue;
        }
        next_code_point(text, i);
        ++count;
    }
    return count;
}

std::string decode_entities(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const std::size_t semicolon = text[i] == '&' ? text.find(';', i) : std::string_view::npos;
        if (semicolon == std::string_view::npos || semicolon - i > 10 || semicolon == i + 1) {
            out += text[i];
            continue;
        }
        const std::string name(text.substr(i + 1, semicolon - i - 1));
        char32_t cp = 0;
        if (name[0] == '#') {
            const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
            const std::string digits = name.substr(hex ? 2 : 1);
            if (!digits.empty() && digits.find_first_not_of(hex ? "0123456789abcdefABCDEF" : "0123456789") == std::string::npos) {
                cp = static_cast<char32_t>(std::stoul(digits, nullptr, hex ? 16 : 10));
            }
        } else if (const htmlEntityDesc* entity = htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str()))) {
            cp = entity->value;
        }
        if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            out += text[i];
            continue;
        }
        append_utf8(out, cp);
        i = semicolon;
    }
    return out;
}

}  // namespace khoj::html
