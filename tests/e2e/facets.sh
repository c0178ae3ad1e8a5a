#!/usr/bin/env bash
# @file facets.sh @brief End-to-end: entity facets and filters on sample_corpus (person:/place: in either script, --facets in text and JSON, entities on hits).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

INDEX=$WORK/index
run "$WORK/out" "$WORK/err" "$KHOJ_INDEX_BIN" --index "$INDEX" "$SOURCE_DIR/sample_corpus"
expect_rc 0 "khoj-index sample_corpus"
search() { run "$WORK/out" "$WORK/err" "$KHOJ_SEARCH_BIN" --index "$INDEX" "$@"; }

# person:Shoigu returns exactly the three seeds that mention him, whichever spelling each uses.
for alias in Shoigu सोइगु शोइगु "Sergei_Shoigu"; do
  search --format tsv "person:$alias"
  expect_rc 0 "person:$alias"
  [ "$(tsv_ids "$WORK/out" | sort | tr '\n' ' ')" = "000_0c1af915df8e83c0 001_93327e7be077d1f2 003_b08cd47993b18163 " ] ||
    fail "person:$alias returned $(tsv_ids "$WORK/out" | tr '\n' ' ')"
done
pass "person:Shoigu = person:सोइगु = person:शोइगु: exactly 000, 001, 003"

# A filter combines with words; an unknown person matches nothing (exit 1).
search --format tsv "पुतिन person:Shoigu"
expect_rc 0 "पुतिन person:Shoigu"
[ "$(tsv_ids "$WORK/out" | wc -l)" -le 3 ] || fail "filter did not restrict the words' results"
search --format tsv "person:Nobody_Knownname"
expect_rc 1 "unknown person"
pass "filters combine with words; an unknown entity matches nothing"

# --facets: text lists the people and places of all matches.
search --facets --color never -n 1 Kim Putin
expect_rc 0 "--facets Kim Putin"
for name in "Vladimir Putin" "Kim Jong Un" "Sergei Shoigu" "Pyongyang" "Moscow" "Vostochny Cosmodrome"; do
  grep -q "$name" "$WORK/out" || fail "--facets Kim Putin does not list $name: $(cat "$WORK/out")"
done
pass "--facets Kim Putin lists Putin, Kim Jong Un, Shoigu, Pyongyang, Moscow, Vostochny Cosmodrome"

# JSON: hits carry entities; the last line is the facets object.
search --json --facets Shoigu
expect_rc 0 "--json --facets Shoigu"
python3 - "$WORK/out" <<'PY'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
hits, last = lines[:-1], lines[-1]
assert hits and all("entities" in h for h in hits)
assert any(e["name_en"] == "Sergei Shoigu" and e["kind"] == "person" for e in hits[0]["entities"]), hits[0]["entities"]
assert set(last["facets"]) == {"person", "place", "org", "month", "basis", "all_matches"}, last
assert last["facets"]["all_matches"] is True and last["facets"]["basis"] >= len(hits), last  # a small index: every match counted
assert last["facets"]["person"][0]["count"] >= 1
PY
pass "--json hits carry entities and the final line carries facets"
