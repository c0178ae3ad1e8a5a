/** @file index_folder.cpp @brief The index folder: flock beside it, atomic folder swaps and their recovery, identity, opening for reading. */
#include "common/index/index_folder.h"

#include "common/index/schema.h"
#include "common/util/errors.h"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace khoj {

namespace fs = std::filesystem;

namespace {

// fs::rename with the failure as khoj::IndexError (a std::filesystem_error would escape the
// programs' error mapping).
void rename_or_throw(const std::string& from, const std::string& to) {
    std::error_code ec;
    fs::rename(from, to, ec);
    if (ec) throw IndexError("cannot rename " + from + " to " + to + ": " + ec.message());
}

}  // namespace

void check_analysis_version(const Xapian::Database& db, const std::string& path) {
    std::string version = db.get_metadata(metadata::kAnalysisVersion);
    if (db.get_doccount() > 0 && version != kAnalysisVersion) {
        throw IndexError("index " + path + " was built by analysis version '" + (version.empty() ? "unknown" : version) +
                         "' but this Khoj uses '" + kAnalysisVersion + "': rebuild it (remove the folder and run khoj-index again)");
    }
}

std::string without_trailing_slash(std::string path) {
    while (path.size() > 1 && path.back() == '/') path.pop_back();
    return path;
}

std::string real_index_folder(const std::string& path) {
    fs::path folder = without_trailing_slash(path);
    std::error_code ec;
    // A bounded walk: a symlink loop is left for opening to report.
    for (int hops = 0; hops < 40 && fs::is_symlink(folder, ec); ++hops) {
        const fs::path target = fs::read_symlink(folder, ec);
        if (ec) break;
        folder = target.is_absolute() ? target : folder.parent_path() / target;
    }
    return without_trailing_slash(folder.string());
}

FolderUse prepare_index_folder(const std::string& folder) {
    std::error_code ec;
    if (fs::exists(fs::path(folder) / "iamglass", ec)) return FolderUse::OpenIndex;
    const fs::file_status status = fs::status(folder, ec);
    if (!fs::exists(status)) {
        if (!fs::create_directory(folder, ec) && ec) throw IndexError("cannot create the index folder " + folder + ": " + ec.message());
    } else if (!fs::is_directory(status)) {
        throw IndexError(folder + " is not a folder, so it cannot hold an index");
    } else if (!fs::is_empty(folder, ec)) {
        if (!fs::exists(fs::path(folder) / kCreationMarker, ec)) {
            throw IndexError("index " + folder + " is damaged or not a Khoj index (it holds files but no iamglass); khoj-index "
                             "creates an index only in a missing or empty folder and leaves this one as it is");
        }
        // A creation cut short: the marker and the empty tables Xapian had made, nothing else.
        std::vector<fs::path> leftovers;
        for (const auto& entry : fs::directory_iterator(folder, ec)) leftovers.push_back(entry.path());
        for (const auto& leftover : leftovers) fs::remove_all(leftover, ec);
    }
    std::ofstream marker(fs::path(folder) / kCreationMarker);
    marker << "khoj-index is creating an index in this folder\n";
    if (!marker.flush()) throw IndexError("cannot write in the index folder " + folder + ": " + std::strerror(errno));
    return FolderUse::CreateIndex;
}

void finish_index_creation(const std::string& folder) {
    std::error_code ec;
    fs::remove(fs::path(folder) / kCreationMarker, ec);
}

std::string unwritable_reason(const std::string& folder) {
    if (::access(folder.c_str(), W_OK) != 0) return std::strerror(errno);
    const std::string lock = folder + "/flintlock";
    if (::access(lock.c_str(), F_OK) == 0 && ::access(lock.c_str(), W_OK) != 0) return std::strerror(errno);
    return "";
}

bool has_termlist_table(const std::string& path) {
    std::error_code ec;
    return fs::exists(fs::path(path) / "termlist.glass", ec);
}

