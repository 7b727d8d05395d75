"""Documents: loading, walking, writing, pickling, validating, importing.

Known answers were read by hand off doc/examples/seed-NNN.xml (line numbers
with grep -n, counts with xmllint --xpath), never off the module's output.
"""
import contextlib
import datetime
import io
import os
import pathlib
import pickle
import stat
import tempfile
import unittest
import xml.etree.ElementTree as ET

import unionplan
from unionplan import (Document, Plan, Section, Item, Paragraph, Note, Schedule,
                       Month, Activity, Node)

from uplsupport import EXAMPLES, DATA, TOP_SRCDIR, example, seed_text, cli_validate_lines

D = datetime.date
NS = "{urn:unionplan:1}"


@contextlib.contextmanager
def cwd(path):
    old = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


class PathLikeThing:
    """An os.PathLike that is not a pathlib.Path."""
    def __init__(self, path):
        self.path = str(path)

    def __fspath__(self):
        return self.path


def all_activities(plan):
    return [a for m in plan.schedule for a in m.activities]


class TestLoadSources(unittest.TestCase):
    """Every kind of source gives the same document."""

    def check_seed0(self, doc):
        self.assertIsInstance(doc, Document)
        self.assertEqual(len(doc), 1)
        self.assertEqual(doc[0].title, "2012学年第一学期工会工作计划")
        self.assertEqual(sum(len(m.activities) for m in doc[0].schedule), 26)

    def test_str_path(self):
        self.check_seed0(unionplan.load(str(example(0))))

    def test_pathlib_path(self):
        self.check_seed0(unionplan.load(example(0)))

    def test_other_pathlike(self):
        self.check_seed0(unionplan.load(PathLikeThing(example(0))))

    def test_binary_file_object(self):
        with open(example(0), "rb") as f:
            self.check_seed0(unionplan.load(f))

    def test_bytesio(self):
        self.check_seed0(unionplan.load(io.BytesIO(example(0).read_bytes())))

    def test_bytes_source(self):
        self.check_seed0(unionplan.load(example(0).read_bytes()))

    def test_loads_bytes(self):
        self.check_seed0(unionplan.loads(example(0).read_bytes()))

    def test_loads_str(self):
        self.check_seed0(unionplan.loads(example(0).read_text(encoding="utf-8")))

    def test_loads_bytearray_and_memoryview(self):
        data = example(0).read_bytes()
        self.check_seed0(unionplan.loads(bytearray(data)))
        self.check_seed0(unionplan.loads(memoryview(data)))

    def test_dash_is_a_file_name(self):
        with tempfile.TemporaryDirectory() as tmp:
            (pathlib.Path(tmp) / "-").write_bytes(example(0).read_bytes())
            with cwd(tmp):
                self.check_seed0(unionplan.load("-"))

    def test_text_file_object_refused(self):
        with open(example(0), encoding="utf-8") as f:
            with self.assertRaises(TypeError):
                unionplan.load(f)

    def test_all_sources_same_xml(self):
        want = example(4).read_text(encoding="utf-8")
        with open(example(4), "rb") as f:
            docs = [unionplan.load(example(4)), unionplan.load(f),
                    unionplan.loads(example(4).read_bytes()), unionplan.loads(want)]
        for doc in docs:
            self.assertEqual(doc.dumps(), want)


