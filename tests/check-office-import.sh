#!/bin/sh
# Word and OpenDocument import: each fixture of tests/data/office (parts
# kept as text, zipped here by tests/office-pack.py) imports to the same
# structure as the seed it was made from (tests/office-compare.py), with the
# notes it should give; from a file and from standard input; then the
# hostile containers of tests/office-hostile.py, each refused with its own
# message and exit status 1, within a time and memory bound. Skipped (77)
# when no python3 is found (the fixtures are zipped with its zipfile).
set -u
. "${top_srcdir:-.}/tests/cli-lib.sh"
py=
for p in ${PYTHON:-} python3 /usr/bin/python3; do
	if "$p" -c 'import zipfile' 2>/dev/null; then py=$p; break; fi
done
if [ -z "$py" ]; then
	echo "SKIP: no python3 to zip the fixtures"
	exit 77
fi
data=$top_srcdir/tests/data/office

# fixture, extension, the seed example whose structure it must give
while read -r name ext seed; do
	"$py" "$top_srcdir/tests/office-pack.py" "$data/$name" "$tmp/$name.$ext"
	expect 0 "$name.$ext imports" "$cli" import --lang=en -o "$tmp/$name.xml" "$tmp/$name.$ext"
	cp "$tmp/err" "$tmp/$name.notes"
	if "$py" "$top_srcdir/tests/office-compare.py" "$top_srcdir/doc/examples/$seed" "$tmp/$name.xml" >"$tmp/cmp"; then
		ok "$name.$ext: the structure of $seed"
	else
		bad "$name.$ext: the structure of $seed"; sed 's/^/  # /' "$tmp/cmp" | head -20
	fi
	contains "$tmp/$name.xml" "<source file=\"[^\"]*$name.$ext\" encoding=\"$ext\"/>" "$name: the source says $ext"
done <<LIST
seed-000 docx seed-000.xml
seed-002 docx seed-002.xml
seed-002-merged docx seed-002.xml
seed-000-tracked docx seed-000.xml
seed-001-odt odt seed-001.xml
LIST

# the labels are not in the text: they come from numbering.xml
lacks "$data/seed-000/word/document.xml" "一、指导思想" "seed 000's labels are automatic"
lacks "$data/seed-002/word/document.xml" "三月份</w:t></w:r></w:p><w:p><w:r><w:t xml:space=\"preserve\">1、" "seed 002's activities are numbered automatically"
lacks "$data/seed-001-odt/content.xml" ">一、學習" "seed 001's labels come from the list styles"
contains "$tmp/seed-000.xml" '<section label="一、" number="1" level="1"' "一、 from chineseCounting and %1、"
contains "$tmp/seed-000.xml" '<section label="（二）．" number="2" level="2">' "（二）． restarted under 二、"
contains "$tmp/seed-002.xml" '<month month="7" to="8" year="2012" label="七、八月份">' "a row spanning 七、八月"

# tracked changes, comments, footnotes, text boxes, TOC and footer fields
n=$tmp/seed-000-tracked.notes
contains "$n" "seed-000-tracked.docx:1:1: note: dropped the field TOC \[import-office-field\]" "TOC dropped with a note"
contains "$n" "deleted text dropped \[import-office-revision\]" "deletions dropped with a note"
contains "$n" "inserted text kept \[import-office-revision\]" "insertions kept with a note"
contains "$n" "comments \[import-office-skipped\]" "comments left out with a note"
contains "$n" "footnotes and endnotes \[import-office-skipped\]" "footnotes left out with a note"
contains "$n" "text boxes \[import-office-skipped\]" "text boxes left out with a note"
contains "$n" "headers and footers \[import-office-skipped\]" "footers left out with a note"
lacks "$tmp/seed-000-tracked.xml" "此处删去的文字" "the deleted text is not imported"
lacks "$tmp/seed-000-tracked.xml" "文本框里的字" "the text box's text is not imported"
lacks "$tmp/seed-000-tracked.xml" "目录" "the TOC's text is not imported"
[ ! -s "$tmp/seed-000.notes" ] && ok "a plain document: no notes" || bad "a plain document: no notes"

# from standard input, by content (the name says nothing)
"$cli" import -q - < "$tmp/seed-000.docx" > "$tmp/stdin.xml" 2>"$tmp/err" && ok "import from stdin" || bad "import from stdin"
contains "$tmp/stdin.xml" '<month month="12" year="2012" label="十二月">' "stdin: the schedule table"
cp "$tmp/seed-001-odt.odt" "$tmp/plan.txt"
expect 0 "an .odt named .txt is read as OpenDocument" "$cli" import -q -o "$tmp/odt.xml" "$tmp/plan.txt"
contains "$tmp/odt.xml" 'encoding="odt"' "the content decided, not the name"

# hostile containers: exit 1, a message of their own, in bounded time and memory
"$py" "$top_srcdir/tests/office-hostile.py" "$tmp/seed-000.docx" "$tmp/h"
while IFS='|' read -r file msg; do
	start=$(date +%s)
	( [ -n "${ASAN_OPTIONS:-}" ] || ulimit -v 1048576 2>/dev/null; ulimit -t 20 2>/dev/null
	  exec "$cli" import --lang=en -o "$tmp/h.xml" "$tmp/h/$file" ) >"$tmp/out" 2>"$tmp/err"
	got=$?
	[ "$got" -eq 1 ] && ok "$file refused with exit 1" || { bad "$file refused with exit 1 (exit $got)"; head -3 "$tmp/err"; }
	contains "$tmp/err" "^$tmp/h/$file: .*$msg" "$file: $msg"
	[ $(( $(date +%s) - start )) -le 10 ] && ok "$file: within 10 s" || bad "$file: within 10 s"
done <<LIST
doc.doc|Word 97-2003 (.doc) or WPS (.wps) binary document.*save it as .docx
wps.wps|Word 97-2003 (.doc) or WPS (.wps) binary document.*save it as .docx
encrypted.docx|the document is encrypted
zipcrypto.docx|the document is encrypted
odf-crypt.odt|the document is encrypted
nomain.docx|has no word/document.xml
nocontent.odt|has no content.xml
corrupt.docx|is corrupt
notzip.docx|is corrupt
bomb-ratio.docx|compressed beyond the ratio limit
bomb-total.docx|unpacks to more than the limit
dtd.docx|has a DOCTYPE
badxml.docx|is not well-formed XML
LIST
[ ! -e "$tmp/h.xml" ] && ok "nothing written for a refused file" || bad "nothing written for a refused file"
# the fuzz target's replay over the packed fixtures and the hostile files
expect 0 "fuzz replay over the containers" "$top_builddir/tests/fuzz/replay-office" "$tmp/h" \
	"$tmp/seed-000.docx" "$tmp/seed-002.docx" "$tmp/seed-001-odt.odt" "$tmp/seed-000-tracked.docx"
contains "$tmp/out" "replayed 17 inputs" "all 17 replayed"
expect 1 "Chinese messages too" "$cli" import --lang=zh -o "$tmp/h.xml" "$tmp/h/doc.doc"
contains "$tmp/err" "另存为 .docx" "the Chinese message says to save as .docx"
finish
