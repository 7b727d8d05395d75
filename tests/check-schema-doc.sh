#!/bin/sh
# doc/schema.md's element reference is what tools/gen-schema-doc.py makes of
# the XSD's own xs:documentation annotations, and every element, attribute and
# simple type of the XSD has one. The same for the JSON Schema and doc/json.md.
set -u
: "${top_srcdir:=.}"
py=$(command -v python3 2>/dev/null || true)
[ -n "$py" ] || py=${PYTHON:-}
[ -n "$py" ] || { echo "SKIP: no python3 to run tools/gen-schema-doc.py"; exit 77; }
fail=0
"$py" "$top_srcdir/tools/gen-schema-doc.py" --check \
	"$top_srcdir/libunionplan/schema/unionplan-1.xsd" "$top_srcdir/doc/schema.md" || fail=1
"$py" "$top_srcdir/tests/check-json-doc.py" \
	"$top_srcdir/libunionplan/schema/unionplan-1.schema.json" "$top_srcdir/doc/json.md" || fail=1
exit $fail
