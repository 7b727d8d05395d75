## The unionplan command. Appends to Makefile.am's variables.
