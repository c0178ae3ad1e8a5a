/** @file html_content.cpp @brief Readability-style main-content extraction: text runs, ancestor scores, link density, siblings, edge chrome. */
#include "common/ingest/html_content.h"

#include "common/util/string_util.h"
#include "common/util/unicode_text.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <unordered_map>
#include <unordered_set>

namespace khoj::html {

namespace {

// A run shorter than this (visible code points) is not prose and scores nothing; readability's 25
// characters with spaces are about 20 without.
constexpr std::size_t kMinScoredLength = 20;
// A block whose text is more than this share link text is a list of links (related stories, tags).
constexpr double kMaxBlockLinkDensity = 0.5;
// A block at least this long with little link text is prose: "good" in jusText's terms. Short
// blocks before the first good one or after the last (share labels, datelines, "Advertisement")
// are chrome; short ones between good blocks are subheadings and formulas, and stay.
constexpr std::size_t kGoodBlockLength = 60;
// Deeper markup is not walked: no real page nests this deep, and a hostile one must not
// exhaust the stack.
constexpr int kMaxDepth = 400;

// Elements never part of an article's text: code, media, form controls, page furniture.
bool is_dropped_tag(std::string_view name) {
    static const std::unordered_set<std::string_view> kDropped = {
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "video",
        "audio", "picture", "img", "source", "button", "input", "select", "option", "textarea", "label", "nav",
        "aside", "footer", "header", "menu", "figure", "figcaption", "dialog", "head", "title", "link", "meta", "form"};
    // AMP's components (amp-ad, amp-social-share, amp-sidebar, amp-img …) are embeds, not text.
    return kDropped.count(name) != 0 || name.rfind("amp-", 0) == 0;
}

// Elements whose start and end break a run of text.
bool is_block_tag(std::string_view name) {
    static const std::unordered_set<std::string_view> kBlock = {
        "address", "article", "blockquote", "body", "center", "dd", "details", "dir", "div", "dl", "dt", "fieldset",
        "h1", "h2", "h3", "h4", "h5", "h6", "hgroup", "hr", "html", "legend", "li", "main", "ol", "p", "pre",
        "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "ul"};
    // A custom element (a name with a hyphen) is a site's layout component more often than not.
    return kBlock.count(name) != 0 || name.find('-') != std::string_view::npos;
}

bool is_heading(std::string_view name) {
    return name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6';
}

// Words in a class or id that name page chrome rather than the article (matched as substrings).
constexpr std::array<std::string_view, 36> kChromeWords = {
    "comment", "disqus", "share", "sharing", "social", "related", "recommend", "breadcrumb", "advert", "sponsor",
    "outbrain", "taboola", "newsletter", "subscri", "cookie", "consent", "popup", "alsoread", "also-read",
    "readmore", "read-more", "trending", "mostread", "most-read", "popular", "more-stories", "header", "footer",
    "sidebar", "masthead", "navbar", "navigation", "byline", "caption", "pagination", "login"};
// Chrome words too short to match inside other words: matched as whole tokens of a class or id.
constexpr std::array<std::string_view, 10> kChromeTokens = {"ad", "ads", "advt", "nav", "menu", "tags", "tag", "author", "print", "widget"};
// Words that name the article itself; an element with one needs less text to be kept despite a chrome word.
constexpr std::array<std::string_view, 8> kArticleWords = {"article", "story", "content", "entry", "main", "post", "text", "body"};
// Readability's class weights: words that make an element likelier or unlikelier to be the article.
constexpr std::array<std::string_view, 21> kNegativeWeightWords = {
    "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "foot", "masthead", "media", "meta",
    "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "sponsor", "tags", "widget"};
constexpr std::array<std::string_view, 11> kPositiveWeightWords = {
    "article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog", "story"};

template <std::size_t N>
bool contains_any(std::string_view text, const std::array<std::string_view, N>& words) {
    return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return text.find(w) != std::string_view::npos; });
}

template <std::size_t N>
bool has_token(std::string_view text, const std::array<std::string_view, N>& tokens) {
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        const bool alnum = i < text.size() && ((text[i] >= 'a' && text[i] <= 'z') || (text[i] >= '0' && text[i] <= '9'));
        if (alnum) continue;
        const std::string_view token = text.substr(start, i - start);
        if (std::find(tokens.begin(), tokens.end(), token) != tokens.end()) return true;
        start = i + 1;
    }
    return false;
}

// The lower-cased class and id of an element, space separated.
std::string class_and_id(const xmlNode* element) {
    return lower_ascii(attribute(element, "class") + " " + attribute(element, "id"));
}

// True when the element is hidden from readers (hidden, aria-hidden, display:none) or has a
// role that is page furniture.
bool is_hidden_or_furniture(const xmlNode* element) {
    if (xmlHasProp(element, reinterpret_cast<const xmlChar*>("hidden"))) return true;
    if (lower_ascii(attribute(element, "aria-hidden")) == "true") return true;
    std::string style = lower_ascii(attribute(element, "style"));
    style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
    if (style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos) return true;
    static const std::unordered_set<std::string> kFurnitureRoles = {"navigation", "banner", "complementary", "contentinfo",
                                                                    "menu", "menubar", "search", "dialog", "alertdialog"};
    return kFurnitureRoles.count(lower_ascii(attribute(element, "role"))) != 0;
}

// Readability's weight of an element's class and id: ±25 for each that reads as chrome or article.
double class_weight(const xmlNode* element) {
    double weight = 0;
    for (const char* name : {"class", "id"}) {
        const std::string value = lower_ascii(attribute(element, name));
        if (value.empty()) continue;
        if (contains_any(value, kNegativeWeightWords)) weight -= 25;
        if (contains_any(value, kPositiveWeightWords)) weight += 25;
    }
    if (attribute(element, "itemprop") == "articleBody") weight += 50;  // schema.org microdata says so
    return weight;
}

// Readability's prior of an element by its tag.
double tag_weight(std::string_view name) {
    if (name == "div") return 5;
    if (name == "pre" || name == "td" || name == "blockquote") return 3;
    if (name == "address" || name == "ol" || name == "ul" || name == "dl" || name == "dd" || name == "dt" || name == "li" || name == "form") return -3;
    if (is_heading(name) || name == "th") return -5;
    return 0;
}

// Commas and dandas: the marks of prose, in both scripts.
std::size_t clause_marks(std::string_view text) {
    std::size_t marks = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == ',') ++marks;
        if (text.compare(i, 3, "\xE0\xA5\xA4") == 0 || text.compare(i, 3, "\xD8\x8C") == 0) ++marks;  // ।, ،
    }
    return marks;
}

