"""Building and editing plans in Python: constructors, add_*/insert/remove,
validating setters, and wrappers that outlive their parents."""
import datetime
import gc
import itertools
import os
import pathlib
import subprocess
import tempfile
import unittest

import unionplan
from unionplan import (Document, Plan, Section, Item, Paragraph, Note, Schedule,
                       Month, Activity, Period)

from uplsupport import CLI, DATA, example

D = datetime.date

# tests/data/bindings/built-plan.xml: written by hand, in the canonical form
# `unionplan format` keeps unchanged, and checked with `unionplan validate`
# (no diagnostics). The Lua binding's test builds the same plan.
EXPECTED = (DATA / "bindings" / "built-plan.xml").read_text(encoding="utf-8")


def build():
    """The plan of EXPECTED, built with constructors and add_* builders."""
    doc = Document()
    plan = Plan(title="2026学年第一学期工会工作计划", organization="示范学校工会",
                authors=["王芳"], lang="zh-Hans",
                period=Period("term", D(2026, 9, 1), D(2027, 1, 31), 2026, 1, "2026学年第一学期"))
    doc.add(plan)
    plan.add(Paragraph("以服务教职工为中心。"))
    goals = plan.add_section(heading="工作目标", label="一、", number=1, level=1, role="goals")
    goals.add_item(text="完善教代会制度。", label="1．", number=1)
    goals.add(Item(text="丰富教工文体活动。", label="2．", number=2))
    sec = Section(heading="具体工作安排", label="二、", number=2, level=1, role="schedule")
    plan.add(sec)
    sched = sec.add_schedule()
    sep = sched.add_month(month=9, year=2026, label="九月：")
    sep.add_activity("工会例会：讨论工作计划", label="1．", number=1)
    sep.add_activity("教师节表彰活动", label="2．", number=2, date=D(2026, 9, 10),
                     holiday="teachers-day", relation="on")
    jan = Month(1, year=2027, label="一月：")
    jan.add(Activity("寒假送温暖活动", label="1．", number=1))
    sched.add(jan)
    octo = Month(10, year=2026, label="十月：")
    sched.insert(1, octo)
    act = Activity("重阳节慰问退休教工", label="1．", number=1)
    act.date = D(2026, 10, 16)
    act.holiday = "double-ninth"
    act.relation = "before"
    octo.add(act)
    plan.add(Note("具体时间以通知为准。", label="注："))
    return doc


def cli_validate(path):
    proc = subprocess.run([str(CLI), "validate", str(path)], capture_output=True, text=True)
    return proc.returncode, proc.stderr


