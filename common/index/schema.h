/** @file schema.h @brief The index schema: term prefixes, value slots and metadata keys, in one place. */
#pragma once
#include "common/util/errors.h"
#include "common/text/analyzer.h"

#include <xapian.h>

#include <charconv>
#include <cstdint>
#include <string>
#include <vector>
#include <string_view>

namespace khoj {

/// Bumped whenever analysis changes what terms a text produces: an index built with another
/// version would be searched wrongly, so the searcher refuses it and asks for a rebuild.
constexpr const char* kAnalysisVersion = "khoj-analysis-14";

/// Term prefixes, following Xapian/Omega conventions where one exists.
namespace prefix {
constexpr const char* kStem = "Z";          ///< stem + spelling folding, title and body (no positions)
constexpr const char* kTitleStem = "ZS";    ///< title stem
constexpr const char* kId = "Q";            ///< unique article id (boolean)
constexpr const char* kSource = "XSOURCE";  ///< lower-cased source name (boolean)
constexpr const char* kDay = "D";           ///< YYYYMMDD (boolean)
constexpr const char* kMonth = "M";         ///< YYYYMM (boolean)
constexpr const char* kYear = "Y";          ///< YYYY (boolean)
constexpr const char* kMonthOfYear = "XMOY";  ///< 01–12, any year: "July" reaches articles dated in July
constexpr const char* kRomanKey = "K";      ///< synonym key: romanisation key → Devanagari terms
constexpr const char* kPerson = "XP";        ///< + entity slug (boolean; person: filter, facets)
constexpr const char* kPlace = "XL";         ///< + entity slug (boolean; place: filter, facets)
constexpr const char* kOrganisation = "XO";  ///< + entity slug (boolean; org: filter, facets)
constexpr const char* kFile = "XFILE";      ///< + hash of the input file an article came from (boolean; --prune)
/// + hash of another input file that held the same id (an earlier copy, boolean): when the
/// article's own file is gone, --prune reads these files again for it rather than lose it.
constexpr const char* kOtherFile = "XALSO";
/// + 4 bytes (big-endian): a MinHash band key of the article's shingles (copy_band_term()), how
/// a later copy finds it without reading the archive; a copy also holds its group's term.
constexpr const char* kCopyBand = "XC";
}  // namespace prefix

/// Xapian's limits (glass), which no term or key built from input may pass: Xapian throws in
/// the middle of a run otherwise. A term (and so a synonym word, which is one) holds at most
/// 245 bytes; a metadata key at most 253 (a table key is 255 bytes, two of them Xapian's).
/// Words and entity and source terms are cut to kMaxTermBytes; an id cannot be cut (two ids
/// would become one), so a longer one is rejected.
constexpr std::size_t kMaxXapianTermBytes = 245;
constexpr std::size_t kMaxMetadataKeyBytes = 253;
/// Longest article id: a term with its prefix::kId.
constexpr std::size_t kMaxIdBytes = kMaxXapianTermBytes - std::char_traits<char>::length(prefix::kId);

/// Value slots.
namespace slot {
constexpr Xapian::valueno kDate = 0;         ///< YYYYMMDD, sortable as a string
constexpr Xapian::valueno kContentHash = 1;  ///< 16 hex digits: hash of the article and the file it came from
/// The stored article (zstd, see RecordCodec). A value, not the document data: glass tries zlib
/// on every document-data record, which only costs time on zstd output; values are stored as is.
constexpr Xapian::valueno kRecord = 3;
/// The article's entities as ids (varints; people, then places, then organisations): facets
/// and the entities shown with a hit read this per matching article, not the term lists (a
/// new or compacted index has none) nor every entity posting of the index.
constexpr Xapian::valueno kEntities = 4;
/// The article's group of copies (6 bytes, see copy_group_term()): equal values are copies of one
/// story, which search collapses (Enquire::set_collapse_key). Every article has one, a story with
/// no copy its own, so a later copy can join it without the earlier article being rewritten.
constexpr Xapian::valueno kCopyGroup = 5;
/// The identity of the article's title and body, 8 bytes (text_hash()): a phrase check answers
/// a story republished word for word from memory, without reading and decompressing its record.
constexpr Xapian::valueno kTextHash = 6;
}  // namespace slot

/// Metadata keys.
namespace metadata {
constexpr const char* kAnalysisVersion = "khoj.analysis_version";
constexpr const char* kLastUpdate = "khoj.last_update";
constexpr const char* kFileStampPrefix = "khoj.file:";  ///< + path → "size mtime" of an indexed file
/// + hash of the path (as in prefix::kFile) → "size mtime<TAB>path": the stamp of a file whose
/// path is too long for a key after kFileStampPrefix (see index/file_stamps).
constexpr const char* kHashedFileStampPrefix = "khoj.filehash:";
constexpr const char* kDictionaryPrefix = "khoj.zdict:";  ///< + dictionary id → zstd dictionary
constexpr const char* kCurrentDictionary = "khoj.zdict.current";
/// + decimal id → "term<TAB>name<TAB>name_en": what an id in slot::kEntities stands for, and
/// the names facets and hits show.
constexpr const char* kEntityIdPrefix = "khoj.entity#";

/// The decimal number @p text (a dictionary or entity id, in the key or the value of metadata
/// @p key). Parsed strictly and without std::stoul, whose exceptions would escape the programs'
/// error mapping: anything else is a damaged index, reported as khoj::IndexError.
inline std::uint32_t parse_number(std::string_view text, std::string_view key) {
    std::uint32_t number = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (text.empty() || error != std::errc() || end != text.data() + text.size())
        throw IndexError("damaged index metadata " + std::string(key) + ": '" + std::string(text) + "' is not a number");
    return number;
}
}  // namespace metadata

class RecordCodec;

/// Gives @p codec every zstd dictionary stored in @p db's metadata and selects the current one:
/// what reading (and appending to) the stored articles of an index needs.
void load_record_dictionaries(const Xapian::Database& db, RecordCodec& codec);

/// Trains a dictionary on @p samples, stores it in @p db's metadata and makes it current in
/// @p codec; false (nothing changed) when there is too little text to train on.
bool train_record_dictionary(Xapian::WritableDatabase& db, RecordCodec& codec, const std::vector<std::string>& samples);

/// Extra within-document frequency given to every title word: a cheap, BM25-friendly title boost.
constexpr Xapian::termcount kTitleBoost = 3;

/// The boolean term of a source name, the same when indexing and when filtering by source:
/// ASCII letters lower-cased, spaces as underscores ("Amar Ujala" → XSOURCEamar_ujala), cut
/// like every term to kMaxTermBytes, so even a very long name matches.
inline std::string source_term(std::string_view source) {
    std::string name;
    for (char c : source) name += c == ' ' ? '_' : c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    return prefix::kSource + truncate_term(std::move(name));
}

/// The term of MinHash band key @p key: prefix::kCopyBand and the key's four bytes, high first.
inline std::string copy_band_term(std::uint32_t key) {
    std::string term = prefix::kCopyBand;
    for (int shift = 24; shift >= 0; shift -= 8) term += static_cast<char>((key >> shift) & 0xFF);
    return term;
}

/// The term every member of the group of copies @p group (a slot::kCopyGroup value) holds, so
/// search finds the copies of a hit: the band term of the group's first article (the value's
/// first four bytes; two more tell apart groups whose first articles share that band). Other
/// articles may hold the term as one of their own bands, so members are the holders with the value.
inline std::string copy_group_term(std::string_view group) { return prefix::kCopyBand + std::string(group.substr(0, 4)); }

}  // namespace khoj
