-- doc:to_html{}: one self-contained page (doc/html.md); up.holidays_ics{}:
-- the feed of the official calendar (doc/ics.md).
--
-- Known answers: seed 000 has 26 activities in 5 months, one of them dated
-- 2012-09-10 (教师节, a Monday); tests/data/export/html-plan.xml skips from
-- （一） to （三） (a numbering-skip warning at line 23); 2026 has 20
-- festivals, 33 official days off and 6 adjusted working days.

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

local void = { meta = true, hr = true, br = true, link = true, img = true, input = true }

-- Every element that is not void closed in order: nil, or what went wrong.
local function unbalanced(page)
  local stack = {}
  for close, name in page:gmatch("<(/?)([%a][%w]*)[^>]*>") do
    name = name:lower()
    if close == "/" then
      if stack[#stack] ~= name then return "</" .. name .. "> closes " .. tostring(stack[#stack]) end
      stack[#stack] = nil
    elseif not void[name] then
      stack[#stack + 1] = name
    end
  end
  if #stack > 0 then return "left open: " .. table.concat(stack, " ") end
  return nil
end

t.group("to_html", function ()
  local d = assert(up.load(S.EXAMPLES .. "/seed-000.xml"))
  local page = d:to_html()
  t.like(page, "^<!DOCTYPE html>\n<html lang=\"zh%-CN\">\n", "a page in zh-CN")
  t.is(unbalanced(page:gsub("<style>.-</style>", "")), nil, "every element closed in order")
  t.is(count(page, "<li class=\"activity\">"), 26, "26 activities")
  t.is(count(page, "<tr class=\"month\""), 5, "5 months")
  t.like(page, "<time datetime=\"2012%-09%-10\">9月10日（周一）</time>", "the 教师节 activity's date")
  local ids = {}
  for id in page:gmatch(" id=\"([^\"]+)\"") do ids[id] = true end
  local links, missing = 0, {}
  for id in page:gmatch(" href=\"#([^\"]+)\"") do
    links = links + 1
    if not ids[id] then missing[#missing + 1] = id end
  end
  t.ok(links > 0, "the table of contents links " .. links .. " parts")
  t.is_deeply(missing, {}, "every link names an id")
  t.ok(not page:find("<script", 1, true) and not page:find("src=", 1, true), "nothing outside the page")
  t.is(d:to_html(), page, "the same page twice")
  t.raises(function () d:to_html{ holidays = true } end, "holidays", "an unknown option is misuse")
end)

t.group("to_html options", function ()
  local d = assert(up.load(S.DATA .. "/export/html-plan.xml"))
  local f = assert(io.open(S.DATA .. "/export/html-plan.html", "rb"))
  local golden = f:read("*a")
  f:close()
  local plain = d:to_html()
  t.is(plain, golden, "the golden page")
  t.ok(not plain:find("class=\"diag", 1, true), "no diagnostics unless asked")
  local page = d:to_html{ diagnostics = true }
  t.like(page, "<p>错误 0 个，警告 1 个，提示 1 个。</p>", "the report's counts")
  t.like(page, "<span class=\"diag warning\" id=\"d2\" role=\"note\"><a href=\"#r2\">"
         .. "<span class=\"sev\">警告</span> 第23行：", "the warning beside its element")
  local renumbered = d:to_html{ renumber = true }
  t.like(renumbered, "<span class=\"label\">（二）</span>关心教职工", "（三） renumbered （二）")
  t.ok(not renumbered:find("（三）", 1, true), "no （三） left")
  local hant = assert(up.loads('<plan xmlns="urn:unionplan:1" version="1" xml:lang="zh-Hant">'
    .. '<meta><title>小學工會工作計劃</title></meta><p>為教職工 &lt;&amp;&gt;</p></plan>'))
  local hp = hant:to_html()
  t.like(hp, "<html lang=\"zh%-Hant\">", "a traditional plan is zh-Hant")
  t.like(hp, "<p>為教職工 &lt;&amp;&gt;</p>", "text escaped, Chinese intact")
end)

t.group("holidays_ics", function ()
  local feed = assert(up.holidays_ics(2026))
  t.like(feed, "^BEGIN:VCALENDAR\r\n", "a calendar")
  t.like(feed, "X%-WR%-CALNAME:中国节假日 2026\r\n", "named")
  t.is(count(feed, "BEGIN:VEVENT"), 59, "59 events in 2026")
  t.is(count(feed, "SUMMARY:调休上班\r\n"), 6, "6 adjusted working days")
  t.is(up.holidays_ics{ 2026 }, feed, "a list of one year is the same")
  local two = assert(up.holidays_ics{ 2025, 2026 })
  t.ok(count(two, "BEGIN:VEVENT") > 59, "two years give more")
  t.like(two, "UID:20251001%-off%-national%-day@", "2025's 国庆节")
  local cal = up.calendar()
  t.is(cal:holidays_ics(2026), feed, "the same from a calendar")
  t.is(up.holidays_ics(2026, cal), feed, "or with the calendar given")
  local none, msg = up.holidays_ics{ 2026, 1990 }
  t.is(none, nil, "a year without an arrangement gives nil")
  t.like(msg, "1990", "and a message naming it")
  t.raises(function () up.holidays_ics{} end, "at least one year", "no year is misuse")
  t.raises(function () up.holidays_ics(0) end, "1..9999", "year 0 is misuse")
  t.raises(function () up.holidays_ics{ 2026, "x" } end, "years", "a list with a string is misuse")
  t.raises(function () up.holidays_ics("x") end, "year", "a string is misuse")
end)

S.cleanup()
t.done_testing()
