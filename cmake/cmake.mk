## The CMake package config: find_package(unionplan 0.1 REQUIRED) and the
## imported target unionplan::unionplan. Appends to Makefile.am's variables.

cmakeconfigdir = $(libdir)/cmake/unionplan
nodist_cmakeconfig_DATA = cmake/unionplanConfig.cmake cmake/unionplanConfigVersion.cmake
EXTRA_DIST += cmake/unionplanConfig.cmake.in cmake/unionplanConfigVersion.cmake.in
CLEANFILES += cmake/unionplanConfig.cmake cmake/unionplanConfigVersion.cmake

# Written by make, not configure: the directories with ${prefix} expanded;
# what a static link needs besides is what libtool recorded for the library.
upl_cmake_subst = sed \
	-e 's|@VERSION[@]|$(VERSION)|g' \
	-e 's|@MAJOR[@]|$(UPL_VERSION_MAJOR)|g' \
	-e 's|@MINOR[@]|$(UPL_VERSION_MINOR)|g' \
	-e 's|@LIBDIR[@]|$(libdir)|g' \
	-e 's|@INCLUDEDIR[@]|$(includedir)|g' \
	-e "s|@SHREXT[@]|`$(SHELL) $(top_builddir)/libtool --config | sed -n 's/^shrext_cmds=\"\\(.*\\)\"/\\1/p'`|g" \
	-e "s|@PRIVATE_LIBS[@]|`sed -n \"s/^dependency_libs='\\(.*\\)'/\\1/p\" libunionplan/libunionplan.la`|g"
cmake/unionplanConfig.cmake: $(srcdir)/cmake/unionplanConfig.cmake.in Makefile libunionplan/libunionplan.la
	@$(MKDIR_P) cmake
	$(AM_V_GEN)$(upl_cmake_subst) $(srcdir)/cmake/unionplanConfig.cmake.in > $@.tmp && mv $@.tmp $@
cmake/unionplanConfigVersion.cmake: $(srcdir)/cmake/unionplanConfigVersion.cmake.in Makefile
	@$(MKDIR_P) cmake
	$(AM_V_GEN)$(upl_cmake_subst) $(srcdir)/cmake/unionplanConfigVersion.cmake.in > $@.tmp && mv $@.tmp $@

# make installcheck (and so make distcheck): a small CMake project finds the
# installed library through find_package, links it and runs.
dist_check_SCRIPTS += cmake/installcheck.sh
installcheck-local: installcheck-cmake
installcheck-cmake:
	prefix='$(prefix)' libdir='$(libdir)' DESTDIR='$(DESTDIR)' CC='$(CC)' \
	$(SHELL) $(srcdir)/cmake/installcheck.sh $(srcdir)
.PHONY: installcheck-cmake