bool has_letter(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        if (u_isalpha(static_cast<UChar32>(next_code_point(text, i)))) return true;
    }
    return false;
}

bool ends_sentence(std::string_view text) {
    return !text.empty() && (text.back() == '.' || text.back() == '?' || text.back() == '!' ||
                             (text.size() >= 3 && text.compare(text.size() - 3, 3, "\xE0\xA5\xA4") == 0));
}

}  // namespace

namespace {

/// One run of inline content: the text between two block boundaries.
struct Block {
    xmlNode* container = nullptr;  ///< the block element the run is inline content of
    std::string text;              ///< spaces collapsed
    std::size_t length = 0;        ///< visible code points
    std::size_t link_length = 0;   ///< of which inside links
    bool after_image = false;      ///< the element before its container is an image with no text (a caption follows)
};

/// Text totals and the readability score of one element.
struct ElementStats {
    std::size_t length = 0, link_length = 0;
    double score = 0;
    bool candidate = false;    ///< has received a paragraph's score
    bool has_blocks = false;   ///< some block lies in a block element below it
    double link_density() const { return length ? static_cast<double>(link_length) / static_cast<double>(length) : 0.0; }
};

class ContentExtractor {
  public:
    explicit ContentExtractor(xmlNode* body) : body_(body) {}
    std::vector<std::string> run();

  private:
    bool is_chrome(xmlNode* element);
    void walk(xmlNode* node, xmlNode* container, int depth);
    void append_text(const xmlNode* text_node);
    void flush(xmlNode* container);
    void tally();
    void score();
    xmlNode* top_candidate();
    xmlNode* raise_candidate(xmlNode* top);
    std::vector<xmlNode*> with_siblings(xmlNode* top);
    std::vector<std::string> paragraphs(const std::vector<xmlNode*>& parts);
    bool is_image_only(xmlNode* element) const;

