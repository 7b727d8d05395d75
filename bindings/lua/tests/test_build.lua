-- Building and editing plans from Lua: constructors, add_*/insert/remove,
-- setters that check their values, and userdata that outlive their
-- parents in any order of collection.

local here = (arg and arg[0] or ""):match("^(.*)/[^/]*$") or "."
package.path = here .. "/?.lua;" .. package.path
local t = require "tap"
local S = require "uplsupport"
local up = require "unionplan"

-- tests/data/bindings/built-plan.xml: written by hand in the canonical form
-- (`unionplan format` leaves it as it is) and checked with `unionplan
-- validate` (no diagnostics). The Python binding's test builds the same plan.
local EXPECTED = S.read(S.DATA .. "/bindings/built-plan.xml")

-- The plan of EXPECTED, built with constructors, add/insert and builders.
local function build()
  local plan = up.plan{ title = "2026学年第一学期工会工作计划", organization = "示范学校工会",
                        authors = { "王芳" }, lang = "zh-Hans",
                        period = { kind = "term", start = "2026-09-01", finish = "2027-01-31",
                                   schoolyear = 2026, term = 1, text = "2026学年第一学期" } }
  local doc = up.document{ plan }
  plan:add(up.paragraph{ text = "以服务教职工为中心。" })
  local goals = plan:add_section{ heading = "工作目标", label = "一、", number = 1, level = 1,
                                  role = "goals" }
  goals:add_item{ text = "完善教代会制度。", label = "1．", number = 1 }
  goals:add(up.item{ text = "丰富教工文体活动。", label = "2．", number = 2 })
  local sec = up.section{ heading = "具体工作安排", label = "二、", number = 2, level = 1,
                          role = "schedule" }
  plan:add(sec)
  local sched = sec:add_schedule{}
  local sep = sched:add_month{ month = 9, year = 2026, label = "九月：" }
  sep:add_activity{ text = "工会例会：讨论工作计划", label = "1．", number = 1 }
  sep:add_activity{ text = "教师节表彰活动", label = "2．", number = 2, date = "2026-09-10",
                    holiday = "teachers-day", relation = "on" }
  local jan = up.month{ month = 1, year = 2027, label = "一月：" }
  jan:add(up.activity{ text = "寒假送温暖活动", label = "1．", number = 1 })
  sched:add(jan)
  local oct = up.month{ month = 10, year = 2026, label = "十月：" }
  sched:insert(2, oct)
  local act = up.activity{ text = "重阳节慰问退休教工", label = "1．", number = 1 }
  act.date = "2026-10-16"
  act.holiday = "double-ninth"
  act.relation = "before"
  oct:add(act)
  plan:add(up.note{ text = "具体时间以通知为准。", label = "注：" })
  return doc
end

