-- A small TAP producer for the Lua binding's tests (not a test itself).
-- Lua 5.1 syntax, so it runs under Lua 5.4 and LuaJIT alike.
--
--   local t = require "tap"
--   t.ok(cond, "name"); t.is(got, want, "name"); t.like(s, "pattern", "name")
--   t.group("name", function () ... end)   -- an error inside is one failure
--   t.done_testing()                       -- prints 1..N, exits 1 on failure
--
-- Output: "ok N - name" / "not ok N - name", then "# ..." diagnostics.

local M = {}

local count, failed, planned = 0, 0, nil
local io_write, tostring, type = io.write, tostring, type

local function show(v)
  if type(v) == "string" then
    return string.format("%q", v)
  end
  return tostring(v)
end

function M.diag(...)
  local parts = {}
  for i = 1, select("#", ...) do
    parts[#parts + 1] = tostring((select(i, ...)))
  end
  local text = table.concat(parts, " ")
  for line in (text .. "\n"):gmatch("([^\n]*)\n") do
    io_write("# ", line, "\n")
  end
end

function M.plan(n)
  planned = n
  io_write("1..", n, "\n")
end

function M.ok(cond, name)
  count = count + 1
  name = name and (" - " .. tostring(name):gsub("\n", " ")) or ""
  if cond then
    io_write("ok ", count, name, "\n")
  else
    failed = failed + 1
    io_write("not ok ", count, name, "\n")
    -- the first frame outside this file is the test's line
    local level, info = 2, debug.getinfo(2, "Sl")
    while info and info.short_src:find("tap%.lua$") do
      level = level + 1
      info = debug.getinfo(level, "Sl")
    end
    if info then
      M.diag("  at " .. tostring(info.short_src) .. ":" .. tostring(info.currentline))
    end
  end
  return cond and true or false
end

function M.is(got, want, name)
  local good = got == want
  if not M.ok(good, name) then
    M.diag("       got: " .. show(got))
    M.diag("  expected: " .. show(want))
  end
  return good
end

function M.isnt(got, unwanted, name)
  local good = got ~= unwanted
  if not M.ok(good, name) then
    M.diag("       got: " .. show(got) .. " (it should not be)")
  end
  return good
end

function M.like(got, pattern, name)
  local good = type(got) == "string" and got:find(pattern) ~= nil
  if not M.ok(good, name) then
    M.diag("       got: " .. show(got))
    M.diag("  expected to match: " .. show(pattern))
  end
  return good
end

-- Deep comparison of plain tables (arrays and records of strings, numbers,
-- booleans); returns true, or false and the path of the first difference.
local function same(a, b, path)
  if type(a) ~= "table" or type(b) ~= "table" then
    if a == b then return true end
    return false, path .. ": " .. show(a) .. " vs " .. show(b)
  end
  for k, v in pairs(a) do
    local good, where = same(v, b[k], path .. "[" .. show(k) .. "]")
    if not good then return false, where end
  end
  for k, v in pairs(b) do
    if a[k] == nil then
      return false, path .. "[" .. show(k) .. "]: nil vs " .. show(v)
    end
  end
  return true
end
M.same = same

function M.is_deeply(got, want, name)
  local good, where = same(got, want, "got")
  if not M.ok(good, name) then
    M.diag("  first difference: " .. tostring(where))
  end
  return good
end

-- bad is the list of the cases that went wrong: passes when it is empty,
-- else shows the first ten.
function M.none(bad, name)
  local good = #bad == 0
  if not M.ok(good, name) then
    M.diag("  " .. #bad .. " wrong: " .. table.concat(bad, "; ", 1, math.min(#bad, 10)))
  end
  return good
end

-- fn must raise an error whose message matches pattern (when given).
function M.raises(fn, pattern, name)
  local good, err = pcall(fn)
  if good then
    M.ok(false, name)
    M.diag("  no error was raised")
    return false
  end
  if pattern and not tostring(err):find(pattern) then
    M.ok(false, name)
    M.diag("  error: " .. show(tostring(err)))
    M.diag("  expected to match: " .. show(pattern))
    return false
  end
  return M.ok(true, name)
end

function M.skip(reason, n)
  for _ = 1, n or 1 do
    count = count + 1
    io_write("ok ", count, " # SKIP ", tostring(reason), "\n")
  end
end

-- Runs fn; an error raised inside counts as one failed test, with its
-- traceback, and the script goes on with the next group.
function M.group(name, fn)
  local good, err = xpcall(fn, debug.traceback)
  if not good then
    M.ok(false, name .. ": raised an error")
    M.diag(tostring(err))
  end
  return good
end

function M.failures()
  return failed
end

function M.done_testing()
  if planned == nil then
    io_write("1..", count, "\n")
  elseif planned ~= count then
    M.diag("planned " .. planned .. " tests but ran " .. count)
    failed = failed + 1
  end
  io.stdout:flush()
  os.exit(failed == 0 and 0 or 1)
end

return M
