#!/usr/bin/env bash
# @file contract.sh @brief Checks khoj-search's scripting contract (docs/output.md): formats, streams, exit codes.
# Usage: contract.sh KHOJ_INDEX_BINARY KHOJ_SEARCH_BINARY SOURCE_DIR
set -euo pipefail

INDEXER=$(realpath "$1")
SEARCH=$(realpath "$2")
SOURCE=$(realpath "$3")

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
"$INDEXER" --quiet --index "$WORK/index" "$SOURCE/sample_corpus" >/dev/null
export NO_COLOR=1
unset KHOJ_INDEX

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

# Runs khoj-search with stdin from /dev/null (unless redirected); sets $OUT, $ERR and $RC.
run() {
    RC=0
    "$SEARCH" "$@" >"$WORK/out" 2>"$WORK/err" </dev/null || RC=$?
    OUT=$(cat "$WORK/out")
    ERR=$(cat "$WORK/err")
}

expect_rc() {
    local want=$1
    shift
    [[ "$RC" == "$want" ]] || fail "khoj-search $* exited $RC, documented $want (stderr: $ERR)"
}

I=(--index "$WORK/index")

echo "1. JSON lines carry the documented fields"
run "${I[@]}" --format json Shoigu
expect_rc 0 --format json Shoigu
[[ -z "$ERR" ]] || fail "--format json wrote to stderr: $ERR"
python3 - "$WORK/out" <<'EOF'
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
assert lines, "no JSON lines"
fields = ["rank", "id", "score", "title", "date", "source", "url", "snippet", "highlights", "entities"]
for n, line in enumerate(lines, 1):
    hit = json.loads(line)
    assert list(hit) == fields, f"line {n}: fields {list(hit)}, documented {fields}"
    assert hit["rank"] == n, f"line {n}: rank {hit['rank']}"
    assert isinstance(hit["score"], (int, float))
    for key in ["id", "title", "date", "source", "url", "snippet"]:
        assert isinstance(hit[key], str), f"line {n}: {key} is not a string"
    raw = hit["snippet"].encode("utf-8")
    assert hit["highlights"], f"line {n}: no highlights"
    for begin, end in hit["highlights"]:
        assert 0 <= begin < end <= len(raw), f"line {n}: highlight {begin},{end} outside the snippet"
        raw[begin:end].decode("utf-8")  # byte offsets on character boundaries
    marked = [raw[b:e].decode("utf-8") for b, e in hit["highlights"]]
    assert any(w in ("शोइगु", "सोइगु") for w in marked), f"line {n}: highlights {marked}"
EOF

echo "2. batch mode: qid first, stdin with --batch -"
printf 'q1\tShoigu\n# a comment\n\nq2\tzzzqqqxyz\nq3\tपुतिन\n' >"$WORK/queries"
RC=0
"$SEARCH" "${I[@]}" --format json --batch - <"$WORK/queries" >"$WORK/out" 2>"$WORK/err" || RC=$?
expect_rc 0 --batch -
python3 - "$WORK/out" <<'EOF'
import json, sys
hits = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
assert all(list(h)[0] == "qid" for h in hits), "qid is not the first field in batch mode"
qids = sorted({h["qid"] for h in hits})
assert qids == ["q1", "q3"], qids
EOF
run "${I[@]}" --format trec --batch "$WORK/queries"
expect_rc 0 --format trec --batch FILE
awk 'NF != 6 || $2 != "Q0" || $6 != "khoj" || $4 !~ /^[0-9]+$/ { bad = 1 } END { exit bad }' <<<"$OUT" \
    || fail "TREC lines are not 'qid Q0 id rank score khoj': $OUT"
RC=0
printf 'q1\tzzzqqqxyz\n' | "$SEARCH" "${I[@]}" --batch - >"$WORK/out" 2>"$WORK/err" || RC=$?
expect_rc 1 "--batch - (no query matches)"
RC=0
printf 'no tab here\n' | "$SEARCH" "${I[@]}" --batch - >"$WORK/out" 2>"$WORK/err" || RC=$?
ERR=$(cat "$WORK/err")
expect_rc 2 "--batch - (a line without a tab)"

