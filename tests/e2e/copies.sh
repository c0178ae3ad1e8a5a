#!/usr/bin/env bash
# @file copies.sh @brief Republished copies end to end: two copies are one hit "+1 similar", a third indexed later makes it "+2 similar", --all-copies shows all three.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

I=(--index "$WORK/index")
BODY='कोरोना वायरस के इलाज के लिए डॉक्टर अब एचआईवी रोधक दवाइयों को आजमा रहे हैं। जयपुर के सवाई मानसिंह अस्पताल में इटली से आए दो मरीजों को ये दवाइयां दी गईं और उनकी हालत में सुधार हुआ। विशेषज्ञों का कहना है कि अभी इस पर और शोध की जरूरत है।'
python3 - "$WORK" "$BODY" <<'PY'
import json, sys
work, body = sys.argv[1], sys.argv[2]
def article(i, day, extra=""):
    return json.dumps({"id": f"pk-{i}", "title": "क्या काम आएंगी HIV रोधक दवाइयां", "body": body + extra,
                       "date": f"2020-03-{day}", "source": "Prabhat Khabar"}, ensure_ascii=False) + "\n"
other = json.dumps({"id": "dj-1", "title": "जयपुर में दो नए मरीज", "body": "सवाई मानसिंह अस्पताल में दो नए मरीज भर्ती, दोनों इटली से लौटे।",
                    "date": "2020-03-18", "source": "Dainik Jagran"}, ensure_ascii=False) + "\n"
open(f"{work}/day1.jsonl", "w").write(article("032", 18) + article("044", 18) + other)
open(f"{work}/day2.jsonl", "w").write(article("049", 19, " ये भी पढ़ें: मास्क कैसे पहनें"))
PY

run "$WORK/out" "$WORK/err" "$KHOJ_INDEX_BIN" "${I[@]}" "$WORK/day1.jsonl"
expect_rc 0 "indexing two copies and another story"
run "$WORK/out" "$WORK/err" "$KHOJ_SEARCH_BIN" "${I[@]}" --color never "HIV रोधक दवाइयां"
expect_rc 0 "searching the copies"
[ "$(grep -c '^ *[0-9]*\. ' "$WORK/out")" = 1 ] || fail "two copies are not one hit: $(cat "$WORK/out")"
grep -q ' · +1 similar$' "$WORK/out" || fail "the hit is not marked +1 similar: $(cat "$WORK/out")"
grep -q '^1 matching article$' "$WORK/err" || fail "summary: $(cat "$WORK/err")"
pass "two copies are one hit marked +1 similar"

run "$WORK/out" "$WORK/err" "$KHOJ_INDEX_BIN" "${I[@]}" "$WORK/day1.jsonl" "$WORK/day2.jsonl"
expect_rc 0 "indexing a third copy the next day"
run "$WORK/out" "$WORK/err" "$KHOJ_SEARCH_BIN" "${I[@]}" --color never "HIV रोधक दवाइयां"
[ "$(grep -c '^ *[0-9]*\. ' "$WORK/out")" = 1 ] || fail "three copies are not one hit: $(cat "$WORK/out")"
grep -q ' · +2 similar$' "$WORK/out" || fail "the hit is not marked +2 similar: $(cat "$WORK/out")"
pass "a copy indexed in a later run joins the group: +2 similar"

run "$WORK/out" "$WORK/err" "$KHOJ_SEARCH_BIN" "${I[@]}" --format json "HIV रोधक दवाइयां"
python3 - "$WORK/out" <<'PY' || fail "JSON similar list: $(cat "$WORK/out")"
import json, sys
hits = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
assert len(hits) == 1, hits
assert sorted(hits[0]["similar"] + [hits[0]["id"]]) == ["pk-032", "pk-044", "pk-049"], hits[0]["similar"]
PY
pass "JSON lists the two other copies in similar"

run "$WORK/out" "$WORK/err" "$KHOJ_SEARCH_BIN" "${I[@]}" --color never --all-copies "HIV रोधक दवाइयां"
[ "$(grep -c '^ *[0-9]*\. ' "$WORK/out")" = 3 ] || fail "--all-copies does not show three hits: $(cat "$WORK/out")"
! grep -q 'similar' "$WORK/out" || fail "--all-copies still marks copies: $(cat "$WORK/out")"
for id in pk-032 pk-044 pk-049; do grep -q "$id" "$WORK/out" || fail "--all-copies misses $id"; done
pass "--all-copies shows all three copies"

run "$WORK/out" "$WORK/err" "$KHOJ_SEARCH_BIN" "${I[@]}" --count "दवाइयां OR मरीज"
[ "$(cat "$WORK/out")" = 2 ] || fail "--count counts copies: $(cat "$WORK/out")"
run "$WORK/out" "$WORK/err" "$KHOJ_SEARCH_BIN" "${I[@]}" --count --all-copies "दवाइयां OR मरीज"
[ "$(cat "$WORK/out")" = 4 ] || fail "--count --all-copies: $(cat "$WORK/out")"
pass "--count counts a story once, --all-copies every article"
