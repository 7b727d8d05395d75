-- The calendar functions against known answers: the official tables in
-- tests/data/lunar/, the statutory arrangements (the reference copies in
-- tests/data/holidays-cn/, read here with string patterns, independently
-- of the library) and the data files of tests/data/calendar/.

local here = (arg and arg[0] or ""):match("^(.*)/[^/]*$") or "."
package.path = here .. "/?.lua;" .. package.path
local t = require "tap"
local S = require "uplsupport"
local up = require "unionplan"

local floor = math.floor

-- days since 1970-01-01 of a proleptic Gregorian date, and back
local function days(iso)
  local y, m, d = iso:match("^(%d%d%d%d)-(%d%d)-(%d%d)$")
  y, m, d = tonumber(y), tonumber(m), tonumber(d)
  if m <= 2 then y = y - 1 end
  local era = floor(y / 400)
  local yoe = y - era * 400
  local mp = (m + 9) % 12
  local doy = floor((153 * mp + 2) / 5) + d - 1
  local doe = yoe * 365 + floor(yoe / 4) - floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
end

local function iso(n)
  n = n + 719468
  local era = floor(n / 146097)
  local doe = n - era * 146097
  local yoe = floor((doe - floor(doe / 1460) + floor(doe / 36524) - floor(doe / 146096)) / 365)
  local y = yoe + era * 400
  local doy = doe - (365 * yoe + floor(yoe / 4) - floor(yoe / 100))
  local mp = floor((5 * doy + 2) / 153)
  local d = doy - floor((153 * mp + 2) / 5) + 1
  local m = mp < 10 and mp + 3 or mp - 9
  if m <= 2 then y = y + 1 end
  return string.format("%04d-%02d-%02d", y, m, d)
end

local function add_days(date, n)
  return iso(days(date) + n)
end

