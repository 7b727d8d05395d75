#!/bin/sh
# Validation speed against the peer: `unionplan validate --schema-only`
# and `xmllint --noout --schema` run on the same files in the same run.
# Reports wall-clock times and their ratio (xmllint time / unionplan time;
# above 1 means unionplan is faster). Two workloads: one large plan, and a
# pipeline's batch of 300 plans given in one command line.
set -eu
: "${top_srcdir:=.}" "${top_builddir:=.}"
cli="$top_builddir/cli/unionplan"
# In a build tree cli/unionplan is a libtool wrapper script; time the real
# program, not the shell that starts it.
if [ -x "$top_builddir/cli/.libs/unionplan" ]; then
	cli="$top_builddir/cli/.libs/unionplan"
	LD_LIBRARY_PATH="$top_builddir/libunionplan/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
	export LD_LIBRARY_PATH
fi
xsd="$top_srcdir/libunionplan/schema/unionplan-1.xsd"
xmllint=$(command -v xmllint) || { echo "xmllint not found"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# A large plan: 2,000 months of 10 activities built from the seed 000 example.
python3 - "$top_srcdir/doc/examples/seed-000.xml" "$tmp/big.xml" <<'PY'
import sys
src = open(sys.argv[1], encoding='utf-8').read()
head, rest = src.split('<schedule>', 1)
months = []
for i in range(2000):
    acts = ''.join('\n        <activity label="%d．" number="%d" date="2012-09-%02d" holiday="teachers-day" relation="on">教师节表彰活动(9/10) 第%d项</activity>' % (k, k, k + 1, k) for k in range(1, 11))
    months.append('\n      <month month="9" year="2012" label="九月：">%s\n      </month>' % acts)
tail = rest.split('</schedule>', 1)[1]
open(sys.argv[2], 'w', encoding='utf-8').write(head + '<schedule>' + ''.join(months) + '\n    </schedule>' + tail)
PY
i=0
while [ $i -lt 300 ]; do
	cp "$top_srcdir/doc/examples/seed-00$((i % 2 * 2)).xml" "$tmp/batch-$i.xml"
	i=$((i + 1))
done

now() { date +%s.%N; }
measure() { # measure RUNS COMMAND... -> seconds per run
	runs=$1; shift
	t0=$(now)
	k=0
	while [ $k -lt "$runs" ]; do "$@" >/dev/null 2>&1 || true; k=$((k + 1)); done
	t1=$(now)
	echo "$t0 $t1 $runs" | awk '{ printf "%.6f", ($2 - $1) / $3 }'
}
report() { # report NAME OURS PEER
	awk -v n="$1" -v o="$2" -v p="$3" 'BEGIN { printf "%-28s unionplan %8.2f ms   xmllint %8.2f ms   ratio %.2fx\n", n, o * 1000, p * 1000, p / o }'
}

size=$(wc -c < "$tmp/big.xml")
"$cli" validate --schema-only "$tmp/big.xml"
"$xmllint" --noout --schema "$xsd" "$tmp/big.xml" 2>/dev/null
ours=$(measure 10 "$cli" validate --schema-only "$tmp/big.xml")
peer=$(measure 10 "$xmllint" --noout --schema "$xsd" "$tmp/big.xml")
report "one plan, $((size / 1024)) KiB" "$ours" "$peer"
bigpeer=$peer
ours=$(measure 5 "$cli" validate --schema-only "$tmp"/batch-*.xml)
peer=$(measure 5 "$xmllint" --noout --schema "$xsd" "$tmp"/batch-*.xml)
report "300 plans, one command" "$ours" "$peer"
ours=$(measure 10 "$cli" validate "$tmp/big.xml")
report "one plan, with the rules" "$ours" "$bigpeer"
ours=$(measure 50 "$cli" validate --schema-only "$top_srcdir/doc/examples/seed-000.xml")
peer=$(measure 50 "$xmllint" --noout --schema "$xsd" "$top_srcdir/doc/examples/seed-000.xml")
report "one small plan (seed 000)" "$ours" "$peer"
