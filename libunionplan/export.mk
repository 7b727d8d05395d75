## Exports beyond XML (JSON, JSON Lines, text). Appends to Makefile.am's variables.

unionplaninclude_HEADERS += include/unionplan/export.h

UPL_CORE_SOURCES += \
	libunionplan/export-json.c libunionplan/export-private.h libunionplan/json-private.h \
	libunionplan/json-read.c libunionplan/json-model.c
UPL_CORE_SOURCES += libunionplan/export-text.c
UPL_CORE_SOURCES += libunionplan/export-ics.c
UPL_CORE_SOURCES += libunionplan/export-html.c
UPL_CORE_SOURCES += libunionplan/export-docx.c

if HAVE_CHECK
check_PROGRAMS += tests/check_export
tests_check_export_SOURCES = tests/check_export.c
tests_check_export_CFLAGS = $(UPL_TEST_CFLAGS)
tests_check_export_LDADD = $(UPL_TEST_PUBLIC_LIBS)
check_PROGRAMS += tests/check_export_text
tests_check_export_text_SOURCES = tests/check_export_text.c
tests_check_export_text_CFLAGS = $(UPL_TEST_CFLAGS)
tests_check_export_text_LDADD = $(UPL_TEST_PUBLIC_LIBS)
endif

# iCalendar (libunionplan/export-ics.c): its unit tests, and the examples
# read back by python3-icalendar.
if HAVE_CHECK
check_PROGRAMS += tests/check_export_ics
tests_check_export_ics_SOURCES = tests/check_export_ics.c
tests_check_export_ics_CFLAGS = $(UPL_TEST_CFLAGS)
tests_check_export_ics_LDADD = $(UPL_TEST_PUBLIC_LIBS)
endif

# HTML (libunionplan/export-html.c): its unit tests.
if HAVE_CHECK
check_PROGRAMS += tests/check_export_html
tests_check_export_html_SOURCES = tests/check_export_html.c
tests_check_export_html_CFLAGS = $(UPL_TEST_CFLAGS)
tests_check_export_html_LDADD = $(UPL_TEST_PUBLIC_LIBS)
endif

# The JSON Schema of the JSON form (doc/json.md), installed beside the XSD.
dist_pkgdata_DATA += libunionplan/schema/unionplan-1.schema.json

# The JSON reader's fuzz target, replayed over the corpus by make check
# (JSON is read; XML documents go to JSON and back); `make fuzz` also builds
# the libFuzzer binary tests/fuzz/fuzz_json_parse.
check_PROGRAMS += tests/fuzz/replay-json-parse
tests_fuzz_replay_json_parse_SOURCES = tests/fuzz/replay.c tests/fuzz/fuzz_json_parse.c
tests_fuzz_replay_json_parse_LDADD = libunionplan/libupl-core.la
fuzz: fuzz-json-parse
fuzz-json-parse: tests/fuzz/fuzz_json_parse.c
	$(MKDIR_P) tests/fuzz
	$(LIBTOOL) --tag=CC --mode=link clang -g -O1 -fsanitize=fuzzer,address,undefined \
		$(AM_CPPFLAGS) -I$(top_builddir) $(srcdir)/tests/fuzz/fuzz_json_parse.c \
		$(addprefix $(srcdir)/,$(filter %.c,$(UPL_CORE_SOURCES))) $(UPL_GENERATED_SOURCES) $(LIBXML2_CFLAGS) $(ICU_CFLAGS) \
		$(LIBXML2_LIBS) $(ICU_LIBS) -lpthread -o tests/fuzz/fuzz_json_parse
	@echo "run: tests/fuzz/fuzz_json_parse -max_total_time=60 $(srcdir)/tests/data/export"
.PHONY: fuzz-json-parse
CLEANFILES += tests/fuzz/fuzz_json_parse

# iCalendar from the command line, and read back by python3-icalendar.
dist_check_SCRIPTS += tests/cli-export-ics.sh tests/check-ics.sh
TESTS += tests/cli-export-ics.sh tests/check-ics.sh
EXTRA_DIST += tests/check-ics.py doc/ics.md

# HTML from the command line, read back by Python's html.parser, and the
# pages of seeds 000 and 004 rendered by headless Chromium.
dist_check_SCRIPTS += tests/cli-export-html.sh tests/check-html.sh tests/check-html-render.sh
TESTS += tests/cli-export-html.sh tests/check-html.sh tests/check-html-render.sh
EXTRA_DIST += tests/check-html.py tests/check-html-render.py tests/tapcheck.py doc/html.md
# Word (libunionplan/export-docx.c): every example read back by
# python3-docx and imported again; converted to PDF and PNG by LibreOffice
# and poppler when they are installed (skipped otherwise: bootstrap.sh does
# not install LibreOffice, too big for CI).
dist_check_SCRIPTS += tests/check-docx.sh tests/check-docx-pdf.sh
TESTS += tests/check-docx.sh tests/check-docx-pdf.sh
EXTRA_DIST += tests/check-docx.py
