# Type stubs of the unionplan package: the C extension unionplan._unionplan
# and the named tuples of unionplan._types. Kept by hand beside the C part;
# the tests check that every public name of the module appears here.
import datetime
import os
from typing import (IO, Any, Iterable, Iterator, List, NamedTuple, Optional,
                    Sequence, Tuple, Type, TypeVar, Union, final, overload)

__version__: str
version: str
version_info: Tuple[int, int, int]
NAMESPACE: str

# the library's return codes (negative ints), as Error.code
EPARSE: int
EENCODING: int
EINVAL: int
EIO: int
ENOMEM: int
ENOTFOUND: int
ERANGE: int

_PathLike = Union[str, "os.PathLike[str]"]
_Bytes = Union[bytes, bytearray, memoryview]
_Source = Union[_PathLike, _Bytes, IO[bytes]]
_Date = datetime.date
_N = TypeVar("_N", bound="Node")
_P = TypeVar("_P", bound="Plan")

# --- exceptions --------------------------------------------------------------

class Error(Exception):
    """A failure reported by libunionplan."""
    message: str
    code: Optional[int]
    filename: Optional[str]
    line: Optional[int]
    column: Optional[int]
    def __init__(self, message: str, code: Optional[int] = ..., filename: Optional[str] = ...,
                 line: Optional[int] = ..., column: Optional[int] = ...) -> None: ...

class ParseError(Error, ValueError):
    """Not well-formed, or not valid against the schema."""

class EncodingError(Error, ValueError):
    """Text that cannot be decoded (import_text)."""

# --- value types ---------------------------------------------------------------

class Period(NamedTuple):
    kind: Optional[str]
    start: Optional[_Date] = None
    end: Optional[_Date] = None
    schoolyear: Optional[int] = None
    term: Optional[int] = None
    text: Optional[str] = None

class Source(NamedTuple):
    file: Optional[str]
    encoding: Optional[str]

class Diagnostic(NamedTuple):
    severity: str
    code: str
    message: str
    file: Optional[str]
    line: Optional[int]
    column: Optional[int]

class Diagnostics(List[Diagnostic]):
    failed: bool
    def __init__(self, items: Iterable[Diagnostic] = ..., failed: bool = ...) -> None: ...
    @property
    def errors(self) -> List[Diagnostic]: ...
    @property
    def warnings(self) -> List[Diagnostic]: ...

class Holiday(NamedTuple):
    date: _Date
    key: str
    name: str

class SolarTerm(NamedTuple):
    date: _Date
    key: str
    name: str

class LunarDate(NamedTuple):
    year: int
    month: int
    leap: bool
    day: int
    text: str
    ganzhi: str
    zodiac: str
    official: bool

class Workday(NamedTuple):
    status: str          # "workday", "day-off" or "unknown"
    reason: Optional[str]

# --- the document model ----------------------------------------------------------

class Node:
    """A body element of a plan."""
    @property
    def kind(self) -> str: ...
    @property
    def line(self) -> Optional[int]: ...
    @property
    def column(self) -> Optional[int]: ...
    @property
    def parent(self) -> Union["Node", "Plan", None]: ...
    @property
    def plan(self) -> Optional["Plan"]: ...
    @property
    def children(self) -> List["Node"]: ...
    def add(self, child: _N) -> _N: ...
    def insert(self, index: int, child: _N) -> _N: ...
    def remove(self, child: Union["Node", int]) -> "Node": ...
    def copy(self: _N) -> _N: ...
    def __copy__(self: _N) -> _N: ...
    def __deepcopy__(self: _N, memo: Any) -> _N: ...

@final
class Paragraph(Node):
    text: Optional[str]
    label: Optional[str]
    def __init__(self, text: Optional[str] = ..., *, label: Optional[str] = ...) -> None: ...

@final
class Note(Node):
    text: Optional[str]
    label: Optional[str]
    number: Optional[int]
    def __init__(self, text: Optional[str] = ..., *, label: Optional[str] = ...,
                 number: Optional[int] = ...) -> None: ...

