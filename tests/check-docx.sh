#!/bin/sh
# The Word export read back by python3-docx: every example and export
# fixture (tests/check-docx.py says what it checks). Skipped (77) only when
# no Python with the docx module is found (Debian: python3-docx).
set -u
: "${top_srcdir:=.}" "${top_builddir:=.}"
py=
for p in ${PYTHON:-} python3 /usr/bin/python3; do
	if "$p" -c 'import docx' 2>/dev/null; then py=$p; break; fi
done
if [ -z "$py" ]; then
	echo "SKIP: no Python with the docx module (Debian: python3-docx)"
	exit 77
fi
exec "$py" "$top_srcdir/tests/check-docx.py" "$top_builddir/cli/unionplan" \
	"$top_srcdir/tests/office-compare.py" "$top_srcdir"/doc/examples/*.xml
