#!/bin/sh
# embed.sh INPUT SYMBOL OUTPUT: write a C file defining
#   const unsigned char SYMBOL[] (the bytes of INPUT plus a NUL) and
#   const size_t SYMBOL_len (the byte count without the NUL).
# Uses only od and sed so it runs on any POSIX system.
set -eu
in=$1 sym=$2 out=$3
tmp="$out.tmp.$$"
trap 'rm -f "$tmp"' EXIT
{
	printf '/* Generated from %s by tools/embed.sh. Do not edit. */\n' "$(basename "$in")"
	printf '#include <stddef.h>\n'
	printf 'extern const unsigned char %s[];\nextern const size_t %s_len;\n' "$sym" "$sym"
	printf 'const unsigned char %s[] = {\n' "$sym"
	od -An -v -tx1 "$in" | sed -e 's/[[:space:]]*$//' -e '/^$/d' \
		-e 's/[[:space:]]*\([0-9a-f][0-9a-f]\)/0x\1,/g' -e 's/^/\t/'
	printf '\t0x00\n};\n'
	printf 'const size_t %s_len = %s;\n' "$sym" "$(wc -c < "$in" | tr -d ' ')"
} > "$tmp"
mv "$tmp" "$out"
trap - EXIT
