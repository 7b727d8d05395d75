#!/bin/sh
# bootstrap.sh run|check|bench|tsan|deps|build
#
#   run    install what is missing, build, and run the main job on a bundled
#          example plan (validate it and print a summary)
#   check  install what is missing, build, and run the whole test suite
#          (unit and corpus tests, the Python and Lua bindings' tests, then
#          the sanitizer build, valgrind, make distcheck and make deb)
#   bench  install what is missing (with the benchmarks' Python peers,
#          python3-lxml and python3-lunardate, and the Lua one, lua-expat),
#          build, and run make bench
#   tsan   build and run only the ThreadSanitizer stage of check
#   deps   only install the missing Debian packages (those of check)
#   build  install what is missing and build (no tests)
#
# Packages are installed with apt-get only when pkg-config (or the command)
# does not find them; the script says what it installs. Run as root or with
# sudo available for the installation step.
set -eu

cd "$(dirname "$0")"
top=$(pwd)
mode=${1:-run}
jobs=$(nproc 2>/dev/null || echo 2)

say() { printf '==> %s\n' "$*"; }

need_pkgs=""
want() { need_pkgs="$need_pkgs $1"; }

check_deps() {
	command -v pkg-config >/dev/null 2>&1 || want pkg-config
	command -v cc >/dev/null 2>&1 || want gcc
	command -v c++ >/dev/null 2>&1 || want g++
	command -v make >/dev/null 2>&1 || want make
	command -v autoreconf >/dev/null 2>&1 || want autoconf
	command -v aclocal >/dev/null 2>&1 || want automake
	command -v libtoolize >/dev/null 2>&1 || want libtool
	command -v xmllint >/dev/null 2>&1 || want libxml2-utils
	if command -v pkg-config >/dev/null 2>&1; then
		pkg-config --exists 'libxml-2.0 >= 2.9.14' || want libxml2-dev
		pkg-config --exists 'icu-uc >= 72' || want libicu-dev
		pkg-config --exists 'check >= 0.15' || want check
		pkg-config --exists 'libzip >= 1.7' || want libzip-dev
	else
		want libxml2-dev; want libicu-dev; want check; want libzip-dev
	fi
	[ -f /usr/share/aclocal/pkg.m4 ] || want pkg-config
	python_deps "$1"
	lua_deps "$1"
	if [ "$1" = check ]; then
		command -v valgrind >/dev/null 2>&1 || want valgrind
		command -v doxygen >/dev/null 2>&1 || want doxygen
		command -v iconv >/dev/null 2>&1 || want libc-bin
		# tests/cli-stream.sh measures peak memory with /usr/bin/time
		[ -x /usr/bin/time ] || want time
		# tests/check-html-render.sh screenshots the HTML export
		command -v chromium >/dev/null 2>&1 || want chromium
		command -v cmake >/dev/null 2>&1 || want cmake   # make installcheck: find_package(unionplan)
		# make deb: dpkg-buildpackage, debhelper with dh-python, lintian
		command -v dpkg-buildpackage >/dev/null 2>&1 || want dpkg-dev
		command -v dh >/dev/null 2>&1 || want debhelper
		command -v dh_python3 >/dev/null 2>&1 || want dh-python
		command -v lintian >/dev/null 2>&1 || want lintian
		command -v fakeroot >/dev/null 2>&1 || want fakeroot
		# debian/control builds the module for Debian's python3, whatever
		# python3 configure finds
		dpkg -s python3-dev >/dev/null 2>&1 || want python3-dev
	fi
}

# The Python binding: the headers of the interpreter configure will use
# ($PYTHON, or python3 on PATH); for check, what the pip test needs; for
# bench, the peers the Python benchmarks compare with. Nothing with
# --without-python in CONFIGURE_FLAGS.
python_deps() {
	case " ${CONFIGURE_FLAGS:-} " in *" --without-python "*) return 0 ;; esac
	py=${PYTHON:-$(command -v python3 2>/dev/null || true)}
	if [ -z "$py" ]; then
		want python3; want python3-dev
		py=/usr/bin/python3
	elif ! "$py" -c 'import os, sysconfig, sys
