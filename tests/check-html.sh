#!/bin/sh
# The HTML export read back by Python's html.parser: every example and
# valid corpus file (tests/check-html.py says what it checks). Skipped (77)
# only when no Python 3 is found.
set -u
: "${top_srcdir:=.}" "${top_builddir:=.}"
py=
for p in ${PYTHON:-} python3 /usr/bin/python3; do
	if "$p" -c 'import html.parser' 2>/dev/null; then py=$p; break; fi
done
if [ -z "$py" ]; then
	echo "SKIP: no Python 3"
	exit 77
fi
exec "$py" -B "$top_srcdir/tests/check-html.py" "$top_builddir/cli/unionplan" \
	"$top_srcdir"/doc/examples/*.xml "$top_srcdir"/tests/data/valid/*.xml \
	"$top_srcdir"/tests/data/export/*.xml
