#!/bin/sh
# unionplan validate --max-diagnostics: at most N diagnostics per file
# (default 1000, 0 = every one), then one that counts the rest; the exit
# status is what it would be without the limit. The plans are generated.
set -u
. "${top_srcdir:-.}/tests/cli-lib.sh"

# sections N: a plan of N sections numbered 1, 3, 5 ... (N - 1 skips);
# section i is on line 5 + i
sections() {
	awk -v n="$1" 'BEGIN {
		print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
		print "<plan xmlns=\"urn:unionplan:1\" version=\"1\" xml:lang=\"zh-Hans\">"
		print "  <meta>"; print "    <title>计划</title>"; print "  </meta>"
		for (i = 1; i <= n; i++) printf "  <section number=\"%d\"><heading>节</heading></section>\n", 2 * i - 1
		print "</plan>" }'
}
sections 1501 > "$tmp/skips.xml"
sections 3 > "$tmp/few.xml"

expect 0 "1,500 warnings: still valid" "$cli" validate --lang=en "$tmp/skips.xml"
[ "$(wc -l < "$tmp/err")" -eq 1001 ] && ok "1,000 diagnostics and one more by default" || bad "1,000 diagnostics and one more by default ($(wc -l < "$tmp/err"))"
tail -n 1 "$tmp/err" > "$tmp/last"
same "$tmp/last" "$tmp/skips.xml:1007:3: warning: too many problems: 500 more diagnostics were left out (0 of them errors); the limit is 1000 [too-many-diagnostics]" "the last one counts the rest, at the first left out"
expect 1 "--strict: the warnings left out still fail" "$cli" validate --strict "$tmp/skips.xml"

expect 0 "--max-diagnostics=10" "$cli" validate --lang=en --max-diagnostics=10 "$tmp/skips.xml"
[ "$(wc -l < "$tmp/err")" -eq 11 ] && ok "ten and one more" || bad "ten and one more ($(wc -l < "$tmp/err"))"
contains "$tmp/err" "skips.xml:16:3: warning: numbering jumps from 19 to 21 \[numbering-skip\]" "the tenth is kept"
contains "$tmp/err" "skips.xml:17:3: warning: too many problems: 1490 more diagnostics were left out (0 of them errors); the limit is 10 \[too-many-diagnostics\]" "the rest are counted"
expect 0 "--max-diagnostics=0" "$cli" validate --max-diagnostics=0 "$tmp/skips.xml"
[ "$(wc -l < "$tmp/err")" -eq 1500 ] && ok "0: every diagnostic" || bad "0: every diagnostic ($(wc -l < "$tmp/err"))"
lacks "$tmp/err" "too-many-diagnostics" "0: nothing left out"
expect 0 "--max-diagnostics=2 per file" "$cli" validate --max-diagnostics=2 "$tmp/few.xml" "$tmp/few.xml"
[ "$(wc -l < "$tmp/err")" -eq 4 ] && ok "two files, two each" || bad "two files, two each ($(wc -l < "$tmp/err"))"
lacks "$tmp/err" "too-many-diagnostics" "exactly the limit: nothing left out"
expect 0 "--max-diagnostics=1 --format=json" "$cli" validate --format=json --max-diagnostics=1 "$tmp/few.xml"
contains "$tmp/out" '"code": *"too-many-diagnostics"' "JSON has the last one"

# errors left out keep the exit status: 1,500 bad months, the limit 5
awk 'BEGIN {
	print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	print "<plan xmlns=\"urn:unionplan:1\" version=\"1\" xml:lang=\"zh-Hans\">"
	print "  <meta/>"; print "  <schedule>"
	for (i = 1; i <= 1500; i++) print "    <month month=\"13\"/>"
	print "  </schedule>"; print "</plan>" }' > "$tmp/bad.xml"
expect 1 "errors left out: still invalid" "$cli" validate --lang=en --max-diagnostics=5 "$tmp/bad.xml"
[ "$(wc -l < "$tmp/err")" -eq 6 ] && ok "five errors and one more" || bad "five errors and one more ($(wc -l < "$tmp/err"))"
contains "$tmp/err" "bad.xml:10:12: error: too many problems: 1495 more diagnostics were left out (1495 of them errors); the limit is 5 \[too-many-diagnostics\]" "the last one is an error"

for v in -1 x 1x "" 99999999999999999999999; do
	expect 2 "--max-diagnostics='$v' is a usage error" "$cli" validate "--max-diagnostics=$v" "$tmp/few.xml"
done
contains "$tmp/err" "max-diagnostics" "the usage error names the option"
expect 0 "--help" "$cli" validate --help
contains "$tmp/out" "--max-diagnostics=N" "--help lists --max-diagnostics"
finish
