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

# Option by option, both ways: the same short alias with the same long
# option, and an argument in both or in neither ("--long[=] [-x]" per option).
# help_forms < HELP, man_forms < MAN-BLOCK
help_forms() {
	sed -n 's/^  \{1,\}\(-[A-Za-z], \)\{0,1\}\(--[a-z][a-z-]*\)\(\[\{0,1\}=\)\{0,1\}.*/\2\3 \1/p' |
		sed 's/\[=/=/; s/, *$//; s/ *$//' | sort -u
}
man_forms() {
	awk 'prev == ".TP" && /^\.B/ { print } { prev = $0 }' |
		sed 's/\\-/-/g; s/\\f[IRBP]//g; s/"//g; s/^\.B[IR]* //' |
		awk '{ short = ""; for (i = 1; i <= NF; i++) {
			t = $i; sub(/,$/, "", t)
			if (t ~ /^-[A-Za-z]$/) short = t
			else if (t ~ /^--[a-z]/) { arg = (t ~ /=/) ? "=" : ""; sub(/=.*/, "", t)
				if (!(t arg in f) || short != "") f[t arg] = short; short = "" } } }
		END { for (o in f) print o (f[o] != "" ? " " f[o] : "") }' | sort -u
}
"$cli" --help | help_forms > "$tmp/forms-help-top"
sed -n '/^\.SH OPTIONS/,/^\.SH/p' "$man" | man_forms > "$tmp/forms-man-top"
if cmp -s "$tmp/forms-help-top" "$tmp/forms-man-top"; then ok "unionplan's own options: the man page and --help agree"
else bad "unionplan's own options differ (< --help, > man): $(diff "$tmp/forms-help-top" "$tmp/forms-man-top" | grep '^[<>]' | tr '\n' ' ')"; fi
for c in $commands; do
	"$cli" "$c" --help | help_forms | grep -v -x -e '--help -h' > "$tmp/forms-help-$c"
	man_forms < "$tmp/man-$c" > "$tmp/forms-man-$c"
	if cmp -s "$tmp/forms-help-$c" "$tmp/forms-man-$c"; then ok "$c: every option has the same alias and argument in the man page and --help"
	else bad "$c: options differ (< --help, > man): $(diff "$tmp/forms-help-$c" "$tmp/forms-man-$c" | grep '^[<>]' | tr '\n' ' ')"; fi
done
# (an option described twice, as export's --to=ics, counts once, with its alias)
# and the commands, both ways
sed -n '/^\.SH COMMANDS/,/^\.SH/p' "$man" | awk 'prev == ".TP" && $1 == ".B" && $2 ~ /^[a-z]/ { print $2 } { prev = $0 }' | sort -u > "$tmp/man-commands"
printf '%s\n' $commands | sort -u > "$tmp/help-commands"
cmp -s "$tmp/help-commands" "$tmp/man-commands" && ok "the man page describes the commands --help lists, and no other" ||
	bad "commands differ (< --help, > man): $(diff "$tmp/help-commands" "$tmp/man-commands" | grep '^[<>]' | tr '\n' ' ')"

finish
