## Exports beyond XML (JSON, JSON Lines). Appends to Makefile.am's variables.

unionplaninclude_HEADERS += include/unionplan/export.h

UPL_CORE_SOURCES += \
	libunionplan/export-json.c libunionplan/json-private.h \
	libunionplan/json-read.c libunionplan/json-model.c

if HAVE_CHECK
check_PROGRAMS += tests/check_export
tests_check_export_SOURCES = tests/check_export.c
tests_check_export_CFLAGS = $(UPL_TEST_CFLAGS)
tests_check_export_LDADD = $(UPL_TEST_PUBLIC_LIBS)
endif

# The JSON Schema of the JSON form (doc/json.md), installed beside the XSD.
dist_pkgdata_DATA += libunionplan/schema/unionplan-1.schema.json
