"""GDELT 2.0 event table: tab-separated, no header, exactly GDELT's 61 event columns in GDELT's order.

A reader of GDELT's ``*.export.CSV`` files reads it as it reads GDELT (pandas:
``read_csv(path, sep="\\t", header=None, names=GDELT_COLUMNS)``). Columns powermap fills:
GLOBALEVENTID (the store's event id), SQLDATE, MonthYear, Year, FractionDate (from the event's
date, see ``analyse.events``), Actor1Code / Actor2Code and their CountryCode and Type1-3Code
(CAMEO actor codes, see ``actor_codes``), Actor1Name / Actor2Name, IsRootEvent (1 when the
event is in the document's first paragraph), EventCode, EventBaseCode (first three digits),
EventRootCode, QuadClass, GoldsteinScale, NumMentions / NumArticles (1 + the document's
stored near duplicates), NumSources (distinct outlets among them), DATEADDED (ingest time,
YYYYMMDDHHMMSS) and SOURCEURL (URL, else path, else input). The rest (tone, geography, known
group, ethnic and religion codes) stay empty. No value needs quoting: tabs and newlines
collapse to a space and double quotes become single quotes.

powermap's own columns go to a second file, a CSV keyed by ``GLOBALEVENTID`` (``EXTRA_COLUMNS``,
with a CSVW sidecar): the document and actor ids, negation, modality, PLOVER code and the
sentence as stored.

By default only the events that count in the analyses are written (asserted, not
negated, not from a near duplicate, dated); ``include_all`` writes every event.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from powermap.analyse.events import as_date, event_day_sql, goldstein_of
from powermap.serve.export.actor_codes import ActorCoder

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
    "GLOBALEVENTID", "pm_doc_id", "pm_actor1_id", "pm_actor2_id", "pm_negated", "pm_modality", "pm_plover",
    "pm_sentence",
)  # fmt: skip


_SQL = """
SELECT e.id, {day} AS day, e.doc_id, e.source, e.target, e.cameo, e.quad_class, e.goldstein, e.negated, e.modality,
       e.plover, e.sentence,
       CASE WHEN instr(d.text, char(10) || char(10)) = 0 OR e.start < instr(d.text, char(10) || char(10))
            THEN 1 ELSE 0 END,
       d.ingested_at, coalesce(d.url, d.path, d.input), coalesce(d.source, d.site),
       a1.code, a1.name, a1.country, a1.type, a1.role, a2.code, a2.name, a2.country, a2.type, a2.role