class TestSeed000(unittest.TestCase):
    """doc/examples/seed-000.xml: one plan, 26 activities in 5 months, 3 dated."""

    @classmethod
    def setUpClass(cls):
        cls.doc = unionplan.load(example(0))
        cls.plan = cls.doc[0]

    def test_document_sequence(self):
        doc = self.doc
        self.assertEqual(len(doc), 1)
        self.assertEqual(list(doc), [doc[0]])
        self.assertEqual(doc.plans, [doc[0]])
        self.assertIs(doc[-1], doc[0])
        with self.assertRaises(IndexError):
            doc[1]
        self.assertIsInstance(doc[0], Plan)

    def test_meta(self):
        p = self.plan
        self.assertEqual(p.title, "2012学年第一学期工会工作计划")
        self.assertIsNone(p.organization)
        self.assertEqual(p.authors, ["许美英"])
        self.assertIsNone(p.docnumber)
        self.assertIsNone(p.issued)
        self.assertEqual(p.lang, "zh-Hans")
        self.assertEqual(p.period, unionplan.Period(
            "term", D(2012, 9, 1), D(2013, 1, 31), 2012, 1, "2012学年第一学期"))
        per = p.period
        self.assertEqual((per.kind, per.start, per.end, per.schoolyear, per.term, per.text),
                         ("term", D(2012, 9, 1), D(2013, 1, 31), 2012, 1, "2012学年第一学期"))

    def test_body(self):
        body = self.plan.body
        self.assertEqual([b.kind for b in body], ["section"] * 4)
        self.assertEqual([b.label for b in body], ["一、", "二、", "三、", "四、"])
        self.assertEqual([b.number for b in body], [1, 2, 3, 4])
        self.assertEqual([b.role for b in body], ["guidance", "tasks", "schedule", "routine"])
        self.assertEqual([b.heading for b in body], ["指导思想", "重点工作", "具体工作安排", "常规工作："])
        self.assertEqual([b.line for b in body], [9, 13, 41, 82])
        self.assertEqual([b.column for b in body], [3, 3, 3, 3])
        self.assertEqual(self.plan.sections, body)
        for b in body:
            self.assertIs(b.parent, self.plan)
            self.assertIs(b.plan, self.plan)

    def test_nested_sections(self):
        tasks = self.plan.body[1]
        subs = [c for c in tasks.children if isinstance(c, Section)]
        self.assertEqual(len(subs), 5)
        self.assertEqual([s.label for s in subs], ["（一）．", "（二）．", "（三）．", "（四）．", "（五）．"])
        self.assertEqual([s.level for s in subs], [2] * 5)
        self.assertEqual([s.line for s in subs], [15, 19, 24, 30, 36])
        self.assertEqual([s.column for s in subs], [5] * 5)
        self.assertEqual([s.role for s in subs], [None] * 5)
        self.assertEqual(subs[4].heading, "规范工会财务制度，管好用好经费")
        for s in subs:
            self.assertIs(s.parent, tasks)

    def test_items_and_paragraphs(self):
        s2 = self.plan.body[1].children[1]          # （二）．
        self.assertEqual([c.kind for c in s2.children], ["item", "item"])
        item = s2.children[1]
        self.assertIsInstance(item, Item)
        self.assertEqual((item.label, item.number, item.line, item.column), ("2．", 2, 22, 7))
        self.assertTrue(item.text.startswith("认真筹备七届二次教代会"))
        self.assertTrue(item.text.endswith("监督权。"))
        s3 = self.plan.body[1].children[2]          # （三）．
        self.assertEqual([c.kind for c in s3.children], ["p", "item", "item"])
        para = s3.children[0]
        self.assertIsInstance(para, Paragraph)
        self.assertEqual(para.text, "学校工会坚持以师德建设为核心，以提高素质教育为目标，推进教职工队伍素质工程。")
        self.assertEqual((para.line, para.column), (26, 7))
        self.assertIsNone(para.label)
        routine = self.plan.body[3]
        self.assertEqual([i.text for i in routine.children][-1], "参加局工会各项活动。")
        self.assertEqual(len(routine.children), 6)

    def test_schedule(self):
        sched = self.plan.body[2].children[0]
        self.assertIsInstance(sched, Schedule)
        self.assertEqual(sched.kind, "schedule")
        self.assertEqual((sched.line, sched.column), (43, 5))
        months = self.plan.schedule
        self.assertEqual(len(months), 5)
        self.assertEqual(sched.children, months)
        self.assertEqual([m.month for m in months], [9, 10, 11, 12, 1])
        self.assertEqual([m.year for m in months], [2012, 2012, 2012, 2012, 2013])
        self.assertEqual([m.to for m in months], [None] * 5)
        self.assertEqual([m.label for m in months], ["九月：", "十月：", "十一月：", "十二月：", "一月："])
        self.assertEqual([len(m.activities) for m in months], [8, 5, 5, 5, 3])
        self.assertEqual([m.line for m in months], [44, 54, 61, 68, 75])
        self.assertEqual([m.column for m in months], [7] * 5)
        for m in months:
            self.assertIsInstance(m, Month)
            self.assertEqual(m.kind, "month")
            self.assertIs(m.parent, sched)
            self.assertEqual(m.children, m.activities)

    def test_activities(self):
        acts = self.plan.activities()
        self.assertEqual(len(acts), 26)
        self.assertEqual(acts, all_activities(self.plan))
        dated = [(a.date, a.holiday, a.relation) for a in acts if a.date is not None]
        self.assertEqual(dated, [(D(2012, 9, 10), "teachers-day", "on"),
                                 (D(2012, 9, 25), None, None),
                                 (D(2012, 12, 31), "spring-festival", "before")])
        first = acts[0]
        self.assertIsInstance(first, Activity)
        self.assertIsInstance(first, Node)
        self.assertEqual((first.kind, first.text, first.label, first.number),
                         ("activity", "工会例会：讨论工会工作计划", "1．", 1))
        self.assertEqual((first.line, first.column), (45, 9))
        self.assertIsNone(first.date)
        self.assertIsNone(first.holiday)
        self.assertIsNone(first.relation)
        self.assertIsNone(first.monthday)
        self.assertIs(first.month, self.plan.schedule[0])
        self.assertIs(first.parent, first.month)
        self.assertIs(first.plan, self.plan)
        self.assertEqual(first.children, [])
        dup = acts[20]                       # the second "2." in December (line 71)
        self.assertEqual((dup.label, dup.number, dup.line, dup.column), ("2.", 2, 71, 9))
        self.assertEqual(dup.text, "组织迎新春教工运动会 （12/31）")
        self.assertEqual(acts[6].text, "上交第二季度财务报表（9/25）")
        self.assertEqual(acts[6].monthday, (9, 25))
        self.assertEqual(acts[-1].text, "寒假送温暖活动")
        self.assertIs(acts[-1].month, self.plan.schedule[4])

    def test_plan_position_source_document(self):
        p = self.plan
        self.assertEqual((p.line, p.column), (2, 1))
        self.assertEqual(p.source, unionplan.Source("tests/data/seeds/000_4589f19a21d053f0.txt", "UTF-8"))
        self.assertIs(p.document, self.doc)
        self.assertEqual(self.doc.name, str(example(0)))
        self.assertFalse(self.doc.collection)

    def test_walk(self):
        p = self.plan
        nodes = p.walk()
        self.assertIs(nodes[0], p.body[0])
        # 9 sections, 13 items, 4 paragraphs, 1 schedule, 5 months, 26 activities
        # (xmllint --xpath "count(//*[local-name()='section'])" and so on)
        kinds = [n.kind for n in nodes]
        self.assertEqual({k: kinds.count(k) for k in set(kinds)},
                         {"section": 9, "item": 13, "p": 4, "schedule": 1, "month": 5, "activity": 26})
        self.assertEqual(p.walk("activity"), p.activities())
        self.assertEqual(p.walk(Month), p.schedule)
        self.assertEqual(p.walk(Section, "schedule")[-2:], [p.body[2].children[0], p.body[3]])

    def test_one_wrapper_per_object(self):
        self.assertIs(self.doc[0], self.doc[0])
        self.assertIs(self.plan.body[2], self.plan.body[2])
        self.assertIs(self.plan.activities()[3], self.plan.schedule[0].activities[3])


