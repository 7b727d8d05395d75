# upl_lua.m4: the Lua binding's configure checks (bindings/lua).
#
# UPL_CHECK_LUA
#   --with-lua[=LIST] / --without-lua. One C source, bindings/lua/unionplan.c,
#   is compiled once per Lua ABI:
#     5.4      Lua 5.4: pkg-config lua5.4 (or lua-5.4, lua54, lua 5.4.x),
#              interpreter $LUA54 (default: lua5.4 on PATH); the module
#              installs into $(libdir)/lua/5.4
#     luajit   LuaJIT 2.x, the Lua 5.1 ABI: pkg-config luajit, interpreter
#              $LUAJIT (default: luajit on PATH); into $(libdir)/lua/5.1
#   Default (no option): each one whose interpreter and headers are found.
#   --with-lua (yes): Lua 5.4 is required, LuaJIT built when found.
#   --with-lua=LIST (comma or space separated, of 5.4|lua5.4 and
#   luajit|5.1): exactly those, each one required.
#   Sets and substitutes, for each ABI built (54 and JIT):
#     LUA54, LUAJIT                  the interpreters (absolute paths)
#     LUA54_CFLAGS, LUAJIT_CFLAGS    the headers, as -isystem
#     lua54dir, lua51dir             ${libdir}/lua/5.4, ${libdir}/lua/5.1
#   the conditionals UPL_LUA54, UPL_LUAJIT and UPL_LUA (any of them), and
#   UPL_ASAN_RUNTIME (shared with upl_python.m4) when CFLAGS build with
#   AddressSanitizer. upl_lua54_summary and upl_luajit_summary say what was
#   found, where it installs, or why it is not built.
AC_DEFUN([UPL_CHECK_LUA], [
AC_ARG_WITH([lua],
  [AS_HELP_STRING([--with-lua@<:@=LIST@:>@],
    [build the Lua binding for the Luas in LIST, of 5.4 and luajit (default: each one found; --with-lua alone requires Lua 5.4)])],
  [], [with_lua=auto])
AC_ARG_VAR([LUA54], [the Lua 5.4 interpreter for the binding])
AC_ARG_VAR([LUAJIT], [the LuaJIT interpreter for the binding])
AC_ARG_VAR([LUA54_CFLAGS], [C compiler flags for Lua 5.4, overriding pkg-config])
AC_ARG_VAR([LUAJIT_CFLAGS], [C compiler flags for LuaJIT, overriding pkg-config])

dnl What is wanted: no, auto (when found) or yes (required), per ABI.
upl_want_lua54=no
upl_want_luajit=no
AS_CASE([$with_lua],
  [no], [],
  [auto], [upl_want_lua54=auto; upl_want_luajit=auto],
  [yes], [upl_want_lua54=yes; upl_want_luajit=auto],
  [for upl_l in `echo "$with_lua" | tr ',' ' '`; do
     AS_CASE([$upl_l],
       [5.4|lua5.4|lua54], [upl_want_lua54=yes],
       [luajit|jit|5.1], [upl_want_luajit=yes],
       [AC_MSG_ERROR([--with-lua=$with_lua: unknown Lua '$upl_l' (use 5.4 and/or luajit)])])
   done])

dnl The module is a shared object linked to the shared libunionplan.
upl_lua_noshared=
AS_IF([test "x$enable_shared" != xyes],
  [upl_lua_noshared="it needs the shared library and --disable-shared was given"])

UPL_LUA_ONE([54], [Lua 5.4], [lua5.4 lua54 lua], [lua5.4 lua-5.4 lua54 "lua >= 5.4 lua < 5.5"],
  [io.write(_VERSION)], ["Lua 5.4"], [LUA_VERSION_NUM == 504],
  [liblua5.4-dev], [lua5.4], [5.4])
UPL_LUA_ONE([JIT], [LuaJIT], [luajit], [luajit],
  [io.write(jit and jit.version or _VERSION)], ["LuaJIT "*], [LUA_VERSION_NUM == 501 && defined LUAJIT_VERSION],
  [libluajit-5.1-dev], [luajit], [5.1])
lua54dir='${libdir}/lua/5.4'
lua51dir='${libdir}/lua/5.1'

dnl Under AddressSanitizer the interpreter must load the ASan runtime first
dnl (upl_python.m4 looked already when it builds the Python binding).
AS_IF([test "x$upl_lua54$upl_luajit" != xnono && test "x$upl_python" != xyes], [
  AC_MSG_CHECKING([whether CFLAGS build with AddressSanitizer (for the Lua tests)])
  AC_COMPILE_IFELSE([AC_LANG_PROGRAM([[
#if !defined __SANITIZE_ADDRESS__
#error no
#endif
]], [])],
    [UPL_ASAN_RUNTIME=`$CC $CFLAGS -print-file-name=libasan.so`
     AC_MSG_RESULT([yes, $UPL_ASAN_RUNTIME])],
    [AC_MSG_RESULT([no])])
])

dnl The summary names the directories with the prefix expanded.
upl_lua_libdir=`upl_p=$prefix; test "x$upl_p" = xNONE && upl_p=$ac_default_prefix
  upl_e=$exec_prefix; test "x$upl_e" = xNONE && upl_e=$upl_p
  prefix=$upl_p; exec_prefix=$upl_e; eval echo "$libdir"`
AS_IF([test "x$upl_lua54" = xyes],
  [upl_lua54_summary="yes, Lua $upl_lua54_full ($LUA54), into $upl_lua_libdir/lua/5.4"],
  [upl_lua54_summary="no ($upl_lua54_why)"])
AS_IF([test "x$upl_luajit" = xyes],
  [upl_luajit_summary="yes, $upl_luajit_full ($LUAJIT), into $upl_lua_libdir/lua/5.1"],
  [upl_luajit_summary="no ($upl_luajit_why)"])
AC_SUBST([LUA54])
AC_SUBST([LUAJIT])
AC_SUBST([LUA54_CFLAGS])
AC_SUBST([LUAJIT_CFLAGS])
AC_SUBST([lua54dir])
AC_SUBST([lua51dir])
AC_SUBST([UPL_ASAN_RUNTIME])
AM_CONDITIONAL([UPL_LUA54], [test "x$upl_lua54" = xyes])
AM_CONDITIONAL([UPL_LUAJIT], [test "x$upl_luajit" = xyes])
AM_CONDITIONAL([UPL_LUA], [test "x$upl_lua54$upl_luajit" != xnono])
])

