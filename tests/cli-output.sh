#!/bin/sh
# What -o OUT does with what is already at OUT (unionplan format, which
# every command's -o shares): a symbolic link is followed and its target
# replaced, the link kept; a FIFO and /dev/stdout are written as they are;
# a directory is refused; the old file's mode (and, as root, its owner)
# stay; a 255-byte name works; a full disk, a failing fsync or rename exit
# 3 with the old file intact and no temporary file left (through the
# LD_PRELOAD shim tests/shim-enospc.c). Only files the test makes.
set -u
. "${top_srcdir:-.}/tests/cli-lib.sh"
plan="$top_srcdir/doc/examples/seed-002.xml"
"$cli" format "$plan" >"$tmp/canon.xml" || { echo "FAIL - format $plan"; exit 1; }
d="$tmp/d"
mkdir "$d"
# only_files DIR N DESCRIPTION: DIR holds N entries (no temporary file)
only_files() {
	n=$(ls -A "$1" | wc -l)
	if [ "$n" -eq "$2" ]; then ok "$3"; else bad "$3 ($n entries)"; ls -A "$1" | sed 's/^/  # /'; fi
}
is_canon() { if cmp -s "$tmp/canon.xml" "$1"; then ok "$2"; else bad "$2"; fi; }

# a symbolic link to a file: the target replaced, the link kept
echo old >"$d/target.xml"
chmod 0640 "$d/target.xml"
ln -s target.xml "$d/link.xml"
expect 0 "format -o LINK" "$cli" format -o "$d/link.xml" "$plan"
if [ -L "$d/link.xml" ] && [ "$(readlink "$d/link.xml")" = target.xml ]; then ok "the link stays"; else bad "the link stays"; fi
is_canon "$d/target.xml" "the link's target holds the output"
case $(stat -c %a "$d/target.xml") in 640) ok "mode 0640 kept" ;; *) bad "mode 0640 kept ($(stat -c %a "$d/target.xml"))" ;; esac
# a dangling link: its target is created
ln -s made.xml "$d/dangling.xml"
expect 0 "format -o DANGLING" "$cli" format -o "$d/dangling.xml" "$plan"
if [ -L "$d/dangling.xml" ]; then ok "the dangling link stays"; else bad "the dangling link stays"; fi
is_canon "$d/made.xml" "the dangling link's target is written"
only_files "$d" 4 "links: no temporary file left"

# a FIFO with a reader: written as it is, still a FIFO
mkfifo "$d/fifo"
timeout 20 cat "$d/fifo" >"$tmp/from-fifo" &  # bounded: a refusal leaves it waiting
reader=$!
expect 0 "format -o FIFO" "$cli" format -o "$d/fifo" "$plan"
wait "$reader"
if [ -p "$d/fifo" ]; then ok "the FIFO stays"; else bad "the FIFO stays"; fi
is_canon "$tmp/from-fifo" "the reader got the output"
rm -f "$d/fifo"

# /dev/stdout: the descriptor itself (a file opened for appending is appended to)
echo "first line" >"$tmp/appended"
"$cli" format -o /dev/stdout "$plan" >>"$tmp/appended" 2>"$tmp/err"
st=$?
if [ "$st" -eq 0 ] && [ "$(head -n 1 "$tmp/appended")" = "first line" ] &&
   tail -n +2 "$tmp/appended" | cmp -s - "$tmp/canon.xml"; then ok "-o /dev/stdout appends to >>"; else bad "-o /dev/stdout appends to >> (exit $st)"; fi

# a directory: refused, untouched
mkdir "$d/sub"
expect 3 "format -o DIR" "$cli" format -o "$d/sub" "$plan"
contains "$tmp/err" "sub: is a directory" "the directory is named"
if [ -d "$d/sub" ] && [ -z "$(ls -A "$d/sub")" ]; then ok "the directory is untouched"; else bad "the directory is untouched"; fi
rmdir "$d/sub"

