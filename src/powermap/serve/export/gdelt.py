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

import sqlite3
from pathlib import Path

from powermap.analyse.events import as_date, event_day_sql, goldstein_of

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
SELECT e.id, {day} AS day, e.doc_id, e.source, e.target, e.cameo, e.quad_class, e.goldstein, e.negated, e.modality,
       e.plover, e.sentence,
       CASE WHEN instr(d.text, char(10) || char(10)) = 0 OR e.start < instr(d.text, char(10) || char(10))
            THEN 1 ELSE 0 END,
       d.ingested_at, coalesce(d.url, d.path, d.input), coalesce(d.source, d.site),
       a1.code, a1.name, a1.country, a2.code, a2.name, a2.country
FROM events e JOIN documents d ON d.id = e.doc_id
LEFT JOIN actors a1 ON a1.id = e.source LEFT JOIN actors a2 ON a2.id = e.target
WHERE {where} ORDER BY e.id
"""


def gdelt_rows(conn: sqlite3.Connection, include_all: bool = False) -> list[list[object]]:
    """The rows of the GDELT-style table (GDELT columns, then the extra columns), cells as written."""
    columns = _columns(conn, include_all)
    return [list(row) for row in zip(*(columns[name] for name in (*GDELT_COLUMNS, *EXTRA_COLUMNS)), strict=True)]


def _columns(conn: sqlite3.Connection, include_all: bool) -> dict[str, list[str]]:
    """Every output column as a list of cell strings, built a column at a time (no per-row dicts)."""
    where = "1" if include_all else (
        "d.near_duplicate_of IS NULL AND e.negated = 0 AND e.modality = 'asserted' AND day IS NOT NULL"
    )  # fmt: skip
    rows = conn.execute(_SQL.format(day=event_day_sql("e.date", "d.published"), where=where)).fetchall()
    (eid, day, doc_id, source, target, cameo, quad, goldstein, negated, modality, plover, sentence, root,
     added, url, outlet, c1, n1, k1, c2, n2, k2) = zip(*rows, strict=True) if rows else [()] * 22  # fmt: skip
    counts = _copies(conn)
    days = {d: _day_cells(d) for d in set(day)}
    dated = [days[d] for d in day]
    articles = [counts.get(d, (1, None))[0] for d in doc_id]
    stamp = {a: "".join(ch for ch in (a or "")[:19] if ch.isdigit()) for a in set(added)}
    blank = [""] * len(rows)
    out: dict[str, list[str]] = {name: blank for name in GDELT_COLUMNS}
    out.update(
        GLOBALEVENTID=_text(eid),
        SQLDATE=[d[0] for d in dated], MonthYear=[d[1] for d in dated], Year=[d[2] for d in dated],
        FractionDate=[d[3] for d in dated],
        Actor1Code=_clean(c1), Actor1Name=_clean(n1), Actor1CountryCode=_clean(k1),
        Actor2Code=_clean(c2), Actor2Name=_clean(n2), Actor2CountryCode=_clean(k2),
        IsRootEvent=_text(root), EventCode=_clean(cameo),
        EventBaseCode=_clean([c[:3] for c in cameo]), EventRootCode=_clean([c[:2] for c in cameo]),
        QuadClass=_text(quad),
        GoldsteinScale=[str(goldstein_of(c, g)) for c, g in zip(cameo, goldstein, strict=True)],
        NumMentions=_text(articles), NumArticles=_text(articles),
        NumSources=[_sources(counts.get(d), o) for d, o in zip(doc_id, outlet, strict=True)],
        DATEADDED=[stamp[a] for a in added], SOURCEURL=_clean(url),
        pm_doc_id=_clean(doc_id), pm_actor1_id=_clean(source), pm_actor2_id=_clean(target),
        pm_negated=_text(negated), pm_modality=_clean(modality), pm_plover=_clean(plover),
        pm_sentence=[" ".join(v.split()) for v in sentence],
    )  # fmt: skip
    return out


def _copies(conn: sqlite3.Connection) -> dict[str, tuple[int, set[str | None]]]:
    """Original document id -> (1 + its stored near duplicates, the duplicates' outlets)."""
    copies: dict[str, tuple[int, set[str | None]]] = {}
    for original, outlet in conn.execute(
        "SELECT near_duplicate_of, coalesce(source, site) FROM documents WHERE near_duplicate_of IS NOT NULL"
    ):
        count, outlets = copies.get(original, (1, set()))
        copies[original] = (count + 1, outlets | {outlet})
    return copies


def _sources(copies: tuple[int, set[str | None]] | None, outlet: str | None) -> str:
    """NumSources: distinct outlets among the document and its near duplicates (1 when none is known)."""
    outlets = copies[1] if copies else set()
    return str(len({outlet} | outlets) if outlet or outlets else 1)


def _day_cells(day: str | None) -> tuple[str, str, str, str]:
    """SQLDATE, MonthYear, Year and FractionDate of an ISO day ("" for an undated event)."""
    if day is None:
        return "", "", "", ""
    when = as_date(day)
    fraction = round(when.year + (when.timetuple().tm_yday - 1) / 365.0, 4)
    return day.replace("-", ""), day[:4] + day[5:7], str(when.year), str(fraction)


def _text(values) -> list[str]:
    """Numbers as the csv module writes them; None as an empty cell."""
    return ["" if v is None else str(v) for v in values]


def _clean(values) -> list[str]:
    """Whitespace (tabs, newlines) collapsed, so that no value needs quoting; None as an empty cell."""
    cleaned = {v: "" if v is None else " ".join(str(v).split()) for v in set(values)}
    return [cleaned[v] for v in values]


def write_gdelt(conn: sqlite3.Connection, path: Path, include_all: bool = False, header: bool = True) -> Path:
    """Write the table as tab-separated text (GDELT's own files have no header: ``header=False``)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    names = (*GDELT_COLUMNS, *EXTRA_COLUMNS)
    columns = _columns(conn, include_all)
    with path.open("w", encoding="utf-8", newline="") as handle:
        if header:
            handle.write("\t".join(names) + "\n")
        lines = map("\t".join, zip(*(columns[name] for name in names), strict=True))
        handle.writelines(line + "\n" for line in lines)
    return path
