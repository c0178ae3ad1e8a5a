#!/usr/bin/env bash
# @file cron.sh @brief End-to-end: cron-grade indexing: idempotent re-runs, updates, --prune, repeated ids, the write lock, kill -9 mid-run, searching during an update, --stats.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

INDEX=$WORK/index
CORPUS=$WORK/corpus
mkdir -p "$CORPUS"
cp "$SOURCE_DIR"/sample_corpus/*.txt "$CORPUS/"
idx() { run "$WORK/out" "$WORK/err" "$KHOJ_INDEX_BIN" --index "$INDEX" "$@"; }
search() { run "$WORK/out" "$WORK/err" "$KHOJ_SEARCH_BIN" --index "$INDEX" "$@"; }
count() { "$KHOJ_SEARCH_BIN" --index "$INDEX" --count "$1" 2>/dev/null || true; }
# Searches INDEX over and over while process PID runs; prints how many searches failed.
failed_searches_while() {
  local index=$1 pid=$2 errors=0 rc
  while kill -0 "$pid" 2>/dev/null; do
    rc=0
    "$KHOJ_SEARCH_BIN" --index "$index" --format tsv पुतिन >/dev/null 2>"$WORK/search.err" || rc=$?
    [ "$rc" -le 1 ] || { errors=$((errors + 1)); cat "$WORK/search.err" >&2; }
  done
  echo "$errors"
}

# Quiet under cron: nothing on stdout or stderr when all is well and stdout is not a terminal.
idx "$CORPUS"
expect_rc 0 "first run"
[ ! -s "$WORK/out" ] && [ ! -s "$WORK/err" ] || fail "first run was not quiet: $(cat "$WORK/out" "$WORK/err")"
pass "first run indexes and is quiet when not on a terminal"

# Idempotent: the second run skips the unchanged files; --force re-reads and changes nothing.
idx --verbose "$CORPUS"
expect_rc 0 "second run"
grep -q "0 added, 0 updated, 0 unchanged, 0 deleted, 0 rejected, 4 files skipped" "$WORK/err" || fail "second run: $(cat "$WORK/err")"
idx --verbose --force "$CORPUS"
grep -q "0 added, 0 updated, 4 unchanged" "$WORK/err" || fail "--force run: $(cat "$WORK/err")"
pass "re-runs change nothing (files skipped by size+mtime; --force finds every article unchanged)"

# A changed file replaces its article, no duplicate.
printf 'नया शीर्षक: मेरठ में बारिश\nमेरठ में आज भारी बारिश हुई।\n' > "$CORPUS/003_b08cd47993b18163.txt"
idx --verbose "$CORPUS"
grep -q "0 added, 1 updated" "$WORK/err" || fail "update: $(cat "$WORK/err")"
[ "$(count मेरठ)" = 1 ] || fail "updated article not searchable"
[ "$(count 'person:Shoigu')" = 2 ] || fail "old text of the updated article still indexed"
pass "a changed file replaces its article (entity facets follow)"

# --prune deletes the articles of a file that disappeared.
rm "$CORPUS/002_39dddb9f299d2a0d.txt"
idx --verbose --prune "$CORPUS"
grep -q "1 deleted" "$WORK/err" || fail "prune: $(cat "$WORK/err")"
search --format tsv सैटेलाइट
[ "$RC" = 1 ] || fail "pruned article still found: $(cat "$WORK/out")"
pass "--prune deletes the article whose file is gone"

# A repeated id inside one input warns and keeps the last.
printf '{"id":"dup","title":"पहला","body":"पहला संस्करण"}\n{"id":"dup","title":"दूसरा","body":"दूसरा संस्करण"}\n' > "$WORK/dup.jsonl"
idx "$WORK/dup.jsonl"
grep -q "dup.jsonl:2: id 'dup' repeats" "$WORK/err" || fail "no warning for a repeated id: $(cat "$WORK/err")"
[ "$(count दूसरा)" = 1 ] && [ "$(count पहला)" = 0 ] || fail "repeated id did not keep the last"
# Re-reading the same file (touched, or --force) must not bring the earlier copy back.
touch "$WORK/dup.jsonl"
idx "$WORK/dup.jsonl"
idx --force "$WORK/dup.jsonl"
[ "$(count दूसरा)" = 1 ] && [ "$(count पहला)" = 0 ] || fail "re-reading a file with a repeated id brought the earlier copy back"
pass "a repeated id warns with file:line and keeps the last, also when the file is read again"

# The write lock: a second khoj-index exits 4 at once and changes nothing. The lock is an
# flock on INDEX.lock, held here by flock(1) as a running khoj-index would hold it (a FIFO
# input used to hold a run open, but FIFOs are now refused rather than read).
flock -o -x "$INDEX.lock" sleep 30 >/dev/null 2>&1 &
holder=$!
for _ in $(seq 50); do flock -n "$INDEX.lock" true || break; sleep 0.1; done
before=$("$KHOJ_INDEX_BIN" --index "$INDEX" --stats | grep documents)
printf '{"id":"fifo","title":"फीफो","body":"फीफो लेख"}\n' > "$WORK/slow.jsonl"
idx "$WORK/slow.jsonl"
expect_rc 4 "second concurrent khoj-index"
grep -q "khoj-index: .*being updated by another khoj-index" "$WORK/err" || fail "lock message: $(cat "$WORK/err")"
[ "$(count फीफो)" = 0 ] || fail "a run refused by the lock changed the index"
pkill -P "$holder" sleep || true; kill "$holder" 2>/dev/null || true; wait "$holder" 2>/dev/null || true
idx "$WORK/slow.jsonl"
expect_rc 0 "khoj-index once the lock is free"
after=$("$KHOJ_INDEX_BIN" --index "$INDEX" --stats | grep documents)
[ "$before" != "" ] && [ "$(count फीफो)" = 1 ] || fail "the run after the lock was freed did not index"
pass "a concurrent run exits 4 with a clear message and changes nothing; the next run works"

# kill -9 mid-run, then re-run: the index opens, and ends with the same documents and results
# as a clean build. A synthetic corpus of 1,600 articles (the seeds with suffixed ids).
# KHOJ_E2E_COPIES (default 400) makes it smaller where everything runs slower (sanitizers).
python3 - "$SOURCE_DIR/sample_corpus" "$WORK/big.jsonl" "${KHOJ_E2E_COPIES:-400}" <<'PY'
import json, pathlib, sys
seeds = sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for k in range(int(sys.argv[3])):
        for s in seeds:
            lines = [l for l in s.read_text(encoding="utf-8").splitlines() if l.strip()]
            out.write(json.dumps({"id": f"{s.stem}#{k}", "title": lines[0], "body": "\n".join(lines[1:]) + f" क्रमांक{k}"}, ensure_ascii=False) + "\n")
PY
CLEAN=$WORK/clean
"$KHOJ_INDEX_BIN" --index "$CLEAN" "$WORK/big.jsonl"
"$KHOJ_INDEX_BIN" --index "$INDEX.k9" --batch-size 200 "$WORK/big.jsonl" >/dev/null 2>&1 &
victim=$!
sleep 0.8
kill -9 "$victim" 2>/dev/null || true
wait "$victim" 2>/dev/null || true
"$KHOJ_INDEX_BIN" --index "$INDEX.k9" --stats >/dev/null || fail "index does not open after kill -9"
"$KHOJ_INDEX_BIN" --index "$INDEX.k9" --batch-size 200 "$WORK/big.jsonl"
for q in "Shoigu Pyongyang" "क्रमांक7" "पुतिन"; do
  a=$("$KHOJ_SEARCH_BIN" --index "$CLEAN" --format tsv -n 20 "$q" | cut -f2 | sort)
  b=$("$KHOJ_SEARCH_BIN" --index "$INDEX.k9" --format tsv -n 20 "$q" | cut -f2 | sort)
  [ "$a" = "$b" ] || fail "after kill -9 + re-run, '$q' differs from a clean build"
done
[ "$("$KHOJ_INDEX_BIN" --index "$INDEX.k9" --stats | grep documents)" = "$("$KHOJ_INDEX_BIN" --index "$CLEAN" --stats | grep documents)" ] ||
  fail "document count differs after kill -9 + re-run"
pass "kill -9 mid-run leaves an index that opens; the re-run ends identical to a clean build"

# Searches keep working while an update commits (batches of 100 → many commits).
"$KHOJ_INDEX_BIN" --index "$INDEX.live" --batch-size 100 "$WORK/big.jsonl" >/dev/null 2>&1 &
writer=$!
sleep 0.3
errors=$(failed_searches_while "$INDEX.live" "$writer")
wait "$writer"
[ "$errors" = 0 ] || fail "$errors searches failed during indexing"
pass "searches during an update never fail"

# --compact drops the term lists; the next run that replaces an article restores them from the
# stored articles. A kill -9 in the middle of that, then a re-run, ends where a clean build of
# the changed input ends, and searches running meanwhile never fail.
"$KHOJ_INDEX_BIN" --index "$INDEX.k9" --compact "$WORK/big.jsonl"
"$KHOJ_INDEX_BIN" --index "$INDEX.k9" --stats | grep -q "term lists .*none" || fail "--compact kept the term lists"
python3 - "$WORK/big.jsonl" "$WORK/big2.jsonl" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
rows[5]["body"] = "मेरठ में आज भारी बारिश हुई, सड़कें डूबीं।"
rows[6]["title"] = "व्लादिमीर पुतिन का नया बयान"
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for r in rows: out.write(json.dumps(r, ensure_ascii=False) + "\n")
PY
CLEAN2=$WORK/clean2
"$KHOJ_INDEX_BIN" --index "$CLEAN2" "$WORK/big2.jsonl"
mv "$WORK/big2.jsonl" "$WORK/big.jsonl"
"$KHOJ_INDEX_BIN" --index "$INDEX.k9" "$WORK/big.jsonl" >/dev/null 2>&1 &
victim=$!
sleep 0.4
kill -9 "$victim" 2>/dev/null || true
wait "$victim" 2>/dev/null || true
"$KHOJ_SEARCH_BIN" --index "$INDEX.k9" --count पुतिन >/dev/null || fail "index does not open after kill -9 during a restore"
"$KHOJ_INDEX_BIN" --index "$INDEX.k9" "$WORK/big.jsonl" >/dev/null 2>&1 &
writer=$!
errors=$(failed_searches_while "$INDEX.k9" "$writer")
wait "$writer" || fail "re-run after kill -9 during a restore failed"
[ "$errors" = 0 ] || fail "$errors searches failed while the term lists were restored"
"$KHOJ_INDEX_BIN" --index "$INDEX.k9" --stats | grep -q "term lists .*none" && fail "the update did not restore the term lists"
for q in "मेरठ बारिश" "पुतिन" "क्रमांक7" "person:Putin"; do
  a=$("$KHOJ_SEARCH_BIN" --index "$CLEAN2" --json --facets -n 20 "$q" || true)
  b=$("$KHOJ_SEARCH_BIN" --index "$INDEX.k9" --json --facets -n 20 "$q" || true)
  [ -n "$a" ] && [ "$a" = "$b" ] || fail "after compact + update, '$q' differs from a clean build"
done
[ "$("$KHOJ_INDEX_BIN" --index "$INDEX.k9" --stats | grep documents)" = "$("$KHOJ_INDEX_BIN" --index "$CLEAN2" --stats | grep documents)" ] ||
  fail "document count differs after compact + update"
pass "an update after --compact restores the term lists (kill -9 mid-way included) and ends equal to a clean build"

# --stats.
idx --stats
expect_rc 0 "--stats"
for field in "documents:" "bytes on disk:" "last update:" "analysis version:"; do grep -q "$field" "$WORK/out" || fail "--stats lacks $field"; done
pass "--stats prints documents, size, last update and analysis version"
