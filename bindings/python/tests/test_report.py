"""doc/examples/report.py, and the examples of README.md and doc/python.md,
run as a user runs them."""
import csv
import io
import os
import pathlib
import re
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

from uplsupport import EXAMPLES, TOP_SRCDIR

REPORT = EXAMPLES / "report.py"
NS = "{urn:unionplan:1}"
HEADER = ["file", "plan", "month", "date", "holiday", "text"]
TITLE0 = "2012学年第一学期工会工作计划"


def run(args, cwd=None, timeout=300):
    return subprocess.run([sys.executable, *[str(a) for a in args]], capture_output=True,
                          text=True, cwd=cwd, timeout=timeout, env=os.environ.copy())


def expected_rows(folder):
    """The report's rows worked out with ElementTree, independently of the module."""
    rows = []
    for path in sorted(pathlib.Path(folder).glob("*.xml")):
        root = ET.parse(path).getroot()
        plans = [root] if root.tag == NS + "plan" else root.findall(NS + "plan")
        for plan in plans:
            title = plan.find(NS + "meta/" + NS + "title")
            for month in plan.iter(NS + "month"):
                year, mon = month.get("year"), int(month.get("month"))
                key = (0, int(year), mon) if year else (1, 0, mon)
                ym = "%04d-%02d" % (int(year), mon) if year else "--%02d" % mon
                for act in month.iter(NS + "activity"):
                    rows.append((key, [path.name, title.text if title is not None else "", ym,
                                       act.get("date") or "", act.get("holiday") or "", act.text]))
    rows.sort(key=lambda r: r[0])
    return [r for _, r in rows]


def fenced_block(text, after):
    """The first ```python block after the line matching the regex after."""
    m = re.search(after, text, re.M)
    if m is None:
        raise AssertionError("no %r in the document" % after)
    block = re.search(r"^```python\n(.*?)^```", text[m.end():], re.S | re.M)
    if block is None:
        raise AssertionError("no python block after %r" % after)
    return block.group(1)