# UPL_LUA_ONE(ID, NAME, PROGRAMS, PC-MODULES, VERSION-CHUNK, VERSION-GLOB,
#             HEADER-TEST, DEBIAN-DEV, DEBIAN-BIN, ABI)
#   The checks for one Lua: its interpreter LUA<ID> (whose VERSION-CHUNK must
#   print something matching VERSION-GLOB), its headers (LUA<ID>_CFLAGS from
#   the first of PC-MODULES pkg-config knows, unless given; lua.h must pass
#   HEADER-TEST). Uses upl_want_lua<id>; sets upl_lua<id> (yes/no),
#   upl_lua<id>_why and upl_lua<id>_full (the interpreter's version).
AC_DEFUN([UPL_LUA_ONE], [
m4_pushdef([upl_id], m4_tolower([$1]))
upl_lua[]upl_id=no
upl_lua[]upl_id[]_why=
upl_lua[]upl_id[]_full=
AS_CASE([$upl_want_lua[]upl_id],
  [no], [AS_IF([test "x$with_lua" = xno],
           [upl_lua[]upl_id[]_why="--without-lua"],
           [upl_lua[]upl_id[]_why="not in --with-lua=$with_lua"])],
  [AS_IF([test -n "$upl_lua_noshared"], [upl_lua[]upl_id[]_why=$upl_lua_noshared])])

dnl The interpreter, and what it says its version is.
AS_IF([test -z "$upl_lua[]upl_id[]_why"], [
  AC_PATH_PROGS([LUA$1], [$3], [])
  AS_IF([test -z "$LUA$1"],
    [upl_lua[]upl_id[]_why="no interpreter: none of $3 on PATH; on Debian: apt-get install $9"],
    [AC_MSG_CHECKING([the version of $LUA$1])
     upl_v=`"$LUA$1" -e '$5' 2>&AS_MESSAGE_LOG_FD`
     AC_MSG_RESULT([${upl_v:-none}])
     AS_CASE([$upl_v],
       [$6], [upl_lua[]upl_id[]_full=`"$LUA$1" -v 2>&1 | $AWK 'NR == 1 { print $[]2 }'`
              AS_CASE([$upl_v], [LuaJIT*], [upl_lua[]upl_id[]_full="LuaJIT $upl_lua[]upl_id[]_full"])],
       [upl_lua[]upl_id[]_why="$LUA$1 is ${upl_v:-not a working Lua}, not $2"])])
])

dnl The headers: pkg-config's include directories, as -isystem (the Lua
dnl headers are not held to our warnings).
AS_IF([test -z "$upl_lua[]upl_id[]_why"], [
  AS_IF([test -z "$LUA$1_CFLAGS"], [
    AC_MSG_CHECKING([for the pkg-config module of $2])
    upl_pc=
    for upl_m in $4; do
      AS_IF([$PKG_CONFIG --exists "$upl_m" 2>/dev/null], [upl_pc=$upl_m; break])
    done
    AC_MSG_RESULT([${upl_pc:-none}])
    AS_IF([test -n "$upl_pc"],
      [LUA$1_CFLAGS=`$PKG_CONFIG --cflags "$upl_pc" | $SED -e 's/^-I */-isystem /' -e 's/ -I */ -isystem /g'`])
  ])
  AC_MSG_CHECKING([for the lua.h of $2])
  upl_save_CPPFLAGS=$CPPFLAGS
  CPPFLAGS="$CPPFLAGS $LUA$1_CFLAGS"
  AC_COMPILE_IFELSE([AC_LANG_PROGRAM([[
#include <lua.h>
#include <lauxlib.h>
]m4_if([$1], [JIT], [[#include <luajit.h>]])[
#if !($7)
#error not the wanted Lua
#endif
]], [[lua_State *L = luaL_newstate(); (void)L;]])],
    [AC_MSG_RESULT([yes])],
    [AC_MSG_RESULT([no])
     upl_lua[]upl_id[]_why="no lua.h of $2 (${LUA$1_CFLAGS:-no pkg-config module: $4}); on Debian: apt-get install $8"])
  CPPFLAGS=$upl_save_CPPFLAGS
])

AS_IF([test -z "$upl_lua[]upl_id[]_why" && test "x$upl_want_lua[]upl_id" != xno], [upl_lua[]upl_id=yes])
AS_IF([test "x$upl_lua[]upl_id" = xno && test "x$upl_want_lua[]upl_id" = xyes],
  [AC_MSG_ERROR([the Lua binding for $2 was asked for (--with-lua=$with_lua) but cannot be built: $upl_lua[]upl_id[]_why])])
AS_IF([test "x$upl_lua[]upl_id" = xno && test "x$upl_want_lua[]upl_id" = xauto],
  [AC_MSG_NOTICE([the Lua binding for $2 is not built: $upl_lua[]upl_id[]_why])])
m4_popdef([upl_id])
])
