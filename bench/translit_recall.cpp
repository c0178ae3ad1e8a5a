/** @file translit_recall.cpp @brief How often a romanised word expands to its Devanagari word: the tuning measure for cross-script matching, on a Dakshina lexicon. */
#include "common/text/analyzer.h"
#include "common/search/word_expansion.h"
#include "common/util/unicode_text.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>

// For each lexicon pair whose Devanagari word occurs in the index (in 1–200 articles, as the
// romanisation topics choose them), expand the Latin word as a query would and report how often
// the Devanagari word's stem term is among the expansions ("found") and is the heaviest ("top").
int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: khoj-translit-recall INDEX LEXICON.tsv  (roman<TAB>devanagari<TAB>count, either column order)\n";
        return 2;
    }
    Xapian::Database db(argv[1]);
    khoj::Analyzer analyzer;
    khoj::WordExpander expander(db, analyzer);
    std::ifstream in(argv[2]);
    if (!in) {
        std::cerr << "khoj-translit-recall: cannot read " << argv[2] << "\n";
        return 2;
    }
    std::set<std::string> seen;
    std::size_t pairs = 0, found = 0, top = 0;
    for (std::string line; std::getline(in, line);) {
        std::istringstream fields(line);
        std::string a, b;
        std::getline(fields, a, '\t');
        std::getline(fields, b, '\t');
        std::string devanagari = khoj::has_devanagari(a) ? a : b;
        std::string roman = khoj::has_devanagari(a) ? b : a;
        khoj::Token t = analyzer.analyze_word(devanagari);
        if (t.exact.empty() || t.stopword) continue;
        Xapian::doccount df = db.get_termfreq("Z" + t.stem);  // articles with a form of the word
        if (df < 1 || df > 200 || !seen.insert(roman + "\t" + t.exact).second) continue;
        ++pairs;
        khoj::WordExpansion e = expander.expand(roman, false);
        const std::string want = "Z" + t.stem;
        double best = -1;
        std::string heaviest;
        bool hit = false;
        for (const auto& c : e.terms) {
            hit = hit || c.term == want;
            if (c.weight > best) {
                best = c.weight;
                heaviest = c.term;
            }
        }
        found += hit;
        top += heaviest == want;
    }
    std::printf("RESULT translit pairs=%zu found=%.3f top=%.3f\n", pairs, pairs ? double(found) / pairs : 0.0, pairs ? double(top) / pairs : 0.0);
}
