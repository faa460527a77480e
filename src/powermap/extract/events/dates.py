"""Date expressions resolved against the publication date, from per-language data.

``powermap/lang/<code>/dates.yaml`` lists month and weekday names, relative phrases
(vorige maand, last year) and the words that may precede them. Resolution:

- ``9 juni 2025`` / ``9 en 10 juni 2025`` / ``2025-06-09`` -> ``2025-06-09``;
- ``februari 2022`` (also after sinds, eind, begin ...) -> ``2022-02``;
- a month without a year -> its latest occurrence not after publication;
- a year in context (in 2023, van 2022) -> ``2023``;
- a weekday -> the latest such day not after publication when the day is known,
  otherwise the publication month;
- relative phrases shift the publication date by days, weeks, months or years, at the
  precision the unit gives (a month shift yields ``YYYY-MM``);
- a counted span before an *ago* word (``drie maanden geleden``, ``two weeks ago``) shifts it back
  by that span, at the same precisions;
- a weekday after a *next* word (``komende zaterdag``, ``next Friday``) is the first such day
  after publication.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import yaml

LANG_DIR = Path(__file__).resolve().parents[2] / "lang"


@dataclass(frozen=True)
class DateMention:
    """A resolved date expression: ``text[start:end]`` and its value (``YYYY[-MM[-DD]]``)."""

    start: int
    end: int
    value: str


def parse_published(value: str | None) -> tuple[date | None, int]:
    """The publication date and its precision (0 none, 1 year, 2 month, 3 day)."""
    if not value:
        return None, 0
    parts = [int(p) for p in re.findall(r"\d+", value)[:3]]
    if not parts:
        return None, 0
    precision = len(parts)
    parts += [1] * (3 - len(parts))
    try:
        return date(parts[0], parts[1], parts[2]), precision
    except ValueError:
        return None, 0


def shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


class DateResolver:
    """Finds and resolves date expressions in text for one language.

    Args:
        language (str): ISO 639-1 code with ``powermap/lang/<code>/dates.yaml``.
    """

    def __init__(self, language: str) -> None:
        path = LANG_DIR / language / "dates.yaml"
        if not path.exists():
            path = LANG_DIR / "en" / "dates.yaml"
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        self.months: dict[str, int] = {k.lower(): int(v) for k, v in (data.get("months") or {}).items()}
        self.weekdays: dict[str, int] = {k.lower(): int(v) for k, v in (data.get("weekdays") or {}).items()}
        self.relative: dict[str, tuple[str, int]] = {
            k.lower(): (v[0], int(v[1])) for k, v in (data.get("relative") or {}).items()
        }
        month_alt = "|".join(sorted(map(re.escape, self.months), key=len, reverse=True))
        joiners = "|".join(map(re.escape, data.get("day_joiners") or ["-"]))
        self.re_iso = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
        self.re_day_month = re.compile(
            rf"\b(\d{{1,2}})(?:\s*(?:{joiners})\s*\d{{1,2}})?\.?\s+({month_alt})\.?(?:\s+(\d{{4}}))?\b",
            re.IGNORECASE,
        )
        self.re_month_day = re.compile(rf"\b({month_alt})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
        self.re_month_year = re.compile(rf"\b({month_alt})\s+(?:of\s+)?(\d{{4}})\b", re.IGNORECASE)
        full_months = [m for m in self.months if not any(o != m and o.startswith(m) for o in self.months)]
        prefixes = "|".join(sorted(map(re.escape, data.get("prefixes") or ["in"]), key=len, reverse=True))
        self.re_month = re.compile(
            rf"\b(?:{prefixes})\s+({'|'.join(sorted(map(re.escape, full_months), key=len, reverse=True))})\b",
            re.IGNORECASE,
        )
        self.re_year = re.compile(r"(?<![\d.,])\b(1[89]\d{2}|20\d{2})\b(?![.,]?\d)")
        rel_alt = "|".join(sorted(map(re.escape, self.relative), key=len, reverse=True))
        self.re_relative = re.compile(rf"\b({rel_alt})\b", re.IGNORECASE) if rel_alt else None
        wd_alt = "|".join(sorted(map(re.escape, self.weekdays), key=len, reverse=True))
        self.re_weekday = re.compile(rf"\b({wd_alt})\b", re.IGNORECASE) if wd_alt else None
        self.next_words = {str(w).lower() for w in data.get("next_words") or []}
        self.units: dict[str, str] = {str(k).lower(): str(v) for k, v in (data.get("units") or {}).items()}
        self.counts: dict[str, float] = {str(k).lower(): float(v) for k, v in (data.get("count_words") or {}).items()}
        ago = "|".join(map(re.escape, data.get("ago_words") or []))
        count_alt = "|".join(sorted(map(re.escape, self.counts), key=len, reverse=True))
        unit_alt = "|".join(sorted(map(re.escape, self.units), key=len, reverse=True))
        self.re_ago = (
            re.compile(rf"\b(\d{{1,3}}|{count_alt})\s+({unit_alt})\s+(?:{ago})\b", re.IGNORECASE)
            if ago and unit_alt
            else None
        )

    def find(self, text: str, published: str | None) -> list[DateMention]:
        """Every date expression in ``text`` with its resolved value, in text order."""
        pub, precision = parse_published(published)
        found: list[DateMention] = []
        taken: list[tuple[int, int]] = []

        def add(start: int, end: int, value: str | None) -> None:
            if value and not any(s < end and start < e for s, e in taken):
                taken.append((start, end))
                found.append(DateMention(start, end, value))

        for m in self.re_iso.finditer(text):
            add(m.start(), m.end(), m.group(0))
        for m in self.re_day_month.finditer(text):
            month, day = self.months[m.group(2).lower()], int(m.group(1))
            year = int(m.group(3)) if m.group(3) else self._year_for(month, pub)
            if year and 1 <= day <= 31:
                add(m.start(), m.end(), f"{year:04d}-{month:02d}-{day:02d}")
        for m in self.re_month_day.finditer(text):
            month, day, year = self.months[m.group(1).lower()], int(m.group(2)), int(m.group(3))
            if 1 <= day <= 31:
                add(m.start(), m.end(), f"{year:04d}-{month:02d}-{day:02d}")
        for m in self.re_month_year.finditer(text):
            add(m.start(), m.end(), f"{int(m.group(2)):04d}-{self.months[m.group(1).lower()]:02d}")
        if self.re_ago is not None and pub is not None:
            for m in self.re_ago.finditer(text):
                add(m.start(), m.end(), self._ago(m.group(1).lower(), self.units[m.group(2).lower()], pub, precision))
        if self.re_relative is not None and pub is not None:
            for m in self.re_relative.finditer(text):
                add(m.start(), m.end(), self._relative_value(m.group(1).lower(), pub, precision))
        for m in self.re_month.finditer(text):
            month = self.months[m.group(1).lower()]
            year = self._year_for(month, pub)
            if year:
                add(m.start(1), m.end(), f"{year:04d}-{month:02d}")
        for m in self.re_year.finditer(text):
            add(m.start(), m.end(), m.group(1))
        if self.re_weekday is not None and pub is not None:
            for m in self.re_weekday.finditer(text):
                before = text[: m.start()].split()
                ahead = bool(before) and before[-1].lower() in self.next_words
                add(m.start(), m.end(), self._weekday(self.weekdays[m.group(1).lower()], pub, precision, ahead))
        return sorted(found, key=lambda d: d.start)

    @staticmethod
    def _year_for(month: int, pub: date | None) -> int | None:
        if pub is None:
            return None
        return pub.year if month <= pub.month else pub.year - 1

    def _relative_value(self, phrase: str, pub: date, precision: int) -> str | None:
        unit, offset = self.relative[phrase]
        if unit == "year":
            return f"{pub.year + offset:04d}"
        if unit == "month":
            year, month = shift_month(pub.year, pub.month, offset)
            return f"{year:04d}-{month:02d}"
        if precision < 3:
            return f"{pub.year:04d}-{pub.month:02d}" if precision == 2 else None
        day = pub + timedelta(days=offset * (7 if unit == "week" else 1))
        return day.isoformat() if unit == "day" else f"{day.year:04d}-{day.month:02d}"

    def _ago(self, count: str, unit: str, pub: date, precision: int) -> str | None:
        """The date ``count`` units before publication (*drie maanden geleden*)."""
        n = float(count) if count.isdigit() else self.counts.get(count, 0.0)
        if unit in ("day", "week"):
            days = round(n * (7 if unit == "week" else 1))
            if precision < 3:
                return f"{pub.year:04d}-{pub.month:02d}" if precision == 2 else None
            day = pub - timedelta(days=days)
            return day.isoformat() if unit == "day" else f"{day.year:04d}-{day.month:02d}"
        if unit == "month":
            year, month = shift_month(pub.year, pub.month, -round(n))
            return f"{year:04d}-{month:02d}"
        return f"{pub.year - round(n):04d}"

    @staticmethod
    def _weekday(weekday: int, pub: date, precision: int, ahead: bool = False) -> str | None:
        """The latest such weekday not after publication, or with ``ahead`` (*komende zaterdag*)
        the first one after it."""
        if precision < 3:
            return f"{pub.year:04d}-{pub.month:02d}" if precision == 2 else None
        if ahead:
            return (pub + timedelta(days=(weekday - pub.weekday() - 1) % 7 + 1)).isoformat()
        back = (pub.weekday() - weekday) % 7
        return (pub - timedelta(days=back)).isoformat()


@cache
def get_resolver(language: str) -> DateResolver:
    return DateResolver(language)
