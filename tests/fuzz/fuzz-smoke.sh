#!/bin/sh
# fuzz-smoke.sh --probe
#   exit 0 when clang can build a libFuzzer program with ASan and UBSan.
# fuzz-smoke.sh CORPUS NAME...
#   run tests/fuzz/bin/fuzz_NAME for $FUZZ_TIME seconds (60 by default) each,
#   one after the other under nice, on a working copy of CORPUS/NAME (new
#   inputs go to tests/fuzz/work/NAME, never into the committed corpus);
#   print libFuzzer's last status line per target and fail on any crash.
set -u
if [ "${1:-}" = --probe ]; then
	command -v clang >/dev/null 2>&1 || exit 1
	dir=$(mktemp -d) || exit 1
	printf '%s\n' '#include <stddef.h>' '#include <stdint.h>' \
		'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }' \
		>"$dir/probe.c"
	clang -fsanitize=fuzzer,address,undefined "$dir/probe.c" -o "$dir/probe" >/dev/null 2>&1
	st=$?
	rm -rf "$dir"
	exit $st
fi
corpus=$1
shift
time=${FUZZ_TIME:-60}
st=0
for name in "$@"; do
	seeds=$corpus/$(echo "$name" | tr _ -)
	work=tests/fuzz/work/$name
	mkdir -p "$work"
	log=tests/fuzz/work/$name.log
	echo "== fuzz_$name for ${time}s ($seeds)"
	# -rss_limit_mb: the targets must stay well within it
	nice -n 10 tests/fuzz/bin/fuzz_"$name" -max_total_time="$time" -rss_limit_mb=1024 \
		-timeout=10 -print_final_stats=1 -artifact_prefix="tests/fuzz/work/$name-" \
		"$work" "$seeds" >"$log" 2>&1
	rc=$?
	grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE)' "$log" | tail -n 1
	grep -E '^stat::number_of_executed_units' "$log"
	if [ $rc -ne 0 ]; then
		echo "fuzz_$name: FAILED (exit $rc); see $log"
		grep -E 'ERROR|SUMMARY|artifact' "$log" | head -n 5
		st=1
	fi
done
exit $st