class TestOtherExamples(unittest.TestCase):

    def test_seed001_two_traditional_plans(self):
        doc = unionplan.load(example(1))
        self.assertEqual(len(doc), 2)
        p0, p1 = doc
        self.assertEqual([p.lang for p in doc], ["zh-Hant", "zh-Hant"])
        self.assertEqual(p0.title, "2017年度小學工會工作計劃")
        self.assertEqual(p0.organization, "上海市虹口區小學第四工會委員會")
        self.assertEqual(p0.authors, ["鄧麗敏"])
        self.assertEqual(p0.docnumber, "虹小四工(XX)笫1號")
        self.assertEqual(p0.period.kind, "year")
        self.assertEqual((p0.period.start, p0.period.end), (D(2017, 1, 1), D(2017, 12, 31)))
        self.assertEqual(p0.period.text, "2017年度")
        self.assertIsNone(p0.period.schoolyear)
        self.assertIsNone(p0.period.term)
        self.assertEqual(p0.schedule, [])
        self.assertEqual(p0.activities(), [])
        self.assertEqual([b.kind for b in p0.body], ["p"] * 3 + ["section"] * 4)
        self.assertEqual(p0.body[1].text, "虹口區小學第四工會XX年工作要點")
        self.assertEqual((p0.body[1].line, p0.body[1].column), (14, 5))
        item = p0.body[3].children[0]
        self.assertEqual((item.label, item.number), ("1.", 1))
        self.assertEqual(item.heading, "圍繞學習xx大精神,開展學習討論,實踐研究的交流活動。")
        self.assertTrue(item.text.startswith("認真學習新《勞動合同法》"))
        self.assertEqual(p1.title, "2017年度小學工會計劃")
        self.assertEqual(p1.authors, [])
        self.assertIsNone(p1.organization)
        self.assertEqual(len(p1.body), 1)
        self.assertEqual(p1.body[0].label, "指導思想:")
        self.assertEqual(p1.body[0].line, 57)

    def test_seed001_issued(self):
        p0, p1 = unionplan.load(example(1))
        # <issued>XX-02-26</issued>: no year, so no date; the text as written
        self.assertIsNone(p0.issued)
        self.assertEqual(p0.issued_text, "XX-02-26")
        self.assertIsNone(p1.issued)
        self.assertIsNone(p1.issued_text)

    def test_seed002_span_notes_heading(self):
        p = unionplan.load(example(2))[0]
        self.assertEqual(len(p.schedule), 9)
        self.assertEqual(len(p.activities()), 27)
        span = p.schedule[3]
        self.assertEqual((span.month, span.to, span.year, span.label, span.line),
                         (7, 8, 2012, "七、八月份", 54))
        self.assertEqual(p.schedule[-1].label, "二○一三年一月份")
        self.assertEqual(p.schedule[-1].year, 2013)
        appendix = p.body[-1]
        self.assertEqual((appendix.label, appendix.role, appendix.number, appendix.level),
                         ("附件：", "appendix", None, None))
        sched = appendix.children[0]
        self.assertEqual(sched.heading, "新北区教育工会2012年行事历")
        notes = p.notes
        self.assertEqual(len(notes), 2)
        self.assertIsInstance(notes[0], Note)
        self.assertEqual((notes[0].kind, notes[0].label, notes[0].number, notes[0].line),
                         ("note", "注：1、", 1, 86))
        self.assertEqual(notes[0].text, "上级工会组织的相关活动需根据上级工会文件或通知精神再进行具体部署；")
        self.assertEqual((notes[1].label, notes[1].number), ("2、", 2))
        self.assertIs(notes[0].parent, appendix)

    def test_seed003_months(self):
        p = unionplan.load(example(3))[0]
        self.assertEqual(p.organization, "长沙市信息职业技术学校")
        self.assertEqual([m.month for m in p.schedule], [1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12])
        self.assertEqual(p.schedule[6].to, 8)
        self.assertEqual(p.schedule[6].label, "7月—8月：")
        self.assertEqual(len(p.activities()), 22)

    def test_seed004_compilation(self):
        doc = unionplan.load(example(4))
        self.assertEqual(len(doc), 5)
        self.assertEqual([p.title for p in doc],
                         [None, None, None, "学校工会年度工作计划 篇4", "学校工会年度工作计划 篇5"])
        self.assertEqual([p.lang for p in doc], ["zh-Hans"] * 5)
        self.assertEqual([len(p.schedule) for p in doc], [0, 0, 11, 0, 0])
        self.assertEqual(sum(len(p.activities()) for p in doc), 31)
        third = doc[2]
        self.assertTrue(third.period is None or third.period.kind is None)
        self.assertEqual([m.month for m in third.schedule], list(range(2, 13)))
        self.assertEqual([m.year for m in third.schedule], [None] * 11)
        self.assertEqual(third.schedule[0].line, 132)
        self.assertEqual(third.body[0].label, "指导思想：")
        tasks = third.body[1]
        self.assertEqual((tasks.role, tasks.heading, tasks.label), ("tasks", "重点工作：", None))
        # the schedule sits in the third numbered section, after its items
        sched = tasks.children[2].children[-1]
        self.assertIsInstance(sched, Schedule)
        self.assertEqual(sched.months, third.schedule)
        self.assertEqual([p.line for p in doc], [3, 44, 103, 189, 258])
        self.assertEqual([p.column for p in doc], [3] * 5)
        self.assertTrue(doc.collection)
        self.assertEqual([p.document for p in doc], [doc] * 5)
        self.assertEqual(sched.children, third.schedule)
        for p in doc:
            for a in p.activities():
                self.assertIs(a.plan, p)

    def test_every_example_against_elementtree(self):
        """Months and activities of every example, as an independent parser reads them."""
        for path in sorted(EXAMPLES.glob("seed-*.xml")):
            with self.subTest(path.name):
                doc = unionplan.load(path)
                root = ET.parse(path).getroot()
                plans = [root] if root.tag == NS + "plan" else root.findall(NS + "plan")
                self.assertEqual(len(doc), len(plans))
                for plan, el in zip(doc, plans):
                    months = list(el.iter(NS + "month"))
                    self.assertEqual([(m.month, m.year, m.to, m.label) for m in plan.schedule],
                                     [(int(m.get("month")),
                                       int(m.get("year")) if m.get("year") else None,
                                       int(m.get("to")) if m.get("to") else None,
                                       m.get("label")) for m in months])
                    acts = list(el.iter(NS + "activity"))
                    self.assertEqual([(a.text, a.label, a.date, a.holiday, a.relation)
                                      for a in plan.activities()],
                                     [(a.text, a.get("label"),
                                       D.fromisoformat(a.get("date")) if a.get("date") else None,
                                       a.get("holiday"), a.get("relation")) for a in acts])
                    title = el.find(NS + "meta/" + NS + "title")
                    self.assertEqual(plan.title, title.text if title is not None else None)


