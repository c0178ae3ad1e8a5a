/** @file result_format.cpp @brief Hits, facets and --explain rendered for people and for programs. */
#include "common/output/result_format.h"

#include "common/output/line_wrap.h"
#include "common/output/terminal.h"
#include "common/util/unicode_text.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <sstream>

namespace khoj {

namespace {

using ansi::kBold;
using ansi::kDim;
using ansi::kMatch;
using ansi::kReset;

// A TREC field: one word for trec_eval and for split(), which also splits at Unicode spaces.
std::string trec_field(std::string_view text) {
    const std::string line = printable_line(text);
    std::string out;
    for (std::size_t i = 0; i < line.size();) {
        const std::size_t start = i;
        const char32_t cp = next_code_point(line, i);
        const bool space = cp == ' ' || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
                           cp == 0x202F || cp == 0x205F || cp == 0x3000;
        if (space) out += '_';
        else out.append(line, start, i - start);
    }
    return out;
}

std::string score_text(double score) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", score);
    return buf;
}

}  // namespace

std::string wrap_snippet(const Snippet& snippet, bool color, std::size_t width, std::size_t max_lines, const std::string& indent,
                         const std::string& base_style) {
    const std::string& text = snippet.text;
    LineWrapper lines(width > indent.size() + 10 ? width - indent.size() : 40, max_lines, indent);
    // Words are what lies between single spaces (a snippet's white space is already folded).
    for (std::size_t i = 0; i < text.size();) {
        std::size_t j = text.find(' ', i);
        if (j == std::string::npos) j = text.size();
        if (!lines.start_word(display_width(printable_line(std::string_view(text).substr(i, j - i))))) break;
        // Write the word, switching the highlight on and off at match boundaries.
        for (std::size_t k = i; k < j;) {
            const Highlight* inside = nullptr;
            for (const auto& h : snippet.highlights) {
                if (k >= h.begin && k < h.end) inside = &h;
            }
            std::size_t stop = j;
            if (inside) {
                stop = std::min(j, inside->end);
            } else {
                for (const auto& h : snippet.highlights) {
                    if (h.begin > k && h.begin < stop) stop = h.begin;
                }
            }
            if (inside && color) lines.append(kMatch);
            lines.append(printable_line(std::string_view(text).substr(k, stop - k)));
            if (inside && color) lines.append(std::string(kReset) + base_style);
            k = stop;
        }
        i = j + 1;
    }
    return lines.text();
}

std::string article_meta_line(const Article& article) {
    std::string meta;
    for (const std::string* part : {&article.date, &article.source, &article.id}) {
        if (!part->empty()) meta += (meta.empty() ? "" : " · ") + printable_line(*part);
    }
    return meta;
}

std::string format_hit_text(const Hit& hit, const TextStyle& style) {
    std::ostringstream out;
    char rank[16];
    std::snprintf(rank, sizeof rank, "%3zu. ", hit.rank);
    out << (style.color ? kBold : "") << rank << (style.color ? kReset : "");
    // Headline in bold; a highlighted match inside it switches to the match colour and back.
    std::string title = wrap_snippet(hit.title, style.color, style.width, 2, "", style.color ? kBold : "");
    if (style.color) title = kBold + title + kReset;
    // Continuation lines of the headline are indented under it.
    std::string indented;
    for (char c : title) {
        indented += c;
        if (c == '\n') indented += "     ";
    }
    out << indented << "\n";
    // Copies collapsed into this hit: how many, not which (the JSON lists them).
    const std::string copies = hit.copies == 0 ? "" : " · +" + std::to_string(hit.copies) + " similar";
    out << "     " << (style.color ? kDim : "") << article_meta_line(hit.article) << copies << (style.color ? kReset : "") << "\n";
    if (!hit.snippet.text.empty()) out << wrap_snippet(hit.snippet, style.color, style.width, style.snippet_lines, "     ") << "\n";
    return out.str();
}

