-- Documents: loading, walking, writing, validating, importing.
--
-- Known answers were read by hand off doc/examples/seed-NNN.xml (line
-- numbers with grep -n, counts with xmllint --xpath), never off the
-- module's output; diagnostics are compared with `unionplan validate`.

local here = (arg and arg[0] or ""):match("^(.*)/[^/]*$") or "."
package.path = here .. "/?.lua;" .. package.path
local t = require "tap"
local S = require "uplsupport"
local up = require "unionplan"

local TITLE0 = "2012学年第一学期工会工作计划"

local function kinds_of(list)
  return S.map(list, function (n) return n.kind end)
end

local function field(list, name)
  local out = {}
  for i = 1, #list do
    local v = list[i][name]
    if v == nil then v = "<nil>" end
    out[i] = v
  end
  return out
end

t.group("module", function ()
  t.is(type(up), "table", "require returns a table")
  t.is(rawget(_G, "unionplan"), nil, "require sets no global")
  t.like(up._VERSION, "^unionplan %d+%.%d+%.%d+", "_VERSION")
  t.like(up.version(), "^%d+%.%d+%.%d+$", "version() is MAJOR.MINOR.MICRO")
  t.is(up._VERSION, "unionplan " .. up.version(), "_VERSION names the linked library")
end)

