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
fields = ["rank", "id", "score", "title", "date", "source", "url", "snippet", "highlights", "entities", "similar"]
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

echo "1b. --full adds the whole stored body as the last field, JSON only"
run "${I[@]}" --format json --full Shoigu
expect_rc 0 --format json --full Shoigu
[[ -z "$ERR" ]] || fail "--format json --full wrote to stderr: $ERR"
python3 - "$WORK/out" "$SOURCE/sample_corpus" <<'EOF'
import json, os, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
assert lines, "no JSON lines"
fields = ["rank", "id", "score", "title", "date", "source", "url", "snippet", "highlights", "entities", "similar", "body"]
for n, line in enumerate(lines, 1):
    hit = json.loads(line)
    assert list(hit) == fields, f"line {n}: fields {list(hit)}, documented {fields}"
    text = open(os.path.join(sys.argv[2], hit["id"] + ".txt"), encoding="utf-8").read()
    paragraphs = [p for p in hit["body"].split("\n") if p.strip()]
    assert len(paragraphs) > 3, f"line {n}: body of {len(paragraphs)} paragraphs"
    assert all(p in text for p in paragraphs), f"line {n}: a body paragraph that is not in {hit['id']}.txt"
    assert hit["title"] not in hit["body"], f"line {n}: the headline is in the body too"
    for chrome in ["Hero Image", "Edited By", "शेष फ्री लेख", "Related Articles", "Leave a Reply"]:
        assert chrome not in hit["body"], f"line {n}: chrome {chrome!r} in the body"
EOF
run "${I[@]}" --format tsv --full Shoigu
expect_rc 2 --format tsv --full
[[ -z "$OUT" && "$ERR" == *"--full needs --format json"* ]] || fail "--format tsv --full: stdout '$OUT', stderr '$ERR'"

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

echo "8. -n and --offset: whole numbers, cut to the index, never wrapped at 32 bits"
run "${I[@]}" --format tsv -n 100 पुतिन
ALL=$OUT
for bad in "-n 0" "-n -1" "--offset -1" "-n abc" "-n 99999999999999999999"; do
    # shellcheck disable=SC2086  # the option and its value are two words
    run "${I[@]}" $bad पुतिन
    expect_rc 2 "$bad"
    [[ -z "$OUT" ]] || fail "$bad wrote to stdout: $OUT"
done
run "${I[@]}" -n 0 --count पुतिन
expect_rc 2 "-n 0 --count"
[[ "$ERR" == "khoj-search: -n takes a whole number of at least 1, not '0'" ]] || fail "-n 0 --count: $ERR"
run "${I[@]}" --format tsv -n 4294967296 पुतिन
expect_rc 0 "-n 4294967296"
[[ "$OUT" == "$ALL" ]] || fail "-n 4294967296 (2^32) did not give every hit: $OUT"
run "${I[@]}" --format tsv -n 4294967295 --offset 1 पुतिन
[[ "$OUT" == "$(tail -n +2 <<<"$ALL")" ]] || fail "-n 4294967295 --offset 1 is not all hits but the first: $OUT"
run "${I[@]}" --format tsv --offset 4294967296 पुतिन
expect_rc 1 "--offset 4294967296 (past the end)"
[[ -z "$OUT" ]] || fail "--offset 4294967296 printed hits: $OUT"

echo "9. query syntax: signed groups, date ranges, nesting and size bounds"
count() {
    run "${I[@]}" --count -- "$1"
    echo "$OUT"
}
[[ "$(count '-(Shoigu)')" == "$(count '-Shoigu')" ]] || fail "-(Shoigu) does not exclude the group"
[[ "$(count '+(Shoigu) +(पुतिन)')" == "$(count 'Shoigu AND पुतिन')" ]] || fail "+(…) +(…) does not require both groups"
[[ "$(count '+(Shoigu) +(पुतिन)')" != "$(count 'Shoigu OR पुतिन')" ]] || fail "+(…) +(…) is read as OR"
run "${I[@]}" --count -- 'Shoigu date:2023-07-31..2023-07-01'
expect_rc 2 "a reversed date range"
grep -q "ends before it starts" <<<"$ERR" || fail "a reversed date range: $ERR"
for range in 'date:2023-7..2023-8' 'date:2023-13..2023-99'; do
    run "${I[@]}" --count -- "Shoigu $range"
    expect_rc 2 "$range"
    grep -q "cannot read date" <<<"$ERR" || fail "$range: $ERR"
done
run "${I[@]}" --count --since 2023-08-01 --until 2023-07-01 Shoigu
expect_rc 2 "--since after --until"
run "${I[@]}" --count -- "$(python3 -c "print('(' * 20000 + 'Shoigu' + ')' * 20000)")"
expect_rc 2 "20,000 nested brackets"
[[ "$ERR" == "khoj-search: brackets nested more than 100 deep in query" ]] || fail "20,000 nested brackets: $ERR"
run "${I[@]}" --count -- "$(python3 -c "print(' '.join('\"Shoigu %d\"' % k for k in range(33)))")"
expect_rc 2 "33 phrases"
[[ "$ERR" == "khoj-search: query has more than 32 phrases" ]] || fail "33 phrases: $ERR"
python3 -c "print('q1\t' + ' '.join(['शोइगु', 'प्योंगयांग', 'किम', 'पुतिन'] * 2500))" >"$WORK/repeated"
run "${I[@]}" --count --batch "$WORK/repeated"
expect_rc 0 "10,000 repeated words"
python3 -c "print('q1\t' + ' '.join('w%d' % k for k in range(1001)))" >"$WORK/distinct"
run "${I[@]}" --count --batch "$WORK/distinct"
expect_rc 2 "1,001 distinct words"
[[ "$ERR" == "khoj-search: $WORK/distinct:1: query q1: query has more than 1000 different words" ]] || fail "1,001 words: $ERR"

