#!/bin/sh
# The command-line contract of unionplan import: exit statuses, the notes
# on standard error, --report, --simplified, --encoding, standard input,
# atomic output, and that every seed imports into a document that validates.
set -u
. "${top_srcdir:-.}/tests/cli-lib.sh"
seeds="$data/seeds"

expect 0 "import --help" "$cli" import --help
contains "$tmp/out" "^Usage: unionplan import" "import --help shows its usage"
contains "$tmp/out" "Exit status" "import --help gives the exit statuses"
expect 2 "import without a file" "$cli" import
expect 2 "import of two files" "$cli" import a.txt b.txt
expect 2 "import with an unknown option" "$cli" import --no-such-option a.txt
expect 2 "import with an unknown encoding" "$cli" import --encoding=latin9 a.txt
expect 3 "import of a missing file" "$cli" import "$tmp/none.txt"
contains "$tmp/err" "none.txt" "the missing file is named"
expect 3 "import of a directory" "$cli" import "$data"

# every seed imports and the result validates
for s in "$seeds"/*.txt; do
	n=$(basename "$s" | cut -c1-3)
	expect 0 "seed $n imports" "$cli" import -o "$tmp/$n.xml" "$s"
	expect 0 "seed $n's import validates" "$cli" validate --schema-only "$tmp/$n.xml"
done
expect 0 "seed 000 validates with its two numbering warnings only" "$cli" validate "$tmp/000.xml"
[ "$(wc -l < "$tmp/err")" -eq 2 ] && ok "two diagnostics" || bad "seed 000: $(wc -l < "$tmp/err") diagnostics"

# notes on standard error, XML on standard output
expect 0 "seed 001 to standard output" "$cli" import "$seeds"/001_10ff43b2df3ecc86.txt
contains "$tmp/out" '^<plans xmlns="urn:unionplan:1" version="1">' "seed 001 is a collection"
contains "$tmp/out" 'xml:lang="zh-Hant"' "seed 001 is traditional"
contains "$tmp/err" "001_10ff43b2df3ecc86.txt:1:1: note: .*\[import-boilerplate\]" "boilerplate removal reported at its line"
contains "$tmp/err" "001_10ff43b2df3ecc86.txt:3:1: note: .*'1、'.*\[import-chunk-marker\]" "chunk marker reported"
contains "$tmp/err" "001_10ff43b2df3ecc86.txt:3:52: note: .*區(qū).*\[import-pinyin\]" "pinyin reported with its column"
lacks "$tmp/out" "(qū)" "no pinyin in the output"
[ "$(grep -c 'import-pinyin' "$tmp/err")" -eq 114 ] && ok "114 pinyin notes" || bad "pinyin notes: $(grep -c 'import-pinyin' "$tmp/err")"
expect 0 "-q silences the notes" "$cli" import -q "$seeds"/001_10ff43b2df3ecc86.txt
[ -s "$tmp/err" ] && bad "-q printed notes" || ok "nothing on standard error with -q"
expect 0 "notes in Chinese" "$cli" import --lang=zh-Hans "$seeds"/001_10ff43b2df3ecc86.txt
contains "$tmp/err" "已删除字后插入的拼音" "Chinese note"

# --simplified
expect 0 "--simplified" "$cli" import -q --simplified "$seeds"/001_10ff43b2df3ecc86.txt
contains "$tmp/out" "<title>2017年度小学工会工作计划</title>" "the first title in simplified characters"
contains "$tmp/out" 'xml:lang="zh-Hans"' "xml:lang follows the kept text"

# --report
expect 0 "--report" "$cli" import --report "$seeds"/000_4589f19a21d053f0.txt
contains "$tmp/out" "1 plan" "report: one plan"
contains "$tmp/out" "schedule:   5 month entries, 26 activities (3 dated" "report: the schedule"
contains "$tmp/out" "2012-09  九月：" "report: the first month"
contains "$tmp/out" "教师节表彰活动(9/10)  \[date 2012-09-10\]  \[holiday teachers-day, on\]" "report: a dated holiday activity"
lacks "$tmp/out" "<plan" "report without -o writes no XML"
expect 0 "--report with -o" "$cli" import --report -o "$tmp/r.xml" "$seeds"/004_7fafac6153687fc9.txt
contains "$tmp/out" "5 plans" "report: five plans"
contains "$tmp/out" "\[import-plan-split\]" "report lists the notes"
contains "$tmp/r.xml" "<plans" "-o still gets the XML"

# encodings
iconv -f UTF-8 -t GB18030 "$seeds"/002_c586d096e016a226.txt > "$tmp/002-gb.txt"
expect 0 "GB18030 detected" "$cli" import -q "$tmp/002-gb.txt"
contains "$tmp/out" 'encoding="GB18030"' "the source encoding is recorded"
contains "$tmp/out" "<title>常州市新北区教育工会2012年工作意见</title>" "GB18030 text decoded"
expect 0 "--encoding=gb18030" "$cli" import -q --encoding=gb18030 "$tmp/002-gb.txt"
expect 1 "--encoding=utf-8 on GB18030 text" "$cli" import --encoding=utf-8 "$tmp/002-gb.txt"
contains "$tmp/err" "002-gb.txt:1:1: error: " "the undecodable byte's position"
# seed 001 in Big5 (its pinyin has no Big5 form and is dropped by iconv -c)
iconv -c -f UTF-8 -t BIG5 "$seeds"/001_10ff43b2df3ecc86.txt > "$tmp/big5.txt" 2>/dev/null
expect 0 "Big5 detected" "$cli" import -q "$tmp/big5.txt"
contains "$tmp/out" 'encoding="Big5"' "Big5 recorded"
contains "$tmp/out" "<title>2017年度小學工會工作計劃</title>" "Big5 text decoded"

# standard input, empty input
expect 0 "standard input" sh -c "\"$cli\" import -q - < \"$seeds\"/003_16f611ec0ac9a530.txt"
contains "$tmp/out" '<source file="&lt;stdin&gt;"' "standard input is named"
printf '  \n\n' > "$tmp/empty.txt"
expect 1 "a file with no text" "$cli" import "$tmp/empty.txt"
contains "$tmp/err" "no text" "says there is no text"

# the size limit (16 MiB, inclusive): a file over it, the same bytes piped
# in, and endless producers are refused alike, reading no further than the
# limit (exit 3, as for any input that cannot be read)
limit=16777216
over="file larger than the limit of $limit bytes"
yes '工会工作，组织教职工开展活动。' | head -c $((limit + 1)) > "$tmp/over.txt"
expect 3 "a file over the size limit" "$cli" import "$tmp/over.txt"
contains "$tmp/err" "over.txt: error: $over" "the file's refusal names the limit"
expect 3 "the same bytes on standard input" sh -c "head -c $((limit + 1)) \"$tmp/over.txt\" | \"$cli\" import -"
contains "$tmp/err" "<stdin>: error: $over" "standard input is refused in the same words"
pad=$((limit % 46)) # the lines are 46 bytes: cut after a whole one, pad with spaces
head -c $((limit - pad)) "$tmp/over.txt" > "$tmp/at-limit.txt"
printf "%${pad}s" "" >> "$tmp/at-limit.txt"
expect 0 "standard input of exactly the limit" sh -c "\"$cli\" import -q - < \"$tmp/at-limit.txt\""
rm -f "$tmp/over.txt" "$tmp/at-limit.txt"
# an endless input must end at the limit: bounded in time here (and, with
# timeout(1), never left running), and in memory by the address space
for producer in "yes 工会工作" "cat /dev/zero"; do
	bound=""
	command -v timeout >/dev/null 2>&1 && bound="timeout 60"
	limitv="ulimit -v 524288;"
	[ -n "${ASAN_OPTIONS:-}" ] && limitv=""
	start=$(date +%s)
	expect 3 "$producer | import - stops at the limit" sh -c "$producer | ($limitv $bound \"$cli\" import -)"
	end=$(date +%s)
	contains "$tmp/err" "<stdin>: error: $over" "$producer: refused at the limit"
	if [ $((end - start)) -le 20 ]; then ok "$producer: ends promptly"; else bad "$producer: took $((end - start)) s"; fi
done

# -o is atomic: a failed run leaves OUT as it was
echo "precious" > "$tmp/keep.xml"
expect 1 "failed import" "$cli" import -o "$tmp/keep.xml" "$tmp/empty.txt"
[ "$(cat "$tmp/keep.xml")" = "precious" ] && ok "OUT untouched" || bad "OUT was changed"
expect 0 "import -o over an existing file" "$cli" import -q -o "$tmp/keep.xml" "$seeds"/000_4589f19a21d053f0.txt
contains "$tmp/keep.xml" "<title>2012学年第一学期工会工作计划</title>" "OUT replaced"
ls "$tmp" | grep -q '^\.\?keep.xml.' && bad "temporary file left" || ok "no temporary file left"

finish
