## Documentation: Doxygen, man pages, guides, examples. Appends to Makefile.am's variables.

dist_man_MANS = doc/man/unionplan.1 doc/man/libunionplan.3
EXTRA_DIST += doc/Doxyfile.in doc/mainpage.md doc/getting-started.md doc/schema.md \
	doc/rules.md doc/errors-and-ownership.md doc/threads.md doc/cli.md doc/import.md \
	doc/python.md doc/examples/report.py doc/lua.md doc/examples/report.lua doc/json.md \
	doc/docx.md
EXTRA_DIST += doc/security.md

# unionplan(1) describes every option of every --help (tests/check-man.sh).
dist_check_SCRIPTS += tests/check-doxygen.sh tests/check-man.sh
TESTS += tests/check-doxygen.sh tests/check-man.sh

doc: doc/Doxyfile
	doxygen doc/Doxyfile
.PHONY: doc
clean-local: clean-doc
clean-doc:
	rm -rf doc/html doc/doxygen-warnings.txt
.PHONY: clean-doc

# The examples in doc/examples are built with the library and run by
# tests/check-examples.sh, so they never rot.
noinst_PROGRAMS += doc/examples/build-plan doc/examples/validate-files
doc_examples_build_plan_SOURCES = doc/examples/build-plan.c
doc_examples_build_plan_LDADD = libunionplan/libunionplan.la
doc_examples_validate_files_SOURCES = doc/examples/validate-files.c
doc_examples_validate_files_LDADD = libunionplan/libunionplan.la
dist_check_SCRIPTS += tests/check-examples.sh
TESTS += tests/check-examples.sh

# Every code sample of the README pages and doc/*.md runs (tests/doc-samples.py).
EXTRA_DIST += README.zh-CN.md doc/guide.md doc/guide.zh-CN.md
dist_check_SCRIPTS += tests/check-doc-samples.sh tests/doc-samples.py
TESTS += tests/check-doc-samples.sh

# doc/schema.md's element reference is generated from the XSD's annotations,
# doc/json.md's member tables match the JSON Schema (tests/check-schema-doc.sh).
dist_noinst_SCRIPTS += tools/gen-schema-doc.py
dist_check_SCRIPTS += tests/check-schema-doc.sh tests/check-json-doc.py
TESTS += tests/check-schema-doc.sh
