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
