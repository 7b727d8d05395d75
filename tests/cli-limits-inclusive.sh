#!/bin/sh
# Every size limit includes its bound: an input of exactly the limit is
# read, one byte more is refused (exit 3, "larger than the limit"). For a
# --data file (16 MiB), the text to import (16 MiB, from a file and from
# standard input) and an XML document (64 MiB, from a file and from
# standard input). The inputs are made here, padded with white space.
set -u
. "${top_srcdir:-.}/tests/cli-lib.sh"
MiB=1048576
# pad N: N bytes of the character $pad_char
pad() { head -c "$1" /dev/zero | tr '\0' "$pad_char"; }
size() { wc -c <"$1" | tr -d ' '; }
# make FILE SIZE HEAD TAIL: HEAD, white space, TAIL, SIZE bytes in all
make_file() {
	printf '%s' "$3" >"$1"
	n=$(($2 - $(size "$1") - ${#4}))
	pad "$n" >>"$1"
	printf '%s' "$4" >>"$1"
	[ "$(size "$1")" -eq "$2" ] || { echo "FAIL - $1 is $(size "$1") bytes, not $2"; exit 1; }
}
# bounded: each run well under the limit of the test
bound=""
command -v timeout >/dev/null 2>&1 && bound="timeout 60"

# --data: 16 MiB
pad_char='#'
data_head="unionplan-holidays 1
year 2027
off 2027-02-05..2027-02-11 spring-festival
"
make_file "$tmp/data" $((16 * MiB)) "$data_head" "
"
expect 0 "--data of exactly 16 MiB" $bound "$cli" workday --data="$tmp/data" 2027-02-08
contains "$tmp/out" "day-off (spring-festival" "its arrangement is used"
printf '\n' >>"$tmp/data"
expect 3 "--data of 16 MiB + 1" $bound "$cli" workday --data="$tmp/data" 2027-02-08
contains "$tmp/err" "file larger than the limit of 16777216 bytes" "says the limit"
rm -f "$tmp/data"

# import: 16 MiB, as a file and on standard input
pad_char='\n'
make_file "$tmp/plan.txt" $((16 * MiB)) "工会工作计划
一、工作目标
" ""
expect 0 "import of exactly 16 MiB" $bound "$cli" import -q -o "$tmp/plan.xml" "$tmp/plan.txt"
contains "$tmp/plan.xml" "<title>工会工作计划</title>" "the plan is imported"
expect 0 "import - of exactly 16 MiB" $bound sh -c "\"$cli\" import -q - <\"$tmp/plan.txt\""
contains "$tmp/out" "<title>工会工作计划</title>" "from standard input too"
printf '\n' >>"$tmp/plan.txt"
expect 3 "import of 16 MiB + 1" $bound "$cli" import -q -o "$tmp/plan.xml" "$tmp/plan.txt"
contains "$tmp/err" "larger than the limit of 16777216 bytes" "says the limit"
expect 3 "import - of 16 MiB + 1" $bound sh -c "\"$cli\" import -q - <\"$tmp/plan.txt\""
contains "$tmp/err" "larger than the limit of 16777216 bytes" "says the limit on standard input"
rm -f "$tmp/plan.txt" "$tmp/plan.xml"

# XML: 64 MiB, as a file and on standard input
pad_char=' '
make_file "$tmp/big.xml" $((64 * MiB)) '<?xml version="1.0" encoding="UTF-8"?>
<plan xmlns="urn:unionplan:1" version="1" xml:lang="zh-Hans">
  <meta>
    <title>工会工作计划</title>
    <period kind="year" start="2012-01-01" end="2012-12-31">2012年</period>
  </meta>' '</plan>
'
# validate streams every input; --max-size (64 MiB by default) is the
# largest document it reads whole: with --in-memory, as here
expect 0 "validate --in-memory of exactly 64 MiB" $bound "$cli" validate -q --in-memory "$tmp/big.xml"
expect 0 "validate --in-memory - of exactly 64 MiB" $bound sh -c "\"$cli\" validate -q --in-memory - <\"$tmp/big.xml\""
printf '\n' >>"$tmp/big.xml"
expect 3 "validate --in-memory of 64 MiB + 1" $bound "$cli" validate --in-memory "$tmp/big.xml"
contains "$tmp/err" "larger than the limit of 67108864 bytes" "says the limit"
expect 3 "validate --in-memory - of 64 MiB + 1" $bound sh -c "\"$cli\" validate --in-memory - <\"$tmp/big.xml\""
contains "$tmp/err" "larger than the limit of 67108864 bytes" "says the limit on standard input"
# streamed (the default), no size is refused, from a file or standard input
expect 0 "validate of 64 MiB + 1, streamed" $bound "$cli" validate -q "$tmp/big.xml"
expect 0 "validate - of 64 MiB + 1, streamed" $bound sh -c "\"$cli\" validate -q - <\"$tmp/big.xml\""
rm -f "$tmp/big.xml"
# --max-size: the same limit, chosen; the writer refuses what the reader
# would refuse (a compact file whose canonical form is larger) and then
# replaces nothing
printf '<?xml version="1.0" encoding="UTF-8"?><plan xmlns="urn:unionplan:1" version="1" xml:lang="zh-Hans"><meta><title>工会工作计划</title><period kind="year" start="2012-01-01" end="2012-12-31">2012年</period></meta><p>计划</p></plan>\n' >"$tmp/compact.xml"
n=$(size "$tmp/compact.xml")
expect 0 "validate --in-memory --max-size=exactly" "$cli" validate --in-memory --max-size="$n" "$tmp/compact.xml"
expect 0 "validate --in-memory --max-size=exactly, standard input" sh -c "\"$cli\" validate --in-memory --max-size=$n - <\"$tmp/compact.xml\""
expect 3 "validate --in-memory --max-size=one less" "$cli" validate --in-memory --max-size=$((n - 1)) "$tmp/compact.xml"
contains "$tmp/err" "larger than the limit of $((n - 1)) bytes" "says the chosen limit"
expect 3 "validate --in-memory --max-size=one less, standard input" sh -c "\"$cli\" validate --in-memory --max-size=$((n - 1)) - <\"$tmp/compact.xml\""
contains "$tmp/err" "larger than the limit of $((n - 1)) bytes" "says the chosen limit on standard input"
expect 0 "validate --max-size=one less, streamed: not refused for size" "$cli" validate -q --max-size=$((n - 1)) "$tmp/compact.xml"
expect 0 "validate --max-size=one less, streamed standard input: not refused" sh -c "\"$cli\" validate -q --max-size=$((n - 1)) - <\"$tmp/compact.xml\""
expect 0 "the last of --in-memory and --stream wins" "$cli" validate -q --in-memory --stream --max-size=$((n - 1)) "$tmp/compact.xml"
# a document in another encoding than UTF-8 the stream reads whole: under
# --max-size, inclusive
python3 -c 'import sys; t = open(sys.argv[1], encoding="utf-8").read(); open(sys.argv[2], "wb").write(t.replace("UTF-8", "UTF-16").encode("utf-16"))' "$tmp/compact.xml" "$tmp/u16.xml"
n16=$(size "$tmp/u16.xml")
expect 0 "UTF-16, streamed, --max-size=exactly" "$cli" validate --max-size="$n16" "$tmp/u16.xml"
expect 3 "UTF-16, streamed, --max-size=one less" "$cli" validate --max-size=$((n16 - 1)) "$tmp/u16.xml"
contains "$tmp/err" "larger than the limit of $((n16 - 1)) bytes" "the stream reads it whole, under the limit"
expect 3 "UTF-16, streamed standard input, --max-size=one less" sh -c "\"$cli\" validate --max-size=$((n16 - 1)) - <\"$tmp/u16.xml\""
contains "$tmp/err" "larger than the limit of $((n16 - 1)) bytes" "from standard input too"
echo old >"$tmp/out.xml"
expect 3 "format --max-size: the canonical form is larger" "$cli" format --max-size="$n" -o "$tmp/out.xml" "$tmp/compact.xml"
contains "$tmp/err" "more than the limit of $n bytes the reader takes" "the writer says why"
if [ "$(cat "$tmp/out.xml")" = old ]; then ok "nothing replaced"; else bad "nothing replaced"; fi
"$cli" format "$tmp/compact.xml" >"$tmp/canon.xml"
m=$(size "$tmp/canon.xml")
expect 0 "format --max-size=the canonical size" "$cli" format --max-size="$m" -o "$tmp/out.xml" "$tmp/compact.xml"
if cmp -s "$tmp/out.xml" "$tmp/canon.xml"; then ok "written at exactly the limit"; else bad "written at exactly the limit"; fi
expect 0 "validate --max-size=1K" "$cli" validate --max-size=1K "$tmp/out.xml"
printf '工会工作计划\n一、工作目标\n' >"$tmp/small.txt"
n=$(size "$tmp/small.txt")
expect 0 "import --max-size=exactly" "$cli" import -q --max-size="$n" "$tmp/small.txt"
expect 3 "import --max-size=one less" "$cli" import -q --max-size=$((n - 1)) "$tmp/small.txt"
contains "$tmp/err" "larger than the limit of $((n - 1)) bytes" "import says the chosen limit"
for bad_size in 0 abc 10X -5 99999999999999999999999; do
	expect 2 "--max-size=$bad_size is a usage error" "$cli" validate --max-size="$bad_size" "$tmp/out.xml"
done
contains "$tmp/err" "^unionplan validate: --max-size takes a size" "says what it takes"
# a paragraph of 11 MB (past libxml2's 10,000,000-byte text limit) reads,
# is written over itself, and reads back: no size between the reader's and
# the writer's limits
pad_char='a'
make_file "$tmp/p11.xml" $((11 * 1000 * 1000 + 300)) '<?xml version="1.0" encoding="UTF-8"?>
<plan xmlns="urn:unionplan:1" version="1" xml:lang="zh-Hans">
  <meta>
    <title>T</title>
    <period kind="year" start="2012-01-01" end="2012-12-31">2012</period>
  </meta>
  <p>' '</p>
</plan>
'
expect 0 "validate an 11 MB paragraph" $bound "$cli" validate -q "$tmp/p11.xml"
expect 0 "format -o over itself" $bound "$cli" format -o "$tmp/p11.xml" "$tmp/p11.xml"
expect 0 "what format wrote reads back" $bound "$cli" validate -q "$tmp/p11.xml"
rm -f "$tmp/p11.xml"
finish
