-- Ownership: userdata stay valid whatever is moved, removed, copied or
-- collected. A seeded random walk of edits over real plans; after every
-- hundred steps a full collection, then every object still held must answer
-- consistently (its plan is its parent's plan), and at the end every
-- document must still write XML that parses back to the same text.

local here = (arg and arg[0] or ""):match("^(.*)/[^/]*$") or "."
package.path = here .. "/?.lua;" .. package.path
local t = require "tap"
local S = require "uplsupport"
local up = require "unionplan"

local function load(name)
  return assert(up.load(S.EXAMPLES .. "/" .. name))
end

local function consistent(n)
  local p = n.parent
  if p == nil then return n.plan == nil end
  if p.kind then return n.plan == p.plan end
  return n.plan == p
end

t.group("one userdata per object", function()
  local d = load("seed-000.xml")
  t.ok(rawequal(d[1], d[1]), "doc[1] is doc[1]")
  local a = d[1]:activities()()
  t.ok(rawequal(a.month:activities()(), a), "the month's first activity is the plan's first")
  t.ok(rawequal(a.plan.document, d), "activity.plan.document is the document")
end)

t.group("a child keeps its document alive", function()
  local a = load("seed-000.xml")[1]:activities()()
  collectgarbage(); collectgarbage()
  t.is(a.text, "工会例会：讨论工会工作计划", "the activity's text after the document was dropped")
  t.is(a.month.month, 9, "its month")
  t.is(a.plan.title, "2012学年第一学期工会工作计划", "its plan's title")
end)

t.group("a removed subtree keeps its userdata", function()
  local d = load("seed-000.xml")
  local months = {}
  for m in d[1]:schedule() do months[#months + 1] = m end
  local section = months[1].parent.parent
  t.is(section.heading, "具体工作安排", "the schedule's section")
  local first = months[1]:activities()()
  local taken = d[1]:remove(section)
  t.ok(rawequal(taken, section), "remove gives back the same userdata")
  t.is(taken.parent, nil, "the removed section has no parent")
  t.is(first.plan, nil, "its activities belong to no plan")
  local n = 0
  for _ in d[1]:schedule() do n = n + 1 end
  t.is(n, 0, "the plan has no months left")
  d, taken, section = nil, nil, nil
  collectgarbage(); collectgarbage()
  t.is(first.text, "工会例会：讨论工会工作计划", "an activity of the removed section after collection")
  t.is(months[1].month, 9, "its month")
end)

t.group("random edits", function()
  math.randomseed(20261201)
  local docs = { load("seed-000.xml"), load("seed-003.xml"), load("seed-004.xml") }
  local held, loose, bad = {}, {}, 0
  for step = 1, 1500 do
    local doc = docs[math.random(#docs)]
    local plan = doc[math.random(#doc)]
    local nodes = {}
    for n in plan:walk() do nodes[#nodes + 1] = n end
    local op = math.random(0, 5)
    if op == 0 and #nodes > 0 then
      held[#held + 1] = nodes[math.random(#nodes)]
    elseif op == 1 and #nodes > 0 then
      local n = nodes[math.random(#nodes)]
      loose[#loose + 1] = n.parent:remove(n)
    elseif op == 2 and #loose > 0 then
      local n = table.remove(loose, math.random(#loose))
      local targets = { plan }
      for _, x in ipairs(nodes) do
        if x.kind == "section" or x.kind == "item" or x.kind == "schedule" or x.kind == "month" then
          targets[#targets + 1] = x
        end
      end
      local target = targets[math.random(#targets)]
      if not pcall(target.add, target, n) then loose[#loose + 1] = n end
    elseif op == 3 and #held > 0 then
      table.remove(held, math.random(#held))
    elseif op == 4 and #loose > 0 then
      table.remove(loose, math.random(#loose))
    elseif op == 5 and #nodes > 0 then
      held[#held + 1] = nodes[math.random(#nodes)]:copy()
    end
    if step % 100 == 0 then
      collectgarbage()
      for _, n in ipairs(held) do if not consistent(n) then bad = bad + 1 end end
      for _, n in ipairs(loose) do if not consistent(n) then bad = bad + 1 end end
    end
  end
  t.is(bad, 0, "every held object is consistent after each collection")
  for i, d in ipairs(docs) do
    local x = d:dumps()
    t.is(assert(up.loads(x)):dumps(), x, "document " .. i .. " still writes XML that reads back the same")
  end
  docs = nil
  collectgarbage(); collectgarbage()
  local texts = 0
  for _, n in ipairs(held) do if n.kind then texts = texts + 1 end end
  t.is(texts, #held, "every held object answers after its documents were dropped")
end)

t.group("closing a document", function()
  local d = load("seed-000.xml")
  local a = d[1]:activities()()
  d:close()
  t.raises(function() return a.text end, "closed", "an activity of a closed document raises")
  t.is(tostring(a), "unionplan.activity (closed)", "and says so in tostring")
end)

t.done_testing()
