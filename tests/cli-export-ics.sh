#!/bin/sh
# unionplan export --to=ics and unionplan holidays --format=ics: the golden
# file of tests/data/export/ics-plan.xml, --holidays, the atomic -o, one
# FILE per OUT, invalid input, and the feed's years and usage errors.
. "${top_srcdir:-.}/tests/cli-lib.sh"
ex="$data/export"
seed="$top_srcdir/doc/examples/seed-000.xml"
bad="$data/invalid/bad-date/input.xml"

expect 0 "export --to=ics ics-plan.xml" "$cli" export --to=ics "$ex/ics-plan.xml"
cmp -s "$tmp/out" "$ex/ics-plan.ics" && ok "gives ics-plan.ics" || bad "does not give ics-plan.ics"
expect 0 "'-' reads standard input" sh -c '"$1" export --to=ics - < "$2"' sh "$cli" "$ex/ics-plan.xml"
cmp -s "$tmp/out" "$ex/ics-plan.ics" && ok "the same calendar" || bad "another calendar from standard input"
expect 0 "--holidays" "$cli" export --to=ics --holidays "$ex/ics-plan.xml"
[ "$(grep -c '^BEGIN:VEVENT' "$tmp/out")" -eq 103 ] && ok "5 activities and 98 days of 2014 and 2015" ||
	bad "$(grep -c '^BEGIN:VEVENT' "$tmp/out") events with --holidays"
contains "$tmp/out" '^UID:20141011-workday@holidays.unionplan' "with 2014-10-11, 调休上班"
contains "$tmp/out" '^SUMMARY:国庆节（休）' "and 国庆节's days off"
expect 0 "seed 000 as iCalendar" "$cli" export --to=ics "$seed"
[ "$(grep -c '^BEGIN:VEVENT' "$tmp/out")" -eq 26 ] && ok "26 events" || bad "not 26 events"
contains "$tmp/out" '^DTSTART;VALUE=DATE:20121231' "one on 2012-12-31"

# --- -o, atomically; one FILE per OUT; invalid input -------------------------------
echo old >"$tmp/out.ics"
expect 0 "-o replaces OUT" "$cli" export --to=ics -o "$tmp/out.ics" "$ex/ics-plan.xml"
cmp -s "$tmp/out.ics" "$ex/ics-plan.ics" && ok "OUT holds the calendar" || bad "OUT does not hold the calendar"
expect 2 "ics: several FILEs with -o" "$cli" export --to=ics -o "$tmp/out.ics" "$seed" "$ex/ics-plan.xml"
cmp -s "$tmp/out.ics" "$ex/ics-plan.ics" && ok "the usage error left OUT" || bad "the usage error changed OUT"
"$cli" validate "$bad" 2>"$tmp/want" >/dev/null
expect 1 "an invalid plan exits 1" "$cli" export --to=ics -o "$tmp/out.ics" "$bad"
cmp -s "$tmp/err" "$tmp/want" && ok "with the diagnostics of validate" || bad "not the diagnostics of validate"
cmp -s "$tmp/out.ics" "$ex/ics-plan.ics" && ok "and OUT untouched" || bad "OUT changed for an invalid plan"
expect 3 "-o into a missing directory exits 3" "$cli" export --to=ics -o "$tmp/no/out.ics" "$seed"
expect 0 "export --help" "$cli" export --help
contains "$tmp/out" 'ics (iCalendar' "--help names ics"
contains "$tmp/out" '--holidays' "and --holidays"

# --- holidays --format=ics ------------------------------------------------------------
expect 0 "holidays --format=ics 2026" "$cli" holidays --format=ics 2026
contains "$tmp/out" '^X-WR-CALNAME:中国节假日 2026' "names the feed"
[ "$(grep -c '^BEGIN:VEVENT' "$tmp/out")" -eq 59 ] && ok "20 festivals, 33 days off, 6 working days" ||
	bad "$(grep -c '^BEGIN:VEVENT' "$tmp/out") events in 2026"
"$cli" holidays --format=ics 2026 >"$tmp/a.ics"
expect 0 "several years" "$cli" holidays --format=ics 2025 2026
[ "$(grep -c '^BEGIN:VEVENT' "$tmp/out")" -gt 59 ] && ok "more events for two years" || bad "not more events for two years"
contains "$tmp/out" '^UID:20251001-off-national-day@' "2025's 国庆节"
expect 1 "a year without an arrangement exits 1" "$cli" holidays --format=ics 2026 1990
contains "$tmp/err" 'no official arrangement for 1990' "and says which"
[ -s "$tmp/out" ] && bad "something was written" || ok "nothing is written"
expect 2 "ics with --from and --to" "$cli" holidays --format=ics --from=2026-01-01 --to=2026-02-01
expect 2 "ics with a bad YEAR" "$cli" holidays --format=ics 2026 x
contains "$tmp/err" "not 'x'" "names it"
expect 2 "csv takes one YEAR" "$cli" holidays --format=csv 2025 2026
finish
