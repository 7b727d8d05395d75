#!/bin/sh
# Import speed: `unionplan import` on seed-like plain text of 2.5, 10 and
# 40 MB (every seed of tests/data/seeds in turn, each a plan of its own, as
# a compilation holds them), in a temporary directory that is removed.
# Prints, per size, the median of three runs: wall-clock and CPU seconds,
# MB/s (1 MB = 10^6 bytes) and peak memory, then whether the time grows
# linearly with the input (seconds per MB at the largest size within 1.5x
# of those at 2.5 MB). Exits 1 when an import runs under 20 MB/s or the growth is not
# linear. The figure includes what the command does after the import:
# writing the XML and checking it against the schema, which a second line
# per size measures on its own (`validate --schema-only` of the output).
set -eu
. "${top_srcdir:-.}/tests/bench/bench-lib.sh"
timer=/usr/bin/time
[ -x "$timer" ] || { echo "bench-import: /usr/bin/time not found"; exit 77; }
target=20     # MB/s
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# one round: every seed, each followed by a blank line
for s in "$top_srcdir"/tests/data/seeds/*.txt; do
	cat "$s"
	printf '\n\n'
done > "$tmp/round.txt"
round=$(wc -c < "$tmp/round.txt")

# make NAME BYTES: whole rounds up to at least BYTES (doubling, then the rest)
make_text() {
	rounds=$(( ($2 + round - 1) / round ))
	cp "$tmp/round.txt" "$tmp/$1.txt"
	have=1
	while [ $((have * 2)) -le "$rounds" ]; do
		cat "$tmp/$1.txt" "$tmp/$1.txt" > "$tmp/$1.tmp" && mv "$tmp/$1.tmp" "$tmp/$1.txt"
		have=$((have * 2))
	done
	while [ "$have" -lt "$rounds" ]; do
		cat "$tmp/round.txt" >> "$tmp/$1.txt"
		have=$((have + 1))
	done
}

# run3 COMMAND...: three runs; prints the median run's "wall user sys maxrss_kb"
run3() {
	k=0
	while [ $k -lt 3 ]; do
		"$timer" -f "%e %U %S %M" -o "$tmp/time.$k" "$@" > "$tmp/run.out" 2> /dev/null ||
			{ echo "bench-import: '$*' failed" >&2; return 1; }
		k=$((k + 1))
	done
	cat "$tmp/time.0" "$tmp/time.1" "$tmp/time.2" | sort -n | sed -n 2p
}

# 40 MB is over the importer's default limit (16 MiB): it runs when the
# command has a --max-size option to raise it, and is skipped otherwise
sizes="2.5:2500000 10:10000000"
big=""
if "$cli" import --help 2>/dev/null | grep -q -- '--max-size'; then
	sizes="$sizes 40:40000000"
	big="--max-size=64M"
else
	echo "(40 MB skipped: over the import limit of 16 MiB, and import has no --max-size)"
fi

st=0
first=""
for spec in $sizes; do
	name=${spec%%:*}
	make_text "$name" "${spec#*:}"
	bytes=$(wc -c < "$tmp/$name.txt")
	"$cli" import -q $big -o "$tmp/$name.xml" "$tmp/$name.txt" ||
		{ echo "import of $name MB failed"; exit 1; }
	m=$(run3 "$cli" import -q $big "$tmp/$name.txt") || exit 1
	c=$(run3 "$cli" validate --schema-only "$tmp/$name.xml") || exit 1
	line=$(echo "$bytes $m $c" | awk -v t=$target '{
		mb = $1 / 1e6; w = $2 > 0 ? $2 : 0.005; cpu = $3 + $4; cpu = cpu > 0 ? cpu : 0.005
		printf "%6.1f MB  import %6.2f s wall %6.2f s cpu  %6.1f MB/s (%6.1f MB/s of cpu)  peak %5.0f MiB%s\n",
		    mb, $2, $3 + $4, mb / w, mb / cpu, $5 / 1024, mb / w < t ? "  UNDER TARGET" : ""
		printf "%6s     of which checking the output (validate --schema-only) alone: %.2f s wall, %.2f s cpu\n",
		    "", $6, $7 + $8 }')
	echo "$line"
	case $line in *"UNDER TARGET"*) st=1 ;; esac
	per=$(echo "$bytes $m" | awk '{ w = $2 > 0 ? $2 : 0.005; printf "%.6f", w / ($1 / 1e6) }')
	[ -n "$first" ] || first=$per
	last=$per
	rm -f "$tmp/$name.xml"
done
growth=$(awk -v a="$first" -v b="$last" 'BEGIN { printf "%.2f", b / a }')
if awk -v g="$growth" 'BEGIN { exit !(g <= 1.5) }'; then
	echo "linear: seconds per MB at $name MB are ${growth}x those at 2.5 MB (limit 1.5x)"
else
	echo "NOT LINEAR: seconds per MB at $name MB are ${growth}x those at 2.5 MB (limit 1.5x)"
	st=1
fi
[ $st -eq 0 ] && echo "import: target of $target MB/s met" || echo "import: target of $target MB/s missed"
exit $st
