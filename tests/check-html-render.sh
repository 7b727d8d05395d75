#!/bin/sh
# The HTML pages of seeds 000 and 004 rendered by headless Chromium: a
# screenshot of each at 1240x1754 and a print to PDF (the print style
# sheet), checked by tests/check-html-render.py (a valid PNG of that size
# that is not blank; A4 pages). Skipped (77) only when chromium is not
# installed (Debian: chromium; bootstrap.sh installs it for check).
set -u
: "${top_srcdir:=.}" "${top_builddir:=.}"
chrome=$(command -v chromium 2>/dev/null || true)
if [ -z "$chrome" ]; then
	echo "SKIP: no chromium (Debian: chromium)"
	exit 77
fi
py=
for p in ${PYTHON:-} python3 /usr/bin/python3; do
	if "$p" -c 'import zlib' 2>/dev/null; then py=$p; break; fi
done
if [ -z "$py" ]; then
	echo "SKIP: no Python 3"
	exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cli="$top_builddir/cli/unionplan"
for seed in 000 004; do
	"$cli" export --to=html -o "$tmp/seed-$seed.html" "$top_srcdir/doc/examples/seed-$seed.xml" ||
		{ echo "FAIL - export of seed $seed"; exit 1; }
done
# Each run has a profile of its own in the scratch directory.
shot() { # NAME OPTION...
	name=$1; shift
	timeout 120 "$chrome" --headless --no-sandbox --disable-gpu --no-first-run \
		--user-data-dir="$tmp/profile-$name" "$@" >"$tmp/$name.log" 2>&1
}
for seed in 000 004; do
	shot "png-$seed" --screenshot="$tmp/seed-$seed.png" --window-size=1240,1754 \
		"file://$tmp/seed-$seed.html"
	shot "pdf-$seed" --no-pdf-header-footer --print-to-pdf="$tmp/seed-$seed.pdf" \
		"file://$tmp/seed-$seed.html"
done
"$py" -B "$top_srcdir/tests/check-html-render.py" 1240 1754 "$tmp/seed-000.png" "$tmp/seed-004.png" \
	-- "$tmp/seed-000.pdf" "$tmp/seed-004.pdf"
status=$?
if [ "$status" -ne 0 ]; then
	for f in "$tmp"/*.log; do sed "s|^|  # $(basename "$f"): |" "$f" | tail -3; done
fi
exit "$status"
