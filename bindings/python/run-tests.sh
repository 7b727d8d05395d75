#!/bin/sh
# The Python binding's tests (make check) and benchmarks (make bench),
# against the package staged in the build tree.
#
#   run-tests.sh                 the unittest suite in bindings/python/tests
#   run-tests.sh --bench FILE... each benchmark script in turn
#
# Environment (set by make): PYTHON, top_srcdir and top_builddir (absolute),
# UPL_PYTHON_BINDING=yes when configure built the binding (otherwise the
# script exits 77: skipped), UPL_ASAN_RUNTIME when the build uses
# AddressSanitizer (the interpreter is not instrumented, so the runtime is
# preloaded and leak detection is left off: the interpreter's own
# allocations at exit are not ours).
set -eu
: "${top_srcdir:=.}" "${top_builddir:=.}"
if [ "${UPL_PYTHON_BINDING:-no}" != yes ]; then
	echo "SKIP: the Python binding is not built (see configure's summary)"
	exit 77
fi
pkg="$top_builddir/bindings/python/unionplan"
[ -n "${PYTHON:-}" ] || { echo "run-tests.sh: PYTHON is not set" >&2; exit 99; }
ls "$pkg"/_unionplan*.so >/dev/null 2>&1 ||
	{ echo "run-tests.sh: no module staged in $pkg" >&2; exit 99; }

PYTHONPATH="$top_builddir/bindings/python${PYTHONPATH:+:$PYTHONPATH}"
LD_LIBRARY_PATH="$top_builddir/libunionplan/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
UPL_TOP_SRCDIR=$top_srcdir
UPL_TOP_BUILDDIR=$top_builddir
PYTHONDONTWRITEBYTECODE=1
export PYTHONPATH LD_LIBRARY_PATH UPL_TOP_SRCDIR UPL_TOP_BUILDDIR PYTHONDONTWRITEBYTECODE

# Under AddressSanitizer: the runtime first in the interpreter (and in
# what it runs); leak detection off whatever ASAN_OPTIONS said before.
asan_preload() {
	[ -n "${UPL_ASAN_RUNTIME:-}" ] || return 0
	LD_PRELOAD="$UPL_ASAN_RUNTIME${LD_PRELOAD:+:$LD_PRELOAD}"
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
	export LD_PRELOAD ASAN_OPTIONS
	echo "AddressSanitizer runtime preloaded: $UPL_ASAN_RUNTIME"
}

ext_suffix() {
	"$1" -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))' 2>/dev/null
}

# Another interpreter of the same ABI (Debian's beside a pyenv one) that can
# import the same build, when there is one.
other_python() {
	other=/usr/bin/python3
	[ -x "$other" ] || return 1
	[ "$(readlink -f "$other")" != "$(readlink -f "$PYTHON")" ] || return 1
	[ "$(ext_suffix "$other")" = "$(ext_suffix "$PYTHON")" ] || return 1
	echo "$other"
}

if [ "${1:-}" = --bench ]; then
	shift
	asan_preload
	# The peers (lxml, lunardate) may be installed for only one of them.
	py=$PYTHON
	if ! "$py" -c 'import lxml, lunardate' 2>/dev/null; then
		if o=$(other_python) && "$o" -c 'import lxml, lunardate' 2>/dev/null; then py=$o; fi
	fi
	echo "Python: $py"
	# Every script runs (all the ratios are printed); the first failure's
	# status is the result.
	fail=0
	for b in "$@"; do
		echo "-- $b"
		st=0; "$py" "$b" || st=$?
		case $st in
		0) ;;
		77) echo "(skipped: $b)" ;;
		*) echo "FAIL: $b (exit $st)"; [ "$fail" != 0 ] || fail=$st ;;
		esac
	done
	exit "$fail"
fi

tests="$top_srcdir/bindings/python/tests"
ls "$tests"/test_*.py >/dev/null 2>&1 ||
	{ echo "run-tests.sh: no test_*.py in $tests" >&2; exit 99; }

# The module exports its init function and nothing else.
if command -v nm >/dev/null 2>&1; then
	exported=$(nm -D --defined-only "$pkg"/_unionplan*.so | awk '$2 ~ /^[TDBRVW]$/ { print $3 }' | sort)
	if [ "$exported" != PyInit__unionplan ]; then
		echo "FAIL: the module exports more than PyInit__unionplan:" $exported
		exit 1
	fi
	echo "ok: the module exports only PyInit__unionplan"
fi

asan_preload

# The issue's one-liner, with each interpreter that can load this build.
check26() {
	n=$(cd "$top_srcdir" && "$1" -c 'import unionplan; d = unionplan.load("doc/examples/seed-000.xml"); print(sum(len(m.activities) for m in d[0].schedule))') || n=failed
	if [ "$n" != 26 ]; then
		echo "FAIL: $1: seed-000 has 26 activities, got '$n'"
		exit 1
	fi
	echo "ok: $1 imports the build tree's unionplan (26 activities in seed-000)"
}
check26 "$PYTHON"
if o=$(other_python); then check26 "$o"; fi

echo "$PYTHON -m unittest discover -v -s $tests"
exec "$PYTHON" -m unittest discover -v -s "$tests" -t "$tests"
