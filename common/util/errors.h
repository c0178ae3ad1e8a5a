/** @file errors.h @brief Typed exceptions of the Khoj core; only the programs' main() catches them. */
#pragma once
#include <stdexcept>
#include <string>

namespace khoj {

/// Base of every error the core throws; main() maps each subclass to an exit code.
class Error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// The command line or a query is malformed (exit code 2).
class UsageError : public Error {
  public:
    using Error::Error;
};

/// The index is missing, unreadable, locked or built by another analysis version (exit code 3).
class IndexError : public Error {
  public:
    using Error::Error;
};

/// Another khoj-index holds the index's write lock (exit code 4).
class IndexLockedError : public IndexError {
  public:
    using IndexError::IndexError;
};

}  // namespace khoj