t.group("load seed 000", function ()
  local doc = up.load(S.example(0))
  t.is(#doc, 1, "#doc")
  local p = doc[1]
  t.is(p.title, TITLE0, "doc[1].title")
  t.is(doc[2], nil, "doc[2] is nil")
  t.is(doc[0], nil, "doc[0] is nil")
  t.is(doc[-1], nil, "doc[-1] is nil")
  t.ok(doc[1] == doc[1], "doc[1] == doc[1]")
  t.ok(rawequal(doc[1], doc[1]), "one userdata per plan")
  t.is(type(doc), "userdata", "a document is userdata")
  t.is(S.count(doc:plans()), 1, "doc:plans() gives one plan")
  for plan in doc:plans() do t.ok(plan == p, "doc:plans() gives doc[1]") end
  t.is(doc.name, S.example(0), "doc.name is the path")
  t.is(doc.collection, false, "a single plan is no collection")
  t.like(tostring(doc), "^unionplan%.document", "tostring(doc)")
  -- the title, or its first 30 bytes and an ellipsis for a long one
  local shown = tostring(p):match("^unionplan%.plan: (.-)…?$")
  t.ok(shown and #shown > 0 and TITLE0:sub(1, #shown) == shown, "tostring(plan) shows the title")
end)

t.group("loads seed 000", function ()
  local data = assert(S.read(S.example(0)))
  local doc = up.loads(data)
  t.is(#doc, 1, "#doc")
  t.is(doc[1].title, TITLE0, "title")
  t.is(S.count(doc[1]:activities()), 26, "26 activities")
  local named = up.loads(data, { name = "upload.xml" })
  t.is(named.name, "upload.xml", "loads{name=}")
  t.is(named:dumps(), data, "loads then dumps gives the bytes")
end)

t.group("seed 000 meta", function ()
  local p = up.load(S.example(0))[1]
  t.is(p.title, TITLE0, "title")
  t.is(p.organization, nil, "no organization")
  t.is_deeply(p.authors, { "许美英" }, "authors")
  t.is(p.docnumber, nil, "no docnumber")
  t.is(p.issued, nil, "no issued")
  t.is(p.lang, "zh-Hans", "lang")
  t.is_deeply(p.period, { kind = "term", start = "2012-09-01", finish = "2013-01-31",
                          schoolyear = 2012, term = 1, text = "2012学年第一学期" }, "period")
  t.is_deeply(p.source, { file = "tests/data/seeds/000_4589f19a21d053f0.txt",
                          encoding = "UTF-8" }, "source")
  t.is(p.line, 2, "plan line")
  t.is(p.column, 1, "plan column")
  t.is(math.type and math.type(p.line) or "integer", "integer", "line is an integer")
  local authors = p.authors
  authors[1] = "changed"
  t.is(p.authors[1], "许美英", "authors is a copy")
end)

t.group("seed 000 body and sections", function ()
  local doc = up.load(S.example(0))
  local p = doc[1]
  local body = S.collect(p:body())
  t.is_deeply(kinds_of(body), { "section", "section", "section", "section" }, "body kinds")
  t.is_deeply(field(body, "label"), { "一、", "二、", "三、", "四、" }, "labels")
  t.is_deeply(field(body, "number"), { 1, 2, 3, 4 }, "numbers")
  t.is_deeply(field(body, "level"), { 1, 1, 1, 1 }, "levels")
  t.is_deeply(field(body, "role"), { "guidance", "tasks", "schedule", "routine" }, "roles")
  t.is_deeply(field(body, "heading"), { "指导思想", "重点工作", "具体工作安排", "常规工作：" },
              "headings")
  t.is_deeply(field(body, "line"), { 9, 13, 41, 82 }, "lines")
  t.is_deeply(field(body, "column"), { 3, 3, 3, 3 }, "columns")
  local secs = S.collect(p:sections())
  t.is(#secs, 4, "plan:sections() gives the 4 top-level sections")
  for i = 1, #body do
    t.ok(secs[i] == body[i], "section " .. i .. " is the body's")
    t.ok(body[i].parent == p, "a body block's parent is the plan")
    t.ok(body[i].plan == p, "node.plan")
  end
  t.ok(p.document == doc, "plan.document")

  local subs = {}
  for c in body[2]:children() do
    if c.kind == "section" then subs[#subs + 1] = c end
  end
  t.is(#subs, 5, "5 nested sections")
  t.is_deeply(field(subs, "label"), { "（一）．", "（二）．", "（三）．", "（四）．", "（五）．" },
              "nested labels")
  t.is_deeply(field(subs, "level"), { 2, 2, 2, 2, 2 }, "nested levels")
  t.is_deeply(field(subs, "line"), { 15, 19, 24, 30, 36 }, "nested lines")
  t.is_deeply(field(subs, "column"), { 5, 5, 5, 5, 5 }, "nested columns")
  t.is_deeply(field(subs, "role"), { "<nil>", "<nil>", "<nil>", "<nil>", "<nil>" }, "no roles")
  t.is(subs[5].heading, "规范工会财务制度，管好用好经费", "heading of （五）")
  for i = 1, #subs do t.ok(subs[i].parent == body[2], "nested parent " .. i) end

  local s2 = S.collect(subs[2]:children())
  t.is_deeply(kinds_of(s2), { "item", "item" }, "（二） holds two items")
  local item = s2[2]
  t.is(item.label, "2．", "item label")
  t.is(item.number, 2, "item number")
  t.is(item.line, 22, "item line")
  t.is(item.column, 7, "item column")
  t.like(item.text, "^认真筹备七届二次教代会", "item text start")
  t.like(item.text, "监督权。$", "item text end")
  local s3 = S.collect(subs[3]:children())
  t.is_deeply(kinds_of(s3), { "p", "item", "item" }, "（三） kinds")
  local para = s3[1]
  t.is(para.text, "学校工会坚持以师德建设为核心，以提高素质教育为目标，推进教职工队伍素质工程。",
       "paragraph text")
  t.is(para.line, 26, "paragraph line")
  t.is(para.column, 7, "paragraph column")
  t.is(para.label, nil, "paragraph without label")
  local routine = S.collect(body[4]:children())
  t.is(#routine, 6, "routine holds 6 items")
  t.is(routine[6].text, "参加局工会各项活动。", "last routine item")
end)

t.group("seed 000 schedule and activities", function ()
  local p = up.load(S.example(0))[1]
  local sched = S.collect(S.collect(p:body())[3]:children())[1]
  t.is(sched.kind, "schedule", "the schedule")
  t.is(sched.line, 43, "schedule line")
  t.is(sched.column, 5, "schedule column")
  local months = S.collect(p:schedule())
  t.is(#months, 5, "5 months")
  local from_sched = S.collect(sched:months())
  t.is(#from_sched, 5, "schedule:months()")
  for i = 1, #months do t.ok(months[i] == from_sched[i], "month " .. i .. " the same") end
  t.is_deeply(field(months, "month"), { 9, 10, 11, 12, 1 }, "month numbers")
  t.is_deeply(field(months, "year"), { 2012, 2012, 2012, 2012, 2013 }, "years")
  t.is_deeply(field(months, "to"), { "<nil>", "<nil>", "<nil>", "<nil>", "<nil>" }, "no spans")
  t.is_deeply(field(months, "label"), { "九月：", "十月：", "十一月：", "十二月：", "一月：" }, "labels")
  t.is_deeply(field(months, "line"), { 44, 54, 61, 68, 75 }, "lines")
  t.is_deeply(field(months, "column"), { 7, 7, 7, 7, 7 }, "columns")
  t.is_deeply(S.map(months, function (m) return S.count(m:activities()) end), { 8, 5, 5, 5, 3 },
              "activities per month")
  for i = 1, #months do
    t.is(months[i].kind, "month", "kind month")
    t.ok(months[i].parent == sched, "month's parent is the schedule")
  end

  local acts = S.collect(p:activities())
  t.is(#acts, 26, "26 activities")
  local dated = {}
  for _, a in ipairs(acts) do
    if a.date then
      dated[#dated + 1] = { a.date, a.holiday or "<nil>", a.relation or "<nil>" }
    end
  end
  t.is_deeply(dated, { { "2012-09-10", "teachers-day", "on" }, { "2012-09-25", "<nil>", "<nil>" },
                       { "2012-12-31", "spring-festival", "before" } }, "the 3 dated activities")
  local first = acts[1]
  t.is(first.kind, "activity", "kind")
  t.is(first.text, "工会例会：讨论工会工作计划", "text")
  t.is(first.label, "1．", "label")
  t.is(first.number, 1, "number")
  t.is(first.line, 45, "line")
  t.is(first.column, 9, "column")
  t.is(first.date, nil, "no date")
  t.is(first.holiday, nil, "no holiday")
  t.is(first.relation, nil, "no relation")
  t.ok(first.month == months[1], "activity.month")
  t.ok(first.parent == months[1], "activity.parent")
  t.ok(first.plan == p, "activity.plan")
  t.is(S.count(first:children()), 0, "an activity has no children")
  local dup = acts[21]
  t.is(dup.label, "2.", "second 2. label")
  t.is(dup.line, 71, "second 2. line")
  t.is(dup.text, "组织迎新春教工运动会 （12/31）", "second 2. text")
  t.is(acts[7].text, "上交第二季度财务报表（9/25）", "seventh activity")
  t.is(acts[26].text, "寒假送温暖活动", "last activity")
  t.ok(acts[26].month == months[5], "last activity's month")
  t.ok(S.collect(months[1]:activities())[4] == acts[4], "one userdata per activity")
end)

t.group("seed 000 walk", function ()
  local p = up.load(S.example(0))[1]
  local counts = {}
  local nodes = S.collect(p:walk())
  for _, n in ipairs(nodes) do counts[n.kind] = (counts[n.kind] or 0) + 1 end
  -- xmllint --xpath "count(//*[local-name()='section'])" and so on
  t.is_deeply(counts, { section = 9, item = 13, p = 4, schedule = 1, month = 5, activity = 26 },
              "walk() visits every node")
  t.ok(nodes[1] == S.collect(p:body())[1], "walk starts with the first body block")
  local walked = S.collect(p:walk("activity"))
  local acts = S.collect(p:activities())
  t.is(#walked, 26, "walk('activity')")
  t.ok(walked[26] == acts[26], "walk('activity') ends with the last activity")
  t.is(S.count(p:walk("month")), 5, "walk('month')")
  t.is(S.count(p:notes()), 0, "no notes")
end)

t.group("seed 001: two traditional plans", function ()
  local doc = up.load(S.example(1))
  t.is(#doc, 2, "2 plans")
  t.is(doc.collection, true, "a collection")
  local p0, p1 = doc[1], doc[2]
  t.is(p0.lang, "zh-Hant", "lang 1")
  t.is(p1.lang, "zh-Hant", "lang 2")
  t.is(p0.title, "2017年度小學工會工作計劃", "title 1")
  t.is(p0.organization, "上海市虹口區小學第四工會委員會", "organization")
  t.is_deeply(p0.authors, { "鄧麗敏" }, "authors")
  t.is(p0.docnumber, "虹小四工(XX)笫1號", "docnumber")
  t.is(p0.period.kind, "year", "period kind")
  t.is(p0.period.start, "2017-01-01", "period start")
  t.is(p0.period.finish, "2017-12-31", "period finish")
  t.is(p0.period.text, "2017年度", "period text")
  t.is(p0.period.schoolyear, nil, "no schoolyear")
  t.is(p0.period.term, nil, "no term")
  t.is(p0.issued, nil, "XX-02-26 is no date")
  t.is(p0.issued_text, "XX-02-26", "issued_text")
  t.is(S.count(p0:schedule()), 0, "no months")
  t.is(S.count(p0:activities()), 0, "no activities")
  local body = S.collect(p0:body())
  t.is_deeply(kinds_of(body), { "p", "p", "p", "section", "section", "section", "section" },
              "body kinds")
  t.is(body[2].text, "虹口區小學第四工會XX年工作要點", "second paragraph")
  t.is(body[2].line, 14, "its line")
  t.is(body[2].column, 5, "its column")
  t.is(p1.title, "2017年度小學工會計劃", "title 2")
  t.is_deeply(p1.authors, {}, "no authors")
  local body1 = S.collect(p1:body())
  t.is(#body1, 1, "one block")
  t.is(body1[1].label, "指導思想:", "its label")
  t.is(body1[1].line, 57, "its line")
end)

t.group("seed 002 and 003", function ()
  local p = up.load(S.example(2))[1]
  local months = S.collect(p:schedule())
  t.is(#months, 9, "seed 002: 9 months")
  t.is(S.count(p:activities()), 27, "seed 002: 27 activities")
  local span = months[4]
  t.is(span.month, 7, "span month")
  t.is(span.to, 8, "span to")
  t.is(span.year, 2012, "span year")
  t.is(span.label, "七、八月份", "span label")
  t.is(span.line, 54, "span line")
  t.is(months[9].label, "二○一三年一月份", "last label")
  t.is(months[9].year, 2013, "last year")
  local notes = S.collect(p:notes())
  t.is(#notes, 2, "2 notes")
  t.is(notes[1].kind, "note", "note kind")
  t.is(notes[1].label, "注：1、", "note label")
  t.is(notes[1].number, 1, "note number")
  t.is(notes[1].line, 86, "note line")
  t.is(notes[1].text, "上级工会组织的相关活动需根据上级工会文件或通知精神再进行具体部署；", "note text")

  local p3 = up.load(S.example(3))[1]
  t.is(p3.organization, "长沙市信息职业技术学校", "seed 003 organization")
  local m3 = S.collect(p3:schedule())
  t.is_deeply(field(m3, "month"), { 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12 }, "seed 003 months")
  t.is(m3[7].to, 8, "seed 003 span")
  t.is(m3[7].label, "7月—8月：", "seed 003 span label")
  t.is(S.count(p3:activities()), 22, "seed 003: 22 activities")
end)

t.group("seed 004: a compilation of 5 plans", function ()
  local doc = up.load(S.example(4))
  t.is(#doc, 5, "5 plans")
  t.is(doc.collection, true, "a collection")
  local plans = S.collect(doc:plans())
  t.is(#plans, 5, "doc:plans() gives 5")
  t.is_deeply(field(plans, "title"), { "<nil>", "<nil>", "<nil>", "学校工会年度工作计划 篇4",
                                       "学校工会年度工作计划 篇5" }, "titles")
  t.is_deeply(field(plans, "lang"), { "zh-Hans", "zh-Hans", "zh-Hans", "zh-Hans", "zh-Hans" }, "langs")
  t.is_deeply(field(plans, "line"), { 3, 44, 103, 189, 258 }, "lines")
  t.is_deeply(field(plans, "column"), { 3, 3, 3, 3, 3 }, "columns")
  t.is_deeply(S.map(plans, function (p) return S.count(p:schedule()) end), { 0, 0, 11, 0, 0 },
              "months per plan")
  local n = 0
  for i = 1, 5 do
    t.ok(plans[i] == doc[i], "plans() and doc[i] agree " .. i)
    t.ok(plans[i].document == doc, "plan.document " .. i)
    for a in plans[i]:activities() do
      n = n + 1
      if not (a.plan == plans[i]) then t.ok(false, "activity.plan") end
    end
  end
  t.is(n, 31, "31 activities")
  local third = doc[3]
  local months = S.collect(third:schedule())
  t.is_deeply(field(months, "month"), { 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 }, "third's months")
  t.is(months[1].year, nil, "months without a year")
  t.is(months[1].line, 132, "first month line")
  local body = S.collect(third:body())
  t.is(body[1].label, "指导思想：", "third's first label")
  t.is(body[2].role, "tasks", "tasks role")
  t.is(body[2].heading, "重点工作：", "tasks heading")
  t.is(body[2].label, nil, "tasks without label")
end)

t.group("every example against lxp.lom", function ()
  if not S.lom(S.example(0)) then
    t.skip("lxp.lom is not installed for " .. _VERSION)
    return
  end
  for n = 0, 4 do
    local tree = S.lom(S.example(n))
    local els = tree.tag == "plan" and { tree } or S.lom_all(tree, "plan")
    local doc = up.load(S.example(n))
    t.is(#doc, #els, "seed " .. n .. ": plans")
    for i, el in ipairs(els) do
      local plan = doc[i]
      local title = S.lom_child(S.lom_child(el, "meta"), "title")
      t.is(plan.title, title and S.lom_text(title) or nil, "seed " .. n .. " plan " .. i .. " title")
      local want, got = {}, {}
      for _, m in ipairs(S.lom_all(el, "month")) do
        want[#want + 1] = { tonumber(m.attr.month), tonumber(m.attr.year) or "-",
                            tonumber(m.attr.to) or "-", m.attr.label or "-" }
      end
      for m in plan:schedule() do
        got[#got + 1] = { m.month, m.year or "-", m.to or "-", m.label or "-" }
      end
      t.is_deeply(got, want, "seed " .. n .. " plan " .. i .. " months")
      want, got = {}, {}
      for _, a in ipairs(S.lom_all(el, "activity")) do
        want[#want + 1] = { S.lom_text(a), a.attr.label or "-", a.attr.date or "-",
                            a.attr.holiday or "-", a.attr.relation or "-" }
      end
      for a in plan:activities() do
        got[#got + 1] = { a.text, a.label or "-", a.date or "-", a.holiday or "-", a.relation or "-" }
      end
      t.is_deeply(got, want, "seed " .. n .. " plan " .. i .. " activities")
    end
  end
end)

t.group("dumps", function ()
  for n = 0, 4 do
    local path = S.example(n)
    local doc = up.load(path)
    local out = doc:dumps()
    t.is(type(out), "string", "dumps gives a string")
    t.ok(out == S.read(path), "seed " .. n .. ": dumps() is the file's bytes")
    t.ok(up.loads(out):dumps() == out, "seed " .. n .. ": round trip")
  end
  local p = up.load(S.example(4))[3]
  local again = up.loads(p:dumps())
  t.is(#again, 1, "plan:dumps() is a document of one plan")
  t.is(S.count(again[1]:activities()), 31, "with its 31 activities")
end)

local function stat(fmt, path)
  local rc, out = S.run("stat -c " .. fmt .. " " .. S.quote(path))
  return rc == 0 and out:gsub("%s+$", "") or nil
end

t.group("dump(path)", function ()
  local dir = S.tmpdir()
  local doc = up.load(S.example(4))
  local out = dir .. "/out.xml"
  t.is(doc:dump(out), true, "dump to a new file")
  t.ok(S.read(out) == S.read(S.example(4)), "the file's bytes")
  t.is_deeply(S.listdir(dir), { "out.xml" }, "no temporary file left")

  -- replacing a file keeps its mode and renames over it
  local doc0 = up.load(S.example(0))
  S.write(out, "old")
  S.sh("chmod 600 " .. S.quote(out))
  local ino = stat("%i", out)
  t.is(doc0:dump(out), true, "dump over a file")
  t.ok(S.read(out) == S.read(S.example(0)), "replaced")
  t.is(stat("%a", out), "600", "mode kept")
  t.isnt(stat("%i", out), ino, "replaced by rename")
  t.is_deeply(S.listdir(dir), { "out.xml" }, "no temporary file left")

  local target, link = dir .. "/target.xml", dir .. "/link.xml"
  S.write(target, "target")
  S.sh("ln -s " .. S.quote(target) .. " " .. S.quote(link))
  -- a symbolic link is followed: its target replaced, the link kept
  local ok, msg = doc0:dump(link)
  t.is(ok, true, "dump to a symlink succeeds")
  t.is(msg, nil, "and says nothing")
  t.ok(S.sh("test -L " .. S.quote(link)), "the link is still a link")
  t.is(S.read(target), doc0:dumps(), "its target holds the document")
  t.is_deeply(S.listdir(dir), { "link.xml", "out.xml", "target.xml" }, "nothing else written")

  -- a directory is refused
  local sub = dir .. "/d"
  S.sh("mkdir " .. S.quote(sub))
  S.write(sub .. "/inside", "x")
  ok, msg = doc0:dump(sub)
  t.is(ok, nil, "dump to a directory gives nil")
  t.is(type(msg), "string", "and a message")
  t.is_deeply(S.listdir(sub), { "inside" }, "the directory unchanged")

  ok, msg = doc0:dump(dir .. "/no/out.xml")
  t.is(ok, nil, "dump into a missing directory gives nil")
  t.is(type(msg), "string", "and a message")
  S.rmtree(dir)
end)

t.group("validate equals the CLI on the examples", function ()
  if not S.cli_built() then
    t.skip("cli/unionplan is not built")
    return
  end
  for n = 0, 4 do
    local path = S.example(n)
    local rc, lines = S.cli_validate_lines(path)
    local diags = up.load(path):validate()
    t.is_deeply(S.map(diags, S.diag_line), lines, "seed " .. n .. ": doc:validate() lines")
    t.is(diags.failed, rc ~= 0, "seed " .. n .. ": failed")
    local again = up.validate(path)
    t.is_deeply(S.map(again, S.diag_line), lines, "seed " .. n .. ": up.validate(path) lines")
    t.is(again.failed, rc ~= 0, "seed " .. n .. ": up.validate failed")
  end
end)

t.group("validate seed 000", function ()
  local path = S.example(0)
  local diags = up.load(path):validate()
  t.is(#diags, 2, "2 diagnostics")
  local d = diags[1]
  t.is(d.severity, "warning", "severity")
  t.is(d.code, "numbering-duplicate", "code")
  t.is(d.file, path, "file")
  t.is(d.line, 71, "line")
  t.is(d.column, 9, "column")
  t.is(d.message, "number 2 is used again (first at line 70)", "message")
  t.is(diags[2].code, "numbering-skip", "second code")
  t.is(diags[2].line, 73, "second line")
  t.is(diags.failed, false, "warnings do not fail")
  t.is(up.load(path):validate({ strict = true }).failed, true, "strict: warnings fail")
  local doc4 = up.load(S.example(4))
  t.is_deeply(S.map(doc4:validate({ rules = { "meta" } }), function (x) return x.code end),
              { "meta-title", "meta-title", "meta-title" }, "rules={'meta'}")
  t.is(#doc4:validate({ rules = { "numbering" } }), 0, "rules={'numbering'}")
  t.is(#up.load(path):validate({ schema_only = true }), 0, "schema_only")
  local from_string = up.validate(S.read(path))
  t.is_deeply(S.map(from_string, function (x) return x.line .. " " .. x.code end),
              { "71 numbering-duplicate", "73 numbering-skip" }, "up.validate(content)")
end)

t.group("validate against the .expected files", function ()
  for _, exp in ipairs(S.glob(S.EXAMPLES, "^seed%-%d+%.expected$")) do
    local xml = exp:gsub("%.expected$", ".xml")
    local want = {}
    for line in S.read(exp):gmatch("[^\n]+") do want[#want + 1] = line end
    local got = S.map(up.load(xml):validate(), function (d)
      return d.line .. ":" .. d.column .. ": " .. d.code
    end)
    table.sort(want)
    table.sort(got)
    t.is_deeply(got, want, xml:match("[^/]+$"))
  end
end)

t.group("validate equals the CLI on tests/data/invalid", function ()
  if not S.cli_built() then
    t.skip("cli/unionplan is not built")
    return
  end
  local cases = 0
  for _, dir in ipairs(S.glob(S.DATA .. "/invalid", "^[^.]")) do
    for _, path in ipairs(S.glob(dir, "%.xml$")) do
      cases = cases + 1
      local rc, lines = S.cli_validate_lines(path)
      local diags, err = up.validate(path)
      if diags then
        t.is_deeply(S.map(diags, S.diag_line), lines, dir:match("[^/]+$"))
        t.is(diags.failed, rc ~= 0, dir:match("[^/]+$") .. ": failed")
      else
        t.ok(false, dir:match("[^/]+$") .. ": up.validate gave nil, " .. tostring(err))
      end
    end
  end
  t.ok(cases >= 20, "the invalid corpus has cases (" .. cases .. ")")
end)

t.group("import_text", function ()
  local doc, notes = up.import_text(S.seed_text(1))
  t.ok(doc ~= nil, "seed 001 imports")
  t.is(#doc, 2, "2 plans")
  t.is(doc[1].lang, "zh-Hant", "plan 1 in zh-Hant")
  t.is(doc[2].lang, "zh-Hant", "plan 2 in zh-Hant")
  t.is(doc[1].title, "2017年度小學工會工作計劃", "title 1")
  t.is(doc[2].title, "2017年度小學工會計劃", "title 2")
  t.is(type(notes), "table", "notes is an array")
  for _, n in ipairs(notes) do
    t.ok(type(n.code) == "string" and type(n.message) == "string", "a note has code and message")
  end
  local simple = up.import_text(S.seed_text(1), { simplified = true })
  t.is(simple[1].lang, "zh-Hans", "simplified=true: zh-Hans")
  t.is(simple[1].title, "2017年度小学工会工作计划", "simplified title")
  local content = S.read(S.seed_text(0))
  local fromstr = up.import_text(content)
  t.is(S.count(fromstr[1]:activities()), 26, "import_text(content): 26 activities")
  t.is(fromstr[1].title, TITLE0, "its title")
  local forced = up.import_text(S.seed_text(0), { from = "path" })
  t.is(S.count(forced[1]:activities()), 26, "from='path'")
end)

t.group("import_text of every seed equals its example", function ()
  -- the source is recorded as the importer saw it: import from the top
  local dir = S.tmpdir()
  for n = 0, 4 do
    local rel = S.seed_text(n):match("(tests/data/seeds/[^/]+)$")
    if not rel then
      t.skip("seed " .. n .. " is not under tests/data/seeds")
    else
      local out = dir .. "/" .. n .. ".xml"
      local code = string.format(
        "local up = require 'unionplan'; local d = assert(up.import_text(%q)); assert(d:dump(%q))",
        rel, out)
      local rc, _, err = S.run("cd " .. S.quote(S.TOP_SRCDIR) .. " && " .. S.quote(S.interpreter())
                               .. " -e " .. S.quote(code))
      t.is(rc, 0, "seed " .. n .. " imported" .. (rc ~= 0 and (": " .. tostring(err)) or ""))
      t.ok(S.read(out) == S.read(S.example(n)), "seed " .. n .. ": the example's bytes")
    end
  end
  S.rmtree(dir)
end)

S.cleanup()
t.done_testing()