class TestDump(unittest.TestCase):

    def test_dumps_canonical_examples(self):
        # every doc/examples/seed-NNN.xml is canonical (`unionplan format` leaves it as it is)
        for path in sorted(EXAMPLES.glob("seed-*.xml")):
            with self.subTest(path.name):
                doc = unionplan.load(path)
                out = doc.dumps()
                self.assertIsInstance(out, str)
                self.assertEqual(out.encode("utf-8"), path.read_bytes())

    def test_dump_to_new_file(self):
        doc = unionplan.load(example(4))
        with tempfile.TemporaryDirectory() as tmp:
            out = pathlib.Path(tmp) / "out.xml"
            self.assertIsNone(doc.dump(out))
            self.assertEqual(out.read_bytes(), example(4).read_bytes())
            self.assertEqual(os.listdir(tmp), ["out.xml"])
            out2 = pathlib.Path(tmp) / "out2.xml"
            doc.dump(str(out2))
            self.assertEqual(out2.read_bytes(), example(4).read_bytes())

    def test_dump_replaces_keeping_mode(self):
        doc = unionplan.load(example(0))
        with tempfile.TemporaryDirectory() as tmp:
            out = pathlib.Path(tmp) / "out.xml"
            out.write_bytes(b"old")
            os.chmod(out, 0o600)
            ino = os.stat(out).st_ino
            doc.dump(out)
            self.assertEqual(out.read_bytes(), example(0).read_bytes())
            self.assertEqual(stat.S_IMODE(os.stat(out).st_mode), 0o600)
            # replaced by rename, not rewritten in place
            self.assertNotEqual(os.stat(out).st_ino, ino)
            self.assertEqual(os.listdir(tmp), ["out.xml"])

    def test_dump_through_symlink(self):
        # a symbolic link is followed: its target replaced, the link kept
        doc = unionplan.load(example(0))
        with tempfile.TemporaryDirectory() as tmp:
            target = pathlib.Path(tmp) / "target.xml"
            target.write_bytes(b"target")
            link = pathlib.Path(tmp) / "link.xml"
            link.symlink_to(target)
            doc.dump(link)
            self.assertTrue(link.is_symlink())
            self.assertEqual(os.readlink(link), str(target))
            self.assertEqual(target.read_text(encoding="utf-8"), doc.dumps())
            self.assertEqual(sorted(os.listdir(tmp)), ["link.xml", "target.xml"])

    def test_dump_refuses_directory(self):
        doc = unionplan.load(example(0))
        with tempfile.TemporaryDirectory() as tmp:
            d = pathlib.Path(tmp) / "d"
            d.mkdir()
            (d / "inside").write_bytes(b"x")
            with self.assertRaises(OSError):
                doc.dump(d)
            self.assertTrue(d.is_dir())
            self.assertEqual(os.listdir(d), ["inside"])
            self.assertEqual(os.listdir(tmp), ["d"])

    def test_dump_missing_directory(self):
        doc = unionplan.load(example(0))
        with tempfile.TemporaryDirectory() as tmp:
            with self.assertRaises(FileNotFoundError):
                doc.dump(pathlib.Path(tmp) / "no" / "out.xml")

    def test_dump_round_trip(self):
        for n in range(5):
            with self.subTest(n):
                doc = unionplan.load(example(n))
                again = unionplan.loads(doc.dumps())
                self.assertEqual(again.dumps(), doc.dumps())


