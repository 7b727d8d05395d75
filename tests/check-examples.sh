#!/bin/sh
# The C examples in doc/examples build and do what their comments say.
set -u
: "${top_srcdir:=.}" "${top_builddir:=.}"
ex="$top_builddir/doc/examples"
cli="$top_builddir/cli/unionplan"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
"$ex/build-plan" > "$tmp/plan.xml" || { echo "FAIL: build-plan exited $?"; fail=1; }
grep -q '<activity label="2．" number="2" date="2012-09-10" holiday="teachers-day" relation="on">' "$tmp/plan.xml" ||
	{ echo "FAIL: build-plan output lacks the dated activity"; fail=1; }
"$cli" validate "$tmp/plan.xml" || { echo "FAIL: build-plan output does not validate"; fail=1; }
"$ex/validate-files" "$top_srcdir"/doc/examples/seed-002.xml > "$tmp/out" ||
	{ echo "FAIL: validate-files rejects seed 002"; fail=1; }
[ -s "$tmp/out" ] && { echo "FAIL: validate-files printed findings for a clean plan"; fail=1; }
"$ex/validate-files" "$top_srcdir"/doc/examples/seed-000.xml > "$tmp/out" ||
	{ echo "FAIL: validate-files: warnings made seed 000 fail"; fail=1; }
[ "$(grep -c ': warning: .*\[numbering-' "$tmp/out")" -eq 2 ] ||
	{ echo "FAIL: validate-files: seed 000's two numbering warnings"; cat "$tmp/out"; fail=1; }
"$ex/validate-files" "$top_srcdir/tests/data/invalid/bad-month/input.xml" > "$tmp/out"
[ $? -eq 1 ] || { echo "FAIL: validate-files exit status for an invalid file"; fail=1; }
grep -q 'input.xml:5:12: error: .*\[schema-value\]' "$tmp/out" || { echo "FAIL: validate-files output"; fail=1; }
"$ex/validate-files" "$tmp/none.xml" 2>/dev/null
[ $? -eq 3 ] || { echo "FAIL: validate-files exit status for a missing file"; fail=1; }
[ $fail -eq 0 ] && echo "examples: ok"
exit $fail
