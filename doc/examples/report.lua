-- Report on a folder of plans: every activity, as CSV, sorted by month, and
-- the activities that fall on official days off.
--
--     lua report.lua [-o OUT.csv] FOLDER
--
-- The CSV (to OUT.csv, or to standard output) has one row per activity:
--
--     file,plan,month,date,holiday,text
--
-- `file` is the plan's file name relative to FOLDER, `plan` its title,
-- `month` the year and month of the activity's month entry (`2012-09`;
-- `--09` when the plan does not give the year, as ISO 8601 writes a month
-- without a year; a span such as 七、八月份 counts as its first month), `date`
-- the activity's date when it has one, `holiday` its holiday key. Rows are
-- sorted by month (months without a year last, by month), and keep the
-- files' order (by name) and the document order within a month.
--
-- Then one line per dated activity that falls on an official day off (a
-- statutory holiday or a weekend that is not an adjusted working day), as
-- unionplan.workday() says:
--
--     FILE:LINE: DATE day-off (REASON): TEXT
--
-- on standard output, or on standard error when the CSV goes to standard
-- output. Files that are not plans are reported on standard error and
-- skipped. Exit status: 0, or 1 when a file could not be read, 2 for a
-- usage error. Runs under Lua 5.1 (LuaJIT) to 5.4.

local up = require "unionplan"

local FIELDS = { "file", "plan", "month", "date", "holiday", "text" }

-- The *.xml files of a folder, by name: LuaFileSystem when it is
-- installed, else ls(1).
local function xml_files(folder)
  local names = {}
  local has_lfs, lfs = pcall(require, "lfs")
  if has_lfs then
    for name in lfs.dir(folder) do
      if name:find("%.xml$") and name:sub(1, 1) ~= "." then names[#names + 1] = name end
    end
  else
    local ls = io.popen("ls -1 -- '" .. folder:gsub("'", "'\\''") .. "' 2>/dev/null")
    for name in ls:lines() do
      if name:find("%.xml$") and name:sub(1, 1) ~= "." then names[#names + 1] = name end
    end
    ls:close()
  end
  table.sort(names)
  return names
end

local function month_text(month)
  if month.year == nil then
    return string.format("--%02d", month.month)
  end
  return string.format("%04d-%02d", month.year, month.month)
end

-- Sort key: known years first, then months without a year; seq keeps the
-- files' order and the document order (table.sort is not stable).
local function before(a, b)
  if a.unknown ~= b.unknown then return not a.unknown end
  if a.year ~= b.year then return a.year < b.year end
  if a.month ~= b.month then return a.month < b.month end
  return a.seq < b.seq
end

-- Appends an entry for every activity of every plan of doc.
local function plan_rows(name, doc, entries)
  for plan in doc:plans() do
    for month in plan:schedule() do
      for act in month:activities() do
        entries[#entries + 1] = {
          unknown = month.year == nil, year = month.year or 0, month = month.month,
          seq = #entries + 1, activity = act,
          row = { file = name, plan = plan.title or "", month = month_text(month),
                  date = act.date or "", holiday = act.holiday or "", text = act.text or "" },
        }
      end
    end
  end
end

-- Every activity of the plans in folder, sorted by month; the messages of
-- the files that could not be loaded go into errors.
local function collect(folder, errors)
  local entries = {}
  for _, name in ipairs(xml_files(folder)) do
    local doc, message = up.load(folder .. "/" .. name)
    if doc then
      plan_rows(name, doc, entries)
    else
      errors[#errors + 1] = name .. ": " .. tostring(message)
    end
  end
  table.sort(entries, before)
  return entries
end

-- A CSV field, quoted when it holds a comma, a quote or a line break.
local function csv_field(s)
  if s:find('[,"\r\n]') then
    return '"' .. s:gsub('"', '""') .. '"'
  end
  return s
end

local function write_csv(entries, out)
  out:write(table.concat(FIELDS, ","), "\n")
  for _, e in ipairs(entries) do
    local cells = {}
    for i, f in ipairs(FIELDS) do cells[i] = csv_field(e.row[f]) end
    out:write(table.concat(cells, ","), "\n")
  end
end

local function list_days_off(entries, out)
  for _, e in ipairs(entries) do
    local date = e.activity.date
    if date and #date == 10 then
      local status, reason = up.workday(date)
      if status == "day-off" then
        out:write(string.format("%s:%s: %s day-off (%s): %s\n", e.row.file,
                                tostring(e.activity.line or "?"), date, reason or "",
                                e.row.text))
      end
    end
  end
end

local function usage(message)
  io.stderr:write("report: ", message, "\nusage: lua report.lua [-o OUT.csv] FOLDER\n")
  os.exit(2)
end

local function main(args)
  local output, folder = "-", nil
  local i = 1
  while i <= #args do
    local a = args[i]
    if a == "-o" or a == "--output" then
      output = args[i + 1] or usage("-o needs a file name")
      i = i + 1
    elseif a:sub(1, 9) == "--output=" then
      output = a:sub(10)
    elseif a == "-h" or a == "--help" then
      io.stdout:write("usage: lua report.lua [-o OUT.csv] FOLDER\n")
      os.exit(0)
    elseif folder == nil then
      folder = a
    else
      usage("one folder only")
    end
    i = i + 1
  end
  if folder == nil then usage("a folder of plan XML files is needed") end

  local errors = {}
  local entries = collect(folder, errors)
  for _, e in ipairs(errors) do io.stderr:write("report: ", e, "\n") end
  local listing = io.stdout
  if output == "-" then
    write_csv(entries, io.stdout)
    listing = io.stderr
  else
    local f = assert(io.open(output, "wb"))
    write_csv(entries, f)
    assert(f:close())
  end
  list_days_off(entries, listing)
  io.stdout:flush()
  return #errors > 0 and 1 or 0
end

os.exit(main(arg or {}))
