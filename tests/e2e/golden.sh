#!/usr/bin/env bash
# @file golden.sh @brief End-to-end: fixed queries on sample_corpus must give exactly the rankings in tests/golden/sample_queries.tsv.
# The queries are in tests/golden/sample_queries.queries (qid<TAB>query). After an intended change to
# analysis or ranking, review the new rankings and regenerate with KHOJ_UPDATE_GOLDEN=1.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

QUERIES=$SOURCE_DIR/tests/golden/sample_queries.queries
GOLDEN=$SOURCE_DIR/tests/golden/sample_queries.tsv
INDEX=$WORK/index

run "$WORK/out" "$WORK/err" "$KHOJ_INDEX_BIN" --index "$INDEX" "$SOURCE_DIR/sample_corpus"
expect_rc 0 "khoj-index sample_corpus"

run "$WORK/raw" "$WORK/err" "$KHOJ_SEARCH_BIN" --index "$INDEX" --format tsv --batch "$QUERIES"
# Scores are left out: the golden file pins which articles come back in which order.
cut -f1-3,5- "$WORK/raw" > "$WORK/actual"
expect_rc 0 "khoj-search --batch"
[ ! -s "$WORK/err" ] || fail "khoj-search --batch printed on stderr: $(cat "$WORK/err")"

compare_with_golden "$WORK/actual" "$GOLDEN" "rankings"
pass "$(wc -l <"$GOLDEN") result rows of $(grep -c $'\t' "$QUERIES") queries match the golden file"
