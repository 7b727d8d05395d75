#!/bin/sh
# Every example and every file of the valid corpus exported as JSON, read by
# Python's json and checked by python3-jsonschema against the installed
# schema file (tests/check-json-export.py says what else it checks).
# Skipped (77) only when no Python with the jsonschema module is found.
set -u
: "${top_srcdir:=.}" "${top_builddir:=.}"
py=
for p in ${PYTHON:-} python3 /usr/bin/python3; do
	if "$p" -c 'import jsonschema' 2>/dev/null; then py=$p; break; fi
done
if [ -z "$py" ]; then
	echo "SKIP: no Python with the jsonschema module (Debian: python3-jsonschema)"
	exit 77
fi
exec "$py" "$top_srcdir/tests/check-json-export.py" "$top_builddir/cli/unionplan" \
	"$top_srcdir/libunionplan/schema/unionplan-1.schema.json" \
	"$top_srcdir"/doc/examples/*.xml "$top_srcdir"/tests/data/valid/*.xml \
	"$top_srcdir"/tests/data/export/*.xml