echo "3. only results on stdout, messages on stderr"
run "${I[@]}" --format tsv पुतिन
expect_rc 0 --format tsv
[[ -n "$OUT" ]] || fail "no TSV rows"
awk -F'\t' 'NF != 6 || $1 !~ /^[0-9]+$/ || $3 !~ /^[0-9.]+$/ { bad = 1 } END { exit bad }' <<<"$OUT" \
    || fail "stdout of --format tsv holds something other than rank, id, score, date, source, title rows: $OUT"
run "${I[@]}" Shoigu
expect_rc 0 text
grep -q "matching articles" <<<"$ERR" || fail "the text summary is not on stderr: $ERR"
grep -q "matching articles" <<<"$OUT" && fail "the text summary is on stdout"
grep -q '^ *1\. ' <<<"$OUT" || fail "text results are not on stdout"
run "${I[@]}" zzzqqqxyz
expect_rc 1 "a query with no hits"
[[ -z "$OUT" ]] || fail "stdout is not empty when nothing matched: $OUT"
[[ -n "$ERR" ]] || fail "no message on stderr when nothing matched"

echo "4. --count prints one number"
run "${I[@]}" --count पुतिन
expect_rc 0 --count
[[ "$OUT" =~ ^[0-9]+$ ]] || fail "--count printed '$OUT', not a number"
[[ "$OUT" -ge 1 ]] || fail "--count printed $OUT for पुतिन"
[[ -z "$ERR" ]] || fail "--count wrote to stderr: $ERR"
run "${I[@]}" --count --format json पुतिन
[[ "$OUT" =~ ^[0-9]+$ ]] || fail "--count --format json printed '$OUT'"
run "${I[@]}" --count zzzqqqxyz
expect_rc 1 "--count with no hits"
[[ "$OUT" == 0 ]] || fail "--count printed '$OUT' for no hits"

echo "5. paging with -n and --offset"
run "${I[@]}" --format tsv पुतिन
ALL=$OUT
run "${I[@]}" --format tsv -n 1 --offset 1 पुतिन
[[ "$(wc -l <<<"$OUT")" == 1 ]] || fail "-n 1 gave more than one row"
[[ "$(cut -f1,2 <<<"$OUT")" == "$(sed -n 2p <<<"$ALL" | cut -f1,2)" ]] \
    || fail "--offset 1 -n 1 is not rank 2 of the full list: $OUT"
run "${I[@]}" --format tsv --offset 100 पुतिन
expect_rc 1 "--offset past the end"

echo "6. exit codes"
run "${I[@]}" --no-such-option x
expect_rc 2 --no-such-option
[[ -z "$OUT" ]] || fail "a usage error wrote to stdout"
run "${I[@]}" '"unbalanced'
expect_rc 2 "a query with an unbalanced quote"
run "${I[@]}" --since July Shoigu
expect_rc 2 "--since July"
run "${I[@]}" --format xml Shoigu
expect_rc 2 "--format xml"
run "${I[@]}"
expect_rc 2 "no query, not on a terminal"
run Shoigu
expect_rc 2 "no index"
run --index "$WORK/missing" Shoigu
expect_rc 3 "a missing index"
[[ -z "$OUT" ]] || fail "a missing index wrote to stdout"
mkdir "$WORK/not-an-index"
run --index "$WORK/not-an-index" Shoigu
expect_rc 3 "a folder that is not an index"
run "${I[@]}" --since 2023-07-01 Shoigu
expect_rc 0 "--since 2023-07-01"
run "${I[@]}" --until 2020-01-01 Shoigu
expect_rc 1 "--until 2020-01-01"

echo "7. --help and --version"
run --help
expect_rc 0 --help
for want in 'Usage:' 'title:' 'source:' 'date:' 'person:' '--since' 'Interactive use:' 'Exit status:' '"रक्षा मंत्री"' 'AND'; do
    grep -qF -- "$want" <<<"$OUT" || fail "--help does not mention $want"
done
run --version
expect_rc 0 --version
[[ "$OUT" =~ ^khoj-search\ [0-9] ]] || fail "--version printed '$OUT'"

echo "PASS: contract"
