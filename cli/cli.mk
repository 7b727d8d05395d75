## The unionplan command. Appends to Makefile.am's variables.
## Subcommands live in cli/cmd-*.c and are listed in cli/commands.h.
bin_PROGRAMS = cli/unionplan
cli_unionplan_SOURCES = cli/main.c cli/cli.h cli/commands.h cli/cmd-validate.c \
	cli/cmd-import.c cli/cmd-export.c cli/cmd-calendar.c cli/json.c cli/json.h \
	cli/jobs.c cli/jobs.h
cli_unionplan_CFLAGS = $(AM_CFLAGS)
cli_unionplan_LDADD = libunionplan/libunionplan.la

# unionplan export: the command's rules, and its JSON read by Python's json
# and checked by python3-jsonschema against the schema file.
dist_check_SCRIPTS += tests/cli-export.sh tests/check-json-schema.sh tests/cli-export-text.sh
TESTS += tests/cli-export.sh tests/check-json-schema.sh tests/cli-export-text.sh
EXTRA_DIST += tests/check-json-export.py

# unionplan validate --jobs=N: the same output as one file at a time.
dist_check_SCRIPTS += tests/cli-jobs.sh
TESTS += tests/cli-jobs.sh

# unionplan validate --stream: the same diagnostics as the whole-document
# path, over the corpus and generated plans of many chunks.
dist_check_SCRIPTS += tests/cli-stream.sh
TESTS += tests/cli-stream.sh

# What -o does with links, FIFOs, /dev/stdout, directories, modes, owners,
# long names and full disks; the full disk through an LD_PRELOAD shim.
dist_check_SCRIPTS += tests/cli-output.sh
TESTS += tests/cli-output.sh
check_LTLIBRARIES += tests/shim-enospc.la
tests_shim_enospc_la_SOURCES = tests/shim-enospc.c
tests_shim_enospc_la_LDFLAGS = -module -avoid-version -shared -rpath $(abs_builddir)/tests

# Every size limit includes its bound (inputs made at test time).
dist_check_SCRIPTS += tests/cli-limits-inclusive.sh
TESTS += tests/cli-limits-inclusive.sh
