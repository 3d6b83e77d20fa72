"""shixian (时限): the Chinese working-day calendar, disclosure time rules and
compliance checks, over the C++ library of the same name.

Calendar functions take ``datetime.date``, ``numpy.datetime64``, "yyyy-mm-dd"
strings or array-likes of them (``datetime64[D]`` arrays, pandas Series and
DatetimeIndex) and are vectorised in C++ with the GIL released::

    >>> import datetime, numpy as np, shixian
    >>> shixian.add_workdays(datetime.date(2016, 9, 30), 3)   # 10/8 (Sat) is 调休上班
    datetime.date(2016, 10, 10)
    >>> shixian.is_workday(np.array(["2016-10-08", "2016-10-07"], dtype="datetime64[D]"))
    array([ True, False])

Rules: ``parse``, ``due``, ``explain``, ``extract``, ``extract_tasks``;
checks: ``check``. Errors are ``shixian.Error`` subclasses (ValueError where
the input is at fault) with ``line``, ``column``, ``offset`` and ``caret``.
"""

from ._errors import (Error, FileError, InvalidArgumentError, MissingContextError, OutOfRangeError, ParseError,
                      ProjectedYearError)
from ._shixian import (Amendment, Calendar, DayInfo, Deadline, HolidayBlock, Schedule, YearSource, add_workdays,
                       busday_count, busday_offset, canonical, canonical_event, day_info, due, explain, extract,
                       holiday_blocks, is_busday, is_workday, parse, policy_keys, workdays_between, year_source)
from ._check import CheckResult, check, extract_tasks

__version__ = "0.1.0"

__all__ = [
    "Amendment", "Calendar", "CheckResult", "DayInfo", "Deadline", "Error", "FileError", "HolidayBlock",
    "InvalidArgumentError", "MissingContextError", "OutOfRangeError", "ParseError", "ProjectedYearError", "Schedule",
    "YearSource", "add_workdays", "busday_count", "busday_offset", "canonical", "canonical_event", "check", "day_info",
    "due", "explain", "extract", "extract_tasks", "holiday_blocks", "is_busday", "is_workday", "parse",
    "policy_keys", "workdays_between", "year_source",
]
