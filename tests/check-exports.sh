#!/bin/sh
# The shared library exports exactly the symbols listed in the version script
# libunionplan/libunionplan.map, and every one of them is declared with
# UPL_EXTERN in a public header.
set -u
: "${top_srcdir:=.}" "${top_builddir:=.}"
lib="$top_builddir/libunionplan/.libs/libunionplan.so"
if [ ! -f "$lib" ]; then
	echo "SKIP: no shared library (built with --disable-shared)"
	exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBRV]$/ { print $3 }' | sed 's/@.*//' |
	grep -v '^LIBUNIONPLAN_' | sort -u > "$tmp/exported"
sed -n 's/^[[:space:]]*\(upl_[a-z0-9_]*\);.*/\1/p' "$top_srcdir/libunionplan/libunionplan.map" | sort -u > "$tmp/listed"
cat "$top_srcdir"/include/unionplan/*.h "$top_builddir"/include/unionplan/version.h |
	tr '\n' ' ' | sed 's/;/;\n/g' | grep 'UPL_EXTERN' |
	sed -n 's/.*[* ]\(upl_[a-z0-9_]*\)[[:space:]]*(.*/\1/p' | sort -u > "$tmp/declared"
fail=0
if ! diff -u "$tmp/listed" "$tmp/exported"; then
	echo "FAIL: exported symbols differ from libunionplan.map (- listed, + exported)"; fail=1
fi
if ! diff -u "$tmp/listed" "$tmp/declared"; then
	echo "FAIL: symbols in libunionplan.map differ from UPL_EXTERN declarations (- listed, + declared)"; fail=1
fi
# Fault injection lives only in the test copy of the library (libupl-fault.la):
# the installed library has none of its code, and configure no switch for it.
if nm "$lib" 2>/dev/null | grep -q 'upl__fault_set\|fault_now'; then
	echo "FAIL: the installed library contains the allocation fault injector"; fail=1
fi
if "$top_srcdir/configure" --help | grep -q 'fault-injection'; then
	echo "FAIL: configure offers a switch that builds fault injection into the installed library"; fail=1
fi
echo "$(wc -l < "$tmp/exported") exported symbols checked"
exit $fail