class TestBuild(unittest.TestCase):

    def test_built_plan_dumps_expected_xml(self):
        self.assertEqual(build().dumps(), EXPECTED)

    def test_built_plan_is_valid(self):
        doc = build()
        self.assertEqual(doc.validate(), [])
        self.assertFalse(doc.validate(strict=True).failed)
        self.assertEqual(unionplan.validate(doc.dumps().encode("utf-8")), [])
        if CLI.is_file():
            with tempfile.TemporaryDirectory() as tmp:
                out = pathlib.Path(tmp) / "built.xml"
                doc.dump(out)
                self.assertEqual(cli_validate(out), (0, ""))

    def test_built_attributes(self):
        doc = build()
        plan = doc[0]
        self.assertEqual(len(doc), 1)
        self.assertEqual(plan.authors, ["王芳"])
        self.assertEqual(plan.period.start, D(2026, 9, 1))
        self.assertEqual([b.kind for b in plan.body], ["p", "section", "section", "note"])
        self.assertEqual([m.month for m in plan.schedule], [9, 10, 1])
        acts = plan.activities()
        self.assertEqual([a.text for a in acts],
                         ["工会例会：讨论工作计划", "教师节表彰活动", "重阳节慰问退休教工", "寒假送温暖活动"])
        self.assertEqual(acts[2].month.month, 10)
        self.assertIs(acts[2].plan, plan)
        for a in acts:                     # built in memory: no position
            self.assertIsNone(a.line)
            self.assertIsNone(a.column)
        self.assertEqual(plan.notes[0].text, "具体时间以通知为准。")

    def test_round_trip_through_xml(self):
        doc = build()
        again = unionplan.loads(doc.dumps())
        self.assertEqual(again.dumps(), EXPECTED)
        self.assertEqual(again[0].activities()[2].line, 23)

    def test_validation_sees_edits(self):
        doc = build()
        act = doc[0].activities()[2]
        act.date = D(2026, 10, 19)         # 重阳节 2026 is 2026-10-18: "before" is wrong
        diags = doc.validate()
        self.assertTrue(diags.failed)
        self.assertEqual([(d.severity, d.code) for d in diags], [("error", "holiday-month")])

    def test_one_wrapper_per_object(self):
        doc = build()
        self.assertIs(doc[0], doc[0])
        self.assertIs(doc[0].body[2], doc[0].body[2])
        self.assertIs(doc[0].schedule[0], doc[0].body[2].children[0].children[0])
        act = doc[0].activities()[0]
        self.assertIs(act, doc[0].schedule[0].activities[0])
        self.assertIs(act.parent, doc[0].schedule[0])

    def test_builders_return_the_new_node(self):
        m = Month(3, year=2027)
        a = m.add_activity("植树", date=D(2027, 3, 12), holiday="arbor-day")
        self.assertIsInstance(a, Activity)
        self.assertIs(m.activities[0], a)
        self.assertIs(a.parent, m)
        self.assertIs(a.month, m)
        self.assertIsNone(m.parent)
        self.assertIsNone(a.plan)
        self.assertEqual((a.date, a.holiday, a.relation, a.label, a.number),
                         (D(2027, 3, 12), "arbor-day", None, None, None))


class TestEditing(unittest.TestCase):

    def test_insert_and_remove_by_index_and_node(self):
        m = Month(9, year=2026)
        a = m.add_activity("a")
        b = m.add_activity("b")
        c = Activity("c")
        m.insert(0, c)
        self.assertEqual([x.text for x in m.activities], ["c", "a", "b"])
        m.remove(a)
        self.assertEqual([x.text for x in m.activities], ["c", "b"])
        self.assertIsNone(a.parent)
        self.assertIsNone(a.month)
        self.assertEqual(a.text, "a")
        m.remove(0)
        self.assertEqual([x.text for x in m.activities], ["b"])
        self.assertIsNone(c.parent)
        with self.assertRaises((IndexError, LookupError)):
            m.remove(5)
        with self.assertRaises((ValueError, LookupError)):
            m.remove(a)                     # not a child any more
        m.add(a)                            # a detached wrapper can be added again
        self.assertIs(m.activities[1], a)
        self.assertIs(a.parent, m)

    def test_document_and_plan_editing(self):
        doc = unionplan.load(example(4))
        third = doc[2]
        doc.remove(0)
        self.assertEqual(len(doc), 4)
        self.assertIs(doc[1], third)
        doc.remove(third)
        self.assertEqual(len(doc), 3)
        self.assertIsNone(third.parent if hasattr(third, "parent") else None)
        self.assertEqual(len(third.activities()), 31)   # the removed plan still works
        doc.insert(0, third)
        self.assertIs(doc[0], third)
        block = third.body[0]
        third.remove(block)
        self.assertIsNone(block.parent)
        self.assertEqual(block.label, "指导思想：")
        third.insert(0, block)
        self.assertIs(third.body[0], block)

    def test_adding_attached_node_refused(self):
        doc = build()
        sep = doc[0].schedule[0]
        other = Month(11, year=2026)
        act = sep.activities[0]
        with self.assertRaises(ValueError):
            other.add(act)
        self.assertIs(act.parent, sep)
        cp = act.copy()
        self.assertIsNone(cp.parent)
        self.assertEqual((cp.text, cp.label), (act.text, act.label))
        other.add(cp)
        self.assertIs(cp.parent, other)
        plan2 = Plan(title="x")
        with self.assertRaises(ValueError):
            Document().add(doc[0])

    def test_wrong_kind_of_child_refused(self):
        m = Month(9)
        with self.assertRaises((TypeError, ValueError)):
            m.add(Section(heading="x"))
        with self.assertRaises((TypeError, ValueError)):
            Plan(title="x").add(Activity("a"))        # an activity is not a body block
        with self.assertRaises(TypeError):
            m.add("activity")
        with self.assertRaises(TypeError):
            m.add(None)
        with self.assertRaises(TypeError):
            Document().add(Section())
        self.assertEqual(m.activities, [])

    def test_no_cycles(self):
        outer = Section(heading="outer")
        inner = outer.add_section(heading="inner")
        with self.assertRaises(ValueError):
            outer.add(outer)
        with self.assertRaises(ValueError):
            inner.add(outer)               # outer has no parent but is inner's ancestor
        self.assertEqual(outer.children, [inner])
        self.assertEqual(inner.children, [])


