/** @file html_article.h @brief The article of one web page: headline, main text, date, source and URL from its HTML (pure, no file access). */
#pragma once
#include "common/ingest/input_formats.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace khoj {

/// What a caller knows about a page besides its bytes (a web archive knows both).
struct HtmlPageHints {
    std::string url;      ///< the address the page was fetched from; resolves a relative canonical link, gives the source's host
    std::string charset;  ///< the charset of the HTTP Content-Type header; wins over the page's own <meta>
};

/// A page whose main text is shorter than this (visible code points, about fifteen Hindi words)
/// has no article: a section front, a login or error page, a video with a headline.
constexpr std::size_t kMinHtmlArticleLength = 60;

/// Parses the bytes of a web page into an article: the headline (JSON-LD NewsArticle headline,
/// og:title, h1, <title>; the site's name taken off), the main text as paragraphs separated by a
/// blank line, the date (JSON-LD datePublished, article:published_time, <time datetime>, the
/// byline), the source (og:site_name, the publisher, else the host) and the URL (canonical link,
/// og:url, else @p hints.url). The id is the page's canonical URL when it declares one, else
/// @p id_hint. Fails (error set) when the bytes cannot be decoded or the page has no article.
ParsedArticle parse_html_article(std::string_view bytes, std::string id_hint, const HtmlPageHints& hints = {});

}  // namespace khoj
