-- doc/examples/report.lua, and the examples of README.md and doc/lua.md,
-- run as a user runs them: a child process of the same Lua.

local here = (arg and arg[0] or ""):match("^(.*)/[^/]*$") or "."
package.path = here .. "/?.lua;" .. package.path
local t = require "tap"
local S = require "uplsupport"

local REPORT = S.EXAMPLES .. "/report.lua"
local HEADER = { "file", "plan", "month", "date", "holiday", "text" }
local TITLE0 = "2012学年第一学期工会工作计划"

local function lua(args, cwd)
  local cmd = S.quote(S.interpreter())
  for _, a in ipairs(args) do cmd = cmd .. " " .. S.quote(a) end
  if cwd then cmd = "cd " .. S.quote(cwd) .. " && " .. cmd end
  return S.run(cmd)
end

-- A CSV reader for RFC 4180 text (quoted fields with "" and line breaks).
local function parse_csv(text)
  local rows, row, field, i, n = {}, {}, {}, 1, #text
  local quoted = false
  while i <= n do
    local c = text:sub(i, i)
    if quoted then
      if c == '"' and text:sub(i + 1, i + 1) == '"' then
        field[#field + 1] = '"'
        i = i + 1
      elseif c == '"' then
        quoted = false
      else
        field[#field + 1] = c
      end
    elseif c == '"' then
      quoted = true
    elseif c == "," then
      row[#row + 1] = table.concat(field)
      field = {}
    elseif c == "\n" then
      row[#row + 1] = table.concat(field)
      rows[#rows + 1] = row
      row, field = {}, {}
    elseif c ~= "\r" then
      field[#field + 1] = c
    end
    i = i + 1
  end
  if #field > 0 or #row > 0 then
    row[#row + 1] = table.concat(field)
    rows[#rows + 1] = row
  end
  return rows
end

-- The report's rows worked out with lxp.lom, independently of the module;
-- nil when lua-expat is not installed.
local function expected_rows(folder)
  if not S.lom(S.example(0)) then return nil end
  local entries = {}
  for _, path in ipairs(S.glob(folder, "%.xml$")) do
    local root = S.lom(path)
    local plans = root.tag == "plan" and { root } or S.lom_all(root, "plan")
    for _, plan in ipairs(plans) do
      local title = S.lom_child(S.lom_child(plan, "meta"), "title")
      for _, m in ipairs(S.lom_all(plan, "month")) do
        local year, mon = tonumber(m.attr.year), tonumber(m.attr.month)
        local ym = year and string.format("%04d-%02d", year, mon) or string.format("--%02d", mon)
        for _, a in ipairs(S.lom_all(m, "activity")) do
          entries[#entries + 1] = {
            key = { year and 0 or 1, year or 0, mon, #entries },
            row = { path:match("[^/]+$"), title and S.lom_text(title) or "", ym,
                    a.attr.date or "", a.attr.holiday or "", S.lom_text(a) } }
        end
      end
    end
  end
  table.sort(entries, function (x, y)
    for k = 1, 4 do
      if x.key[k] ~= y.key[k] then return x.key[k] < y.key[k] end
    end
    return false
  end)
  return S.map(entries, function (e) return e.row end)
end

t.group("report.lua on doc/examples", function ()
  local dir = S.tmpdir()
  local out = dir .. "/activities.csv"
  local rc, stdout, stderr = lua({ REPORT, "-o", out, S.EXAMPLES })
  t.is(rc, 0, "exit status 0")
  t.is(stderr, "", "nothing on standard error")
  -- the three dated activities of seed 000 fall on working days
  t.is(stdout, "", "no activity on a day off")
  local rows = parse_csv(S.read(out) or "")
  t.is_deeply(rows[1], HEADER, "the header")
  table.remove(rows, 1)
  -- 26 + 0 + 27 + 22 + 31 activities (xmllint --xpath "count(//*[local-name()='activity'])")
  t.is(#rows, 106, "106 rows")
  t.is_deeply(rows[1], { "seed-003.xml", "2012年工会工作计划", "2012-01", "", "", "制定工会工作计划；" },
              "the first row")
  -- the last month with a year: 2013-01, seed 000 before seed 002
  local files = {}
  for k = 70, 75 do files[#files + 1] = rows[k] and rows[k][1] end
  t.is_deeply(files, { "seed-000.xml", "seed-000.xml", "seed-000.xml",
                       "seed-002.xml", "seed-002.xml", "seed-002.xml" }, "2013-01: files in order")
  t.is_deeply(rows[75], { "seed-002.xml", "常州市新北区教育工会2012年工作意见", "2013-01", "",
                          "spring-festival", "春节走访慰问" }, "row 75")
  t.is_deeply({ rows[76] and rows[76][1], rows[76] and rows[76][2], rows[76] and rows[76][3] },
              { "seed-004.xml", "", "--02" }, "then seed 004's months without a year")
  t.is_deeply(rows[#rows], { "seed-004.xml", "", "--12", "", "new-year", "元旦庆祝活动。" }, "the last row")
  local dated = {}
  for _, r in ipairs(rows) do
    if r[4] ~= "" then dated[#dated + 1] = r end
  end
  t.is_deeply(dated, {
    { "seed-000.xml", TITLE0, "2012-09", "2012-09-10", "teachers-day", "教师节表彰活动(9/10)" },
    { "seed-000.xml", TITLE0, "2012-09", "2012-09-25", "", "上交第二季度财务报表（9/25）" },
    { "seed-000.xml", TITLE0, "2012-12", "2012-12-31", "spring-festival", "组织迎新春教工运动会 （12/31）" },
  }, "the dated rows")
  local want = expected_rows(S.EXAMPLES)
  if want then
    t.is_deeply(rows, want, "every row as lxp.lom reads the files")
  else
    t.skip("lxp.lom is not installed for " .. _VERSION)
  end
  -- to standard output, the CSV is the same
  local rc2, stdout2, stderr2 = lua({ REPORT, S.EXAMPLES })
  t.is(rc2, 0, "to standard output: exit status 0")
  t.ok(stdout2 == S.read(out), "to standard output: the same CSV")
  t.is(stderr2, "", "to standard output: nothing on standard error")
  S.rmtree(dir)
end)

local A_XML = [[
<?xml version="1.0" encoding="UTF-8"?>
<plan xmlns="urn:unionplan:1" version="1" xml:lang="zh-Hans">
  <meta>
    <title>国庆</title>
  </meta>
  <schedule>
    <month month="10" year="2012" label="十月：">
      <activity date="2012-10-01" holiday="national-day" relation="on">升旗仪式</activity>
      <activity date="2012-10-08">节后例会</activity>
    </month>
    <month month="9" year="2012" label="九月：">
      <activity date="2012-09-29">调休上班：教研活动</activity>
      <activity date="2012-09-30">中秋游园</activity>
    </month>
  </schedule>
</plan>
]]

t.group("report.lua: days off, bad files, quoting", function ()
  local dir = S.tmpdir()
  S.write(dir .. "/a.xml", A_XML)
  S.write(dir .. "/b.xml", "<plan>broken")
  S.write(dir .. "/notes.txt", "not a plan")
  local rc, stdout, stderr = lua({ REPORT, dir })     -- CSV on stdout, the list on stderr
  t.is(rc, 1, "exit status 1: a file could not be read")
  t.is_deeply(parse_csv(stdout or ""), {
    HEADER,
    { "a.xml", "国庆", "2012-09", "2012-09-29", "", "调休上班：教研活动" },
    { "a.xml", "国庆", "2012-09", "2012-09-30", "", "中秋游园" },
    { "a.xml", "国庆", "2012-10", "2012-10-01", "national-day", "升旗仪式" },
    { "a.xml", "国庆", "2012-10", "2012-10-08", "", "节后例会" },
  }, "the CSV on standard output")
  local lines = {}
  for line in (stderr or ""):gmatch("[^\n]+") do lines[#lines + 1] = line end
  t.is(#lines, 3, "three lines on standard error")
  t.like(lines[1], "b%.xml", "the broken file first")
  -- 2012-09-29 is an adjusted working day (调休), 2012-10-08 a working Monday
  t.is_deeply({ lines[2], lines[3] }, { "a.xml:13: 2012-09-30 day-off (national-day): 中秋游园",
                                        "a.xml:8: 2012-10-01 day-off (national-day): 升旗仪式" },
              "the activities on days off, in month order")

  -- a text with a comma and a quote is quoted as RFC 4180 says
  S.sh("rm -f " .. S.quote(dir .. "/b.xml"))
  S.write(dir .. "/a.xml", (A_XML:gsub("节后例会", '节后例会, "总结"')))
  rc, stdout = lua({ REPORT, dir })
  t.is(rc, 0, "exit status 0 without the broken file")
  t.like(stdout, '\n' .. 'a%.xml,国庆,2012%-10,2012%-10%-08,,"节后例会, ""总结"""\n', "quoted field")
  t.is(parse_csv(stdout)[5][6], '节后例会, "总结"', "and read back")
  S.rmtree(dir)
end)

t.group("report.lua usage", function ()
  local rc, _, stderr = lua({ REPORT })
  t.is(rc, 2, "no folder: exit status 2")
  t.like(stderr, "usage", "a usage line")
end)

-- The first ```lua block after the line matching the pattern after.
local function fenced_block(text, after)
  local s = text:find(after)
  if not s then error("no " .. after .. " in the document") end
  local code = text:match("\n```lua\n(.-\n)```", s)
  if not code then error("no lua block after " .. after) end
  return code
end

local FIVE_LINES = {
  "2012-09-10\tteachers-day\t教师节表彰活动(9/10)",
  "2012-09-25\tnil\t上交第二季度财务报表（9/25）",
  "2012-12-31\tspring-festival\t组织迎新春教工运动会 （12/31）",
}

local function run_block(code)
  local dir = S.tmpdir()
  local script = S.write(dir .. "/example.lua", code)
  local rc, out, err = lua({ script }, S.TOP_SRCDIR)
  S.rmtree(dir)
  t.is(rc, 0, "the example runs" .. (rc ~= 0 and (": " .. tostring(err)) or ""))
  local lines = {}
  for line in (out or ""):gmatch("[^\n]+") do lines[#lines + 1] = line end
  return lines
end

t.group("the README's Lua example", function ()
  local readme = assert(S.read(S.TOP_SRCDIR .. "/README.md"))
  local code = fenced_block(readme, "\n## Lua\n")
  t.is(S.count(code:gmatch("[^\n]*\n")), 5, "five lines")
  t.is_deeply(run_block(code), FIVE_LINES, "it prints the three dated activities")
  local guide = assert(S.read(S.TOP_SRCDIR .. "/doc/lua.md"))
  t.is(fenced_block(guide, "^# Lua"), code, "the guide opens with the same example")
end)

t.group("the guide's tested examples", function ()
  local guide = assert(S.read(S.TOP_SRCDIR .. "/doc/lua.md"))
  local n = 0
  for name, code, after in guide:gmatch("<!%-%- tested: ([%w-]+)[^\n]-%-%->\n```lua\n(.-\n)```\n()") do
    n = n + 1
    local want = guide:match("^\nprints:?\n\n```\n(.-\n)```", after)
    local got = run_block(code)
    if want then
      local lines = {}
      for line in want:gmatch("[^\n]+") do lines[#lines + 1] = line end
      t.is_deeply(got, lines, "doc/lua.md example " .. name .. " prints what the guide says")
    else
      t.ok(true, "doc/lua.md example " .. name .. " runs")
    end
  end
  t.is(n, 5, "the guide's five tested examples were found")
end)

S.cleanup()
t.done_testing()
