## The importer (include/unionplan/import.h). Appends to Makefile.am's variables.

unionplaninclude_HEADERS += include/unionplan/import.h

UPL_CORE_SOURCES += \
	libunionplan/import-private.h libunionplan/import-lines.c \
	libunionplan/import-runon.c libunionplan/import-head.c \
	libunionplan/import-classify.c libunionplan/import-build.c \
	libunionplan/import.c libunionplan/import-shapes.c \
	libunionplan/office-private.h libunionplan/office.c libunionplan/office-zip.c \
	libunionplan/office-xml.c libunionplan/office-num.c libunionplan/office-table.c \
	libunionplan/office-docx.c libunionplan/office-odt.c

if HAVE_CHECK
check_PROGRAMS += tests/check_import_lines
tests_check_import_lines_SOURCES = tests/check_import_lines.c
tests_check_import_lines_CFLAGS = $(UPL_TEST_CFLAGS)
tests_check_import_lines_LDADD = $(UPL_TEST_CORE_LIBS)
endif

if HAVE_CHECK
check_PROGRAMS += tests/check_import
tests_check_import_SOURCES = tests/check_import.c tests/import-summary.h
tests_check_import_CFLAGS = $(UPL_TEST_CFLAGS)
tests_check_import_LDADD = $(UPL_TEST_PUBLIC_LIBS)
endif

# The import speed and its growth with the input, run by make bench.
UPL_BENCH_SH += tests/bench/bench-import.sh
EXTRA_DIST += tests/bench/bench-import.sh

# The importer's golden corpus (tests/data/import/README): check_import
# compares each NAME.txt's import with NAME.expected.xml and
# NAME.expected-notes; `make import-golden` rewrites those from the current
# importer, for a deliberate change, whose diff must then be reviewed.
import-golden: tests/check_import$(EXEEXT)
	UPL_GOLDEN_UPDATE=1 CK_RUN_CASE=golden top_srcdir=$(srcdir) tests/check_import$(EXEEXT)
	@echo "WARNING: the expected files now say whatever the importer does today."
	@echo "WARNING: review every change (git diff $(srcdir)/tests/data/import) before committing it."
.PHONY: import-golden

# doc/examples/seed-*.xml are the seeds as the importer reads them;
# tests/check-import-examples.sh imports the seeds again and compares, so
# the examples never rot (tools/import-examples.sh regenerates them).
UPL_IMPORT_EXAMPLES = \
	doc/examples/seed-000.xml doc/examples/seed-001.xml doc/examples/seed-002.xml \
	doc/examples/seed-003.xml doc/examples/seed-004.xml
EXTRA_DIST += $(UPL_IMPORT_EXAMPLES) \
	doc/examples/seed-000.expected doc/examples/seed-001.expected \
	doc/examples/seed-003.expected doc/examples/seed-004.expected
dist_noinst_SCRIPTS += tools/import-examples.sh
dist_check_SCRIPTS += tests/check-import-examples.sh
TESTS += tests/check-import-examples.sh
dist_check_SCRIPTS += tests/cli-import.sh
TESTS += tests/cli-import.sh

# The importer's fuzz target, replayed over the corpus by make check (every
# file under tests/data and doc/examples, whatever its format, is text to
# import); `make fuzz` also builds the libFuzzer binary tests/fuzz/fuzz_import.
check_PROGRAMS += tests/fuzz/replay-import
tests_fuzz_replay_import_SOURCES = tests/fuzz/replay.c tests/fuzz/fuzz_import.c
tests_fuzz_replay_import_LDADD = libunionplan/libupl-core.la
fuzz: fuzz-import
fuzz-import: tests/fuzz/fuzz_import.c
	$(MKDIR_P) tests/fuzz
	$(LIBTOOL) --tag=CC --mode=link clang -g -O1 -fsanitize=fuzzer,address,undefined \
		$(AM_CPPFLAGS) -I$(top_builddir) $(srcdir)/tests/fuzz/fuzz_import.c \
		$(addprefix $(srcdir)/,$(filter %.c,$(UPL_CORE_SOURCES))) $(UPL_GENERATED_SOURCES) $(LIBXML2_CFLAGS) $(ICU_CFLAGS) \
		$(LIBXML2_LIBS) $(ICU_LIBS) -lpthread -o tests/fuzz/fuzz_import
	@echo "run: tests/fuzz/fuzz_import -max_total_time=60 $(srcdir)/tests/data/seeds $(srcdir)/tests/data/import"
.PHONY: fuzz-import
CLEANFILES += tests/fuzz/fuzz_import

# The importer on the layout the text export writes (a centred title,
# indented paragraphs, remarks in brackets).
if HAVE_CHECK
check_PROGRAMS += tests/check_import_form
tests_check_import_form_SOURCES = tests/check_import_form.c
tests_check_import_form_CFLAGS = $(UPL_TEST_CFLAGS)
tests_check_import_form_LDADD = $(UPL_TEST_PUBLIC_LIBS)
endif

# Word and OpenDocument import (doc/docx.md): the fixtures of
# tests/data/office are parts kept as text, zipped at test time
# (tests/office-pack.py; tools/gen-office-fixtures.py made them from the
# seed examples); tests/office-hostile.py makes the refused containers.
dist_check_SCRIPTS += tests/check-office-import.sh
TESTS += tests/check-office-import.sh
EXTRA_DIST += tests/office-pack.py tests/office-compare.py tests/office-hostile.py
dist_noinst_SCRIPTS += tools/gen-office-fixtures.py
# The container reader's fuzz target: replayed over the corpus by make
# check and over the packed fixtures and hostile files by
# tests/check-office-import.sh; `make fuzz` builds tests/fuzz/fuzz_office.
check_PROGRAMS += tests/fuzz/replay-office
tests_fuzz_replay_office_SOURCES = tests/fuzz/replay.c tests/fuzz/fuzz_office.c
tests_fuzz_replay_office_LDADD = libunionplan/libupl-core.la
fuzz: fuzz-office
fuzz-office: tests/fuzz/fuzz_office.c
	$(MKDIR_P) tests/fuzz
	$(LIBTOOL) --tag=CC --mode=link clang -g -O1 -fsanitize=fuzzer,address,undefined \
		$(AM_CPPFLAGS) -I$(top_builddir) $(srcdir)/tests/fuzz/fuzz_office.c \
		$(addprefix $(srcdir)/,$(filter %.c,$(UPL_CORE_SOURCES))) $(UPL_GENERATED_SOURCES) $(LIBXML2_CFLAGS) $(ICU_CFLAGS) \
		$(LIBZIP_CFLAGS) $(LIBXML2_LIBS) $(ICU_LIBS) $(LIBZIP_LIBS) -lpthread -o tests/fuzz/fuzz_office
	@echo "run: tests/fuzz/fuzz_office -max_total_time=60 DIR-OF-DOCX-FILES"
.PHONY: fuzz-office
CLEANFILES += tests/fuzz/fuzz_office
if HAVE_CHECK
check_PROGRAMS += tests/check_office
tests_check_office_SOURCES = tests/check_office.c
tests_check_office_CFLAGS = $(UPL_TEST_CFLAGS) $(LIBXML2_CFLAGS) $(LIBZIP_CFLAGS)
tests_check_office_LDADD = $(UPL_TEST_CORE_LIBS) $(LIBZIP_LIBS)
endif
