#!/usr/bin/env bash
# @file cron.sh @brief End-to-end: cron-grade indexing: idempotent re-runs, updates, --prune (also of ids other files hold), repeated ids, the write lock, damaged, foreign, read-only and symlinked index folders, the user's INDEX.old, searching during an update, 24 seeded kill -9 trials, --stats.
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

# --prune keeps an article whose id another file still holds: X is in a.jsonl and (later) in
# b.jsonl; b.jsonl goes; a.jsonl, skipped as unchanged, is read again for X.
mkdir -p "$WORK/news"
printf '{"id":"X","title":"पहला संस्करण","body":"ए"}\n' > "$WORK/news/a.jsonl"
printf '{"id":"X","title":"दूसरा संस्करण","body":"बी"}\n' > "$WORK/news/b.jsonl"
NEWS_INDEX=$WORK/news-index
"$KHOJ_INDEX_BIN" --index "$NEWS_INDEX" "$WORK/news" 2>/dev/null
rm "$WORK/news/b.jsonl"
run "$WORK/out" "$WORK/err" "$KHOJ_INDEX_BIN" --index "$NEWS_INDEX" --verbose --prune "$WORK/news"
expect_rc 0 "--prune after b.jsonl went"
run "$WORK/out" "$WORK/err" "$KHOJ_SEARCH_BIN" --index "$NEWS_INDEX" -f tsv संस्करण
expect_rc 0 "X after --prune"
[ "$(cut -f2 "$WORK/out")" = X ] && grep -q 'पहला संस्करण' "$WORK/out" || fail "--prune lost X, which a.jsonl still holds: $(cat "$WORK/out")"
pass "--prune keeps an article another file still holds, as that file has it"

# A damaged index is refused and left as it is, never rebuilt over: without postlist.glass,
# Xapian took it for no index and khoj-index wrote an almost empty one over the rest. A folder
# of someone else's files is refused the same way.
listing() { (cd "$1" && find . -type f ! -name flintlock -printf '%p %s\n' | sort | md5sum); }
cp -a "$INDEX" "$WORK/damaged"
rm "$WORK/damaged/postlist.glass"
before=$(listing "$WORK/damaged")
run "$WORK/out" "$WORK/err" "$KHOJ_INDEX_BIN" --index "$WORK/damaged" "$WORK/slow.jsonl"
expect_rc 3 "khoj-index on an index without postlist.glass"
[ "$(listing "$WORK/damaged")" = "$before" ] || fail "khoj-index changed a damaged index: $(ls -l "$WORK/damaged")"
mkdir -p "$WORK/notes" && echo "मेरी टिप्पणियां" > "$WORK/notes/todo.txt"
run "$WORK/out" "$WORK/err" "$KHOJ_INDEX_BIN" --index "$WORK/notes" "$WORK/slow.jsonl"
expect_rc 3 "khoj-index on a folder of other files"
grep -q "not a Khoj index" "$WORK/err" && [ "$(ls "$WORK/notes")" = todo.txt ] || fail "a folder of other files: $(cat "$WORK/err"; ls "$WORK/notes")"
pass "a damaged index or a folder of other files: exit 3, left as it is"

# The user's own INDEX.old and INDEX.tmp are not Khoj's (it names its own INDEX.khoj-tmp and
# INDEX.khoj-old): they survive a run with --compact, and a search does not serve INDEX.old.
cp -a "$INDEX" "$INDEX.old" && echo precious > "$INDEX.old/README-backup.txt"
mkdir -p "$INDEX.tmp" && echo mine > "$INDEX.tmp/notes.txt"
idx --compact "$CORPUS"
expect_rc 0 "--compact beside a user's INDEX.old and INDEX.tmp"
[ -f "$INDEX.old/README-backup.txt" ] && [ -f "$INDEX.tmp/notes.txt" ] || fail "khoj-index deleted a user's INDEX.old or INDEX.tmp"
mv "$INDEX" "$INDEX.away"
search --count पुतिन
expect_rc 3 "a search with the index gone and a user's INDEX.old beside it"
mv "$INDEX.away" "$INDEX"
rm -rf "$INDEX.old" "$INDEX.tmp"
pass "a user's INDEX.old and INDEX.tmp are left alone, and INDEX.old is not served"

