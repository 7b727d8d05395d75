## The text module (include/unionplan/text.h). Appends to Makefile.am's variables.

unionplaninclude_HEADERS += include/unionplan/text.h

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
