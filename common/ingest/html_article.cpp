/** @file html_article.cpp @brief Article fields of a web page: metadata (meta tags, JSON-LD, canonical link), headline, date, source, main text. */
#include "common/ingest/html_article.h"

#include "common/ingest/dates.h"
#include "common/ingest/html_charset.h"
#include "common/ingest/html_content.h"
#include "common/ingest/html_dom.h"
#include "common/ingest/scraped_text.h"
#include "common/util/string_util.h"
#include "common/util/unicode_text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <regex>

namespace khoj {

namespace {

using html::collapse_spaces;
using html::decode_entities;

/// The fields of the page's schema.org article object (JSON-LD), as written.
struct LinkedData {
    std::string headline, date_published, publisher, body;
};

/// What a page says about itself outside its text.
struct PageMetadata {
    std::map<std::string, std::string> meta;  ///< <meta> by lower-cased property, name or itemprop (first of each)
    std::string canonical;                    ///< <link rel=canonical href>
    std::string title;                        ///< <title>
    std::string h1;                           ///< the first <h1> with text
    xmlNode* h1_node = nullptr;
    std::vector<std::string> times;           ///< <time datetime> marked as the publication time, in order
    LinkedData linked;
};

// Reads a JSON-LD value that may be a string, a number or an object with a name or @id.
std::string json_text(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_array() && !it->empty() && it->front().is_string()) return it->front().get<std::string>();
    if (it->is_object()) {
        for (const char* inner : {"name", "@id"}) {
            auto value = it->find(inner);
            if (value != it->end() && value->is_string()) return value->get<std::string>();
        }
    }
    return {};
}

// True for a schema.org type that is an article: NewsArticle, ReportageNewsArticle, BlogPosting …
bool is_article_type(const nlohmann::json& type) {
    auto check = [](const nlohmann::json& t) {
        if (!t.is_string()) return false;
        std::string name = t.get<std::string>();
        name = name.substr(name.find_last_of("/:") == std::string::npos ? 0 : name.find_last_of("/:") + 1);
        auto ends_with = [&](std::string_view s) { return name.size() >= s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0; };
        return ends_with("Article") || ends_with("BlogPosting");
    };
    if (type.is_array()) return std::any_of(type.begin(), type.end(), check);
    return check(type);
}

// The first article object in a JSON-LD value (also inside @graph, arrays and nested objects,
// but not in a list of other stories: an ItemList's elements are related articles).
const nlohmann::json* find_article(const nlohmann::json& j, int depth) {
    if (depth > 8) return nullptr;
    if (j.is_object()) {
        auto type = j.find("@type");
        if (type != j.end() && is_article_type(*type) && (j.contains("headline") || j.contains("name"))) return &j;
        for (const auto& [key, value] : j.items()) {
            if (!value.is_structured() || key == "itemListElement" || key == "isPartOf") continue;
            if (const nlohmann::json* found = find_article(value, depth + 1)) return found;
        }
    } else if (j.is_array()) {
        for (const auto& value : j) {
            if (const nlohmann::json* found = find_article(value, depth + 1)) return found;
        }
    }
    return nullptr;
}

// Reads one <script type="application/ld+json"> into @p linked unless an article was found before.
void read_linked_data(std::string text, LinkedData& linked) {
    if (!linked.headline.empty()) return;
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded()) {
        // Raw line breaks and tabs inside strings are the usual fault of hand-made JSON-LD.
        std::replace_if(text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
        j = nlohmann::json::parse(text, nullptr, false);
        if (j.is_discarded()) return;
    }
    const nlohmann::json* article = find_article(j, 0);
    if (!article) return;
    linked.headline = json_text(*article, "headline");
    if (linked.headline.empty()) linked.headline = json_text(*article, "name");
    linked.date_published = json_text(*article, "datePublished");
    if (linked.date_published.empty()) linked.date_published = json_text(*article, "dateCreated");
    linked.publisher = json_text(*article, "publisher");
    linked.body = json_text(*article, "articleBody");
}

// Collects one element's metadata into @p page.
void read_element(xmlNode* n, PageMetadata& page) {
    const std::string_view name = html::name_of(n);
    if (name == "meta") {
        const std::string content = html::attribute(n, "content");
        for (const char* key : {"property", "name", "itemprop"}) {
            const std::string k = lower_ascii(trim(html::attribute(n, key)));
            if (!k.empty() && !content.empty()) page.meta.emplace(k, content);
        }
    } else if (name == "link" && page.canonical.empty()) {
        const std::vector<std::string> rel = split(lower_ascii(html::attribute(n, "rel")), ' ');
        if (std::find(rel.begin(), rel.end(), "canonical") != rel.end()) page.canonical = trim(html::attribute(n, "href"));
    } else if (name == "title" && page.title.empty()) {
        page.title = html::text_of(n);
    } else if (name == "h1" && page.h1.empty()) {
        page.h1 = html::text_of(n);
        if (!page.h1.empty()) page.h1_node = n;
    } else if (name == "time") {
        const std::string datetime = html::attribute(n, "datetime");
        const bool published = lower_ascii(html::attribute(n, "itemprop")) == "datepublished" || xmlHasProp(n, reinterpret_cast<const xmlChar*>("pubdate"));
        if (!datetime.empty() && published) page.times.push_back(datetime);
    } else if (name == "script" && lower_ascii(trim(html::attribute(n, "type"))) == "application/ld+json") {
        std::string text;
        for (xmlNode* c = n->children; c; c = c->next) {
            if (c->content) text += reinterpret_cast<const char*>(c->content);
        }
        read_linked_data(std::move(text), page.linked);
    }
}

PageMetadata read_metadata(xmlDoc* doc) {
    PageMetadata page;
    xmlNode* root = xmlDocGetRootElement(doc);
    for (xmlNode* n = root; n; n = html::next_in_order(n, root)) {
        if (n->type == XML_ELEMENT_NODE) read_element(n, page);
    }
    return page;
}

std::string meta_value(const PageMetadata& page, std::initializer_list<const char*> keys) {
    for (const char* key : keys) {
        auto it = page.meta.find(key);
        if (it != page.meta.end() && !trim(it->second).empty()) return collapse_spaces(decode_entities(it->second));
    }
    return {};
}

}  // namespace

