#!/usr/bin/env bash
# @file index_and_search.sh @brief End-to-end: index sample_corpus with khoj-index, then check khoj-search's ranking, formats, exit codes and messages.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

INDEX=$WORK/index
run "$WORK/out" "$WORK/err" "$KHOJ_INDEX_BIN" --index "$INDEX" "$SOURCE_DIR/sample_corpus"
expect_rc 0 "khoj-index sample_corpus"
pass "khoj-index indexes sample_corpus and exits 0"

search() { run "$WORK/out" "$WORK/err" "$KHOJ_SEARCH_BIN" --index "$INDEX" "$@"; }

# Devanagari query: the article that names both (9 times शोइगु) comes first.
search --format tsv "शोइगु प्योंगयांग"
expect_rc 0 "शोइगु प्योंगयांग"
[ "$(tsv_ids "$WORK/out" | head -1)" = "001_93327e7be077d1f2" ] || fail "शोइगु प्योंगयांग: first hit is not 001: $(cat "$WORK/out")"
[ ! -s "$WORK/err" ] || fail "--format tsv printed on stderr: $(cat "$WORK/err")"
pass "शोइगु प्योंगयांग ranks 001_93327e7be077d1f2 first, nothing on stderr"

# Latin query over Devanagari articles: 001 (शोइगु ×9, प्योंगयांग, "Jul 2023"), then 000 (all
# three words: शोइगु, प्योंगयांग, जुलाई), then 003 (सोइगु, प्योंग्यांग: other spellings, two words).
search --format tsv Shoigu Pyongyang July
expect_rc 0 "Shoigu Pyongyang July"
[ "$(tsv_ids "$WORK/out" | head -3 | tr '\n' ' ')" = "001_93327e7be077d1f2 000_0c1af915df8e83c0 003_b08cd47993b18163 " ] ||
  fail "Shoigu Pyongyang July: top three are not 001, 000, 003: $(cat "$WORK/out")"
awk -F'\t' 'NF != 6 { exit 1 }' "$WORK/out" || fail "a TSV row does not have 6 fields"
pass "Shoigu Pyongyang July finds 001 first, then 000 and 003"

# JSON lines: each parses and carries the documented fields; highlights are byte ranges of the snippet.
search --json Shoigu
expect_rc 0 "--json Shoigu"
[ -s "$WORK/out" ] || fail "--json printed nothing"
python3 - "$WORK/out" <<'PY' || fail "--json output does not follow docs/output.md"
import json, sys
fields = ["rank", "id", "score", "title", "date", "source", "url", "snippet", "highlights", "entities", "similar"]
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
for n, line in enumerate(lines, 1):
    hit = json.loads(line)
    assert list(hit.keys()) == fields, (n, list(hit.keys()))
    assert hit["rank"] == n, (n, hit["rank"])
    assert isinstance(hit["score"], (int, float)) and hit["score"] > 0
    snippet = hit["snippet"].encode("utf-8")
    for begin, end in hit["highlights"]:
        assert 0 <= begin < end <= len(snippet), (begin, end)
        snippet[begin:end].decode("utf-8")  # never inside a character
assert json.loads(lines[0])["id"] == "001_93327e7be077d1f2"
PY
pass "--json lines parse and carry rank, id, score, title, date, source, url, snippet, highlights, entities, similar"

# No hits: exit 1 and an empty standard output, in every format.
for format in text tsv json; do
  search --format "$format" "ज्वालामुखी"
  expect_rc 1 "a query with no hits ($format)"
  [ ! -s "$WORK/out" ] || fail "no hits ($format): stdout is not empty: $(cat "$WORK/out")"
done
pass "a query with no hits exits 1 with nothing on stdout"

# A missing index: exit 3 and a message.
run "$WORK/out" "$WORK/err" "$KHOJ_SEARCH_BIN" --index "$WORK/no-such-index" --format tsv Putin
expect_rc 3 "a missing index"
[ ! -s "$WORK/out" ] || fail "missing index: stdout is not empty"
head -1 "$WORK/err" | grep -q '^khoj-search:' || fail "missing index: stderr does not start with 'khoj-search:': $(cat "$WORK/err")"
pass "a missing index exits 3 with a khoj-search: message"

# A bad option: exit 2.
search --no-such-option Putin
expect_rc 2 "a bad option"
grep -q '^khoj-search:' "$WORK/err" || fail "bad option: no khoj-search: message"
search --format yaml Putin
expect_rc 2 "--format yaml"
pass "a bad option exits 2"

# --help: exit 0 and the exit codes are documented (the heading reads "Exit codes" or "Exit status").
run "$WORK/out" "$WORK/err" "$KHOJ_SEARCH_BIN" --help
expect_rc 0 "khoj-search --help"
grep -Eq '^Exit (codes|status):' "$WORK/out" || fail "khoj-search --help does not list the exit codes"
for code in 0 1 2 3; do
  grep -Eq "^ +$code +[a-z]" "$WORK/out" || fail "khoj-search --help does not explain exit code $code"
done
run "$WORK/out" "$WORK/err" "$KHOJ_INDEX_BIN" --help
expect_rc 0 "khoj-index --help"
grep -q '^Exit codes:' "$WORK/out" || fail "khoj-index --help does not mention Exit codes"
pass "--help exits 0 and documents the exit codes"

# Re-indexing the same input changes nothing. The indexer may skip the files by their size and
# modification time ("4 files skipped as unchanged") or read them and find every article unchanged.
run "$WORK/out" "$WORK/err" "$KHOJ_INDEX_BIN" --verbose --index "$INDEX" "$SOURCE_DIR/sample_corpus"
expect_rc 0 "khoj-index again"
grep -q '0 added' "$WORK/err" || fail "re-index: no '0 added' in: $(cat "$WORK/err")"
grep -q '0 updated' "$WORK/err" || fail "re-index: no '0 updated' in: $(cat "$WORK/err")"
grep -Eq '(^|[ :])4 (unchanged|files skipped as unchanged)' "$WORK/err" || fail "re-index: not 4 unchanged in: $(cat "$WORK/err")"
pass "re-indexing the same files reports 0 added, 0 updated, 4 unchanged"

# --force re-reads the files: every article is found unchanged by content.
run "$WORK/out" "$WORK/err" "$KHOJ_INDEX_BIN" --verbose --force --index "$INDEX" "$SOURCE_DIR/sample_corpus"
expect_rc 0 "khoj-index --force"
grep -q '0 added' "$WORK/err" || fail "--force: no '0 added' in: $(cat "$WORK/err")"
grep -q '0 updated' "$WORK/err" || fail "--force: no '0 updated' in: $(cat "$WORK/err")"
grep -q '4 unchanged' "$WORK/err" || fail "--force: no '4 unchanged' in: $(cat "$WORK/err")"
pass "re-reading the same files with --force reports 0 added, 4 unchanged"

echo "all $CHECKS checks passed"
