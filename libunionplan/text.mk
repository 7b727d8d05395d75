## The text module (include/unionplan/text.h). Appends to Makefile.am's variables.
