#!/bin/sh
# make installcheck for the Lua binding (run by make distcheck too):
#  (a) the modules make install put in $libdir/lua/5.4 and $libdir/lua/5.1
#      load with only LUA_CPATH (that directory, nothing else) and
#      LD_LIBRARY_PATH set: seed 000 has 26 activities, and doc:validate()
#      gives as many diagnostics as the installed `unionplan validate`;
#  (b) luarocks make, with bindings/lua/unionplan-VERSION-1.rockspec, builds
#      the module for Lua 5.4 against the installed library (found through
#      pkg-config) into a temporary tree, and the same check passes from
#      there (without LD_LIBRARY_PATH: the module has an rpath). Skipped
#      when luarocks is not installed.
#
# Usage: installcheck.sh SRCDIR, with LUA54, LUAJIT, UPL_LUA54_BINDING and
# UPL_LUAJIT_BINDING (yes or no), lua54dir, lua51dir, prefix, libdir,
# bindir, DESTDIR and VERSION in the environment (set by make).
set -eu
srcdir=${1:?usage: installcheck.sh SRCDIR}
: "${prefix:?}" "${libdir:?}" "${bindir:?}" "${VERSION:?}" "${DESTDIR:=}"
: "${lua54dir:?}" "${lua51dir:?}" "${LUA54:=}" "${LUAJIT:=}"
srcdir=$(cd "$srcdir" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset LUA_PATH LUA_CPATH LUA_PATH_5_4 LUA_CPATH_5_4 LUA_INIT LUA_INIT_5_4 || true

# The number of diagnostics the installed command reports for seed 000 (one
# line each on standard error; it exits 1 when one is an error).
cli="$DESTDIR$bindir/unionplan"
want=$(cd "$srcdir" && LD_LIBRARY_PATH="$DESTDIR$libdir" "$cli" validate doc/examples/seed-000.xml 2>&1 >/dev/null | wc -l) ||
	{ echo "FAIL: $cli validate doc/examples/seed-000.xml" >&2; exit 1; }
want=$(echo $want)

# check LUA CPATH [LIBDIR]: the issue's one-liner, run in the source tree.
check() {
	got=$(cd "$srcdir" && LUA_CPATH="$2" LUA_PATH="$tmp/?.lua" LD_LIBRARY_PATH="${3:-}" "$1" -e '
local up = require "unionplan"
local d = assert(up.load("doc/examples/seed-000.xml"))
local n = 0
for _ in d[1]:activities() do n = n + 1 end
print(n, #d:validate())' 2>&1) || true
	if [ "$got" != "$(printf '26\t%s' "$want")" ]; then
		echo "FAIL: $1 with LUA_CPATH=$2: expected '26	$want' (26 activities, $want diagnostics), got:" >&2
		echo "$got" >&2
		exit 1
	fi
	echo "ok: $1 with LUA_CPATH=$2: 26 activities in seed-000, $want diagnostics as unionplan validate"
}

# (a) what make install installed, with each Lua built.
ran=no
for abi in 5.4 5.1; do
	case $abi in
	5.4) lua=$LUA54 built=${UPL_LUA54_BINDING:-no} dir="$DESTDIR$lua54dir" ;;
	5.1) lua=$LUAJIT built=${UPL_LUAJIT_BINDING:-no} dir="$DESTDIR$lua51dir" ;;
	esac
	if [ "$built" != yes ]; then
		echo "SKIP: the Lua $abi module is not built"
		[ ! -e "$dir/unionplan.so" ] || { echo "FAIL: $dir/unionplan.so installed but not built" >&2; exit 1; }
		continue
	fi
	[ -f "$dir/unionplan.so" ] || { echo "FAIL: $dir/unionplan.so not installed" >&2; exit 1; }
	[ ! -e "$dir/unionplan.la" ] || { echo "FAIL: $dir/unionplan.la installed" >&2; exit 1; }
	check "$lua" "$dir/?.so" "$DESTDIR$libdir"
	ran=yes
done
[ "$ran" = yes ] || exit 0

# (b) luarocks make against the installed library, with the rockspec of
# this version.
rockspec="unionplan-$VERSION-1.rockspec"
grep -q "^version = \"$VERSION-1\"$" "$srcdir/bindings/lua/$rockspec" &&
grep -q "libunionplan-$VERSION.tar.gz" "$srcdir/bindings/lua/$rockspec" ||
	{ echo "FAIL: $rockspec: its version or its source are not $VERSION" >&2; exit 1; }
if [ "${UPL_LUA54_BINDING:-no}" != yes ]; then
	echo "SKIP: luarocks make: it builds for Lua 5.4, which is not built"
	exit 0
fi
if ! command -v luarocks >/dev/null 2>&1; then
	echo "SKIP: luarocks make: luarocks is not installed (on Debian: apt-get install luarocks)"
	exit 0
fi
if [ -n "$DESTDIR" ]; then
	echo "SKIP: luarocks make: the installed libunionplan.pc names $prefix, not DESTDIR=$DESTDIR"
	exit 0
fi
PKG_CONFIG_PATH="$libdir/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
export PKG_CONFIG_PATH
incdir=$(pkg-config --variable=includedir libunionplan)
libdir_pc=$(pkg-config --variable=libdir libunionplan)
# A copy of the rockspec and the source: luarocks builds in the current
# directory, and the source tree may be read-only (distcheck). Its own
# cache and configuration stay in the temporary directory too.
mkdir "$tmp/src" "$tmp/home"
cp "$srcdir/bindings/lua/$rockspec" "$srcdir/bindings/lua/unionplan.c" "$tmp/src/"
if ! (cd "$tmp/src" && HOME="$tmp/home" luarocks --lua-version=5.4 make --tree "$tmp/tree" "$rockspec" \
       LIBUNIONPLAN_INCDIR="$incdir" LIBUNIONPLAN_LIBDIR="$libdir_pc") >"$tmp/luarocks.log" 2>&1; then
	cat "$tmp/luarocks.log" >&2
	echo "FAIL: luarocks --lua-version=5.4 make --tree DIR $rockspec" >&2
	exit 1
fi
echo "ok: luarocks --lua-version=5.4 make --tree DIR $rockspec (LIBUNIONPLAN_INCDIR=$incdir LIBUNIONPLAN_LIBDIR=$libdir_pc)"
so=$(find "$tmp/tree" -name unionplan.so)
[ -n "$so" ] || { echo "FAIL: luarocks installed no unionplan.so under $tmp/tree" >&2; exit 1; }
check "$LUA54" "$(dirname "$so")/?.so"
