#!/bin/sh
# make installcheck for the Python binding (run by make distcheck too):
#  (a) the package that make install put in $pythondir imports, with only
#      PYTHONPATH and LD_LIBRARY_PATH set, and reads seed 000's 26 activities;
#  (b) pip builds bindings/python (pyproject.toml, setup.py) against the
#      installed library, found through pkg-config, into a temporary
#      --target directory, and the same check passes from there.
# Both with $PYTHON and, when it differs and has the same ABI, with
# /usr/bin/python3.
#
# Usage: installcheck.sh SRCDIR, with PYTHON, prefix, libdir, pythondir and
# DESTDIR in the environment (set by make).
set -eu
srcdir=${1:?usage: installcheck.sh SRCDIR}
: "${PYTHON:?}" "${prefix:?}" "${libdir:?}" "${pythondir:?}" "${DESTDIR:=}"
srcdir=$(cd "$srcdir" && pwd)
seed="$srcdir/doc/examples/seed-000.xml"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset PYTHONPATH PYTHONHOME || true

ext_suffix() {
	"$1" -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))' 2>/dev/null
}
pythons=$PYTHON
other=/usr/bin/python3
if [ -x "$other" ] && [ "$(readlink -f "$other")" != "$(readlink -f "$PYTHON")" ] &&
   [ "$(ext_suffix "$other")" = "$(ext_suffix "$PYTHON")" ]; then
	pythons="$pythons $other"
fi

# check26 PYTHON DIR [LIBDIR]: import unionplan from DIR, count seed 000's activities.
check26() {
	n=$(cd "$tmp" && PYTHONPATH="$2" LD_LIBRARY_PATH="${3:-}" "$1" -c '
import sys, unionplan
assert unionplan.__file__.startswith(sys.argv[2]), unionplan.__file__
d = unionplan.load(sys.argv[1])
print(sum(len(m.activities) for m in d[0].schedule))' "$seed" "$2") || n="failed"
	if [ "$n" != 26 ]; then
		echo "FAIL: $1 with unionplan from $2: expected 26 activities in seed-000, got $n" >&2
		exit 1
	fi
	echo "ok: $1 imports unionplan from $2 (26 activities in seed-000)"
}

# (a) what make install installed.
site="$DESTDIR$pythondir"
for f in __init__.py _types.py "_unionplan$(ext_suffix "$PYTHON")"; do
	[ -f "$site/unionplan/$f" ] || { echo "FAIL: $site/unionplan/$f not installed" >&2; exit 1; }
done
for f in "$srcdir"/bindings/python/unionplan/*.pyi "$srcdir"/bindings/python/unionplan/py.typed; do
	[ -f "$f" ] || continue
	[ -f "$site/unionplan/${f##*/}" ] || { echo "FAIL: $site/unionplan/${f##*/} not installed" >&2; exit 1; }
done
for py in $pythons; do
	check26 "$py" "$site" "$DESTDIR$libdir"
done

# (b) pip against the installed library.
if [ -n "$DESTDIR" ]; then
	echo "SKIP: pip build: the installed libunionplan.pc names $prefix, not DESTDIR=$DESTDIR"
	exit 0
fi
PKG_CONFIG_PATH="$libdir/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
export PKG_CONFIG_PATH
i=0
for py in $pythons; do
	i=$((i + 1))
	if ! "$py" -m pip --version >/dev/null 2>&1; then
		echo "SKIP: pip build with $py: it has no pip"
		continue
	fi
	if ! "$py" -c 'import setuptools, wheel' 2>/dev/null; then
		echo "SKIP: pip build with $py: it lacks setuptools or wheel (needed with --no-build-isolation)"
		continue
	fi
	# A copy of the project: pip and setuptools write build/ and *.egg-info
	# beside setup.py, and the source tree may be read-only (distcheck).
	src="$tmp/src$i"
	mkdir -p "$src/unionplan"
	cp "$srcdir/bindings/python/pyproject.toml" "$srcdir/bindings/python/setup.py" "$src/"
	cp -R "$srcdir/bindings/python/src" "$src/src"
	for f in "$srcdir"/bindings/python/unionplan/*.py "$srcdir"/bindings/python/unionplan/*.pyi \
	         "$srcdir"/bindings/python/unionplan/py.typed; do
		[ -f "$f" ] && cp "$f" "$src/unionplan/"
	done
	if ! "$py" -m pip install --quiet --no-build-isolation --no-index --no-cache-dir \
	       --disable-pip-version-check --target "$tmp/target$i" "$src" >"$tmp/pip$i.log" 2>&1; then
		cat "$tmp/pip$i.log" >&2
		echo "FAIL: pip install --no-build-isolation --target DIR bindings/python with $py" >&2
		exit 1
	fi
	echo "ok: $py -m pip install --no-build-isolation --target DIR bindings/python"
	# No LD_LIBRARY_PATH: the module finds the library through its rpath.
	check26 "$py" "$tmp/target$i"
done