    xmlNode* body_;
    std::size_t page_length_ = 0;
    std::vector<Block> blocks_;
    std::unordered_map<const xmlNode*, ElementStats> stats_;
    std::unordered_set<const xmlNode*> dropped_;
    std::string run_;            // the text of the current run, raw
    std::size_t run_links_ = 0;  // visible code points of the current run inside links
    int link_depth_ = 0;
    bool last_was_image_ = false;
    xmlNode* headline_ = nullptr;  // the first <h1> outside the chrome
};

// Chrome by class or id is dropped unless it holds a good share of the page's text: a wrapper
// with an unlucky name ("layout-with-sidebar") holds most of it, chrome little.
bool ContentExtractor::is_chrome(xmlNode* element) {
    const std::string_view name = name_of(element);
    if (is_dropped_tag(name)) return !(name == "header" || name == "footer" || name == "form") || visible_length(text_of(element)) * 2 < page_length_;
    if (is_hidden_or_furniture(element)) return true;
    const std::string names = class_and_id(element);
    if (names.size() <= 1 || !(contains_any(names, kChromeWords) || has_token(names, kChromeTokens))) return false;
    const std::size_t share = contains_any(names, kArticleWords) ? 4 : 2;
    return visible_length(text_of(element)) * share < page_length_;
}

void ContentExtractor::append_text(const xmlNode* text_node) {
    if (!text_node->content) return;
    const char* content = reinterpret_cast<const char*>(text_node->content);
    run_ += content;
    if (link_depth_ > 0) run_links_ += visible_length(content);
}

void ContentExtractor::flush(xmlNode* container) {
    std::string text = collapse_spaces(run_);
    if (!text.empty()) {
        Block block;
        block.container = container;
        block.length = visible_length(text);
        block.link_length = std::min(run_links_, block.length);
        block.text = std::move(text);
        blocks_.push_back(std::move(block));
    }
    run_.clear();
    run_links_ = 0;
}

void ContentExtractor::walk(xmlNode* node, xmlNode* container, int depth) {
    if (depth > kMaxDepth) return;
    for (xmlNode* child = node->children; child; child = child->next) {
        if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
            append_text(child);
            continue;
        }
        if (child->type != XML_ELEMENT_NODE) continue;
        const std::string_view name = name_of(child);
        if (name == "br") {
            flush(container);
            continue;
        }
        const bool block = is_block_tag(name);
        if (is_chrome(child)) {
            dropped_.insert(child);
            if (block || is_dropped_tag(name)) flush(container);
            continue;
        }
        if (block) {
            flush(container);
            if (name == "h1" && !headline_) headline_ = child;
            const std::size_t first = blocks_.size();
            const bool after_image = last_was_image_;
            walk(child, child, depth + 1);
            flush(child);
            // A caption is the text right after an image that has none of its own.
            if (after_image && blocks_.size() > first) blocks_[first].after_image = true;
            last_was_image_ = blocks_.size() == first && is_image_only(child);
            continue;
        }
        if (name == "a") ++link_depth_;
        walk(child, container, depth + 1);
        if (name == "a") --link_depth_;
    }
}

// True when the element holds an image, a video or another embed (and, being called only for
// elements without text, nothing else).
bool ContentExtractor::is_image_only(xmlNode* element) const {
    for (xmlNode* n = element->children; n; n = next_in_order(n, element)) {
        const std::string_view name = name_of(n);
        if (name == "img" || name == "picture" || name == "video" || name == "iframe" || name == "embed" ||
            name == "object" || name.rfind("amp-", 0) == 0) {
            return true;
        }
    }
    return false;
}

// Text totals of every element from its blocks, and which elements have blocks below them.
void ContentExtractor::tally() {
    for (const Block& block : blocks_) {
        for (xmlNode* e = block.container; e && e->type == XML_ELEMENT_NODE; e = e->parent) {
            ElementStats& s = stats_[e];
            s.length += block.length;
            s.link_length += block.link_length;
            if (e != block.container) s.has_blocks = true;
            if (e == body_) break;
        }
    }
}

// Readability's scoring: each run of prose credits its paragraph's parent fully, the
// grandparent half and further ancestors less; then each candidate loses its share of links.
void ContentExtractor::score() {
    for (const Block& block : blocks_) {
        const std::string_view tag = name_of(block.container);
        if (block.length < kMinScoredLength || tag == "li" || tag == "dd" || tag == "dt" || tag == "th" || tag == "h1") continue;
        const double points = 1.0 + static_cast<double>(clause_marks(block.text)) + std::min(static_cast<double>(block.length) / 100.0, 3.0);
        // A run that is all of its element's text makes that element a paragraph (readability's
        // div-to-p); a run beside other blocks is a paragraph of its own inside the element.
        xmlNode* ancestor = stats_[block.container].has_blocks ? block.container : block.container->parent;
        for (int level = 0; level < 5 && ancestor && ancestor->type == XML_ELEMENT_NODE && ancestor->parent; ++level) {
            ElementStats& s = stats_[ancestor];
            if (!s.candidate) {
                s.candidate = true;
                s.score = tag_weight(name_of(ancestor)) + class_weight(ancestor);
            }
            s.score += points / (level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0);
            if (ancestor == body_) break;
            ancestor = ancestor->parent;
        }
    }
    for (auto& [element, s] : stats_) {
        if (s.candidate) s.score *= 1.0 - s.link_density();
    }
}

xmlNode* ContentExtractor::top_candidate() {
    const xmlNode* best = nullptr;
    double best_score = 0;
    for (const auto& [element, s] : stats_) {
        // Ties go to the earlier element in memory order, which keeps the choice deterministic.
        if (s.candidate && (s.score > best_score || (s.score == best_score && best && element < best))) {
            best = element;
            best_score = s.score;
        }
    }
    return const_cast<xmlNode*>(best);
}

