#!/bin/sh
# LibreOffice as a second reader of both directions, when it is installed
# (Debian: libreoffice-writer-nogui, poppler-utils), else skipped (77):
#  - seed 000 exported to .docx, converted to PDF by LibreOffice headless:
#    A4 pages, the title and the schedule's text on them, page numbers
#    "— 1 —" and "— 2 —" at the foot, the first page rendered to PNG by
#    pdftoppm (UPL_DOCX_PNG=DIR keeps the pages there to look at);
#  - the .docx fixture of seed 000 converted to text by LibreOffice: the
#    labels it prints from numbering.xml are the ones the importer gives
#    (the text imports to the seed's structure too).
set -u
. "${top_srcdir:-.}/tests/cli-lib.sh"
for c in soffice pdftoppm pdftotext pdfinfo; do
	command -v "$c" >/dev/null 2>&1 || { echo "SKIP: no $c (Debian: libreoffice-writer-nogui, poppler-utils)"; exit 77; }
done
py=
for p in ${PYTHON:-} python3 /usr/bin/python3; do
	if "$p" -c 'import zipfile' 2>/dev/null; then py=$p; break; fi
done
[ -n "$py" ] || { echo "SKIP: no python3"; exit 77; }
lo() { HOME=$tmp timeout 300 soffice --headless --norestore "$@" >"$tmp/lo.log" 2>&1; }

expect 0 "export seed 000 to docx" "$cli" export --to=docx -o "$tmp/seed-000.docx" "$top_srcdir/doc/examples/seed-000.xml"
lo --convert-to pdf --outdir "$tmp" "$tmp/seed-000.docx"
[ -s "$tmp/seed-000.pdf" ] && ok "LibreOffice converts it to PDF" || { bad "LibreOffice converts it to PDF"; cat "$tmp/lo.log"; }
pdfinfo "$tmp/seed-000.pdf" > "$tmp/info" 2>&1
contains "$tmp/info" "Page size: *595.* x 841.* pts (A4)" "A4 pages"
pages=$(sed -n 's/^Pages: *//p' "$tmp/info")
[ "${pages:-0}" -ge 2 ] && ok "$pages pages" || bad "at least two pages (${pages:-none})"
# the grid spaces the characters out: compare without spaces
pdftotext "$tmp/seed-000.pdf" - | tr -d ' ' > "$tmp/seed-000.txt"
contains "$tmp/seed-000.txt" "2012学年第一学期工会工作计划" "the title is on the page"
contains "$tmp/seed-000.txt" "一、指导思想" "a level-1 heading"
contains "$tmp/seed-000.txt" "工作内容" "the schedule table's head"
contains "$tmp/seed-000.txt" "—1—" "page number — 1 —"
contains "$tmp/seed-000.txt" "—2—" "page number — 2 —"
pdftoppm -r 60 -png "$tmp/seed-000.pdf" "$tmp/page"
[ -s "$tmp/page-1.png" ] && ok "page 1 rendered to PNG" || bad "page 1 rendered to PNG"
if [ -n "${UPL_DOCX_PNG:-}" ]; then mkdir -p "$UPL_DOCX_PNG" && cp "$tmp"/page-*.png "$UPL_DOCX_PNG/"; fi

"$py" "$top_srcdir/tests/office-pack.py" "$top_srcdir/tests/data/office/seed-000" "$tmp/fixture.docx"
lo --convert-to txt:Text --outdir "$tmp" "$tmp/fixture.docx"
contains "$tmp/fixture.txt" "一、 *指导思想" "LibreOffice prints 一、 from numbering.xml"
contains "$tmp/fixture.txt" "（二）． *以教代会为主渠道" "and （二）． restarted under 二、"
# its text has the table's head cells as lines of their own: left out
grep -v '^月份$' "$tmp/fixture.txt" | grep -v '^工作内容$' > "$tmp/fixture-body.txt"
expect 0 "LibreOffice's text imports" "$cli" import -q -o "$tmp/fixture.xml" "$tmp/fixture-body.txt"
"$py" "$top_srcdir/tests/office-compare.py" "$top_srcdir/doc/examples/seed-000.xml" "$tmp/fixture.xml" > "$tmp/cmp" &&
	ok "to seed 000's structure, as ours does" || { bad "to seed 000's structure, as ours does"; head -20 "$tmp/cmp"; }
finish
