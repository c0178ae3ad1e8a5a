#!/usr/bin/env bash
# @file shards.sh @brief End-to-end: the COVID corpus as one index and as 3 shards (khoj-index --shard K/N), searched through a stub file, local and through 3 xapian-tcpsrv servers: the same ids, order, scores, hits and facets; what a remote shard cannot do is refused by name. Skipped (77) without ../shared or xapian-tcpsrv.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

require_shared eval/queries.tsv
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
run "$WORK/out" "$WORK/err" "$KHOJ_LEXICON_BIN" --output "$WORK/shard0" "$WORK/shard1"
expect_rc 3 "khoj-lexicon --output over an index"
grep -q "is not a Khoj lexicon: nothing was written" "$WORK/err" || fail "khoj-lexicon over an index not explained: $(cat "$WORK/err")"
[ "$(count "$WORK/shard0")" = "$(echo "$sizes" | cut -d' ' -f1)" ] || fail "khoj-lexicon changed the index it was refused"
pass "khoj-lexicon refuses to write over an index (exit 3), which is left as it was"

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
trap 'for p in "${PIDS[@]}"; do kill -CONT -- "-$p" 2>/dev/null || true; kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"' EXIT
PORTS=($(python3 -c 'import socket
s = [socket.socket() for _ in range(4)]
for x in s: x.bind(("127.0.0.1", 0))
print(" ".join(str(x.getsockname()[1]) for x in s))'))
# serve K FOLDER: starts a server on port PORTS[K] for FOLDER and waits until it listens.
serve() {
  # In a process group of its own: on SIGTERM, xapian-tcpsrv kills its whole process group
  # (kill(0, SIGTERM), for its forked children), which would otherwise be this test and ctest.
  setsid xapian-tcpsrv --interface 127.0.0.1 --port "${PORTS[$1]}" "$2" >>"$WORK/tcpsrv$1.log" 2>&1 &
  PIDS[$1]=$!
  for _ in $(seq 100); do
    python3 -c "import socket; socket.create_connection(('127.0.0.1', ${PORTS[$1]}), 1)" 2>/dev/null && return 0
    sleep 0.1
  done
  fail "xapian-tcpsrv does not listen on port ${PORTS[$1]}: $(cat "$WORK/tcpsrv$1.log")"
}
# stop_server K: stops server K and the connections it forked (its process group: setsid made
# the server its leader), and waits until they are gone (at most 5 s, in case none reaps them).
stop_server() {
  kill -CONT -- "-${PIDS[$1]}" 2>/dev/null || true
  kill "${PIDS[$1]}" 2>/dev/null || true
  wait "${PIDS[$1]}" 2>/dev/null || true
  for _ in $(seq 100); do
    kill -0 -- "-${PIDS[$1]}" 2>/dev/null || return 0
    sleep 0.05
  done
}
printf '# khoj-lexicon lexicon\n' >"$WORK/remote.stub"
for k in 0 1 2; do
  serve "$k" "$WORK/shard$k"
  printf 'remote 127.0.0.1:%s\n' "${PORTS[$k]}" >>"$WORK/remote.stub"
done
# and a fourth, on the one index, which has no term lists (a new index, not --keep-termlist)
serve 3 "$WORK/one"

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

# A shard updated while it is served: an article added (a commit), then every article rewritten
# from a copy of the input with that article appended, and the index compacted (a new folder
# swapped in), while searches run through the servers:
# fresh processes in a loop (each connects anew, so opens the folder the server finds) and one
# batch fed through a FIFO (one connection, reopened before each query). None may fail, and
# the new article is found after the update.
printf '{"id": "khoj-test-update-1", "source": "test", "date": "2020-05-01", "title": "झुमरीतलैया में नया पुस्तकालय खुला", "body": "झुमरीतलैया शहर में आज एक नया पुस्तकालय खुला। कोरोना के बाद पहली बार लोग वहां पढ़ने आए।"}\n' >"$WORK/extra.jsonl"
before=$(count "$WORK/shard1")
rm -f "$WORK/stop" "$WORK/updates.fifo"
: >"$WORK/loop.txt"
( while [ ! -e "$WORK/stop" ]; do
    rc=0
    "$KHOJ_SEARCH_BIN" --index "$WORK/remote.stub" --json -n 5 कोरोना पुस्तकालय >/dev/null 2>>"$WORK/loop.err" || rc=$?
    echo "$rc $(date +%s.%N)" >>"$WORK/loop.txt"
  done ) &
LOOP=$!
mkfifo "$WORK/updates.fifo"
"$KHOJ_SEARCH_BIN" --index "$WORK/remote.stub" --json -n 5 --batch - <"$WORK/updates.fifo" >"$WORK/updates.json" 2>"$WORK/updates.err" &
BATCH=$!
( n=0
  while [ ! -e "$WORK/stop" ]; do n=$((n + 1)); printf 'u%s\tझुमरीतलैया कोरोना\n' "$n"; sleep 0.05; done
  printf 'last\tझुमरीतलैया\n' ) >"$WORK/updates.fifo" &
FEED=$!
until [ "$(wc -l <"$WORK/loop.txt")" -ge 2 ]; do sleep 0.1; done  # the searches run
t0=$(date +%s.%N)
"$KHOJ_INDEX_BIN" -q --shard 1/3 --keep-termlist --index "$WORK/shard1" "${INPUT[@]}" "$WORK/extra.jsonl"
t1=$(date +%s.%N)
cat "${INPUT[@]}" "$WORK/extra.jsonl" >"$WORK/input-copy.jsonl"
"$KHOJ_INDEX_BIN" -q --compact --shard 1/3 --keep-termlist --index "$WORK/shard1" "$WORK/input-copy.jsonl"
t2=$(date +%s.%N)
until [ "$(awk -v t="$t2" '$2 > t' "$WORK/loop.txt" | wc -l)" -ge 2 ]; do sleep 0.1; done  # and go on after it
touch "$WORK/stop"
wait "$LOOP" "$FEED"
rc=0; wait "$BATCH" || rc=$?
[ "$(count "$WORK/shard1")" = $((before + 1)) ] || fail "the update did not add one article to shard 1 ($before, then $(count "$WORK/shard1"))"
[ -f "$WORK/shard1/termlist.glass" ] || fail "--compact --keep-termlist left no term list"
failed=$(awk '$1 > 1' "$WORK/loop.txt" | wc -l)
[ "$failed" = 0 ] || fail "$failed of $(wc -l <"$WORK/loop.txt") searches failed while shard 1 was updated: $(sort "$WORK/loop.err" | uniq -c | head -5)"
[ "$rc" -le 1 ] || fail "the batch failed while shard 1 was updated: exit $rc: $(cat "$WORK/updates.err")"
grep -q '"qid":"last".*"id":"khoj-test-update-1"' "$WORK/updates.json" || fail "the batch did not find the new article after the update"
run "$WORK/out" "$WORK/err" "$KHOJ_SEARCH_BIN" --index "$WORK/remote.stub" --json झुमरीतलैया
expect_rc 0 "a search for the new article"
grep -q '"id":"khoj-test-update-1"' "$WORK/out" || fail "the new article is not found through the servers: $(cat "$WORK/out")"
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
during() { awk -v a="$1" -v b="$2" '$2 > a && $2 <= b' "$WORK/loop.txt" | wc -l; }
pass "shard 1 updated while served: $(wc -l <"$WORK/loop.txt") searches ($(during "$t0" "$t1") during the added article's commit, $(during "$t1" "$t2") during the rewrite and --compact, $(seconds "$t1" "$t2") s) and a batch of $(grep -o '"qid":"u[0-9]*"' "$WORK/updates.json" | sort -u | wc -l) queries, none failed; the new article is found"

# A server stopped in the middle of a batch: the 20 queries below, fed through a FIFO; once the
# first 5 are answered, server 2 is stopped (kill) or frozen (SIGSTOP: a server that no longer
# answers), then the other 15 are written. Every query has hits.
i=0
for word in कोरोना लॉकडाउन मजदूर दिल्ली अस्पताल वायरस मरीज पुलिस सरकार जांच संक्रमण मौत प्रवासी डॉक्टर मास्क बाजार स्कूल ट्रेन किसान राशन; do
  i=$((i + 1)); printf 'q%s\t%s\n' "$i" "$word"
done >"$WORK/twenty.tsv"
# mid_batch kill|freeze OPTIONS...: runs the batch with OPTIONS; RC is its exit code.
mid_batch() {
  local what=$1 searcher
  shift
  rm -f "$WORK/batch.fifo"
  mkfifo "$WORK/batch.fifo"
  "$KHOJ_SEARCH_BIN" --index "$WORK/remote.stub" --json -n 3 --batch - "$@" <"$WORK/batch.fifo" >"$WORK/batch.json" 2>"$WORK/batch.err" &
  searcher=$!
  exec 8>"$WORK/batch.fifo"
  head -5 "$WORK/twenty.tsv" >&8
  for _ in $(seq 600); do
    grep -q '"qid":"q5"' "$WORK/batch.json" && break
    sleep 0.05
  done
  grep -q '"qid":"q5"' "$WORK/batch.json" || fail "the first 5 queries were not answered: $(cat "$WORK/batch.err")"
  if [ "$what" = kill ]; then stop_server 2; else kill -STOP -- "-${PIDS[2]}"; fi
  tail -n +6 "$WORK/twenty.tsv" >&8 || true
  exec 8>&-
  RC=0
  wait "$searcher" || RC=$?
}
DOWN="remote 127.0.0.1:${PORTS[2]}"
WARNING="khoj-search: warning: shard $DOWN is unreachable; results are from 2 of 3 shards"
answered() { grep -o '"qid":"q[0-9]*"' "$WORK/batch.json" | sort -u | wc -l; }
# check_partial WHAT: every query answered, the shard named once, and the answers after the
# first 5 hold no article of shard 2 (FNV-1a of the id, as khoj-index --shard splits).
check_partial() {
  [ "$RC" = 4 ] || fail "$1, --allow-partial: exit $RC, expected 4: $(cat "$WORK/batch.err")"
  [ "$(answered)" = 20 ] || fail "$1, --allow-partial: $(answered) of 20 queries answered"
  [ "$(cat "$WORK/batch.err")" = "$WARNING" ] || fail "$1, --allow-partial: stderr is not the one warning: $(cat "$WORK/batch.err")"
  python3 -c 'import json, sys
def shard(id):
    h = 14695981039346656037
    for c in id.encode():
        h = ((h ^ c) * 1099511628211) % 2**64
    return h % 3
late = [o["id"] for o in map(json.loads, open(sys.argv[1], encoding="utf-8")) if int(o["qid"][1:]) > 5]
sys.exit(0 if late and all(shard(i) != 2 for i in late) else 1)' "$WORK/batch.json" || fail "$1, --allow-partial: an answer after the first 5 holds an article of shard 2, or none"
}

mid_batch kill
[ "$RC" = 3 ] || fail "server stopped mid-batch: exit $RC, expected 3: $(cat "$WORK/batch.err")"
grep -qF "$DOWN" "$WORK/batch.err" || fail "server stopped mid-batch: the shard is not named: $(cat "$WORK/batch.err")"
[ "$(answered)" = 5 ] || fail "server stopped mid-batch: $(answered) queries answered, expected the first 5"
pass "a server stopped mid-batch: exit 3 after the first 5 answers, which stay written ($(cat "$WORK/batch.err"))"
serve 2 "$WORK/shard2"
mid_batch kill --allow-partial
check_partial "server stopped mid-batch"
pass "a server stopped mid-batch, --allow-partial: exit 4, all 20 queries answered, the last 15 from shards 0 and 1, one warning ($WARNING)"

# Down at opening.
run "$WORK/out" "$WORK/err" "$KHOJ_SEARCH_BIN" --index "$WORK/remote.stub" --json कोरोना
expect_rc 3 "a shard's server is down"
grep -qF "cannot reach the shard $DOWN: Couldn't connect (Connection refused)" "$WORK/err" || fail "the shard that is down is not named: $(cat "$WORK/err")"
pass "a shard whose server is down: exit 3, named on stderr ($(cat "$WORK/err"))"
run "$WORK/out" "$WORK/err" "$KHOJ_SEARCH_BIN" --index "$WORK/remote.stub" --json --allow-partial कोरोना
expect_rc 4 "a shard's server is down, --allow-partial"
[ "$(cat "$WORK/err")" = "$WARNING" ] || fail "--allow-partial: not the one warning: $(cat "$WORK/err")"
[ "$(wc -l <"$WORK/out")" = 10 ] || fail "--allow-partial: $(wc -l <"$WORK/out") hits, expected 10"
pass "a shard whose server is down, --allow-partial: exit 4, 10 hits from the other two, one warning"

# A slow shard: a frozen server answers nothing; --shard-timeout (default Xapian's 10 s) bounds the wait.
serve 2 "$WORK/shard2"
start=$(date +%s.%N)
mid_batch freeze --shard-timeout 1
took=$(seconds "$start" "$(date +%s.%N)")
[ "$RC" = 3 ] || fail "server frozen mid-batch: exit $RC, expected 3: $(cat "$WORK/batch.err")"
grep -qF "cannot reach the shard $DOWN: Timeout expired" "$WORK/batch.err" || fail "server frozen mid-batch: not named as timed out: $(cat "$WORK/batch.err")"
[ "$(answered)" = 5 ] || fail "server frozen mid-batch: $(answered) queries answered, expected the first 5"
pass "a server frozen mid-batch, --shard-timeout 1: exit 3 after the first 5 answers, in $took s ($(cat "$WORK/batch.err"))"
stop_server 2
serve 2 "$WORK/shard2"
start=$(date +%s.%N)
mid_batch freeze --allow-partial --shard-timeout 1
took=$(seconds "$start" "$(date +%s.%N)")
check_partial "server frozen mid-batch"
pass "a server frozen mid-batch, --allow-partial --shard-timeout 1: exit 4, all 20 queries answered, one warning, in $took s"
stop_server 2

stop_server 0
stop_server 1
run "$WORK/out" "$WORK/err" "$KHOJ_SEARCH_BIN" --index "$WORK/remote.stub" --json --allow-partial कोरोना
expect_rc 3 "every server down, --allow-partial"
grep -qF "no shard of $WORK/remote.stub can be reached: remote 127.0.0.1:${PORTS[0]}, remote 127.0.0.1:${PORTS[1]} and $DOWN" "$WORK/err" || fail "every shard down: not said: $(cat "$WORK/err")"
pass "every server down, --allow-partial: exit 3 ($(cat "$WORK/err"))"