# An index folder reached through a symlink: --compact compacts the target, the link stays a link.
mkdir -p "$WORK/data"
"$KHOJ_INDEX_BIN" --index "$WORK/data/khoj" "$CORPUS"
ln -s data/khoj "$WORK/link"
printf '{"id":"n1","title":"ज्वालामुखी","body":"ज्वालामुखी फटा"}\n' > "$WORK/new.jsonl"
run "$WORK/out" "$WORK/err" "$KHOJ_INDEX_BIN" --index "$WORK/link" --compact "$WORK/new.jsonl"
expect_rc 0 "--compact through a symlink"
[ -L "$WORK/link" ] || fail "the symlinked index folder was replaced by a real folder"
[ "$("$KHOJ_SEARCH_BIN" --index "$WORK/data/khoj" --count ज्वालामुखी)" = 1 ] || fail "the symlink's target was left stale"
"$KHOJ_INDEX_BIN" --index "$WORK/data/khoj" --stats | grep -q "term lists .*none" || fail "the target was not compacted"
pass "--compact through a symlink compacts the target and keeps the symlink"

# A read-only index folder (root's, with a parent the user may write, so the lock can be made) is
# "cannot write", exit 3: not "locked", exit 4, which a cron job would retry for ever.
as_user=()
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null && id nobody >/dev/null 2>&1; then
  as_user=(setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups)
  "${as_user[@]}" "$KHOJ_INDEX_BIN" --version >/dev/null 2>&1 || as_user=()  # the build folder is private