sys.exit(not os.path.isfile(os.path.join(sysconfig.get_paths()["include"], "Python.h")))' 2>/dev/null; then
		real=$(readlink -f "$py")
		ver=$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || true)
		if [ "$real" = "$(readlink -f /usr/bin/python3 2>/dev/null)" ]; then
			want python3-dev
		elif [ -n "$ver" ] && [ "$real" = "$(readlink -f "/usr/bin/python$ver" 2>/dev/null)" ]; then
			want "python$ver-dev"
		else
			say "no Python.h for $py, which is not Debian's: the Python binding will not be built"
		fi
	fi
	# The pip test (make installcheck) builds with Debian's python3 when the
	# default one has no setuptools or wheel.
	if [ "$1" = check ] || [ "$1" = bench ]; then
		[ -x /usr/bin/python3 ] || want python3
		/usr/bin/python3 -m pip --version >/dev/null 2>&1 || want python3-pip
		/usr/bin/python3 -c 'import setuptools' 2>/dev/null || want python3-setuptools
		/usr/bin/python3 -c 'import wheel' 2>/dev/null || want python3-wheel
	fi
	# tests/check-json-schema.sh checks the JSON export against its schema
	if [ "$1" = check ]; then
		"$py" -c 'import jsonschema' 2>/dev/null ||
			/usr/bin/python3 -c 'import jsonschema' 2>/dev/null || want python3-jsonschema
	fi
	# tests/check-ics.sh reads the iCalendar export with python3-icalendar
	if [ "$1" = check ]; then
		"$py" -c 'import icalendar' 2>/dev/null ||
			/usr/bin/python3 -c 'import icalendar' 2>/dev/null || want python3-icalendar
	fi
	# tests/check-docx.sh reads the .docx export with python3-docx
	if [ "$1" = check ]; then
		"$py" -c 'import docx' 2>/dev/null ||
			/usr/bin/python3 -c 'import docx' 2>/dev/null || want python3-docx
	fi
	if [ "$1" = bench ]; then
		/usr/bin/python3 -c 'import lxml' 2>/dev/null || want python3-lxml
		/usr/bin/python3 -c 'import lunardate' 2>/dev/null || want python3-lunardate
	fi
}

# The Lua binding: Lua 5.4 and LuaJIT with their headers; for check,
# luarocks (make installcheck builds the rockspec) and lua-expat (the tests
# compare with lxp.lom); for bench, lua-expat (the benchmark's peer).
# Nothing with --without-lua in CONFIGURE_FLAGS.
lua_deps() {
	case " ${CONFIGURE_FLAGS:-} " in *" --without-lua "*) return 0 ;; esac
	command -v lua5.4 >/dev/null 2>&1 || want lua5.4
	command -v luajit >/dev/null 2>&1 || want luajit
	if command -v pkg-config >/dev/null 2>&1; then
		pkg-config --exists lua5.4 || want liblua5.4-dev
		pkg-config --exists luajit || want libluajit-5.1-dev
	else
		want liblua5.4-dev; want libluajit-5.1-dev
	fi
	if [ "$1" = check ]; then
		command -v luarocks >/dev/null 2>&1 || want luarocks
	fi
	if [ "$1" = check ] || [ "$1" = bench ]; then
		[ -f /usr/share/lua/5.1/lxp/lom.lua ] || want lua-expat
	fi
}

install_deps() {
	check_deps "$1"
	if [ -z "$need_pkgs" ]; then
		say "all build dependencies present"
		return 0
	fi
	say "installing missing Debian packages:$need_pkgs"
	sudo=""
	if [ "$(id -u)" != 0 ]; then
		if command -v sudo >/dev/null 2>&1; then sudo=sudo; else
			echo "bootstrap.sh: need root (or sudo) to install:$need_pkgs" >&2
			exit 3
		fi
	fi
	export DEBIAN_FRONTEND=noninteractive
	$sudo apt-get update -q || true
	# shellcheck disable=SC2086
	$sudo apt-get install -y -q --no-install-recommends $need_pkgs
}

