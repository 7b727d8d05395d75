## The Lua binding (bindings/lua): one C source compiled once per Lua ABI
## into the module unionplan.so (Lua 5.4, and LuaJIT for the 5.1 ABI), its
## TAP tests, its installation, its rockspec and its benchmark. Appends to
## Makefile.am's variables.
##
## A new test script bindings/lua/tests/test_*.lua goes into UPL_LUA_TESTS
## (run-lua.sh fails when one is missing from it), a helper module the tests
## require into UPL_LUA_TEST_FILES, a benchmark into UPL_LUA_BENCH_FILES.

UPL_LUA_SOURCES = bindings/lua/unionplan.c
UPL_LUA_TESTS = \
	bindings/lua/tests/test_build.lua \
	bindings/lua/tests/test_calendar.lua \
	bindings/lua/tests/test_document.lua \
	bindings/lua/tests/test_errors.lua \
	bindings/lua/tests/test_html.lua \
	bindings/lua/tests/test_json.lua \
	bindings/lua/tests/test_ownership.lua \
	bindings/lua/tests/test_report.lua \
	bindings/lua/tests/test_stream.lua
UPL_LUA_TEST_FILES = bindings/lua/tests/tap.lua bindings/lua/tests/uplsupport.lua
UPL_LUA_BENCH_FILES = tests/bench/bench_lua.lua
UPL_LUA_ROCKSPEC = bindings/lua/unionplan-$(VERSION)-1.rockspec

EXTRA_DIST += $(UPL_LUA_SOURCES) $(UPL_LUA_TESTS) $(UPL_LUA_TEST_FILES) \
	$(UPL_LUA_BENCH_FILES) $(UPL_LUA_ROCKSPEC)
dist_check_SCRIPTS += bindings/lua/run-lua.sh bindings/lua/installcheck.sh

# Every test script runs once per Lua, through automake's TAP driver: the
# test bindings/lua/tests/test_X-5.4.tap (an empty file made in the build
# tree) is test_X.lua run by run-lua.sh with Lua 5.4, test_X-jit.tap the
# same with LuaJIT. A Lua that is not built gives "1..0 # SKIP".
UPL_LUA_TAP = $(UPL_LUA_TESTS:.lua=-5.4.tap) $(UPL_LUA_TESTS:.lua=-jit.tap)
TEST_EXTENSIONS = .tap
TAP_LOG_DRIVER = env AM_TAP_AWK='$(AWK)' $(SHELL) $(top_srcdir)/build-aux/tap-driver.sh
TAP_LOG_COMPILER = $(SHELL) $(srcdir)/bindings/lua/run-lua.sh
TESTS += $(UPL_LUA_TAP)
CLEANFILES += $(UPL_LUA_TAP)
$(UPL_LUA_TAP):
	@$(MKDIR_P) bindings/lua/tests
	@echo '# a test of make check: see bindings/lua/lua.mk' >$@

AM_TESTS_ENVIRONMENT += \
	LUA54='$(LUA54)'; export LUA54; LUAJIT='$(LUAJIT)'; export LUAJIT; \
	UPL_LUA_TESTS='$(UPL_LUA_TESTS)'; export UPL_LUA_TESTS; \
	UPL_ASAN_RUNTIME='$(UPL_ASAN_RUNTIME)'; export UPL_ASAN_RUNTIME;
if UPL_LUA54
AM_TESTS_ENVIRONMENT += UPL_LUA54_BINDING=yes; export UPL_LUA54_BINDING;
endif
if UPL_LUAJIT
AM_TESTS_ENVIRONMENT += UPL_LUAJIT_BINDING=yes; export UPL_LUAJIT_BINDING;
endif

# The modules: unionplan.so, linked to the shared libunionplan (not to
# liblua: the interpreter provides it), nothing exported but
# luaopen_unionplan. Each is copied out of .libs to bindings/lua/ABI/ so
# the tests find it with LUA_CPATH=$(abs_top_builddir)/bindings/lua/ABI/?.so.
UPL_LUA_LDFLAGS = -module -avoid-version -shared -export-symbols-regex '^luaopen_unionplan$$'
UPL_LUA_CPPFLAGS = -I$(top_builddir)/include -I$(top_srcdir)/include
UPL_LUA_CFLAGS = $(AM_CFLAGS) $(UPL_VISIBILITY_CFLAGS)
UPL_LUA_LIBADD = libunionplan/libunionplan.la
upl_lua_stage =
upl_lua_so =
if UPL_LUA54
lua54_LTLIBRARIES = bindings/lua/5.4/unionplan.la
bindings_lua_5_4_unionplan_la_SOURCES = $(UPL_LUA_SOURCES)
bindings_lua_5_4_unionplan_la_CPPFLAGS = $(UPL_LUA_CPPFLAGS) $(LUA54_CFLAGS)
bindings_lua_5_4_unionplan_la_CFLAGS = $(UPL_LUA_CFLAGS)
bindings_lua_5_4_unionplan_la_LDFLAGS = $(UPL_LUA_LDFLAGS)
bindings_lua_5_4_unionplan_la_LIBADD = $(UPL_LUA_LIBADD)
upl_lua_stage += bindings/lua/5.4/unionplan.la
upl_lua_so += '$(DESTDIR)$(lua54dir)'
endif
if UPL_LUAJIT
lua51_LTLIBRARIES = bindings/lua/5.1/unionplan.la
bindings_lua_5_1_unionplan_la_SOURCES = $(UPL_LUA_SOURCES)
bindings_lua_5_1_unionplan_la_CPPFLAGS = $(UPL_LUA_CPPFLAGS) $(LUAJIT_CFLAGS)
bindings_lua_5_1_unionplan_la_CFLAGS = $(UPL_LUA_CFLAGS)
bindings_lua_5_1_unionplan_la_LDFLAGS = $(UPL_LUA_LDFLAGS)
bindings_lua_5_1_unionplan_la_LIBADD = $(UPL_LUA_LIBADD)
upl_lua_stage += bindings/lua/5.1/unionplan.la
upl_lua_so += '$(DESTDIR)$(lua51dir)'
endif

