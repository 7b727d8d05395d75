#!/bin/sh
# unionplan export --to=text: golden text for a small plan as written,
# renumbered (a duplicate and skipped numbers mended) and wrapped at 40
# columns (a line that would start with ， takes the character before it
# along), --simplified, the text read back by import, and usage errors.
. "${top_srcdir:-.}/tests/cli-lib.sh"
ex="$data/export"
for v in "txt:" "renumber.txt:--renumber" "w40.txt:--width=40"; do
	golden=${v%%:*} opt=${v#*:}
	expect 0 "export --to=text $opt" "$cli" export --to=text $opt "$ex/text-plan.xml"
	cmp -s "$tmp/out" "$ex/text-plan.$golden" && ok "gives text-plan.$golden" || bad "does not give text-plan.$golden"
done
grep -q '^[。，、；：？！）」]' "$ex/text-plan.w40.txt" && bad "a wrapped line starts with closing punctuation" ||
	ok "no wrapped line starts with closing punctuation"
grep -q '[（「]$' "$ex/text-plan.w40.txt" && bad "a wrapped line ends with opening punctuation" ||
	ok "no wrapped line ends with opening punctuation"
expect 0 "--simplified" "$cli" export --to=text --simplified "$data/valid/full-features.xml"
contains "$tmp/out" '^ *2017年度小学工会工作计划$' "the title is simplified (and centred)"
contains "$tmp/out" '^作者：邓丽敏$' "the author is simplified"
expect 0 "the text of seed 000" "$cli" export --to=text -o "$tmp/s0.txt" "$top_srcdir/doc/examples/seed-000.xml"
expect 0 "imports" "$cli" import -o "$tmp/s0.xml" "$tmp/s0.txt"
[ "$(grep -c '<activity' "$tmp/s0.xml")" = "$(grep -c '<activity' "$top_srcdir/doc/examples/seed-000.xml")" ] &&
	ok "with as many activities" || bad "with another number of activities"
contains "$tmp/s0.xml" 'date="2012-09-10"' "and the 2012-09-10 date"
expect 2 "a bad --width" "$cli" export --to=text --width=x "$ex/text-plan.xml"
contains "$tmp/err" "bad --width 'x'" "names the width"
expect 2 "text: several FILEs with -o" "$cli" export --to=text -o "$tmp/two.txt" "$ex/text-plan.xml" "$ex/text-plan.xml"
expect 1 "an invalid plan exits 1" "$cli" export --to=text "$data/invalid/bad-date/input.xml"
finish
