#!/bin/sh
# Regenerate doc/examples/seed-NNN.xml (and .expected, the diagnostics of
# `unionplan validate`) from the seed plans in tests/data/seeds with the
# importer. Run from the top of the source tree after building:
#   sh tools/import-examples.sh [path/to/unionplan]
set -eu
cli=${1:-./cli/unionplan}
for src in tests/data/seeds/*.txt; do
	n=$(basename "$src" | cut -c1-3)
	out=doc/examples/seed-$n.xml
	"$cli" import -q -o "$out" "$src"
	"$cli" validate --format=json "$out" |
		sed -n 's/.*"line": \([0-9]*\), "column": \([0-9]*\), "severity": "[a-z]*", "code": "\([a-z-]*\)".*/\1:\2: \3/p' \
		> "doc/examples/seed-$n.expected" || true
	[ -s "doc/examples/seed-$n.expected" ] || rm -f "doc/examples/seed-$n.expected"
	echo "$out"
done
