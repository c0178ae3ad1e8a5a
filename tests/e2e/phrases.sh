#!/usr/bin/env bash
# @file phrases.sh @brief End-to-end: every phrase of the dev and scale query sets matches exactly the articles in tests/golden/phrase_matches.tsv on the COVID corpus.
# The phrases: the quoted queries of ../shared/eval/scale-queries.tsv, and every dev query of two
# words or more (queries.tsv, english-queries.tsv) put in quotes, so Latin, romanised and
# Devanagari phrases are all covered. For each, the golden file holds the number of matching
# articles and a digest of their sorted ids (every copy counted). The phrase design may change
# (positions, impacts, checks); which articles hold a phrase may not. After an intended change,
# review and regenerate with KHOJ_UPDATE_GOLDEN=1.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

require_shared eval/scale-queries.tsv
GOLDEN=$SOURCE_DIR/tests/golden/phrase_matches.tsv
INDEX=$WORK/index
QUERIES=$WORK/phrases.tsv

grep -P '^[^\t]+\t".*"$' "$SHARED/eval/scale-queries.tsv" >"$QUERIES"
cat "$SHARED/eval/queries.tsv" "$SHARED/eval/english-queries.tsv" |
  awk -F'\t' 'split($2, words, " ") >= 2 { printf "%s\t\"%s\"\n", $1, $2 }' >>"$QUERIES"

run "$WORK/out" "$WORK/err" "$KHOJ_INDEX_BIN" --quiet --index "$INDEX" "$CORPUS" "$SHARED/corpora/seeds.jsonl"
expect_rc 0 "khoj-index of the COVID corpus and the seeds"

run "$WORK/raw" "$WORK/err" "$KHOJ_SEARCH_BIN" --index "$INDEX" --all-copies --format trec -n 100000 --batch "$QUERIES"
expect_rc 0 "khoj-search --batch of $(wc -l <"$QUERIES") phrases"

# qid, phrase, articles matched, digest of their sorted ids (phrases matching nothing included).
python3 - "$QUERIES" "$WORK/raw" >"$WORK/actual" <<'PYTHON'
import hashlib, sys
queries = [line.rstrip("\n").split("\t", 1) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
ids = {}
for line in open(sys.argv[2], encoding="utf-8"):
    qid, _, doc, *_ = line.split(" ")
    ids.setdefault(qid, []).append(doc)
for qid, phrase in queries:
    found = sorted(ids.get(qid, []))
    print(f"{qid}\t{phrase}\t{len(found)}\t{hashlib.sha1(' '.join(found).encode()).hexdigest()[:16]}")
PYTHON

compare_with_golden "$WORK/actual" "$GOLDEN" "phrase matches (qid, phrase, articles, digest)"
pass "$(wc -l <"$GOLDEN") phrases match the same articles as in the golden file ($(awk -F'\t' '{ n += $3 } END { print n }' "$GOLDEN") matches)"
