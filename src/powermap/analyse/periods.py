"""Dates as the store keeps them (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``), the periods they fall in,
and windows over event dates.

A *period label* names a calendar span: ``2019`` (year), ``2019-Q1`` (quarter), ``2019-03``
(month), ``2019-W11`` (ISO week), ``2019-03-14`` (day); ``2019-03-01..2019-03-20`` is any span
of days. ``span`` turns a label into its first and last day, ``bucket`` a day into the label of
its period, ``windows`` cuts the days between two dates into consecutive periods, and
``sliding`` into windows of N days that move by a step.

Events dated to history (``historical_event_ids``): an event whose own date lies
``HISTORY_YEARS`` or more years before its document's publication (*the coup of 1969* in a
2019 article) is about the past, not news of the period; analyses of "now" leave it out.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Granularity = Literal["day", "week", "month", "quarter", "year"]
GRANULARITIES: tuple[str, ...] = ("day", "week", "month", "quarter", "year")

#: an event dated this many years or more before its document's publication is about history
HISTORY_YEARS = 2


def precision(value: str | None) -> int:
    """How many date parts ``value`` has: 0 (none or unreadable), 1 year, 2 month, 3 day."""
    if not value:
        return 0
    parts = value.strip()[:10].split("-")
    if not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
        return 0
    return min(len(parts), 3)


def parse(value: str | None) -> date | None:
    """The first day ``value`` covers (``2022-03`` -> 2022-03-01), or None."""
    n = precision(value)
    if n == 0:
        return None
    parts = [int(p) for p in value.strip()[:10].split("-")[:3]]  # type: ignore[union-attr]
    parts += [1] * (3 - len(parts))
    try:
        return date(parts[0], parts[1], parts[2])
    except ValueError:
        return None


def bound(value: str | None, end: bool = False) -> date | None:
    """A ``--since``/``--until`` value as a date; with ``end`` the last day it covers."""
    start = parse(value)
    if start is None or not end:
        return start
    n = precision(value)
    if n == 1:
        return date(start.year, 12, 31)
    if n == 2:
        return _month_end(start)
    return start


def _month_end(day: date) -> date:
    following = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return following - timedelta(days=1)


def bucket(day: date, by: Granularity) -> str:
    """The label of the period ``day`` falls in: ``2022-03-14``, ``2022-W11`` (ISO week), ``2022-03``,
    ``2022-Q1``, ``2022``."""
    if by == "day":
        return day.isoformat()
    if by == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if by == "month":
        return f"{day.year}-{day.month:02d}"
    if by == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if by == "year":
        return str(day.year)
    raise ValueError(f"unknown granularity {by!r}; use one of {', '.join(GRANULARITIES)}")


def labels(first: date, last: date, by: Granularity) -> list[str]:
    """Every period label from the one holding ``first`` to the one holding ``last``, in order
    (none when ``first`` is after ``last``)."""
    if first > last:
        return []
    out: list[str] = []
    step = 1 if by in ("day", "week") else 28
    ordinal = first.toordinal()
    while ordinal <= last.toordinal():
        label = bucket(date.fromordinal(ordinal), by)
        if not out or out[-1] != label:
            out.append(label)
        ordinal += step
    end = bucket(last, by)
    if out[-1] != end:
        out.append(end)
    return out


@dataclass(frozen=True)
class Window:
    """A span of days, both ends included, with the label it was asked by."""

    label: str
    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


class PeriodError(ValueError):
    """A period label that names no span of days."""


def span(label: str) -> Window:
    """The window a period label names (forms in the module docstring).

    Raises:
        PeriodError: the label is not one of the forms, or its end lies before its start.
    """
    text = label.strip()
    if ".." in text:
        first, _, last = text.partition("..")
        start, end = span(first).start, span(last).end
        if end < start:
            raise PeriodError(f"period {label!r} ends before it starts")
        return Window(text, start, end)
    try:
        if len(text) == 7 and text[4:6] == "-Q" and text[6] in "1234":
            year, quarter = int(text[:4]), int(text[6])
            start = date(year, 3 * quarter - 2, 1)
            return Window(text, start, _month_end(date(year, 3 * quarter, 1)))
        if len(text) == 8 and text[4:6] == "-W":
            start = date.fromisocalendar(int(text[:4]), int(text[6:8]), 1)
            return Window(text, start, start + timedelta(days=6))
    except ValueError as err:
        raise PeriodError(f"period {label!r}: {err}") from None
    first_day, last_day = bound(text), bound(text, end=True)
    if first_day is None or last_day is None or len(text) not in (4, 7, 10):
        raise PeriodError(f"period {label!r} is not YYYY, YYYY-Qn, YYYY-MM, YYYY-Www, YYYY-MM-DD or FIRST..LAST")
    return Window(text, first_day, last_day)


def granularity_of(label: str) -> Granularity | None:
    """The granularity a single period label is written in (None for a span of days ``A..B``)."""
    text = label.strip()
    if ".." in text:
        return None
    if "-Q" in text:
        return "quarter"
    if "-W" in text:
        return "week"
    return {4: "year", 7: "month", 10: "day"}.get(len(text))  # type: ignore[return-value]


def previous(window: Window, by: Granularity | None = None) -> Window:
    """The period just before ``window``: the preceding calendar period of granularity ``by``,
    or (``by`` None) the span of as many days ending the day before."""
    if by is None:
        end = window.start - timedelta(days=1)
        start = end - timedelta(days=window.days - 1)
        return Window(f"{start.isoformat()}..{end.isoformat()}", start, end)
    return span(bucket(window.start - timedelta(days=1), by))


def windows(first: date, last: date, by: Granularity) -> list[Window]:
    """The consecutive calendar periods of granularity ``by`` covering ``first`` to ``last``."""
    return [span(label) for label in labels(first, last, by)]


def sliding(first: date, last: date, days: int, step: int) -> list[Window]:
    """Windows of ``days`` days, each ``step`` days after the one before, the last ending on ``last``.

    They are laid out backwards from ``last`` so that the newest window is always whole; the
    first window starts on or before ``first``.
    """
    if days < 1 or step < 1:
        raise PeriodError("a sliding window needs at least one day and a step of at least one day")
    out: list[Window] = []
    end = last
    while True:
        start = end - timedelta(days=days - 1)
        out.append(Window(f"{start.isoformat()}..{end.isoformat()}", start, end))
        if start <= first:
            break
        end -= timedelta(days=step)
    return out[::-1]


def historical_event_ids(conn: sqlite3.Connection, since: date | None = None, until: date | None = None) -> set[int]:
    """Ids of the events dated to history (module docstring); with ``since``/``until``, only those
    among the events counting on a day of that span (read by the day index, ``events.day``:
    migration 10; an event dated to history counts on its own date).

    Uses the store's ``historical`` column when the store has one, else applies the same rule
    to the event's stored date and its document's publication date.
    """
    columns = {row[1] for row in conn.execute("PRAGMA table_info(events)")}
    span, params = "", []
    if (since is not None or until is not None) and "day" in columns:
        span = " AND e.day >= ? AND e.day <= ?"
        params = [(since or date.min).isoformat(), (until or date.max).isoformat()]
    table = "events e INDEXED BY events_day" if span else "events e"
    if "historical" in columns:
        rows = conn.execute(f"SELECT e.id FROM {table} WHERE e.historical = 1{span}", params)
    else:
        rows = conn.execute(
            f"SELECT e.id FROM {table} JOIN documents d ON d.id = e.doc_id "
            "WHERE e.date GLOB '[0-9][0-9][0-9][0-9]*' AND d.published GLOB '[0-9][0-9][0-9][0-9]*' "
            f"AND CAST(substr(d.published, 1, 4) AS INTEGER) - CAST(substr(e.date, 1, 4) AS INTEGER) >= ?{span}",
            (HISTORY_YEARS, *params),
        )
    return {r[0] for r in rows}
