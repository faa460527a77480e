"""``powermap events``, ``powermap stances`` and ``powermap concepts``: query coded events and
stances in the store, and propose concepts for a corpus."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import typer
from rich.table import Table

from powermap.serve.cli.options import JsonOption, StoreOption, open_reader
from powermap.serve.cli.output import err_console, out_console, print_json

ACTOR_MATCH = "(a.id = ? OR lower(a.name) = lower(?) OR a.code = ? OR lower(a.name) LIKE lower(?))"


def register(app: typer.Typer) -> None:
    app.command("events")(events_command)
    app.command("stances")(stances_command)
    app.command("concepts")(concepts_command)


def query_events(
    conn: sqlite3.Connection,
    source: str | None = None,
    target: str | None = None,
    cameo: str | None = None,
    since: str | None = None,
    limit: int = 100,
) -> list[dict]:
    """Stored events filtered by source/target (actor id, name or CAMEO actor code; a target
    also matches the event's coordinated ``other_targets``), CAMEO code prefix and earliest date."""
    sql = (
        'SELECT e.doc_id, e.start, e."end", e.source, s.name, e.target, t.name, e.cameo, e.plover, '
        "e.goldstein, e.negated, e.modality, e.reported, e.other_targets, e.date, e.sentence FROM events e "
        "LEFT JOIN actors s ON s.id = e.source LEFT JOIN actors t ON t.id = e.target WHERE 1=1"
    )
    params: list[object] = []
    if source:
        sql += f" AND e.source IN (SELECT a.id FROM actors a WHERE {ACTOR_MATCH})"
        params += [source, source, source.upper(), f"%{source}%"]
    if target:
        sql += (
            f" AND (e.target IN (SELECT a.id FROM actors a WHERE {ACTOR_MATCH}) OR EXISTS (SELECT 1 FROM "
            f"json_each(e.other_targets) j WHERE j.value IN (SELECT a.id FROM actors a WHERE {ACTOR_MATCH})))"
        )
        params += [target, target, target.upper(), f"%{target}%"] * 2
    if cameo:
        sql += " AND e.cameo LIKE ?"
        params.append(f"{cameo}%")
    if since:
        sql += " AND e.date >= ?"
        params.append(since)
    sql += " ORDER BY e.date, e.doc_id, e.start LIMIT ?"
    params.append(limit)
    keys = ("doc_id", "start", "end", "source", "source_name", "target", "target_name", "cameo", "plover",
            "goldstein", "negated", "modality", "reported", "other_targets", "date", "sentence")  # fmt: skip
    rows = [dict(zip(keys, row, strict=True)) for row in conn.execute(sql, params)]
    for row in rows:
        row["negated"] = bool(row["negated"])
        row["reported"] = bool(row["reported"])
        row["other_targets"] = json.loads(row["other_targets"]) if row["other_targets"] else []
    return rows


def query_stances(
    conn: sqlite3.Connection, actor: str | None = None, concept: str | None = None, limit: int = 100
) -> list[dict]:
    """Stored stances filtered by actor (id or name) and concept (substring)."""
    sql = (
        'SELECT st.doc_id, st.start, st."end", st.actor, a.name, st.concept, st.agree, st.evidence '
        "FROM stances st LEFT JOIN actors a ON a.id = st.actor WHERE 1=1"
    )
    params: list[object] = []
    if actor:
        sql += f" AND st.actor IN (SELECT a.id FROM actors a WHERE {ACTOR_MATCH})"
        params += [actor, actor, actor.upper(), f"%{actor}%"]
    if concept:
        sql += " AND lower(st.concept) LIKE lower(?)"
        params.append(f"%{concept}%")
    sql += " ORDER BY st.concept, st.actor LIMIT ?"
    params.append(limit)
    keys = ("doc_id", "start", "end", "actor", "actor_name", "concept", "agree", "evidence")
    rows = [dict(zip(keys, row, strict=True)) for row in conn.execute(sql, params)]
    for row in rows:
        row["agree"] = bool(row["agree"])
    return rows


def events_command(
    source: str = typer.Option(None, "--source", help="Source actor: id, name or CAMEO actor code."),
    target: str = typer.Option(None, "--target", help="Target actor: id, name or CAMEO actor code."),
    cameo: str = typer.Option(None, "--cameo", help="CAMEO code or root prefix, e.g. 16 or 163."),
    since: str = typer.Option(None, "--since", help="Earliest event date, YYYY[-MM[-DD]]."),
    limit: int = typer.Option(100, "--limit", help="Most rows to print."),
    store: Path = StoreOption,
    json_: bool = JsonOption,
) -> None:
    """Coded events in the store (who did what to whom, CAMEO and PLOVER)."""
    with open_reader(store) as st:
        rows = query_events(st.reader(), source, target, cameo, since, limit)
    if json_:
        print_json(rows)
        return
    if not rows:
        err_console.print("no events match")
        return
    table = Table("date", "source", "cameo", "plover", "target", "mod", "sentence")
    for r in rows:
        code = ("not " if r["negated"] else "") + r["cameo"]
        target = (r["target_name"] or r["target"] or "") + "".join(f", {t}" for t in r["other_targets"])
        mod = r["modality"] + (" (reported)" if r["reported"] else "")
        table.add_row(r["date"] or "", r["source_name"] or r["source"] or "", code, r["plover"] or "",
                      target, mod, r["sentence"][:80])  # fmt: skip
    out_console.print(table)


def stances_command(
    actor: str = typer.Option(None, "--actor", help="Actor id or name."),
    concept: str = typer.Option(None, "--concept", help="Concept label (substring)."),
    limit: int = typer.Option(100, "--limit", help="Most rows to print."),
    store: Path = StoreOption,
    json_: bool = JsonOption,
) -> None:
    """Stances in the store: which actor agrees or disagrees with which concept."""
    with open_reader(store) as st:
        rows = query_stances(st.reader(), actor, concept, limit)
    if json_:
        print_json(rows)
        return
    if not rows:
        err_console.print("no stances match")
        return
    table = Table("actor", "concept", "agree", "evidence")
    for r in rows:
        table.add_row(r["actor_name"] or r["actor"], r["concept"], "yes" if r["agree"] else "no", r["evidence"][:90])
    out_console.print(table)


def concepts_command(
    propose: bool = typer.Option(False, "--propose", help="Propose concepts from the stored documents."),
    language: str = typer.Option(None, "--language", help="Only documents in this language."),
    limit: int = typer.Option(30, "--limit", help="How many concepts to propose."),
    min_docs: int = typer.Option(2, "--min-docs", help="Documents a phrase must occur in."),
    store: Path = StoreOption,
    json_: bool = JsonOption,
) -> None:
    """The concept list stances use, or (--propose) candidate concepts mined from the corpus."""
    if not propose:
        from powermap.extract.stances import load_concepts

        rows = [{"label": c.label, "terms": c.terms, "with": c.with_} for c in load_concepts()]
        if json_:
            print_json(rows)
        else:
            for row in rows:
                out_console.print(row["label"])
        return
    from powermap.annotate import get_annotator
    from powermap.extract.stances import propose_concepts

    with open_reader(store) as st:
        sql = "SELECT text, language FROM documents" + (" WHERE language = ?" if language else "")
        docs = list(st.reader().execute(sql, [language] if language else []))
    if not docs:
        err_console.print("no documents in the store")
        raise typer.Exit(1)
    lang = language or docs[0][1] or "en"
    annotator = get_annotator(lang)
    ranked = propose_concepts((annotator(text) for text, _ in docs), limit=limit, min_docs=min_docs)
    if json_:
        print_json([{"concept": phrase, "score": score} for phrase, score in ranked])
        return
    table = Table("concept", "tf-idf")
    for phrase, score in ranked:
        table.add_row(phrase, f"{score:.3f}")
    out_console.print(table)
