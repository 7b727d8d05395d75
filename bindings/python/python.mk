## The Python binding (bindings/python): the extension module
## unionplan._unionplan, the pure-Python package around it, its tests, its
## installation and its benchmarks. Appends to Makefile.am's variables.
##
## A new file of the package (bindings/python/unionplan/: .py, .pyi,
## py.typed) goes into UPL_PY_PACKAGE_FILES, a C file into UPL_PY_SOURCES, a
## benchmark into UPL_PY_BENCH_FILES; a new test_*.py in bindings/python/tests/
## needs nothing (the directory is distributed whole, unittest discovers it).

UPL_PY_PACKAGE_FILES = \
	bindings/python/unionplan/__init__.py \
	bindings/python/unionplan/_types.py \
	bindings/python/unionplan/__init__.pyi \
	bindings/python/unionplan/py.typed
UPL_PY_SOURCES = \
	bindings/python/src/unionplan-py.h \
	bindings/python/src/module.c \
	bindings/python/src/tree.c \
	bindings/python/src/calendar.c

# Benchmarks run by make bench after the C ones (run-tests.sh --bench).
UPL_PY_BENCH_FILES = tests/bench/bench_lunar.py tests/bench/bench_load.py

EXTRA_DIST += $(UPL_PY_PACKAGE_FILES) $(UPL_PY_SOURCES) $(UPL_PY_BENCH_FILES) \
	bindings/python/tests \
	bindings/python/pyproject.toml bindings/python/setup.py
dist_check_SCRIPTS += bindings/python/run-tests.sh bindings/python/installcheck.sh

# The one test script: the unittest suite against the staged package (it
# exits 77, skipped, when the binding is not built).
TESTS += bindings/python/run-tests.sh
AM_TESTS_ENVIRONMENT += \
	PYTHON='$(PYTHON)'; export PYTHON; \
	UPL_ASAN_RUNTIME='$(UPL_ASAN_RUNTIME)'; export UPL_ASAN_RUNTIME;
if UPL_PYTHON
AM_TESTS_ENVIRONMENT += UPL_PYTHON_BINDING=yes; export UPL_PYTHON_BINDING;
endif

# Python's byte-code caches never go into a tarball.
dist-hook: dist-python-hook
dist-python-hook:
	find $(distdir)/bindings/python -name __pycache__ -prune -exec rm -rf {} +
.PHONY: dist-python-hook

if UPL_PYTHON
# The module: one shared object named as the interpreter wants it, linked to
# the shared libunionplan, nothing exported but PyInit__unionplan.
pyunionplandir = $(pythondir)/unionplan
pyunionplan_LTLIBRARIES = bindings/python/_unionplan.la
bindings_python__unionplan_la_SOURCES = $(UPL_PY_SOURCES)
bindings_python__unionplan_la_CPPFLAGS = \
	-I$(top_builddir)/include -I$(top_srcdir)/include \
	-I$(srcdir)/bindings/python/src $(PYTHON_CPPFLAGS)
bindings_python__unionplan_la_CFLAGS = $(AM_CFLAGS) $(UPL_VISIBILITY_CFLAGS)
bindings_python__unionplan_la_LDFLAGS = -module -avoid-version -shared \
	-shrext $(PYTHON_EXT_SUFFIX) -export-symbols-regex '^PyInit__unionplan$$'
bindings_python__unionplan_la_LIBADD = libunionplan/libunionplan.la

UPL_BENCH_PY += $(UPL_PY_BENCH_FILES)

# make all, clean, install, uninstall and installcheck do the binding's
# part only when it is built.
upl_py_all = upl-python-stage
upl_py_clean = clean-python
upl_py_install = install-python-package
upl_py_install_hook = install-python-module-hook
upl_py_uninstall = uninstall-python-package
upl_py_installcheck = installcheck-python
else
upl_py_all =
upl_py_clean =
upl_py_install =
upl_py_install_hook =
upl_py_uninstall =
upl_py_installcheck =
endif
all-local: $(upl_py_all)
clean-local: $(upl_py_clean)
install-data-local: $(upl_py_install)
install-data-hook: $(upl_py_install_hook)
uninstall-local: $(upl_py_uninstall)
installcheck-local: $(upl_py_installcheck)

# The package staged in the build tree, the way it is installed:
# bindings/python/unionplan/ with the .py files copied from the source tree
# (nothing is written there) and the module, so the tests and the benchmarks
# import it with PYTHONPATH=$(abs_top_builddir)/bindings/python.
UPL_PY_STAGE = bindings/python/unionplan
upl-python-stage: bindings/python/_unionplan.la $(UPL_PY_PACKAGE_FILES)
	@$(MKDIR_P) $(UPL_PY_STAGE)
	@for f in $(UPL_PY_PACKAGE_FILES); do \
	  s=$(srcdir)/$$f; test -f "$$f" && test "$$f" -ef "$$s" && continue; \
	  cmp -s "$$s" "$$f" 2>/dev/null || { echo "  STAGE    $$f"; cp -f "$$s" "$$f"; }; \
	done
	@so=bindings/python/.libs/_unionplan$(PYTHON_EXT_SUFFIX); \
	cmp -s "$$so" $(UPL_PY_STAGE)/_unionplan$(PYTHON_EXT_SUFFIX) 2>/dev/null || \
	  { echo "  STAGE    $(UPL_PY_STAGE)/_unionplan$(PYTHON_EXT_SUFFIX)"; \
	    cp -f "$$so" $(UPL_PY_STAGE)/_unionplan$(PYTHON_EXT_SUFFIX); }
.PHONY: upl-python-stage

clean-python:
	rm -f $(UPL_PY_STAGE)/_unionplan$(PYTHON_EXT_SUFFIX)
	@for f in $(UPL_PY_PACKAGE_FILES); do \
	  test -f "$$f" && ! test "$$f" -ef "$(srcdir)/$$f" && rm -f "$$f"; \
	done; true
	test "$(srcdir)" = . || rm -rf $(UPL_PY_STAGE)/__pycache__
	-rmdir $(UPL_PY_STAGE) 2>/dev/null
.PHONY: clean-python

# make install: the package into $(pythondir)/unionplan (automake installs
# the module there; the .la file is not wanted in site-packages).
install-python-package:
	$(MKDIR_P) '$(DESTDIR)$(pyunionplandir)'
	for f in $(UPL_PY_PACKAGE_FILES); do \
	  $(INSTALL_DATA) "$(srcdir)/$$f" '$(DESTDIR)$(pyunionplandir)' || exit 1; \
	done
install-python-module-hook:
	rm -f '$(DESTDIR)$(pyunionplandir)/_unionplan.la'
uninstall-python-package:
	for f in $(UPL_PY_PACKAGE_FILES); do \
	  rm -f "$(DESTDIR)$(pyunionplandir)/`basename $$f`"; \
	done
	rm -f '$(DESTDIR)$(pyunionplandir)/_unionplan$(PYTHON_EXT_SUFFIX)'
	rm -rf '$(DESTDIR)$(pyunionplandir)/__pycache__'
	-rmdir '$(DESTDIR)$(pyunionplandir)' 2>/dev/null
.PHONY: install-python-package install-python-module-hook uninstall-python-package

# make installcheck (and so make distcheck): the installed package imported
# from $(pythondir), and pip building bindings/python against the installed
# library.
installcheck-python:
	PYTHON='$(PYTHON)' prefix='$(prefix)' libdir='$(libdir)' \
	pythondir='$(pythondir)' DESTDIR='$(DESTDIR)' \
	$(SHELL) $(srcdir)/bindings/python/installcheck.sh $(srcdir)
.PHONY: installcheck-python