class TestSetters(unittest.TestCase):

    def setUp(self):
        self.act = Activity("活动")
        self.month = Month(9, year=2026)

    def test_date(self):
        self.act.date = D(2026, 9, 10)
        self.assertEqual(self.act.date, D(2026, 9, 10))
        self.act.date = None
        self.assertIsNone(self.act.date)
        with self.assertRaises(TypeError):
            self.act.date = datetime.datetime(2026, 9, 10, 8, 0)
        with self.assertRaises(TypeError):
            self.act.date = "2026-09-10"
        with self.assertRaises(TypeError):
            Activity("x", date=datetime.datetime(2026, 9, 10))
        self.assertIsNone(self.act.date)

    def test_holiday(self):
        self.act.holiday = "mid-autumn"
        self.assertEqual(self.act.holiday, "mid-autumn")
        for bad in ("mid_autumn", "中秋节", "", "MID-AUTUMN"):
            with self.subTest(bad):
                with self.assertRaises(ValueError):
                    self.act.holiday = bad
        self.assertEqual(self.act.holiday, "mid-autumn")
        with self.assertRaises(TypeError):
            self.act.holiday = 3
        self.act.holiday = None
        self.assertIsNone(self.act.holiday)
        with self.assertRaises(ValueError):
            Activity("x", holiday="no-such-day")

    def test_relation(self):
        for rel in ("on", "before", "after", "during"):
            self.act.relation = rel
            self.assertEqual(self.act.relation, rel)
        with self.assertRaises(ValueError):
            self.act.relation = "around"
        self.act.relation = None
        self.assertIsNone(self.act.relation)

    def test_text_label_number(self):
        self.act.text = "新的文字"
        self.assertEqual(self.act.text, "新的文字")
        self.act.label = "（1）"
        self.act.number = 1
        self.assertEqual((self.act.label, self.act.number), ("（1）", 1))
        with self.assertRaises(TypeError):
            self.act.text = 12
        with self.assertRaises(TypeError):
            self.act.number = "1"
        with self.assertRaises(ValueError):
            self.act.text = "bad\x00text"

    def test_month(self):
        self.month.month = 12
        self.assertEqual(self.month.month, 12)
        for bad in (0, 13, -1):
            with self.subTest(bad):
                with self.assertRaises(ValueError):
                    self.month.month = bad
        self.assertEqual(self.month.month, 12)
        with self.assertRaises(ValueError):
            Month(13)
        m = Month(7, to=8, year=2026)
        self.assertEqual((m.month, m.to, m.year), (7, 8, 2026))
        m.year = None
        self.assertIsNone(m.year)
        with self.assertRaises(TypeError):
            m.year = "2026"

    def test_section(self):
        s = Section(heading="工作目标", label="一、", number=1, level=1, role="goals")
        self.assertEqual((s.heading, s.label, s.number, s.level, s.role, s.kind),
                         ("工作目标", "一、", 1, 1, "goals", "section"))
        with self.assertRaises(ValueError):
            s.role = "objectives"
        with self.assertRaises(ValueError):
            s.level = 10
        s.role = None
        self.assertIsNone(s.role)
        self.assertEqual(s.level, 1)

    def test_plan(self):
        p = Plan(title="t", lang="zh-Hant")
        self.assertEqual((p.title, p.lang), ("t", "zh-Hant"))
        p.title = "新标题"
        p.organization = "工会"
        p.docnumber = "虹小四工〔2017〕1号"
        self.assertEqual((p.title, p.organization, p.docnumber), ("新标题", "工会", "虹小四工〔2017〕1号"))
        p.title = None
        self.assertIsNone(p.title)
        with self.assertRaises(TypeError):
            p.title = b"bytes"
        with self.assertRaises(ValueError):
            p.lang = "klingon"
        p.period = Period("year", D(2027, 1, 1), D(2027, 12, 31), None, None, "2027年")
        self.assertEqual(p.period.kind, "year")
        self.assertEqual(p.period.end, D(2027, 12, 31))
        with self.assertRaises(ValueError):
            p.period = Period("decade", None, None, None, None, None)


