"""Dates as the store keeps them (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) and the periods they fall in."""

from __future__ import annotations

from datetime import date
from typing import Literal

Granularity = Literal["day", "week", "month", "year"]
GRANULARITIES: tuple[str, ...] = ("day", "week", "month", "year")


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
        following = date(start.year + (start.month == 12), start.month % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1)
    return start


def bucket(day: date, by: Granularity) -> str:
    """The label of the period ``day`` falls in: ``2022-03-14``, ``2022-W11`` (ISO week), ``2022-03``, ``2022``."""
    if by == "day":
        return day.isoformat()
    if by == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if by == "month":
        return f"{day.year}-{day.month:02d}"
    if by == "year":
        return str(day.year)
    raise ValueError(f"unknown granularity {by!r}; use one of {', '.join(GRANULARITIES)}")


def labels(first: date, last: date, by: Granularity) -> list[str]:
    """Every period label from the one holding ``first`` to the one holding ``last``, in order."""
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
