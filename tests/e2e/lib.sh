# @file lib.sh @brief Helpers shared by the end-to-end tests: argument checks, a scratch folder, assertions.
# Sourced by the tests, which are run as: bash TEST.sh KHOJ_INDEX_BINARY KHOJ_SEARCH_BINARY SOURCE_DIR [MODE]

if [ $# -lt 3 ]; then
  echo "usage: $0 KHOJ_INDEX KHOJ_SEARCH SOURCE_DIR [MODE]" >&2
  exit 2
fi
KHOJ_INDEX_BIN=$1
KHOJ_SEARCH_BIN=$2
SOURCE_DIR=$3
MODE=${4:-}
unset KHOJ_INDEX NO_COLOR
export LC_ALL=C.UTF-8

WORK=$(mktemp -d "${TMPDIR:-/tmp}/khoj-e2e.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

CHECKS=0
fail() {
  echo "FAIL: $*" >&2
  exit 1
}
pass() {
  CHECKS=$((CHECKS + 1))
  echo "ok $CHECKS - $*"
}

# run OUT ERR CMD...: runs CMD with stdout and stderr in files; sets RC (never trips set -e).
run() {
  local out=$1 err=$2
  shift 2
  RC=0
  "$@" >"$out" 2>"$err" || RC=$?
}

expect_rc() {
  local want=$1 what=$2
  if [ "$RC" != "$want" ]; then
    echo "--- stdout:" >&2; cat "$WORK/out" >&2 || true
    echo "--- stderr:" >&2; cat "$WORK/err" >&2 || true
    fail "$what: exit code $RC, expected $want"
  fi
}

# Ids (second TSV field) of the rows in a --format tsv output file, one per line.
tsv_ids() { cut -f2 "$1"; }

# require_shared FILE...: sets SHARED and CORPUS (the COVID corpus); exits 77 (skipped) unless the
# corpus and every FILE (relative to ../shared) are there.
require_shared() {
  SHARED=$SOURCE_DIR/../shared
  CORPUS=$SHARED/corpora/hindi-covid-2020.jsonl
  local f
  for f in "$CORPUS" "${@/#/$SHARED/}"; do
    if [ ! -f "$f" ]; then
      echo "skipped: $SHARED (the shared corpora and queries) is absent"
      exit 77
    fi
  done
}

# compare_with_golden ACTUAL GOLDEN WHAT: with KHOJ_UPDATE_GOLDEN=1 copies ACTUAL over GOLDEN and
# exits; otherwise fails with the diff when they differ ("WHAT differ from GOLDEN").
compare_with_golden() {
  local actual=$1 golden=$2 what=$3
  if [ "${KHOJ_UPDATE_GOLDEN:-0}" = 1 ]; then
    cp "$actual" "$golden"
    echo "wrote $golden: review it before committing"
    exit 0
  fi
  if ! diff -u "$golden" "$actual" >&2; then
    fail "$what differ from $golden (see the diff above; KHOJ_UPDATE_GOLDEN=1 regenerates it)"
  fi
}
