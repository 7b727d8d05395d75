## The importer (include/unionplan/import.h). Appends to Makefile.am's variables.

unionplaninclude_HEADERS += include/unionplan/import.h

UPL_CORE_SOURCES += \
	libunionplan/import-private.h libunionplan/import-lines.c \
	libunionplan/import-head.c libunionplan/import.c

if HAVE_CHECK
check_PROGRAMS += tests/check_import_lines
tests_check_import_lines_SOURCES = tests/check_import_lines.c
tests_check_import_lines_CFLAGS = $(UPL_TEST_CFLAGS)
tests_check_import_lines_LDADD = $(UPL_TEST_CORE_LIBS)
endif

if HAVE_CHECK
check_PROGRAMS += tests/check_import
tests_check_import_SOURCES = tests/check_import.c
tests_check_import_CFLAGS = $(UPL_TEST_CFLAGS)
tests_check_import_LDADD = $(UPL_TEST_PUBLIC_LIBS)
endif

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
