## The text module (include/unionplan/text.h). Appends to Makefile.am's variables.

unionplaninclude_HEADERS += include/unionplan/text.h
EXTRA_DIST += doc/text.md

UPL_CORE_SOURCES += \
	libunionplan/text-private.h \
	libunionplan/text-util.c \
	libunionplan/text-encoding.c \
	libunionplan/text-script.c \
	libunionplan/text-numeral.c \
	libunionplan/text-label.c \
	libunionplan/text-phrase.c \
	libunionplan/text-collate.c \
	libunionplan/text-wrap.c

if HAVE_CHECK
check_PROGRAMS += tests/check_text_phrase
tests_check_text_phrase_SOURCES = tests/check_text_phrase.c
tests_check_text_phrase_CFLAGS = $(UPL_TEST_CFLAGS)
tests_check_text_phrase_LDADD = $(UPL_TEST_PUBLIC_LIBS)
endif

if HAVE_CHECK
check_PROGRAMS += tests/check_text_encoding
tests_check_text_encoding_SOURCES = tests/check_text_encoding.c
tests_check_text_encoding_CFLAGS = $(UPL_TEST_CFLAGS)
tests_check_text_encoding_LDADD = $(UPL_TEST_PUBLIC_LIBS)
endif

# Encoded copies of the seeds (tests/data/text/make-fixtures.sh made them).
EXTRA_DIST += \
	tests/data/text/make-fixtures.sh \
	tests/data/text/000.gb18030.txt \
	tests/data/text/002.gb18030.txt \
	tests/data/text/003.gb18030.txt \
	tests/data/text/004.gb18030.txt \
	tests/data/text/001.big5.txt \
	tests/data/text/001.big5hkscs.txt

if HAVE_CHECK
check_PROGRAMS += tests/check_text_numeral
tests_check_text_numeral_SOURCES = tests/check_text_numeral.c
tests_check_text_numeral_CFLAGS = $(UPL_TEST_CFLAGS)
tests_check_text_numeral_LDADD = $(UPL_TEST_PUBLIC_LIBS)
endif

if HAVE_CHECK
check_PROGRAMS += tests/check_text_script
tests_check_text_script_SOURCES = tests/check_text_script.c
tests_check_text_script_CFLAGS = $(UPL_TEST_CFLAGS) -pthread
tests_check_text_script_LDADD = $(UPL_TEST_PUBLIC_LIBS) -lpthread
endif

if HAVE_CHECK
check_PROGRAMS += tests/check_text_layout
tests_check_text_layout_SOURCES = tests/check_text_layout.c
tests_check_text_layout_CFLAGS = $(UPL_TEST_CFLAGS)
tests_check_text_layout_LDADD = $(UPL_TEST_PUBLIC_LIBS)
endif

# Every allocation of the text functions made to fail once.
if HAVE_CHECK
check_PROGRAMS += tests/check_text_fault
tests_check_text_fault_SOURCES = tests/check_text_fault.c
tests_check_text_fault_CFLAGS = $(UPL_TEST_CFLAGS) -DUPL_FAULT_INJECTION=1
tests_check_text_fault_LDADD = libunionplan/libupl-fault.la $(CHECK_LIBS)
endif
