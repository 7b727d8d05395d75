-- Load a ~10 MB plan and walk every activity: unionplan against LuaExpat's
-- lxp.lom building a table tree of the same file, walking the same
-- elements (every month and every activity, reading the month number, the
-- activity's text and date). Not a test: prints the medians of 5 runs (CPU
-- time, os.clock) and the ratio (lxp.lom time / unionplan time; above 1
-- means unionplan is faster). The target is to be no slower than lxp.lom;
-- the exit status is 1 when it is missed, 0 otherwise (also when lxp is
-- not installed for this Lua: then only unionplan is timed).
--
--     LUA_CPATH="$builddir/bindings/lua/5.4/?.so;;" lua5.4 tests/bench/bench_lua.lua [SIZE_MB]
--
-- unionplan.load also checks the document against the schema and builds
-- its model; lxp.lom only parses. Runs under Lua 5.4 and LuaJIT alike.

local up = require "unionplan"
local has_lom, lom = pcall(require, "lxp.lom")

local RUNS = 5
local script_dir = (arg and arg[0] or ""):match("^(.*)/[^/]*$") or "."
local TOP = os.getenv("UPL_TOP_SRCDIR")
if TOP == nil or TOP == "" then TOP = script_dir .. "/../.." end
local SEED = TOP .. "/doc/examples/seed-000.xml"

local function read(path)
  local f = assert(io.open(path, "rb"))
  local data = f:read("*a")
  f:close()
  return data
end

-- Seed 000 with its five months repeated into one schedule until the file
-- has about size_mb megabytes; returns the number of repeats.
local function make_plan(path, size_mb)
  local src = read(SEED)
  local a = assert(src:find("<schedule>\n", 1, true))
  local head = src:sub(1, a + #"<schedule>\n" - 1)
  local b = assert(src:find("    </schedule>\n", a, true))
  local months, tail = src:sub(#head + 1, b - 1), src:sub(b)
  local target = size_mb * 1000 * 1000
  local repeats = math.max(1, math.floor((target - #head - #tail) / #months))
  local f = assert(io.open(path, "wb"))
  f:write(head)
  for _ = 1, repeats do f:write(months) end
  f:write(tail)
  assert(f:close())
  return repeats
end

local function walk_unionplan(path)
  local doc = assert(up.load(path))
  local n = 0
  for plan in doc:plans() do
    for month in plan:schedule() do
      local _ = month.month
      for act in month:activities() do
        local _, _ = act.text, act.date
        n = n + 1
      end
    end
  end
  return n
end

local function lom_text(node)
  local parts = {}
  for i = 1, #node do
    if type(node[i]) == "string" then parts[#parts + 1] = node[i] end
  end
  return table.concat(parts)
end

-- every <activity> under a lom element, in document order
local function lom_activities(node, fn)
  for i = 1, #node do
    local child = node[i]
    if type(child) == "table" then
      if child.tag == "activity" then fn(child) else lom_activities(child, fn) end
    end
  end
end

local function walk_lom(path)
  local root = assert(lom.parse(read(path)))
  local n = 0
  local function visit(node)
    for i = 1, #node do
      local child = node[i]
      if type(child) == "table" then
        if child.tag == "month" then
          local _ = child.attr.month
          lom_activities(child, function (act)
            local _, _ = lom_text(act), act.attr.date
            n = n + 1
          end)
        else
          visit(child)
        end
      end
    end
  end
  visit(root)
  return n
end

local function median(list)
  local s = {}
  for i, v in ipairs(list) do s[i] = v end
  table.sort(s)
  local m = #s
  if m % 2 == 1 then return s[(m + 1) / 2] end
  return (s[m / 2] + s[m / 2 + 1]) / 2
end

-- Median CPU time and activity count of each contender; the runs are
-- interleaved (one of each per round) so that a busy machine slows all of
-- them alike; garbage is collected between runs, outside the timing.
local function medians(contenders, path)
  local times, counts = {}, {}
  for _, c in ipairs(contenders) do times[c[1]] = {} end
  for _ = 1, RUNS do
    for _, c in ipairs(contenders) do
      collectgarbage()
      collectgarbage()
      local t0 = os.clock()
      counts[c[1]] = c[2](path)
      local t1 = os.clock()
      table.insert(times[c[1]], t1 - t0)
    end
  end
  local rows = {}
  for _, c in ipairs(contenders) do
    rows[#rows + 1] = { name = c[1], time = median(times[c[1]]), count = counts[c[1]] }
  end
  return rows
end

local function main()
  local size = tonumber(arg and arg[1]) or 10
  local tmp = os.tmpname()
  local path = tmp .. ".xml"
  local repeats = make_plan(path, size)
  local bytes = #read(path)
  print(string.format("%s (%s), unionplan %s", _VERSION, type(jit) == "table" and jit.version or "PUC",
                      up.version()))
  print(string.format("plan: %.1f MB, seed 000's months repeated %d times", bytes / 1e6, repeats))
  local contenders = { { "unionplan.load", walk_unionplan } }
  if has_lom then contenders[#contenders + 1] = { "lxp.lom.parse", walk_lom } end
  -- where unionplan's time goes: the load alone (parse, schema, model)
  contenders[#contenders + 1] = { "(unionplan.load, no walk)", function (p)
    local doc = assert(up.load(p))
    return #doc and nil
  end }
  local ok, rows = pcall(medians, contenders, path)
  os.remove(path)
  os.remove(tmp)
  if not ok then error(rows, 0) end
  local last = table.remove(rows)
  print(string.format("%-30s %8.3f s", last.name, last.time))
  local ours = rows[1]
  for _, r in ipairs(rows) do
    if r.count ~= ours.count then
      io.stderr:write(string.format("%s walked %d activities, unionplan %d\n", r.name, r.count,
                                    ours.count))
      return 1
    end
    print(string.format("%-30s %8.3f s  (%d activities, median of %d)", r.name, r.time, r.count, RUNS))
  end
  if not has_lom then
    print("lxp.lom not found for " .. _VERSION .. " (Debian: apt-get install lua-expat)")
    return 0
  end
  local ratio = rows[2].time / ours.time
  print(string.format("ratio lxp.lom / unionplan: %.2f", ratio))
  if ratio < 1 then
    print("unionplan is slower than lxp.lom (target missed)")
    return 1
  end
  return 0
end

os.exit(main())
