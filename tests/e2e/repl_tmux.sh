#!/usr/bin/env bash
# @file repl_tmux.sh @brief Drives the khoj-search prompt in a real terminal (tmux) on the sample corpus.
# Usage: repl_tmux.sh KHOJ_INDEX_BINARY KHOJ_SEARCH_BINARY SOURCE_DIR
set -euo pipefail

INDEXER=$(realpath "$1")
SEARCH=$(realpath "$2")
SOURCE=$(realpath "$3")

if ! command -v tmux >/dev/null; then
    echo "SKIP: tmux is not installed"
    exit 77
fi

WORK=$(mktemp -d)
SOCKET="$WORK/tmux.sock"
SESSION=khoj
cleanup() {
    tmux -S "$SOCKET" kill-server 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

"$INDEXER" --quiet --index "$WORK/index" "$SOURCE/sample_corpus" >/dev/null

fail() {
    echo "FAIL: $*" >&2
    echo "---- screen ----" >&2
    tmux -S "$SOCKET" capture-pane -p -t "$SESSION" >&2 || true
    exit 1
}

screen() { tmux -S "$SOCKET" capture-pane -p -t "$SESSION"; }

# True when the screen shows the fixed string $1 (captured first: no SIGPIPE under pipefail).
shows() {
    local text
    text=$(screen)
    grep -qF -- "$1" <<<"$text"
}

# Waits (up to 10 s) until the screen shows the fixed string $1.
wait_for() {
    local i
    for ((i = 0; i < 100; i++)); do
        if shows "$1"; then return 0; fi
        sleep 0.1
    done
    fail "timed out waiting for: $1"
}

# The last non-empty line of the screen (where the prompt is).
last_line() {
    local text
    text=$(screen)
    grep -v '^[[:space:]]*$' <<<"$text" | tail -n 1
}

# Waits until the last non-empty line is exactly $1 (a prompt, with what is typed on it).
wait_last_line() {
    local i
    for ((i = 0; i < 100; i++)); do
        if [[ "$(last_line)" == "$1" ]]; then return 0; fi
        sleep 0.1
    done
    fail "expected the last line to be '$1', it is '$(last_line)'"
}

keys() { tmux -S "$SOCKET" send-keys -t "$SESSION" "$@"; }
type_line() {
    keys -l -- "$1"
    keys Enter
}
clear_screen() {
    keys C-l
    sleep 0.2
}

start() {
    # PAGER=less with a page size of 2 results: paging has something to do on four articles.
    tmux -S "$SOCKET" new-session -d -s "$SESSION" -x 120 -y 40 \
        -e LANG=C.UTF-8 -e LC_ALL=C.UTF-8 -e TERM=screen -e KHOJ_HISTORY="$WORK/state/history" \
        -e PAGER=less -e NO_COLOR=1 -e HOME="$WORK" \
        "$SEARCH --index '$WORK/index' -n 2"
    wait_for "khoj>"
}

session_alive() { tmux -S "$SOCKET" has-session -t "$SESSION" 2>/dev/null; }

echo "1. a Latin query shows results"
start
type_line "Shoigu"
wait_for "results 1–2 of"
shows "शोइगु" || fail "the Shoigu results do not show शोइगु"
shows "  1. " || fail "no result 1"

echo "2. paging with :next and Enter"
clear_screen
type_line ":next"
wait_for "results 3–3 of 3 "
type_line ":next"
wait_for "no more results"
shows "  3. " || fail ":next did not show result 3"
clear_screen
type_line ":prev"
wait_for "results 1–2 of"
clear_screen
keys Enter
wait_for "results 3–"

echo "3. :open 1 (on page 1 while page 2 is shown) shows the article through the pager"
clear_screen
type_line ":open 1"
# Article 001 (Shoigu's visit) is longer than the 40-line terminal, so less shows it.
wait_for "सर्गेई शोइगु से मुलाकात की"
keys q
wait_last_line "khoj>"
session_alive || fail "the prompt ended after the pager"

echo "4. a filter command changes the results"
clear_screen
type_line "Shoigu"
wait_for "results 1–2 of"
clear_screen
type_line ":since 2023-07-01"
wait_for "results 1–1 of 1 "
wait_for "khoj [since:2023-07-01]>"
clear_screen
type_line ":source amar_ujala"
wait_for "no articles matched"
wait_for "source:amar_ujala]>"
clear_screen
type_line ":clear"
wait_for "results 1–2 of"
wait_last_line "khoj>"

echo "5. Ctrl-C cancels a half-typed line without leaving"
clear_screen
keys -l "half typed query"
wait_for "khoj> half typed query"
keys C-c
wait_for "half typed query^C"
wait_last_line "khoj>"
session_alive || fail "Ctrl-C ended the session"
type_line ":help"
wait_for ":open N"
wait_for ":copies"
clear_screen
type_line ":copies"
wait_for "every copy of a story is a result of its own"
type_line ":copies"
wait_for "copies of a story collapse into the best one"

echo "6. a Devanagari query finds the article"
clear_screen
type_line "प्योंगयांग"
wait_for "results 1–"
shows "001_93327e7be077d1f2" || fail "the Devanagari query did not find article 001"

echo "7. history survives a restart"
clear_screen
type_line "Pyongyang Kim"
wait_for "results 1–"
type_line ":quit"
for ((i = 0; i < 50; i++)); do session_alive || break; sleep 0.1; done
session_alive && fail ":quit did not leave"
[[ -s "$WORK/state/history" ]] || fail "no history file at \$KHOJ_HISTORY"
start
keys Up
wait_for "khoj> Pyongyang Kim"
keys C-u
keys C-d
for ((i = 0; i < 50; i++)); do session_alive || break; sleep 0.1; done
session_alive && fail "Ctrl-D did not leave"

echo "8. escapes inside articles reach neither the hit list nor :open raw (printed directly or through PAGER=cat)"
# A short and a long article whose fields hold a screen clear, an OSC 52 clipboard write, a window
# title, an OSC 8 link, BEL, blink and a C1 CSI; the long one goes through the pager.
python3 - "$WORK/hostile.jsonl" <<'PYTHON'
import json, sys
E, B = "\x1b", "\x07"
evil = "clipboard " + E + "]52;c;ZWNobyBwd25lZA==" + B + " और " + E + "]0;HACKED-TITLE" + B + " फिर " + B + " \u009b31m अंत।"
articles = [
    {"id": "short " + E + "[5mBLINK", "source": E + "[41mevil", "date": "2020-04-02", "title": "सुरक्षा " + E + "[2J" + E + "[H छोटा",
     "body": "सुरक्षा " + evil, "url": "http://x/" + E + "]8;;http://evil" + E + "\\link" + E + "]8;;" + E + "\\"},
    {"id": "long", "source": "s", "date": "2020-04-01", "title": "लंबा " + E + "[2J लेख",
     "body": "\n\n".join("पंक्ति %d सुरक्षा %s" % (k, evil) for k in range(60))},
]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for a in articles:
        f.write(json.dumps(a, ensure_ascii=False) + "\n")
PYTHON
"$INDEXER" --quiet --index "$WORK/hostile-index" "$WORK/hostile.jsonl" >/dev/null
# Colours on (no NO_COLOR): Khoj's own escapes must still be written, the article's must not.
tmux -S "$SOCKET" new-session -d -s "$SESSION" -x 120 -y 40 \
    -e LANG=C.UTF-8 -e LC_ALL=C.UTF-8 -e TERM=screen -e KHOJ_HISTORY="$WORK/state/history" \
    -e PAGER=cat -e HOME="$WORK" \
    "$SEARCH --index '$WORK/hostile-index'"
tmux -S "$SOCKET" pipe-pane -t "$SESSION" -o "cat >>'$WORK/raw'"
wait_for "khoj>"
type_line "सुरक्षा clipboard"
wait_for "results 1–2 of 2"
shows "^[]52;c;ZWNobyBwd25lZA==^G" || fail "the hit list does not show the OSC 52 as text"
shows "^[[41mevil · short ^[[5mBLINK" || fail "the date · source · id line does not show the escapes as text"
type_line ":open 1"
wait_for "http://x/^[]8;;http://evil"
type_line ":open 2"
wait_for "पंक्ति 59 सुरक्षा"
# A reversed date range is refused, and the filters stay as they were.
type_line ":since 2020-05-01"
wait_for "khoj [since:2020-05-01]>"
type_line ":until 2020-04-01"
wait_for "khoj-search: :since is after :until (2020-05-01 .. 2020-04-01)"
wait_last_line "khoj [since:2020-05-01]>"
type_line ":quit"
for ((i = 0; i < 50; i++)); do session_alive || break; sleep 0.1; done
session_alive && fail ":quit did not leave"
python3 - "$WORK/raw" <<'PYTHON' || fail "escapes of the articles reached the terminal raw"
import sys
raw = open(sys.argv[1], "rb").read()
assert "पंक्ति 59".encode() in raw, "the long article was not shown"
assert b"\x1b[1;33m" in raw, "Khoj's own match colour is missing"
found = [p for p in (b"\x1b]52;", b"\x1b]0;", b"\x1b]8;", b"\x1b[2J", b"\x1b[5m", b"\x1b[41m", b"\x07", b"\xc2\x9b") if p in raw]
assert not found, f"raw in the terminal: {found}"
PYTHON

echo "PASS: repl_tmux"
