-- Shared helpers of the Lua binding's tests (not a test itself).
--
-- Paths come from the environment that `make check` sets: UPL_TOP_SRCDIR
-- (the source tree; default: the tree these scripts sit in) and
-- UPL_TOP_BUILDDIR (the build tree, where cli/unionplan is; default: the
-- source tree, an in-tree build).

local M = {}

local script = arg and arg[0] or ""
M.HERE = script:match("^(.*)/[^/]*$") or "."

local function env(name)
  local v = os.getenv(name)
  if v == nil or v == "" then return nil end
  return v
end

M.TOP_SRCDIR = env("UPL_TOP_SRCDIR") or (M.HERE .. "/../../..")
M.TOP_BUILDDIR = env("UPL_TOP_BUILDDIR") or M.TOP_SRCDIR
M.EXAMPLES = M.TOP_SRCDIR .. "/doc/examples"
M.DATA = M.TOP_SRCDIR .. "/tests/data"
M.CLI = M.TOP_BUILDDIR .. "/cli/unionplan"

-- The interpreter running this script (lua5.4, luajit...), for child scripts.
function M.interpreter()
  if env("UPL_LUA") then return env("UPL_LUA") end
  local i = -1
  while arg and arg[i - 1] ~= nil do i = i - 1 end
  return arg and arg[i] or "lua"
end

M.IS_54 = _VERSION == "Lua 5.4"
M.IS_JIT = type(jit) == "table"

function M.quote(s)
  return "'" .. tostring(s):gsub("'", "'\\''") .. "'"
end

function M.read(path)
  local f, err = io.open(path, "rb")
  if not f then return nil, err end
  local data = f:read("*a")
  f:close()
  return data
end

function M.write(path, data)
  local f = assert(io.open(path, "wb"))
  assert(f:write(data))
  assert(f:close())
  return path
end

local function succeeded(a)
  -- os.execute: true/nil, "exit", code on 5.2+; a status number on 5.1
  if type(a) == "number" then return a == 0 end
  return a == true
end

function M.sh(cmd)
  return succeeded(os.execute(cmd))
end

-- Runs a shell command; returns exit status, standard output, standard error.
function M.run(cmd, stdin_data)
  local dir = M.tmpdir()
  local input = "/dev/null"
  if stdin_data then input = M.write(dir .. "/in", stdin_data) end
  M.sh("( " .. cmd .. " ) <" .. M.quote(input) .. " >" .. M.quote(dir .. "/out")
       .. " 2>" .. M.quote(dir .. "/err") .. "; echo $? >" .. M.quote(dir .. "/rc"))
  local rc = tonumber((M.read(dir .. "/rc") or ""):match("%d+"))
  local out, err = M.read(dir .. "/out"), M.read(dir .. "/err")
  M.rmtree(dir)
  return rc, out, err
end

local tmpdirs = {}

function M.tmpdir()
  local p = io.popen("mktemp -d \"${TMPDIR:-/tmp}/upl-lua.XXXXXX\"")
  local dir = p:read("*l")
  p:close()
  assert(dir and dir ~= "", "mktemp -d failed")
  tmpdirs[#tmpdirs + 1] = dir
  return dir
end

function M.rmtree(dir)
  M.sh("rm -rf " .. M.quote(dir))
end

function M.cleanup()
  for _, dir in ipairs(tmpdirs) do M.rmtree(dir) end
  tmpdirs = {}
end

-- The names in a folder, sorted (dot files left out).
function M.listdir(dir)
  local p = io.popen("ls -1 " .. M.quote(dir) .. " 2>/dev/null")
  local names = {}
  for line in p:lines() do names[#names + 1] = line end
  p:close()
  table.sort(names)
  return names
end

-- The files of a folder whose names match a Lua pattern, sorted, as paths.
function M.glob(dir, pattern)
  local out = {}
  for _, name in ipairs(M.listdir(dir)) do
    if name:find(pattern) then out[#out + 1] = dir .. "/" .. name end
  end
  return out
end

function M.example(n)
  return string.format("%s/seed-%03d.xml", M.EXAMPLES, n)
end

-- The seed text NNN_*.txt under tests/data/seeds.
function M.seed_text(n)
  local found = M.glob(M.DATA .. "/seeds", string.format("^%03d_.*%%.txt$", n))
  if found[1] then return found[1] end
  error("no seed text " .. n)
end

function M.cli_built()
  return M.sh("test -x " .. M.quote(M.CLI))
end

-- `unionplan validate PATH`: exit status and its diagnostic lines, or nil
-- when the CLI is not built.
function M.cli_validate_lines(path)
  if not M.cli_built() then return nil end
  local rc, _, err = M.run(M.quote(M.CLI) .. " validate " .. M.quote(path))
  local lines = {}
  for line in (err or ""):gmatch("[^\n]+") do lines[#lines + 1] = line end
  return rc, lines
end

-- Resident set size of this process in pages (Linux /proc/self/statm).
function M.exists(path)
  return M.sh("test -e " .. M.quote(path))
end

function M.rss_pages()
  local f = io.open("/proc/self/statm", "r")
  if not f then return nil end
  local line = f:read("*l")
  f:close()
  return tonumber(line:match("^%d+%s+(%d+)"))
end

-- The diagnostic as the CLI prints it: FILE:LINE:COL: SEVERITY: message [code]
function M.diag_line(d)
  local pos = tostring(d.file or "")
  if d.line then
    pos = pos .. ":" .. d.line
    if d.column then pos = pos .. ":" .. d.column end
  end
  return string.format("%s: %s: %s [%s]", pos, d.severity, d.message, d.code)
end

-- Counts the items of an iterator (a for-in triple).
function M.count(f, s, c)
  local n = 0
  for _ in f, s, c do n = n + 1 end
  return n
end

-- Collects the first values of an iterator into an array.
function M.collect(f, s, c)
  local out = {}
  for v in f, s, c do out[#out + 1] = v end
  return out
end

-- Maps fn over an array.
function M.map(list, fn)
  local out = {}
  for i = 1, #list do out[i] = fn(list[i]) end
  return out
end

-- An independent reading of an XML file: LuaExpat's lxp.lom tree, or nil
-- when lua-expat is not installed for this Lua.
function M.lom(path)
  local ok, lom = pcall(require, "lxp.lom")
  if not ok then return nil end
  return assert(lom.parse(assert(M.read(path))))
end

-- The elements of a lom tree named tag, in document order.
function M.lom_all(node, tag, out)
  out = out or {}
  for i = 1, #node do
    local child = node[i]
    if type(child) == "table" then
      if child.tag == tag then out[#out + 1] = child end
      M.lom_all(child, tag, out)
    end
  end
  return out
end

-- The text of a lom element (its string children, joined).
function M.lom_text(node)
  local parts = {}
  for i = 1, #node do
    if type(node[i]) == "string" then parts[#parts + 1] = node[i] end
  end
  return table.concat(parts)
end

-- The first child element of a lom element named tag.
function M.lom_child(node, tag)
  for i = 1, #node do
    if type(node[i]) == "table" and node[i].tag == tag then return node[i] end
  end
  return nil
end

return M
