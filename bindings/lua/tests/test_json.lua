-- The exports: doc:to_json() and up.loads_json(), doc:to_text(), doc:to_ics(),
-- doc:to_docx().
--
-- Known answers from doc/examples/seed-000.xml (26 activities, counted
-- with xmllint --xpath; the one dated 2012-09-10 is the 教师节 activity)
-- and from doc/json.md.

local here = (arg and arg[0] or ""):match("^(.*)/[^/]*$") or "."
package.path = here .. "/?.lua;" .. package.path
local t = require "tap"
local S = require "uplsupport"
local up = require "unionplan"

local function count(s, pattern)
  local n = 0
  for _ in s:gmatch(pattern) do n = n + 1 end
  return n
end

t.group("to_json", function ()
  local d = assert(up.load(S.EXAMPLES .. "/seed-000.xml"))
  local j = d:to_json()
  t.like(j, '^{"format":"unionplan","version":1,"collection":false,"plans":%[', "the document's members first")
  t.is(count(j, '"kind":"activity"'), 26, "26 activities")
  t.is(count(j, "\n"), 1, "one line, ending with a newline")
  t.like(j, '"date":"2012%-09%-10","holiday":{"key":"teachers%-day","name":"教师节"}',
         "a date as ISO text, a holiday as key and Chinese name")
  t.ok(not j:find('"position"', 1, true), "no positions unless asked")
  local p = d:to_json{ positions = true }
  t.like(p, '"position":{"line":2,"column":1}', "positions when asked (the plan at line 2)")
  t.ok(count(d:to_json{ pretty = true }, "\n") > 100, "pretty: one member to a line")
  t.raises(function () d:to_json{ colour = true } end, "colour", "an unknown option is misuse")
  t.raises(function () d:to_json{ pretty = "yes" } end, "boolean", "a non-boolean option is misuse")
  t.raises(function () d[1]:to_json() end, nil, "a plan has no to_json")
end)

t.group("loads_json", function ()
  for _, n in ipairs { "000", "001", "002", "003", "004" } do
    local d = assert(up.load(S.EXAMPLES .. "/seed-" .. n .. ".xml"))
    local j = d:to_json()
    local back = assert(up.loads_json(j))
    t.is(back:dumps(), d:dumps(), "seed " .. n .. ": XML -> JSON -> XML is the same XML")
    t.is(back:to_json(), j, "seed " .. n .. ": JSON -> model -> JSON is the same JSON")
  end
  local doc, msg, line, col, code = up.loads_json('{\n "format": }', { name = "b.json" })
  t.is(doc, nil, "bad JSON: nil")
  t.like(msg, "^b%.json:2:12: ", "the message has the name and the place")
  t.is(line, 2, "its line")
  t.is(col, 12, "its column")
  t.is(code, "EPARSE", "its code")
  doc, msg = up.loads_json('{"format": "unionplan", "version": 1}')
  t.is(doc, nil, "JSON that is not a plan document: nil")
  t.ok(type(msg) == "string" and #msg > 0, "with a message")
  local j = assert(up.load(S.EXAMPLES .. "/seed-000.xml")):to_json()
  t.is(up.loads_json(j, { max_bytes = 100 }), nil, "larger than max_bytes: nil")
  t.raises(function () up.loads_json({}) end, nil, "a table is misuse")
end)

t.group("to_text", function ()
  local d = assert(up.load(S.EXAMPLES .. "/seed-000.xml"))
  local text = d:to_text()
  t.like(text, "\n　　2012学年第一学期学校工会", "paragraphs indented with two full-width spaces")
  local back = assert(up.import_text(text))
  local n = 0
  for _ in back[1]:activities() do n = n + 1 end
  t.is(n, 26, "imported back: 26 activities")
  local wrapped = d:to_text{ width = 40 }
  local starts_bad = 0
  for line in wrapped:gmatch("[^\n]+") do
    if line:find("^，") or line:find("^。") or line:find("^、") then starts_bad = starts_bad + 1 end
  end
  t.is(starts_bad, 0, "no line starts with ，。、")
  t.ok(#wrapped > #text, "wrapping adds line breaks")
  t.like(d:to_text{ renumber = true }, "\n一、", "renumbered headings")
  t.raises(function () d:to_text{ width = 2000 } end, "width", "a width over 1000 is misuse")
  t.raises(function () d:to_text{ colour = 1 } end, "colour", "an unknown option is misuse")
  local trad = assert(up.load(S.EXAMPLES .. "/seed-001.xml"))
  t.ok(trad:to_text{ simplified = true } ~= trad:to_text(), "simplified converts traditional text")
end)

t.group("to_docx", function ()
  local d = assert(up.load(S.EXAMPLES .. "/seed-000.xml"))
  local data = d:to_docx()
  t.is(data:sub(1, 4), "PK\3\4", "a ZIP archive")
  t.is(d:to_docx(), data, "the same bytes again")
  local back = assert(up.import_text(data))
  local n = 0
  for _ in back[1]:activities() do n = n + 1 end
  t.is(n, 26, "imported back: 26 activities")
  t.is(back[1].title, "2012学年第一学期工会工作计划", "and its title")
  t.ok(d:to_docx{ renumber = true } ~= data, "renumbered: other bytes")
  t.raises(function () d:to_docx{ width = 40 } end, "width", "an option of text only is misuse")
end)

t.group("to_ics", function ()
  local d = assert(up.load(S.EXAMPLES .. "/seed-000.xml"))
  local ics = d:to_ics()
  t.like(ics, "^BEGIN:VCALENDAR\r\n", "a calendar")
  t.is(count(ics, "BEGIN:VEVENT"), 26, "26 events")
  for _, day in ipairs { "20120910", "20120925", "20121231" } do
    t.like(ics, "DTSTART;VALUE=DATE:" .. day .. "\r\n", "an event on " .. day)
  end
  t.is(d:to_ics(), ics, "the same text twice (stable UIDs)")
  local longest = 0
  for line in ics:gmatch("([^\r\n]*)\r\n") do
    if #line > longest then longest = #line end
  end
  t.ok(longest <= 75, "no line over 75 octets (" .. longest .. ")")
  t.ok(count(d:to_ics{ holidays = true }, "BEGIN:VEVENT") > 26, "holidays add events")
  t.raises(function () d:to_ics{ holiday = true } end, "holiday", "an unknown option is misuse")
end)

S.cleanup()
t.done_testing()
