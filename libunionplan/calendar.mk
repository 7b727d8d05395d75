## The calendar module (include/unionplan/calendar.h). Appends to Makefile.am's variables.
