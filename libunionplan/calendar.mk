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
