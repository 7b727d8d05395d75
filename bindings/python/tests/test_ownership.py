"""Ownership: wrappers stay valid whatever is moved, removed or dropped.

A seeded random walk of edits over real plans: after each step, every
wrapper still held must answer consistently (its parent holds it, its plan
is its parent's plan) and the document must still write XML that parses
back to the same text.
"""

import gc
import os
import random
import unittest

import unionplan

TOP = os.environ.get("UPL_TOP_SRCDIR",
                     os.path.join(os.path.dirname(__file__), "..", "..", ".."))
EXAMPLES = os.path.join(TOP, "doc", "examples")


def example(name):
    return unionplan.load(os.path.join(EXAMPLES, name))


def consistent(test, node):
    parent = node.parent
    if parent is None:
        test.assertIsNone(node.plan)
        return
    if isinstance(parent, unionplan.Plan):
        test.assertIn(node, parent.body)
        test.assertIs(node.plan, parent)
    else:
        test.assertIn(node, parent.children)
        test.assertIs(node.plan, parent.plan)


class TestOwnership(unittest.TestCase):

    def test_one_wrapper_per_object(self):
        doc = example("seed-000.xml")
        self.assertIs(doc[0], doc[0])
        self.assertIs(doc[0].schedule[0], doc[0].schedule[0])
        act = doc[0].activities()[0]
        self.assertIs(act.month.activities[0], act)
        self.assertIs(act.plan.document, doc)

    def test_child_keeps_document_alive(self):
        act = example("seed-000.xml")[0].activities()[5]
        gc.collect()
        self.assertEqual(act.text, act.month.activities[act.month.activities.index(act)].text)
        self.assertEqual(act.plan.title, "2012学年第一学期工会工作计划")
        self.assertEqual(len(act.plan.document), 1)

    def test_removed_subtree_keeps_its_wrappers(self):
        doc = example("seed-000.xml")
        plan = doc[0]
        months = plan.schedule
        sched_section = months[0].parent.parent
        self.assertEqual(sched_section.heading, "具体工作安排")
        first = months[0].activities[0]
        taken = plan.remove(sched_section)
        self.assertIsNone(taken.parent)
        self.assertIsNone(taken.plan)
        self.assertEqual(plan.schedule, [])
        self.assertIsNone(first.plan)
        self.assertIs(first.month, months[0])
        del doc, plan, taken
        gc.collect()
        self.assertEqual(first.text, "工会例会：讨论工会工作计划")
        self.assertEqual(months[0].month, 9)

    def test_move_between_documents(self):
        a = example("seed-000.xml")
        b = example("seed-003.xml")
        month = a[0].schedule[0]
        acts = month.activities
        n_b = len(b[0].schedule)
        month.parent.remove(month)
        b[0].schedule[0].parent.add(month)
        del a
        gc.collect()
        self.assertIs(acts[0].plan, b[0])
        self.assertEqual(len(b[0].schedule), n_b + 1)
        again = unionplan.loads(b.dumps())
        self.assertEqual(len(again[0].schedule), n_b + 1)

    def test_cannot_add_twice_or_into_itself(self):
        doc = example("seed-000.xml")
        sec = doc[0].sections[0]
        with self.assertRaises(ValueError):
            doc[0].add(sec)
        free = unionplan.Section("x")
        inner = free.add_section("y")
        with self.assertRaises(ValueError):
            inner.add(free)
        with self.assertRaises(ValueError):
            free.add(free)
        with self.assertRaises(ValueError):
            unionplan.Month(9).add(unionplan.Section("z"))

    def test_random_edits(self):
        rng = random.Random(20261201)
        docs = [example(n) for n in ("seed-000.xml", "seed-003.xml", "seed-004.xml")]
        held = []
        loose = []
        for step in range(1500):
            doc = rng.choice(docs)
            plan = rng.choice(doc.plans)
            nodes = plan.walk()
            op = rng.randrange(6)
            if op == 0 and nodes:
                held.append(rng.choice(nodes))
            elif op == 1 and nodes:
                node = rng.choice(nodes)
                parent = node.parent
                loose.append(parent.remove(node))
            elif op == 2 and loose:
                node = loose.pop(rng.randrange(len(loose)))
                targets = [n for n in nodes if n.kind in ("section", "item", "schedule", "month")]
                target = rng.choice(targets + [plan])
                try:
                    target.add(node)
                except ValueError:
                    loose.append(node)
            elif op == 3 and held:
                del held[rng.randrange(len(held))]
            elif op == 4 and loose:
                del loose[rng.randrange(len(loose))]
            elif op == 5 and nodes:
                held.append(rng.choice(nodes).copy())
            if step % 100 == 0:
                gc.collect()
                for node in held + loose:
                    consistent(self, node)
        for doc in docs:
            text = doc.dumps()
            self.assertEqual(unionplan.loads(text).dumps(), text)
        for node in held + loose:
            consistent(self, node)


if __name__ == "__main__":
    unittest.main()
