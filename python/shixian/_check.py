"""check() and extract_tasks(): the arguments and results around the C++ calls
(_shixian._check, _shixian._extract_tasks). Nothing here decides a verdict."""

import os

from . import _shixian

try:  # pandas is optional: without it, findings are a list of dicts
    import pandas as _pd
except ImportError:  # pragma: no cover - exercised only where pandas is missing
    _pd = None


class CheckResult(tuple):
    """``findings, summary = shixian.check(...)``.

    findings: one row per deadline (a pandas DataFrame, or a list of dicts
    without pandas; None with ``findings=False``), columns as the CLI's CSV
    (task_id, obligation, line, lead, title, rule, label, verdict, type, due,
    due_time, period_start, period_end, published, withdrawn, late_workdays,
    late_days, required, found, provisional, message, needed).
    summary: totals (tasks, deadlines, counts by verdict, on_time_rate, units,
    attention, unresolved, problems, summary_line, and ``text``: the report
    ``shixian check`` prints).
    """

    __slots__ = ()

    def __new__(cls, findings, summary):
        return super().__new__(cls, (findings, summary))

    @property
    def findings(self):
        return self[0]

    @property
    def summary(self):
        return self[1]

    def __repr__(self):
        return f"CheckResult({self[1]['summary_line']})"


def _as_csv(table, what):
    """A DataFrame (or list of dicts) as CSV text for the C++ readers; None for a path."""
    if isinstance(table, (str, os.PathLike)):
        return None
    if _pd is not None and isinstance(table, _pd.DataFrame):
        return table.to_csv(index=False, date_format="%Y-%m-%dT%H:%M")
    if isinstance(table, list):
        if _pd is None:
            raise TypeError(f"{what}: a list of dicts needs pandas; pass a CSV path instead")
        return _pd.DataFrame(table).to_csv(index=False, date_format="%Y-%m-%dT%H:%M")
    raise TypeError(f"{what} should be a file path or a pandas DataFrame, not {type(table).__name__}")


def _findings_table(columns):
    if _pd is not None:
        return _pd.DataFrame(columns, copy=False)  # the arrays are ours: consolidating them copied for seconds
    names = list(columns)
    values = [columns[n].tolist() for n in names]
    return [dict(zip(names, row)) for row in zip(*values)]


def check(tasks, publications, *, as_of, year=None, calendar=None, policy=None, findings=True,
          tasks_encoding=None, publications_encoding=None):
    """Checks a task register against a publication log (as ``shixian check``).

    tasks, publications: file paths (CSV or JSON Lines, read by the C++ readers
    as the CLI reads them) or pandas DataFrames with the same columns (id,
    title, lead, units, rule, year, events / task_id, published, withdrawn,
    url, title, obligation; Chinese headers too). as_of: the day of the check.
    year: plan year for rows without one. findings=False returns only the
    summary (the fastest: no row per deadline is built). A finding's ``line``
    is the row's line in the register: for a DataFrame, its position + 2 (the
    header is line 1).

    Returns a CheckResult: ``findings, summary``.
    """
    tasks_text = _as_csv(tasks, "tasks")
    publications_text = _as_csv(publications, "publications")
    if (tasks_text is None) != (publications_text is None):
        # One table, one path: read the file so both go through the same reader.
        if tasks_text is None:
            with open(tasks, encoding="utf-8-sig") as f:
                tasks_text = f.read()
        else:
            with open(publications, encoding="utf-8-sig") as f:
                publications_text = f.read()
    from_text = tasks_text is not None
    columns, summary = _shixian._check(
        tasks_text if from_text else os.fspath(tasks),
        publications_text if from_text else os.fspath(publications),
        from_text, as_of, year, calendar, policy, bool(findings), tasks_encoding, publications_encoding)
    return CheckResult(_findings_table(columns) if columns is not None else None, summary)


def extract_tasks(text_or_path, *, year=None, html=None):
    """A draft task register from a plan laid out as a task table (``shixian extract --tasks``).

    Returns a DataFrame (list of dicts without pandas) with columns id, title,
    lead, units, rule, year; ``.attrs["csv"]`` (DataFrame) holds the CSV the
    CLI writes.
    """
    rows, plan_year, csv = _shixian._extract_tasks(text_or_path, year, html)
    if _pd is None:
        return rows
    table = _pd.DataFrame(rows, columns=["id", "title", "lead", "units", "rule", "year"])
    table.attrs["year"] = plan_year
    table.attrs["csv"] = csv
    return table
