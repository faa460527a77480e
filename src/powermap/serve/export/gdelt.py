"""GDELT-2.0-style event table: tab-separated, GDELT's 61 event columns in GDELT's order, then powermap's own.

Columns GDELT has and powermap can fill: GLOBALEVENTID (the store's event id), SQLDATE,
MonthYear, Year, FractionDate (from the event's date, see ``analyse.events``), Actor1Code /
Actor2Code (the actor's CAMEO code), Actor1Name / Actor2Name, Actor1CountryCode /
Actor2CountryCode (ISO 3166-1 alpha-3, which CAMEO country codes follow), IsRootEvent (1
when the event is in the document's first paragraph), EventCode, EventBaseCode (first three
digits), EventRootCode, QuadClass, GoldsteinScale, NumMentions / NumArticles (1 + the
document's stored near duplicates), NumSources (distinct outlets among them), DATEADDED
(ingest time, YYYYMMDDHHMMSS) and SOURCEURL (URL, else path, else input). The rest (tone,
geography, ethnic/religion/type codes) stay empty. Extra columns, after GDELT's:
``pm_doc_id``, ``pm_actor1_id``, ``pm_actor2_id``, ``pm_negated``, ``pm_modality``,
``pm_plover``, ``pm_sentence``; a GDELT reader that takes the first 61 columns by position
reads the file as GDELT.

By default only the events that count in the analyses are written (asserted, not
negated, not from a near duplicate, dated); ``include_all`` writes every event.
"""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

from powermap.analyse.events import event_day, goldstein_of

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{c}" for n in (1, 2) for c in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{g}_{c}" for g in ("Actor1Geo", "Actor2Geo", "ActionGeo") for c in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip
EXTRA_COLUMNS: tuple[str, ...] = (
    "pm_doc_id", "pm_actor1_id", "pm_actor2_id", "pm_negated", "pm_modality", "pm_plover", "pm_sentence",
)  # fmt: skip

_INDEX = {name: i for i, name in enumerate(GDELT_COLUMNS)}
_BLANK: tuple[object, ...] = ("",) * len(GDELT_COLUMNS)

_SQL = """
SELECT e.id, e.doc_id, e.source, e.target, e.cameo, e.quad_class, e.goldstein, e.negated, e.modality, e.plover,
       e.sentence, e.start, e.date, d.published, d.ingested_at, coalesce(d.url, d.path, d.input),
       coalesce(d.source, d.site), nullif(instr(d.text, char(10) || char(10)), 0),
       a1.code, a1.name, a1.country, a2.code, a2.name, a2.country
FROM events e JOIN documents d ON d.id = e.doc_id
LEFT JOIN actors a1 ON a1.id = e.source LEFT JOIN actors a2 ON a2.id = e.target
WHERE {where} ORDER BY e.id
"""


def gdelt_rows(conn: sqlite3.Connection, include_all: bool = False) -> list[list[object]]:
    """The rows of the GDELT-style table (GDELT columns, then the extra columns)."""
    where = "1" if include_all else "d.near_duplicate_of IS NULL AND e.negated = 0 AND e.modality = 'asserted'"
    copies: dict[str, tuple[int, set[str]]] = {}
    for original, outlet in conn.execute(
        "SELECT near_duplicate_of, coalesce(source, site) FROM documents WHERE near_duplicate_of IS NOT NULL"
    ):
        count, outlets = copies.get(original, (0, set()))
        copies[original] = (count + 1, outlets | {outlet})
    rows = []
    for r in conn.execute(_SQL.format(where=where)):
        (eid, doc_id, source, target, cameo, quad, goldstein, negated, modality, plover, sentence, start,
         edate, published, added, url, outlet, lead_end, c1, n1, k1, c2, n2, k2) = r  # fmt: skip
        day = event_day(edate, published)
        if day is None and not include_all:
            continue
        extra_articles, outlets = copies.get(doc_id, (0, set()))
        articles = 1 + extra_articles
        sources = len({outlet} | outlets) if outlet or outlets else 1
        fraction = round(day.year + (day.timetuple().tm_yday - 1) / 365.0, 4) if day else ""
        row = list(_BLANK)
        for column, value in (
            ("GLOBALEVENTID", eid),
            ("SQLDATE", day.strftime("%Y%m%d") if day else ""),
            ("MonthYear", day.strftime("%Y%m") if day else ""),
            ("Year", day.year if day else ""),
            ("FractionDate", fraction),
            ("Actor1Code", c1 or ""), ("Actor1Name", n1 or ""), ("Actor1CountryCode", k1 or ""),
            ("Actor2Code", c2 or ""), ("Actor2Name", n2 or ""), ("Actor2CountryCode", k2 or ""),
            ("IsRootEvent", int(lead_end is None or start < lead_end)),
            ("EventCode", cameo), ("EventBaseCode", cameo[:3]), ("EventRootCode", cameo[:2]),
            ("QuadClass", quad if quad is not None else ""),
            ("GoldsteinScale", goldstein_of(cameo, goldstein)),
            ("NumMentions", articles), ("NumSources", sources), ("NumArticles", articles),
            ("DATEADDED", "".join(ch for ch in (added or "")[:19] if ch.isdigit())),
            ("SOURCEURL", url or ""),
        ):  # fmt: skip
            row[_INDEX[column]] = value
        extra = [doc_id, source or "", target or "", int(negated), modality, plover or "", " ".join(sentence.split())]
        rows.append(row + extra)
    return rows


def write_gdelt(conn: sqlite3.Connection, path: Path, include_all: bool = False, header: bool = True) -> Path:
    """Write the table as tab-separated text (GDELT's own files have no header: ``header=False``)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", quoting=csv.QUOTE_NONE, quotechar=None, lineterminator="\n")
        if header:
            writer.writerow([*GDELT_COLUMNS, *EXTRA_COLUMNS])
        writer.writerows([_clean(v) for v in row] for row in gdelt_rows(conn, include_all))
    return path


def _clean(value: object) -> object:
    """Whitespace (tabs, newlines) collapsed, so that no value needs quoting in a GDELT-style file."""
    return " ".join(value.split()) if isinstance(value, str) else value
