#!/bin/sh
# The command-line contract of unionplan validate / format / summary:
# exit statuses, diagnostic formats, standard input, atomic output, and
# that hostile input (external entities, entity expansion) is refused.
set -u
. "${top_srcdir:-.}/tests/cli-lib.sh"
ex="$top_srcdir/doc/examples"

expect 0 "--version" "$cli" --version
contains "$tmp/out" "^unionplan [0-9]" "--version names the tool"
contains "$tmp/out" "^libunionplan [0-9]" "--version names the library"
expect 2 "no command is a usage error" "$cli"
expect 2 "unknown command is a usage error" "$cli" frobnicate
expect 0 "--help" "$cli" --help
for c in validate format summary; do
	expect 0 "$c --help" "$cli" $c --help
	contains "$tmp/out" "^Usage: unionplan $c" "$c --help shows its usage"
	expect 2 "$c with an unknown option" "$cli" $c --no-such-option x.xml
	expect 2 "$c without a file" "$cli" $c
done

# validate
expect 0 "examples validate" "$cli" validate "$ex"/seed-000.xml "$ex"/seed-002.xml
contains "$tmp/err" "seed-000.xml:71:9: warning: number 2 is used again (first at line 70) \[numbering-duplicate\]" "seed 000: the duplicate 2. under 十二月"
contains "$tmp/err" "seed-000.xml:73:9: warning: numbering jumps from 3 to 5 \[numbering-skip\]" "seed 000: no 4. under 十二月"
if [ "$(wc -l < "$tmp/err")" -eq 2 ]; then ok "seed 000: exactly two findings"; else bad "seed 000: exactly two findings"; fi
expect 0 "a clean plan" "$cli" validate "$ex"/seed-002.xml
if [ -s "$tmp/out" ] || [ -s "$tmp/err" ]; then bad "validate is quiet on success"; else ok "validate is quiet on success"; fi
expect 1 "--strict: seed 000's warnings fail" "$cli" validate --strict "$ex"/seed-000.xml
expect 0 "validate -v" "$cli" validate -v "$ex"/seed-000.xml
contains "$tmp/out" "seed-000.xml: valid" "-v says which file is valid"
expect 1 "an invalid file gives 1" "$cli" validate "$data"/invalid/bad-month/input.xml
contains "$tmp/err" "input.xml:5:12: error: .*\[schema-value\]$" "gnu diagnostic FILE:LINE:COL: error: MESSAGE [CODE]"
expect 3 "a missing file gives 3" "$cli" validate "$tmp/no-such-file.xml"
contains "$tmp/err" "no-such-file.xml: error: cannot open.*\[io-error\]" "missing file reported"
expect 3 "a directory gives 3" "$cli" validate "$data"
contains "$tmp/err" "is a directory" "directory reported"
expect 3 "every file is checked; I/O error wins" "$cli" validate "$data"/invalid/bad-month/input.xml "$tmp/none.xml" "$ex"/seed-000.xml "$data"/invalid/empty/input.xml
contains "$tmp/err" "bad-month/input.xml:5:12" "first file reported"
contains "$tmp/err" "none.xml: error" "second file reported"
contains "$tmp/err" "empty/input.xml:1:1: error: document is empty \[xml-empty\]" "fourth file reported"
expect 1 "invalid and valid files give 1" "$cli" validate "$ex"/seed-000.xml "$data"/invalid/not-xml/input.xml
expect 0 "warnings pass by default" "$cli" validate "$data"/valid/doctype-plain.xml
contains "$tmp/err" "warning: DOCTYPE ignored" "warning printed"
expect 1 "--strict makes warnings fail" "$cli" validate --strict "$data"/valid/doctype-plain.xml
expect 0 "--quiet prints nothing" "$cli" validate -q "$data"/valid/doctype-plain.xml
if [ -s "$tmp/err" ]; then bad "--quiet is quiet"; else ok "--quiet is quiet"; fi
expect 2 "unknown format" "$cli" validate --format=xml "$ex"/seed-000.xml
expect 0 "standard input" sh -c "\"$cli\" validate - < \"$ex\"/seed-000.xml"
expect 1 "standard input, invalid" sh -c "\"$cli\" validate - < \"$data\"/invalid/bad-month/input.xml"
contains "$tmp/err" "^<stdin>:5:12: error" "standard input is named <stdin>"
expect 1 "schema-only still rejects schema errors" "$cli" validate --schema-only "$data"/invalid/bad-month/input.xml
expect 0 "schema-only skips the rules" "$cli" validate --schema-only "$data"/invalid/bad-lang/input.xml
expect 1 "rules run by default" "$cli" validate "$data"/invalid/bad-lang/input.xml