void replace_index_folder(const std::string& path, const std::string& replacement) {
    // RENAME_EXCHANGE swaps both names in one step: a crash leaves the old or the new index.
    if (::renameat2(AT_FDCWD, replacement.c_str(), AT_FDCWD, path.c_str(), RENAME_EXCHANGE) == 0) return;
    // No exchange here (e.g. some network file systems): two renames, which a crash can split,
    // leaving the index at PATH.khoj-old for recover_interrupted_swap() and the readers to find.
    const std::string old = path + kOldIndexSuffix;
    std::error_code ec;
    fs::remove_all(old, ec);
    rename_or_throw(path, old);
    rename_or_throw(replacement, path);
    rename_or_throw(old, replacement);
}

void recover_interrupted_swap(const std::string& path) {
    std::error_code ec;
    if (!fs::exists(path, ec) && fs::exists(path + kOldIndexSuffix, ec)) rename_or_throw(path + kOldIndexSuffix, path);
}

void remove_swap_leftovers(const std::string& path) {
    std::error_code ec;
    fs::remove_all(path + kReplacementSuffix, ec);
    fs::remove_all(path + kOldIndexSuffix, ec);
}

std::string begin_replacement(const std::string& path) {
    const std::string replacement = path + kReplacementSuffix;
    std::error_code ec;
    fs::remove_all(replacement, ec);
    return replacement;
}

void finish_replacement(const std::string& path, const std::string& replacement) {
    replace_index_folder(path, replacement);
    std::error_code ec;
    fs::remove_all(replacement, ec);
}

FolderIdentity folder_identity(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return {0, 0};
    return {static_cast<unsigned long long>(st.st_dev), static_cast<unsigned long long>(st.st_ino)};
}

Xapian::Database open_index_for_reading(const std::string& input_path, FolderIdentity* identity) {
    const std::string given = without_trailing_slash(input_path);
    const std::string folder = real_index_folder(given);
    for (int attempt = 0;; ++attempt) {
        std::string path = folder;
        std::error_code ec;
        if (!fs::exists(path, ec) && fs::exists(path + kOldIndexSuffix, ec)) path += kOldIndexSuffix;  // mid-swap (see replace_index_folder)
        const FolderIdentity before = folder_identity(path);
        if (before == FolderIdentity{0, 0}) {
            if (attempt < 3 && fs::exists(folder + kReplacementSuffix, ec)) {  // between the two renames of a swap
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
                continue;
            }
            throw IndexError("no index at " + given + " (build one with khoj-index --index " + given + " FILES)");
        }
        const bool last = attempt == 5;
        try {
            Xapian::Database db(path);
            check_analysis_version(db, path);
            if (folder_identity(path) != before && !last) continue;  // swapped while opening: the tables may be mixed
            if (identity) *identity = before;
            return db;
        } catch (const Xapian::DatabaseModifiedError&) {
            // A concurrent commit landed between opening and reading the metadata.
            if (last) throw IndexError("index " + given + " keeps changing under the search; try again");
        } catch (const Xapian::DatabaseOpeningError& e) {
            if (folder_identity(path) != before && !last) continue;
            throw IndexError("cannot open index " + given + ": " + e.get_msg());
        } catch (const Xapian::DatabaseCorruptError& e) {
            if (folder_identity(path) != before && !last) continue;
            throw IndexError("index " + given + " is damaged: " + e.get_msg());
        }
    }
}

std::string locked_message(const std::string& path) {
    return "index " + path + " is being updated by another khoj-index; try again when it has finished";
}

IndexLock::IndexLock(const std::string& path) {
    const std::string lock_path = path + ".lock";
    fd_ = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) throw IndexError("cannot create the lock file " + lock_path + ": " + std::strerror(errno));
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd_);  // the destructor does not run for a constructor that throws
        throw IndexLockedError(locked_message(path));
    }
}

IndexLock::~IndexLock() {
    if (fd_ >= 0) ::close(fd_);
}

}  // namespace khoj
