"""The exceptions shixian raises: one base class, ``shixian.Error``, and one
subclass per error code of the C++ library (``shixian::ErrorCode``). Bad input
is also a ``ValueError`` (``OSError`` for files), so existing ``except
ValueError`` handlers keep working.

Every error carries where it is: ``line``, ``column`` (1-based, in characters,
0 when not known), ``offset`` (0-based character offset, None when not known),
``source`` (file or input name) and, for rules, ``caret``: the input line with
the offending characters underlined, aligned for full-width text::

    1 | 形成文件后3个工作
      |              ^^^^ 期望时间单位（个工作日、日、小时、周、个月、年）
"""

__all__ = [
    "Error",
    "InvalidArgumentError",
    "OutOfRangeError",
    "ParseError",
    "MissingContextError",
    "ProjectedYearError",
    "FileError",
]


class Error(Exception):
    """Base class of every error shixian reports about its input."""

    code = "invalid_argument"

    def __init__(self, message, *, source="", line=0, column=0, offset=None, caret="",
                 message_en="", needed=(), expected=()):
        super().__init__(message)
        self.message = message
        self.source = source
        self.line = line
        self.column = column
        self.offset = offset
        self.caret = caret
        self.message_en = message_en
        self.needed = list(needed)
        self.expected = list(expected)

    def __str__(self):
        where = self.source
        if where and self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        text = f"{where}: {self.message}" if where else self.message
        if self.caret:
            text += "\n" + self.caret.rstrip("\n")
        return text

    def __reduce__(self):
        return (_rebuild, (type(self), self.message, dict(self.__dict__)))


def _rebuild(cls, message, state):
    e = cls.__new__(cls)
    Exception.__init__(e, message)
    e.__dict__.update(state)
    return e


class InvalidArgumentError(Error, ValueError):
    """Malformed input: a date, a number, a file's contents, an unknown policy key."""

    code = "invalid_argument"


class OutOfRangeError(Error, ValueError):
    """Well-formed, but outside the calendar (2001–2100 by default) or the limits."""

    code = "out_of_range"


class ParseError(Error, ValueError):
    """A rule or document that does not match the grammar (``caret`` shows where)."""

    code = "parse_error"


class MissingContextError(Error, ValueError):
    """The rule needs an event date or the plan year; ``needed`` names what would do."""

    code = "missing_context"


class ProjectedYearError(Error, ValueError):
    """Strict calendar: the year has no State Council notice, only a projection."""

    code = "projected_year"


class FileError(Error, OSError):
    """A file that cannot be read."""

    code = "io_error"


_BY_CODE = {cls.code: cls for cls in (InvalidArgumentError, OutOfRangeError, ParseError, MissingContextError,
                                      ProjectedYearError, FileError)}


def _make(code, message, source, line, column, offset, caret, message_en, needed, expected):
    """Called by the C++ binding to build the exception it raises."""
    cls = _BY_CODE.get(code, Error)
    return cls(message, source=source, line=line, column=column, offset=offset, caret=caret,
               message_en=message_en, needed=needed, expected=expected)

for _cls in (Error, *_BY_CODE.values()):
    _cls.__module__ = "shixian"  # shown as shixian.ParseError, where users import it from
