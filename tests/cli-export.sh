#!/bin/sh
# unionplan export: golden JSON for the small plans of tests/data/export,
# invalid input (validate's diagnostics, exit 1), usage errors, standard
# input, the atomic -o, and JSON Lines for several files.
. "${top_srcdir:-.}/tests/cli-lib.sh"
ex="$data/export"
seed="$top_srcdir/doc/examples/seed-000.xml"
bad="$data/invalid/bad-date/input.xml"
rulebad="$data/rules/date-impossible/input.xml"

# --- golden files (run where they are: positions name the file as given) ---
for f in small-plan small-plans; do
	expect 0 "export --to=json $f.xml" "$cli" export --to=json "$ex/$f.xml"
	cmp -s "$tmp/out" "$ex/$f.json" && ok "$f.xml gives $f.json" || bad "$f.xml does not give $f.json"
done
case $cli in /*) abs_cli=$cli ;; *) abs_cli=$PWD/$cli ;; esac
(cd "$ex" && "$abs_cli" export --to=jsonl --positions small-plans.xml) >"$tmp/pos" 2>"$tmp/err"
cmp -s "$tmp/pos" "$ex/small-plans.positions.jsonl" && ok "--positions gives small-plans.positions.jsonl" ||
	bad "--positions does not give small-plans.positions.jsonl"
expect 0 "'-' reads standard input" sh -c '"$1" export --to=json - < "$2"' sh "$cli" "$ex/small-plan.xml"
cmp -s "$tmp/out" "$ex/small-plan.json" && ok "standard input gives the same JSON" || bad "standard input gives other JSON"
expect 0 "seed 000 as JSON" "$cli" export --to=json "$seed"
contains "$tmp/out" '"date": "2012-09-10",' "seed 000 has its 2012-09-10 activity"
contains "$tmp/out" '"name": "教师节"' "seed 000 names 教师节"

# --- invalid input: the diagnostics of validate, exit 1, nothing written -----
for f in "$bad" "$rulebad"; do
	"$cli" validate "$f" 2>"$tmp/want" >/dev/null
	expect 1 "an invalid plan exits 1 ($f)" "$cli" export --to=json "$f"
	cmp -s "$tmp/err" "$tmp/want" && ok "its diagnostics are validate's" || { bad "its diagnostics are not validate's"; diff "$tmp/want" "$tmp/err" | head -5; }
	[ -s "$tmp/out" ] && bad "something was written for an invalid plan" || ok "nothing on standard output"
done
echo keep >"$tmp/kept.jsonl"
expect 1 "jsonl of a valid and an invalid plan exits 1" "$cli" export --to=jsonl -o "$tmp/kept.jsonl" "$seed" "$bad"
same "$tmp/kept.jsonl" keep "-o is untouched when a FILE is invalid"
contains "$tmp/err" 'schema-value' "the invalid FILE's diagnostic is printed"
expect 3 "a missing file exits 3" "$cli" export --to=json "$tmp/missing.xml"
contains "$tmp/err" 'missing.xml: error: .*\[io-error\]' "and says so as validate does"
expect 3 "a missing file among good ones exits 3" "$cli" export --to=jsonl "$seed" "$tmp/missing.xml" "$bad"
[ -s "$tmp/out" ] && bad "output although a file is missing" || ok "nothing written when a file is missing"

# --- usage ---------------------------------------------------------------------
expect 2 "no --to" "$cli" export "$seed"
contains "$tmp/err" 'no format given' "says a format is needed"
expect 2 "an unknown format" "$cli" export --to=yaml "$seed"
contains "$tmp/err" "unknown format 'yaml'" "names the format"
expect 2 "no file" "$cli" export --to=json
expect 2 "an unknown option" "$cli" export --to=json --frobnicate "$seed"
expect 2 "json: several FILEs with -o" "$cli" export --to=json -o "$tmp/two.json" "$seed" "$ex/small-plan.xml"
contains "$tmp/err" 'only with --to=jsonl' "says jsonl takes several"
[ -e "$tmp/two.json" ] && bad "the usage error wrote OUT" || ok "the usage error wrote nothing"
expect 0 "json: several FILEs on standard output" "$cli" export --to=json "$ex/small-plan.xml" "$ex/small-plans.xml"
cat "$ex/small-plan.json" "$ex/small-plans.json" | cmp -s - "$tmp/out" && ok "one object after another" || bad "not the objects one after another"
expect 0 "export --help" "$cli" export --help
contains "$tmp/out" '--to=FORMAT' "--help lists --to"

# --- -o, atomically --------------------------------------------------------------
echo old >"$tmp/out.json"
expect 0 "-o replaces OUT" "$cli" export --to=json -o "$tmp/out.json" "$ex/small-plan.xml"
cmp -s "$tmp/out.json" "$ex/small-plan.json" && ok "OUT holds the JSON" || bad "OUT does not hold the JSON"
[ -s "$tmp/out" ] && bad "-o also wrote to standard output" || ok "-o writes nothing to standard output"
expect 3 "-o into a missing directory exits 3" "$cli" export --to=json -o "$tmp/no/such/out.json" "$seed"
[ -e "$tmp/no" ] && bad "a directory was made" || ok "nothing was made"
mkdir "$tmp/dir"
expect 3 "-o onto a directory exits 3" "$cli" export --to=json -o "$tmp/dir" "$seed"
ls "$tmp" | grep -q '^\.\?out\.json\.' && bad "a temporary file was left" || ok "no temporary file left"

# --- JSON Lines, several files -------------------------------------------------------
set -- "$top_srcdir"/doc/examples/*.xml "$data"/valid/*.xml
expect 0 "jsonl of every example and valid file" "$cli" export --to=jsonl -o "$tmp/all.jsonl" "$@"
[ "$(wc -l <"$tmp/all.jsonl")" -eq $# ] && ok "one line per file ($#)" || bad "$(wc -l <"$tmp/all.jsonl") lines for $# files"
i=0
for f in "$@"; do
	i=$((i + 1))
	"$cli" export --to=jsonl "$f" >"$tmp/one.jsonl"
	sed -n "${i}p" "$tmp/all.jsonl" | cmp -s - "$tmp/one.jsonl" || { bad "line $i is not the JSON of $f"; continue; }
done
ok "line N is the JSON Lines of FILE N, alone"
cut -c1-35 "$tmp/all.jsonl" | sort -u >"$tmp/starts"
same "$tmp/starts" '{"format":"unionplan","version":1,"' "every line starts a document"

# --- import --from=json: back to the canonical XML -----------------------------------
"$cli" format "$seed" >"$tmp/seed.xml"
"$cli" export --to=json "$seed" >"$tmp/seed.json"
expect 0 "import --from=json of seed 000" "$cli" import --from=json "$tmp/seed.json"
cmp -s "$tmp/out" "$tmp/seed.xml" && ok "gives the XML of 'unionplan format'" || bad "differs from 'unionplan format'"
for f in "$top_srcdir"/doc/examples/*.xml "$data"/valid/*.xml "$ex"/*.xml; do
	"$cli" export --to=json --positions "$f" | "$cli" import --from=json -o "$tmp/back.xml" - &&
	"$cli" format "$f" | cmp -s - "$tmp/back.xml" || { bad "XML -> JSON -> XML differs for $f"; continue; }
done
ok "XML -> JSON -> XML gives the canonical XML of every example"
printf '{"format":"unionplan",\n  "version": 2}' >"$tmp/bad.json"
echo keep >"$tmp/kept.xml"
expect 1 "bad JSON exits 1" "$cli" import --from=json -o "$tmp/kept.xml" "$tmp/bad.json"
same "$tmp/err" "$tmp/bad.json:1:1: error: the document needs the member \"collection\"" "with its line and column"
same "$tmp/kept.xml" keep "and leaves -o untouched"
sed 's/"2012-09-10"/"2012-09-31"/' "$tmp/seed.json" >"$tmp/baddate.json"
expect 1 "a date that does not exist exits 1" "$cli" import --from=json "$tmp/baddate.json"
line=$(grep -n '"2012-09-31"' "$tmp/baddate.json" | cut -d: -f1)
contains "$tmp/err" "baddate.json:$line:31: error: \"date\" is not a date" "at the date's line and column"
expect 3 "a missing JSON file exits 3" "$cli" import --from=json "$tmp/none.json"
expect 2 "--from=yaml is a usage error" "$cli" import --from=yaml "$tmp/seed.json"
expect 2 "--from=json --simplified is a usage error" "$cli" import --from=json --simplified "$tmp/seed.json"
expect 0 "import --from=text is the text importer" "$cli" import --from=text -q "$data/seeds/000_4589f19a21d053f0.txt"
contains "$tmp/out" '<plan xmlns' "and gives XML"

# an option of another format is a usage error
expect 2 "--holidays with --to=json" "$cli" export --to=json --holidays "$seed"
contains "$tmp/err" "does not apply to --to=json" "the refusal says why"
expect 2 "--width with --to=ics" "$cli" export --to=ics --width=40 "$seed"
expect 2 "--positions with --to=text" "$cli" export --to=text --positions "$seed"
expect 0 "--renumber with --to=text" "$cli" export --to=text --renumber "$seed"

finish