class TestPickle(unittest.TestCase):

    def test_document(self):
        for n in (0, 4):
            doc = unionplan.load(example(n))
            for proto in range(2, pickle.HIGHEST_PROTOCOL + 1):
                with self.subTest(n=n, protocol=proto):
                    back = pickle.loads(pickle.dumps(doc, proto))
                    self.assertIsInstance(back, Document)
                    self.assertIsNot(back, doc)
                    self.assertEqual(len(back), len(doc))
                    self.assertEqual(back.dumps(), example(n).read_text(encoding="utf-8"))

    def test_plan(self):
        doc = unionplan.load(example(4))
        plan = doc[2]
        back = pickle.loads(pickle.dumps(plan))
        self.assertIsInstance(back, Plan)
        self.assertIsNot(back, plan)
        self.assertEqual([m.label for m in back.schedule], [m.label for m in plan.schedule])
        self.assertEqual([a.text for a in back.activities()], [a.text for a in plan.activities()])
        self.assertEqual(len(back.activities()), 31)
        p0 = pickle.loads(pickle.dumps(unionplan.load(example(0))[0]))
        self.assertEqual(p0.title, "2012学年第一学期工会工作计划")
        self.assertEqual(p0.period.start, D(2012, 9, 1))
        self.assertEqual([a.date for a in p0.activities() if a.date],
                         [D(2012, 9, 10), D(2012, 9, 25), D(2012, 12, 31)])

    def test_copy_and_deepcopy(self):
        import copy
        doc = unionplan.load(example(4))
        for dup in (copy.copy(doc), copy.deepcopy(doc), doc.copy()):
            self.assertIsNot(dup[0], doc[0])
            self.assertEqual(dup.dumps(), doc.dumps())
        dup = doc.copy()
        dup[2].schedule[0].activities[0].text = "changed"
        self.assertNotEqual(doc[2].schedule[0].activities[0].text, "changed")

    def test_pickled_document_survives_original(self):
        doc = unionplan.load(example(0))
        data = pickle.dumps(doc)
        del doc
        back = pickle.loads(data)
        self.assertEqual(len(back[0].activities()), 26)


