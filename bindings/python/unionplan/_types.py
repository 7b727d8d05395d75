"""Named tuples of the unionplan package.

The C extension (unionplan._unionplan) builds these; they are defined here
because a named tuple is more natural in Python than in C.
"""

from collections import namedtuple


class Error(Exception):
    """A failure reported by libunionplan.

    code -- the library's negative return code (unionplan.EPARSE, ...);
    message -- the library's message; filename -- the file (or buffer name)
    it concerns, or None; line, column -- 1-based position (columns count
    characters, not bytes), or None when no position applies.
    """

    def __init__(self, message, code=None, filename=None, line=None,
                 column=None):
        Exception.__init__(self, message)
        self.message = message
        self.code = code
        self.filename = filename
        self.line = line
        self.column = column

    def __str__(self):
        if self.filename is not None:
            where = "%s:" % (self.filename,)
            if self.line:
                where += "%d:" % self.line
                if self.column:
                    where += "%d:" % self.column
            return "%s %s" % (where, self.message)
        if self.line:
            where = "line %d" % self.line
            if self.column:
                where += ", column %d" % self.column
            return "%s: %s" % (where, self.message)
        return self.message

    def __reduce__(self):
        return (type(self), (self.message, self.code, self.filename,
                             self.line, self.column))


class ParseError(Error, ValueError):
    """A document that is not well-formed XML, or not valid against the
    schema, or text with nothing to import."""


class EncodingError(Error, ValueError):
    """Text that cannot be decoded in the detected or given encoding."""

__all__ = ["Error", "ParseError", "EncodingError", "Holiday", "SolarTerm", "LunarDate", "Workday", "Period",
           "Diagnostic", "Diagnostics", "Source"]

Holiday = namedtuple("Holiday", "date key name")
Holiday.__doc__ = """A festival or official day off on one day.

date -- a datetime.date; key -- the stable holiday key ("mid-autumn");
name -- its Chinese name (中秋节)."""

SolarTerm = namedtuple("SolarTerm", "date key name")
SolarTerm.__doc__ = """One of the 24 solar terms (节气) in a year.

date -- a datetime.date (China Standard Time); key -- pinyin without
tones ("qingming"); name -- the Chinese name (清明)."""

LunarDate = namedtuple("LunarDate",
                       "year month leap day text ganzhi zodiac official")
LunarDate.__doc__ = """A date of the Chinese lunisolar calendar.

year -- the Gregorian year in which this lunar year's 正月初一 falls;
month -- 1..12; leap -- True for a leap month (闰月); day -- 1..30;
text -- the date in Chinese (壬辰年八月十五); ganzhi -- the year's 干支;
zodiac -- its animal (生肖); official -- True when the answer comes from the
library's official table (lunar years 1901-2100), False when from ICU."""

Workday = namedtuple("Workday", "status reason")
Workday.__doc__ = """Whether a day is an official working day.

status -- "workday", "day-off" or "unknown" (no official data for the
year); reason -- the holiday key of a statutory day off, "weekend",
"adjusted-workday" (a weekend day worked under 调休), or None."""

Period = namedtuple("Period", "kind start end schoolyear term text")
Period.__doc__ = """The period a plan covers.

kind -- "school-year", "term", "year", "half-year" or "custom";
start, end -- datetime.date or None; schoolyear -- the year a school year
starts, or None; term -- 1 or 2, or None; text -- as written, or None."""
Period.__new__.__defaults__ = (None, None, None, None, None)

Source = namedtuple("Source", "file encoding")
Source.__doc__ = """Where an imported plan came from: the file name and
the encoding it was decoded from (either may be None)."""


class Diagnostic(namedtuple("Diagnostic",
                            "severity code message file line column")):
    """One finding of validation or of the importer.

    severity -- "error", "warning" or "note"; code -- the stable rule id
    ("numbering-duplicate"); message -- one line of text; file -- the file
    or buffer name, or None; line, column -- 1-based (columns count
    characters), or None when no position applies.

    str(diagnostic) is the line the command line tool prints:
    ``file:line:column: severity: message [code]``.
    """

    __slots__ = ()

    def __str__(self):
        name = self.file if self.file is not None else "<memory>"
        if self.line:
            return "%s:%d:%d: %s: %s [%s]" % (name, self.line,
                                              self.column or 0,
                                              self.severity, self.message,
                                              self.code)
        return "%s: %s: %s [%s]" % (name, self.severity, self.message,
                                    self.code)


class Diagnostics(list):
    """The diagnostics of one validation, in the order they were found.

    A list of Diagnostic, with ``failed``: True when the document fails
    validation (it holds an error, or a warning when validated with
    strict=True), as the library's verdict says.
    """

    __slots__ = ("failed",)

    def __init__(self, items=(), failed=False):
        list.__init__(self, items)
        self.failed = bool(failed)

    @property
    def errors(self):
        """The diagnostics of severity "error"."""
        return [d for d in self if d.severity == "error"]

    @property
    def warnings(self):
        """The diagnostics of severity "warning"."""
        return [d for d in self if d.severity == "warning"]
