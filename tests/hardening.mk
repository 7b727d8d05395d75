## Hardening tests: the fuzz targets beyond the first four, every target's
## seed corpus and `make fuzz-smoke` (tests/fuzz/README says how to run
## them); the threads suite (also run under TSan by ./bootstrap.sh check);
## the hostile-input suite. Appends to Makefile.am's variables.

if HAVE_CHECK
check_PROGRAMS += tests/check_threads
tests_check_threads_SOURCES = tests/check_threads.c
tests_check_threads_CFLAGS = $(UPL_TEST_CFLAGS) -pthread
tests_check_threads_LDADD = $(UPL_TEST_PUBLIC_LIBS) -lpthread
endif

# Each target is also built with tests/fuzz/replay.c as a plain program
# that make check runs over its seed corpus (tests/fuzz/corpus/NAME, where
# each crasher found goes) and over the whole test data.
tests_fuzz_replay_CPPFLAGS = $(AM_CPPFLAGS) -DUPL_FUZZ_CORPUS='"parse"'
tests_fuzz_replay_json_CPPFLAGS += -DUPL_FUZZ_CORPUS='"json"'
tests_fuzz_replay_json_parse_CPPFLAGS = $(AM_CPPFLAGS) -DUPL_FUZZ_CORPUS='"json-parse"'
tests_fuzz_replay_import_CPPFLAGS = $(AM_CPPFLAGS) -DUPL_FUZZ_CORPUS='"import"'
check_PROGRAMS += tests/fuzz/replay-encoding
tests_fuzz_replay_encoding_SOURCES = tests/fuzz/replay.c tests/fuzz/fuzz_encoding.c
tests_fuzz_replay_encoding_CPPFLAGS = $(AM_CPPFLAGS) -DUPL_FUZZ_CORPUS='"encoding"'
tests_fuzz_replay_encoding_LDADD = libunionplan/libupl-core.la
check_PROGRAMS += tests/fuzz/replay-text
tests_fuzz_replay_text_SOURCES = tests/fuzz/replay.c tests/fuzz/fuzz_text.c
tests_fuzz_replay_text_CPPFLAGS = $(AM_CPPFLAGS) -DUPL_FUZZ_CORPUS='"text"'
tests_fuzz_replay_text_LDADD = libunionplan/libupl-core.la
check_PROGRAMS += tests/fuzz/replay-holidays
tests_fuzz_replay_holidays_SOURCES = tests/fuzz/replay.c tests/fuzz/fuzz_holidays.c
tests_fuzz_replay_holidays_CPPFLAGS = $(AM_CPPFLAGS) -DUPL_FUZZ_CORPUS='"holidays"'
tests_fuzz_replay_holidays_LDADD = libunionplan/libupl-core.la
check_PROGRAMS += tests/fuzz/replay-stream
tests_fuzz_replay_stream_SOURCES = tests/fuzz/replay.c tests/fuzz/fuzz_stream.c
tests_fuzz_replay_stream_CPPFLAGS = $(AM_CPPFLAGS) -DUPL_FUZZ_CORPUS='"stream"'
tests_fuzz_replay_stream_LDADD = libunionplan/libupl-core.la

EXTRA_DIST += tests/fuzz/README tests/fuzz/corpus tests/fuzz/fuzz-smoke.sh tests/tsan.supp

# --- libFuzzer builds ------------------------------------------------------
# The library is compiled once with clang (coverage, ASan, UBSan) into
# tests/fuzz/libupl-fuzz.a; each target links against it.
UPL_FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
UPL_FUZZ_CC = clang -g -O1 $(UPL_FUZZ_SAN) $(AM_CPPFLAGS) -I$(top_builddir) \
	$(LIBXML2_CFLAGS) $(ICU_CFLAGS) $(UPL_STD)
UPL_FUZZ_LIBS = tests/fuzz/libupl-fuzz.a $(LIBXML2_LIBS) $(ICU_LIBS) -lm -lpthread
UPL_FUZZ_NAMES = parse json json_parse import encoding text holidays stream

