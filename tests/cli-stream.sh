#!/bin/sh
# unionplan validate streams by default: the streaming path gives what the
# whole-document path (--in-memory) gives (diagnostics byte for byte, in
# the same order, and the exit status), over the whole corpus and over
# generated plans of many chunks with findings early, late and across chunk
# boundaries; and its memory does not follow the size of the plan.
set -u
. "${top_srcdir:-.}/tests/cli-lib.sh"

# both DESCRIPTION OPTION... FILE: the two paths agree (the whole-document
# path first, then the default, streamed)
both() {
	what=$1; shift
	"$cli" validate --lang=en --in-memory "$@" >"$tmp/o1" 2>"$tmp/e1"; s1=$?
	"$cli" validate --lang=en "$@" >"$tmp/o2" 2>"$tmp/e2"; s2=$?
	agree "$what" "$s1" "$s2"
}

for f in $(find "$data/valid" "$data/invalid" "$data/rules" "$top_srcdir/doc/examples" -name '*.xml' | LC_ALL=C sort); do
	name=${f#"$top_srcdir/"}
	both "$name" "$f"
	both "$name --schema-only" --schema-only "$f"
done
# the small hostile inputs: the same diagnostics, and libxml2 prints
# nothing of its own on either path ('<' and three NULs look like UTF-32)
for f in $(find "$data/hostile" -name '*.xml' | LC_ALL=C sort); do
	both "${f#"$top_srcdir/"}" "$f"
done
"$cli" validate --lang=en "$data/hostile/lt-three-nuls.xml" 2>"$tmp/e2"
same "$tmp/e2" "$data/hostile/lt-three-nuls.xml:1:2: error: character U+0000 is not allowed in XML (a control character) [xml-encoding]" \
	"'<' and three NULs, streamed: one diagnostic, libxml2 silent"
for f in $(find "$data/invalid" "$data/rules" -name '*.xml' | LC_ALL=C sort); do
	both "${f#"$top_srcdir/"} --format=json --max-diagnostics=2" --format=json --max-diagnostics=2 "$f"
done
both "the corpus in Chinese, one command" --lang=zh-Hans $(find "$data/invalid" "$data/rules" -name '*.xml' | LC_ALL=C sort)

# plan N OUT [EDIT]: seed 000's months repeated to about N kB; EDIT is a
# Python statement changing the text t (the plan's text) before it is written
plan() {
	python3 - "$top_srcdir/doc/examples/seed-000.xml" "$2" "$1" "${3:-pass}" <<'PY'
import sys
src = open(sys.argv[1], encoding='utf-8').read()
head, rest = src.split('<schedule>\n', 1)
months, tail = rest.split('    </schedule>\n', 1)
n = max(1, int(sys.argv[3]) * 1000 // len(months.encode()))
t = head + '<schedule>\n' + months * n + '    </schedule>\n' + tail
exec(sys.argv[4])
open(sys.argv[2], 'wb').write(t.encode('utf-8') if isinstance(t, str) else t)
PY
}
plan 1500 "$tmp/big.xml"
both "1.5 MB plan" "$tmp/big.xml"
both "1.5 MB plan, every diagnostic" --max-diagnostics=0 "$tmp/big.xml"
both "1.5 MB plan, JSON, the cap at 5" --format=json --max-diagnostics=5 "$tmp/big.xml"
both "1.5 MB plan, some rule groups" --rules=months,holidays,crosscheck "$tmp/big.xml"
"$cli" validate --lang=en --in-memory - < "$tmp/big.xml" >"$tmp/o1" 2>"$tmp/e1"; s1=$?
"$cli" validate --lang=en - < "$tmp/big.xml" >"$tmp/o2" 2>"$tmp/e2"; s2=$?
[ "$s1" -eq "$s2" ] && cmp -s "$tmp/e1" "$tmp/e2" && [ -s "$tmp/e1" ] && ok "1.5 MB plan, standard input" || bad "1.5 MB plan, standard input"
# --stream is the default, and the last of --stream and --in-memory wins
"$cli" validate --lang=en --stream "$tmp/big.xml" >"$tmp/o1" 2>"$tmp/e1"; s1=$?
"$cli" validate --lang=en "$tmp/big.xml" >"$tmp/o2" 2>"$tmp/e2"; s2=$?
agree "--stream is the default" "$s1" "$s2"
"$cli" validate --lang=en --stream --in-memory --max-size=1M "$tmp/big.xml" >"$tmp/o1" 2>"$tmp/e1"
contains "$tmp/e1" "larger than the limit of 1048576 bytes" "--stream --in-memory: read whole, under --max-size"
"$cli" validate --lang=en --in-memory --stream --max-size=1M "$tmp/big.xml" >"$tmp/o1" 2>"$tmp/e1"; s1=$?
agree "--in-memory --stream: streamed, not refused for size" "$s1" "$s2"
plan 900 "$tmp/bom.xml" "t = b'\xef\xbb\xbf' + t.encode()"
both "a byte-order mark" "$tmp/bom.xml"
plan 900 "$tmp/late-schema.xml" "i = t.rindex('<month '); t = t[:i] + '<month bad=\"1\" ' + t[i + 7:]"
both "a schema error near the end" "$tmp/late-schema.xml"
plan 900 "$tmp/late-utf8.xml" "t = t.replace('<title>', '<title><', 1).encode(); i = t.rindex(b'</schedule>'); t = t[:i] + b'\xff' + t[i:]"
both "a syntax error early, bad UTF-8 late: only the latter" "$tmp/late-utf8.xml"
contains "$tmp/e2" "xml-encoding" "the encoding error is the one said"
attrs=$(awk 'BEGIN { for (i = 0; i < 70; i++) printf " a%d=\"%d\"", i, i }')
plan 900 "$tmp/late-attrs.xml" "t = t.replace('<title>', '<title><', 1); i = t.rindex('</schedule>'); t = t[:i] + '<x$attrs/>' + t[i:]"
both "a syntax error early, too many attributes late: only the latter" "$tmp/late-attrs.xml"
contains "$tmp/e2" "xml-attributes" "the attributes error is the one said"
# after the fatal error the stream reads on only up to --max-size bytes of
# the document (inclusive), beyond which the whole document is not read
n=$(wc -c < "$tmp/late-utf8.xml")
expect 1 "read on to exactly the limit: the late bad UTF-8 is found" \
	"$cli" validate --lang=en --stream --max-size=$n "$tmp/late-utf8.xml"
contains "$tmp/err" "xml-encoding" "read on to exactly the limit: xml-encoding"
off=$(python3 -c 'import sys; print(open(sys.argv[1], "rb").read().index(b"\xff"))' "$tmp/late-utf8.xml")
expect 1 "the limit ending on the bad byte: it is found" \
	"$cli" validate --lang=en --stream --max-size=$((off + 1)) "$tmp/late-utf8.xml"
contains "$tmp/err" "xml-encoding" "the limit ending on the bad byte: xml-encoding"
expect 1 "the limit one byte short of it: reading stops before the bad UTF-8" \
	"$cli" validate --lang=en --stream --max-size=$off "$tmp/late-utf8.xml"
contains "$tmp/err" "xml-syntax" "the limit one byte short: the syntax error is the verdict"
lacks "$tmp/err" "xml-encoding" "the limit one byte short: no encoding error"
expect 1 "the limit one byte short, standard input: the same" \
	"$cli" validate --lang=en --max-size=$off - < "$tmp/late-utf8.xml"
contains "$tmp/err" "^<stdin>:.*xml-syntax" "the limit one byte short, standard input: xml-syntax"
lacks "$tmp/err" "xml-encoding" "the limit one byte short, standard input: no encoding error"
expect 1 "an endless input after the parser stopped ends at the limit" \
	timeout 20 "$cli" validate --lang=en --max-size=1M /dev/zero
same "$tmp/err" "/dev/zero:1:1: error: character U+0000 is not allowed in XML (a control character) [xml-encoding]" \
	"an endless input: the verdict found before the limit"
plan 900 "$tmp/straddle.xml" "t = t.encode(); i = t.rindex(b'\\n', 0, 65536 - 300) + 1; t = t[:i] + b'<x v=\"' + b'y' * 600 + b'\"$attrs/>\\n' + t[i:]"
both "a quoted value across a chunk boundary, then too many attributes" "$tmp/straddle.xml"
contains "$tmp/e2" "xml-attributes" "the attributes after the boundary are counted"
# a start tag cut by the first chunk's end in each of its parts (name,
# spaces, attribute name, '=', value, closing quote): counted on, not lost
k=1
while [ $k -le 20 ]; do
	plan 300 "$tmp/cut-tag.xml" "t = t.encode(); i = t.rindex(b'\\n', 0, 65000) + 1; t = t[:i] + b' ' * (65536 - $k - i) + b'<x  v = \"yyyyy\" $attrs/>' + t[i:]"
	both "a start tag cut $k bytes after its '<'" "$tmp/cut-tag.xml"
	grep -q "xml-attributes" "$tmp/e2" || bad "a start tag cut $k bytes after its '<': no xml-attributes"
	k=$((k + 1))
done
plan 900 "$tmp/comment.xml" "i = 65536 - 300; t = t.encode(); t = t[:i] + b'<!-- <x$attrs/> -->' + t[i:]"
both "a comment across a chunk boundary, holding a tag" "$tmp/comment.xml"
plan 900 "$tmp/cut.xml" "t = t[:len(t) * 2 // 3]"
both "a plan cut short" "$tmp/cut.xml"
plan 900 "$tmp/gb.xml" "t = t.replace('encoding=\"UTF-8\"', 'encoding=\"GB18030\"').encode('gb18030')"
both "GB18030 (read whole)" "$tmp/gb.xml"
awk 'BEGIN {
	print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	print "<plans xmlns=\"urn:unionplan:1\">"
	for (p = 0; p < 2; p++) {
		print "<plan version=\"1\" xml:lang=\"zh-Hans\"><meta><title>计划</title></meta>"
		for (i = 1; i <= 2000; i++) {
			printf "  <section number=\"%d\" label=\"%d.\"><heading>第二十个教师节</heading>", (i % 7 ? i : i - 1), i
			printf "<item number=\"%d\">项</item><schedule><month month=\"%d\"><activity number=\"2\">事</activity></month></schedule></section>\n", i % 3, i % 12 + 1
		}
		print "</plan>"
	}
	print "</plans>" }' > "$tmp/sections.xml"
both "two plans of 2,000 numbered sections with schedules" --max-diagnostics=0 "$tmp/sections.xml"
both "the same under the cap" --max-diagnostics=50 "$tmp/sections.xml"

# memory: a plan ten times as large costs about the same (not measured in
# a sanitizer build, whose shadow memory grows with what it touches)
if [ -x /usr/bin/time ] && [ -z "${ASAN_OPTIONS:-}" ]; then
	plan 2000 "$tmp/m2.xml"
	plan 20000 "$tmp/m20.xml"
	/usr/bin/time -f "%M" -o "$tmp/t2" "$cli" validate -q "$tmp/m2.xml"
	/usr/bin/time -f "%M" -o "$tmp/t20" "$cli" validate -q "$tmp/m20.xml"
	k2=$(tail -n 1 "$tmp/t2"); k20=$(tail -n 1 "$tmp/t20")
	[ "$k20" -lt 32768 ] && ok "20 MB plan streamed in $k20 KiB (< 32 MiB)" || bad "20 MB plan streamed in $k20 KiB"
	[ "$k20" -lt $((k2 + 4096)) ] && ok "flat: $k2 KiB for 2 MB, $k20 KiB for 20 MB" || bad "not flat: $k2 KiB for 2 MB, $k20 KiB for 20 MB"
	# standard input and a FIFO stream too
	/usr/bin/time -f "%M" -o "$tmp/t20" sh -c "\"$cli\" validate -q - < \"$tmp/m20.xml\""
	k20=$(tail -n 1 "$tmp/t20")
	[ "$k20" -lt 32768 ] && ok "20 MB plan on standard input streamed in $k20 KiB" || bad "20 MB plan on standard input: $k20 KiB"
	if mkfifo "$tmp/fifo" 2>/dev/null; then
		cat "$tmp/m20.xml" > "$tmp/fifo" &
		/usr/bin/time -f "%M" -o "$tmp/t20" "$cli" validate -q "$tmp/fifo"; st=$?
		wait
		k20=$(tail -n 1 "$tmp/t20")
		[ "$st" -eq 0 ] && [ "$k20" -lt 32768 ] && ok "20 MB plan through a FIFO streamed in $k20 KiB" || bad "20 MB plan through a FIFO: exit $st, $k20 KiB"
	fi
	rm -f "$tmp/m2.xml" "$tmp/m20.xml"
fi
expect 0 "--help lists --stream and --in-memory" "$cli" validate --help
contains "$tmp/out" "--stream" "--help lists --stream"
contains "$tmp/out" "--in-memory" "--help lists --in-memory"
finish
