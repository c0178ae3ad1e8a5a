/** @file copy_groups.h @brief Groups of republished copies at index time: a new article finds its copies through their band terms and joins their group. */
#pragma once
#include "common/ingest/article.h"
#include "common/ingest/record_codec.h"
#include "common/text/copy_signature.h"

#include <xapian.h>

#include <string>

namespace khoj {

/// How hard one article looks for its copies: the postings read per band term (the earliest
/// articles first) and the candidates whose text is compared. Both bound the work on an archive
/// where a band is common (an article stored a hundred times costs one comparison, not a hundred).
constexpr std::size_t kCopyPostingsPerBand = 8;
constexpr std::size_t kCopyCandidates = 4;

/// The slot::kCopyGroup value of an article that is nobody's copy: its first band key and two
/// bytes of its second, so that copies founding groups in different shards found the same group;
/// a changed article whose text moved its bands leaves the group its old version founded. (An
/// article without words: its id and content hash @p hash.)
std::string own_copy_group(const CopySignature& signature, const std::string& id, const std::string& hash);

/// Gives @p doc the group value @p group and the group's term (copy_group_term()).
void add_copy_group(Xapian::Document& doc, const std::string& group);

/// The group of copies (a slot::kCopyGroup value) of @p article, with @p signature and content
/// hash @p hash, about to be written to @p db, found in the index itself: the articles sharing one
/// of its MinHash band terms (prefix::kCopyBand) are candidates, ordered by how many bands they
/// share; one that shares them all is a copy, the first few others have their stored text (read
/// with @p codec) compared, and the closest with shingle_similarity() ≥ kCopySimilarity gives its
/// group, else the article starts its own (own_copy_group()). @p own is the article's docid when it replaces an earlier version (never
/// its own copy), else 0. Earlier articles are never rewritten (an index without term lists
/// cannot rewrite one cheaply), so groups never merge: a copy of two groups joins the closer.
std::string copy_group_of(const Xapian::Database& db, const RecordCodec& codec, const Article& article, const CopySignature& signature,
                          const std::string& hash, Xapian::docid own);

}  // namespace khoj
