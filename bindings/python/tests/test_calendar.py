"""The calendar functions of unionplan against known answers: the official
tables in tests/data/lunar/, the statutory arrangements embedded in the
library (libunionplan/data/holidays-cn.txt) and the data files of
tests/data/calendar/. Working-day counts are counted by hand from the
data file (doc/calendar.md shows them)."""

import csv
import datetime
import os
import pathlib
import unittest

import unionplan

D = datetime.date
TOP = os.environ.get("UPL_TOP_SRCDIR") or os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "..")


def data(*parts):
    return os.path.join(TOP, "tests", "data", *parts)


def rows(name):
    with open(data("lunar", name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


class FestivalTest(unittest.TestCase):

    def test_spring_festival_official_not_icu(self):
        # ICU says 2027-02-07 and 2030-02-02; the official table says these.
        self.assertEqual(unionplan.festival("spring-festival", 2027), D(2027, 2, 6))
        self.assertEqual(unionplan.festival("spring-festival", 2030), D(2030, 2, 3))
        self.assertEqual(unionplan.festival("spring-festival-eve", 2027), D(2027, 2, 5))

    def test_holidays_of_a_year(self):
        hs = unionplan.holidays(2027)
        self.assertIn((D(2027, 2, 6), "spring-festival", "春节"), hs)
        self.assertIsInstance(hs[0], unionplan.Holiday)
        self.assertEqual(hs[0], (D(2027, 1, 1), "new-year", "元旦"))
        self.assertEqual(hs[0].date, D(2027, 1, 1))
        self.assertEqual([h.date for h in hs], sorted(h.date for h in hs))
        self.assertEqual(len(hs), 20)
        self.assertIn((D(2012, 9, 30), "mid-autumn", "中秋节"), unionplan.holidays(2012))
        # laba twice in 2022, not at all in 2023
        self.assertEqual([h.date for h in unionplan.holidays(2022) if h.key == "laba"],
                         [D(2022, 1, 10), D(2022, 12, 30)])
        self.assertEqual([h for h in unionplan.holidays(2023) if h.key == "laba"], [])
        self.assertEqual(len(unionplan.holidays(2023)), 19)

    def test_holidays_between(self):
        hs = unionplan.holidays_between(D(2012, 9, 1), D(2012, 10, 31))
        self.assertEqual(hs, [(D(2012, 9, 10), "teachers-day", "教师节"),
                              (D(2012, 9, 30), "mid-autumn", "中秋节"),
                              (D(2012, 10, 1), "national-day", "国庆节"),
                              (D(2012, 10, 23), "double-ninth", "重阳节")])
        self.assertEqual(unionplan.holidays_between(D(2012, 9, 11), D(2012, 9, 29)), [])
        self.assertEqual(unionplan.holidays_between(D(2012, 9, 10), D(2012, 9, 10)),
                         [(D(2012, 9, 10), "teachers-day", "教师节")])
        with self.assertRaises(ValueError):
            unionplan.holidays_between(D(2012, 10, 1), D(2012, 9, 1))

    def test_festival_by_name(self):
        self.assertEqual(unionplan.festival("中秋节", 2012), D(2012, 9, 30))
        self.assertEqual(unionplan.festival("中秋", 2012), D(2012, 9, 30))
        self.assertEqual(unionplan.festival("中秋節", 2012), D(2012, 9, 30))
        self.assertEqual(unionplan.festival("“五一”", 2012), D(2012, 5, 1))
        self.assertEqual(unionplan.festival("重阳", 2012), D(2012, 10, 23))
        self.assertEqual(unionplan.festival("清明", 2012), D(2012, 4, 4))
        self.assertEqual(unionplan.festival("laba", 2022), D(2022, 1, 10))
        with self.assertRaises(LookupError):
            unionplan.festival("laba", 2023)
        with self.assertRaises(LookupError):
            unionplan.festival("腊八", 2023)
        for bad in ("", "moon-day", " 中秋", "中秋 ", "Mid-Autumn", "spring-festival\0"):
            with self.assertRaises(ValueError, msg=repr(bad)):
                unionplan.festival(bad, 2012)
        with self.assertRaises(TypeError):
            unionplan.festival(b"mid-autumn", 2012)
        with self.assertRaises(TypeError):
            unionplan.festival(None, 2012)

    def test_lunar_festivals_1901_2100(self):
        keys = {"chunjie_1_1": "spring-festival", "yuanxiao_1_15": "lantern",
                "duanwu_5_5": "dragon-boat", "qixi_7_7": "qixi",
                "zhongqiu_8_15": "mid-autumn", "chongyang_9_9": "double-ninth"}
        n = 0
        for row in rows("lunar-festivals-1901-2100.csv"):
            year = int(row["lunar_year"])
            for column, key in keys.items():
                self.assertEqual(unionplan.festival(key, year),
                                 D.fromisoformat(row[column]), (key, year))
                n += 1
        self.assertEqual(n, 200 * 6)


class StatutoryTest(unittest.TestCase):

    def test_2012(self):
        hs = unionplan.holidays(2012, statutory=True)
        self.assertEqual(len(hs), 27)  # 3 + 7 + 3 + 3 + 3 + 8 days off
        self.assertEqual(hs[0], (D(2012, 1, 1), "new-year", "元旦"))
        self.assertEqual(hs[-1], (D(2012, 10, 7), "national-day", "国庆节"))
        # 中秋节、国庆节 is one break keyed national-day
        self.assertIn((D(2012, 9, 30), "national-day", "国庆节"), hs)
        days = [h.date for h in hs]
        self.assertNotIn(D(2011, 12, 31), days)  # an adjusted working day
        self.assertNotIn(D(2012, 9, 29), days)   # an adjusted working day
        self.assertNotIn(D(2012, 1, 7), days)    # an ordinary weekend
        self.assertIn(D(2012, 1, 28), days)      # a weekend inside the break
        self.assertEqual(hs, unionplan.holidays(2012, True, None))

    def test_notice_covers_december_before(self):
        hs = unionplan.holidays(2019, statutory=True)
        self.assertEqual(hs[0], (D(2018, 12, 30), "new-year", "元旦"))
        self.assertNotIn(D(2018, 12, 30), [h.date for h in unionplan.holidays(2018, statutory=True)])

    def test_victory_day(self):
        hs = [h for h in unionplan.holidays(2015, statutory=True) if h.key == "victory-day"]
        self.assertEqual([h.date for h in hs], [D(2015, 9, 3), D(2015, 9, 4), D(2015, 9, 5)])
        self.assertEqual(hs[0].name, "抗战胜利纪念日")

    def test_unknown_year(self):
        with self.assertRaises(LookupError):
            unionplan.holidays(2030, statutory=True)
        with self.assertRaises(LookupError):
            unionplan.holidays(2006, statutory=True)
        cal = unionplan.Calendar.load(data("calendar", "good-2027.txt"))
        hs = unionplan.holidays(2027, statutory=True, calendar=cal)
        self.assertEqual(len(hs), 3 + 7 + 7)
        self.assertIn((D(2027, 2, 6), "spring-festival", "春节"), hs)


class SolarTermTest(unittest.TestCase):

    def test_2012(self):
        terms = unionplan.solar_terms(2012)
        self.assertEqual(len(terms), 24)
        self.assertIsInstance(terms[0], unionplan.SolarTerm)
        self.assertEqual(terms[0].key, "xiaohan")
        self.assertEqual(terms[0].name, "小寒")
        self.assertEqual(terms[6], (D(2012, 4, 4), "qingming", "清明"))
        self.assertEqual(terms[23], (D(2012, 12, 21), "dongzhi", "冬至"))
        self.assertEqual([t.date for t in terms], sorted(t.date for t in terms))
        self.assertEqual(len({t.key for t in terms}), 24)

    def test_qingming_dongzhi_1901_2100(self):
        for row in rows("solar-terms-qingming-dongzhi-1901-2100.csv"):
            terms = unionplan.solar_terms(int(row["year"]))
            self.assertEqual(terms[6].date, D.fromisoformat(row["qingming"]), row)
            self.assertEqual(terms[23].date, D.fromisoformat(row["dongzhi"]), row)


class LunarTest(unittest.TestCase):

    def test_mid_autumn_2012(self):
        l = unionplan.lunar(D(2012, 9, 30))
        self.assertIsInstance(l, unionplan.LunarDate)
        self.assertEqual(l, (2012, 8, False, 15, "壬辰年八月十五", "壬辰", "龙", True))
        self.assertTrue(l.text.endswith("八月十五"))
        self.assertIs(l.leap, False)
        self.assertIs(l.official, True)

    def test_known_dates(self):
        l = unionplan.lunar(D(2013, 2, 9))  # 除夕 belongs to lunar year 2012
        self.assertEqual((l.year, l.month, l.leap, l.day, l.text), (2012, 12, False, 29, "壬辰年腊月廿九"))
        l = unionplan.lunar(D(2023, 3, 22))
        self.assertEqual((l.year, l.month, l.leap, l.day, l.text), (2023, 2, True, 1, "癸卯年闰二月初一"))
        self.assertEqual((l.ganzhi, l.zodiac), ("癸卯", "兔"))
        l = unionplan.lunar(D(2027, 2, 6))
        self.assertEqual((l.year, l.month, l.day, l.official), (2027, 1, 1, True))
        # outside the table: computed by ICU
        l = unionplan.lunar(D(1900, 1, 31))
        self.assertEqual((l.year, l.month, l.leap, l.day, l.official), (1900, 1, False, 1, False))
        self.assertIs(unionplan.lunar(D(2200, 6, 1)).official, False)
        with self.assertRaises(ValueError):
            unionplan.lunar(D(1, 1, 1))  # before lunar year 1

    def test_month_starts_round_trip(self):
        n = 0
        for row in rows("lunar-months-1901-2100.csv"):
            y, m, leap = int(row["lunar_year"]), int(row["month"]), row["is_leap"] == "1"
            start, days = D.fromisoformat(row["start_date"]), int(row["days"])
            self.assertEqual(unionplan.from_lunar(y, m, 1, leap), start, row)
            self.assertEqual(unionplan.from_lunar(y, m, days, leap=leap),
                             start + datetime.timedelta(days - 1), row)
            l = unionplan.lunar(start)
            self.assertEqual((l.year, l.month, l.leap, l.day, l.official), (y, m, leap, 1, True), row)
            l = unionplan.lunar(start + datetime.timedelta(days - 1))
            self.assertEqual((l.year, l.month, l.leap, l.day), (y, m, leap, days), row)
            if days == 29:
                with self.assertRaises(ValueError):
                    unionplan.from_lunar(y, m, 30, leap)
            n += 1
        self.assertEqual(n, 2473)

    def test_from_lunar(self):
        self.assertEqual(unionplan.from_lunar(2012, 8, 15), D(2012, 9, 30))
        self.assertEqual(unionplan.from_lunar(2023, 2, 1, leap=True), D(2023, 3, 22))
        self.assertEqual(unionplan.from_lunar(2023, 2, 1), D(2023, 2, 20))
        d = D(2012, 1, 1)
        while d < D(2014, 1, 1):
            l = unionplan.lunar(d)
            self.assertEqual(unionplan.from_lunar(l.year, l.month, l.day, l.leap), d)
            d += datetime.timedelta(1)
        for args in ((2023, 3, 1, True), (2012, 13, 1), (2012, 0, 1), (2012, 1, 0), (2012, 1, 31),
                     (0, 1, 1), (10000, 1, 1), (-5, 1, 1), (2 ** 70, 1, 1)):
            with self.assertRaises(ValueError, msg=args):
                unionplan.from_lunar(*args)
        for args in (("2012", 1, 1), (2012, 1.0, 1), (2012, 1, None), (True, 1, 1)):
            with self.assertRaises(TypeError, msg=args):
                unionplan.from_lunar(*args)


class WorkdayTest(unittest.TestCase):

    def test_workday(self):
        cases = {
            D(2012, 9, 29): ("workday", "adjusted-workday"),
            D(2012, 9, 30): ("day-off", "national-day"),
            D(2012, 10, 3): ("day-off", "national-day"),
            D(2012, 10, 8): ("workday", None),
            D(2012, 10, 13): ("day-off", "weekend"),
            D(2011, 12, 31): ("workday", "adjusted-workday"),
            D(2015, 9, 3): ("day-off", "victory-day"),
            D(2030, 1, 1): ("unknown", None),
        }
        for d, answer in cases.items():
            w = unionplan.workday(d)
            self.assertIsInstance(w, unionplan.Workday)
            self.assertEqual(w, answer, d)
            self.assertEqual((w.status, w.reason), answer)

    def test_is_workday(self):
        self.assertIs(unionplan.is_workday(D(2012, 9, 29)), True)
        self.assertIs(unionplan.is_workday(D(2012, 10, 1)), False)
        self.assertIs(unionplan.is_workday(D(2012, 10, 13)), False)
        self.assertIs(unionplan.is_workday(D(2012, 10, 9)), True)
        with self.assertRaises(LookupError):
            unionplan.is_workday(D(2030, 2, 3))
        with self.assertRaises(LookupError):
            unionplan.is_workday(D(2027, 2, 6))

    def test_workdays_between(self):
        wb = unionplan.workdays_between
        self.assertEqual(wb(D(2012, 9, 29), D(2012, 9, 29)), 1)
        self.assertEqual(wb(D(2012, 9, 30), D(2012, 10, 7)), 0)
        self.assertEqual(wb(D(2012, 9, 29), D(2012, 10, 8)), 2)
        self.assertEqual(wb(D(2012, 9, 1), D(2012, 9, 30)), 21)
        self.assertEqual(wb(D(2012, 10, 1), D(2012, 10, 31)), 18)
        self.assertEqual(wb(D(2012, 1, 1), D(2012, 12, 31)), 249)
        self.assertEqual(wb(D(2012, 12, 29), D(2013, 1, 6)), 4)
        self.assertEqual(wb(D(2012, 10, 8), D(2012, 10, 1)), 0)
        self.assertEqual(wb(start=D(2012, 9, 1), end=D(2012, 9, 30), calendar=None), 21)
        with self.assertRaises(LookupError):
            wb(D(2026, 12, 1), D(2027, 1, 1))
        with self.assertRaises(LookupError):
            wb(D(2030, 1, 1), D(2030, 12, 31))

    def test_add_workdays(self):
        aw = unionplan.add_workdays
        self.assertEqual(aw(D(2012, 9, 28), 1), D(2012, 9, 29))
        self.assertEqual(aw(D(2012, 9, 28), 2), D(2012, 10, 8))
        self.assertEqual(aw(D(2012, 9, 29), 0), D(2012, 9, 29))
        self.assertEqual(aw(D(2012, 9, 30), 0), D(2012, 10, 8))
        self.assertEqual(aw(D(2012, 10, 3), -1), D(2012, 9, 29))
        self.assertEqual(aw(D(2012, 10, 8), -2), D(2012, 9, 28))
        self.assertEqual(aw(D(2012, 12, 31), 1), D(2013, 1, 4))
        self.assertEqual(aw(D(2012, 12, 31), 3), D(2013, 1, 6))
        self.assertEqual(aw(D(2013, 1, 4), -2), D(2012, 12, 28))
        self.assertEqual(aw(date=D(2012, 1, 1), n=248), D(2012, 12, 31))
        with self.assertRaises(LookupError):
            aw(D(2026, 12, 31), 1)
        with self.assertRaises(LookupError):
            aw(D(2030, 2, 3), 0)
        with self.assertRaises(LookupError):
            aw(D(2012, 6, 1), 10 ** 6)
        with self.assertRaises(ValueError):
            aw(D(2012, 6, 1), 10 ** 30)
        with self.assertRaises(TypeError):
            aw(D(2012, 6, 1), 1.5)
        with self.assertRaises(TypeError):
            aw(D(2012, 6, 1), "1")

    def test_past_9999(self):
        cal = unionplan.Calendar()
        cal.loads("unionplan-holidays 1\nyear 9999\noff 9999-12-31 new-year\n")
        self.assertEqual(unionplan.add_workdays(D(9999, 12, 30), 0, calendar=cal), D(9999, 12, 30))
        with self.assertRaises(ValueError):
            unionplan.add_workdays(D(9999, 12, 30), 1, calendar=cal)
        self.assertEqual(unionplan.workdays_between(D(9999, 12, 1), D(9999, 12, 31), cal), 22)


class CalendarTest(unittest.TestCase):

    def test_embedded(self):
        cal = unionplan.Calendar()
        self.assertEqual(cal.years, list(range(2007, 2027)))
        self.assertTrue(cal.has_year(2012))
        self.assertFalse(cal.has_year(2027))
        self.assertFalse(cal.has_year(0))
        self.assertFalse(cal.has_year(10 ** 30))
        with self.assertRaises(TypeError):
            cal.has_year("2012")
        self.assertIn("2007..2026", repr(cal))
        self.assertEqual(unionplan.workday(D(2012, 9, 29), calendar=cal),
                         ("workday", "adjusted-workday"))

    def test_load(self):
        path = data("calendar", "good-2027.txt")
        for source in (path, pathlib.Path(path)):
            cal = unionplan.Calendar.load(source)
            self.assertIsInstance(cal, unionplan.Calendar)
            self.assertTrue(cal.has_year(2027))
            self.assertEqual(unionplan.workday(D(2027, 2, 8), calendar=cal),
                             ("day-off", "spring-festival"))
            self.assertEqual(unionplan.workday(D(2027, 2, 20), cal), ("workday", "adjusted-workday"))
            self.assertIs(unionplan.is_workday(D(2027, 3, 1), calendar=cal), True)
            # February 2027: 20 weekdays, 5 of them off, one Saturday worked
            self.assertEqual(unionplan.workdays_between(D(2027, 2, 1), D(2027, 2, 28), calendar=cal), 16)
            self.assertEqual(unionplan.add_workdays(D(2027, 2, 4), 1, calendar=cal), D(2027, 2, 12))
            self.assertEqual(unionplan.workday(D(2012, 10, 3), calendar=cal), ("day-off", "national-day"))
        # the embedded data is not changed
        self.assertEqual(unionplan.workday(D(2027, 2, 8)), ("unknown", None))
        with self.assertRaises(LookupError):
            unionplan.add_workdays(D(2027, 2, 4), 1)

    def test_load_file_replaces_a_year(self):
        cal = unionplan.Calendar()
        self.assertIsNone(cal.load_file(data("calendar", "crlf-2012.txt")))
        self.assertEqual(unionplan.workday(D(2012, 9, 29), calendar=cal), ("day-off", "weekend"))
        self.assertEqual(unionplan.workday(D(2012, 9, 29)), ("workday", "adjusted-workday"))

    def test_errors(self):
        cal = unionplan.Calendar()
        with self.assertRaises(unionplan.ParseError) as cm:
            cal.load_file(data("calendar", "bad-date.txt"))
        e = cm.exception
        self.assertIsInstance(e, ValueError)
        self.assertEqual((e.line, e.column), (3, 6))
        self.assertTrue(e.filename.endswith("bad-date.txt"))
        self.assertIn("not a date", e.message)
        with self.assertRaises(unionplan.ParseError) as cm:
            cal.loads("unionplan-holidays 1\nyear 2027\n", name="next.txt")
        self.assertEqual((cm.exception.filename, cm.exception.line), ("next.txt", 3))
        with self.assertRaises(unionplan.ParseError):
            cal.loads(b"year 2027\n")
        self.assertFalse(cal.has_year(2027))  # unchanged after each failure
        missing = data("calendar", "no-such-file.txt")
        with self.assertRaises(FileNotFoundError) as cm:
            unionplan.Calendar.load(missing)
        self.assertEqual(cm.exception.filename, missing)
        with self.assertRaises(IsADirectoryError):
            cal.load_file(data("calendar"))
        with self.assertRaises(TypeError):
            cal.load_file(None)
        with self.assertRaises(TypeError):
            cal.loads(12)
        with self.assertRaises(TypeError):
            unionplan.Calendar(2027)
        with self.assertRaises(ValueError):
            cal.load_file("a\0b")


class MisuseTest(unittest.TestCase):

    def test_dates(self):
        date_functions = [unionplan.lunar, unionplan.workday, unionplan.is_workday,
                          lambda d: unionplan.add_workdays(d, 1),
                          lambda d: unionplan.workdays_between(d, D(2012, 1, 1)),
                          lambda d: unionplan.workdays_between(D(2012, 1, 1), d),
                          lambda d: unionplan.holidays_between(d, D(2012, 1, 1))]
        for f in date_functions:
            for bad in (None, "2012-09-30", datetime.datetime(2012, 9, 30), 20120930,
                        (2012, 9, 30), object()):
                with self.assertRaises(TypeError, msg=(f, bad)):
                    f(bad)

    def test_years(self):
        year_functions = [unionplan.holidays, unionplan.solar_terms,
                          lambda y: unionplan.festival("mid-autumn", y),
                          lambda y: unionplan.holidays(y, statutory=True)]
        for f in year_functions:
            for bad in (0, -1, 10000, 2 ** 64, -2 ** 64):
                with self.assertRaises(ValueError, msg=(f, bad)):
                    f(bad)
            for bad in (None, "2012", 2012.0, True, D(2012, 1, 1)):
                with self.assertRaises(TypeError, msg=(f, bad)):
                    f(bad)

    def test_calendar_argument(self):
        for bad in ("embedded", 0, object(), unionplan.Calendar):
            with self.assertRaises(TypeError):
                unionplan.workday(D(2012, 1, 1), calendar=bad)
            with self.assertRaises(TypeError):
                unionplan.holidays(2012, statutory=True, calendar=bad)

    def test_arity(self):
        with self.assertRaises(TypeError):
            unionplan.lunar()
        with self.assertRaises(TypeError):
            unionplan.workday(D(2012, 1, 1), None, None)
        with self.assertRaises(TypeError):
            unionplan.holidays(year=2012, colour="red")
        with self.assertRaises(TypeError):
            unionplan.from_lunar(2012, 8)

    def test_docstrings(self):
        for name in ("holidays", "holidays_between", "festival", "solar_terms", "lunar",
                     "from_lunar", "workday", "is_workday", "workdays_between", "add_workdays",
                     "Calendar"):
            self.assertTrue(getattr(unionplan, name).__doc__, name)
        for name in ("load", "load_file", "loads", "has_year", "years"):
            self.assertTrue(getattr(unionplan.Calendar, name).__doc__, name)


if __name__ == "__main__":
    unittest.main()
