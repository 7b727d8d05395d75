# Sourced by the benchmark scripts: top_srcdir and top_builddir (default
# "."), and $cli, the unionplan program to time. In a build tree
# cli/unionplan is a libtool wrapper script; the real program is timed, not
# the shell that starts it.
: "${top_srcdir:=.}" "${top_builddir:=.}"
cli="$top_builddir/cli/unionplan"
if [ -x "$top_builddir/cli/.libs/unionplan" ]; then
	cli="$top_builddir/cli/.libs/unionplan"
	LD_LIBRARY_PATH="$top_builddir/libunionplan/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
	export LD_LIBRARY_PATH
fi
