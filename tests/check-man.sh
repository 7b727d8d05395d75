#!/bin/sh
# Every option that `unionplan --help` and `unionplan COMMAND --help` list is
# described in the man page unionplan(1), under that command, and every
# option the man page describes for a command is one its --help lists.
set -u
. "${top_srcdir:-.}/tests/cli-lib.sh"
man="$top_srcdir/doc/man/unionplan.1"
commands=$("$cli" --help | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z]*\) .*/\1/p')
[ -n "$commands" ] && ok "the commands are listed by --help" || bad "no commands in --help"

# options DESCRIPTION-LINES: the long and short options at the start of option lines
options() {
	sed -n 's/^  \{1,\}\(-[A-Za-z], \)\{0,1\}\(--[a-z][a-z-]*\).*/\1\2/p' |
		tr ',' '\n' | sed 's/^ *//; /^$/d' | sort -u
}
# man_block CMD: the man page's description of CMD (from its .TP/.B CMD to the next command)
man_block() {
	awk -v cmd="$1" -v all="$commands" '
		BEGIN { n = split(all, c, "\n"); for (i = 1; i <= n; i++) iscmd[c[i]] = 1 }
		prev == ".TP" && $1 == ".B" && ($2 in iscmd) { inside = ($2 == cmd) }
		/^\.SH/ { inside = 0 }
		inside { print }
		{ prev = $0 }' "$man" | sed 's/\\-/-/g'
}

# the tool's own options (-h, -V) are described once, in OPTIONS
"$cli" --help | options > "$tmp/top"
sed 's/\\-/-/g' "$man" > "$tmp/man"
while read -r o; do
	grep -q -- "$o" "$tmp/man" && ok "unionplan $o is in the man page" || bad "unionplan $o is not in the man page"
done < "$tmp/top"

for c in $commands; do
	"$cli" "$c" --help | options | grep -v -x -e '-h' -e '--help' > "$tmp/help-$c"
	man_block "$c" > "$tmp/man-$c"
	[ -s "$tmp/man-$c" ] && ok "the man page describes $c" || bad "the man page has no entry for $c"
	while read -r o; do
		grep -q -- "\\(^\\|[^a-z-]\\)$o\\([^a-z-]\\|$\\)" "$tmp/man-$c" && ok "$c $o is in the man page" ||
			bad "$c $o is not described under $c in the man page"
	done < "$tmp/help-$c"
	# and the other way: a --long option the man page gives for c must exist
	awk 'prev == ".TP" && /^\.B/ { print } { prev = $0 }' "$tmp/man-$c" |
		grep -o -- '--[a-z][a-z-]*' | sort -u |
	while read -r o; do
		grep -q -x -- "$o" "$tmp/help-$c" || echo "$o"
	done > "$tmp/extra-$c"
	[ -s "$tmp/extra-$c" ] && bad "the man page gives $c options it does not have: $(tr '\n' ' ' < "$tmp/extra-$c")" ||
		ok "every option the man page gives $c exists"
done

finish