class TestLifetime(unittest.TestCase):
    """Children keep their document alive; nothing crashes in any order of deletion."""

    @staticmethod
    def touch(obj):
        if isinstance(obj, Document):
            return len(obj), obj[0].title
        if isinstance(obj, Plan):
            return obj.title, len(obj.activities())
        return obj.kind, obj.parent, obj.plan, obj.children, obj.text if obj.kind == "activity" else None

    def check_orders(self, make):
        for order in itertools.permutations(range(4)):
            with self.subTest(order=order):
                objs = make()
                for i in order:
                    objs[i] = None
                    gc.collect()
                    for obj in objs:
                        if obj is not None:
                            self.touch(obj)
                objs = None
                gc.collect()

    def test_built_tree(self):
        def make():
            doc = build()
            plan = doc[0]
            month = plan.schedule[1]
            return [doc, plan, month, month.activities[0]]
        self.check_orders(make)

    def test_loaded_tree(self):
        def make():
            doc = unionplan.load(example(0))
            plan = doc[0]
            month = plan.schedule[4]
            return [doc, plan, month, month.activities[2]]
        self.check_orders(make)

    def test_child_outlives_everything(self):
        act = unionplan.load(example(0))[0].schedule[0].activities[1]
        gc.collect()
        self.assertEqual(act.date, D(2012, 9, 10))
        self.assertEqual(act.month.label, "九月：")
        self.assertEqual(act.plan.title, "2012学年第一学期工会工作计划")

    def test_removed_then_parent_deleted(self):
        doc = build()
        month = doc[0].schedule[0]
        act = month.activities[1]
        month.remove(act)
        del doc, month
        gc.collect()
        self.assertEqual(act.text, "教师节表彰活动")
        self.assertIsNone(act.parent)
        self.assertIsNone(act.plan)

    def test_removed_subtree_keeps_its_children(self):
        doc = build()
        plan = doc[0]
        sec = plan.body[2]
        acts = plan.activities()
        plan.remove(sec)
        del doc, plan
        gc.collect()
        self.assertIsNone(sec.parent)
        self.assertEqual([a.text for a in acts][:2], ["工会例会：讨论工作计划", "教师节表彰活动"])
        self.assertIs(acts[0].parent.parent.parent, sec)
        self.assertIsNone(acts[0].plan)

    def test_plan_removed_from_document(self):
        doc = unionplan.load(example(4))
        plan = doc[2]
        act = plan.activities()[0]
        doc.remove(plan)
        del doc
        gc.collect()
        self.assertIs(act.plan, plan)
        del plan
        gc.collect()
        self.assertTrue(act.text)


if __name__ == "__main__":
    unittest.main()