tests/fuzz/libupl-fuzz.a: $(UPL_CORE_SOURCES) $(UPL_GENERATED_SOURCES)
	$(AM_V_GEN)rm -rf tests/fuzz/obj && $(MKDIR_P) tests/fuzz/obj && \
	for f in $(addprefix $(srcdir)/,$(filter %.c,$(UPL_CORE_SOURCES))) $(UPL_GENERATED_SOURCES); do \
	  $(UPL_FUZZ_CC) -fsanitize=fuzzer-no-link -c $$f -o tests/fuzz/obj/`basename $$f .c`.o || exit 1; \
	done && rm -f $@ && $(AR) rcs $@ tests/fuzz/obj/*.o

tests/fuzz/bin/fuzz_json: $(srcdir)/tests/fuzz/fuzz_json.c $(srcdir)/cli/json.c tests/fuzz/libupl-fuzz.a
	$(AM_V_CCLD)$(MKDIR_P) tests/fuzz/bin && $(UPL_FUZZ_CC) -fsanitize=fuzzer -I$(srcdir)/cli \
		$(srcdir)/tests/fuzz/fuzz_json.c $(srcdir)/cli/json.c $(UPL_FUZZ_LIBS) -o $@
tests/fuzz/bin/fuzz_parse: $(srcdir)/tests/fuzz/fuzz_parse.c tests/fuzz/libupl-fuzz.a
	$(AM_V_CCLD)$(MKDIR_P) tests/fuzz/bin && $(UPL_FUZZ_CC) -fsanitize=fuzzer $(srcdir)/tests/fuzz/fuzz_parse.c $(UPL_FUZZ_LIBS) -o $@
tests/fuzz/bin/fuzz_json_parse: $(srcdir)/tests/fuzz/fuzz_json_parse.c tests/fuzz/libupl-fuzz.a
	$(AM_V_CCLD)$(MKDIR_P) tests/fuzz/bin && $(UPL_FUZZ_CC) -fsanitize=fuzzer $(srcdir)/tests/fuzz/fuzz_json_parse.c $(UPL_FUZZ_LIBS) -o $@
tests/fuzz/bin/fuzz_import: $(srcdir)/tests/fuzz/fuzz_import.c tests/fuzz/libupl-fuzz.a
	$(AM_V_CCLD)$(MKDIR_P) tests/fuzz/bin && $(UPL_FUZZ_CC) -fsanitize=fuzzer $(srcdir)/tests/fuzz/fuzz_import.c $(UPL_FUZZ_LIBS) -o $@
tests/fuzz/bin/fuzz_encoding: $(srcdir)/tests/fuzz/fuzz_encoding.c tests/fuzz/libupl-fuzz.a
	$(AM_V_CCLD)$(MKDIR_P) tests/fuzz/bin && $(UPL_FUZZ_CC) -fsanitize=fuzzer $(srcdir)/tests/fuzz/fuzz_encoding.c $(UPL_FUZZ_LIBS) -o $@
tests/fuzz/bin/fuzz_text: $(srcdir)/tests/fuzz/fuzz_text.c tests/fuzz/libupl-fuzz.a
	$(AM_V_CCLD)$(MKDIR_P) tests/fuzz/bin && $(UPL_FUZZ_CC) -fsanitize=fuzzer $(srcdir)/tests/fuzz/fuzz_text.c $(UPL_FUZZ_LIBS) -o $@
tests/fuzz/bin/fuzz_holidays: $(srcdir)/tests/fuzz/fuzz_holidays.c tests/fuzz/libupl-fuzz.a
	$(AM_V_CCLD)$(MKDIR_P) tests/fuzz/bin && $(UPL_FUZZ_CC) -fsanitize=fuzzer $(srcdir)/tests/fuzz/fuzz_holidays.c $(UPL_FUZZ_LIBS) -o $@
tests/fuzz/bin/fuzz_stream: $(srcdir)/tests/fuzz/fuzz_stream.c tests/fuzz/libupl-fuzz.a
	$(AM_V_CCLD)$(MKDIR_P) tests/fuzz/bin && $(UPL_FUZZ_CC) -fsanitize=fuzzer $(srcdir)/tests/fuzz/fuzz_stream.c $(UPL_FUZZ_LIBS) -o $@

fuzz: fuzz-encoding fuzz-text fuzz-holidays fuzz-stream
fuzz-encoding: tests/fuzz/bin/fuzz_encoding
fuzz-text: tests/fuzz/bin/fuzz_text
fuzz-holidays: tests/fuzz/bin/fuzz_holidays
fuzz-stream: tests/fuzz/bin/fuzz_stream
fuzz-bin: tests/fuzz/bin/fuzz_parse tests/fuzz/bin/fuzz_json tests/fuzz/bin/fuzz_json_parse \
	tests/fuzz/bin/fuzz_import tests/fuzz/bin/fuzz_encoding tests/fuzz/bin/fuzz_text \
	tests/fuzz/bin/fuzz_holidays tests/fuzz/bin/fuzz_stream

# Every target for FUZZ_TIME seconds (60 by default), one after the other,
# each from its seed corpus; skipped with a message when clang cannot
# build a libFuzzer program (Debian: clang and libclang-rt-dev).
FUZZ_TIME = 60
fuzz-smoke:
	@if $(SHELL) $(srcdir)/tests/fuzz/fuzz-smoke.sh --probe; then \
	  $(MAKE) $(AM_MAKEFLAGS) fuzz-bin && \
	  FUZZ_TIME=$(FUZZ_TIME) $(SHELL) $(srcdir)/tests/fuzz/fuzz-smoke.sh $(srcdir)/tests/fuzz/corpus \
	    $(UPL_FUZZ_NAMES); \
	else echo "fuzz-smoke: skipped: clang cannot build libFuzzer programs here"; fi
.PHONY: fuzz-encoding fuzz-text fuzz-holidays fuzz-stream fuzz-bin fuzz-smoke
clean-local: clean-fuzz
clean-fuzz:
	rm -rf tests/fuzz/obj tests/fuzz/bin tests/fuzz/work tests/fuzz/libupl-fuzz.a
.PHONY: clean-fuzz

# The hostile-input suite (tests/check-hostile.sh): the small cases are in
# tests/data/hostile (shipped with tests/data), the big ones generated.
dist_check_SCRIPTS += tests/check-hostile.sh
TESTS += tests/check-hostile.sh
EXTRA_DIST += tests/check-hostile.py tests/hostile-gen.py
