# upl_python.m4: the Python binding's configure checks (bindings/python).
#
# UPL_CHECK_PYTHON
#   --with-python[=PYTHON] / --without-python; default: `python3' on PATH
#   (or $PYTHON), used when it and its headers are found. Everything is
#   asked of the interpreter itself through sysconfig (python3-config may
#   belong to another Python). Sets and substitutes
#     PYTHON             the interpreter (sys.executable, not a shim)
#     PYTHON_VERSION     X.Y
#     PYTHON_CPPFLAGS    -isystem for its include directories
#     PYTHON_EXT_SUFFIX  e.g. .cpython-311-x86_64-linux-gnu.so
#     pythondir          its purelib under ${prefix}, e.g.
#                        ${prefix}/lib/python3.11/site-packages
#     UPL_ASAN_RUNTIME   the ASan runtime to preload into the interpreter
#                        when CFLAGS build with -fsanitize=address
#   and the conditional UPL_PYTHON; upl_python_summary says what was found
#   or why the binding is not built.
AC_DEFUN([UPL_CHECK_PYTHON], [
AC_ARG_WITH([python],
  [AS_HELP_STRING([--with-python@<:@=PYTHON@:>@],
    [build the Python binding with PYTHON (default: python3 on PATH, when it and its headers are found)])],
  [], [with_python=auto])
AC_ARG_VAR([PYTHON], [the Python 3 interpreter for the binding])
upl_python=no
upl_python_why=
AS_CASE([$with_python],
  [no], [upl_python_why="--without-python"],
  [yes|auto], [AC_PATH_PROG([PYTHON], [python3], [])],
  [AS_CASE([$with_python],
     [/*], [PYTHON=$with_python],
     [AC_PATH_PROG([PYTHON], [$with_python], [])])])

AS_IF([test "x$with_python" != xno && test -z "$upl_python_why"], [
  AS_IF([test -z "$PYTHON" || ! test -x "$PYTHON"],
    [AS_CASE([$with_python],
       [yes|auto], [upl_python_why="no interpreter: python3 not found on PATH"],
       [upl_python_why="no interpreter: $with_python not found or not executable"])])])

dnl Ask the interpreter: its real path, version, include dirs, EXT_SUFFIX and
dnl the purelib of its prefix scheme with ${prefix} as the base.
AS_IF([test "x$with_python" != xno && test -z "$upl_python_why"], [
  AC_MSG_CHECKING([the Python interpreter's version and layout])
  upl_py_info=`"$PYTHON" - 2>&AS_MESSAGE_LOG_FD <<'UPL_PY'
import platform, sys, sysconfig
if sys.version_info < (3, 9):
    sys.exit(1)
names = sysconfig.get_scheme_names()
scheme = "posix_prefix" if "posix_prefix" in names else sysconfig.get_default_scheme()
base = "${prefix}"
pure = sysconfig.get_path("purelib", scheme, vars={"base": base, "platbase": base,
    "installed_base": base, "installed_platbase": base})
if not pure.startswith(base):
    pure = base + "/lib/python%d.%d/site-packages" % (sys.version_info.major, sys.version_info.minor)
inc = list()
for key in ("include", "platinclude"):
    d = sysconfig.get_paths().get(key)
    if d and d not in inc:
        inc.append(d)
print(sys.executable)
print("%d.%d" % (sys.version_info.major, sys.version_info.minor))
print(sysconfig.get_config_var("EXT_SUFFIX") or "")
print(pure)
print(" ".join("-isystem " + d for d in inc))
print(platform.python_version())
UPL_PY
`
  AS_IF([test -z "$upl_py_info"], [
    AC_MSG_RESULT([unusable])
    upl_python_why="$PYTHON is not a working Python 3.9 or later"
  ], [
    PYTHON=`echo "$upl_py_info" | sed -n 1p`
    PYTHON_VERSION=`echo "$upl_py_info" | sed -n 2p`
    PYTHON_EXT_SUFFIX=`echo "$upl_py_info" | sed -n 3p`
    pythondir=`echo "$upl_py_info" | sed -n 4p`
    PYTHON_CPPFLAGS=`echo "$upl_py_info" | sed -n 5p`
    upl_py_full=`echo "$upl_py_info" | sed -n 6p`
    AC_MSG_RESULT([$upl_py_full at $PYTHON])
    AS_IF([test -z "$PYTHON_EXT_SUFFIX"],
      [upl_python_why="$PYTHON has no EXT_SUFFIX"])
  ])
])

dnl The headers must be there and be this interpreter's version.
AS_IF([test "x$with_python" != xno && test -z "$upl_python_why"], [
  AC_MSG_CHECKING([for Python.h of Python $PYTHON_VERSION])
  upl_py_major=`echo "$PYTHON_VERSION" | sed 's/\..*//'`
  upl_py_minor=`echo "$PYTHON_VERSION" | sed 's/.*\.//'`
  upl_save_CPPFLAGS=$CPPFLAGS
  CPPFLAGS="$CPPFLAGS $PYTHON_CPPFLAGS"
  AC_COMPILE_IFELSE([AC_LANG_PROGRAM([[
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#if PY_MAJOR_VERSION != $upl_py_major || PY_MINOR_VERSION != $upl_py_minor
#error Python.h is not the interpreter's version
#endif
]], [[PyObject *o = Py_None; (void)o;]])],
    [AC_MSG_RESULT([yes])],
    [AC_MSG_RESULT([no])
     upl_python_why="no Python.h for $PYTHON (Python $PYTHON_VERSION); on Debian: apt-get install python3-dev"])
  CPPFLAGS=$upl_save_CPPFLAGS
])

dnl The module is a shared object linked to the shared libunionplan.
AS_IF([test "x$with_python" != xno && test -z "$upl_python_why" && test "x$enable_shared" != xyes],
  [upl_python_why="it needs the shared library and --disable-shared was given"])

AS_IF([test "x$with_python" != xno && test -z "$upl_python_why"], [upl_python=yes])
AS_IF([test "x$upl_python" = xno && test "x$with_python" != xno && test "x$with_python" != xauto],
  [AC_MSG_ERROR([--with-python given but the binding cannot be built: $upl_python_why])])
AS_IF([test "x$upl_python" = xno && test "x$with_python" = xauto],
  [AC_MSG_NOTICE([the Python binding is not built: $upl_python_why])])

dnl Under AddressSanitizer the interpreter must load the ASan runtime first.
UPL_ASAN_RUNTIME=
AS_IF([test "x$upl_python" = xyes], [
  AC_MSG_CHECKING([whether CFLAGS build with AddressSanitizer])
  AC_COMPILE_IFELSE([AC_LANG_PROGRAM([[
#if !defined __SANITIZE_ADDRESS__
#error no
#endif
]], [])],
    [UPL_ASAN_RUNTIME=`$CC $CFLAGS -print-file-name=libasan.so`
     AC_MSG_RESULT([yes, $UPL_ASAN_RUNTIME])],
    [AC_MSG_RESULT([no])])
])

AS_IF([test "x$upl_python" = xyes],
  [upl_python_summary="yes, Python $upl_py_full ($PYTHON), into $pythondir"],
  [upl_python_summary="no ($upl_python_why)"])
AC_SUBST([PYTHON])
AC_SUBST([PYTHON_VERSION])
AC_SUBST([PYTHON_CPPFLAGS])
AC_SUBST([PYTHON_EXT_SUFFIX])
AC_SUBST([pythondir])
AC_SUBST([UPL_ASAN_RUNTIME])
AM_CONDITIONAL([UPL_PYTHON], [test "x$upl_python" = xyes])
])
