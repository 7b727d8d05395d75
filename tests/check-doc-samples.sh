#!/bin/sh
# Every code sample of the README pages and the guides runs (tests/doc-samples.py
# says how, and how a page marks a block that is deliberately not run).
# First the runner's own test page, whose samples pass and fail as it says.
set -u
: "${top_srcdir:=.}" "${top_builddir:=.}"
export top_srcdir top_builddir
py=$(command -v python3 2>/dev/null || true)
[ -n "$py" ] || py=${PYTHON:-}
[ -n "$py" ] || { echo "SKIP: no python3 to run tests/doc-samples.py"; exit 77; }
runner="$top_srcdir/tests/doc-samples.py"
fail=0

out=$("$py" "$runner" "$top_srcdir/tests/data/doc-samples/selftest.md")
st=$?
printf '%s\n' "$out" | sed 's/^/selftest: /'
expect() {
	printf '%s\n' "$out" | grep -q -x -F -- "$1" ||
		{ echo "FAIL: the runner's self-test lacks: $1"; fail=1; }
}
[ $st -eq 1 ] || { echo "FAIL: the runner's self-test exits $st, not 1"; fail=1; }
expect "ok: tests/data/doc-samples/selftest.md:5 (sh), output as shown"
expect "ok: tests/data/doc-samples/selftest.md:17 (sh)"
expect "FAIL: tests/data/doc-samples/selftest.md:23 (sh): exit status 1, not 0"
expect "FAIL: tests/data/doc-samples/selftest.md:31 (console): the output differs from the page's"
expect "ok: tests/data/doc-samples/selftest.md:44 (c)"
expect "FAIL: tests/data/doc-samples/selftest.md:53 (c): does not compile:"
expect "skip: tests/data/doc-samples/selftest.md:60 (sh): a command that must not run here"
expect "ok: tests/data/doc-samples/selftest.md:66 (sh)"
expect "ok: tests/data/doc-samples/selftest.md:71 (sh)"
expect "doc samples: 8 run, 3 failed, 1 skipped (norun), 0 skipped (binding not built)"

# The README pages and the guides link to pages that exist, and to each other.
for p in README.md README.zh-CN.md doc/guide.md doc/guide.zh-CN.md; do
	[ -f "$top_srcdir/$p" ] || { echo "FAIL: no $p"; fail=1; continue; }
	dir=$(dirname "$top_srcdir/$p")
	for l in $(grep -o '](\([^)#:]*\))' "$top_srcdir/$p" | sed 's/^](//; s/)$//' | sort -u); do
		[ -e "$dir/$l" ] || { echo "FAIL: $p links to $l, which does not exist"; fail=1; }
	done
done
for pair in "README.md README.zh-CN.md" "README.zh-CN.md README.md" "README.md doc/guide.md" \
	"README.zh-CN.md doc/guide.zh-CN.md" "doc/guide.md guide.zh-CN.md" "doc/guide.zh-CN.md guide.md"; do
	set -- $pair
	grep -q "]($2)" "$top_srcdir/$1" || { echo "FAIL: $1 does not link to $2"; fail=1; }
done

set -- "$top_srcdir"/README.md "$top_srcdir"/README.zh-CN.md "$top_srcdir"/doc/*.md
pages=""
for p in "$@"; do [ -f "$p" ] && pages="$pages $p"; done
# shellcheck disable=SC2086
"$py" "$runner" $pages || fail=1
[ $fail -eq 0 ] && echo "doc samples: ok"
exit $fail
