## make deb: the Debian packages (debian/) built from a copy of the
## distributed sources, checked and tried (tests/check-deb.sh), in _deb/.

EXTRA_DIST += debian/changelog debian/control debian/copyright debian/rules \
	debian/source/format debian/libunionplan0.install debian/libunionplan-dev.install \
	debian/unionplan.install debian/python3-unionplan.install debian/lua-unionplan.install
dist_noinst_SCRIPTS += tests/check-deb.sh

deb:
	rm -rf _deb && $(MKDIR_P) _deb
	$(MAKE) $(AM_MAKEFLAGS) distdir distdir=_deb/$(PACKAGE)-$(VERSION)
	$(SHELL) $(srcdir)/tests/check-deb.sh $(srcdir) _deb/$(PACKAGE)-$(VERSION)
clean-local: clean-deb
clean-deb:
	rm -rf _deb
.PHONY: deb clean-deb
