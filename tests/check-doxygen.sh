#!/bin/sh
# The public headers are fully documented: Doxygen runs without a warning.
set -u
: "${top_builddir:=.}"
command -v doxygen >/dev/null 2>&1 || { echo "SKIP: doxygen not found"; exit 77; }
cd "$top_builddir" || exit 1
rm -f doc/doxygen-warnings.txt
doxygen doc/Doxyfile || { echo "FAIL: doxygen failed"; exit 1; }
if [ -s doc/doxygen-warnings.txt ]; then
	echo "FAIL: Doxygen warnings:"
	cat doc/doxygen-warnings.txt
	exit 1
fi
echo "Doxygen: no warnings; HTML in $top_builddir/doc/html"
