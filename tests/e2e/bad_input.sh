#!/usr/bin/env bash
# @file bad_input.sh @brief End-to-end: khoj-index skips bad input, names each bad FILE:LINE on stderr, exits 1, and indexes the rest.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

INPUT=$WORK/input
mkdir -p "$INPUT"
printf 'हिमालय में भारी बर्फबारी\n\nउत्तराखंड के पहाड़ों पर हिमालय की चोटियां बर्फ से ढक गईं।\n' >"$INPUT/good.txt"
{
  printf '%s\n' '{"id":"j1","title":"गंगा का जलस्तर बढ़ा","body":"पटना में गंगा नदी का जलस्तर खतरे के निशान के पास पहुंचा।","date":"2020-04-01","source":"Amar Ujala"}'
  printf '%s\n' '{"id":"j2","title":"अधूरी पंक्ति",'
  printf '{"id":"j3","title":"\xff\xfe टूटे अक्षर","body":"पाठ"}\n'
  printf '%s\n' '{"title":"बिना आईडी","body":"इस लेख की कोई आईडी नहीं है।"}'
  printf '%s\n' '{"id":"j5","title":"","body":""}'
} >"$INPUT/feed.jsonl"
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR' >"$INPUT/binary.txt"

INDEX=$WORK/index
run "$WORK/out" "$WORK/err" "$KHOJ_INDEX_BIN" --verbose --index "$INDEX" "$INPUT"
expect_rc 1 "khoj-index with bad input"
pass "khoj-index exits 1 when some input was rejected"

for where in "$INPUT/feed.jsonl:2:" "$INPUT/feed.jsonl:3:" "$INPUT/feed.jsonl:4:" "$INPUT/feed.jsonl:5:" "$INPUT/binary.txt:"; do
  grep -qF "khoj-index: $where" "$WORK/err" || fail "stderr does not name $where: $(cat "$WORK/err")"
done
! grep -qF "feed.jsonl:1:" "$WORK/err" || fail "the good line 1 was reported: $(cat "$WORK/err")"
! grep -qF "good.txt" "$WORK/err" || fail "good.txt was reported: $(cat "$WORK/err")"
grep -q '2 added' "$WORK/err" || fail "summary does not say 2 added: $(cat "$WORK/err")"
grep -q '5 rejected' "$WORK/err" || fail "summary does not say 5 rejected: $(cat "$WORK/err")"
[ ! -s "$WORK/out" ] || fail "khoj-index printed on stdout: $(cat "$WORK/out")"
pass "stderr names each bad FILE:LINE and the summary counts 2 added, 5 rejected"

search() { run "$WORK/out" "$WORK/err" "$KHOJ_SEARCH_BIN" --index "$INDEX" --format tsv "$@"; }
search हिमालय
expect_rc 0 "हिमालय"
[ "$(tsv_ids "$WORK/out")" = "good" ] || fail "हिमालय does not find good.txt: $(cat "$WORK/out")"
search जलस्तर
expect_rc 0 "जलस्तर"
[ "$(tsv_ids "$WORK/out")" = "j1" ] || fail "जलस्तर does not find j1: $(cat "$WORK/out")"
grep -q $'\t2020-04-01\tAmar Ujala\t' "$WORK/out" || fail "j1 lost its date or source: $(cat "$WORK/out")"
search आईडी
expect_rc 1 "a word only in a rejected line"
pass "the good articles are searchable, the rejected ones are not"

echo "all $CHECKS checks passed"
