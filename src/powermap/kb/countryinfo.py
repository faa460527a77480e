"""Dated offices from CountryInfo (``gazetteer/countryinfo``, CC BY-SA 3.0, Philip A. Schrodt).

Two blocks per country give offices with dates: ``<Leaders>`` (from rulers.org, about 1960 to
2009: one sub-block per office, ``<Prime ministers>``, each holder with ``[start - end]``) and
``<Government>`` (CIA World Leaders, 2003 to 2011: one line per person with CAMEO codes and
dates, and after ``#`` the titles, one per code, separated by ``&``). An office title becomes a
role key through ``office_titles`` in ``curated/import_rules.yaml``; other titles are skipped.

``>date`` means "in office from date until the file was made" and ``<date`` "in office when the
block starts (January 2003) until date"; so an open end is cut at the next holder's start, else
at the file's date, and an open start is the block's first date. Days past a month's end in the
source (*20030631*) are set to the month's last day.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

FILE = "gazetteer/countryinfo/CountryInfo.120116.txt"
FILE_DATE = "2012-01-16"  # CountryInfo.120116
GOVERNMENT_FROM = "2003-01-01"
_RANGE = re.compile(r"\[\s*([<>]?)\s*(\d{8})(?:\s*-\s*(\d{8}))?\s*\]")
_CODED = re.compile(r"\[([A-Z]{3,})\s+([<>]?)\s*(\d{8})(?:\s*-\s*(\d{8}))?\s*\]")


@dataclass(frozen=True)
class Office:
    """One term of office read from CountryInfo."""

    names: tuple[str, ...]  # Phoenix-style names (TONY_BLAIR), the first is the main one
    of: str  # ISO alpha-3
    role: str  # role key
    title: str  # English title as written
    start: str
    end: str


def iso(value: str) -> str:
    """``yyyymmdd`` -> ISO date, a day past the month's end set to its last day ('' if unreadable)."""
    y, m, d = int(value[:4]), int(value[4:6]), int(value[6:8])
    if not (1 <= m <= 12 and y > 1000):
        return ""
    return f"{y:04d}-{m:02d}-{min(max(d, 1), calendar.monthrange(y, m)[1]):02d}"


def singular(tag: str) -> str:
    """``Prime ministers`` -> ``prime minister``; ``Kings/QUEENS`` -> ``king/queen``."""
    words = []
    for w in tag.lower().replace("-", " ").replace("_", " ").split():
        words.append("/".join(p[:-1] if p.endswith("s") and len(p) > 3 else p for p in w.split("/")))
    return " ".join(words)


def role_of(title: str, patterns: list[tuple[str, str]], exact: bool) -> str | None:
    """The role key of an office title: equal to a pattern, or (unless ``exact``) a pattern of two
    words or more and a comma (*Prime Minister, First Lord of the Treasury*, but not *President,
    Central Bank*) or a pattern of three words or more and more words."""
    t = " ".join(title.lower().split())
    t = t[4:] if t.startswith("the ") else t
    for pattern, role in patterns:
        words = len(pattern.split())
        longer = (words >= 2 and t.startswith(pattern + ",")) or (words >= 3 and t.startswith(pattern + " "))
        if t == pattern or (not exact and longer):
            return role
    return None


def _names(cell: str) -> tuple[str, ...]:
    braced = re.findall(r"\{([^}]*)\}", cell)
    names = braced or [cell.split("[")[0]]
    return tuple(n.strip().strip("_") for n in names if n.strip().strip("_"))


def read_offices(path: Path, patterns: list[tuple[str, str]]) -> Iterator[Office]:
    """Every term of an office with a role key, in file order."""
    country, block, tag = "", "", ""
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        m = re.match(r"<CountryCode>([A-Z]+)</CountryCode>", line)
        if m:
            country = m.group(1) if len(m.group(1)) == 3 else ""
            continue
        s = line.strip()
        if s in ("<Leaders>", "<Government>"):
            block, tag = s[1:-1], ""
            continue
        if s in ("</Leaders>", "</Government>"):
            block = ""
            continue
        if not country or not block or s.startswith("#") or not s:
            continue
        if block == "Leaders":
            if s.startswith("</"):
                tag = ""
            elif s.startswith("<"):
                tag = s.strip("<>")
            elif tag:
                yield from _leader_terms(s, country, tag, patterns)
        else:
            yield from _government_terms(s, country, patterns)


def _leader_terms(line: str, country: str, tag: str, patterns: list[tuple[str, str]]) -> Iterator[Office]:
    role = role_of(singular(tag), patterns, exact=True)
    names = _names(line)
    if role is None or not names:
        return
    for op, d1, d2 in _RANGE.findall(line):
        if op == ">":
            yield Office(names, country, role, tag, iso(d1), "")
        elif d2:
            yield Office(names, country, role, tag, iso(d1), iso(d2))


def _government_terms(line: str, country: str, patterns: list[tuple[str, str]]) -> Iterator[Office]:
    body, _, note = line.partition("#")
    titles = [t.strip() for t in note.split("&")]
    codes = _CODED.findall(body)
    names = _names(body)
    if not names or len(titles) != len(codes):
        return
    for (_, op, d1, d2), title in zip(codes, titles, strict=True):
        role = role_of(title, patterns, exact=False)
        if role is None:
            continue
        if op == ">":
            yield Office(names, country, role, title, iso(d1), "")
        elif op == "<":
            yield Office(names, country, role, title, GOVERNMENT_FROM, iso(d1))
        elif d2:
            yield Office(names, country, role, title, iso(d1), iso(d2))


def close_open_terms(offices: list[Office], other_starts: dict[tuple[str, str], list[str]]) -> list[Office]:
    """Open ends cut at the next start of the same office (from any source) or the file's date."""
    starts: dict[tuple[str, str], list[str]] = {k: list(v) for k, v in other_starts.items()}
    for o in offices:
        if o.start:
            starts.setdefault((o.of, o.role), []).append(o.start)
    out = []
    for o in offices:
        if o.end or not o.start:
            out.append(o)
            continue
        later = [s for s in starts.get((o.of, o.role), []) if s > o.start]
        end = min([*later, FILE_DATE])
        if end > o.start:
            out.append(Office(o.names, o.of, o.role, o.title, o.start, end))
    return out


def office_roles(
    data: Path, patterns: list[tuple[str, str]], other_starts: dict[tuple[str, str], list[str]]
) -> list[Office]:
    """The dated offices of CountryInfo under ``data`` (none when the file is absent)."""
    path = data / FILE
    if not path.exists():
        return []
    return close_open_terms(list(read_offices(path, patterns)), other_starts)