// Readability's adjustments: a candidate that is its parent's only child stands for the parent,
// and a parent scoring better than the candidate (articles split into several blocks) wins.
xmlNode* ContentExtractor::raise_candidate(xmlNode* top) {
    const double threshold = stats_[top].score / 3.0;
    double last = stats_[top].score;
    for (xmlNode* parent = top->parent; parent && parent != body_ && parent->type == XML_ELEMENT_NODE; parent = parent->parent) {
        auto it = stats_.find(parent);
        if (it == stats_.end() || !it->second.candidate) continue;
        if (it->second.score < threshold) break;
        if (it->second.score > last) {
            top = parent;
            break;
        }
        last = it->second.score;
    }
    while (top->parent && top->parent != body_ && top->parent->type == XML_ELEMENT_NODE && xmlChildElementCount(top->parent) == 1) top = top->parent;
    return top;
}

// The candidate and the siblings that belong with it: well-scored blocks, and plain paragraphs
// with little link text.
std::vector<xmlNode*> ContentExtractor::with_siblings(xmlNode* top) {
    if (!top->parent || top == body_) return {top};
    const double top_score = stats_[top].score;
    const double threshold = std::max(10.0, top_score * 0.2);
    const std::string top_class = attribute(top, "class");
    std::vector<xmlNode*> parts;
    for (xmlNode* sibling = top->parent->children; sibling; sibling = sibling->next) {
        if (sibling == top) {
            parts.push_back(sibling);
            continue;
        }
        if (sibling->type != XML_ELEMENT_NODE || dropped_.count(sibling)) continue;
        const auto it = stats_.find(sibling);
        if (it == stats_.end() || it->second.length == 0) continue;
        const ElementStats& s = it->second;
        const double bonus = !top_class.empty() && attribute(sibling, "class") == top_class ? top_score * 0.2 : 0.0;
        bool keep = s.candidate && s.score + bonus >= threshold;
        if (!keep && !s.has_blocks) {
            const double density = s.link_density();
            keep = (s.length > 80 && density < 0.25) || (s.length <= 80 && density == 0 && ends_sentence(text_of(sibling)));
        }
        if (keep) parts.push_back(sibling);
    }
    return parts;
}

// The text of the blocks inside @p parts, without link lists, captions, repeats and the short
// chrome at either end.
std::vector<std::string> ContentExtractor::paragraphs(const std::vector<xmlNode*>& parts) {
    const std::unordered_set<const xmlNode*> part_set(parts.begin(), parts.end());
    auto inside = [](const xmlNode* node, auto&& is_ancestor) {
        for (const xmlNode* e = node; e; e = e->parent) {
            if (is_ancestor(e)) return true;
        }
        return false;
    };
    // The article's text starts after its headline: what comes before the <h1> inside the
    // article's element is breadcrumbs, section labels and tags.
    std::size_t start = 0;
    if (headline_ && inside(headline_, [&](const xmlNode* e) { return part_set.count(e) != 0; })) {
        for (std::size_t i = 0; i < blocks_.size(); ++i) {
            if (inside(blocks_[i].container, [&](const xmlNode* e) { return e == headline_; })) start = i + 1;
        }
    }
    std::vector<const Block*> kept;
    std::unordered_set<std::string> seen;
    for (std::size_t i = start; i < blocks_.size(); ++i) {
        const Block& block = blocks_[i];
        if (!inside(block.container, [&](const xmlNode* e) { return part_set.count(e) != 0; }) || !has_letter(block.text)) continue;
        if (static_cast<double>(block.link_length) > kMaxBlockLinkDensity * static_cast<double>(block.length)) continue;
        if (block.after_image && block.length < 150) continue;
        if (!seen.insert(block.text).second) continue;
        kept.push_back(&block);
    }
    auto good = [](const Block* b) { return b->length >= kGoodBlockLength && b->link_length * 4 < b->length; };
    const auto first = std::find_if(kept.begin(), kept.end(), good);
    const auto last = std::find_if(kept.rbegin(), kept.rend(), good);
    std::vector<std::string> out;
    if (first == kept.end()) return out;
    // A heading right before the first good block is the article's first subheading.
    auto begin = first;
    while (begin != kept.begin() && is_heading(name_of((*(begin - 1))->container))) --begin;
    for (auto it = begin; it != last.base(); ++it) out.push_back((*it)->text);
    return out;
}

std::vector<std::string> ContentExtractor::run() {
    if (!body_) return {};
    page_length_ = visible_length(text_of(body_));
    walk(body_, body_, 0);
    flush(body_);
    tally();
    score();
    xmlNode* top = top_candidate();
    if (!top) return {};
    return paragraphs(with_siblings(raise_candidate(top)));
}

}  // namespace

std::vector<std::string> main_content(xmlNode* body) { return ContentExtractor(body).run(); }

}  // namespace khoj::html
