#!/bin/sh
# unionplan validate --format=json prints JSON that a pipeline can always
# read (Python's json.load), whatever the files and their names hold: every
# file of the corpus, the importer's text inputs read as XML, a quote of a
# 45-digit count (cut on a character boundary), and a file name that is not
# UTF-8 (its bad bytes become U+FFFD).
set -u
: "${top_srcdir:=.}" "${top_builddir:=.}"
cli="$top_builddir/cli/unionplan"
data="$top_srcdir/tests/data"
command -v python3 >/dev/null 2>&1 || { echo "SKIP: no python3"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
ok() { printf 'ok - %s\n' "$1"; }
bad() { printf 'FAIL - %s\n' "$1"; fails=$((fails + 1)); }
# json WHAT PYTHON-CHECK FILE...: validate FILE... as JSON; the output must
# parse and the check (on d, the list) must hold.
json() {
	what=$1; check=$2; shift 2
	"$cli" validate --format=json "$@" >"$tmp/out" 2>"$tmp/err"
	if python3 -c "import json, sys
d = json.load(open(sys.argv[1], encoding='utf-8'))
assert isinstance(d, list)
assert all(set(x) == {'file', 'line', 'column', 'severity', 'code', 'message'} for x in d)
assert $check, d" "$tmp/out" 2>"$tmp/py"; then
		ok "$what"
	else
		bad "$what"; sed 's/^/  # /' "$tmp/py" | tail -3
	fi
}

for f in "$data"/valid/*.xml "$data"/invalid/*/input.xml "$data"/rules/*/input.xml \
	 "$data"/import/*.txt "$data"/seeds/*.txt "$top_srcdir"/doc/examples/*.xml; do
	json "$(basename "$(dirname "$f")")/$(basename "$f")" "True" "$f"
done
json "the whole corpus at once" "len(d) > 50" "$data"/invalid/*/input.xml "$data"/rules/*/input.xml "$data"/import/*.txt
json "a 45-digit count is quoted up to 40 characters and …" \
	"d[0]['code'] == 'count-year' and '〇…\\' implies the year 2012' in d[0]['message']" \
	"$data"/rules/count-year-long/input.xml
name="$tmp/$(printf 'plan-\377\376-\350\256.xml')"
cp "$data"/invalid/bad-lang/input.xml "$name"
json "a file name that is not UTF-8" "d[0]['file'].endswith('plan-\\ufffd\\ufffd-\\ufffd\\ufffd.xml')" "$name"
json "a missing file that is not UTF-8" "d[0]['code'] == 'io-error' and '\\ufffd' in d[0]['file']" "$tmp/$(printf 'no-\377.xml')"
printf '<?xml version="1.0" encoding="X\303(\377"?><plan/>' >"$tmp/enc.xml"
json "an encoding name that is not UTF-8" "d[0]['code'] == 'xml-encoding' and '\\ufffd' in d[0]['message']" "$tmp/enc.xml"

[ "$fails" -eq 0 ] || { echo "$fails failed"; exit 1; }
echo "all passed"
