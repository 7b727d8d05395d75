#!/bin/sh
# Every public header compiles alone, as C and as C++, with
# -Wall -Wextra -pedantic -Werror.
set -u
: "${top_srcdir:=.}" "${top_builddir:=.}" "${CC:=cc}" "${CXX:=c++}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
count=0
for h in "$top_srcdir"/include/unionplan.h "$top_srcdir"/include/unionplan/*.h "$top_builddir"/include/unionplan/version.h; do
	[ -f "$h" ] || continue
	name=${h#"$top_srcdir"/include/}
	name=${name#"$top_builddir"/include/}
	printf '#include <%s>\n#include <%s>\nint upl_header_test_symbol;\n' "$name" "$name" > "$tmp/t.c"
	cp "$tmp/t.c" "$tmp/t.cpp"
	inc="-I$top_builddir/include -I$top_srcdir/include"
	if ! $CC -std=c99 -Wall -Wextra -pedantic -Werror $inc -c "$tmp/t.c" -o "$tmp/t.o"; then
		echo "FAIL: $name does not compile alone as C99"; fail=1
	fi
	if ! $CXX -std=c++11 -Wall -Wextra -pedantic -Werror $inc -c "$tmp/t.cpp" -o "$tmp/t.o"; then
		echo "FAIL: $name does not compile alone as C++11"; fail=1
	fi
	count=$((count + 1))
done
[ "$count" -gt 0 ] || { echo "FAIL: no headers found under $top_srcdir/include"; exit 1; }
echo "checked $count headers as C and C++"
exit $fail
