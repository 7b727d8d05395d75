#!/bin/sh
# make installcheck: a small CMake project finds the installed libunionplan
# with find_package(unionplan 0.1 REQUIRED), links unionplan::unionplan, and
# its program parses an installed-looking plan and says the library version.
#
#   installcheck.sh SRCDIR       (environment: prefix, libdir, DESTDIR, CC)
set -eu
srcdir=${1:-.}
: "${prefix:?}" "${libdir:?}"
if [ -n "${DESTDIR:-}" ]; then
	echo "installcheck-cmake: skipped with DESTDIR (the package config names the final paths)"
	exit 0
fi
if ! command -v cmake >/dev/null 2>&1; then
	echo "installcheck-cmake: FAIL: no cmake (bootstrap.sh check installs it)" >&2
	exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/src"
cat > "$tmp/src/CMakeLists.txt" <<'CMAKE'
cmake_minimum_required(VERSION 3.13)
project(upl_find_package C)
find_package(unionplan 0.1 REQUIRED)
add_executable(app app.c)
target_link_libraries(app unionplan::unionplan)
CMAKE
cat > "$tmp/src/app.c" <<'C'
#include <stdio.h>
#include <unionplan.h>

int main(int argc, char **argv)
{
    upl_doc *doc = NULL;
    upl_error *err = NULL;

    if (argc != 2 || !UPL_CHECK_VERSION(0, 1, 0))
        return 2;
    if (upl_doc_parse_file(&doc, argv[1], NULL, &err) != 0) {
        fprintf(stderr, "%s\n", upl_error_message(err));
        upl_error_free(err);
        return 1;
    }
    printf("%s %zu %s\n", upl_version(NULL, NULL, NULL), upl_doc_plan_count(doc),
           upl_plan_title(upl_doc_plan(doc, 0)));
    upl_doc_free(doc);
    return 0;
}
C
# An unsuitable version is refused.
mkdir "$tmp/old"
sed 's/find_package(unionplan 0.1 REQUIRED)/find_package(unionplan 9.0 REQUIRED)/' \
	"$tmp/src/CMakeLists.txt" > "$tmp/old/CMakeLists.txt"
cp "$tmp/src/app.c" "$tmp/old/"
if cmake -S "$tmp/old" -B "$tmp/old-build" -DCMAKE_PREFIX_PATH="$prefix" >"$tmp/old.log" 2>&1; then
	echo "installcheck-cmake: FAIL: find_package(unionplan 9.0) accepted the installed version" >&2
	exit 1
fi
cmake -S "$tmp/src" -B "$tmp/build" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_C_COMPILER="${CC%% *}" \
	-DCMAKE_BUILD_RPATH="$libdir" >"$tmp/cmake.log" 2>&1 ||
	{ cat "$tmp/cmake.log"; echo "installcheck-cmake: FAIL: cmake did not configure" >&2; exit 1; }
cmake --build "$tmp/build" >"$tmp/build.log" 2>&1 ||
	{ cat "$tmp/build.log"; echo "installcheck-cmake: FAIL: the project did not build" >&2; exit 1; }
out=$(LD_LIBRARY_PATH="$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" "$tmp/build/app" "$srcdir/doc/examples/seed-000.xml")
want="$(sed -n 's/^Version: //p' "$libdir/pkgconfig/libunionplan.pc") 1 2012学年第一学期工会工作计划"
if [ "$out" != "$want" ]; then
	echo "installcheck-cmake: FAIL: the program printed '$out', not '$want'" >&2
	exit 1
fi
echo "installcheck-cmake: find_package(unionplan 0.1) and unionplan::unionplan: ok ($out)"