@final
class Item(Node):
    text: Optional[str]
    heading: Optional[str]
    label: Optional[str]
    number: Optional[int]
    def __init__(self, text: Optional[str] = ..., *, label: Optional[str] = ...,
                 number: Optional[int] = ..., heading: Optional[str] = ...) -> None: ...
    def add_item(self, text: Optional[str] = ..., **attrs: Any) -> "Item": ...
    def add_paragraph(self, text: Optional[str] = ..., **attrs: Any) -> Paragraph: ...

@final
class Activity(Node):
    text: Optional[str]
    label: Optional[str]
    number: Optional[int]
    date: Optional[_Date]
    monthday: Optional[Tuple[int, int]]
    holiday: Optional[str]
    relation: Optional[str]      # "on", "before", "after", "during"
    @property
    def month(self) -> Optional["Month"]: ...
    def __init__(self, text: Optional[str] = ..., *, date: Optional[_Date] = ...,
                 monthday: Optional[Tuple[int, int]] = ..., holiday: Optional[str] = ...,
                 relation: Optional[str] = ..., label: Optional[str] = ...,
                 number: Optional[int] = ...) -> None: ...

@final
class Month(Node):
    month: int
    to: Optional[int]
    year: Optional[int]
    label: Optional[str]
    @property
    def activities(self) -> List[Activity]: ...
    def __init__(self, month: int, *, year: Optional[int] = ..., to: Optional[int] = ...,
                 label: Optional[str] = ...) -> None: ...
    def add_activity(self, text: Optional[str] = ..., **attrs: Any) -> Activity: ...

@final
class Schedule(Node):
    heading: Optional[str]
    @property
    def months(self) -> List[Month]: ...
    def __init__(self, heading: Optional[str] = ...) -> None: ...
    def add_month(self, month: int, **attrs: Any) -> Month: ...

@final
class Section(Node):
    heading: Optional[str]
    label: Optional[str]
    number: Optional[int]
    level: Optional[int]
    role: Optional[str]
    def __init__(self, heading: Optional[str] = ..., *, label: Optional[str] = ...,
                 number: Optional[int] = ..., level: Optional[int] = ...,
                 role: Optional[str] = ...) -> None: ...
    def add_section(self, heading: Optional[str] = ..., **attrs: Any) -> "Section": ...
    def add_item(self, text: Optional[str] = ..., **attrs: Any) -> Item: ...
    def add_paragraph(self, text: Optional[str] = ..., **attrs: Any) -> Paragraph: ...
    def add_schedule(self, heading: Optional[str] = ..., **attrs: Any) -> Schedule: ...
    def add_note(self, text: Optional[str] = ..., **attrs: Any) -> Note: ...

_Block = Union[Paragraph, Section, Schedule, Note]

@final
class Plan:
    """One plan: metadata and a body of blocks in document order."""
    title: Optional[str]
    organization: Optional[str]
    docnumber: Optional[str]
    lang: str
    authors: List[str]
    period: Optional[Period]
    issued: Optional[_Date]
    issued_text: Optional[str]
    source: Optional[Source]
    def __init__(self, title: Optional[str] = ..., *, lang: str = ..., **attrs: Any) -> None: ...
    @property
    def body(self) -> List[_Block]: ...
    @property
    def sections(self) -> List[Section]: ...
    @property
    def schedule(self) -> List[Month]: ...
    @property
    def notes(self) -> List[Note]: ...
    @property
    def line(self) -> Optional[int]: ...
    @property
    def column(self) -> Optional[int]: ...
    @property
    def document(self) -> Optional["Document"]: ...
    def activities(self) -> List[Activity]: ...
    def walk(self, *kinds: Union[str, Type[Node]]) -> List[Node]: ...
    def add(self, block: _N) -> _N: ...
    def insert(self, index: int, block: _N) -> _N: ...
    def remove(self, block: Union[Node, int]) -> Node: ...
    def add_section(self, heading: Optional[str] = ..., **attrs: Any) -> Section: ...
    def add_paragraph(self, text: Optional[str] = ..., **attrs: Any) -> Paragraph: ...
    def add_schedule(self, heading: Optional[str] = ..., **attrs: Any) -> Schedule: ...
    def add_note(self, text: Optional[str] = ..., **attrs: Any) -> Note: ...
    def copy(self) -> "Plan": ...
    def __copy__(self) -> "Plan": ...
    def __deepcopy__(self, memo: Any) -> "Plan": ...
    def dumps(self) -> str: ...