# a name of 255 bytes
long=$(printf '%0255d' 0)
expect 0 "format -o NAME255" "$cli" format -o "$d/$long" "$plan"
is_canon "$d/$long" "the 255-byte name holds the output"
expect 0 "format -o NAME255 again" "$cli" format -o "$d/$long" "$plan"
rm -f "$d/$long"
only_files "$d" 4 "long name: no temporary file left"

# a read-only directory: fails cleanly (root writes anyway: skipped)
if [ "$(id -u)" -ne 0 ]; then
	mkdir "$d/ro"
	echo old >"$d/ro/keep.xml"
	chmod 0555 "$d/ro"
	expect 3 "format -o in a read-only directory" "$cli" format -o "$d/ro/keep.xml" "$plan"
	contains "$tmp/err" "cannot create a temporary file beside it: Permission denied" "says why"
	if [ "$(cat "$d/ro/keep.xml")" = old ]; then ok "the old file is intact"; else bad "the old file is intact"; fi
	only_files "$d/ro" 1 "read-only directory: nothing left"
	chmod 0755 "$d/ro"
	rm -rf "$d/ro"
else
	echo "ok - read-only directory # SKIP as root"
fi

# as root: the owner and group stay (a nobody uid); skipped otherwise
if [ "$(id -u)" -eq 0 ]; then
	echo old >"$d/owned.xml"
	chown 65534:65534 "$d/owned.xml"
	expect 0 "format -o a file of another owner" "$cli" format -o "$d/owned.xml" "$plan"
	case $(stat -c %u:%g "$d/owned.xml") in 65534:65534) ok "owner and group kept" ;; *) bad "owner and group kept ($(stat -c %u:%g "$d/owned.xml"))" ;; esac
	rm -f "$d/owned.xml"
else
	echo "ok - owner and group # SKIP not root"
fi

# a full disk, a failing fsync, a failing rename (the shim)
shim="$top_builddir/tests/.libs/shim-enospc.so"
if [ -f "$shim" ]; then
	# in a sanitizer build the shim comes before ASan's runtime: allowed
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
	export ASAN_OPTIONS
	echo old >"$d/keep.xml"
	expect 3 "format -o on a full disk" env LD_PRELOAD="$shim" UPL_SHIM_ENOSPC_AFTER=100 "$cli" format -o "$d/keep.xml" "$plan"
	same "$tmp/err" "unionplan: $d/keep.xml: write failed: No space left on device" "the full disk is said"
	if [ "$(cat "$d/keep.xml")" = old ]; then ok "full disk: the old file is intact"; else bad "full disk: the old file is intact"; fi
	only_files "$d" 5 "full disk: no temporary file left"
	expect 3 "format -o with a failing fsync" env LD_PRELOAD="$shim" UPL_SHIM_FAIL=fsync "$cli" format -o "$d/keep.xml" "$plan"
	contains "$tmp/err" "keep.xml: write failed: Input/output error" "the fsync error is said"
	only_files "$d" 5 "fsync: no temporary file left"
	expect 3 "format -o with a failing rename" env LD_PRELOAD="$shim" UPL_SHIM_FAIL=rename "$cli" format -o "$d/keep.xml" "$plan"
	contains "$tmp/err" "keep.xml: cannot replace: Invalid cross-device link" "the rename error is said"
	only_files "$d" 5 "rename: no temporary file left"
	if [ "$(cat "$d/keep.xml")" = old ]; then ok "the old file is intact after all"; else bad "the old file is intact after all"; fi
	# the shim does fail without the writer's care: a plain redirection
	if env LD_PRELOAD="$shim" UPL_SHIM_ENOSPC_AFTER=100 dd if="$plan" of="$tmp/plain" bs=4096 2>/dev/null; then bad "the shim fills the disk"; else ok "the shim fills the disk"; fi
else
	echo "FAIL - no $shim"
	fails=$((fails + 1))
fi
finish
