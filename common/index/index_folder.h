/** @file index_folder.h @brief The index folder on disk, for the writer and the searcher alike: its lock, its swaps, its identity, opening it and the analysis-version check. */
#pragma once
#include <xapian.h>

#include <string>
#include <utility>

namespace khoj {

/// Throws khoj::IndexError when @p db (the index at @p path) holds articles analysed by another
/// analysis version than this Khoj's (kAnalysisVersion): its terms would be searched wrongly.
void check_analysis_version(const Xapian::Database& db, const std::string& path);

/// @p path without trailing slashes ("/srv/khoj/" → "/srv/khoj"), so that PATH.lock and the
/// swap folders sit beside the folder rather than inside it.
std::string without_trailing_slash(std::string path);

/// The folder an index path names: @p path with the symbolic links of its last component
/// followed (however many, even to a target that is missing mid-swap). The copy-and-swap of
/// compaction renames folders, and a rename acts on a symlink itself: done on the target, the
/// index stays where the link points and the link stays a link.
std::string real_index_folder(const std::string& path);

/// What Khoj names the folders it makes beside the real index folder INDEX (and removes or puts
/// back after a crash): INDEX.khoj-tmp, the copy being built, and INDEX.khoj-old, the old index
/// in the middle of a two-rename swap. Names of Khoj's own, so a user's INDEX.tmp or INDEX.old
/// is never touched.
constexpr const char* kReplacementSuffix = ".khoj-tmp";
constexpr const char* kOldIndexSuffix = ".khoj-old";

/// The file inside a folder that Khoj is turning into a new index: present from before Xapian
/// creates its files until the index exists, so a creation a crash cut short is told apart
/// from a folder of someone else's files (or a damaged index), which is never written over.
constexpr const char* kCreationMarker = "khoj-creating";

/// How the writer may use the real index folder @p folder.
enum class FolderUse { OpenIndex, CreateIndex };

/// Readies @p folder for the writer (call under the lock): an index in it (iamglass) is to be
/// opened; a missing or empty folder, or one whose creation a crash interrupted, gets the
/// creation marker and is to be created. Throws khoj::IndexError for anything else: a folder
/// that holds files but no index (damaged, or not an index) is refused, never rebuilt over.
FolderUse prepare_index_folder(const std::string& folder);

/// Removes the creation marker from @p folder once its index exists.
void finish_index_creation(const std::string& folder);

/// Why this process cannot write in the index folder @p folder or its Xapian lock file
/// (strerror's text), or "" when it can: Xapian reports both as a lock error, which is not
/// "another writer is running".
std::string unwritable_reason(const std::string& folder);

/// True when the glass index at @p path has a term list table (DB_NO_TERMLIST was not used).
bool has_termlist_table(const std::string& path);

/// Which folder is at a path (device and inode): compaction and term-list restores swap in a
/// new folder, and a reader must notice to reopen rather than mix the two.
using FolderIdentity = std::pair<unsigned long long, unsigned long long>;

/// The identity of the folder now at @p path ({0, 0} if there is none).
FolderIdentity folder_identity(const std::string& path);

/// Opens an index for searching, turning Xapian's errors into a message a user can act on.
/// Through a symlink it opens the target, and mid-swap the target's PATH.khoj-old. Retries when the folder is swapped while opening (glass reads the version file and then
/// each table by path, so an open across a swap could mix two indexes); @p identity, when
/// given, receives the identity of the folder opened.
Xapian::Database open_index_for_reading(const std::string& path, FolderIdentity* identity = nullptr);

/// Puts the complete index folder @p replacement in place of @p path atomically (a rename
/// exchange where the file system has one); @p replacement then holds the old index, or nothing.
/// Throws khoj::IndexError when the folders cannot be renamed.
void replace_index_folder(const std::string& path, const std::string& replacement);

/// Finishes a folder swap that a crash interrupted (the index sits at PATH.khoj-old): call under
/// the lock, with the real folder (real_index_folder()).
void recover_interrupted_swap(const std::string& path);

/// Removes what a writer killed while compacting or restoring left beside the index at @p path:
/// the unfinished copy (PATH.khoj-tmp), or the old folder of a swap that completed
/// (PATH.khoj-old, which readers must not fall back to later). Call under the lock, after
/// recover_interrupted_swap().
void remove_swap_leftovers(const std::string& path);

/// Where a replacement of the index at @p path is built (PATH.khoj-tmp), cleared of any
/// leftover: the first half of the copy-and-swap that compaction and the term-list restore share.
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
