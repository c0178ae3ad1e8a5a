#!/usr/bin/env bash
# @file shards.sh @brief End-to-end: the COVID corpus as one index and as 3 shards (khoj-index --shard K/N), searched through a stub file, local and through 3 xapian-tcpsrv servers: the same ids, order, scores, hits and facets; what a remote shard cannot do is refused by name. Skipped (77) without ../shared or xapian-tcpsrv.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

SHARED=$SOURCE_DIR/../shared
CORPUS=$SHARED/corpora/hindi-covid-2020.jsonl
if [ ! -f "$CORPUS" ] || [ ! -f "$SHARED/eval/queries.tsv" ]; then
  echo "skipped: $SHARED (the shared corpora and queries) is absent"
  exit 77
fi
COMPARE="python3 $(dirname "$0")/compare_runs.py"
INPUT=("$CORPUS" "$SHARED/corpora/seeds.jsonl")

# The dev queries (all of queries.tsv and english-queries.tsv, every 10th transliteration) and phrases.
QUERIES=$WORK/queries.tsv
cat "$SHARED/eval/queries.tsv" "$SHARED/eval/english-queries.tsv" >"$QUERIES"
awk 'NR % 10 == 1' "$SHARED/eval/translit-queries.tsv" >>"$QUERIES"
printf 'P1\t"प्रवासी मजदूर"\nP2\t"लॉकडाउन बढ़ा"\nP3\tतबलीगी "निजामुद्दीन मरकज"\n' >>"$QUERIES"

"$KHOJ_INDEX_BIN" -q --index "$WORK/one" "${INPUT[@]}"
for k in 0 1 2; do
  "$KHOJ_INDEX_BIN" -q --shard "$k/3" --keep-termlist --index "$WORK/shard$k" "${INPUT[@]}"
done
count() { "$KHOJ_INDEX_BIN" --stats --index "$1" | awk '/^documents:/ {print $2}'; }
sizes="$(count "$WORK/shard0") $(count "$WORK/shard1") $(count "$WORK/shard2")"
[ $(( $(echo "$sizes" | tr ' ' '+') )) = "$(count "$WORK/one")" ] || fail "the shards ($sizes) do not add up to the index ($(count "$WORK/one"))"
for n in $sizes; do [ "$n" -gt 1000 ] || fail "uneven shards: $sizes"; done
[ -f "$WORK/shard0/termlist.glass" ] || fail "--keep-termlist left no term list"
pass "3 shards by id hash ($sizes articles) hold the $(count "$WORK/one") of the one index"

run "$WORK/out" "$WORK/err" "$KHOJ_INDEX_BIN" --shard 3/3 --index "$WORK/bad" "${INPUT[@]}"
expect_rc 2 "--shard 3/3"
grep -q "0 <= K < N" "$WORK/err" || fail "--shard 3/3 not explained: $(cat "$WORK/err")"
[ ! -e "$WORK/bad" ] || fail "a bad --shard created an index"
pass "--shard 3/3 is a usage error and creates nothing"

# The lexicon of the archive: the shards' synonym tables and entity names merged (khoj-lexicon).
KHOJ_LEXICON_BIN=$(dirname "$KHOJ_INDEX_BIN")/../lexicon/khoj-lexicon
"$KHOJ_LEXICON_BIN" --output "$WORK/lexicon" "$WORK/shard0" "$WORK/shard1" "$WORK/shard2" || fail "khoj-lexicon failed"
lexicon_kb=$(du -sk "$WORK/lexicon" | cut -f1); shards_kb=$(du -skc "$WORK"/shard[012] | tail -1 | cut -f1)
pass "khoj-lexicon merged the 3 shards' synonym tables and entity names: ${lexicon_kb} KB beside ${shards_kb} KB of shards"

printf '# three shards of the COVID corpus\n# khoj-lexicon lexicon\nglass shard0\nglass shard1\nauto %s\n' "$WORK/shard2" >"$WORK/local.stub"