t.group("built plan", function ()
  local doc = build()
  t.is(doc:dumps(), EXPECTED, "dumps() gives the expected XML")
  t.is(#doc:validate(), 0, "no diagnostics")
  t.is(doc:validate({ strict = true }).failed, false, "not failed, even strict")
  t.is(#up.validate(doc:dumps()), 0, "up.validate of the XML: no diagnostics")
  if S.cli_built() then
    local dir = S.tmpdir()
    local out = dir .. "/built.xml"
    t.is(doc:dump(out), true, "dump(path)")
    local rc, lines = S.cli_validate_lines(out)
    t.is(rc, 0, "unionplan validate accepts it")
    t.is(#lines, 0, "with no diagnostics")
    S.rmtree(dir)
  else
    t.skip("cli/unionplan is not built", 3)
  end
  local again = up.loads(doc:dumps())
  t.is(again:dumps(), EXPECTED, "round trip")
  t.is(S.collect(again[1]:activities())[3].line, 23, "the reloaded activity has its line")
end)

t.group("built attributes", function ()
  local doc = build()
  local plan = doc[1]
  t.is(#doc, 1, "#doc")
  t.ok(doc[1] == doc[1], "doc[1] == doc[1]")
  t.is_deeply(plan.authors, { "王芳" }, "authors")
  t.is(plan.period.start, "2026-09-01", "period start")
  t.is(plan.period.finish, "2027-01-31", "period finish")
  t.is_deeply(S.map(S.collect(plan:body()), function (b) return b.kind end),
              { "p", "section", "section", "note" }, "body kinds")
  t.is_deeply(S.map(S.collect(plan:schedule()), function (m) return m.month end), { 9, 10, 1 },
              "months")
  local acts = S.collect(plan:activities())
  t.is_deeply(S.map(acts, function (a) return a.text end),
              { "工会例会：讨论工作计划", "教师节表彰活动", "重阳节慰问退休教工", "寒假送温暖活动" },
              "activities")
  t.is(acts[3].month.month, 10, "activity.month")
  t.ok(acts[3].plan == plan, "activity.plan")
  for i = 1, #acts do
    t.is(acts[i].line, nil, "built in memory: no line " .. i)
    t.is(acts[i].column, nil, "built in memory: no column " .. i)
  end
  t.is(S.collect(plan:notes())[1].text, "具体时间以通知为准。", "note")
  local sched = S.collect(S.collect(plan:body())[3]:children())[1]
  t.ok(S.collect(plan:schedule())[1] == sched:months()(), "one userdata per month")
  t.ok(acts[1].parent == S.collect(plan:schedule())[1], "activity.parent")
end)

t.group("validation sees edits", function ()
  local doc = build()
  local act = S.collect(doc[1]:activities())[3]
  act.date = "2026-10-19"            -- 重阳节 2026 is 2026-10-18: "before" is wrong
  local diags = doc:validate()
  t.is(diags.failed, true, "failed")
  t.is(#diags, 1, "one diagnostic")
  t.is(diags[1] and diags[1].severity, "error", "an error")
  t.is(diags[1] and diags[1].code, "holiday-month", "holiday-month")
end)

t.group("builders return the new node", function ()
  local m = up.month{ month = 3, year = 2027 }
  local a = m:add_activity{ text = "植树", date = "2027-03-12", holiday = "arbor-day" }
  t.is(a.kind, "activity", "an activity")
  t.ok(m:activities()() == a, "the month's first activity")
  t.ok(a.parent == m, "its parent")
  t.ok(a.month == m, "its month")
  t.is(m.parent, nil, "the month is detached")
  t.is(a.plan, nil, "no plan")
  t.is(a.date, "2027-03-12", "date")
  t.is(a.holiday, "arbor-day", "holiday")
  t.is(a.relation, nil, "no relation")
  t.is(a.label, nil, "no label")
  t.is(a.number, nil, "no number")
  t.like(tostring(a), "^unionplan%.activity", "tostring(activity)")
  t.like(tostring(m), "^unionplan%.month", "tostring(month)")
  local sec = up.section{ heading = "x" }
  t.is(sec:add_schedule{}.kind, "schedule", "section:add_schedule")
  t.is(sec:add_paragraph{ text = "p" }.kind, "p", "section:add_paragraph")
  t.is(sec:add_note{ text = "n" }.kind, "note", "section:add_note")
  t.is(sec:add_section{ heading = "sub" }.kind, "section", "section:add_section")
  local item = sec:add_item{ text = "i" }
  t.is(item:add_item{ text = "ii" }.kind, "item", "item:add_item")
  t.is(item:add_paragraph{ text = "ip" }.kind, "p", "item:add_paragraph")
  local doc = up.document()
  local p = doc:add_plan{ title = "t", lang = "zh-Hans" }
  t.ok(doc[1] == p, "doc:add_plan")
  t.ok(p.document == doc, "plan.document")
  t.is(p:add_schedule{}.kind, "schedule", "plan:add_schedule")
  t.is(p:add_paragraph{ text = "x" }.kind, "p", "plan:add_paragraph")
  t.is(p:add_note{ text = "y" }.kind, "note", "plan:add_note")
end)

t.group("constructors and builders without a table", function ()
  -- every field is optional but a month's month: up.schedule() is
  -- up.schedule{} (Python's Schedule(), add_schedule())
  local function kind_of(f)
    local ok, node = pcall(f)
    if not ok then t.diag("  " .. tostring(node)) return nil end
    return node.kind
  end
  t.is(kind_of(function () return up.schedule() end), "schedule", "up.schedule()")
  t.is(kind_of(function () return up.section() end), "section", "up.section()")
  t.is(kind_of(function () return up.plan():add_schedule() end), "schedule", "plan:add_schedule()")
  t.is(kind_of(function () return up.section{}:add_schedule() end), "schedule",
       "section:add_schedule()")
  t.is(kind_of(function () return up.section{}:add_section() end), "section", "section:add_section()")
end)

t.group("insert and remove", function ()
  local m = up.month{ month = 9, year = 2026 }
  local a = m:add_activity{ text = "a" }
  local b = m:add_activity{ text = "b" }
  local c = up.activity{ text = "c" }
  m:insert(1, c)
  local texts = function () return S.map(S.collect(m:activities()), function (x) return x.text end) end
  t.is_deeply(texts(), { "c", "a", "b" }, "insert(1, c)")
  t.ok(m:remove(a) == a, "remove(child) gives the child")
  t.is_deeply(texts(), { "c", "b" }, "after remove(a)")
  t.is(a.parent, nil, "a removed child is detached")
  t.is(a.month, nil, "and has no month")
  t.is(a.text, "a", "and still usable")
  t.ok(m:remove(1) == c, "remove(1) gives the first child")
  t.is_deeply(texts(), { "b" }, "after remove(1)")
  t.is(c.parent, nil, "detached")
  t.raises(function () m:remove(5) end, nil, "remove(5) out of range raises")
  t.raises(function () m:remove(0) end, nil, "remove(0) raises")
  t.raises(function () m:remove(a) end, nil, "removing a node that is not a child raises")
  m:add(a)
  t.ok(S.collect(m:activities())[2] == a, "a detached node can be added again")
  t.ok(a.parent == m, "with its new parent")
  t.raises(function () m:insert(10, up.activity{ text = "x" }) end, nil, "insert out of range raises")
  t.is(#S.collect(m:activities()), 2, "nothing added by the failed insert")
  m:insert(3, up.activity{ text = "end" })
  t.is_deeply(texts(), { "b", "a", "end" }, "insert(#+1) appends")
end)

t.group("document and plan editing", function ()
  local doc = up.load(S.example(4))
  local third = doc[3]
  doc:remove(1)
  t.is(#doc, 4, "doc:remove(1)")
  t.ok(doc[2] == third, "the third plan is now the second")
  t.ok(doc:remove(third) == third, "doc:remove(plan)")
  t.is(#doc, 3, "3 left")
  t.is(S.count(third:activities()), 31, "the removed plan still works")
  doc:insert(1, third)
  t.ok(doc[1] == third, "doc:insert(1, plan)")
  local block = third:body()()
  third:remove(block)
  t.is(block.parent, nil, "a removed body block is detached")
  t.is(block.label, "指导思想：", "and keeps its label")
  third:insert(1, block)
  t.ok(third:body()() == block, "inserted back")
  t.ok(block.parent == third, "its parent is the plan again")
end)

t.group("attached nodes, wrong kinds and cycles are refused", function ()
  local doc = build()
  local sep = doc[1]:schedule()()
  local other = up.month{ month = 11, year = 2026 }
  local act = sep:activities()()
  t.raises(function () other:add(act) end, nil, "adding an attached node raises")
  t.ok(act.parent == sep, "it stays where it was")
  local cp = act:copy()
  t.is(cp.parent, nil, "a copy is detached")
  t.is(cp.text, act.text, "with the text")
  t.is(cp.label, act.label, "and the label")
  other:add(cp)
  t.ok(cp.parent == other, "a copy can be added")
  t.raises(function () up.document():add(doc[1]) end, nil, "adding an attached plan raises")
  t.raises(function () up.document{ doc[1] } end, nil, "up.document{attached plan} raises")

  local m = up.month{ month = 9 }
  t.raises(function () m:add(up.section{ heading = "x" }) end, nil, "a section in a month raises")
  t.raises(function () up.plan{ title = "x" }:add(up.activity{ text = "a" }) end, nil,
           "an activity in a plan's body raises")
  t.raises(function () m:add("activity") end, nil, "a string child raises")
  t.raises(function () m:add(nil) end, nil, "a nil child raises")
  t.raises(function () m:add({}) end, nil, "a table child raises")
  t.raises(function () up.document():add(up.section{}) end, nil, "a section in a document raises")
  t.is(S.count(m:activities()), 0, "nothing was added")

  local outer = up.section{ heading = "outer" }
  local inner = outer:add_section{ heading = "inner" }
  t.raises(function () outer:add(outer) end, nil, "a section into itself raises")
  t.raises(function () inner:add(outer) end, nil, "a section into its descendant raises")
  t.is(S.count(outer:children()), 1, "outer keeps one child")
  t.is(S.count(inner:children()), 0, "inner has none")
end)

t.group("setters of activities check their values", function ()
  local act = up.activity{ text = "活动" }
  act.date = "2026-09-10"
  t.is(act.date, "2026-09-10", "date set")
  act.date = nil
  t.is(act.date, nil, "date cleared")
  for _, bad in ipairs({ "2026-02-30", "20260910", "2026-9-10", "2026-09-10T08:00", "", 20260910 }) do
    t.raises(function () act.date = bad end, nil, "date = " .. tostring(bad) .. " raises")
  end
  t.is(act.date, nil, "date unchanged by the failures")
  t.raises(function () up.activity{ text = "x", date = "2026-13-01" } end, nil,
           "up.activity{date=bad} raises")

  act.holiday = "mid-autumn"
  t.is(act.holiday, "mid-autumn", "holiday set")
  for _, bad in ipairs({ "mid_autumn", "中秋节", "", "MID-AUTUMN", 3 }) do
    t.raises(function () act.holiday = bad end, nil, "holiday = " .. tostring(bad) .. " raises")
  end
  t.is(act.holiday, "mid-autumn", "holiday unchanged by the failures")
  act.holiday = nil
  t.is(act.holiday, nil, "holiday cleared")
  t.raises(function () up.activity{ text = "x", holiday = "no-such-day" } end, nil,
           "up.activity{holiday=bad} raises")

  for _, rel in ipairs({ "on", "before", "after", "during" }) do
    act.relation = rel
    t.is(act.relation, rel, "relation " .. rel)
  end
  t.raises(function () act.relation = "around" end, nil, "relation = around raises")
  act.relation = nil
  t.is(act.relation, nil, "relation cleared")

  act.text = "新的文字"
  t.is(act.text, "新的文字", "text set")
  act.label = "（1）"
  act.number = 1
  t.is(act.label, "（1）", "label set")
  t.is(act.number, 1, "number set")
  t.raises(function () act.text = "bad\0text" end, nil, "text with a NUL raises")
  t.raises(function () act.number = 1.5 end, nil, "number = 1.5 raises")
  t.raises(function () act.number = "one" end, nil, "number = 'one' raises")
  t.raises(function () act.text = {} end, nil, "text = {} raises")
  t.raises(function () act.no_such_field = 1 end, nil, "an unknown field raises")
  t.is(act.text, "新的文字", "text unchanged by the failures")
end)

t.group("setters of months, sections and plans check their values", function ()
  local m = up.month{ month = 9, year = 2026 }
  m.month = 12
  t.is(m.month, 12, "month set")
  for _, bad in ipairs({ 0, 13, -1 }) do
    t.raises(function () m.month = bad end, nil, "month = " .. bad .. " raises")
  end
  t.is(m.month, 12, "month unchanged")
  t.raises(function () up.month{ month = 13 } end, nil, "up.month{month=13} raises")
  t.raises(function () up.month{} end, nil, "up.month{} without month raises")
  t.raises(function () up.month{ month = 9, year = 10000 } end, nil, "year 10000 raises")
  t.raises(function () up.month{ month = 9, to = 13 } end, nil, "to = 13 raises")
  local span = up.month{ month = 7, to = 8, year = 2026 }
  t.is(span.month, 7, "span month")
  t.is(span.to, 8, "span to")
  t.is(span.year, 2026, "span year")
  span.year = nil
  t.is(span.year, nil, "year cleared")
  t.raises(function () span.year = "MMXXVI" end, nil, "year = 'MMXXVI' raises")

  local s = up.section{ heading = "工作目标", label = "一、", number = 1, level = 1, role = "goals" }
  t.is(s.heading, "工作目标", "section heading")
  t.is(s.level, 1, "section level")
  t.is(s.role, "goals", "section role")
  t.is(s.kind, "section", "section kind")
  t.raises(function () s.role = "objectives" end, nil, "role = objectives raises")
  t.raises(function () s.level = 10 end, nil, "level = 10 raises")
  t.raises(function () s.level = 0 end, nil, "level = 0 raises")
  s.role = nil
  t.is(s.role, nil, "role cleared")
  t.is(s.level, 1, "level unchanged")

  local p = up.plan{ title = "t", lang = "zh-Hant" }
  t.is(p.title, "t", "plan title")
  t.is(p.lang, "zh-Hant", "plan lang")
  p.title = "新标题"
  p.organization = "工会"
  p.docnumber = "虹小四工〔2017〕1号"
  t.is(p.title, "新标题", "title set")
  t.is(p.organization, "工会", "organization set")
  t.is(p.docnumber, "虹小四工〔2017〕1号", "docnumber set")
  p.authors = { "甲", "乙" }
  t.is_deeply(p.authors, { "甲", "乙" }, "authors set")
  t.raises(function () p.authors = { "甲", 5, {} } end, nil, "authors with a table raises")
  p.title = nil
  t.is(p.title, nil, "title cleared")
  t.raises(function () p.lang = "klingon" end, nil, "lang = klingon raises")
  p.period = { kind = "year", start = "2027-01-01", finish = "2027-12-31", text = "2027年" }
  t.is(p.period.kind, "year", "period set")
  t.is(p.period.finish, "2027-12-31", "period finish")
  t.raises(function () p.period = { kind = "decade" } end, nil, "period kind decade raises")
  t.raises(function () p.period = { kind = "year", start = "2027-02-30" } end, nil,
           "period with a bad date raises")
  t.is(p.period.kind, "year", "period unchanged by the failures")
  p.period = nil
  t.is(p.period, nil, "period cleared")
end)

-- touches every kind of object, as a user would after a collection
local function touch(obj)
  local kind = tostring(obj)
  if kind:find("^unionplan%.document") then
    return #obj, obj[1] and obj[1].title
  elseif kind:find("^unionplan%.plan") then
    return obj.title, S.count(obj:activities())
  end
  local text = obj.kind == "activity" and obj.text or nil
  return obj.kind, obj.parent, obj.plan, S.count(obj:children()), text
end

-- every order of dropping the four objects that make() returns
local function permutations(n)
  local out = {}
  local function perm(prefix, rest)
    if #rest == 0 then out[#out + 1] = prefix return end
    for i = 1, #rest do
      local p, r = {}, {}
      for _, v in ipairs(prefix) do p[#p + 1] = v end
      p[#p + 1] = rest[i]
      for j, v in ipairs(rest) do if j ~= i then r[#r + 1] = v end end
      perm(p, r)
    end
  end
  local all = {}
  for i = 1, n do all[i] = i end
  perm({}, all)
  return out
end

local function check_orders(name, make)
  local orders = permutations(4)
  local good = 0
  for _, order in ipairs(orders) do
    local objs = { make() }
    collectgarbage()
    for _, i in ipairs(order) do
      objs[i] = nil
      collectgarbage()
      collectgarbage()
      for j = 1, 4 do
        if objs[j] ~= nil then touch(objs[j]) end
      end
    end
    objs = nil
    collectgarbage()
    good = good + 1
  end
  t.is(good, 24, name .. ": 24 orders of collection")
end

t.group("lifetime: built tree", function ()
  check_orders("built", function ()
    local doc = build()
    local plan = doc[1]
    local month = S.collect(plan:schedule())[2]
    return doc, plan, month, month:activities()()
  end)
end)

t.group("lifetime: loaded tree", function ()
  check_orders("loaded", function ()
    local doc = up.load(S.example(0))
    local plan = doc[1]
    local month = S.collect(plan:schedule())[5]
    return doc, plan, month, S.collect(month:activities())[3]
  end)
end)

t.group("lifetime: a child outlives everything", function ()
  local act = S.collect(S.collect(up.load(S.example(0))[1]:schedule())[1]:activities())[2]
  collectgarbage()
  collectgarbage()
  t.is(act.date, "2012-09-10", "the activity's date")
  t.is(act.month.label, "九月：", "its month")
  t.is(act.plan.title, "2012学年第一学期工会工作计划", "its plan")
  t.is(#act.plan.document, 1, "its document")
end)

t.group("lifetime: removed, then the parents collected", function ()
  local doc = build()
  local month = doc[1]:schedule()()
  local act = S.collect(month:activities())[2]
  month:remove(act)
  doc, month = nil, nil
  collectgarbage()
  collectgarbage()
  t.is(act.text, "教师节表彰活动", "the removed activity's text")
  t.is(act.parent, nil, "no parent")
  t.is(act.plan, nil, "no plan")

  doc = build()
  local plan = doc[1]
  local sec = S.collect(plan:body())[3]
  local acts = S.collect(plan:activities())
  plan:remove(sec)
  doc, plan = nil, nil
  collectgarbage()
  collectgarbage()
  t.is(sec.parent, nil, "the removed section is detached")
  t.is(S.count(sec:children()), 1, "and keeps its schedule")
  t.ok(acts[1].plan == nil, "its activities have no plan")
  t.ok(acts[1].month.parent.parent == sec, "but keep their place in the section")
  t.is(acts[4].text, "寒假送温暖活动", "and their text")
  local p2 = up.plan{ title = "新计划", lang = "zh-Hans" }
  p2:add(sec)
  t.ok(acts[2].plan == p2, "added to another plan, they follow it")
  t.is(S.count(p2:activities()), 4, "the new plan has the four activities")
end)

t.group("lifetime: the same userdata after collection", function ()
  local doc = up.load(S.example(0))
  local a1 = tostring(S.collect(doc[1]:activities())[5])
  collectgarbage()
  collectgarbage()
  local again = S.collect(doc[1]:activities())[5]
  t.is(again.text, "女职工专项健康体检工作", "the fifth activity after a collection")
  t.is(tostring(again), a1, "tostring is stable")
  t.ok(doc[1] == doc[1], "doc[1] == doc[1] after a collection")
end)

if S.IS_54 then
  t.group("__close on Lua 5.4", function ()
    local chunk = assert(load([[
      local up, path = ...
      local seen
      do
        local doc <close> = up.load(path)
        seen = #doc
      end
      return seen
    ]]))
    t.is(chunk(up, S.example(0)), 1, "a document in a <close> variable")
    local closed = assert(load([[
      local up, path = ...
      local keep
      do
        local doc <close> = up.load(path)
        keep = doc
      end
      return pcall(function () return #keep end)
    ]]))
    local ok, err = closed(up, S.example(0))
    t.is(ok, false, "using a document after its <close> block raises")
    t.like(err, "closed", "saying it is closed")
  end)
end

t.group("doc:close()", function ()
  local doc = up.load(S.example(0))
  local plan = doc[1]
  local act = S.collect(plan:activities())[2]
  local close = doc.close
  doc:close()
  t.raises(function () return #doc end, "closed", "#doc after close raises")
  t.raises(function () return plan.title end, "closed", "a plan of a closed document raises")
  t.raises(function () return act.date end, "closed", "an activity of a closed document raises")
  t.like(tostring(act), "closed", "tostring says closed")
  t.ok(pcall(close, doc), "closing twice is harmless")
  t.raises(function () return doc:close() end, "closed", "but a closed document has no methods")
  doc, plan, act = nil, nil, nil
  collectgarbage()
  collectgarbage()
  t.ok(true, "collected after close")
end)

S.cleanup()
t.done_testing()
