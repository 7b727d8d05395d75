"""Read, validate, build and write Chinese school trade-union work plans.

A thin binding of libunionplan. Everything the library decides — parsing,
the schema, the semantic rules, the importer, the calendar — happens in C;
this package gives it Python's types and idioms:

>>> import unionplan
>>> doc = unionplan.load("plan.xml")            # doctest: +SKIP
>>> for month in doc[0].schedule:               # doctest: +SKIP
...     print(month.month, len(month.activities))

Documents are sequences of Plan; plans hold Section, Item, Paragraph, Note,
Schedule, Month and Activity nodes; dates are datetime.date. Errors raise
unionplan.Error (ParseError for documents that do not parse or are not
valid against the schema); missing files raise the builtin OSError
subclasses. The GIL is released while parsing, validating and importing.
"""

from ._types import (Error, ParseError, EncodingError, Holiday, SolarTerm,
                     LunarDate, Workday, Period, Diagnostic, Diagnostics,
                     Source)
from . import _unionplan
from ._unionplan import *  # noqa: F401,F403  (the C part's public names)

__version__ = _unionplan.version

__all__ = sorted(
    ["Error", "ParseError", "EncodingError", "Holiday", "SolarTerm",
     "LunarDate", "Workday", "Period", "Diagnostic", "Diagnostics", "Source",
     "__version__"]
    + [n for n in dir(_unionplan) if not n.startswith("_")])