# compare LABEL [SEARCH OPTIONS]: the query set over the one index and over the stub, compared.
compare() {
  local label=$1 sort_flag=""
  shift
  case " $* " in *" date "*) sort_flag=--sort-date ;; esac
  run "$WORK/one.json" "$WORK/err" "$KHOJ_SEARCH_BIN" --index "$WORK/one" --batch "$QUERIES" --json -n 20 "$@"
  [ "$RC" -le 1 ] || fail "one index, $label: exit $RC: $(cat "$WORK/err")"
  run "$WORK/shards.json" "$WORK/err" "$KHOJ_SEARCH_BIN" --index "$WORK/local.stub" --batch "$QUERIES" --json -n 20 "$@"
  [ "$RC" -le 1 ] || fail "local shards, $label: exit $RC: $(cat "$WORK/err")"
  report=$($COMPARE "$WORK/one.json" "$WORK/shards.json" $sort_flag --strict) || fail "local shards, $label: $report"
  pass "local shards, $label: $report"
}
# --all-copies: copies are grouped at index time within one index, so a copy that the id hash put
# in another shard is not collapsed into its story there (measured below, not compared).
compare "relevance" --all-copies
compare "--facets" --all-copies --facets
compare "--sort date" --all-copies --sort date
compare "--since 2020-04-01 --until 2020-04-15" --all-copies --since 2020-04-01 --until 2020-04-15
compare "page 2 (--offset 10)" --all-copies --offset 10
"$KHOJ_SEARCH_BIN" --index "$WORK/one" --batch "$QUERIES" --json -n 20 >"$WORK/one.json" || true
"$KHOJ_SEARCH_BIN" --index "$WORK/local.stub" --batch "$QUERIES" --json -n 20 >"$WORK/shards.json" || true
collapsed=$(python3 -c 'import json, sys
def hits(path):
    out = {}
    for line in open(path, encoding="utf-8"):
        o = json.loads(line)
        if "qid" in o: out.setdefault(o["qid"], []).append(o["id"])
    return out
a, b = hits(sys.argv[1]), hits(sys.argv[2])
same = sum(1 for q in a if a[q] == b.get(q))
print(f"{same} of {len(a)} queries with the same ids in the same order")' "$WORK/one.json" "$WORK/shards.json")
pass "local shards, copies collapsed (the default; copies across shards stay apart, not compared): $collapsed"

# A shard of another analysis version is refused by name.
cp -r "$WORK/shard1" "$WORK/old1"
xapian-metadata set "$WORK/old1" khoj.analysis_version khoj-analysis-0
printf 'glass shard0\nglass old1\n' >"$WORK/old.stub"
run "$WORK/out" "$WORK/err" "$KHOJ_SEARCH_BIN" --index "$WORK/old.stub" कोरोना
expect_rc 3 "a shard of another analysis version"
grep -qF "$WORK/old1 was built by analysis version 'khoj-analysis-0'" "$WORK/err" || fail "the old shard is not named: $(cat "$WORK/err")"
pass "a shard of another analysis version is refused by name"

if ! command -v xapian-tcpsrv >/dev/null; then
  echo "ok - remote part skipped: xapian-tcpsrv (xapian-tools) is not installed"
  exit 0
fi

# Three stock servers on free ports of 127.0.0.1, stopped when the test ends.
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"' EXIT
PORTS=($(python3 -c 'import socket
s = [socket.socket() for _ in range(4)]
for x in s: x.bind(("127.0.0.1", 0))
print(" ".join(str(x.getsockname()[1]) for x in s))'))
printf '# khoj-lexicon lexicon\n' >"$WORK/remote.stub"
for k in 0 1 2; do
  # In a process group of its own: on SIGTERM, xapian-tcpsrv kills its whole process group
  # (kill(0, SIGTERM), for its forked children), which would otherwise be this test and ctest.
  setsid xapian-tcpsrv --interface 127.0.0.1 --port "${PORTS[$k]}" "$WORK/shard$k" >"$WORK/tcpsrv$k.log" 2>&1 &
  PIDS+=($!)
  printf 'remote 127.0.0.1:%s\n' "${PORTS[$k]}" >>"$WORK/remote.stub"
done
# and a fourth, on the one index, which has no term lists (a new index, not --keep-termlist)
setsid xapian-tcpsrv --interface 127.0.0.1 --port "${PORTS[3]}" "$WORK/one" >"$WORK/tcpsrv3.log" 2>&1 &
PIDS+=($!)
for k in 0 1 2 3; do  # until each server listens
  for _ in $(seq 50); do
    python3 -c "import socket; socket.create_connection(('127.0.0.1', ${PORTS[$k]}), 1)" 2>/dev/null && break
    sleep 0.1
  done
done

# Every query, phrases included: a phrase is checked on the search host (the servers run no Khoj code).
run "$WORK/remote.json" "$WORK/err" "$KHOJ_SEARCH_BIN" --index "$WORK/remote.stub" --batch "$QUERIES" --json -n 20 --facets --all-copies
[ "$RC" -le 1 ] || fail "remote shards: exit $RC: $(cat "$WORK/err")"
"$KHOJ_SEARCH_BIN" --index "$WORK/one" --batch "$QUERIES" --json -n 20 --facets --all-copies >"$WORK/one.json" || true
report=$($COMPARE "$WORK/one.json" "$WORK/remote.json" --strict) || fail "remote shards: $report"
pass "3 remote shards (xapian-tcpsrv), --facets, phrases included: $report"
# Copies collapsed (the default): through the servers exactly as over the same shards locally.
"$KHOJ_SEARCH_BIN" --index "$WORK/remote.stub" --batch "$QUERIES" --json -n 20 --facets >"$WORK/remote-collapsed.json" || true
"$KHOJ_SEARCH_BIN" --index "$WORK/local.stub" --batch "$QUERIES" --json -n 20 --facets >"$WORK/local-collapsed.json" || true
cmp -s "$WORK/remote-collapsed.json" "$WORK/local-collapsed.json" || fail "remote and local shards differ with copies collapsed: $(diff "$WORK/local-collapsed.json" "$WORK/remote-collapsed.json" | head -4)"
pass "3 remote shards, copies collapsed, --facets: byte-identical to the same 3 shards opened locally ($(wc -l <"$WORK/remote-collapsed.json") lines)"
for flags in "--sort date" "--offset 10" "--since 2020-04-01 --until 2020-04-15" "--count"; do
  # shellcheck disable=SC2086
  "$KHOJ_SEARCH_BIN" --index "$WORK/local.stub" --batch "$QUERIES" --json -n 20 $flags >"$WORK/l.json" || true
  # shellcheck disable=SC2086
  "$KHOJ_SEARCH_BIN" --index "$WORK/remote.stub" --batch "$QUERIES" --json -n 20 $flags >"$WORK/r.json" || true
  cmp -s "$WORK/l.json" "$WORK/r.json" || fail "remote and local shards differ with $flags: $(diff "$WORK/l.json" "$WORK/r.json" | head -4)"
done
pass "3 remote shards with --sort date, --offset 10, a date range, --count: byte-identical to local shards"

printf 'glass shard0\nremote 127.0.0.1:%s\n' "${PORTS[1]}" >"$WORK/nolexicon.stub"
run "$WORK/out" "$WORK/err" "$KHOJ_SEARCH_BIN" --index "$WORK/nolexicon.stub" कोरोना
expect_rc 3 "a remote shard without a lexicon"
grep -q "needs a lexicon on this host, named by a line '# khoj-lexicon PATH'" "$WORK/err" || fail "no lexicon not explained: $(cat "$WORK/err")"
pass "a remote shard without '# khoj-lexicon' is refused (its romanisation keys would be silently empty)"
printf 'remote 127.0.0.1:%s\n# khoj-lexicon shard1\n' "${PORTS[1]}" >"$WORK/indexaslexicon.stub"
run "$WORK/out" "$WORK/err" "$KHOJ_SEARCH_BIN" --index "$WORK/indexaslexicon.stub" कोरोना
expect_rc 3 "an index named as the lexicon"
grep -q "is not a Khoj lexicon" "$WORK/err" || fail "an index as lexicon not explained: $(cat "$WORK/err")"
pass "an index named as the lexicon is refused (its articles would count twice in query expansion)"

printf 'remote 127.0.0.1:%s\n# khoj-lexicon lexicon\n' "${PORTS[3]}" >"$WORK/notermlist.stub"
run "$WORK/out" "$WORK/err" "$KHOJ_SEARCH_BIN" --index "$WORK/notermlist.stub" कोरोना
expect_rc 3 "a remote shard without term lists"
grep -q "has no term lists, without which xapian-tcpsrv cannot hand out its articles" "$WORK/err" || fail "no term lists not explained: $(cat "$WORK/err")"
pass "a remote shard without term lists is refused at opening, with what to do"

# A server that is down: the search fails, naming the shard (no partial results yet).
kill "${PIDS[2]}"; wait "${PIDS[2]}" 2>/dev/null || true
run "$WORK/out" "$WORK/err" "$KHOJ_SEARCH_BIN" --index "$WORK/remote.stub" --json कोरोना
expect_rc 3 "a shard's server is down"
grep -qF "remote 127.0.0.1:${PORTS[2]}" "$WORK/err" || fail "the shard that is down is not named: $(cat "$WORK/err")"
pass "a shard whose server is down: exit 3, named on stderr ($(head -c 160 "$WORK/err"))"