class TestValidate(unittest.TestCase):
    """Diagnostics compared with what `unionplan validate` prints for the same file."""

    def cli_lines(self, path):
        res = cli_validate_lines(path)
        if res is None:
            self.skipTest("cli/unionplan not built")
        return res

    def test_examples_equal_cli(self):
        for path in sorted(EXAMPLES.glob("seed-*.xml")):
            with self.subTest(path.name):
                status, lines = self.cli_lines(path)
                diags = unionplan.load(path).validate()
                self.assertEqual([str(d) for d in diags], lines)
                self.assertEqual(diags.failed, status != 0)
                self.assertEqual([str(d) for d in unionplan.validate(path)], lines)
                self.assertEqual([str(d) for d in unionplan.validate(str(path))], lines)

    def test_seed000_diagnostics(self):
        path = example(0)
        diags = unionplan.load(path).validate()
        self.assertIsInstance(diags, list)
        self.assertEqual(len(diags), 2)
        d = diags[0]
        self.assertIsInstance(d, unionplan.Diagnostic)
        self.assertEqual((d.severity, d.code, d.file, d.line, d.column),
                         ("warning", "numbering-duplicate", str(path), 71, 9))
        self.assertEqual(d.message, "number 2 is used again (first at line 70)")
        self.assertEqual(str(d), "%s:71:9: warning: number 2 is used again (first at line 70) "
                                 "[numbering-duplicate]" % path)
        self.assertEqual((diags[1].code, diags[1].line), ("numbering-skip", 73))
        self.assertFalse(diags.failed)
        self.assertTrue(unionplan.load(path).validate(strict=True).failed)

    def test_expected_files(self):
        # doc/examples/seed-NNN.expected: "line:col: code" per diagnostic
        for exp in sorted(EXAMPLES.glob("seed-*.expected")):
            xml = exp.with_suffix(".xml")
            with self.subTest(xml.name):
                want = sorted(exp.read_text().split("\n")[:-1])
                got = sorted("%d:%d: %s" % (d.line, d.column, d.code)
                             for d in unionplan.load(xml).validate())
                self.assertEqual(got, want)

    def test_rules_filter(self):
        doc = unionplan.load(example(4))
        codes = [d.code for d in doc.validate(rules=["meta"])]
        self.assertEqual(codes, ["meta-title"] * 3)
        self.assertEqual(doc.validate(rules=["numbering"]), [])
        self.assertEqual(unionplan.load(example(0)).validate(schema_only=True), [])

    def test_validate_bytes_and_file_object(self):
        data = example(0).read_bytes()
        self.assertEqual([(d.line, d.code) for d in unionplan.validate(data)],
                         [(71, "numbering-duplicate"), (73, "numbering-skip")])
        with open(example(0), "rb") as f:
            self.assertEqual([str(d) for d in unionplan.validate(f)],
                             [str(d) for d in unionplan.load(example(0)).validate()])

    def test_validate_not_well_formed(self):
        # the XML error comes back as a diagnostic, with the CLI's line
        with tempfile.TemporaryDirectory() as tmp:
            bad = pathlib.Path(tmp) / "bad.xml"
            bad.write_bytes(b'<?xml version="1.0"?>\n<plan xmlns="urn:unionplan:1" version="1">\n'
                            b'  <meta>\n</plan>\n')
            diags = unionplan.validate(bad)
            self.assertTrue(diags.failed)
            self.assertEqual(diags[0].severity, "error")
            self.assertEqual(diags[0].line, 4)
            res = cli_validate_lines(bad)
            if res is not None:
                self.assertEqual([str(d) for d in diags], res[1])
                self.assertEqual(res[0], 1)

    def test_invalid_corpus_equal_cli(self):
        """tests/data/invalid/<case>/: the module says what the CLI says."""
        cases = sorted(p for p in (DATA / "invalid").glob("*/*.xml"))
        self.assertTrue(cases)
        for path in cases:
            with self.subTest(path.parent.name):
                res = cli_validate_lines(path)
                if res is None:
                    self.skipTest("cli/unionplan not built")
                diags = unionplan.validate(path)
                self.assertEqual([str(d) for d in diags], res[1])
                self.assertEqual(diags.failed, res[0] != 0)