namespace {

// Separators between a headline and a site or section name in titles ("… - Samastipur News | Dainik Bhaskar").
constexpr std::array<std::string_view, 7> kTitleSeparators = {" | ", " - ", " – ", " — ", " :: ", " » ", " · "};

/// One piece of a title between separators: byte offsets, spaces trimmed.
struct Segment {
    std::size_t begin = 0, end = 0;
};

std::vector<Segment> title_segments(std::string_view title) {
    std::vector<Segment> segments;
    auto add = [&](std::size_t begin, std::size_t end) {
        while (begin < end && title[begin] == ' ') ++begin;
        while (end > begin && title[end - 1] == ' ') --end;
        if (end > begin) segments.push_back({begin, end});
    };
    std::size_t start = 0;
    for (std::size_t i = 0; i < title.size();) {
        auto separator = std::find_if(kTitleSeparators.begin(), kTitleSeparators.end(),
                                      [&](std::string_view s) { return title.compare(i, s.size(), s) == 0; });
        if (separator == kTitleSeparators.end()) {
            ++i;
            continue;
        }
        add(start, i);
        i += separator->size();
        start = i;
    }
    add(start, title.size());
    return segments;
}

std::size_t word_count(std::string_view text) {
    return text.empty() ? 0 : 1 + static_cast<std::size_t>(std::count(text.begin(), text.end(), ' '));
}

std::string without_spaces(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c != ' ') out += c;
    }
    return out;
}

bool same_name(std::string_view a, std::string_view b) { return lower_ascii(std::string(a)) == lower_ascii(std::string(b)); }

// @p text without separator marks and spaces at either end ("- जनवरी में …" → "जनवरी में …").
std::string trim_separators(std::string text) {
    for (bool changed = true; changed && !text.empty();) {
        changed = false;
        text = trim(text);
        for (std::string_view mark : {"-", "|", ":", "\xE2\x80\x93", "\xE2\x80\x94", "\xC2\xBB", "\xC2\xB7"}) {
            if (text.rfind(mark, 0) == 0) {
                text.erase(0, mark.size());
                changed = true;
            }
            if (text.size() >= mark.size() && text.compare(text.size() - mark.size(), mark.size(), mark) == 0) {
                text.resize(text.size() - mark.size());
                changed = true;
            }
        }
    }
    return text;
}

// @p title without the site's name at either end ("बिजनेस स्टैंडर्ड जनवरी में …", "… | Dainik Bhaskar").
std::string without_site_name(std::string title, const std::vector<std::string>& site_names) {
    for (const std::string& site : site_names) {
        if (site.size() < 2 || title.size() <= site.size() + 1) continue;
        if (same_name(std::string_view(title).substr(0, site.size()), site) && title[site.size()] == ' ') title = trim_separators(title.substr(site.size()));
        if (title.size() <= site.size() + 1) continue;
        const std::size_t tail = title.size() - site.size();
        if (same_name(std::string_view(title).substr(tail), site) && title[tail - 1] == ' ') title = trim_separators(title.substr(0, tail));
    }
    return title;
}

