"""Metadata a user hands in, checked before it reaches a record: language codes and dates.

Language codes form a closed set: ISO 639-1 (two letters, the schema's pattern), read through
pycountry. A language name in English ("English", "Dutch") maps to its code; anything else
("Klingon", "../../../../etc") is refused. A code outside ``powermap.lang.codes()`` (say
``es``) is still a valid record language: the document is stored and extracted with the
language-neutral fallbacks, and no language data is looked up for it.

Dates are ``YYYY-MM-DD`` or ``YYYY-MM`` and must exist in the calendar (no 2019-02-30).
"""

from __future__ import annotations

import re
from datetime import date

_DATE = re.compile(r"^([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?$")  # not \d: it matches other scripts' digits


class InvalidMetadata(ValueError):
    """A language or date that cannot go into a record."""


def language_code(value: str) -> str:
    """The ISO 639-1 code for ``value`` (a code in any case, or an English language name)."""
    import pycountry

    cleaned = value.strip()
    candidate = cleaned.lower()
    if len(candidate) == 2 and candidate.isascii() and candidate.isalpha():
        found = pycountry.languages.get(alpha_2=candidate)
    else:
        try:
            found = pycountry.languages.lookup(cleaned) if cleaned.replace(" ", "").isalpha() else None
        except LookupError:
            found = None
    code = getattr(found, "alpha_2", None)
    if not code:
        raise InvalidMetadata(f"language {value[:40]!r} is not an ISO 639-1 code (nl, en, de, ...)")
    return code


def calendar_date(value: str) -> str:
    """``value`` (its first 10 characters, so a timestamp will do) as YYYY-MM-DD or YYYY-MM."""
    head = value.strip()[:10]
    match = _DATE.match(head) or _DATE.match(head[:7])
    if not match:
        raise InvalidMetadata(f"date {value[:40]!r} is not YYYY-MM-DD or YYYY-MM")
    year, month, day = int(match.group(1)), int(match.group(2)), int(match.group(3) or 1)
    try:
        date(year, month, day)
    except ValueError as err:
        raise InvalidMetadata(f"date {value[:40]!r} does not exist ({err})") from None
    return match.group(0)


def optional_date(value: str | None) -> str | None:
    """A found date (HTML metadata, a feed), or None when it is missing or not a real date."""
    if not value:
        return None
    try:
        return calendar_date(value)
    except InvalidMetadata:
        return None