fi
if [ ${#as_user[@]} = 0 ]; then
  echo "# skipped: read-only index folder (needs root, setpriv and a build folder nobody may run)"
else
  chmod 755 "$WORK"
  mkdir -p "$WORK/ro/b" && cp -r "$INDEX" "$WORK/ro/b/idx" && chown nobody "$WORK/ro/b" && chmod -R a+rX "$WORK/ro" "$WORK/slow.jsonl"
  run "$WORK/out" "$WORK/err" "${as_user[@]}" "$KHOJ_INDEX_BIN" --index "$WORK/ro/b/idx" "$WORK/slow.jsonl"
  expect_rc 3 "a read-only index folder"
  grep -q "cannot write index" "$WORK/err" || fail "a read-only index folder: $(cat "$WORK/err")"
  pass "a read-only index folder is reported as cannot write, exit 3"
fi

# A synthetic corpus of 1,600 articles (the seeds with suffixed ids, and क्रमांक in every one).
# KHOJ_E2E_COPIES (default 400) makes it smaller where everything runs slower (sanitizers).
make_corpus() {
  python3 - "$SOURCE_DIR/sample_corpus" "$1" "$2" <<'PY'
import json, pathlib, sys
seeds = sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for k in range(int(sys.argv[3])):
        for s in seeds:
            lines = [l for l in s.read_text(encoding="utf-8").splitlines() if l.strip()]
            out.write(json.dumps({"id": f"{s.stem}#{k}", "title": lines[0], "body": "\n".join(lines[1:]) + f" क्रमांक क्रमांक{k}"}, ensure_ascii=False) + "\n")
PY
}
# The same corpus with two articles changed: an update that replaces them.
change_corpus() {
  python3 - "$1" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
rows[5]["body"] = "मेरठ में आज भारी बारिश हुई, सड़कें डूबीं। क्रमांक"
rows[6]["title"] = "व्लादिमीर पुतिन का नया बयान"
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for r in rows: out.write(json.dumps(r, ensure_ascii=False) + "\n")
PY
}
COPIES=${KHOJ_E2E_COPIES:-400}
make_corpus "$WORK/big.jsonl" "$COPIES"

# Searches keep working while an update commits (batches of 100 → many commits).
"$KHOJ_INDEX_BIN" --index "$INDEX.live" --batch-size 100 "$WORK/big.jsonl" >/dev/null 2>&1 &
writer=$!
sleep 0.3
errors=$(failed_searches_while "$INDEX.live" "$writer")
wait "$writer"
[ "$errors" = 0 ] || fail "$errors searches failed during indexing"
pass "searches during an update never fail"

# --compact drops the term lists; the next run that replaces an article restores them from the
# stored articles and swaps the copy in, and searches running meanwhile never fail.
"$KHOJ_INDEX_BIN" --index "$INDEX.live" --compact "$WORK/big.jsonl"
"$KHOJ_INDEX_BIN" --index "$INDEX.live" --stats | grep -q "term lists .*none" || fail "--compact kept the term lists"
change_corpus "$WORK/big.jsonl"
"$KHOJ_INDEX_BIN" --index "$INDEX.live" "$WORK/big.jsonl" >/dev/null 2>&1 &
writer=$!
errors=$(failed_searches_while "$INDEX.live" "$writer")
wait "$writer" || fail "the update after --compact failed"
[ "$errors" = 0 ] || fail "$errors searches failed while the term lists were restored"
"$KHOJ_INDEX_BIN" --index "$INDEX.live" --stats | grep -q "term lists .*none" && fail "the update did not restore the term lists"
pass "an update after --compact restores the term lists while searches go on"

# kill -9 at random moments: 8 trials in each of indexing, compaction and the term-list restore
# of an update. After each kill the index opens (once it exists), the re-run succeeds, and
# documents and results equal a clean build of the same input: nothing lost, nothing doubled.
# The delays are seeded; KHOJ_E2E_SEED=N repeats a run's trials.
SEED=${KHOJ_E2E_SEED:-$(( $(date +%s) % 100000 ))}
echo "# kill -9 trials with seed $SEED (KHOJ_E2E_SEED=$SEED repeats them)"
# kill_during SEED TRIGGER MAX_MS CMD...: runs CMD; once the path TRIGGER exists ("-": at once),
# waits a random 0..MAX_MS ms drawn from SEED, then kill -9; prints the delay and whether it hit.
kill_during() {
  python3 - "$@" <<'PY'
import os, random, signal, subprocess, sys, time
seed, trigger, max_ms, cmd = int(sys.argv[1]), sys.argv[2], float(sys.argv[3]), sys.argv[4:]
delay = random.Random(seed).uniform(0, max_ms) / 1000
p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
while trigger != "-" and not os.path.exists(trigger) and p.poll() is None:
    time.sleep(0.0002)
time.sleep(delay)
hit = p.poll() is None
if hit:
    p.send_signal(signal.SIGKILL)
p.wait()
print(f"{delay * 1000:.0f} ms after {'the start' if trigger == '-' else os.path.basename(trigger)}: {'killed' if hit else 'had finished'}")
PY
}
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# Documents and results of index $1 equal those of the clean index $2.
same_as_clean() {
  local q a b
  for q in "क्रमांक" "पुतिन" "Shoigu Pyongyang" "क्रमांक7" "मेरठ बारिश"; do
    a=$("$KHOJ_SEARCH_BIN" --index "$2" --count "$q" || true)
    b=$("$KHOJ_SEARCH_BIN" --index "$1" --count "$q" || true)
    [ "$a" = "$b" ] || { echo "'$q': $b articles, a clean build has $a" >&2; return 1; }
  done
  for q in "Shoigu Pyongyang July" "person:Putin" "क्रमांक7"; do
    a=$("$KHOJ_SEARCH_BIN" --index "$2" --json --facets -n 20 "$q" || true)
    b=$("$KHOJ_SEARCH_BIN" --index "$1" --json --facets -n 20 "$q" || true)
    [ -n "$a" ] && [ "$a" = "$b" ] || { echo "'$q' differs from a clean build" >&2; return 1; }
  done
}
# After a kill: an index that exists opens; the re-run (CMD...) succeeds, leaves no swap folder,
# and ends equal to CLEAN.
check_trial() {
  local trial=$1 index=$2 clean=$3
  shift 3
  if [ -e "$index/iamglass" ]; then
    "$KHOJ_SEARCH_BIN" --index "$index" --count क्रमांक >/dev/null 2>"$WORK/open.err" || [ $? = 1 ] || fail "trial $trial: the index does not open after kill -9: $(cat "$WORK/open.err")"
  fi
  "$@" >/dev/null 2>"$WORK/rerun.err" || fail "trial $trial: the re-run after kill -9 failed: $(cat "$WORK/rerun.err")"
  [ ! -e "$index.khoj-tmp" ] && [ ! -e "$index.khoj-old" ] || fail "trial $trial: a swap folder was left after the re-run"
  same_as_clean "$index" "$clean" || fail "trial $trial: after kill -9 and a re-run the index differs from a clean build"
}
TRIALS=$WORK/trials.jsonl
make_corpus "$TRIALS" $(( COPIES / 2 ))
T=$WORK/trial
hits=0 trial=0
start=$(now_ms)
"$KHOJ_INDEX_BIN" --index "$WORK/trial-clean" "$TRIALS"
index_ms=$(( $(now_ms) - start ))
for _ in 1 2 3 4 5 6 7 8; do  # indexing (commits every 100 articles)
  trial=$((trial + 1)); rm -rf "$T" "$T.lock"
  result=$(kill_during $((SEED + trial)) - $(( index_ms * 9 / 10 )) "$KHOJ_INDEX_BIN" --index "$T" --batch-size 100 "$TRIALS")
  echo "# trial $trial, indexing: $result"; case $result in *killed) hits=$((hits + 1));; esac
  check_trial $trial "$T" "$WORK/trial-clean" "$KHOJ_INDEX_BIN" --index "$T" --batch-size 100 "$TRIALS"
done
cp -a "$WORK/trial-clean" "$WORK/trial-compacted"
start=$(now_ms)
"$KHOJ_INDEX_BIN" --index "$WORK/trial-compacted" --compact "$TRIALS"
compact_ms=$(( $(now_ms) - start ))
for _ in 1 2 3 4 5 6 7 8; do  # compaction and its folder swap
  trial=$((trial + 1)); rm -rf "$T" "$T.lock"; cp -a "$WORK/trial-clean" "$T"
  result=$(kill_during $((SEED + trial)) "$T.khoj-tmp" $(( compact_ms / 6 + 1 )) "$KHOJ_INDEX_BIN" --index "$T" --compact "$TRIALS")
  echo "# trial $trial, compaction: $result"; case $result in *killed) hits=$((hits + 1));; esac
  check_trial $trial "$T" "$WORK/trial-clean" "$KHOJ_INDEX_BIN" --index "$T" --compact "$TRIALS"