if UPL_LUA
UPL_BENCH_LUA += $(UPL_LUA_BENCH_FILES)
upl_lua_all = upl-lua-stage
upl_lua_clean = clean-lua
upl_lua_install_hook = install-lua-module-hook
upl_lua_uninstall = uninstall-lua-module
upl_lua_installcheck = installcheck-lua
upl_lua_valgrind = check-valgrind-lua
else
upl_lua_all =
upl_lua_clean =
upl_lua_install_hook =
upl_lua_uninstall =
upl_lua_installcheck =
upl_lua_valgrind =
endif
all-local: $(upl_lua_all)
clean-local: $(upl_lua_clean)
install-data-hook: $(upl_lua_install_hook)
uninstall-local: $(upl_lua_uninstall)
installcheck-local: $(upl_lua_installcheck)
check-valgrind: $(upl_lua_valgrind)

upl-lua-stage: $(upl_lua_stage)
	@for la in $(upl_lua_stage); do \
	  d=`dirname $$la`; \
	  cmp -s $$d/.libs/unionplan.so $$d/unionplan.so 2>/dev/null || \
	    { echo "  STAGE    $$d/unionplan.so"; cp -f $$d/.libs/unionplan.so $$d/unionplan.so; }; \
	done
clean-lua:
	rm -f bindings/lua/5.4/unionplan.so bindings/lua/5.1/unionplan.so
	rm -f bindings/lua/tests/*.valgrind.log
.PHONY: upl-lua-stage clean-lua

# make install: automake installs unionplan.so and unionplan.la into
# $(libdir)/lua/ABI; Lua wants only the .so.
install-lua-module-hook:
	for d in $(upl_lua_so); do rm -f "$$d/unionplan.la"; done
uninstall-lua-module:
	for d in $(upl_lua_so); do rm -f "$$d/unionplan.so"; done
	-rmdir $(upl_lua_so) '$(DESTDIR)$(libdir)/lua' 2>/dev/null
.PHONY: install-lua-module-hook uninstall-lua-module

# make installcheck (and so make distcheck): the installed modules with
# only LUA_CPATH and LD_LIBRARY_PATH set, and luarocks make with the
# rockspec against the installed library into a temporary tree.
installcheck-lua:
	LUA54='$(LUA54)' LUAJIT='$(LUAJIT)' \
	UPL_LUA54_BINDING=$(upl_lua54_built) UPL_LUAJIT_BINDING=$(upl_luajit_built) \
	lua54dir='$(lua54dir)' lua51dir='$(lua51dir)' \
	prefix='$(prefix)' libdir='$(libdir)' bindir='$(bindir)' DESTDIR='$(DESTDIR)' \
	VERSION='$(VERSION)' \
	$(SHELL) $(srcdir)/bindings/lua/installcheck.sh $(srcdir)
.PHONY: installcheck-lua
if UPL_LUA54
upl_lua54_built = yes
else
upl_lua54_built = no
endif
if UPL_LUAJIT
upl_luajit_built = yes
else
upl_luajit_built = no
endif

# make check-valgrind: every Lua test with each Lua built, the interpreter
# under valgrind (the interpreters the tests start themselves are not).
# UPL_LUA_VALGRIND=yes tells the tests, which may then make their long
# loops shorter: valgrind's leak check stands in for their growth checks.
check-valgrind-lua: all $(UPL_LUA_TAP)
	@fail=0; \
	$(AM_TESTS_ENVIRONMENT) \
	UPL_LUA_WRAP='$(VALGRIND)'; export UPL_LUA_WRAP; \
	UPL_LUA_VALGRIND=yes; export UPL_LUA_VALGRIND; \
	for t in $(UPL_LUA_TAP); do \
	  echo "  VALGRIND $$t"; \
	  $(SHELL) $(srcdir)/bindings/lua/run-lua.sh $$t >$$t.valgrind.log 2>&1; \
	  st=$$?; \
	  if test $$st -ne 0 || grep '^not ok' $$t.valgrind.log >/dev/null; then \
	    echo "FAIL: $$t (exit $$st)"; tail -n 40 $$t.valgrind.log; fail=1; fi; \
	done; \
	test $$fail = 0 && echo "valgrind: the Lua tests have no memory errors, no leaks"
.PHONY: check-valgrind-lua
