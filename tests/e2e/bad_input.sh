#!/usr/bin/env bash
# @file bad_input.sh @brief End-to-end: khoj-index skips bad input (also ids and paths past Xapian's limits, broken HTML and WARC records), names each bad FILE:LINE or WARC record on stderr in one harmless line, exits 1, and indexes the rest.
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

# A 20 MB article (a JSON line and a .txt) is rejected by name; the good line after it is indexed.
python3 - "$WORK/huge" <<'PY'
import json, os, sys
os.makedirs(sys.argv[1])
body = "बहुत लंबा लेख " * (20_000_000 // 40)
with open(os.path.join(sys.argv[1], "feed.jsonl"), "w", encoding="utf-8") as f:
    f.write(json.dumps({"id": "huge", "title": "विशाल", "body": body}, ensure_ascii=False) + "\n")
    f.write(json.dumps({"id": "small", "title": "छोटा लेख", "body": "नर्मदा नदी के किनारे मेला लगा।"}, ensure_ascii=False) + "\n")
with open(os.path.join(sys.argv[1], "huge.txt"), "w", encoding="utf-8") as f:
    f.write("विशाल पाठ\n" + body)
PY
run "$WORK/out" "$WORK/err" "$KHOJ_INDEX_BIN" --verbose --index "$WORK/huge-index" "$WORK/huge"
expect_rc 1 "20 MB articles"
grep -qF "khoj-index: $WORK/huge/feed.jsonl:1: " "$WORK/err" || fail "the 20 MB JSON line was not named: $(cat "$WORK/err")"
grep -qF "khoj-index: $WORK/huge/huge.txt" "$WORK/err" || fail "the 20 MB .txt was not named: $(cat "$WORK/err")"
grep -q "1 added, .* 2 rejected" "$WORK/err" || fail "summary after 20 MB articles: $(cat "$WORK/err")"
[ "$("$KHOJ_SEARCH_BIN" --index "$WORK/huge-index" --count नर्मदा)" = 1 ] || fail "the good line after a 20 MB one was lost"
pass "20 MB articles are rejected with file and line; the rest of the file is indexed"

# An unreadable folder is named and skipped. root reads every folder, so under root the check
# runs as nobody (setpriv), in a scratch folder nobody may write.
mkdir -p "$WORK/perm/in/ok" "$WORK/perm/in/locked"
printf 'कावेरी नदी\nकावेरी नदी का पानी घटा।\n' > "$WORK/perm/in/ok/a.txt"
printf 'गोदावरी नदी\nगोदावरी नदी का पानी बढ़ा।\n' > "$WORK/perm/in/locked/b.txt"
chmod 000 "$WORK/perm/in/locked"
as_user=()
if [ "$(id -u)" = 0 ]; then
  if command -v setpriv >/dev/null && id nobody >/dev/null 2>&1; then
    chmod 777 "$WORK/perm"; chmod 755 "$WORK" "$WORK/perm/in" "$WORK/perm/in/ok"; chmod 644 "$WORK/perm/in/ok/a.txt"
    as_user=(setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups)
    "${as_user[@]}" "$KHOJ_INDEX_BIN" --version >/dev/null 2>&1 || as_user=(skip)  # the build folder is private
  else
    as_user=(skip)
  fi
fi
if [ "${as_user[0]:-}" = skip ]; then
  echo "# skipped: unreadable folder (running as root, and nobody cannot run the binaries)"
else
  run "$WORK/out" "$WORK/err" ${as_user[@]+"${as_user[@]}"} "$KHOJ_INDEX_BIN" --verbose --index "$WORK/perm/index" "$WORK/perm/in"
  expect_rc 1 "an unreadable folder"
  grep -qF "khoj-index: $WORK/perm/in/locked" "$WORK/err" || fail "the unreadable folder was not named: $(cat "$WORK/err")"
  [ "$("$KHOJ_SEARCH_BIN" --index "$WORK/perm/index" --count कावेरी)" = 1 ] || fail "the readable folder was not indexed"
  pass "an unreadable folder is named and skipped; the rest is indexed"
fi
chmod 755 "$WORK/perm/in/locked"

# A file unreadable in one run is indexed by the next run once it is readable: its size and time
# are recorded only when it was read (it was once "unchanged" for ever).
if [ "${as_user[0]:-}" != skip ]; then
  printf 'यमुना नदी\nयमुना नदी का पानी साफ हुआ।\n' > "$WORK/perm/in/ok/secret.txt"
  chmod 600 "$WORK/perm/in/ok/secret.txt"
  [ "$(id -u)" = 0 ] && chown root "$WORK/perm/in/ok/secret.txt"
  run "$WORK/out" "$WORK/err" ${as_user[@]+"${as_user[@]}"} "$KHOJ_INDEX_BIN" --index "$WORK/perm/index" "$WORK/perm/in"
  expect_rc 1 "an unreadable file"
  grep -qF "secret.txt: cannot open file" "$WORK/err" || fail "the unreadable file was not named: $(cat "$WORK/err")"
  chmod 644 "$WORK/perm/in/ok/secret.txt"
  run "$WORK/out" "$WORK/err" ${as_user[@]+"${as_user[@]}"} "$KHOJ_INDEX_BIN" --index "$WORK/perm/index" "$WORK/perm/in/ok"
  expect_rc 0 "the file made readable again"
  [ "$("$KHOJ_SEARCH_BIN" --index "$WORK/perm/index" --count यमुना)" = 1 ] || fail "a file that was unreadable once is never indexed"
  pass "a file unreadable in one run is indexed by the next"
fi

# A FIFO named on the command line is refused at once (open() would block for ever, holding the
# lock), and a sparse 4 GiB .txt is refused by its size before anything is read.
mkdir -p "$WORK/special"
mkfifo "$WORK/special/fifo.txt"
ln -s /dev/zero "$WORK/special/zero.txt"
truncate -s 4G "$WORK/special/huge.txt"
printf 'सतलुज नदी\nसतलुज नदी पर पुल बना।\n' > "$WORK/special/good.txt"
run "$WORK/out" "$WORK/err" timeout 20 "$KHOJ_INDEX_BIN" --index "$WORK/special-index" \
  "$WORK/special/fifo.txt" "$WORK/special/zero.txt" "$WORK/special/huge.txt" "$WORK/special/good.txt"
expect_rc 1 "a FIFO and a 4 GiB file"
grep -qF "fifo.txt: not a regular file" "$WORK/err" || fail "the FIFO was not named: $(cat "$WORK/err")"
grep -qF "huge.txt: file is larger than 8 MiB" "$WORK/err" || fail "the 4 GiB file was not named: $(cat "$WORK/err")"
grep -qF "zero.txt: not a regular file" "$WORK/err" || fail "a symlink to /dev/zero was not refused: $(cat "$WORK/err")"
[ "$("$KHOJ_SEARCH_BIN" --index "$WORK/special-index" --count सतलुज)" = 1 ] || fail "the good file beside them was not indexed"
pass "a FIFO, a symlink to /dev/zero and a 4 GiB file are named and skipped at once"

# Xapian's limits are the index's: an id longer than a term (300 bytes, or 100 Devanagari
# letters, or a .txt's path below PATH) and an input file whose absolute path is too long for a
# metadata key never stop the run. The article is named with file and line and skipped; the rest,
# and every later run, goes on.
LIMITS=$WORK/limits
python3 - "$LIMITS" <<'PY'
import json, os, sys
root = sys.argv[1]
os.makedirs(root)
with open(os.path.join(root, "long-ids.jsonl"), "w", encoding="utf-8") as f:
    f.write(json.dumps({"id": "x" * 300, "title": "लंबी आईडी", "body": "यह लेख छूट जाएगा।"}, ensure_ascii=False) + "\n")
    f.write(json.dumps({"id": "क" * 100, "title": "लंबी आईडी", "body": "यह भी छूट जाएगा।"}, ensure_ascii=False) + "\n")
    f.write(json.dumps({"id": "after-long", "title": "बाद का लेख", "body": "ब्रह्मपुत्र नदी में बाढ़ आई।"}, ensure_ascii=False) + "\n")
deep = os.path.join(root, "txt", *(["फ़ोल्डर_बहुत_लंबा_नाम"] * 6))
os.makedirs(deep)
with open(os.path.join(deep, "लेख.txt"), "w", encoding="utf-8") as f:
    f.write("गहरा लेख\nबहुत गहरे फ़ोल्डर में रखा लेख।\n")
far = os.path.join(root, "path", *(["d" * 60] * 5))
os.makedirs(far)
with open(os.path.join(far, "a.txt"), "w", encoding="utf-8") as f:
    f.write("दूर का लेख\nमहानदी के किनारे का गांव।\n")
PY
FAR=$(echo "$LIMITS"/path/d*/d*/d*/d*/d*/a.txt)
run "$WORK/out" "$WORK/err" "$KHOJ_INDEX_BIN" --verbose --index "$WORK/limits-index" "$LIMITS/long-ids.jsonl" "$LIMITS/txt" "$FAR"
expect_rc 1 "ids and paths past Xapian's limits"
for where in "$LIMITS/long-ids.jsonl:1: id 'xxx" "$LIMITS/long-ids.jsonl:2: id 'कक" "लेख.txt: id '"; do
  grep -F "khoj-index: " "$WORK/err" | grep -F "$where" | grep -q "longer than the 244" || fail "not named: $where: $(cat "$WORK/err")"
done
grep -q "2 added, .* 3 rejected" "$WORK/err" || fail "summary with long ids and paths: $(cat "$WORK/err")"
[ "$("$KHOJ_SEARCH_BIN" --index "$WORK/limits-index" --count ब्रह्मपुत्र)" = 1 ] || fail "the article after the long ids was not indexed"
[ "$("$KHOJ_SEARCH_BIN" --index "$WORK/limits-index" --count महानदी)" = 1 ] || fail "the file with a long absolute path was not indexed"
run "$WORK/out" "$WORK/err" "$KHOJ_INDEX_BIN" --verbose --index "$WORK/limits-index" "$LIMITS/long-ids.jsonl" "$LIMITS/txt" "$FAR"
expect_rc 0 "the next run over the same files"
grep -q "3 files skipped" "$WORK/err" || fail "the next run did not skip the files as unchanged: $(cat "$WORK/err")"
pass "ids too long for the index are named and skipped, a long path is indexed; the run and the next go on"

# A file name holding a newline or an escape sequence: each message stays one line, with the
# control characters shown, not sent to the terminal.
mkdir -p "$WORK/names"
printf '\x00bin' > "$WORK/names/bad"$'\n'"name.txt"
printf '\x00bin' > "$WORK/names/esc"$'\e'"[31mred.txt"
run "$WORK/out" "$WORK/err" "$KHOJ_INDEX_BIN" --index "$WORK/names-index" "$WORK/names"
expect_rc 1 "file names with a newline and an escape"
[ "$(wc -l < "$WORK/err")" = 2 ] || fail "a message was split over lines: $(cat -A "$WORK/err")"
grep -qF 'names/bad\nname.txt: binary file, not text' "$WORK/err" || fail "the newline is not shown as \\n: $(cat -A "$WORK/err")"
grep -qF 'names/esc\x1b[31mred.txt: binary file, not text' "$WORK/err" || fail "the escape is not shown as \\x1b: $(cat -A "$WORK/err")"
! grep -q $'\e' "$WORK/err" || fail "an escape character reached stderr raw"
pass "a file name with a newline or an escape prints as one line, the control characters shown"

# Web pages and archives: a page cut off in its <head>, one with no article (a section front), one
# in another charset than it declares and one in none declared are each named; so are a truncated
# WARC's last record and a .warc.gz's corrupt gzip member, by record. The rest is indexed, broken
# but readable markup too.
python3 - "$WORK/web" <<'PY'
import gzip, os, sys
d = sys.argv[1]
os.makedirs(d)
def page(title, text, head='<meta charset="utf-8">'):
    return (f'<!DOCTYPE html><html><head>{head}<title>{title} - Amar Ujala</title></head><body><nav><a href="/">होम</a></nav>'
            f'<article><h1>{title}</h1><p>{text}</p></article></body></html>')
def write(name, data):
    with open(os.path.join(d, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
write("good.html", page("गंगा का जलस्तर बढ़ा", "पटना में गंगा नदी का जलस्तर खतरे के निशान के पास पहुंचा, प्रशासन ने निचले इलाकों में चेतावनी जारी की।"))
write("broken.htm", '<html><head><title>कोसी में उफान</title><body><div></span><p>कोसी नदी में उफान से सुपौल के कई गांवों में पानी घुसा, '
                    'लोग ऊंचे स्थानों पर शरण ले रहे हैं<p>राहत दल पहुंचे</td></div></div><a hre')
write("cut.html", '<html><head><meta charset="utf-8"><title>अधूरा पन्ना</title><scr')
write("front.html", "<html><body><h1>देश</h1><ul>" + "".join(
    f'<li><a href="/n/{i}">पुतिन से मिलने रूस जाएंगे उत्तर कोरिया के तानाशाह किम जोंग उन, हथियार सौदों पर बातचीत</a></li>' for i in range(10)) + "</ul></body></html>")
iscii = bytes.fromhex("cbdacfc220cce1a220ccdac6d7dec620b3dc20c8d8d1dc20cadacfdbd520d7e120b3dbd7dac6e5a2")  # ISCII-91 Devanagari
write("wrong.html", b'<html><head><meta charset="utf-8"></head>\n<body>\n<p>' + iscii + b'</p></body></html>')
write("nocharset.html", b'<html><body><p>' + iscii + b'</p></body></html>')
def record(kind, uri, block):
    head = (f"WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype={kind}\r\n"
            f"Content-Length: {len(block)}\r\n\r\n").encode()
    return head + block + b"\r\n\r\n"
def response(uri, html):
    body = html.encode("utf-8")
    return record("response", uri, b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
request = record("request", "https://www.example.org/gandak", b"GET /gandak HTTP/1.1\r\n\r\n")
gandak = response("https://www.example.org/gandak", page("गंडक में बाढ़", "गंडक नदी का पानी गोपालगंज के निचले इलाकों में फैल गया, सैकड़ों परिवार सुरक्षित स्थानों पर पहुंचाए गए।"))
cut = response("https://www.example.org/cut", page("कटा हुआ रिकॉर्ड", "यह रिकॉर्ड बीच में ही कट गया है और इसका बाकी हिस्सा संग्रह में नहीं है, इसलिए यह लेख नहीं बनेगा।"))
write("truncated.warc", request + gandak + cut[: len(cut) - 300])
damaged = bytearray(gzip.compress(response("https://www.example.org/lost", page("खोया हुआ लेख", "इस रिकॉर्ड का संपीड़ित डेटा खराब हो गया है, इसलिए इसे पढ़ा नहीं जा सकता और यह छोड़ दिया जाएगा।"))))
for i in range(20, 50):
    damaged[i] ^= 0x5A
bagmati = response("https://www.example.org/bagmati", page("बागमती का कहर", "बागमती नदी का तटबंध टूटने से मुजफ्फरपुर के कई प्रखंडों में बाढ़ का पानी घुस गया, प्रशासन ने नावें लगाईं।"))
write("damaged.warc.gz", gzip.compress(request) + bytes(damaged) + gzip.compress(bagmati))
PY
run "$WORK/out" "$WORK/err" "$KHOJ_INDEX_BIN" --verbose --index "$WORK/web-index" "$WORK/web"
expect_rc 1 "bad web pages and archives"
for expected in "cut.html: no article text found" "front.html: no article text found" \
                "wrong.html: bytes that are not utf-8, the page's charset (line 3)" \
                "nocharset.html: not UTF-8, and the page declares no charset" \
                "truncated.warc: record 3 (https://www.example.org/cut): truncated: the file ends after" \
                "damaged.warc.gz: record 2: corrupt gzip data"; do
  grep -qF "khoj-index: $WORK/web/$expected" "$WORK/err" || fail "stderr does not name '$expected': $(cat "$WORK/err")"
done
grep -q "4 added, .* 6 rejected" "$WORK/err" || fail "summary after bad web input: $(cat "$WORK/err")"
for word in गंगा कोसी गंडक बागमती; do
  [ "$("$KHOJ_SEARCH_BIN" --index "$WORK/web-index" --count "$word")" = 1 ] || fail "the readable page with $word was not indexed"
done
[ "$("$KHOJ_SEARCH_BIN" --index "$WORK/web-index" --format tsv गंडक | cut -f2)" = "https://www.example.org/gandak" ] || fail "a WARC page's id is not its target URI"
"$KHOJ_SEARCH_BIN" --index "$WORK/web-index" --count कटा >/dev/null && fail "the truncated record was indexed"
pass "bad pages and archive records are named by file and record; the rest is indexed"

echo "all $CHECKS checks passed"