done
change_corpus "$TRIALS"
"$KHOJ_INDEX_BIN" --index "$WORK/trial-clean2" "$TRIALS"
rm -rf "$T" "$T.lock"; cp -a "$WORK/trial-compacted" "$T"
start=$(now_ms)
"$KHOJ_INDEX_BIN" --index "$T" "$TRIALS"
update_ms=$(( $(now_ms) - start ))
for _ in 1 2 3 4 5 6 7 8; do  # an update of a compacted index: the term-list restore and its swap
  trial=$((trial + 1)); rm -rf "$T" "$T.lock"; cp -a "$WORK/trial-compacted" "$T"
  result=$(kill_during $((SEED + trial)) - $(( update_ms * 9 / 10 )) "$KHOJ_INDEX_BIN" --index "$T" "$TRIALS")
  echo "# trial $trial, term-list restore: $result"; case $result in *killed) hits=$((hits + 1));; esac
  check_trial $trial "$T" "$WORK/trial-clean2" "$KHOJ_INDEX_BIN" --index "$T" "$TRIALS"
done
pass "$trial kill -9 trials ($hits killed mid-run, seed $SEED): every re-run ends equal to a clean build"

# --stats.
idx --stats
expect_rc 0 "--stats"
for field in "documents:" "bytes on disk:" "last update:" "analysis version:"; do grep -q "$field" "$WORK/out" || fail "--stats lacks $field"; done
pass "--stats prints documents, size, last update and analysis version"
