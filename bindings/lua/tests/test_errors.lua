-- Errors: `nil, message, line, column, code` for bad data, error() for
-- misuse (never a crash), and loops that must not grow the process.
--
-- The positions of the malformed inputs were worked out by hand (columns
-- count code points) and agree with `unionplan validate` and xmllint.

local here = (arg and arg[0] or ""):match("^(.*)/[^/]*$") or "."
package.path = here .. "/?.lua;" .. package.path
local t = require "tap"
local S = require "uplsupport"
local up = require "unionplan"

-- a tag mismatch: line 4, column 8 (after "</plan>")
local MISMATCH = '<?xml version="1.0"?>\n<plan xmlns="urn:unionplan:1" version="1">\n'
                 .. '  <meta>\n</plan>\n'
-- a bare "&" after three Chinese characters: line 4, column 11 in code
-- points (byte column 17)
local AMPERSAND = '<?xml version="1.0" encoding="UTF-8"?>\n'
                  .. '<plan xmlns="urn:unionplan:1" version="1" xml:lang="zh-Hans">\n'
                  .. '  <meta><title>工会计划</title></meta>\n'
                  .. '  <p>教师节 & 表彰</p>\n'
                  .. '</plan>\n'
-- well-formed but not schema-valid: month="13", its attribute at line 4, column 20
local MONTH13 = '<?xml version="1.0" encoding="UTF-8"?>\n'
                .. '<plan xmlns="urn:unionplan:1" version="1" xml:lang="zh-Hans">\n'
                .. '  <meta><title>t</title></meta>\n'
                .. '  <schedule><month month="13"><activity>x</activity></month></schedule>\n'
                .. '</plan>\n'
-- "一、工作目标\n" in GB18030, then a truncated two-byte start of a
-- four-byte sequence on line 2
local GB_TRUNCATED = "\210\187\161\162\185\164\215\247\196\191\177\234\10\129\48"

local function pack(...)
  return { n = select("#", ...), ... }
end

-- checks a `nil, message, line, column, code` return
local function failure(r, line, column, code, name)
  t.is(r[1], nil, name .. ": nil")
  t.is(type(r[2]), "string", name .. ": a message")
  t.is(r[3], line, name .. ": line")
  t.is(r[4], column, name .. ": column")
  t.is(r[5], code, name .. ": code")
end

local dir = S.tmpdir()
local function file(name, data)
  return S.write(dir .. "/" .. name, data)
end