FROM events e JOIN documents d ON d.id = e.doc_id
LEFT JOIN actors a1 ON a1.id = e.source LEFT JOIN actors a2 ON a2.id = e.target
WHERE {where} ORDER BY e.id
"""


def gdelt_rows(conn: sqlite3.Connection, include_all: bool = False) -> list[list[str]]:
    """The rows of the GDELT table (61 cells each), as written."""
    columns, _ = _columns(conn, include_all)
    return [list(row) for row in zip(*(columns[name] for name in GDELT_COLUMNS), strict=True)]


def _columns(conn: sqlite3.Connection, include_all: bool) -> tuple[dict[str, list[str]], dict[str, list]]:
    """The GDELT columns as lists of cell strings and the extra columns as values, a column at a time."""
    where = "1" if include_all else (
        "d.near_duplicate_of IS NULL AND e.negated = 0 AND e.modality = 'asserted' AND day IS NOT NULL"
    )  # fmt: skip
    query = _SQL.format(day=event_day_sql("e.date", "d.published"), where=where)
    rows = conn.execute(query).fetchall()
    (eid, day, doc_id, source, target, cameo, quad, goldstein, negated, modality, plover, sentence, root,
     added, url, outlet, c1, n1, k1, t1, r1, c2, n2, k2, t2, r2) = (
        zip(*rows, strict=True) if rows else [()] * 26)  # fmt: skip
    counts = _copies(conn)
    days = {d: _day_cells(d) for d in set(day)}
    dated = [days[d] for d in day]
    articles = [counts.get(d, (1, None))[0] for d in doc_id]
    stamp = {a: "".join(ch for ch in (a or "")[:19] if ch.isdigit()) for a in set(added)}
    blank = [""] * len(rows)
    out: dict[str, list[str]] = {name: blank for name in GDELT_COLUMNS}
    coder = ActorCoder()
    for n, ids, codes, types, countries, roles in ((1, source, c1, t1, k1, r1), (2, target, c2, t2, k2, r2)):
        coded = [
            coder.code(*actor, as_date(d))
            for actor, d in zip(zip(ids, codes, types, countries, roles, strict=True), day, strict=True)
        ]
        out[f"Actor{n}Code"] = [c.code if c else "" for c in coded]
        out[f"Actor{n}CountryCode"] = [
            (c.country if c else "") or (k or "") for c, k in zip(coded, countries, strict=True)
        ]
        for i in range(3):
            out[f"Actor{n}Type{i + 1}Code"] = [c.types[i] if c else "" for c in coded]
    out.update(
        GLOBALEVENTID=_text(eid),
        SQLDATE=[d[0] for d in dated], MonthYear=[d[1] for d in dated], Year=[d[2] for d in dated],
        FractionDate=[d[3] for d in dated],
        Actor1Name=_clean(n1), Actor2Name=_clean(n2),
        IsRootEvent=_text(root), EventCode=_clean(cameo),
        EventBaseCode=_clean([c[:3] for c in cameo]), EventRootCode=_clean([c[:2] for c in cameo]),
        QuadClass=_text(quad),
        GoldsteinScale=[str(goldstein_of(c, g)) for c, g in zip(cameo, goldstein, strict=True)],
        NumMentions=_text(articles), NumArticles=_text(articles),
        NumSources=[_sources(counts.get(d), o) for d, o in zip(doc_id, outlet, strict=True)],
        DATEADDED=[stamp[a] for a in added], SOURCEURL=_clean(url),
    )  # fmt: skip
    extra = {
        "GLOBALEVENTID": list(eid), "pm_doc_id": list(doc_id), "pm_actor1_id": list(source),
        "pm_actor2_id": list(target), "pm_negated": [bool(v) for v in negated], "pm_modality": list(modality),
        "pm_plover": list(plover), "pm_sentence": list(sentence),
    }  # fmt: skip
    return out, extra


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
    when = date.fromisoformat(day)
    fraction = round(when.year + (when.timetuple().tm_yday - 1) / 365.0, 4)
    return day.replace("-", ""), day[:4] + day[5:7], str(when.year), str(fraction)


def _text(values) -> list[str]:
    """Numbers as the csv module writes them; None as an empty cell."""
    return ["" if v is None else str(v) for v in values]


def _clean(values) -> list[str]:
    """Whitespace (tabs, newlines) collapsed and double quotes made single, so that no value needs quoting."""
    cleaned = {v: "" if v is None else " ".join(str(v).replace('"', "'").split()) for v in set(values)}
    return [cleaned[v] for v in values]


def extra_path(path: Path) -> Path:
    """Where the extra columns of the GDELT file at ``path`` go: ``events.gdelt.tsv`` -> ``events.gdelt.extra.csv``."""
    return path.with_name(path.stem + ".extra.csv")


def write_gdelt(conn: sqlite3.Connection, path: Path, include_all: bool = False) -> list[Path]:
    """Write the GDELT table at ``path`` (tab-separated, no header) and the extra columns beside it (CSV)."""
    from powermap.serve.export.csvfile import write_csv
    from powermap.serve.export.tables import Table

    path.parent.mkdir(parents=True, exist_ok=True)
    columns, extra = _columns(conn, include_all)
    with path.open("w", encoding="utf-8", newline="") as handle:
        lines = map("\t".join, zip(*(columns[name] for name in GDELT_COLUMNS), strict=True))
        handle.writelines(line + "\n" for line in lines)
    rows = list(zip(*(extra[name] for name in EXTRA_COLUMNS), strict=True))
    return [path, write_csv(Table("gdelt_extra", list(EXTRA_COLUMNS), rows), extra_path(path))]