@final
class Document(Sequence[Plan]):
    """What one XML file holds: a sequence of Plan."""
    collection: bool
    def __init__(self, plans: Optional[Iterable[Plan]] = ...) -> None: ...
    @property
    def plans(self) -> List[Plan]: ...
    @property
    def name(self) -> Optional[str]: ...
    def __len__(self) -> int: ...
    @overload
    def __getitem__(self, index: int) -> Plan: ...
    @overload
    def __getitem__(self, index: slice) -> List[Plan]: ...
    def __iter__(self) -> Iterator[Plan]: ...
    def add(self, plan: _P) -> _P: ...
    def insert(self, index: int, plan: _P) -> _P: ...
    def remove(self, plan: Union[Plan, int]) -> Plan: ...
    def add_plan(self, title: Optional[str] = ..., **attrs: Any) -> Plan: ...
    def dumps(self) -> str: ...
    def dump(self, path: _PathLike) -> None: ...
    def validate(self, strict: bool = ..., rules: Optional[Iterable[str]] = ...,
                 lang: Optional[str] = ..., schema_only: bool = ...) -> Diagnostics: ...
    def copy(self) -> "Document": ...
    def __copy__(self) -> "Document": ...
    def __deepcopy__(self, memo: Any) -> "Document": ...

# --- reading, validating, importing -------------------------------------------------

def load(source: _Source, *, name: Optional[str] = ..., max_bytes: Optional[int] = ...,
         lang: Optional[str] = ...) -> Document: ...
def loads(data: Union[str, _Bytes], *, name: Optional[str] = ..., max_bytes: Optional[int] = ...,
          lang: Optional[str] = ...) -> Document: ...
def validate(source: _Source, *, strict: bool = ..., rules: Optional[Iterable[str]] = ...,
             lang: Optional[str] = ..., schema_only: bool = ..., name: Optional[str] = ...,
             max_bytes: Optional[int] = ...) -> Diagnostics: ...
def import_text(source: _Source, *, encoding: Optional[str] = ..., simplified: bool = ...,
                lang: Optional[str] = ..., name: Optional[str] = ...,
                max_bytes: Optional[int] = ...) -> Tuple[Document, Diagnostics]: ...
def rule_codes() -> List[str]: ...
def explain(code: str, lang: Optional[str] = ...) -> str: ...
def holiday_keys() -> List[str]: ...

# --- calendar ----------------------------------------------------------------------

class Calendar:
    """Holiday and adjusted-workday data loaded from a file."""
    @classmethod
    def load(cls, path: _PathLike) -> "Calendar": ...

def holidays(year: int, statutory: bool = ..., *,
             calendar: Optional[Calendar] = ...) -> List[Holiday]: ...
def holidays_between(start: _Date, end: _Date, *,
                     calendar: Optional[Calendar] = ...) -> List[Holiday]: ...
def festival(key_or_name: str, year: int) -> _Date: ...
def solar_terms(year: int) -> List[SolarTerm]: ...
def lunar(date: _Date) -> LunarDate: ...
def from_lunar(year: int, month: int, day: int, leap: bool = ...) -> _Date: ...
def workday(date: _Date, *, calendar: Optional[Calendar] = ...) -> Workday: ...
def is_workday(date: _Date, *, calendar: Optional[Calendar] = ...) -> bool: ...
def workdays_between(start: _Date, end: _Date, *, calendar: Optional[Calendar] = ...) -> int: ...
def add_workdays(date: _Date, n: int, *, calendar: Optional[Calendar] = ...) -> _Date: ...