build() {
	if [ ! -x configure ] || [ configure.ac -nt configure ] || [ m4/upl_python.m4 -nt configure ] ||
	   [ m4/upl_lua.m4 -nt configure ] ||
	   [ Makefile.am -nt Makefile.in ]; then
		say "autoreconf"
		autoreconf -fi
	fi
	if [ ! -f Makefile ] || [ configure -nt config.status ]; then
		say "configure"
		./configure --enable-werror ${CONFIGURE_FLAGS:-}
	fi
	say "make"
	make -j"$jobs"
}

# ThreadSanitizer: a pristine copy of the distributed sources, built out
# of tree, static, without the bindings, and only the suites that run
# threads (tests/check_threads and the modules' own thread tests), each
# with halt_on_error. tests/tsan.supp holds suppressions for reports
# inside uninstrumented libraries only, each with its reason.
tsan_stage() {
	rm -rf _build-tsan && mkdir _build-tsan
	make -s distdir distdir=_build-tsan/src
	mkdir _build-tsan/build
	tsan_tests="tests/check_threads tests/check_xml tests/check_text_script tests/check_calendar_workday"
	(cd _build-tsan/build &&
	 ../src/configure -q --disable-shared --without-python --without-lua \
		CFLAGS="-O1 -g -fsanitize=thread -fno-omit-frame-pointer" LDFLAGS="-fsanitize=thread" &&
	 make -s -j"$jobs" $tsan_tests &&
	 for t in $tsan_tests; do
		say "TSan: $t"
		top_srcdir=../src LC_ALL=C.UTF-8 CK_DEFAULT_TIMEOUT=600 \
		TSAN_OPTIONS="halt_on_error=1 abort_on_error=0 exitcode=66 suppressions=$top/_build-tsan/src/tests/tsan.supp" \
			./$t || exit 1
	 done)
}

case $mode in
tsan)
	install_deps check
	build
	say "ThreadSanitizer build and thread tests"
	tsan_stage
	;;
deps)
	install_deps check
	;;
build)
	install_deps run
	build
	;;
run)
	install_deps run
	build
	example=doc/examples/seed-000.xml
	say "unionplan validate $example"
	./cli/unionplan validate -v "$example"
	say "unionplan summary $example"
	./cli/unionplan summary "$example"
	;;
check)
	install_deps check
	build
	say "make check"
	make -j"$jobs" check || { cat test-suite.log 2>/dev/null | tail -n 200; exit 1; }
	say "AddressSanitizer + UndefinedBehaviorSanitizer build and tests"
	# A pristine copy of the distributed sources, built out of tree, so the
	# developer's own build in this directory is left alone. Shared (not
	# static) so the Python and Lua bindings are built and their tests run
	# too, with the ASan runtime preloaded into the interpreters
	# (bindings/python/run-tests.sh, bindings/lua/run-lua.sh).
	rm -rf _build-asan && mkdir _build-asan
	make -s distdir distdir=_build-asan/src
	mkdir _build-asan/build
	(cd _build-asan/build &&
	 ../src/configure -q --disable-static CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
		LDFLAGS="-fsanitize=address,undefined" &&
	 ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 make -j"$jobs" check) ||
		{ tail -n 200 _build-asan/build/test-suite.log 2>/dev/null; exit 1; }
	say "ThreadSanitizer build and thread tests"
	tsan_stage
	say "valgrind over the unit tests"
	make -j"$jobs" check-valgrind
	say "make distcheck"
	make -j"$jobs" distcheck
	say "Debian packages: build, lintian, install into a scratch root, run"
	make deb
	say "all checks passed"
	;;
bench)
	install_deps bench
	build
	say "make bench"
	make bench
	;;
*)
	echo "usage: $0 run|check|bench|tsan|deps|build" >&2
	exit 2
	;;
esac
