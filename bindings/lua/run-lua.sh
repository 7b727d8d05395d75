#!/bin/sh
# The Lua binding's tests (make check) and benchmarks (make bench), against
# the modules staged in the build tree, bindings/lua/5.4/unionplan.so and
# bindings/lua/5.1/unionplan.so.
#
#   run-lua.sh bindings/lua/tests/test_X-ABI.tap
#       one TAP test: bindings/lua/tests/test_X.lua run with Lua 5.4
#       (ABI 5.4) or LuaJIT (ABI jit); "1..0 # SKIP" when that Lua is not
#       built. The .tap file itself is an empty placeholder (bindings/lua/lua.mk).
#   run-lua.sh --bench FILE...
#       each benchmark script with each Lua built
#
# Environment (set by make): top_srcdir and top_builddir (absolute), LUA54
# and LUAJIT (the interpreters), UPL_LUA54_BINDING=yes and
# UPL_LUAJIT_BINDING=yes for those configure built, UPL_LUA_TESTS (the test
# scripts lua.mk lists), UPL_ASAN_RUNTIME when the build uses
# AddressSanitizer (the interpreter is not instrumented, so the runtime is
# preloaded and leak detection is left off: the interpreter's own
# allocations at exit are not ours), UPL_LUA_WRAP (a command to run the
# interpreter under, e.g. valgrind; make check-valgrind).
# The tests see UPL_LUA_ASAN=yes under AddressSanitizer and
# UPL_LUA_VALGRIND=yes under valgrind: both tools keep freed memory, so a
# test that watches the resident set cannot tell a leak from them there.
set -eu
: "${top_srcdir:=.}" "${top_builddir:=.}"

# lua_for ABI: sets lua, label and dir for ABI (5.4 or jit); returns 1 when
# configure did not build it.
lua_for() {
	case $1 in
	5.4) lua=${LUA54:-} label="Lua 5.4" dir=5.4 built=${UPL_LUA54_BINDING:-no} ;;
	jit) lua=${LUAJIT:-} label=LuaJIT dir=5.1 built=${UPL_LUAJIT_BINDING:-no} ;;
	*) return 2 ;;
	esac
	[ "$built" = yes ]
}

# use_lua: the environment that finds the build tree's module first.
use_lua() {
	so="$top_builddir/bindings/lua/$dir/unionplan.so"
	[ -n "$lua" ] && [ -f "$so" ] || { echo "Bail out! $label: no interpreter or no $so"; exit 99; }
	unset LUA_CPATH_5_4 LUA_INIT LUA_INIT_5_4 || true
	LUA_CPATH="$top_builddir/bindings/lua/$dir/?.so;;"
	LD_LIBRARY_PATH="$top_builddir/libunionplan/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
	UPL_TOP_SRCDIR=$top_srcdir
	UPL_TOP_BUILDDIR=$top_builddir
	UPL_LUA=$lua
	export LUA_CPATH LD_LIBRARY_PATH UPL_TOP_SRCDIR UPL_TOP_BUILDDIR UPL_LUA
}

# Under AddressSanitizer: the runtime first in the interpreter (and in
# what it runs); leak detection off whatever ASAN_OPTIONS said before.
asan_preload() {
	[ -n "${UPL_ASAN_RUNTIME:-}" ] || return 0
	LD_PRELOAD="$UPL_ASAN_RUNTIME${LD_PRELOAD:+:$LD_PRELOAD}"
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
	UPL_LUA_ASAN=yes
	export LD_PRELOAD ASAN_OPTIONS UPL_LUA_ASAN
	echo "# AddressSanitizer runtime preloaded: $UPL_ASAN_RUNTIME"
}

if [ "${1:-}" = --bench ]; then
	shift
	# Every script runs with every Lua (all the ratios are printed); the
	# first failure's status is the result.
	fail=0
	for abi in 5.4 jit; do
		lua_for $abi || { echo "(no $label binding: skipped)"; continue; }
		( use_lua; asan_preload
		  st=0
		  for b in "$@"; do
			echo "-- $label ($lua): $b"
			s=0; "$lua" "$b" || s=$?
			case $s in
			0) ;;
			77) echo "(skipped: $b)" ;;
			*) echo "FAIL: $b with $label (exit $s)"; [ "$st" != 0 ] || st=$s ;;
			esac
		  done
		  exit $st ) || { s=$?; [ "$fail" != 0 ] || fail=$s; }
	done
	exit "$fail"
fi

[ $# = 1 ] || { echo "usage: run-lua.sh bindings/lua/tests/test_X-ABI.tap | --bench FILE..." >&2; exit 2; }
name=${1##*/}
name=${name%.tap}
abi=${name##*-}
script="$top_srcdir/bindings/lua/tests/${name%-*}.lua"
st=0; lua_for "$abi" || st=$?
case $st in
0) ;;
1) echo "1..0 # SKIP the $label binding is not built (see configure's summary)"; exit 0 ;;
*) echo "Bail out! $1: not a test name bindings/lua/tests/test_X-ABI.tap (ABI 5.4 or jit)"; exit 99 ;;
esac
[ -f "$script" ] || { echo "Bail out! no $script"; exit 99; }

# Every test script in the source tree is one lua.mk runs.
for f in "$top_srcdir"/bindings/lua/tests/test_*.lua; do
	case " ${UPL_LUA_TESTS:-} " in
	*" bindings/lua/tests/${f##*/} "*) ;;
	*) echo "Bail out! ${f##*/} is not in UPL_LUA_TESTS (bindings/lua/lua.mk)"; exit 99 ;;
	esac
done

use_lua

# The module exports its open function and nothing else.
if command -v nm >/dev/null 2>&1; then
	exported=$(nm -D --defined-only "$so" | awk '$2 ~ /^[TDBRVWi]$/ { print $3 }' | sort)
	if [ "$exported" != luaopen_unionplan ]; then
		echo "Bail out! $so exports more than luaopen_unionplan:" $exported
		exit 99
	fi
	echo "# $so exports only luaopen_unionplan"
fi

asan_preload
echo "# $label: $lua $script"
# shellcheck disable=SC2086
exec ${UPL_LUA_WRAP:-} "$lua" "$script"