class TestReport(unittest.TestCase):

    def test_examples_folder(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = pathlib.Path(tmp) / "activities.csv"
            proc = run([REPORT, "-o", out, EXAMPLES])
            self.assertEqual(proc.returncode, 0, proc.stderr)
            self.assertEqual(proc.stderr, "")
            # the three dated activities of seed 000 fall on working days
            self.assertEqual(proc.stdout, "")
            with open(out, encoding="utf-8", newline="") as f:
                rows = list(csv.reader(f))
        self.assertEqual(rows[0], HEADER)
        rows = rows[1:]
        # 26 + 0 + 27 + 22 + 31 activities (xmllint --xpath "count(//*[local-name()='activity'])")
        self.assertEqual(len(rows), 106)
        self.assertEqual(rows[0], ["seed-003.xml", "2012年工会工作计划", "2012-01", "", "",
                                   "制定工会工作计划；"])
        # the last month with a year: 2013-01, seed 000 before seed 002
        self.assertEqual([r[0] for r in rows[69:75]], ["seed-000.xml"] * 3 + ["seed-002.xml"] * 3)
        self.assertEqual(rows[74], ["seed-002.xml", "常州市新北区教育工会2012年工作意见", "2013-01",
                                    "", "spring-festival", "春节走访慰问"])
        # then seed 004's months without a year, by month
        self.assertEqual(rows[75][:3], ["seed-004.xml", "", "--02"])
        self.assertEqual(rows[-1], ["seed-004.xml", "", "--12", "", "new-year", "元旦庆祝活动。"])
        self.assertEqual([r for r in rows if r[3]], [
            ["seed-000.xml", TITLE0, "2012-09", "2012-09-10", "teachers-day", "教师节表彰活动(9/10)"],
            ["seed-000.xml", TITLE0, "2012-09", "2012-09-25", "", "上交第二季度财务报表（9/25）"],
            ["seed-000.xml", TITLE0, "2012-12", "2012-12-31", "spring-festival",
             "组织迎新春教工运动会 （12/31）"]])
        self.assertEqual(rows, expected_rows(EXAMPLES))

    def test_days_off_and_bad_files(self):
        with tempfile.TemporaryDirectory() as tmp:
            folder = pathlib.Path(tmp)
            (folder / "a.xml").write_text(
                '<?xml version="1.0" encoding="UTF-8"?>\n'
                '<plan xmlns="urn:unionplan:1" version="1" xml:lang="zh-Hans">\n'
                '  <meta>\n    <title>国庆</title>\n  </meta>\n'
                '  <schedule>\n'
                '    <month month="10" year="2012" label="十月：">\n'
                '      <activity date="2012-10-01" holiday="national-day" relation="on">升旗仪式</activity>\n'
                '      <activity date="2012-10-08">节后例会</activity>\n'
                '    </month>\n'
                '    <month month="9" year="2012" label="九月：">\n'
                '      <activity date="2012-09-29">调休上班：教研活动</activity>\n'
                '      <activity date="2012-09-30">中秋游园</activity>\n'
                '    </month>\n'
                '  </schedule>\n</plan>\n', encoding="utf-8")
            (folder / "b.xml").write_bytes(b"<plan>broken")
            (folder / "notes.txt").write_text("not a plan")
            proc = run([REPORT, folder])          # CSV on stdout, the list on stderr
        self.assertEqual(proc.returncode, 1)
        rows = list(csv.reader(io.StringIO(proc.stdout)))
        self.assertEqual(rows, [HEADER,
                                ["a.xml", "国庆", "2012-09", "2012-09-29", "", "调休上班：教研活动"],
                                ["a.xml", "国庆", "2012-09", "2012-09-30", "", "中秋游园"],
                                ["a.xml", "国庆", "2012-10", "2012-10-01", "national-day", "升旗仪式"],
                                ["a.xml", "国庆", "2012-10", "2012-10-08", "", "节后例会"]])
        lines = proc.stderr.splitlines()
        self.assertEqual(len(lines), 3, proc.stderr)
        self.assertIn("b.xml", lines[0])
        # 2012-09-29 is an adjusted working day (调休), 2012-10-08 a working Monday
        self.assertEqual(lines[1:], ["a.xml:13: 2012-09-30 day-off (national-day): 中秋游园",
                                     "a.xml:8: 2012-10-01 day-off (national-day): 升旗仪式"])

    def test_usage(self):
        proc = run([REPORT])
        self.assertEqual(proc.returncode, 2)
        self.assertIn("usage", proc.stderr)


class TestDocExamples(unittest.TestCase):
    """The examples of the README and the Python guide run and say what they claim."""

    FIVE_LINES = ["2012-09-10 teachers-day 教师节表彰活动(9/10)",
                  "2012-09-25 None 上交第二季度财务报表（9/25）",
                  "2012-12-31 spring-festival 组织迎新春教工运动会 （12/31）"]

    def run_block(self, code):
        with tempfile.TemporaryDirectory() as tmp:
            script = pathlib.Path(tmp) / "example.py"
            script.write_text(code, encoding="utf-8")
            proc = run([script], cwd=TOP_SRCDIR)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        return proc.stdout.splitlines()

    def test_readme_example(self):
        readme = (TOP_SRCDIR / "README.md").read_text(encoding="utf-8")
        code = fenced_block(readme, r"^## Python$")
        self.assertEqual(len(code.splitlines()), 5)
        out = self.run_block(code)
        self.assertEqual(out[:3], self.FIVE_LINES)
        self.assertEqual(out[3], "Workday(status='day-off', reason='spring-festival')")
        self.assertEqual(len(out), 4)

    def test_guide_example_is_the_readme_one(self):
        guide = (TOP_SRCDIR / "doc" / "python.md").read_text(encoding="utf-8")
        readme = (TOP_SRCDIR / "README.md").read_text(encoding="utf-8")
        self.assertEqual(fenced_block(guide, r"^# Python"), fenced_block(readme, r"^## Python$"))

    def test_guide_process_pool(self):
        guide = (TOP_SRCDIR / "doc" / "python.md").read_text(encoding="utf-8")
        out = self.run_block(fenced_block(guide, r"^<!-- tested: process-pool"))
        self.assertEqual(out, ["seed-000.xml 1 26 0", "seed-001.xml 2 0 0", "seed-002.xml 1 27 0",
                               "seed-003.xml 1 22 0", "seed-004.xml 5 31 0", "5"])


if __name__ == "__main__":
    unittest.main()
