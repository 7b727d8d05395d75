-- up.validate(src, { stream = true|false }): a file checked as it is read
-- (the default) or whole (stream = false), with the same diagnostics; the
-- streamed path's memory does not follow the size of the file.
--
-- Known answers come from the corpus's own CASE/expected files ("LINE:COL:
-- CODE" per diagnostic, in order) and from seed 000 read by hand (grep -n),
-- never from the module's output.

local here = (arg and arg[0] or ""):match("^(.*)/[^/]*$") or "."
package.path = here .. "/?.lua;" .. package.path
local t = require "tap"
local S = require "uplsupport"
local up = require "unionplan"

-- Every .xml file of the corpus that tests/cli-stream.sh runs both ways.
local function corpus()
  local dirs = {}
  for _, d in ipairs({ S.DATA .. "/valid", S.DATA .. "/invalid", S.DATA .. "/rules", S.EXAMPLES }) do
    dirs[#dirs + 1] = S.quote(d)
  end
  local p = io.popen("find " .. table.concat(dirs, " ") .. " -name '*.xml' | LC_ALL=C sort")
  local files = {}
  for line in p:lines() do files[#files + 1] = line end
  p:close()
  return files
end

-- The six fields of each diagnostic, in order, as one string each.
local function fields(diags)
  return S.map(diags, function (d)
    return table.concat({ d.severity, d.code, d.message, tostring(d.file), tostring(d.line),
                          tostring(d.column) }, "\t")
  end)
end

local function same(a, b)
  return (t.same(a, b, "got"))
end

local function short(path)
  return path:sub(#S.TOP_SRCDIR + 2)
end

t.group("the corpus: streamed and whole give the same diagnostics", function ()
  local files, bad = corpus(), {}
  t.ok(#files > 50, "the corpus has files (" .. #files .. ")")
  for _, path in ipairs(files) do
    local streamed, e1 = up.validate(path, { lang = "en" })
    local whole, e2 = up.validate(path, { lang = "en", stream = false })
    local default = up.validate(path, { lang = "en", stream = true })
    if not streamed or not whole or not default then
      bad[#bad + 1] = short(path) .. ": nil, " .. tostring(e1 or e2)
    elseif not same(fields(streamed), fields(whole)) or streamed.failed ~= whole.failed
        or not same(fields(default), fields(streamed)) then
      bad[#bad + 1] = short(path)
    end
  end
  t.none(bad, "every file: the same diagnostics, in order, both ways")
end)

t.group("the corpus: both paths say what the CLI says", function ()
  if not S.cli_built() then
    t.skip("cli/unionplan is not built")
    return
  end
  local bad = {}
  for _, path in ipairs(corpus()) do
    local rc, lines = S.cli_validate_lines(path)
    for _, stream in ipairs({ true, false }) do
      local diags = up.validate(path, { stream = stream })
      if not diags or not same(S.map(diags, S.diag_line), lines)
          or diags.failed ~= (rc ~= 0) then
        bad[#bad + 1] = short(path) .. (stream and " streamed" or " whole")
      end
    end
  end
  t.none(bad, "every file, both ways: the CLI's lines and verdict")
end)

t.group("the corpus's expected files", function ()
  local bad, cases = {}, 0
  for _, top in ipairs({ S.DATA .. "/invalid", S.DATA .. "/rules" }) do
    for _, dir in ipairs(S.glob(top, "^[^.]")) do
      local exp = S.read(dir .. "/expected")
      if exp and S.exists(dir .. "/input.xml") then
        cases = cases + 1
        local want = {}
        for line in exp:gmatch("[^\n]+") do want[#want + 1] = line end
        for _, stream in ipairs({ true, false }) do
          local got = S.map(assert(up.validate(dir .. "/input.xml", { stream = stream })),
                            function (d) return (d.line or 0) .. ":" .. (d.column or 0) .. ": " .. d.code end)
          if not same(got, want) then
            bad[#bad + 1] = dir:match("[^/]+$") .. (stream and " streamed" or " whole")
          end
        end
      end
    end
  end
  t.ok(cases > 40, "cases with an expected file (" .. cases .. ")")
  t.none(bad, "every diagnostic's line, column and code, both ways")
end)

t.group("known answers, both ways", function ()
  local path = S.example(0)
  for _, stream in ipairs({ true, false }) do
    local how = stream and "streamed: " or "whole: "
    local d = assert(up.validate(path, { lang = "en", stream = stream }))
    t.is(#d, 2, how .. "seed 000: 2 diagnostics")
    t.is(fields(d)[1], "warning\tnumbering-duplicate\tnumber 2 is used again (first at line 70)\t"
         .. path .. "\t71\t9", how .. "the first")
    t.is(d[2].code .. " " .. d[2].line .. ":" .. d[2].column, "numbering-skip 73:9", how .. "the second")
    t.is(d.failed, false, how .. "warnings do not fail")
    t.is(up.validate(path, { strict = true, stream = stream }).failed, true, how .. "strict")
    local first = up.validate(S.DATA .. "/invalid/tag-mismatch-after-chinese/input.xml",
                              { stream = stream })[1]
    t.is(first.severity .. " " .. first.code .. " " .. first.line .. ":" .. first.column,
         "error xml-syntax 3:40", how .. "a tag mismatch")
    t.is_deeply(S.map(up.validate(S.example(4), { rules = { "meta" }, stream = stream }),
                      function (x) return x.code end),
                { "meta-title", "meta-title", "meta-title" }, how .. "rules = { 'meta' }")
    t.is(#up.validate(path, { schema_only = true, stream = stream }), 0, how .. "schema_only")
    t.is_deeply(S.map(up.validate(S.read(path), { stream = stream }),
                      function (x) return x.line .. " " .. x.code end),
                { "71 numbering-duplicate", "73 numbering-skip" }, how .. "content")
  end
end)

t.group("max_bytes: streamed, only a document in another encoding than UTF-8", function ()
  local path = S.example(0)
  local d = up.validate(path, { max_bytes = 1000 })
  t.is(d and #d, 2, "a UTF-8 file over max_bytes, streamed: its diagnostics")
  local none, msg = up.validate(path, { max_bytes = 1000, stream = false })
  t.is(none, nil, "whole: nil")
  t.like(msg, "larger than the limit of 1000 bytes", "and the limit")
  local gb = S.DATA .. "/valid/gb18030.xml"
  t.is(#assert(up.validate(gb)), 0, "a GB18030 plan is valid")
  for _, stream in ipairs({ true, false }) do
    none, msg = up.validate(gb, { max_bytes = 100, stream = stream })
    t.is(none, nil, "GB18030 over max_bytes, stream = " .. tostring(stream) .. ": nil")
    t.like(msg, "larger than the limit of 100 bytes", "and the limit")
  end
end)

t.group("stream must be a boolean", function ()
  local path = S.example(0)
  for _, v in ipairs({ 1, 0, "yes", "false", {} }) do
    t.raises(function () up.validate(path, { stream = v }) end, "option stream must be a boolean",
             "stream = " .. type(v) .. " " .. tostring(v))
  end
  t.is(#up.validate(path, { stream = nil }), 2, "stream = nil: the default")
  t.raises(function () up.validate(path, { streaming = true }) end, "unknown option 'streaming'",
           "a misspelt option")
  local doc = up.load(path)
  t.raises(function () doc:validate({ stream = true }) end, "unknown option 'stream'",
           "doc:validate has no stream option (a model in memory)")
end)

-- Under valgrind or AddressSanitizer the resident size says nothing (their
-- own memory, their quarantine).
local UNDER_TOOL = os.getenv("UPL_LUA_VALGRIND") == "yes" or os.getenv("UPL_LUA_ASAN") == "yes"

-- A child interpreter validating path: its diagnostics count, verdict and
-- peak resident size in KiB (VmHWM, its own address space's high-water mark).
local CHILD = [[
local up = require "unionplan"
local d = assert(up.validate(%q, { stream = %s }))
local f = assert(io.open("/proc/self/status"))
local peak = f:read("*a"):match("VmHWM:%%s*(%%d+)")
f:close()
print(#d, tostring(d.failed), peak)
]]

local function child_peak(path, stream)
  local code = string.format(CHILD, path, tostring(stream))
  local rc, out, err = S.run(S.quote(S.interpreter()) .. " -e " .. S.quote(code))
  t.is(rc, 0, "the child exits 0 (stream = " .. tostring(stream) .. ")")
  if rc ~= 0 then t.diag(err) end
  local n, failed, peak = (out or ""):match("^(%d+)%s+(%a+)%s+(%d+)")
  t.is(n and (n .. " " .. failed), "0 false", "a valid plan (stream = " .. tostring(stream) .. ")")
  return tonumber(peak)
end

t.group("160,000 sections: streamed, at least 40 MiB less", function ()
  if UNDER_TOOL then
    t.skip("peak memory not measured under valgrind or AddressSanitizer")
    return
  end
  if not S.exists("/proc/self/status") then
    t.skip("no /proc/self/status")
    return
  end
  local python = os.getenv("PYTHON")
  if python == nil or python == "" then python = "python3" end
  local dir = S.tmpdir()
  local path = dir .. "/sections-160k.xml"
  -- the plan of tests/hostile-gen.py's sections(160000)
  local gen = "import importlib.util, sys\n"
    .. "spec = importlib.util.spec_from_file_location('hostile_gen', sys.argv[1])\n"
    .. "m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)\n"
    .. "open(sys.argv[2], 'w', encoding='utf-8').write(m.sections(160000))\n"
  if not S.sh(S.quote(python) .. " -c " .. S.quote(gen) .. " "
              .. S.quote(S.TOP_SRCDIR .. "/tests/hostile-gen.py") .. " " .. S.quote(path)) then
    t.skip("no Python to generate the plan (" .. python .. ")")
    return
  end
  local f = assert(io.open(path, "rb"))
  local size = f:seek("end")
  f:close()
  t.ok(size > 13000000, "the plan is 13.5 MB (" .. size .. " bytes)")
  local streamed, whole = child_peak(path, true), child_peak(path, false)
  t.diag(string.format("peak RSS: %.1f MiB streamed, %.1f MiB whole",
                       (streamed or 0) / 1024, (whole or 0) / 1024))
  t.ok(streamed and whole and whole - streamed >= 40 * 1024,
       "streamed peak at least 40 MiB below the whole-document one")
  S.rmtree(dir)
end)

S.cleanup()
t.done_testing()
