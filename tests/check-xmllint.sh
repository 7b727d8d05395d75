#!/bin/sh
# The library's schema verdict agrees with xmllint --schema on every file of
# the corpus and every example: both accept, or both reject.
set -u
: "${top_srcdir:=.}" "${top_builddir:=.}"
xmllint=${XMLLINT:-$(command -v xmllint || true)}
if [ -z "$xmllint" ]; then
	echo "SKIP: xmllint not found"
	exit 77
fi
cli="$top_builddir/cli/unionplan"
xsd="$top_srcdir/libunionplan/schema/unionplan-1.xsd"
fail=0
n=0
for f in "$top_srcdir"/tests/data/valid/*.xml "$top_srcdir"/tests/data/invalid/*/input.xml "$top_srcdir"/tests/data/rules/*/input.xml \
	 "$top_srcdir"/doc/examples/*.xml; do
	[ -f "$f" ] || continue
	"$xmllint" --nonet --noout --schema "$xsd" "$f" >/dev/null 2>&1
	x=$?
	"$cli" validate --schema-only --quiet "$f"
	u=$?
	case $u in 0|1) ;; *) echo "FAIL: $f: unionplan exited $u"; fail=1; continue ;; esac
	if [ $x -eq 0 ] && [ $u -ne 0 ]; then
		echo "FAIL: $f: xmllint accepts, unionplan rejects"; fail=1
	elif [ $x -ne 0 ] && [ $u -eq 0 ]; then
		echo "FAIL: $f: xmllint rejects (exit $x), unionplan accepts"; fail=1
	fi
	n=$((n + 1))
done
[ $n -ge 30 ] || { echo "FAIL: only $n files found"; exit 1; }
echo "xmllint and unionplan agree on $n files"
exit $fail
