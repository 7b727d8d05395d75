## The calendar module (include/unionplan/calendar.h). Appends to Makefile.am's variables.

unionplaninclude_HEADERS += include/unionplan/calendar.h

UPL_CORE_SOURCES += \
	libunionplan/lunar-private.h libunionplan/lunar.c libunionplan/lunar-icu.c \
	libunionplan/lunar-table.c
UPL_CORE_SOURCES += \
	libunionplan/solarterm-private.h libunionplan/solarterm.c \
	libunionplan/holidays-private.h libunionplan/holidays.c \
	libunionplan/calendar-private.h libunionplan/calendar.c
UPL_CORE_LIBS += -lm

# The statutory holiday data: installed, and embedded in the library.
dist_pkgdata_DATA += libunionplan/data/holidays-cn.txt
UPL_GENERATED_SOURCES += libunionplan/holidays-embed.c
BUILT_SOURCES += libunionplan/holidays-embed.c
CLEANFILES += libunionplan/holidays-embed.c
libunionplan/holidays-embed.c: $(srcdir)/libunionplan/data/holidays-cn.txt $(srcdir)/tools/embed.sh
	$(AM_V_GEN)$(MKDIR_P) libunionplan && \
	$(SHELL) $(srcdir)/tools/embed.sh $(srcdir)/libunionplan/data/holidays-cn.txt upl__holidays_txt $@

# Generators whose output is committed (Python 3, standard library).
EXTRA_DIST += tools/gen-lunar-table.py tools/gen-holidays.py

# --- tests ---------------------------------------------------------------
if HAVE_CHECK
check_PROGRAMS += tests/check_lunar
tests_check_lunar_SOURCES = tests/check_lunar.c
tests_check_lunar_CFLAGS = $(UPL_TEST_CFLAGS) $(ICU_CFLAGS)
tests_check_lunar_LDADD = $(UPL_TEST_CORE_LIBS)
endif

if HAVE_CHECK
check_PROGRAMS += tests/check_calendar
tests_check_calendar_SOURCES = tests/check_calendar.c
tests_check_calendar_CFLAGS = $(UPL_TEST_CFLAGS)
tests_check_calendar_LDADD = $(UPL_TEST_PUBLIC_LIBS)
endif

if HAVE_CHECK
check_PROGRAMS += tests/check_calendar_workday
tests_check_calendar_workday_SOURCES = tests/check_calendar_workday.c
tests_check_calendar_workday_CFLAGS = $(UPL_TEST_CFLAGS) -pthread
tests_check_calendar_workday_LDADD = $(UPL_TEST_PUBLIC_LIBS) -lpthread
endif

dist_check_SCRIPTS += tests/cli-calendar.sh
TESTS += tests/cli-calendar.sh

# make bench: the table against ICU, side by side.
EXTRA_PROGRAMS += tests/bench/bench-lunar
tests_bench_bench_lunar_SOURCES = tests/bench/bench-lunar.c
tests_bench_bench_lunar_CFLAGS = $(AM_CFLAGS) $(ICU_CFLAGS) -O2
tests_bench_bench_lunar_LDADD = libunionplan/libunionplan.la $(ICU_LIBS)
UPL_BENCH_BINS += tests/bench/bench-lunar
CLEANFILES += tests/bench/bench-lunar

EXTRA_DIST += doc/calendar.md

if HAVE_CHECK
check_PROGRAMS += tests/check_calendar_fault
tests_check_calendar_fault_SOURCES = tests/check_calendar_fault.c
tests_check_calendar_fault_CFLAGS = $(UPL_TEST_CFLAGS) -DUPL_FAULT_INJECTION=1
tests_check_calendar_fault_LDADD = libunionplan/libupl-fault.la $(CHECK_LIBS)
endif
