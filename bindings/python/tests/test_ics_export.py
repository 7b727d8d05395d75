"""Document.to_ics(): the schedules as iCalendar (doc/ics.md).

Known answers: seed 000 has 26 activities, among them ones dated
2012-09-10 (教师节), 2012-09-25 and 2012-12-31 (read off the XML by hand).
"""
import unittest

import unionplan

from uplsupport import example


class ToIcs(unittest.TestCase):
    def setUp(self):
        self.doc = unionplan.load(example(0))
        self.ics = self.doc.to_ics()

    def test_events(self):
        self.assertTrue(self.ics.startswith("BEGIN:VCALENDAR\r\n"))
        self.assertTrue(self.ics.endswith("END:VCALENDAR\r\n"))
        self.assertEqual(self.ics.count("BEGIN:VEVENT"), 26)
        for day in ("20120910", "20120925", "20121231"):
            self.assertIn("DTSTART;VALUE=DATE:" + day + "\r\n", self.ics)
        self.assertIn("CATEGORIES:教师节\r\n", self.ics)

    def test_lines_folded_and_stable(self):
        lines = self.ics.split("\r\n")
        self.assertTrue(all(len(l.encode("utf-8")) <= 75 for l in lines))
        self.assertEqual(self.doc.to_ics(), self.ics)
        uids = [l for l in lines if l.startswith("UID:")]
        self.assertEqual(len(uids), 26)
        self.assertEqual(len(set(uids)), 26)

    def test_holidays(self):
        with_days = self.doc.to_ics(holidays=True)
        self.assertGreater(with_days.count("BEGIN:VEVENT"), 26)
        self.assertIn("CATEGORIES:法定节假日\r\n", with_days)
        with self.assertRaises(TypeError):
            self.doc.to_ics(True)

    def test_read_by_icalendar(self):
        try:
            import icalendar
        except ImportError:
            import sys
            sys.path.append("/usr/lib/python3/dist-packages")
            try:
                import icalendar
            except Exception:  # absent, or Debian's build does not suit this Python
                self.skipTest("python3-icalendar is not installed for this Python")
        cal = icalendar.Calendar.from_ical(self.ics)
        events = [c for c in cal.walk("VEVENT")]
        self.assertEqual(len(events), 26)
        texts = [str(e.get("SUMMARY")) for e in events]
        self.assertEqual(sorted(texts), sorted(a.text for a in self.doc[0].activities()))


if __name__ == "__main__":
    unittest.main()
