-- The Lua binding of libunionplan as a rock: the module unionplan, built
-- from bindings/lua/unionplan.c against an installed libunionplan.
--
-- In this directory (bindings/lua, or a copy of it):
--
--   luarocks make unionplan-0.1.0-1.rockspec \
--     LIBUNIONPLAN_INCDIR="$(pkg-config --variable=includedir libunionplan)" \
--     LIBUNIONPLAN_LIBDIR="$(pkg-config --variable=libdir libunionplan)"
--
-- (add --lua-version=5.4, or 5.1 for LuaJIT, and --tree DIR as wanted).
-- Without the two variables luarocks looks for unionplan.h and
-- libunionplan.so in its usual places, or under LIBUNIONPLAN_DIR.
-- The source supports Lua 5.4 and Lua 5.1 / LuaJIT 2.x only.

rockspec_format = "3.0"
package = "unionplan"
version = "0.1.0-1"

-- The release tarball that make dist writes; luarocks make does not fetch it.
source = {
  url = "file://libunionplan-0.1.0.tar.gz",
  dir = "libunionplan-0.1.0/bindings/lua",
}

description = {
  summary = "Read, validate, build and write Chinese school trade-union work plans",
  detailed = [[
require "unionplan" loads, validates, walks, builds and writes the XML work
plans (学校工会工作计划) and monthly schedules of libunionplan, imports plain
text plans, and answers calendar questions (statutory holidays, the lunar
calendar, working days). A thin C module over the libunionplan C library,
which must be installed first.]],
  license = "MIT",
}

dependencies = {
  "lua >= 5.1, < 5.5",
}

external_dependencies = {
  LIBUNIONPLAN = {
    header = "unionplan.h",
    library = "unionplan",
  },
}

build = {
  type = "builtin",
  modules = {
    unionplan = {
      sources = { "unionplan.c" },
      libraries = { "unionplan" },
      incdirs = { "$(LIBUNIONPLAN_INCDIR)" },
      libdirs = { "$(LIBUNIONPLAN_LIBDIR)" },
    },
  },
}