-- rows of a CSV file with a header line (no quoted fields in these tables)
local function rows(name)
  local out, header = {}, nil
  for line in assert(io.open(S.DATA .. "/lunar/" .. name)):lines() do
    line = line:gsub("\r$", "")
    local fields = {}
    for f in (line .. ","):gmatch("([^,]*),") do fields[#fields + 1] = f end
    if not header then
      header = fields
    else
      local row = {}
      for i, k in ipairs(header) do row[k] = fields[i] end
      out[#out + 1] = row
    end
  end
  return out
end

local function triple(h)
  return h and (tostring(h.date) .. " " .. tostring(h.key) .. " " .. tostring(h.name)) or "<nil>"
end

local function find(list, date)
  for _, h in ipairs(list) do
    if h.date == date then return h end
  end
  return nil
end

local function sorted_by_date(list)
  for i = 2, #list do
    if list[i - 1].date > list[i].date then return false end
  end
  return true
end

local function pack(...)
  return { n = select("#", ...), ... }
end

t.group("festivals", function ()
  -- ICU says 2027-02-07 and 2030-02-02; the official table says these
  t.is(up.festival("spring-festival", 2027), "2027-02-06", "spring festival 2027")
  t.is(up.festival("spring-festival", 2030), "2030-02-03", "spring festival 2030 (ICU: Feb 2)")
  t.is(up.festival("spring-festival-eve", 2027), "2027-02-05", "its eve")
  t.is(up.festival("中秋节", 2012), "2012-09-30", "by name 中秋节")
  t.is(up.festival("中秋", 2012), "2012-09-30", "by name 中秋")
  t.is(up.festival("中秋節", 2012), "2012-09-30", "by name 中秋節")
  t.is(up.festival("“五一”", 2012), "2012-05-01", "by name “五一”")
  t.is(up.festival("重阳", 2012), "2012-10-23", "by name 重阳")
  t.is(up.festival("清明", 2012), "2012-04-04", "by name 清明")
  t.is(up.festival("laba", 2022), "2022-01-10", "laba 2022 (the first)")
  local r = pack(up.festival("laba", 2023))
  t.is(r[1], nil, "no laba in 2023: nil")
  t.is(type(r[2]), "string", "and a message")
  r = pack(up.festival("腊八", 2023))
  t.is(r[1], nil, "no 腊八 in 2023: nil")
end)

t.group("lunar festivals 1901-2100", function ()
  local keys = { chunjie_1_1 = "spring-festival", yuanxiao_1_15 = "lantern",
                 duanwu_5_5 = "dragon-boat", qixi_7_7 = "qixi",
                 zhongqiu_8_15 = "mid-autumn", chongyang_9_9 = "double-ninth" }
  local n, bad = 0, {}
  for _, row in ipairs(rows("lunar-festivals-1901-2100.csv")) do
    local year = tonumber(row.lunar_year)
    for column, key in pairs(keys) do
      local got = up.festival(key, year)
      if got ~= row[column] then bad[#bad + 1] = key .. " " .. year .. ": " .. tostring(got) end
      n = n + 1
    end
  end
  t.is(n, 1200, "200 years of 6 festivals")
  t.none(bad, "all as the official table")
end)

t.group("holidays of a year", function ()
  local hs = up.holidays(2027)
  t.is(#hs, 20, "20 in 2027")
  t.is(triple(hs[1]), "2027-01-01 new-year 元旦", "the first")
  t.is(triple(find(hs, "2027-02-06")), "2027-02-06 spring-festival 春节", "spring festival")
  t.ok(sorted_by_date(hs), "sorted by date")
  t.is(triple(find(up.holidays(2012), "2012-09-30")), "2012-09-30 mid-autumn 中秋节", "mid-autumn 2012")
  local laba = {}
  for _, h in ipairs(up.holidays(2022)) do
    if h.key == "laba" then laba[#laba + 1] = h.date end
  end
  t.is_deeply(laba, { "2022-01-10", "2022-12-30" }, "laba twice in 2022")
  local hs23 = up.holidays(2023)
  t.is(#hs23, 19, "19 in 2023")
  for _, h in ipairs(hs23) do
    if h.key == "laba" then t.ok(false, "no laba in 2023") end
  end
  local between = up.holidays_between("2012-09-01", "2012-10-31")
  t.is_deeply(S.map(between, triple), { "2012-09-10 teachers-day 教师节", "2012-09-30 mid-autumn 中秋节",
                                        "2012-10-01 national-day 国庆节",
                                        "2012-10-23 double-ninth 重阳节" }, "holidays_between")
  t.is(#up.holidays_between("2012-09-11", "2012-09-29"), 0, "none between")
  t.is_deeply(S.map(up.holidays_between("2012-09-10", "2012-09-10"), triple),
              { "2012-09-10 teachers-day 教师节" }, "a one-day range")
end)

t.group("statutory holidays", function ()
  local hs = up.holidays(2012, { statutory = true })
  t.is(#hs, 27, "27 days off in 2012 (3 + 7 + 3 + 3 + 3 + 8)")
  t.is(triple(hs[1]), "2012-01-01 new-year 元旦", "the first")
  t.is(triple(hs[#hs]), "2012-10-07 national-day 国庆节", "the last")
  t.is(triple(find(hs, "2012-09-30")), "2012-09-30 national-day 国庆节", "中秋 inside national-day")
  t.is(find(hs, "2011-12-31"), nil, "an adjusted working day is not off")
  t.is(find(hs, "2012-09-29"), nil, "2012-09-29 is not off")
  t.is(find(hs, "2012-01-07"), nil, "an ordinary weekend is not listed")
  t.ok(find(hs, "2012-01-28") ~= nil, "a weekend inside the break is")
  local hs19 = up.holidays(2019, { statutory = true })
  t.is(triple(hs19[1]), "2018-12-30 new-year 元旦", "the 2019 notice covers 2018-12-30")
  t.is(find(up.holidays(2018, { statutory = true }), "2018-12-30"), nil, "not in 2018's")
  local v = {}
  for _, h in ipairs(up.holidays(2015, { statutory = true })) do
    if h.key == "victory-day" then v[#v + 1] = h end
  end
  t.is_deeply(S.map(v, function (h) return h.date end), { "2015-09-03", "2015-09-04", "2015-09-05" },
              "victory day 2015")
  t.is(v[1] and v[1].name, "抗战胜利纪念日", "its name")
  for _, y in ipairs({ 2030, 2006 }) do
    local r = pack(up.holidays(y, { statutory = true }))
    t.is(r[1], nil, "statutory " .. y .. ": no data, nil")
    t.is(type(r[2]), "string", "statutory " .. y .. ": a message")
  end
  local cal = assert(up.calendar(S.DATA .. "/calendar/good-2027.txt"))
  local hs27 = up.holidays(2027, { statutory = true }, cal)
  t.is(#hs27, 3 + 7 + 7, "2027 from a data file")
  t.is(triple(find(hs27, "2027-02-06")), "2027-02-06 spring-festival 春节", "its spring festival")
  t.is(#cal:holidays(2027, { statutory = true }), 17, "cal:holidays")
end)

t.group("solar terms", function ()
  local terms = up.solar_terms(2012)
  t.is(#terms, 24, "24 terms")
  t.is(terms[1].key, "xiaohan", "the first is xiaohan")
  t.is(terms[1].name, "小寒", "小寒")
  t.is(triple(terms[7]), "2012-04-04 qingming 清明", "清明 2012-04-04")
  t.is(triple(terms[24]), "2012-12-21 dongzhi 冬至", "冬至")
  t.ok(sorted_by_date(terms), "sorted")
  local keys, n = {}, 0
  for _, term in ipairs(terms) do
    if not keys[term.key] then n = n + 1 end
    keys[term.key] = true
  end
  t.is(n, 24, "24 different keys")
  local bad = 0
  for _, row in ipairs(rows("solar-terms-qingming-dongzhi-1901-2100.csv")) do
    local y = up.solar_terms(tonumber(row.year))
    if y[7].date ~= row.qingming or y[24].date ~= row.dongzhi then bad = bad + 1 end
  end
  t.is(bad, 0, "清明 and 冬至 1901-2100 as the table")
end)

t.group("lunar dates", function ()
  t.is_deeply(up.lunar("2012-09-30"), { year = 2012, month = 8, leap = false, day = 15,
                                        text = "壬辰年八月十五", ganzhi = "壬辰", zodiac = "龙",
                                        official = true }, "2012-09-30 is 八月十五")
  local l = up.lunar("2013-02-09")              -- 除夕 belongs to lunar year 2012
  t.is(l.year .. " " .. l.month .. " " .. tostring(l.leap) .. " " .. l.day .. " " .. l.text,
       "2012 12 false 29 壬辰年腊月廿九", "2013-02-09")
  l = up.lunar("2023-03-22")
  t.is(l.year .. " " .. l.month .. " " .. tostring(l.leap) .. " " .. l.day .. " " .. l.text,
       "2023 2 true 1 癸卯年闰二月初一", "a leap month")
  t.is(l.ganzhi .. l.zodiac, "癸卯兔", "ganzhi and zodiac")
  l = up.lunar("2027-02-06")
  t.is(l.year .. " " .. l.month .. " " .. l.day .. " " .. tostring(l.official), "2027 1 1 true",
       "2027-02-06 is the new year")
  l = up.lunar("1900-01-31")                    -- outside the table: computed
  t.is(l.year .. " " .. l.month .. " " .. tostring(l.leap) .. " " .. l.day .. " "
       .. tostring(l.official), "1900 1 false 1 false", "1900-01-31")
  t.is(up.lunar("2200-06-01").official, false, "2200 is not official")
  local ok, res, msg = pcall(up.lunar, "0001-01-01")
  t.ok(not ok or (res == nil and type(msg) == "string"),
       "before lunar year 1: an error, or nil and a message")
end)

t.group("from_lunar", function ()
  t.is(up.from_lunar(2012, 8, 15), "2012-09-30", "八月十五 2012")
  t.is(up.from_lunar(2023, 2, 1, true), "2023-03-22", "闰二月初一 2023")
  t.is(up.from_lunar(2023, 2, 1), "2023-02-20", "二月初一 2023")
  t.is(up.from_lunar(2023, 2, 1, false), "2023-02-20", "leap=false")
  local bad, n = {}, 0
  local d = "2012-01-01"
  while d < "2014-01-01" do
    local l = up.lunar(d)
    if up.from_lunar(l.year, l.month, l.day, l.leap) ~= d then bad[#bad + 1] = d end
    n = n + 1
    d = add_days(d, 1)
  end
  t.is(n, 731, "every day of 2012 and 2013")
  t.none(bad, "round trips")
end)

t.group("lunar months 1901-2100", function ()
  local n, bad = 0, {}
  for _, row in ipairs(rows("lunar-months-1901-2100.csv")) do
    local y, m, leap = tonumber(row.lunar_year), tonumber(row.month), row.is_leap == "1"
    local start, len = row.start_date, tonumber(row.days)
    local last = add_days(start, len - 1)
    local l1, l2 = up.lunar(start), up.lunar(last)
    local good = up.from_lunar(y, m, 1, leap) == start
      and up.from_lunar(y, m, len, leap) == last
      and l1.year == y and l1.month == m and l1.leap == leap and l1.day == 1 and l1.official == true
      and l2.year == y and l2.month == m and l2.leap == leap and l2.day == len
    if good and len == 29 then       -- day 30 of a short month: nil, message
      local none, msg = up.from_lunar(y, m, 30, leap)
      good = none == nil and type(msg) == "string"
    end
    if not good then bad[#bad + 1] = row.lunar_year .. "-" .. row.month end
    n = n + 1
  end
  t.is(n, 2473, "2473 months")
  t.none(bad, "every month's first and last day, both ways")
end)

t.group("workday", function ()
  local cases = {
    { "2012-09-29", "workday", "adjusted-workday" },
    { "2012-09-30", "day-off", "national-day" },
    { "2012-10-03", "day-off", "national-day" },
    { "2012-10-08", "workday", nil },
    { "2012-10-13", "day-off", "weekend" },
    { "2011-12-31", "workday", "adjusted-workday" },
    { "2015-09-03", "day-off", "victory-day" },
    { "2030-01-01", "unknown", nil },
  }
  for _, c in ipairs(cases) do
    local status, reason = up.workday(c[1])
    t.is(status, c[2], c[1] .. " status")
    t.is(reason, c[3], c[1] .. " reason")
  end
  t.is(up.is_workday("2012-09-29"), true, "2012-09-29 is an adjusted working day")
  t.is(up.is_workday("2012-10-01"), false, "2012-10-01 is off")
  t.is(up.is_workday("2012-10-13"), false, "a weekend")
  t.is(up.is_workday("2012-10-09"), true, "a Tuesday")
  for _, d in ipairs({ "2030-02-03", "2027-02-06" }) do
    local r = pack(up.is_workday(d))
    t.is(r[1], nil, d .. ": no data, nil")
    t.is(type(r[2]), "string", d .. ": a message")
  end
end)

t.group("workdays_between", function ()
  local wb = up.workdays_between
  t.is(wb("2012-09-29", "2012-09-29"), 1, "one adjusted working day")
  t.is(wb("2012-09-30", "2012-10-07"), 0, "the national-day break")
  t.is(wb("2012-09-29", "2012-10-08"), 2, "2012-09-29..2012-10-08 holds 2")
  t.is(wb("2012-09-01", "2012-09-30"), 21, "September 2012")
  t.is(wb("2012-10-01", "2012-10-31"), 18, "October 2012")
  t.is(wb("2012-01-01", "2012-12-31"), 249, "2012 has 249 working days")
  t.is(wb("2012-12-29", "2013-01-06"), 4, "over the new year")
  t.is(wb("2012-10-08", "2012-10-01"), 0, "a reversed range")
  t.is(wb("2007-01-01", "2026-12-31"), 4991, "2007..2026 holds 4991")
  for _, r in ipairs({ pack(wb("2026-12-01", "2027-01-01")), pack(wb("2030-01-01", "2030-12-31")) }) do
    t.is(r[1], nil, "a range without data: nil")
    t.is(type(r[2]), "string", "and a message")
  end
end)

-- working days of a year counted from the reference copies: weekdays, less
-- the listed days off, plus the listed adjusted working days
local function reference_counts()
  local listed = {}
  for _, path in ipairs(S.glob(S.DATA .. "/holidays-cn", "^%d%d%d%d%.json$")) do
    local text = assert(S.read(path))
    for date, off in text:gmatch('"date"%s*:%s*"(%d%d%d%d%-%d%d%-%d%d)"%s*,%s*"isOffDay"%s*:%s*(%a+)') do
      listed[date] = off == "true"
    end
  end
  local counts = {}
  for year = 2007, 2026 do
    local n = 0
    local first, last = days(year .. "-01-01"), days(year .. "-12-31")
    for k = first, last do
      local date = iso(k)
      local weekday = (k + 4) % 7          -- 1970-01-01 was a Thursday; 0 is Sunday
      local off = listed[date]
      if off == nil then off = weekday == 0 or weekday == 6 end
      if not off then n = n + 1 end
    end
    counts[year] = n
  end
  return counts
end

t.group("working days per year against the reference copies", function ()
  local want = reference_counts()
  t.is(want[2012], 249, "the reference count of 2012")
  local total, bad = 0, {}
  for year = 2007, 2026 do
    local got = up.workdays_between(year .. "-01-01", year .. "-12-31")
    if got ~= want[year] then bad[#bad + 1] = year .. ": " .. tostring(got) .. " vs " .. want[year] end
    total = total + want[year]
  end
  t.is(total, 4991, "the reference total")
  t.none(bad, "each year as the reference")
end)

t.group("add_workdays", function ()
  local aw = up.add_workdays
  t.is(aw("2012-09-28", 1), "2012-09-29", "+1 onto an adjusted working day")
  t.is(aw("2012-09-28", 2), "2012-10-08", "+2 over the break")
  t.is(aw("2012-09-29", 0), "2012-09-29", "+0 on a working day")
  t.is(aw("2012-09-30", 0), "2012-10-08", "+0 on a day off moves on")
  t.is(aw("2012-10-03", -1), "2012-09-29", "-1")
  t.is(aw("2012-10-08", -2), "2012-09-28", "-2")
  t.is(aw("2012-12-31", 1), "2013-01-04", "over the new year")
  t.is(aw("2012-12-31", 3), "2013-01-06", "onto a Sunday worked")
  t.is(aw("2013-01-04", -2), "2012-12-28", "back over the new year")
  t.is(aw("2012-01-01", 248), "2012-12-31", "the 249th working day of 2012")
  for _, c in ipairs({ { "2026-12-31", 1 }, { "2030-02-03", 0 }, { "2012-06-01", 1000000 } }) do
    local r = pack(aw(c[1], c[2]))
    t.is(r[1], nil, "add_workdays(" .. c[1] .. ", " .. c[2] .. ") without data: nil")
    t.is(type(r[2]), "string", "and a message")
  end
end)

t.group("calendar objects", function ()
  local cal = up.calendar()
  t.is(cal:has_year(2012), true, "embedded: 2012")
  t.is(cal:has_year(2027), false, "embedded: not 2027")
  local ok, has0 = pcall(cal.has_year, cal, 0)
  t.ok(not ok or has0 == false, "year 0: false or an error")
  t.like(tostring(cal), "^unionplan%.calendar", "tostring")
  local status, reason = cal:workday("2012-09-29")
  t.is(status .. " " .. tostring(reason), "workday adjusted-workday", "cal:workday")

  local path = S.DATA .. "/calendar/good-2027.txt"
  local c27 = assert(up.calendar(path))
  t.is(c27:has_year(2027), true, "a file adds 2027")
  status, reason = up.workday("2027-02-08", c27)
  t.is(status .. " " .. tostring(reason), "day-off spring-festival", "workday(d, cal)")
  status, reason = c27:workday("2027-02-20")
  t.is(status .. " " .. tostring(reason), "workday adjusted-workday", "an adjusted working day")
  t.is(up.is_workday("2027-03-01", c27), true, "is_workday(d, cal)")
  t.is(c27:is_workday("2027-03-01"), true, "cal:is_workday")
  -- February 2027: 20 weekdays, 5 of them off, one Saturday worked
  t.is(up.workdays_between("2027-02-01", "2027-02-28", c27), 16, "workdays_between(a, b, cal)")
  t.is(c27:workdays_between("2027-02-01", "2027-02-28"), 16, "cal:workdays_between")
  t.is(up.add_workdays("2027-02-04", 1, c27), "2027-02-12", "add_workdays(d, n, cal)")
  t.is(c27:add_workdays("2027-02-04", 1), "2027-02-12", "cal:add_workdays")
  status, reason = c27:workday("2012-10-03")
  t.is(status .. " " .. tostring(reason), "day-off national-day", "the embedded years are kept")
  -- the embedded data is not changed
  t.is(up.workday("2027-02-08"), "unknown", "the default calendar is unchanged")
  t.is(up.add_workdays("2027-02-04", 1), nil, "and has no 2027")

  local c = up.calendar()
  local r = pack(c:load(S.DATA .. "/calendar/crlf-2012.txt"))
  t.ok(r[1] ~= nil, "cal:load replaces a year")
  status, reason = c:workday("2012-09-29")
  t.is(status .. " " .. tostring(reason), "day-off weekend", "by the file's arrangement")
  t.is(up.workday("2012-09-29"), "workday", "the default calendar is unchanged")
end)

t.group("calendar errors", function ()
  local r = pack(up.calendar(S.DATA .. "/calendar/bad-date.txt"))
  t.is(r[1], nil, "a bad file: nil")
  t.like(r[2], "not a date", "its message")
  t.is(r[3], 3, "line")
  t.is(r[4], 6, "column")
  local cal = up.calendar()
  r = pack(cal:load(S.DATA .. "/calendar/bad-date.txt"))
  t.is(r[1], nil, "cal:load of a bad file: nil")
  t.is(r[3], 3, "cal:load: line")
  t.is(cal:has_year(2027), false, "the calendar is unchanged")
  r = pack(up.calendar(S.DATA .. "/calendar/no-such-file.txt"))
  t.is(r[1], nil, "a missing file: nil")
  t.is(type(r[2]), "string", "a message")
  r = pack(cal:load(S.DATA .. "/calendar"))
  t.is(r[1], nil, "a directory: nil")
  t.raises(function () cal:load(nil) end, nil, "cal:load(nil) raises")
  t.raises(function () up.calendar({}) end, nil, "up.calendar({}) raises")
  t.raises(function () cal:has_year("twenty") end, nil, "has_year('twenty') raises")
end)

t.group("past 9999", function ()
  local dir = S.tmpdir()
  local path = S.write(dir .. "/9999.txt", "unionplan-holidays 1\nyear 9999\noff 9999-12-31 new-year\n")
  local cal = assert(up.calendar(path))
  t.is(up.add_workdays("9999-12-30", 0, cal), "9999-12-30", "+0 on the last working day")
  local ok, res = pcall(up.add_workdays, "9999-12-30", 1, cal)
  t.ok(not ok or res == nil, "past 9999-12-31 raises or gives nil")
  t.is(up.workdays_between("9999-12-01", "9999-12-31", cal), 22, "December 9999")
  S.rmtree(dir)
end)

S.cleanup()
t.done_testing()
