"""Document.to_html(): one self-contained page (doc/html.md), and
unionplan.holidays_ics(): the feed of the official calendar (doc/ics.md).

Known answers: seed 000 has 26 activities in 5 months, one of them dated
2012-09-10 (教师节, a Monday); tests/data/export/html-plan.xml skips from
（一） to （三） (a numbering-skip warning at line 23) and has an activity on
2014-10-01, an official day off (a holiday-day-off note at line 36). 2026
has 20 festivals, 33 official days off and 6 adjusted working days
(tests/cli-export-ics.sh has the same count).
"""
import html.parser
import unittest

import unionplan

from uplsupport import DATA, example


class Tags(html.parser.HTMLParser):
    """The start tags of a page, with their attributes, and the stack left
    open at the end (empty when every element was closed in order)."""
    VOID = {"meta", "hr", "br", "link", "img", "input"}

    def __init__(self, page):
        super().__init__()
        self.starts, self.stack, self.bad = [], [], []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.starts.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()
        else:
            self.bad.append(tag)


class ToHtml(unittest.TestCase):
    def setUp(self):
        self.doc = unionplan.load(example(0))
        self.page = self.doc.to_html()

    def test_page(self):
        self.assertTrue(self.page.startswith("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n"))
        self.assertTrue(self.page.endswith("</html>\n"))
        tags = Tags(self.page)
        self.assertEqual(tags.stack, [])
        self.assertEqual(tags.bad, [])
        classes = [a.get("class") for t, a in tags.starts]
        self.assertEqual(classes.count("activity"), 26)
        self.assertEqual(classes.count("month"), 5)
        self.assertIn('<time datetime="2012-09-10">9月10日（周一）</time>', self.page)
        ids = {a["id"] for t, a in tags.starts if "id" in a}
        links = [a["href"] for t, a in tags.starts if "href" in a]
        self.assertTrue(links)
        for href in links:
            self.assertTrue(href.startswith("#") and href[1:] in ids, href)
        self.assertNotIn("<script", self.page)
        for activity in self.doc[0].activities():
            self.assertIn(activity.text.replace("&", "&amp;"), self.page)
        self.assertEqual(self.doc.to_html(), self.page)

    def test_diagnostics_and_renumber(self):
        doc = unionplan.load(DATA / "export" / "html-plan.xml")
        plain = doc.to_html()
        self.assertNotIn('class="diag', plain)
        page = doc.to_html(diagnostics=True)
        self.assertIn("<p>错误 0 个，警告 1 个，提示 1 个。</p>", page)
        self.assertIn('<span class="diag warning" id="d2" role="note"><a href="#r2">'
                      '<span class="sev">警告</span> 第23行：', page)
        self.assertIn("holiday-day-off", page.split("国庆节慰问值班教工", 1)[1].split("</li>")[0])
        self.assertIn('<span class="label">（三）</span>', plain)
        renumbered = doc.to_html(renumber=True)
        self.assertIn('<span class="label">（二）</span>关心教职工', renumbered)
        self.assertNotIn("（三）", renumbered)
        with open(DATA / "export" / "html-plan.html", encoding="utf-8") as f:
            self.assertEqual(plain, f.read())

    def test_traditional_and_misuse(self):
        doc = unionplan.loads(
            '<plan xmlns="urn:unionplan:1" version="1" xml:lang="zh-Hant"><meta>'
            "<title>2017年度小學工會工作計劃</title></meta><p>為教職工辦實事 &lt;&amp;&gt;</p>"
            "</plan>")
        page = doc.to_html()
        self.assertIn('<html lang="zh-Hant">', page)
        self.assertIn("<p>為教職工辦實事 &lt;&amp;&gt;</p>", page)
        with self.assertRaises(TypeError):
            doc.to_html(True)
        with self.assertRaises(TypeError):
            doc.to_html(holidays=True)


class HolidaysIcs(unittest.TestCase):
    def test_2026(self):
        feed = unionplan.holidays_ics(2026)
        self.assertTrue(feed.startswith("BEGIN:VCALENDAR\r\n"))
        self.assertIn("X-WR-CALNAME:中国节假日 2026\r\n", feed)
        self.assertEqual(feed.count("BEGIN:VEVENT"), 59)
        self.assertEqual(feed.count("SUMMARY:调休上班\r\n"), 6)
        self.assertIn("UID:20261001-off-national-day@holidays.unionplan\r\n", feed)
        self.assertEqual(unionplan.holidays_ics(2026, 2026).count("BEGIN:VEVENT"), 59)

    def test_years_and_calendar(self):
        two = unionplan.holidays_ics(2025, 2026)
        self.assertGreater(two.count("BEGIN:VEVENT"), 59)
        self.assertIn("UID:20251001-off-national-day@", two)
        self.assertEqual(unionplan.holidays_ics(2026, calendar=unionplan.Calendar()),
                         unionplan.holidays_ics(2026))

    def test_errors(self):
        with self.assertRaises(LookupError):
            unionplan.holidays_ics(2026, 1990)
        with self.assertRaises(ValueError):
            unionplan.holidays_ics()
        with self.assertRaises(ValueError):
            unionplan.holidays_ics(0)
        with self.assertRaises(TypeError):
            unionplan.holidays_ics("2026")
        with self.assertRaises(TypeError):
            unionplan.holidays_ics(2026, calendar=3)
        with self.assertRaises(TypeError):
            unionplan.holidays_ics(2026, years=3)


if __name__ == "__main__":
    unittest.main()
