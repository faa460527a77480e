"""Estimating a publication date from the text when no metadata gives one.

An article is written after every date it mentions as past, so the latest explicit date in
the text (a credit line, a dateline, a footnote's access date) is a lower bound and usually
within weeks of publication. Month names come from CLDR (Babel) for the document's language,
so every language Babel knows is covered without word lists of our own.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from babel.core import UnknownLocaleError
from babel.dates import get_month_names


@cache
def _pattern(language: str) -> tuple[re.Pattern[str], dict[str, int]] | None:
    try:
        names = {}
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, locale=language).items():
                    names[name.lower().rstrip(".")] = number
    except (UnknownLocaleError, ValueError):
        return None
    alternatives = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    pattern = re.compile(
        rf"(?<!\w)(?:(?P<day>[0-3]?\d)(?:e|er|st|nd|rd|th)?\.?\s+)?(?P<month>{alternatives})\.?,?\s+"
        r"(?:(?P<mday>[0-3]?\d)(?:st|nd|rd|th)?,?\s+)?"  # month-first order: March 14, 2024
        r"(?P<year>(?:19|20)\d\d)(?!\d)"
        r"|(?<!\d)(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)(?!\d)",
        re.IGNORECASE,
    )
    return pattern, names


#: how far into the text a full date counts as the dateline or byline date
DATELINE_REACH = 300
#: what follows a dateline's date: a dash or the end of the line (*ASTANA, March 14, 2024 -*)
DATELINE_END = re.compile(r"[^\S\n]*(?:\([^()\n]{1,30}\)[^\S\n]*|\)[^\S\n]*)?(?:[-–—|:]|\n|$)")


def estimate_published(text: str, language: str | None, today: date | None = None) -> str | None:
    """``YYYY-MM`` of the latest date the text mentions (not after ``today``), or None; the full
    ``YYYY-MM-DD`` when a date with its day in the first ``DATELINE_REACH`` characters (a
    dateline: *ASTANA, March 14, 2024 -*, or a date ending its line) falls in that latest month."""
    compiled = _pattern(language or "en")
    if compiled is None:
        return None
    pattern, names = compiled
    limit = today or date.today()
    latest: tuple[int, int] | None = None
    dateline: tuple[int, int, int] | None = None
    for match in pattern.finditer(text):
        day: str | None
        if match.group("iso"):
            year, month, day = int(match.group("iso")[:4]), int(match.group("iso")[5:7]), match.group("iso")[8:]
        else:
            year, month = int(match.group("year")), names[match.group("month").lower().rstrip(".")]
            day = match.group("day") or match.group("mday")
        if not 1 <= month <= 12 or (year, month) > (limit.year, limit.month):
            continue
        if latest is None or (year, month) > latest:
            latest = (year, month)
        at_end = DATELINE_END.match(text, match.end()) is not None
        if day and dateline is None and match.start() < DATELINE_REACH and at_end:
            dateline = (year, month, int(day))
    if latest is None:
        return None
    if dateline is not None and dateline[:2] == latest:
        try:
            return date(*dateline).isoformat()
        except ValueError:  # 31 February: keep the month
            pass
    return f"{latest[0]:04d}-{latest[1]:02d}"


#: the place that opens a dateline: one to three capitalised words, then a comma (*RIYADH,*)
_PLACE_WORDS = r"[^\W\d_][\w'’.-]*(?:[^\S\n]+[^\W\d_][\w'’.-]*){0,2}"
#: ... optionally followed by its region or country (*KYIV, Ukraine,*)
_DATELINE_PLACE = re.compile(rf"(?m)^[^\S\n]*(?P<place>{_PLACE_WORDS}(?:,[^\S\n]*{_PLACE_WORDS})?),[^\S\n]*")


def dateline_place(text: str, language: str | None) -> tuple[int, int] | None:
    """The span of the place naming a dateline (*RIYADH, June 3, 2024 -*, *Parijs, 14 maart
    2024 –*, *KYIV, Ukraine, March 3 (Reuters) -*) in the first ``DATELINE_REACH`` characters,
    or None. That place is where the story was filed, not an actor in it."""
    compiled = _pattern(language or "en")
    if compiled is None:
        return None
    for m in _DATELINE_PLACE.finditer(text, 0, DATELINE_REACH):
        place = m.group("place")
        if not place[:1].isupper():
            continue
        date_match = compiled[0].match(text, m.end())
        if date_match and DATELINE_END.match(text, date_match.end()):
            return m.start("place"), m.end("place")
    return None