class TestImport(unittest.TestCase):

    def test_seed001_two_plans_in_traditional(self):
        doc, notes = unionplan.import_text(seed_text(1))
        self.assertIsInstance(doc, Document)
        self.assertEqual(len(doc), 2)
        self.assertEqual([p.lang for p in doc], ["zh-Hant", "zh-Hant"])
        self.assertEqual([p.title for p in doc], ["2017年度小學工會工作計劃", "2017年度小學工會計劃"])
        self.assertIsInstance(notes, list)
        for n in notes:
            self.assertIsInstance(n, unionplan.Diagnostic)

    def test_seeds_equal_examples(self):
        # the source is recorded as the importer saw it: import from the top
        with cwd(TOP_SRCDIR):
            for n in range(5):
                with self.subTest(n):
                    rel = seed_text(n).relative_to(TOP_SRCDIR)
                    doc, _ = unionplan.import_text(str(rel))
                    self.assertEqual(doc.dumps().encode("utf-8"), example(n).read_bytes())

    def test_import_sources(self):
        path = seed_text(0)
        data = path.read_bytes()
        for src in (path, str(path), data, io.BytesIO(data)):
            with self.subTest(type(src).__name__):
                doc, _ = unionplan.import_text(src)
                self.assertEqual(len(doc[0].activities()), 26)

    def test_golden_corpus(self):
        """tests/data/import: NAME.txt, NAME.expected.xml, NAME.expected-notes, NAME.options."""
        folder = DATA / "import"
        cases = sorted(folder.glob("*.txt"))
        self.assertGreaterEqual(len(cases), 5)
        with cwd(folder):
            for txt in cases:
                name = txt.name[:-4]
                kw = {}
                opts = folder / (name + ".options")
                skip = False
                if opts.exists():
                    for line in opts.read_text().splitlines():
                        line = line.split("#")[0].strip()
                        if line == "simplified":
                            kw["simplified"] = True
                        elif line.startswith("encoding="):
                            kw["encoding"] = line[len("encoding="):]
                        elif line:
                            skip = True   # an option the Python call does not take
                if skip:
                    continue
                with self.subTest(name):
                    doc, notes = unionplan.import_text(txt.name, **kw)
                    xf = folder / (name + ".expected.xml")
                    # a case pinned by its structure alone (NAME.expected-summary,
                    # compared by check_import) has no expected XML: its notes are
                    if xf.exists():
                        self.assertEqual(doc.dumps(), xf.read_text(encoding="utf-8"))
                    nf = folder / (name + ".expected-notes")
                    want_notes = nf.read_text().splitlines() if nf.exists() else []
                    self.assertEqual(["%d:%d %s" % (d.line, d.column, d.code) for d in notes],
                                     want_notes)

    def test_simplified(self):
        doc, _ = unionplan.import_text(seed_text(1), simplified=True)
        self.assertEqual([p.lang for p in doc], ["zh-Hans", "zh-Hans"])
        self.assertEqual(doc[0].title, "2017年度小学工会工作计划")

    def test_encoding_gb18030(self):
        text = seed_text(0).read_text(encoding="utf-8")
        data = text.encode("gb18030")
        doc, _ = unionplan.import_text(data, encoding="gb18030")
        self.assertEqual(doc[0].title, "2012学年第一学期工会工作计划")
        doc2, _ = unionplan.import_text(data)      # detected
        self.assertEqual(len(doc2[0].activities()), 26)


if __name__ == "__main__":
    unittest.main()
