## Documentation: Doxygen, man pages, examples. Appends to Makefile.am's variables.
