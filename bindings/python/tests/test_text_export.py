"""Document.to_text(): the plan as a Chinese text document.

Known answers: seed 000 has 26 activities and five months (September to
January), one activity dated 2012-09-10 (counted by hand and with xmllint
--xpath); the width rule is the text module's (a Han character takes two
columns, no line starts with 。，、；：？！）」 or ends with （「).
"""
import datetime
import unicodedata
import unittest

import unionplan

from uplsupport import EXAMPLES, example


def columns(line):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


class ToText(unittest.TestCase):
    def setUp(self):
        self.doc = unionplan.load(example(0))

    def test_imports_back_to_the_same_schedule(self):
        text = self.doc.to_text()
        back, _notes = unionplan.import_text(text.encode("utf-8"))
        acts = [a for a in back[0].activities()]
        self.assertEqual(len(acts), 26)
        self.assertEqual([m.month for m in back[0].schedule], [m.month for m in self.doc[0].schedule])
        self.assertIn(datetime.date(2012, 9, 10), [a.date for a in acts])
        self.assertEqual(back[0].title, self.doc[0].title)

    def test_every_example_keeps_its_activities(self):
        for path in sorted(EXAMPLES.glob("*.xml")):
            doc = unionplan.load(path)
            back, _ = unionplan.import_text(doc.to_text().encode("utf-8"))
            self.assertEqual([a.text for p in back for a in p.activities()],
                             [a.text for p in doc for a in p.activities()], path.name)

    def test_paragraphs_indented(self):
        text = self.doc.to_text()
        first = self.doc[0].walk(unionplan.Paragraph)[0].text
        self.assertIn("\u3000\u3000" + first, text)

    def test_width(self):
        text = self.doc.to_text(width=40)
        lines = text.splitlines()
        self.assertTrue(all(columns(l) <= 40 for l in lines))
        self.assertFalse([l for l in lines if l and l[0] in "。，、；：？！）」"])
        self.assertFalse([l for l in lines if l and l[-1] in "（「"])
        self.assertGreater(len(lines), len(self.doc.to_text().splitlines()))
        with self.assertRaises(ValueError):
            self.doc.to_text(width=1001)

    def test_renumber(self):
        text = self.doc.to_text(renumber=True)
        headings = [l for l in text.splitlines() if l[:2] in ("一、", "二、", "三、", "四、", "五、")]
        self.assertEqual([h[:2] for h in headings], ["一、", "二、", "三、", "四、", "五、"][:len(headings)])
        self.assertGreaterEqual(len(headings), 2)

    def test_simplified(self):
        self.assertEqual(self.doc.to_text(simplified=True), self.doc.to_text())
        trad = unionplan.load(example(1))
        self.assertEqual(trad[0].lang, "zh-Hant")
        simp = trad.to_text(simplified=True)
        self.assertNotEqual(simp, trad.to_text())
        self.assertIn("学", simp)

    def test_keyword_only(self):
        with self.assertRaises(TypeError):
            self.doc.to_text(True)


if __name__ == "__main__":
    unittest.main()
