#!/bin/sh
# The iCalendar export read back by python3-icalendar: every example, seed
# 000's dates, and the holidays feed of 2026 against the CSV listings
# (tests/check-ics.py says what it checks). Skipped (77) only when no
# Python with the icalendar module is found (Debian: python3-icalendar).
set -u
: "${top_srcdir:=.}" "${top_builddir:=.}"
py=
for p in ${PYTHON:-} python3 /usr/bin/python3; do
	if "$p" -c 'import icalendar' 2>/dev/null; then py=$p; break; fi
done
if [ -z "$py" ]; then
	echo "SKIP: no Python with the icalendar module (Debian: python3-icalendar)"
	exit 77
fi
exec "$py" "$top_srcdir/tests/check-ics.py" "$top_builddir/cli/unionplan" \
	"$top_srcdir"/doc/examples/*.xml "$top_srcdir"/tests/data/export/*.xml
