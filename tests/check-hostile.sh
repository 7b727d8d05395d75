#!/bin/sh
# The hostile-input suite: every case of tests/data/hostile (small, committed)
# and every big case tests/hostile-gen.py writes into a scratch directory,
# run through the command line by tests/check-hostile.py, which checks the
# exit status, the first diagnostic, the CPU time (2 s unless a case says
# otherwise; wall time up to ten times that) and the peak memory (64 MiB
# beyond the input's size).
: "${top_srcdir:=.}" "${top_builddir:=.}"
py=${PYTHON:-python3}
command -v "$py" >/dev/null 2>&1 || { echo "SKIP: no $py"; exit 77; }
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
"$py" "$top_srcdir/tests/hostile-gen.py" "$tmp" || exit 99
"$py" "$top_srcdir/tests/check-hostile.py" "$top_builddir/cli/unionplan" \
	"$top_srcdir/tests/data/hostile" "$tmp"