std::string format_hit_json(const Hit& hit, const std::string& qid, bool full) {
    nlohmann::ordered_json j;
    if (!qid.empty()) j["qid"] = qid;
    j["rank"] = hit.rank;
    j["id"] = hit.article.id;
    j["score"] = std::stod(score_text(hit.score));
    j["title"] = hit.article.title;
    j["date"] = hit.article.date;
    j["source"] = hit.article.source;
    j["url"] = hit.article.url;
    j["snippet"] = hit.snippet.text;
    nlohmann::json marks = nlohmann::json::array();
    for (const auto& h : hit.snippet.highlights) marks.push_back({h.begin, h.end});
    j["highlights"] = marks;
    nlohmann::ordered_json entities = nlohmann::ordered_json::array();
    for (const auto& e : hit.article.entities) {
        nlohmann::ordered_json one;
        one["kind"] = kind_name(e.kind);
        one["name"] = e.name;
        one["name_en"] = e.name_en;
        entities.push_back(one);
    }
    j["entities"] = entities;
    j["similar"] = hit.similar;
    if (full) j["body"] = hit.article.body;
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string format_hit_tsv(const Hit& hit, const std::string& qid) {
    return (qid.empty() ? std::string() : printable_line(qid) + "\t") + std::to_string(hit.rank) + "\t" + printable_line(hit.article.id) +
           "\t" + score_text(hit.score) + "\t" + printable_line(hit.article.date) + "\t" + printable_line(hit.article.source) + "\t" +
           printable_line(hit.article.title);
}

std::string format_hit_trec(const Hit& hit, const std::string& qid) {
    return (qid.empty() ? std::string("q") : trec_field(qid)) + " Q0 " + trec_field(hit.article.id) + " " + std::to_string(hit.rank) + " " +
           score_text(hit.score) + " khoj";
}

std::string format_facets_text(const Facets& facets, bool color) {
    std::ostringstream out;
    auto list = [&](const char* heading, const std::vector<FacetCount>& values) {
        if (values.empty()) return;
        out << (color ? kBold : "") << heading << (color ? kReset : "") << "\n";
        for (const auto& f : values) {
            out << "  " << f.count << "\t" << printable_line(f.name);
            if (!f.name_en.empty() && f.name_en != f.name) out << " (" << printable_line(f.name_en) << ")";
            out << "\n";
        }
    };
    // Past limits::kFacetBasis matches the counts are of the best ones only: say so.
    if (!facets.all_matches) out << "(counted over the best " << facets.basis << " matches)\n";
    list("People", facets.people);
    list("Places", facets.places);
    list("Organisations", facets.organisations);
    if (!facets.months.empty()) {
        std::size_t most = 0;
        for (const auto& m : facets.months) most = std::max(most, m.count);
        out << (color ? kBold : "") << "Months" << (color ? kReset : "") << "\n";
        for (const auto& m : facets.months) {
            std::size_t bar = most ? (m.count * 30 + most - 1) / most : 0;
            std::string bars;
            for (std::size_t k = 0; k < bar; ++k) bars += "█";
            out << "  " << m.name << " " << bars << " " << m.count << "\n";
        }
    }
    return out.str();
}

std::string format_facets_json(const Facets& facets) {
    nlohmann::ordered_json j;
    auto list = [](const std::vector<FacetCount>& values) {
        nlohmann::ordered_json a = nlohmann::ordered_json::array();
        for (const auto& f : values) {
            nlohmann::ordered_json one;
            one["name"] = f.name;
            one["name_en"] = f.name_en;
            one["count"] = f.count;
            a.push_back(one);
        }
        return a;
    };
    j["facets"]["person"] = list(facets.people);
    j["facets"]["place"] = list(facets.places);
    j["facets"]["org"] = list(facets.organisations);
    nlohmann::json months = nlohmann::json::array();
    for (const auto& m : facets.months) months.push_back({{"month", m.name}, {"count", m.count}});
    j["facets"]["month"] = months;
    j["facets"]["basis"] = facets.basis;
    j["facets"]["all_matches"] = facets.all_matches;
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string format_explanation(const BuiltQuery& built, const Xapian::Database& db, bool color) {
    std::ostringstream out;
    for (const auto& e : built.expansions) {
        out << (color ? kBold : "") << printable_line(e.word) << (color ? kReset : "") << "\n";
        if (e.terms.empty()) out << "    (no matching term in the index; ignored)\n";
        for (const auto& t : e.terms) {
            char line[64];
            // A reading of several words counts the articles that have all of them.
            Xapian::doccount articles = db.get_termfreq(t.term);
            if (!t.all_of.empty()) {
                Xapian::Enquire enquire(db);
                enquire.set_query(t.phrase.empty() ? Xapian::Query(Xapian::Query::OP_AND, t.all_of.begin(), t.all_of.end()) : t.phrase);
                articles = enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
            }
            std::snprintf(line, sizeof line, "    weight %.2f  in %6u articles  ", t.weight, articles);
            out << line << printable_line(t.term) << "  (" << printable_line(t.reason) << ")\n";
        }
    }
    return out.str();
}

}  // namespace khoj
