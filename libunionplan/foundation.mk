## The plan model, XML parse/write and validation. Appends to Makefile.am's variables.
