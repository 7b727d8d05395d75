## The plan model, XML parse/write and validation. Appends to Makefile.am's variables.

unionplaninclude_HEADERS += \
	include/unionplan/plan.h \
	include/unionplan/xml.h \
	include/unionplan/validate.h

UPL_CORE_SOURCES += \
	libunionplan/io.c libunionplan/io-private.h \
	libunionplan/plan.c libunionplan/plan-private.h \
	libunionplan/xml-parse.c libunionplan/xml-read.c libunionplan/xml-read-private.h libunionplan/xml-decode.c \
	libunionplan/xml-sax.c libunionplan/xml-stream.c libunionplan/xml-pos.c libunionplan/xml-schema.c libunionplan/xml-build.c \
	libunionplan/xml-write.c libunionplan/xml-private.h \
	libunionplan/validate.c libunionplan/validate-private.h \
	libunionplan/report.c libunionplan/report-private.h \
	libunionplan/rules.c libunionplan/rules.def \
	libunionplan/messages.c libunionplan/messages-private.h

# The schema: installed, and embedded in the library (one source of truth).
dist_pkgdata_DATA = libunionplan/schema/unionplan-1.xsd
UPL_GENERATED_SOURCES += libunionplan/schema-embed.c
BUILT_SOURCES += libunionplan/schema-embed.c
CLEANFILES += libunionplan/schema-embed.c
libunionplan/schema-embed.c: $(srcdir)/libunionplan/schema/unionplan-1.xsd $(srcdir)/tools/embed.sh
	$(AM_V_GEN)$(MKDIR_P) libunionplan && \
	$(SHELL) $(srcdir)/tools/embed.sh $(srcdir)/libunionplan/schema/unionplan-1.xsd upl__schema_xsd $@

if HAVE_CHECK
check_PROGRAMS += tests/check_corpus
tests_check_corpus_SOURCES = tests/check_corpus.c
tests_check_corpus_CFLAGS = $(UPL_TEST_CFLAGS)
tests_check_corpus_LDADD = $(UPL_TEST_PUBLIC_LIBS)
endif

if HAVE_CHECK
check_PROGRAMS += tests/check_plan
tests_check_plan_SOURCES = tests/check_plan.c
tests_check_plan_CFLAGS = $(UPL_TEST_CFLAGS)
tests_check_plan_LDADD = $(UPL_TEST_PUBLIC_LIBS)
endif

dist_check_SCRIPTS += tests/check-xmllint.sh tests/cli-basic.sh
TESTS += tests/check-xmllint.sh tests/cli-basic.sh
EXTRA_DIST += tests/data

if HAVE_CHECK
check_PROGRAMS += tests/check_xml
tests_check_xml_SOURCES = tests/check_xml.c
tests_check_xml_CFLAGS = $(UPL_TEST_CFLAGS) -pthread
tests_check_xml_LDADD = $(UPL_TEST_PUBLIC_LIBS) -lpthread
endif

if HAVE_CHECK
check_PROGRAMS += tests/check_io
tests_check_io_SOURCES = tests/check_io.c
tests_check_io_CFLAGS = $(UPL_TEST_CFLAGS)
tests_check_io_LDADD = $(UPL_TEST_PUBLIC_LIBS)
endif

if HAVE_CHECK
check_PROGRAMS += tests/check_fault
tests_check_fault_SOURCES = tests/check_fault.c
tests_check_fault_CFLAGS = $(UPL_TEST_CFLAGS) $(LIBXML2_CFLAGS) -DUPL_FAULT_INJECTION=1
tests_check_fault_LDADD = libunionplan/libupl-fault.la $(CHECK_LIBS)
endif

UPL_BENCH_SH += tests/bench/bench-validate.sh
EXTRA_DIST += tests/bench/bench-validate.sh tests/bench/bench-lib.sh

if HAVE_CHECK
check_PROGRAMS += tests/check_rules
tests_check_rules_SOURCES = tests/check_rules.c
tests_check_rules_CFLAGS = $(UPL_TEST_CFLAGS)
tests_check_rules_LDADD = $(UPL_TEST_CORE_LIBS)
endif

# Fuzzing: the target replayed over the corpus by make check; `make fuzz`
# builds the libFuzzer binary when clang with -fsanitize=fuzzer is there.
check_PROGRAMS += tests/fuzz/replay
tests_fuzz_replay_SOURCES = tests/fuzz/replay.c tests/fuzz/fuzz_parse.c
tests_fuzz_replay_LDADD = libunionplan/libupl-core.la
fuzz: tests/fuzz/fuzz_parse.c
	$(MKDIR_P) tests/fuzz
	$(LIBTOOL) --tag=CC --mode=link clang -g -O1 -fsanitize=fuzzer,address,undefined \
		$(AM_CPPFLAGS) -I$(top_builddir) $(srcdir)/tests/fuzz/fuzz_parse.c \
		$(addprefix $(srcdir)/,$(filter %.c,$(UPL_CORE_SOURCES))) $(UPL_GENERATED_SOURCES) $(LIBXML2_CFLAGS) $(ICU_CFLAGS) \
		$(LIBXML2_LIBS) $(ICU_LIBS) -lpthread -o tests/fuzz/fuzz_parse
	@echo "run: tests/fuzz/fuzz_parse -max_total_time=60 $(srcdir)/tests/data/valid"
.PHONY: fuzz
CLEANFILES += tests/fuzz/fuzz_parse

# The JSON writer of the command line under any input and file name.
check_PROGRAMS += tests/fuzz/replay-json
tests_fuzz_replay_json_SOURCES = tests/fuzz/replay.c tests/fuzz/fuzz_json.c cli/json.c cli/json.h
tests_fuzz_replay_json_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/cli
tests_fuzz_replay_json_LDADD = libunionplan/libupl-core.la
fuzz: fuzz-json
fuzz-json: tests/fuzz/fuzz_json.c cli/json.c
	$(MKDIR_P) tests/fuzz
	$(LIBTOOL) --tag=CC --mode=link clang -g -O1 -fsanitize=fuzzer,address,undefined \
		$(AM_CPPFLAGS) -I$(top_builddir) -I$(srcdir)/cli $(srcdir)/tests/fuzz/fuzz_json.c $(srcdir)/cli/json.c \
		$(addprefix $(srcdir)/,$(filter %.c,$(UPL_CORE_SOURCES))) $(UPL_GENERATED_SOURCES) $(LIBXML2_CFLAGS) $(ICU_CFLAGS) \
		$(LIBXML2_LIBS) $(ICU_LIBS) -lpthread -o tests/fuzz/fuzz_json
	@echo "run: tests/fuzz/fuzz_json -max_total_time=60 $(srcdir)/tests/data"
.PHONY: fuzz-json
CLEANFILES += tests/fuzz/fuzz_json

dist_check_SCRIPTS += tests/cli-json.sh tests/cli-limits.sh
TESTS += tests/cli-json.sh tests/cli-limits.sh

if HAVE_CHECK
check_PROGRAMS += tests/check_scale
tests_check_scale_SOURCES = tests/check_scale.c
tests_check_scale_CFLAGS = $(UPL_TEST_CFLAGS)
tests_check_scale_LDADD = $(UPL_TEST_PUBLIC_LIBS)
endif
