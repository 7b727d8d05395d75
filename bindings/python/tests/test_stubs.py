"""The type stubs (unionplan/__init__.pyi) cover the whole public surface."""
import ast
import inspect
import pathlib
import unittest

import unionplan

STUB = pathlib.Path(unionplan.__file__).with_name("__init__.pyi")


def stub_names():
    """Top-level names and, for each class, its member names."""
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    top, members = set(), {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            top.add(node.name)
            names = set()
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    names.add(item.name)
                elif isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                    names.add(item.target.id)
            members[node.name] = names
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            top.add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            top.add(node.target.id)
    return top, members


def inherited(members, cls):
    """Members a stub class has, with those of its stub bases."""
    names = set(members.get(cls.__name__, ()))
    for base in cls.__mro__[1:]:
        names |= members.get(base.__name__, set())
    return names


class TestStubs(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.top, cls.members = stub_names()

    def test_py_typed_shipped(self):
        self.assertTrue(STUB.is_file())
        self.assertTrue(STUB.with_name("py.typed").is_file())

    def test_every_public_name_has_a_stub(self):
        public = {n for n in dir(unionplan) if not n.startswith("_") and
                  not inspect.ismodule(getattr(unionplan, n))}
        public.add("__version__")
        self.assertEqual(sorted(public - self.top), [])

    def test_every_public_member_has_a_stub(self):
        for name in sorted(self.members):
            cls = getattr(unionplan, name, None)
            if not inspect.isclass(cls):
                continue
            with self.subTest(name):
                own = set()
                for klass in cls.__mro__:
                    if klass.__module__ in ("builtins",) or klass.__name__ in ("tuple", "list"):
                        continue
                    own |= {n for n in vars(klass) if not n.startswith("_")}
                if issubclass(cls, tuple):
                    own -= {"count", "index"}
                self.assertEqual(sorted(own - inherited(self.members, cls)), [])

    def test_stub_names_exist(self):
        # the calendar functions come from the calendar part of the extension
        missing = sorted(n for n in self.top if not n.startswith("_") and not hasattr(unionplan, n))
        self.assertEqual(missing, [])


if __name__ == "__main__":
    unittest.main()
