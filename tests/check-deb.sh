#!/bin/sh
# make deb: the Debian packages built from the distributed sources with
# dpkg-buildpackage -us -uc -b, checked with lintian (no errors), their file
# lists checked, unpacked into one scratch root, and the CLI, the Python
# module and the Lua module of that root run on the bundled examples.
#
#   check-deb.sh SRCDIR DISTDIR
#
# DISTDIR is a copy of the distributed sources (make distdir); the packages
# are built there and left in its parent directory.
set -eu
srcdir=$1
dist=$(cd "$2" && pwd)
out=$(dirname "$dist")
for t in dpkg-buildpackage dh lintian fakeroot; do
	command -v $t >/dev/null 2>&1 ||
		{ echo "check-deb: no $t (apt-get install dpkg-dev debhelper dh-python lintian fakeroot)" >&2; exit 1; }
done
fail=0
bad() { echo "FAIL: $*"; fail=1; }

# Debian's own tools and interpreters, whatever PATH held.
PATH=/usr/sbin:/usr/bin:/sbin:/bin
export PATH
jobs=$(nproc 2>/dev/null || echo 2)
start=$(date +%s)
(cd "$dist" && DEB_BUILD_OPTIONS="nocheck parallel=$jobs" dpkg-buildpackage -us -uc -b) \
	> "$out/dpkg-buildpackage.log" 2>&1 ||
	{ tail -n 60 "$out/dpkg-buildpackage.log"; echo "FAIL: dpkg-buildpackage (log: $out/dpkg-buildpackage.log)"; exit 1; }
echo "dpkg-buildpackage: $(( $(date +%s) - start )) s"

version=$(cd "$dist" && dpkg-parsechangelog -S Version)
arch=$(dpkg --print-architecture)
ma=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
for p in libunionplan0 libunionplan-dev unionplan python3-unionplan lua-unionplan; do
	[ -f "$out/${p}_${version}_$arch.deb" ] || bad "no package $p"
done
[ $fail = 0 ] || exit 1

# lintian: warnings are shown, errors fail
lintian --fail-on error "$out/libunionplan_${version}_$arch.changes" > "$out/lintian.log" 2>&1 ||
	{ cat "$out/lintian.log"; bad "lintian reports errors"; }
echo "lintian: $(grep -c '^E:' "$out/lintian.log" || true) errors, $(grep -c '^W:' "$out/lintian.log" || true) warnings"

# each package holds what it is for
has() { # PACKAGE PATH-PATTERN...
	p=$1; shift
	dpkg-deb -c "$out/${p}_${version}_$arch.deb" | awk '{ print $6 }' | sed 's|^\./|/|' > "$out/$p.files"
	for f in "$@"; do
		grep -q -x -- "$f" "$out/$p.files" && echo "ok: $p has $f" || bad "$p lacks $f"
	done
}
has libunionplan0 "/usr/lib/$ma/libunionplan.so.0" "/usr/share/unionplan/unionplan-1.xsd" \
	"/usr/share/unionplan/holidays-cn.txt" "/usr/share/unionplan/unionplan-1.schema.json"
has libunionplan-dev /usr/include/unionplan.h /usr/include/unionplan/plan.h "/usr/lib/$ma/libunionplan.so" \
	"/usr/lib/$ma/libunionplan.a" "/usr/lib/$ma/pkgconfig/libunionplan.pc" \
	"/usr/lib/$ma/cmake/unionplan/unionplanConfig.cmake" \
	"/usr/lib/$ma/cmake/unionplan/unionplanConfigVersion.cmake" "/usr/share/man/man3/libunionplan.3.gz"
has unionplan /usr/bin/unionplan /usr/share/man/man1/unionplan.1.gz
has python3-unionplan /usr/lib/python3/dist-packages/unionplan/__init__.py
grep -q '^/usr/lib/python3/dist-packages/unionplan/_unionplan\..*\.so$' "$out/python3-unionplan.files" &&
	echo "ok: python3-unionplan has the extension module" || bad "python3-unionplan lacks _unionplan*.so"
has lua-unionplan "/usr/lib/$ma/lua/5.4/unionplan.so"
if grep -h '\.la$' "$out"/*.files; then bad "libtool archives are packaged"; fi

# one scratch root holding every package, and its programs at work
root="$out/root"
rm -rf "$root"
for p in libunionplan0 libunionplan-dev unionplan python3-unionplan lua-unionplan; do
	dpkg -x "$out/${p}_${version}_$arch.deb" "$root"
done
LD_LIBRARY_PATH="$root/usr/lib/$ma"
export LD_LIBRARY_PATH
ldd "$root/usr/bin/unionplan" | grep -q "$root/usr/lib/$ma/libunionplan.so.0" ||
	bad "the packaged CLI does not load the packaged library"
"$root/usr/bin/unionplan" validate "$srcdir/doc/examples/seed-000.xml" 2>/dev/null &&
	echo "ok: the packaged CLI validates doc/examples/seed-000.xml" || bad "the packaged CLI rejects seed-000.xml"
st=0; "$root/usr/bin/unionplan" validate "$srcdir/tests/data/invalid/bad-month/input.xml" 2>/dev/null || st=$?
[ $st = 1 ] && echo "ok: the packaged CLI rejects an invalid plan (exit 1)" || bad "an invalid plan: exit $st, not 1"
n=$(PYTHONPATH="$root/usr/lib/python3/dist-packages" /usr/bin/python3 -c 'import sys, unionplan
print(len(unionplan.load(sys.argv[1])[0].activities()))' "$srcdir/doc/examples/seed-000.xml") || n=failed
[ "$n" = 26 ] && echo "ok: python3-unionplan reads the 26 activities of seed 000" || bad "python3-unionplan: '$n' activities"
cat > "$out/count.lua" <<'LUA'
local up = require "unionplan"
local n = 0
for _ in assert(up.load(arg[1]))[1]:activities() do n = n + 1 end
print(n)
LUA
n=$(LUA_CPATH="$root/usr/lib/$ma/lua/5.4/?.so" lua5.4 "$out/count.lua" "$srcdir/doc/examples/seed-000.xml" 2>&1) ||
	n="failed: $n"
[ "$n" = 26 ] && echo "ok: lua-unionplan reads the 26 activities of seed 000" || bad "lua-unionplan: '$n'"
[ $fail = 0 ] && echo "check-deb: ok ($(( $(date +%s) - start )) s in all)"
exit $fail
