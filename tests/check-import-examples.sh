#!/bin/sh
# doc/examples/seed-NNN.xml are what the importer makes of the seed plans:
# import every seed again and compare byte for byte (tools/import-examples.sh
# regenerates them after a deliberate change to the importer).
set -u
: "${top_srcdir:=.}" "${top_builddir:=.}"
cli="$(cd "$top_builddir" && pwd)/cli/unionplan"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0 count=0
for src in "$top_srcdir"/tests/data/seeds/*.txt; do
	n=$(basename "$src" | cut -c1-3)
	# the source path is recorded as the importer saw it: import from the top
	(cd "$top_srcdir" && "$cli" import -q -o "$tmp/seed-$n.xml" "tests/data/seeds/$(basename "$src")") ||
		{ echo "FAIL: import of seed $n exited $?"; fail=1; continue; }
	if ! cmp -s "$tmp/seed-$n.xml" "$top_srcdir/doc/examples/seed-$n.xml"; then
		echo "FAIL: doc/examples/seed-$n.xml differs from the import of seed $n:"
		diff "$top_srcdir/doc/examples/seed-$n.xml" "$tmp/seed-$n.xml" | head -20
		fail=1
	fi
	count=$((count + 1))
done
[ "$count" -eq 5 ] || { echo "FAIL: $count seeds, expected 5"; fail=1; }
[ $fail -eq 0 ] && echo "import examples: $count seeds imported, all equal to doc/examples"
exit $fail
