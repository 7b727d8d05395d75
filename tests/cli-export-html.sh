#!/bin/sh
# unionplan export --to=html: the golden page of tests/data/export/html-plan.xml,
# standard input, --renumber, --diagnostics (the report on the page, and
# the page of a plan with errors written with exit status 1), invalid input
# without it, options that do not apply, one FILE per OUT, the atomic -o.
. "${top_srcdir:-.}/tests/cli-lib.sh"
ex="$data/export"
plan="$ex/html-plan.xml"
wrong="$data/rules/date-outside-month/input.xml"
broken="$data/invalid/bad-date/input.xml"

expect 0 "export --to=html html-plan.xml" "$cli" export --to=html "$plan"
cmp -s "$tmp/out" "$ex/html-plan.html" && ok "gives html-plan.html" || bad "does not give html-plan.html"
[ -s "$tmp/err" ] && bad "something on standard error" || ok "nothing on standard error"
expect 0 "'-' reads standard input" sh -c '"$1" export --to=html - < "$2"' sh "$cli" "$plan"
cmp -s "$tmp/out" "$ex/html-plan.html" && ok "the same page" || bad "another page from standard input"
expect 0 "--renumber" "$cli" export --to=html --renumber "$plan"
contains "$tmp/out" '<span class="label">（二）</span>关心教职工' "mends （三） to （二）"
expect 0 "--diagnostics on a plan with warnings" "$cli" export --to=html --diagnostics "$plan"
contains "$tmp/out" '<h2 id="report">校验报告</h2>' "the report is on the page"
contains "$tmp/out" '<span class="diag warning" id="d2" role="note">' "a warning beside its element"
[ -s "$tmp/err" ] && bad "warnings printed for a valid plan" || ok "nothing on standard error"

# --- invalid plans --------------------------------------------------------------------
"$cli" validate "$wrong" 2>"$tmp/want" >/dev/null
echo old >"$tmp/out.html"
expect 1 "a plan with errors exits 1" "$cli" export --to=html -o "$tmp/out.html" "$wrong"
cmp -s "$tmp/err" "$tmp/want" && ok "with the diagnostics of validate" || bad "not the diagnostics of validate"
[ "$(cat "$tmp/out.html")" = old ] && ok "and OUT untouched" || bad "OUT changed for an invalid plan"
expect 1 "with --diagnostics it still exits 1" "$cli" export --to=html --diagnostics -o "$tmp/out.html" "$wrong"
cmp -s "$tmp/err" "$tmp/want" && ok "with the diagnostics of validate" || bad "not the diagnostics of validate"
contains "$tmp/out.html" '<p>错误 2 个，警告 0 个，提示 0 个。</p>' "but writes the page with its report"
[ "$(grep -c '<span class="diag error" id="d[12]"' "$tmp/out.html")" -eq 2 ] &&
	ok "both errors beside their activities" || bad "the errors are not beside their activities"
expect 1 "--diagnostics to standard output" "$cli" export --to=html --diagnostics "$wrong"
contains "$tmp/out" '^</html>$' "writes the whole page"
echo old >"$tmp/out.html"
"$cli" validate "$broken" 2>"$tmp/want" >/dev/null
expect 1 "--diagnostics on a plan that cannot be read" "$cli" export --to=html --diagnostics -o "$tmp/out.html" "$broken"
cmp -s "$tmp/err" "$tmp/want" && ok "with the diagnostics of validate" || bad "not the diagnostics of validate"
[ "$(cat "$tmp/out.html")" = old ] && ok "and no page" || bad "a page for a plan that cannot be read"
expect 1 "one such plan among others writes nothing" "$cli" export --to=html --diagnostics "$plan" "$broken"
[ -s "$tmp/out" ] && bad "something was written" || ok "nothing is written"

# --- options, -o ----------------------------------------------------------------------------
expect 2 "--holidays does not apply to html" "$cli" export --to=html --holidays "$plan"
contains "$tmp/err" 'does not apply to --to=html' "says so"
expect 2 "--width does not apply to html" "$cli" export --to=html --width=40 "$plan"
expect 2 "--diagnostics does not apply to text" "$cli" export --to=text --diagnostics "$plan"
expect 2 "html: several FILEs with -o" "$cli" export --to=html -o "$tmp/out.html" "$plan" "$wrong"
expect 0 "-o writes OUT" "$cli" export --to=html -o "$tmp/out.html" "$plan"
cmp -s "$tmp/out.html" "$ex/html-plan.html" && ok "OUT holds the page" || bad "OUT does not hold the page"
[ -s "$tmp/out" ] && bad "and standard output too" || ok "and nothing else"
expect 3 "-o into a missing directory exits 3" "$cli" export --to=html -o "$tmp/no/out.html" "$plan"
expect 0 "export --help" "$cli" export --help
contains "$tmp/out" 'html (one self-contained page' "--help names html"
contains "$tmp/out" '--diagnostics' "and --diagnostics"
finish