// @p title without site names and without short trailing section names ("… - Samastipur News");
// with @p pick_longest (for <title>, which often leads with keywords) its longest segment.
std::string clean_title(const std::string& candidate, const std::vector<std::string>& site_names, bool pick_longest) {
    const std::string title = without_site_name(candidate, site_names);
    std::vector<Segment> segments = title_segments(title);
    auto text = [&](const Segment& s) { return std::string_view(title).substr(s.begin, s.end - s.begin); };
    auto is_site = [&](const Segment& s) {
        return std::any_of(site_names.begin(), site_names.end(), [&](const std::string& site) { return same_name(text(s), site); });
    };
    if (segments.size() > 1) segments.erase(std::remove_if(segments.begin(), segments.end(), is_site), segments.end());
    if (segments.empty()) return title;
    if (pick_longest) {
        return std::string(text(*std::max_element(segments.begin(), segments.end(), [&](const Segment& a, const Segment& b) {
            return html::visible_length(text(a)) < html::visible_length(text(b));
        })));
    }
    // Trailing segments of a few words after a much longer headline are section or site names.
    std::size_t keep = segments.size();
    while (keep > 1 && word_count(text(segments[keep - 1])) <= 4 &&
           html::visible_length(text(segments[keep - 1])) * 2 < html::visible_length(text(segments[0]))) {
        --keep;
    }
    return title.substr(segments[0].begin, segments[keep - 1].end - segments[0].begin);
}

std::string choose_headline(const PageMetadata& page) {
    std::vector<std::string> site_names;
    for (const std::string& name : {meta_value(page, {"og:site_name"}), meta_value(page, {"application-name"}),
                                    collapse_spaces(decode_entities(page.linked.publisher))}) {
        if (!name.empty()) site_names.push_back(name);
    }
    // A <title> segment equal to no other candidate but at an end of the title is the site's name
    // too ("बिजनेस स्टैंडर्ड - …").
    const std::vector<Segment> title_parts = title_segments(page.title);
    const std::string og_title = meta_value(page, {"og:title"});
    if (title_parts.size() > 1) {
        for (const Segment& part : {title_parts.front(), title_parts.back()}) {
            const std::string end = page.title.substr(part.begin, part.end - part.begin);
            if (end != og_title && end != page.h1 && word_count(end) <= 4) site_names.push_back(end);
        }
    }
    const std::array<std::pair<std::string, bool>, 5> candidates = {{
        {collapse_spaces(decode_entities(page.linked.headline)), false},
        {og_title, false},
        {meta_value(page, {"twitter:title"}), false},
        {page.h1, false},
        {page.title, true},
    }};
    std::vector<std::string> cleaned;
    for (const auto& [candidate, is_title] : candidates) {
        if (!candidate.empty()) cleaned.push_back(clean_title(candidate, site_names, is_title));
    }
    auto chosen = std::find_if(cleaned.begin(), cleaned.end(), [](const std::string& c) { return !c.empty(); });
    if (chosen == cleaned.end()) return {};
    // A headline cut short for a search snippet ("… ₹1.73...") gives way to a full one it begins.
    std::string_view cut = *chosen;
    for (std::string_view ellipsis : {"...", "\xE2\x80\xA6"}) {
        if (cut.size() > ellipsis.size() && cut.substr(cut.size() - ellipsis.size()) == ellipsis) cut.remove_suffix(ellipsis.size());
    }
    if (cut.size() == chosen->size()) return *chosen;
    const std::string prefix = without_spaces(cut);
    for (const std::string& other : cleaned) {
        if (other.size() > chosen->size() && without_spaces(other).rfind(prefix, 0) == 0) return other;
    }
    return *chosen;
}

}  // namespace

