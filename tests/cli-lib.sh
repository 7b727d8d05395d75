# The harness of the command-line tests, sourced by tests/cli-*.sh:
#   . "${top_srcdir:-.}/tests/cli-lib.sh"
# It sets $cli (the built unionplan), $data (tests/data), $tmp (a scratch
# directory removed at exit) and the checks below; a script ends with
# `finish`, which prints the counts and exits 0 only when nothing failed.
: "${top_srcdir:=.}" "${top_builddir:=.}"
cli="$top_builddir/cli/unionplan"
data="$top_srcdir/tests/data"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passes=0
fails=0
ok() { printf 'ok - %s\n' "$1"; passes=$((passes + 1)); }
bad() { printf 'FAIL - %s\n' "$1"; fails=$((fails + 1)); }
# expect STATUS DESCRIPTION COMMAND...: run it, stdout in $tmp/out, stderr in $tmp/err
expect() {
	want=$1; what=$2; shift 2
	"$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	if [ "$got" -eq "$want" ]; then ok "$what"; else bad "$what (exit $got, want $want)"; sed 's/^/  # /' "$tmp/err" | head -5; fi
}
# contains FILE PATTERN DESCRIPTION / lacks FILE PATTERN DESCRIPTION (grep patterns)
contains() { if grep -q -- "$2" "$1"; then ok "$3"; else bad "$3 (no '$2' in $1)"; sed 's/^/  # /' "$1" | head -5; fi; }
lacks() { if grep -q -- "$2" "$1"; then bad "$3 ('$2' found)"; else ok "$3"; fi; }
# same FILE TEXT DESCRIPTION: FILE holds exactly TEXT and a final newline
same() { if printf '%s\n' "$2" | cmp -s - "$1"; then ok "$3"; else bad "$3"; printf '%s\n' "$2" | diff - "$1" | sed 's/^/  # /' | head -10; fi; }
# agree DESCRIPTION STATUS1 STATUS2: two runs gave the same exit status and
# the same output, byte for byte ($tmp/o1 and $tmp/e1 against $tmp/o2 and $tmp/e2)
agree() {
	if [ "$2" -eq "$3" ] && cmp -s "$tmp/o1" "$tmp/o2" && cmp -s "$tmp/e1" "$tmp/e2"; then
		ok "$1 (exit $2)"
	else
		bad "$1: exit $3, want $2"
		diff "$tmp/e1" "$tmp/e2" | head -6 | sed 's/^/  # /'
		diff "$tmp/o1" "$tmp/o2" | head -4 | sed 's/^/  # /'
	fi
}
finish() {
	echo "$passes passed, $fails failed"
	[ "$fails" -eq 0 ]
}
