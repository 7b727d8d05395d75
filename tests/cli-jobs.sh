#!/bin/sh
# unionplan validate --jobs=N: the files checked on N threads give the same
# output (GNU and JSON diagnostics, -v lines, in the order of the files) and
# the same exit status as one at a time, over the whole corpus; a large
# file first, which finishes last, must still be printed first.
set -u
. "${top_srcdir:-.}/tests/cli-lib.sh"

# a plan of 3,000 sections numbered 1, 3, 5 ... (a warning for each skip)
awk 'BEGIN {
	print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	print "<plan xmlns=\"urn:unionplan:1\" version=\"1\" xml:lang=\"zh-Hans\">"
	print "  <meta>"; print "    <title>计划</title>"; print "  </meta>"
	for (i = 1; i <= 3000; i++) printf "  <section number=\"%d\"><heading>节</heading></section>\n", 2 * i - 1
	print "</plan>" }' > "$tmp/large.xml"
files=$(find "$data/valid" "$data/invalid" "$data/rules" "$top_srcdir/doc/examples" -name '*.xml' | LC_ALL=C sort)
set -- "$tmp/large.xml" $files "$tmp/missing.xml" $files

# same_runs DESCRIPTION OPTION...: --jobs=1 and --jobs=4 (and 3) agree
same_runs() {
	what=$1; shift
	"$cli" validate --lang=en --jobs=1 "$@" >"$tmp/o1" 2>"$tmp/e1"; st1=$?
	for j in 4 3; do
		"$cli" validate --lang=en --jobs=$j "$@" >"$tmp/o2" 2>"$tmp/e2"
		agree "$what: --jobs=$j as --jobs=1" "$st1" $?
	done
}
same_runs "GNU, -v" -v "$@"
[ -s "$tmp/e1" ] && [ -s "$tmp/o1" ] && ok "GNU: there is something to compare" || bad "GNU: nothing to compare"
head -n 1 "$tmp/e1" > "$tmp/first"
contains "$tmp/first" "large.xml:" "the large file, given first, is printed first"
same_runs "JSON" --format=json "$@"
python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); sys.exit(0 if len(d) > 1000 else 1)' "$tmp/o2" \
	&& ok "JSON with --jobs is one array" || bad "JSON with --jobs is one array"
same_runs "--strict -q" --strict -q "$@"
same_runs "valid files only" -v $(find "$data/valid" -name '*.xml' | LC_ALL=C sort)
[ "$st1" -eq 0 ] && ok "valid files: exit 0" || bad "valid files: exit $st1"

# one file, more jobs than files, standard input twice
expect 0 "--jobs=8, one file (warnings only)" "$cli" validate --jobs=8 "$tmp/large.xml"
expect 0 "standard input among others" sh -c '"$0" validate -v --jobs=2 "$1" - "$1" < "$1"' "$cli" "$data/valid/$(ls "$data/valid" | head -n 1)"
[ "$(grep -c ': valid$' "$tmp/out")" -eq 3 ] && ok "three valid lines" || bad "three valid lines"
sed -n 2p "$tmp/out" > "$tmp/second"
same "$tmp/second" "<stdin>: valid" "standard input in its place"

expect 2 "--jobs=0 is a usage error" "$cli" validate --jobs=0 "$tmp/large.xml"
contains "$tmp/err" "jobs" "the message names the option"
expect 2 "--jobs=x is a usage error" "$cli" validate --jobs=x "$tmp/large.xml"
expect 2 "--jobs=257 is a usage error" "$cli" validate --jobs=257 "$tmp/large.xml"
expect 0 "--help lists --jobs" "$cli" validate --help
contains "$tmp/out" "--jobs=N" "--help lists --jobs"
finish
