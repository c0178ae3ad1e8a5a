/** @file index_folder.h @brief The index folder on disk, for the writer and the searcher alike: its lock, its swaps, its identity, opening it and the analysis-version check. */
#pragma once
#include <xapian.h>

#include <string>
#include <utility>

namespace khoj {

/// Throws khoj::IndexError when @p db (the index at @p path) holds articles analysed by another
/// analysis version than this Khoj's (kAnalysisVersion): its terms would be searched wrongly.
void check_analysis_version(const Xapian::Database& db, const std::string& path);

/// @p path without trailing slashes ("/srv/khoj/" → "/srv/khoj"), so that PATH.lock, PATH.tmp
/// and PATH.old sit beside the folder rather than inside it.
std::string without_trailing_slash(std::string path);

/// True when the glass index at @p path has a term list table (DB_NO_TERMLIST was not used).
bool has_termlist_table(const std::string& path);

/// Which folder is at a path (device and inode): compaction and term-list restores swap in a
/// new folder, and a reader must notice to reopen rather than mix the two.
using FolderIdentity = std::pair<unsigned long long, unsigned long long>;

/// The identity of the folder now at @p path ({0, 0} if there is none).
FolderIdentity folder_identity(const std::string& path);

/// Opens an index for searching, turning Xapian's errors into a message a user can act on.
/// Retries when the folder is swapped while opening (glass reads the version file and then
/// each table by path, so an open across a swap could mix two indexes); @p identity, when
/// given, receives the identity of the folder opened.
Xapian::Database open_index_for_reading(const std::string& path, FolderIdentity* identity = nullptr);

/// Puts the complete index folder @p replacement in place of @p path atomically (a rename
/// exchange where the file system has one); @p replacement then holds the old index, or nothing.
/// Throws khoj::IndexError when the folders cannot be renamed.
void replace_index_folder(const std::string& path, const std::string& replacement);

/// Finishes a folder swap that a crash interrupted (the index sits at PATH.old): call under the lock.
void recover_interrupted_swap(const std::string& path);

/// Removes what a writer killed while compacting or restoring left beside the index at @p path:
/// the unfinished copy (PATH.tmp), or the old folder of a swap that completed (PATH.old, which
/// readers must not fall back to later). Call under the lock, after recover_interrupted_swap().
void remove_swap_leftovers(const std::string& path);

/// Where a replacement of the index at @p path is built (PATH.tmp), cleared of any leftover:
/// the first half of the copy-and-swap that compaction and the term-list restore share.
std::string begin_replacement(const std::string& path);

/// Swaps the finished @p replacement (from begin_replacement()) in for the index at @p path and
/// removes the old index; the writer must have closed the index first.
void finish_replacement(const std::string& path, const std::string& replacement);

/// The write lock of an index: the file PATH.lock beside the folder, locked with flock() for as
/// long as the object lives. Xapian's own lock lives inside the folder, which compaction and the
/// term-list restore swap for a new one; this lock sits beside it and is held for the whole run.
class IndexLock {
  public:
    /// Takes the lock of the index at @p path (without a trailing slash); throws
    /// khoj::IndexLockedError at once when another writer holds it, khoj::IndexError when the
    /// lock file cannot be created.
    explicit IndexLock(const std::string& path);
    ~IndexLock();
    IndexLock(const IndexLock&) = delete;
    IndexLock& operator=(const IndexLock&) = delete;

  private:
    int fd_ = -1;
};

/// The message of khoj::IndexLockedError for the index at @p path, the same whichever lock
/// (IndexLock or Xapian's) refused.
std::string locked_message(const std::string& path);

}  // namespace khoj
