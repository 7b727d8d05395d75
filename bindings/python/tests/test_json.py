"""The JSON form: Document.to_json() and unionplan.loads_json().

Known answers come from doc/examples/seed-000.xml (26 activities, counted
with xmllint --xpath; the activity dated 2012-09-10 is the 教师节 one) and
from doc/json.md.
"""
import json
import threading
import unittest

import unionplan

from uplsupport import EXAMPLES, example


def activities(node):
    """Every activity object below node, in document order."""
    found = []
    if isinstance(node, dict):
        if node.get("kind") == "activity":
            found.append(node)
        for child in node.get("children") or ():
            found.extend(activities(child))
    return found


class ToJson(unittest.TestCase):
    def setUp(self):
        self.doc = unionplan.load(example(0))
        self.obj = json.loads(self.doc.to_json())

    def test_shape_and_counts(self):
        self.assertEqual(self.obj["format"], "unionplan")
        self.assertEqual(self.obj["version"], 1)
        self.assertFalse(self.obj["collection"])
        self.assertEqual(len(self.obj["plans"]), 1)
        acts = [a for block in self.obj["plans"][0]["body"] for a in activities(block)]
        self.assertEqual(len(acts), 26)
        self.assertEqual(self.obj["plans"][0]["meta"]["title"], self.doc[0].title)

    def test_dates_and_holidays(self):
        acts = [a for block in self.obj["plans"][0]["body"] for a in activities(block)]
        on_10th = [a for a in acts if a["date"] == "2012-09-10"]
        self.assertEqual(len(on_10th), 1)
        self.assertEqual(on_10th[0]["holiday"], {"key": "teachers-day", "name": "教师节"})
        texts = [a.text for a in self.doc[0].activities()]
        self.assertEqual([a["text"] for a in acts], texts)

    def test_one_line_unless_pretty(self):
        compact = self.doc.to_json()
        self.assertEqual(compact.count("\n"), 1)
        self.assertTrue(compact.endswith("\n"))
        pretty = self.doc.to_json(pretty=True)
        self.assertGreater(pretty.count("\n"), 100)
        self.assertEqual(json.loads(pretty), self.obj)

    def test_positions(self):
        self.assertNotIn("position", self.doc.to_json())
        with_pos = json.loads(self.doc.to_json(positions=True))
        plan = with_pos["plans"][0]
        self.assertEqual(plan["position"], {"line": self.doc[0].line, "column": 1})

    def test_keyword_only(self):
        with self.assertRaises(TypeError):
            self.doc.to_json(True)


class LoadsJson(unittest.TestCase):
    def test_round_trip_every_example(self):
        for path in sorted(EXAMPLES.glob("*.xml")):
            doc = unionplan.load(path)
            text = doc.to_json()
            for data in (text, text.encode("utf-8")):
                back = unionplan.loads_json(data)
                self.assertEqual(back.dumps(), doc.dumps(), path.name)
                self.assertEqual(back.to_json(), text, path.name)

    def test_bad_json_has_its_place(self):
        with self.assertRaises(unionplan.ParseError) as cm:
            unionplan.loads_json('{\n "format": }', name="bad.json")
        e = cm.exception
        self.assertEqual((e.line, e.column), (2, 12))
        self.assertEqual(e.filename, "bad.json")
        self.assertIsInstance(e, ValueError)

    def test_not_a_plan(self):
        with self.assertRaises(unionplan.ParseError):
            unionplan.loads_json('{"format": "unionplan", "version": 1}')

    def test_types_and_limits(self):
        with self.assertRaises(TypeError):
            unionplan.loads_json(42)
        text = unionplan.load(example(0)).to_json()
        with self.assertRaises(unionplan.Error):
            unionplan.loads_json(text, max_bytes=100)

    def test_threads(self):
        text = unionplan.load(example(0)).to_json()
        want = unionplan.loads_json(text).dumps()
        results = []

        def work():
            for _ in range(20):
                results.append(unionplan.loads_json(text).to_json() == text
                               and unionplan.loads_json(text).dumps() == want)

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(results, [True] * 80)


if __name__ == "__main__":
    unittest.main()