echo "10. batch errors name the line and qid; TREC lines keep six fields"
RC=0
printf 'q1\tShoigu\nq2\t(पुतिन\nq3\tx\n' | "$SEARCH" "${I[@]}" --count --batch - >"$WORK/out" 2>"$WORK/err" || RC=$?
ERR=$(cat "$WORK/err")
expect_rc 2 "--batch with a syntax error on line 2"
[[ "$ERR" == "khoj-search: -:2: query q2: unbalanced ( in query" ]] || fail "the batch syntax error does not name line and qid: $ERR"
[[ "$(cat "$WORK/out")" == "q1	3" ]] || fail "lines before the error were not run: $(cat "$WORK/out")"
RC=0
printf '\tShoigu\n' | "$SEARCH" "${I[@]}" --format json --batch - >"$WORK/out" 2>"$WORK/err" || RC=$?
ERR=$(cat "$WORK/err")
expect_rc 2 "--batch with an empty qid"
[[ "$ERR" == "khoj-search: -:1: empty qid before the tab" ]] || fail "an empty qid: $ERR"
[[ ! -s "$WORK/out" ]] || fail "an empty qid printed results"
run "${I[@]}" --batch "$WORK"
expect_rc 2 "--batch on a folder"
[[ "$ERR" == "khoj-search: cannot read batch file $WORK: it is a folder" ]] || fail "--batch on a folder: $ERR"

# Two articles whose fields hold terminal escapes (screen clear, OSC 52 clipboard write, window
# title, OSC 8 link, BEL, blink, a C1 CSI) and white space in ids.
python3 - "$WORK/hostile.jsonl" <<'PYTHON'
import json, sys
E, B = "\x1b", "\x07"
articles = [
    {"id": "id with space\tand " + E + "[5mBLINK", "source": E + "[41mevil", "date": "2020-04-02",
     "title": "सुरक्षा " + E + "[2J" + E + "[H समाचार",
     "body": "सुरक्षा clipboard bell " + E + "]52;c;ZWNobyBwd25lZA==" + B + " और " + E + "]0;HACKED-TITLE" + B +
             " फिर " + B + B + " लाल " + E + "[31mरंग" + E + "[0m अंत। \u009b31m",
     "url": "http://x/" + E + "]8;;http://evil" + E + "\\link" + E + "]8;;" + E + "\\"},
    {"id": "q 4", "source": "s", "date": "2020-04-03", "title": "सुरक्षा दूसरा", "body": "सुरक्षा व्यवस्था"},
]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for a in articles:
        f.write(json.dumps(a, ensure_ascii=False) + "\n")
PYTHON
"$INDEXER" --quiet --index "$WORK/hostile-index" "$WORK/hostile.jsonl" >/dev/null
H=(--index "$WORK/hostile-index")
RC=0
printf 'q 1\tसुरक्षा\nq\t2\tसुरक्षा\n' | "$SEARCH" "${H[@]}" --format trec --batch - >"$WORK/out" 2>"$WORK/err" || RC=$?
ERR=$(cat "$WORK/err")
expect_rc 0 "TREC with white space in qids and ids"
[[ "$(wc -l <"$WORK/out")" == 4 ]] || fail "TREC: a line was split: $(cat "$WORK/out")"
awk -F' ' 'NF != 6 || $2 != "Q0" || $6 != "khoj" { bad = 1 } END { exit bad }' "$WORK/out" \
    || fail "TREC lines are not six single-space fields: $(cat "$WORK/out")"
grep -Eq '^q_1 Q0 q_4 [12] ' "$WORK/out" || fail "TREC does not write white space in a qid or id as _: $(cat "$WORK/out")"

echo "11. escapes inside articles never reach the terminal raw"
# Fails on any C0 control other than tab and line feed, or C1 control, in file $1; with $2 =
# colour, Khoj's own SGR sequences (bold, dim, match colour, reset) are allowed.
no_raw_escapes() {
    python3 - "$1" "$2" <<'PYTHON'
import re, sys
raw = open(sys.argv[1], "rb").read()
own = re.sub(rb"\x1b\[(0|1|2|1;33)m", b"", raw) if sys.argv[2] == "colour" else raw
bad = [c for c in own if c < 0x20 and c not in (0x09, 0x0A)] + [0x9B for _ in re.finditer(rb"\xc2[\x80-\x9f]", own)]
assert not bad, f"control bytes {sorted(set(bad))} in {raw[:400]!r}"
PYTHON
}
for args in "--color never" "--color always" "--format tsv" "--format trec" "--facets"; do
    # shellcheck disable=SC2086
    run "${H[@]}" $args -n 10 सुरक्षा clipboard bell
    expect_rc 0 "$args on escapes"
    no_raw_escapes "$WORK/out" "$([[ "$args" == "--color always" ]] && echo colour || echo plain)" || fail "$args let escapes through"
done
run "${H[@]}" --color never -n 10 clipboard bell
grep -qF '^[]52;c;ZWNobyBwd25lZA==^G' <<<"$OUT" || fail "the OSC 52 of the article is not shown as text: $OUT"
grep -qF '2020-04-02 · ^[[41mevil · id with space and ^[[5mBLINK' <<<"$OUT" || fail "the date · source · id line: $OUT"
run "${H[@]}" --format json clipboard
grep -qF '\u001b]52;c;' <<<"$OUT" || fail "JSON no longer escapes ESC as \\u001b: $OUT"

echo "PASS: contract"