# languages, rule groups, explanations
expect 0 "LANG=zh_CN.UTF-8 speaks Chinese" env -u LC_ALL -u LANGUAGE -u LC_MESSAGES LANG=zh_CN.UTF-8 "$cli" validate "$ex"/seed-000.xml
contains "$tmp/err" "seed-000.xml:71:9: warning: 编号 2 重复（第一次出现在第 70 行） \[numbering-duplicate\]" "Chinese message, same code and position"
expect 0 "LANG=en_US.UTF-8 speaks English" env -u LC_ALL -u LANGUAGE -u LC_MESSAGES LANG=en_US.UTF-8 "$cli" validate "$ex"/seed-000.xml
contains "$tmp/err" "number 2 is used again" "English message"
expect 0 "--lang overrides the locale" env LANG=zh_CN.UTF-8 "$cli" validate --lang=en "$ex"/seed-000.xml
contains "$tmp/err" "number 2 is used again" "--lang=en"
expect 2 "--lang with an unknown language" "$cli" validate --lang=fr "$ex"/seed-000.xml
expect 0 "--rules=meta skips numbering" "$cli" validate --rules=meta,months "$ex"/seed-000.xml
if [ -s "$tmp/err" ]; then bad "--rules=meta,months: no numbering findings"; else ok "--rules=meta,months: no numbering findings"; fi
expect 2 "--rules with an unknown group" "$cli" validate --rules=spelling "$ex"/seed-000.xml
expect 2 "--today is gone: no rule read it" "$cli" validate --today=2013-01-01 "$ex"/seed-000.xml
expect 0 "--explain" "$cli" validate --explain=holiday-month
contains "$tmp/out" "^holiday-month (error)" "--explain names the rule and its severity"
contains "$tmp/out" "中秋节前" "--explain gives the example"
expect 0 "--explain in Chinese" "$cli" validate --lang=zh-Hans --explain=numbering-skip
contains "$tmp/out" "同级编号跳号" "--explain in Chinese"
expect 0 "--explain=all" "$cli" validate --explain=all
contains "$tmp/out" "^year-unknown (note)" "--explain=all lists every rule"
expect 2 "--explain of an unknown code" "$cli" validate --explain=no-such-rule

# JSON
expect 3 "json format (an unreadable file gives 3)" "$cli" validate --format=json "$data"/invalid/bad-month/input.xml "$tmp/none.xml" "$ex"/seed-002.xml
cp "$tmp/out" "$tmp/json"
if python3 - "$tmp/json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding='utf-8'))
assert isinstance(d, list) and len(d) == 2, d
a, b = d
for o in d:
    assert set(o) == {"file", "line", "column", "severity", "code", "message"}, o
assert a["line"] == 5 and a["column"] == 12 and a["severity"] == "error" and a["code"] == "schema-value", a
assert a["file"].endswith("bad-month/input.xml")
assert b["code"] == "io-error" and b["line"] == 0, b
PY
then ok "json has every field of every diagnostic"; else bad "json content"; fi
expect 0 "json of valid files is an empty array" "$cli" validate --format=json "$ex"/seed-002.xml
if [ "$(tr -d ' \n' < "$tmp/out")" = "[]" ]; then ok "empty array"; else bad "empty array"; fi

# format
expect 0 "format to stdout" "$cli" format "$ex"/seed-000.xml
if cmp -s "$tmp/out" "$ex"/seed-000.xml; then ok "examples are canonical"; else bad "examples are canonical"; fi
expect 0 "format -o" "$cli" format -o "$tmp/out.xml" "$data"/valid/full-features.xml
expect 0 "formatted output validates" "$cli" validate "$tmp/out.xml"
expect 0 "format is a fixed point" "$cli" format "$tmp/out.xml"
if cmp -s "$tmp/out" "$tmp/out.xml"; then ok "format twice gives the same bytes"; else bad "format twice gives the same bytes"; fi
printf 'precious\n' > "$tmp/keep.xml"
expect 1 "format of an invalid file" "$cli" format -o "$tmp/keep.xml" "$data"/invalid/truncated/input.xml
if [ "$(cat "$tmp/keep.xml")" = precious ]; then ok "a failed format leaves OUT untouched"; else bad "a failed format leaves OUT untouched"; fi
expect 3 "format of a missing file" "$cli" format -o "$tmp/keep.xml" "$tmp/none.xml"
if [ "$(cat "$tmp/keep.xml")" = precious ]; then ok "OUT untouched after I/O error"; else bad "OUT untouched after I/O error"; fi
expect 3 "format into a missing directory" "$cli" format -o "$tmp/no/dir/out.xml" "$ex"/seed-000.xml
if ls "$tmp"/no 2>/dev/null; then bad "nothing created"; else ok "nothing created"; fi
leftovers=$(ls "$tmp" | grep -c '\.tmp\.' || true)
if [ "$leftovers" -eq 0 ]; then ok "no temporary files left"; else bad "temporary files left"; fi
expect 2 "format takes one file" "$cli" format "$ex"/seed-000.xml "$ex"/seed-002.xml
expect 0 "format from stdin" sh -c "\"$cli\" format - < \"$data\"/valid/gb18030.xml"
contains "$tmp/out" 'encoding="UTF-8"' "output is UTF-8"
contains "$tmp/out" "长沙市信息职业技术学校" "GB18030 text converted"