t.group("tag mismatch", function ()
  local path = file("bad.xml", MISMATCH)
  local r = pack(up.load(path))
  failure(r, 4, 8, "EPARSE", "load")
  t.like(r[2], "Opening and ending tag mismatch", "the parser's message")
  t.like(r[2], "4", "the message gives the line")
  failure(pack(up.loads(MISMATCH)), 4, 8, "EPARSE", "loads")
  failure(pack(up.loads(MISMATCH, { name = "upload.xml" })), 4, 8, "EPARSE", "loads{name=}")
  local rc, lines = S.cli_validate_lines(path)
  if rc then
    t.is(rc, 1, "the CLI fails it")
    t.is(lines[1] and lines[1]:sub(1, #path + 12), path .. ":4:8: error:", "the CLI's position")
  else
    t.skip("cli/unionplan is not built", 2)
  end
  local diags = up.validate(path)
  t.is(diags.failed, true, "up.validate: failed")
  t.is(diags[1].severity, "error", "up.validate: an error")
  t.is(diags[1].line, 4, "up.validate: line 4")
  t.is(diags[1].column, 8, "up.validate: column 8")
  if rc then t.is_deeply(S.map(diags, S.diag_line), lines, "up.validate lines equal the CLI's") end
end)

t.group("columns count code points", function ()
  failure(pack(up.loads(AMPERSAND)), 4, 11, "EPARSE", "loads")
  failure(pack(up.load(file("amp.xml", AMPERSAND))), 4, 11, "EPARSE", "load")
end)

t.group("schema-invalid", function ()
  local path = file("m13.xml", MONTH13)
  failure(pack(up.load(path)), 4, 20, "EPARSE", "load")
  failure(pack(up.loads(MONTH13)), 4, 20, "EPARSE", "loads")
  local diags = up.validate(path)
  t.is(diags.failed, true, "validate: failed")
  t.is_deeply(S.map(diags, function (d) return d.line .. ":" .. d.column .. " " .. d.code end),
              { "4:20 schema-value" }, "validate reports it")
end)

t.group("empty and not a plan", function ()
  local r = pack(up.load(file("empty.xml", "")))
  t.is(r[1], nil, "an empty file: nil")
  t.is(type(r[2]), "string", "an empty file: a message")
  t.is(r[3], 1, "an empty file: line 1")
  t.is(pack(up.loads(""))[1], nil, "loads(''): nil")
  t.is(pack(up.loads("<html><body/></html>"))[1], nil, "an HTML page: nil")
  t.is(pack(up.loads("\255\254\0garbage"))[1], nil, "binary garbage: nil")
  local text = '<?xml version="1.0" encoding="GB18030"?>\n<plan xmlns="urn:unionplan:1" version="1"/>'
  t.is(pack(up.loads(text))[1], nil, "a plan without meta or lang: nil")
end)

t.group("no external entities", function ()
  local secret = file("secret.txt", "SECRET")
  local data = '<?xml version="1.0"?>\n<!DOCTYPE plan [<!ENTITY x SYSTEM "file://' .. secret
               .. '">]>\n<plan xmlns="urn:unionplan:1" version="1" xml:lang="zh-Hans">\n'
               .. '  <meta><title>&x;</title></meta>\n</plan>\n'
  local doc = up.loads(data)
  t.ok(doc == nil or doc[1].title ~= "SECRET", "the entity is not read")
end)

t.group("import_text of text that cannot be decoded", function ()
  failure(pack(up.import_text("\255\254 abc\n", { encoding = "utf-8" })), 1, 1, "EENCODING",
          "invalid UTF-8")
  failure(pack(up.import_text(GB_TRUNCATED, { encoding = "gb18030" })), 2, 1, "EENCODING",
          "truncated GB18030")
  local path = file("bad.txt", "\255\254 abc\n")
  local r = pack(up.import_text(path, { encoding = "utf-8" }))
  failure(r, 1, 1, "EENCODING", "from a file")
  for _, data in ipairs({ "", "   \n\n" }) do
    r = pack(up.import_text(data, { from = "string" }))
    t.is(r[1], nil, string.format("nothing to import in %q: nil", data))
    t.is(r[5], "EPARSE", string.format("nothing to import in %q: EPARSE", data))
  end
end)

t.group("files that cannot be read", function ()
  local missing = dir .. "/nope.xml"
  local calls = { load = up.load, import_text = up.import_text, validate = up.validate }
  for name, call in pairs(calls) do
    local r = pack(call(missing))
    t.is(r[1], nil, name .. " of a missing file: nil")
    t.is(type(r[2]), "string", name .. ": a message")
    t.ok(type(r[2]) == "string" and r[2]:find(missing, 1, true) ~= nil, name .. ": it names the file")
    local d = pack(call(dir))
    t.is(d[1], nil, name .. " of a directory: nil")
    t.is(type(d[2]), "string", name .. " of a directory: a message")
  end
  local r = pack(up.load(missing))
  t.is(r[5], "EIO", "a missing file: EIO")
  t.is(pack(up.load("-"))[1], nil, "'-' is a file name, not standard input")
  local locked = file("locked.xml", S.read(S.example(0)))
  S.sh("chmod 0 " .. S.quote(locked))
  if S.read(locked) then
    t.skip("this user reads any file")
  else
    local rl = pack(up.load(locked))
    t.is(rl[1], nil, "an unreadable file: nil")
    t.is(type(rl[2]), "string", "an unreadable file: a message")
    t.is(rl[5], "EIO", "an unreadable file: EIO")
  end
end)

-- misuse: every call must raise an error (caught by pcall), never crash
local function misuse(name, fn, ...)
  if type(fn) ~= "function" then
    t.ok(false, name .. ": no such function")
    return
  end
  local ok, err = pcall(fn, ...)
  if not t.ok(not ok, name .. " raises an error") then
    t.diag("  returned: " .. tostring(err))
  end
end

t.group("misuse: wrong types and nil", function ()
  local bad_sources = { { "nil", nil }, { "a table", {} }, { "true", true },
                        { "a function", print }, { "a document", up.document() } }
  for _, b in ipairs(bad_sources) do
    misuse("load(" .. b[1] .. ")", up.load, b[2])
    misuse("loads(" .. b[1] .. ")", up.loads, b[2])
    misuse("validate(" .. b[1] .. ")", up.validate, b[2])
    misuse("import_text(" .. b[1] .. ")", up.import_text, b[2])
  end
  misuse("load() with no argument", up.load)
  misuse("load(path, 5)", up.load, S.example(0), 5)
  misuse("loads(s, {name={}})", up.loads, MISMATCH, { name = {} })
  misuse("loads(s, {max_bytes='x'})", up.loads, MISMATCH, { max_bytes = "x" })
  misuse("import_text(p, {encoding={}})", up.import_text, S.seed_text(0), { encoding = {} })
  misuse("import_text(p, {from='socket'})", up.import_text, S.seed_text(0), { from = "socket" })
  local r = pack(pcall(up.import_text, S.seed_text(0), { encoding = "klingon" }))
  t.ok(r[1] == false or r[2] == nil, "import_text{encoding='klingon'} raises or gives nil")

  local doc = up.load(S.example(0))
  misuse("doc:validate{rules=5}", doc.validate, doc, { rules = 5 })
  misuse("doc:validate{rules={'no-such-group'}}", doc.validate, doc, { rules = { "no-such-group" } })
  misuse("doc:validate{today=...}", doc.validate, doc, { today = "2012-09-01" })
  misuse("doc:validate{colour=1}", doc.validate, doc, { colour = 1 })
  misuse("doc:validate(5)", doc.validate, doc, 5)
  misuse("up.validate(path, {today=...})", up.validate, S.example(0), { today = "2012-09-01" })
  misuse("doc:dump(nil)", doc.dump, doc, nil)
  misuse("doc:dump({})", doc.dump, doc, {})
  misuse("doc.dumps(nil)", doc.dumps, nil)
  misuse("doc.dumps(42)", doc.dumps, 42)

  -- a method called on another kind of userdata: an error, or the method
  -- of that kind (the methods are shared), never a crash
  local plan = doc[1]
  local month = plan:schedule()()
  for _, c in ipairs({ { "plan.activities(doc)", plan.activities, doc },
                       { "month.activities(plan)", month.activities, plan },
                       { "doc.dumps(plan)", doc.dumps, plan } }) do
    local ok = pcall(function ()
      local r = c[2](c[3])
      if type(r) == "function" then for _ in r do end end
    end)
    t.ok(ok == true or ok == false, c[1] .. " raises or works")
  end
  misuse("month.add(month, doc)", month.add, month, doc)
  misuse("month.add_activity(doc, {...})", month.add_activity, doc, { text = "x" })
  misuse("io.stdout as a document", doc.dumps, io.stdout)
  misuse("doc:remove(7)", doc.remove, doc, 7)
  misuse("doc:insert(0, plan)", doc.insert, doc, 0, up.plan{ title = "x" })
  t.is(doc[5], nil, "doc[5] is nil")

  misuse("up.activity{no_such_key=1}", up.activity, { text = "x", no_such_key = 1 })
  misuse("up.month('九月')", up.month, "九月")
  misuse("up.plan(5)", up.plan, 5)
  misuse("up.document{5}", up.document, { 5 })
end)

t.group("misuse: a NUL byte in a path", function ()
  -- the path must not be cut at the NUL: "seed-000.xml\0.bak" is not seed-000.xml
  local cut = S.example(0) .. "\0.bak"
  local function refused(name, fn, ...)
    local ok, res = pcall(fn, ...)
    t.ok(not ok or res == nil, name .. " with a NUL in the path raises or gives nil")
    if ok and res ~= nil then t.diag("  got " .. tostring(res)) end
  end
  refused("load", up.load, cut)
  local ok, diags = pcall(up.validate, cut)
  t.ok(not ok or diags == nil or not (#diags == 2 and diags[1].code == "numbering-duplicate"),
       "validate with a NUL in the path does not check the cut name")
  refused("import_text", up.import_text, S.seed_text(0) .. "\0.bak", { from = "path" })
  refused("calendar", up.calendar, S.DATA .. "/calendar/good-2027.txt\0.bak")
  local out = dir .. "/nul.xml"
  local doc = up.load(S.example(0))
  refused("dump", doc.dump, doc, out .. "\0.bak")
  t.ok(not S.exists(out), "dump did not write the cut name")
end)

-- Runs code in a child process of the same Lua: it must raise an error
-- (caught there by pcall), and the child must not crash.
local function misuse_child(name, code)
  local script = "local up = require 'unionplan'\n"
                 .. "local ok, err = pcall(function () " .. code .. " end)\n"
                 .. "if ok then os.exit(3) end\n"
  local rc, _, err = S.run(S.quote(S.interpreter()) .. " -e " .. S.quote(script))
  if not t.ok(rc == 0, name .. " raises an error (child exit " .. tostring(rc) .. ")") then
    t.diag("  " .. tostring(err))
  end
end

t.group("constructors without their table", function ()
  -- up.activity() and the like: nothing to build from but no reason to crash
  misuse_child("up.month()", "return up.month()")
  misuse_child("month:add_activity(5)", "return up.month{ month = 1 }:add_activity(5)")
  for _, c in ipairs({ "up.activity()", "up.section()", "up.item()", "up.paragraph()",
                       "up.note()", "up.schedule()", "up.plan()", "up.section{}:add_section()",
                       "up.section{}:add_schedule()", "up.document():add_plan()" }) do
    local script = "local up = require 'unionplan'\n"
                   .. "local ok, err = pcall(function () return " .. c .. " end)\n"
                   .. "if not ok and not tostring(err):find('fields are named') then os.exit(0) end\n"
                   .. "if ok then os.exit(0) end\n"
                   .. "io.stderr:write(tostring(err)) os.exit(4)\n"
    local rc, _, err = S.run(S.quote(S.interpreter()) .. " -e " .. S.quote(script))
    if not t.ok(rc == 0, c .. ": a node, or an error about its arguments, never a crash (child exit "
                .. tostring(rc) .. ")") then
      t.diag("  " .. tostring(err))
    end
  end
end)

t.group("misuse: empty document and absurd numbers", function ()
  local r = pack(pcall(function () return up.document():dumps() end))
  t.ok(r[1] == false or r[2] == nil, "an empty document cannot be written (raises or nil)")
  for _, bad in ipairs({ 2 ^ 31, 2 ^ 53, 2 ^ 64, -(2 ^ 63), 1e30, math.huge, -math.huge }) do
    misuse("month year " .. tostring(bad), up.month, { month = 9, year = bad })
    misuse("section number " .. tostring(bad), up.section, { number = bad })
    misuse("holidays(" .. tostring(bad) .. ")", up.holidays, bad)
  end
  misuse("month year NaN", up.month, { month = 9, year = 0 / 0 })
  misuse("month year 1.5", up.month, { month = 9, year = 2026.5 })
end)

t.group("misuse: the calendar", function ()
  for _, bad in ipairs({ 0, -1, 10000, 2 ^ 40 }) do
    misuse("holidays(" .. bad .. ")", up.holidays, bad)
    misuse("solar_terms(" .. bad .. ")", up.solar_terms, bad)
    misuse("festival('mid-autumn', " .. bad .. ")", up.festival, "mid-autumn", bad)
  end
  misuse("holidays(nil)", up.holidays, nil)
  misuse("holidays({})", up.holidays, {})
  for _, bad in ipairs({ "2027-02-30", "2027-2-6", "20270206", "", "tomorrow" }) do
    misuse("lunar('" .. bad .. "')", up.lunar, bad)
    misuse("workday('" .. bad .. "')", up.workday, bad)
    misuse("add_workdays('" .. bad .. "', 1)", up.add_workdays, bad, 1)
    misuse("workdays_between('" .. bad .. "', ...)", up.workdays_between, bad, "2012-01-01")
  end
  for _, bad in ipairs({ { "nil", nil }, { "a table", {} }, { "true", true } }) do
    misuse("lunar(" .. bad[1] .. ")", up.lunar, bad[2])
    misuse("workday(" .. bad[1] .. ")", up.workday, bad[2])
    misuse("is_workday(" .. bad[1] .. ")", up.is_workday, bad[2])
  end
  misuse("add_workdays(d, 1.5)", up.add_workdays, "2012-06-01", 1.5)
  misuse("add_workdays(d, 1e30)", up.add_workdays, "2012-06-01", 1e30)
  misuse("add_workdays(d)", up.add_workdays, "2012-06-01")
  misuse("from_lunar(2027, 13, 1)", up.from_lunar, 2027, 13, 1)
  misuse("from_lunar(2027, 1, 31)", up.from_lunar, 2027, 1, 31)
  misuse("from_lunar(2027, 0, 1)", up.from_lunar, 2027, 0, 1)
  misuse("from_lunar(2012, 8)", up.from_lunar, 2012, 8)
  -- a day that does not exist (no leap third month in 2023) is not misuse
  local r0 = pack(pcall(up.from_lunar, 2023, 3, 1, true))
  t.ok(r0[1] == false or (r0[2] == nil and type(r0[3]) == "string"),
       "from_lunar(2023, 3, 1, true): an error, or nil and a message")
  misuse("festival('', 2012)", up.festival, "", 2012)
  misuse("festival('moon-day', 2012)", up.festival, "moon-day", 2012)
  misuse("festival(nil, 2012)", up.festival, nil, 2012)
  misuse("holidays_between(later, earlier)", up.holidays_between, "2012-10-01", "2012-09-01")
  misuse("workday(d, 'embedded')", up.workday, "2012-01-01", "embedded")
  misuse("holidays(2012, {statutory=true}, 0)", up.holidays, 2012, { statutory = true }, 0)
  local status = up.workday("9999-12-31")
  t.is(status, "unknown", "workday of 9999-12-31 is unknown")
  local r = pack(up.is_workday("9999-01-04"))
  t.is(r[1], nil, "is_workday without data: nil")
  t.is(type(r[2]), "string", "is_workday without data: a message")
end)

-- Runs fn n times after a warm-up, collecting every 100 rounds; returns the
-- growth of Lua's heap (KB) and of the resident set (pages) over the second
-- half of the rounds: the first half lets one-time costs (LuaJIT's traces,
-- string tables, the allocator's arenas) settle, a leak grows in both.
local function grow(fn, n)
  local function rounds(k)
    for i = 1, k do
      fn()
      if i % 100 == 0 then collectgarbage() end
    end
    collectgarbage()
    collectgarbage()
  end
  for _ = 1, 200 do fn() end
  rounds(n / 2)
  local kb, rss = collectgarbage("count"), S.rss_pages()
  rounds(n / 2)
  return collectgarbage("count") - kb, rss and (S.rss_pages() - rss)
end

-- A leaked document is hundreds of KB; a leaked userdata or table a load
-- is over 30 bytes, 150 KB over 5,000 rounds.
local SLACK_PAGES = 1024     -- 4 MiB with 4 KiB pages
local SLACK_KB = 64

-- Under valgrind or AddressSanitizer, freed memory stays resident (their
-- quarantine) and every round is slow: the rounds are fewer, the Lua heap is
-- still checked, the resident size is not (the tool itself reports leaks).
local UNDER_TOOL = os.getenv("UPL_LUA_VALGRIND") == "yes" or os.getenv("UPL_LUA_ASAN") == "yes"

local function no_growth(name, fn, n)
  if UNDER_TOOL then n = math.floor(n / 50) end
  local kb, pages = grow(fn, n)
  t.ok(kb < SLACK_KB, string.format("%s: Lua heap grew %.1f KB", name, kb))
  if UNDER_TOOL then
    t.skip("resident size under valgrind or AddressSanitizer")
  elseif pages then
    t.ok(pages < SLACK_PAGES, string.format("%s: RSS grew %d pages", name, pages))
  else
    t.skip("no /proc/self/statm")
  end
end

t.group("10,000 loads do not grow memory", function ()
  local path = S.example(0)
  local data = S.read(path)
  no_growth("10,000 loads", function ()
    local doc = up.load(path)
    local a = S.collect(doc[1]:activities())[2]
    assert(a.date == "2012-09-10")
    assert(#up.loads(data) == 1)
  end, 10000)
end)

t.group("errors do not grow memory", function ()
  no_growth("5,000 failures", function ()
    assert(up.loads(MISMATCH) == nil)
    assert(up.load("/nonexistent/unionplan.xml") == nil)
    assert(up.import_text("\255\254 abc\n", { encoding = "utf-8" }) == nil)
  end, 5000)
  local doc = up.load(S.example(0))
  no_growth("5,000 misuses", function ()
    assert(not pcall(up.activity, { text = "x", holiday = "no-such-day" }))
    assert(not pcall(up.month, { month = 13, label = "十三月" }))
    assert(not pcall(up.plan, { title = "x", lang = "klingon", authors = { "a", "b" } }))
    assert(not pcall(doc.validate, doc, { rules = { "numbering", "no-such-group" } }))
    assert(not pcall(up.loads, MISMATCH, { name = {} }))
  end, 5000)
end)

t.group("validate, dump and edit do not grow memory", function ()
  local doc = up.load(S.example(4))
  no_growth("3,000 edits", function ()
    doc:validate()
    doc:dumps()
    local m = up.month{ month = 9, year = 2026 }
    m:add_activity{ text = "x", date = "2026-09-10", holiday = "teachers-day" }
    m:remove(1)
  end, 3000)
end)

S.cleanup()
t.done_testing()
