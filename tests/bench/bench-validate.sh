#!/bin/sh
# Validation against the peer, `xmllint --noout --schema` with the same XSD,
# on the same files in the same run: medians of 5 whole processes, wall
# time and peak memory (/usr/bin/time), and their ratios (unionplan /
# xmllint: below 1 means unionplan is cheaper). Each row has a target; the
# script exits 1 when one is missed (after printing every row).
#
#   row                              target
#   validate (schema + all rules)    time <= 1.3x, memory <= 1.2x
#   validate --schema-only           time <= 1.0x
#   300 small plans in one command   time <= 1.0x (also with --jobs=2)
#   validate --stream, 100 MB plan   time <= 1.3x of xmllint --stream --schema,
#                                    peak <= 32 MiB, and flat: at most 4 MiB
#                                    above the streamed 6 MB plan's
#   the same, 1 GB (BENCH_HUGE=1)    the same targets
#
# The plan is seed 000's months repeated in its one schedule to about 6 MB
# (100 MB, 1 GB for the streaming rows; 3 runs, 1 for 1 GB), written into a
# temporary directory that is removed at the end.
set -eu
. "${top_srcdir:-.}/tests/bench/bench-lib.sh"
xsd="$top_srcdir/libunionplan/schema/unionplan-1.xsd"
xmllint=$(command -v xmllint) || { echo "xmllint not found"; exit 77; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time not found (Debian: time)"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# generate OUT MB: seed 000's months repeated to about MB megabytes,
# written a hundred months at a time (a 1 GB plan is never held whole)
generate() {
	python3 - "$top_srcdir/doc/examples/seed-000.xml" "$1" "$2" <<'PY'
import sys
src = open(sys.argv[1], encoding='utf-8').read()
head, rest = src.split('<schedule>\n', 1)
months, tail = rest.split('    </schedule>\n', 1)
target = int(sys.argv[3]) * 1000 * 1000
n = max(1, (target - len(head.encode()) - len(tail.encode())) // len(months.encode()))
with open(sys.argv[2], 'w', encoding='utf-8') as out:
    out.write(head + '<schedule>\n')
    block = months * 100
    for _ in range(n // 100):
        out.write(block)
    out.write(months * (n % 100))
    out.write('    </schedule>\n' + tail)
PY
}
generate "$tmp/big.xml" 6
i=0
while [ $i -lt 300 ]; do
	cp "$top_srcdir/doc/examples/seed-00$((i % 2 * 2)).xml" "$tmp/batch-$i.xml"
	i=$((i + 1))
done

# measure COMMAND... -> "SECONDS KIB": medians of $runs runs (5)
runs=5
measure() {
	: > "$tmp/times"
	k=0
	while [ $k -lt $runs ]; do
		/usr/bin/time -a -o "$tmp/times" -f "%e %M" "$@" >/dev/null 2>&1 || true
		k=$((k + 1))
	done
	t=$(awk '{ print $1 }' "$tmp/times" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
	m=$(awk '{ print $2 }' "$tmp/times" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
	echo "$t $m"
}
missed=0
# row NAME "OURS" "PEER" TIME_TARGET [MEM_TARGET]
row() {
	set -- "$1" $2 $3 "$4" "${5:-}"
	line=$(awk -v n="$1" -v ot="$2" -v om="$3" -v pt="$4" -v pm="$5" -v tt="$6" -v mt="$7" 'BEGIN {
		if (ot < 0.001) ot = 0.001; if (pt < 0.001) pt = 0.001
		rt = ot / pt; rm = om / pm; ok = (rt <= tt) && (mt == "" || rm <= mt)
		printf "%-32s unionplan %7.3f s %7.1f MiB   xmllint %7.3f s %7.1f MiB   time %.2fx (<= %s)", n, ot, om / 1024, pt, pm / 1024, rt, tt
		if (mt != "") printf "   memory %.2fx (<= %s)", rm, mt
		printf "   %s\n", ok ? "met" : "MISSED"
	}')
	echo "$line"
	case $line in *MISSED) missed=1 ;; esac
}

size=$(wc -c < "$tmp/big.xml")
echo "plan: $((size / 1000)) kB (seed 000's months repeated), medians of 5 runs"
"$cli" validate --schema-only "$tmp/big.xml"
"$xmllint" --noout --schema "$xsd" "$tmp/big.xml" 2>/dev/null
peer=$(measure "$xmllint" --noout --schema "$xsd" "$tmp/big.xml")
row "validate (schema + all rules)" "$(measure "$cli" validate "$tmp/big.xml")" "$peer" 1.3 1.2
row "validate --schema-only" "$(measure "$cli" validate --schema-only "$tmp/big.xml")" "$peer" 1.0
batchpeer=$(measure "$xmllint" --noout --schema "$xsd" "$tmp"/batch-*.xml)
row "300 small plans, one command" "$(measure "$cli" validate "$tmp"/batch-*.xml)" "$batchpeer" 1.0
row "300 small plans, --jobs=2" "$(measure "$cli" validate --jobs=2 "$tmp"/batch-*.xml)" "$batchpeer" 1.0

# streamrow NAME "OURS" "PEER" BASE_KIB: time <= 1.3x, peak <= 32 MiB and
# at most 4 MiB above BASE_KIB (the streamed 6 MB plan's)
streamrow() {
	row "$1" "$2" "$3" 1.3
	set -- "$1" $2 "$4"
	if [ "$3" -le 32768 ] && [ "$3" -le $(($4 + 4096)) ]; then
		echo "$1: peak $(($3 / 1024)) MiB, $(($4 / 1024)) MiB for 6 MB (<= 32 MiB, flat)   met"
	else
		echo "$1: peak $(($3 / 1024)) MiB, $(($4 / 1024)) MiB for 6 MB (<= 32 MiB, flat)   MISSED"
		missed=1
	fi
}
base=$(measure "$cli" validate --stream "$tmp/big.xml" | awk '{ print $2 }')
rm -f "$tmp/big.xml" "$tmp"/batch-*.xml
generate "$tmp/huge.xml" 100
runs=3
# no --stream: a file over the in-memory limit (64 MiB) is streamed anyway
streamrow "validate --stream, 100 MB" "$(measure "$cli" validate "$tmp/huge.xml")" \
	"$(measure "$xmllint" --noout --stream --schema "$xsd" "$tmp/huge.xml")" "$base"
rm -f "$tmp/huge.xml"
if [ "${BENCH_HUGE:-0}" = 1 ]; then
	generate "$tmp/huge.xml" 1000
	runs=1
	streamrow "validate --stream, 1 GB" "$(measure nice -n 10 "$cli" validate "$tmp/huge.xml")" \
		"$(measure nice -n 10 "$xmllint" --noout --stream --schema "$xsd" "$tmp/huge.xml")" "$base"
	rm -f "$tmp/huge.xml"
else
	echo "validate --stream, 1 GB: not run (BENCH_HUGE=1 runs it)"
fi
exit $missed