# summary
expect 0 "summary" "$cli" summary "$ex"/seed-000.xml
contains "$tmp/out" "5 month entries, 26 activities (3 dated" "seed 000: 5 months, 26 activities, 3 dated"
expect 1 "summary of an invalid file" "$cli" summary "$data"/invalid/not-xml/input.xml

# hostile input: no external entity is ever read, no expansion
marker=UPL-SECRET-MARKER-7f3a9c
for c in xxe-external-entity xxe-parameter-entity; do
	f="$data/invalid/$c/input.xml"
	expect 1 "$c is refused" "$cli" validate "$f"
	contains "$tmp/err" "\[xml-entity\]" "$c: xml-entity"
	cat "$tmp/out" "$tmp/err" > "$tmp/all"
	"$cli" validate --format=json "$f" >> "$tmp/all" 2>&1
	"$cli" format "$f" >> "$tmp/all" 2>&1
	"$cli" summary "$f" >> "$tmp/all" 2>&1
	(cd "$data/invalid/$c" && "$cli" validate input.xml; "$cli" format input.xml) >> "$tmp/all" 2>&1
	lacks "$tmp/all" "$marker" "$c: the entity's content appears nowhere"
done
start=$(date +%s)
# 256 MiB of address space is plenty; a sanitizer build needs far more
# address space for its shadow memory, so there only the time is bounded.
limit="ulimit -v 262144;"
[ -n "${ASAN_OPTIONS:-}" ] && limit=""
expect 1 "billion laughs fails" sh -c "$limit \"$cli\" validate \"$data\"/invalid/billion-laughs/input.xml"
end=$(date +%s)
if [ $((end - start)) -le 5 ]; then ok "billion laughs fails fast in 256 MiB"; else bad "billion laughs took $((end - start)) s"; fi
contains "$tmp/err" "billion-laughs/input.xml:3:3: error: entity declaration 'a' refused" "billion laughs stopped at the first declaration"

# -o over a directory: refused (links, FIFOs, modes, owners and full disks
# are in cli-output.sh)
mkdir "$tmp/dir"
expect 3 "import -o over a directory is refused" "$cli" import -q -o "$tmp/dir" "$data/seeds/000_4589f19a21d053f0.txt"
[ -d "$tmp/dir" ] && ok "the directory is untouched" || bad "the directory was replaced"
ls -a "$tmp" | grep -q '^\.upl' && bad "temporary file left" || ok "no temporary file left"

# libxml2 never prints by itself: a '<' and three NULs look like UTF-32 to
# it, and it used to convert and complain on stderr
printf '<\000\000\000' > "$tmp/nuls.xml"
expect 1 "a '<' and three NULs is invalid" "$cli" validate "$tmp/nuls.xml"
same "$tmp/err" "$tmp/nuls.xml:1:2: error: character U+0000 is not allowed in XML (a control character) [xml-encoding]" "only the library's own diagnostic is printed"

# a newline in a file name cannot forge a second diagnostic line
nl=$(printf 'a\nb.xml:1:1: error: forged')
printf '<plan/>' > "$tmp/$nl"
expect 1 "a file name with a newline" "$cli" validate "$tmp/$nl"
[ "$(wc -l < "$tmp/err")" -eq 1 ] && ok "one line for one diagnostic" || bad "one line for one diagnostic"
contains "$tmp/err" 'a\\nb.xml:1:1: error: forged:1:1: error:' "the newline is written as \\n"
printf 'x' > "$tmp/back\\slash	tab.xml"
expect 1 "a backslash and a tab in a file name" "$cli" validate "$tmp/back\\slash	tab.xml"
contains "$tmp/err" 'back\\\\slash\\ttab.xml:1:1: error:' "the backslash doubled, the tab as \\t"

finish