namespace {

// A date as YYYY-MM-DD from a machine-readable value (ISO 8601) or a written one ("Thu, 27 Jul 2023").
std::optional<std::string> read_date(const std::string& value) {
    if (value.empty()) return std::nullopt;
    if (auto iso = parse_iso_date(trim(value))) return iso;
    return find_date_in_text(value);
}

std::string choose_date(const PageMetadata& page, xmlNode* body) {
    std::vector<std::string> values = {page.linked.date_published,
                                       meta_value(page, {"article:published_time", "og:article:published_time", "datepublished",
                                                         "publish-date", "publishdate", "publish_date", "pubdate", "dc.date.issued",
                                                         "dcterms.created", "dc.date", "sailthru.date", "parsely-pub-date", "date"})};
    values.insert(values.end(), page.times.begin(), page.times.end());
    for (const std::string& value : values) {
        if (auto date = read_date(value)) return *date;
    }
    // The byline: text right after the headline ("Updated: Thu, 27 Jul 2023 10:26 AM").
    xmlNode* start = page.h1_node ? page.h1_node : body;
    if (!start) return {};
    std::string text;
    for (xmlNode* n = start; n && text.size() < 4096; n = html::next_in_order(n, nullptr, html::is_invisible_content(html::name_of(n)))) {
        if (n->type == XML_TEXT_NODE && n->content) text += std::string(reinterpret_cast<const char*>(n->content)) + " ";
    }
    auto found = find_date_in_text(collapse_spaces(text));
    return found ? *found : std::string();
}

// The original address inside a web-archive replay address (Wayback Machine, pywb:
// https://web.archive.org/web/20220721143833/https://hindi.oneindia.com/…), else @p url.
std::string unwrap_replay_url(const std::string& url) {
    static const std::regex replay(R"(^https?://[^/]+/web/[0-9]{1,14}[a-z_]*/+(https?):/+(.+)$)", std::regex::icase);
    std::smatch m;
    if (std::regex_match(url, m, replay)) return m[1].str() + "://" + m[2].str();
    return url;
}

// @p link as an absolute http(s) URL (resolved against @p base when it starts with /), or "".
std::string absolute_url(std::string link, const std::string& base) {
    link = trim(decode_entities(link));
    if (link.rfind("//", 0) == 0) link = (base.rfind("http://", 0) == 0 ? "http:" : "https:") + link;
    if (!link.empty() && link[0] == '/') {
        const std::size_t scheme_end = base.find("://");
        if (scheme_end == std::string::npos) return {};
        link = base.substr(0, base.find('/', scheme_end + 3)) + link;
    }
    if (link.rfind("http://", 0) != 0 && link.rfind("https://", 0) != 0) return {};
    link = unwrap_replay_url(link);
    // A canonical link to the site's front page is a template's mistake, not this page's address.
    const std::size_t path = link.find('/', link.find("://") + 3);
    if (path == std::string::npos || link.find_first_not_of('/', path) == std::string::npos) return {};
    return link;
}

std::string host_of(const std::string& url) {
    const std::size_t start = url.find("://");
    if (start == std::string::npos) return {};
    std::string host = url.substr(start + 3, url.find_first_of("/?#:", start + 3) - start - 3);
    if (host.rfind("www.", 0) == 0) host = host.substr(4);
    return lower_ascii(host);
}

// The main text as paragraphs separated by a blank line, without the headline repeated (also
// when the page's spans lost a space of it: "पकड़ा:दो").
std::string join_body(const std::vector<std::string>& paragraphs, const std::string& headline) {
    const std::string bare_headline = without_spaces(headline);
    std::string body;
    for (const std::string& p : paragraphs) {
        if (without_spaces(p) == bare_headline) continue;
        if (!body.empty()) body += "\n\n";
        body += p;
    }
    return body;
}

}  // namespace

ParsedArticle parse_html_article(std::string_view bytes, std::string id_hint, const HtmlPageHints& hints) {
    ParsedArticle parsed;
    DecodedPage decoded = decode_page(bytes, hints.charset);
    parsed.warnings = std::move(decoded.warnings);
    if (!decoded.error.empty()) {
        parsed.error = decoded.error + (decoded.error_line ? " (line " + std::to_string(decoded.error_line) + ")" : "");
        return parsed;
    }
    if (decoded.text.find('\0') != std::string::npos && decoded.text.find('\0') < 1024) {
        parsed.error = "binary file, not HTML";
        return parsed;
    }
    html::Document doc = html::parse_document(decoded.text);
    xmlNode* body = html::body_of(doc.get());
    const PageMetadata page = read_metadata(doc.get());
    Article a;
    a.title = choose_headline(page);
    a.body = join_body(html::main_content(body), a.title);
    // What the structural extraction kept of the site's furniture (an "Advertisement" label, a
    // "फोटो: …" credit, a lead said twice) goes, line by line as in scraped text; the headline
    // is the page's own.
    clean_scraped_article(a, HeadlineOrigin::kPage);
    if (html::visible_length(a.body) < kMinHtmlArticleLength && !page.linked.body.empty()) {
        a.body = collapse_spaces(decode_entities(page.linked.body));  // the page's own copy, for pages drawn by scripts
    }
    if (html::visible_length(a.body) < kMinHtmlArticleLength) {
        parsed.error = "no article text found (a section front, an error page or markup too broken to read?)";
        return parsed;
    }
    a.date = choose_date(page, body);
    std::string declared = absolute_url(page.canonical, hints.url);
    if (declared.empty()) declared = absolute_url(meta_value(page, {"og:url"}), hints.url);
    a.url = declared.empty() ? hints.url : declared;
    a.id = declared.empty() ? std::move(id_hint) : declared;
    a.source = meta_value(page, {"og:site_name"});
    if (a.source.empty()) a.source = collapse_spaces(decode_entities(page.linked.publisher));
    if (a.source.empty()) a.source = host_of(a.url);
    parsed.article = std::move(a);
    return parsed;
}

}  // namespace khoj
