"""``powermap quotes`` and ``powermap claims``: who said what, and which numbers, from the store."""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from pathlib import Path

import typer
from rich.table import Table

from powermap.serve.cli.options import JsonOption, StoreOption, open_reader
from powermap.serve.cli.output import err_console, out_console, print_json


def register(app: typer.Typer) -> None:
    app.command("quotes")(quotes_command)
    app.command("claims")(claims_command)


def fold(text: str | None) -> str:
    """Lower case without accents, for case- and accent-insensitive matching."""
    text = unicodedata.normalize("NFKD", text or "").lower()
    return "".join(c for c in text if not unicodedata.combining(c))


def quotes_command(
    speaker: str = typer.Option(None, "--speaker", help="Speaker name or actor id (case and accents ignored)."),
    search: str = typer.Option(None, "--search", help="Full-text query on the quoted words (FTS5 syntax)."),
    limit: int = typer.Option(50, help="At most this many quotes."),
    store: Path = StoreOption,
    as_json: bool = JsonOption,
) -> None:
    """List stored quotes, optionally by speaker and by words."""
    conn = open_reader(store).reader()
    sql = (
        'SELECT q.doc_id, q.start, q."end", q.text, q.kind, q.cue, q.speaker, a.name AS speaker_name '
        "FROM quotes q LEFT JOIN actors a ON a.id = q.speaker"
    )
    params: list[object] = []
    if search:
        sql += " WHERE q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)"
        params.append(search)
    sql += " ORDER BY q.doc_id, q.start"
    try:
        rows = [
            dict(zip(("doc_id", "start", "end", "text", "kind", "cue", "speaker", "speaker_name"), r, strict=True))
            for r in conn.execute(sql, params)
        ]
    except sqlite3.OperationalError as err:
        err_console.print(f"[red]error:[/red] bad query {search!r}: {err}")
        raise typer.Exit(2) from None
    if speaker:
        want = fold(speaker)
        rows = [
            r
            for r in rows
            if want in (fold(r["speaker"]), fold(r["speaker_name"]))
            or (len(want) >= 3 and want in fold(r["speaker_name"]))
        ]
    rows = rows[:limit]
    if as_json:
        print_json(rows)
        return
    table = Table("doc", "speaker", "kind", "cue", "quote")
    for r in rows:
        table.add_row(r["doc_id"][:8], r["speaker_name"] or r["speaker"] or "-", r["kind"], r["cue"] or "", r["text"])
    out_console.print(table)


def claims_command(
    about: str = typer.Option(None, "--about", help="Words in what the number measures (or in its text)."),
    unit: str = typer.Option(None, "--unit", help="Unit, e.g. USD, EUR, percent, count, months."),
    limit: int = typer.Option(50, help="At most this many claims."),
    store: Path = StoreOption,
    as_json: bool = JsonOption,
) -> None:
    """List stored quantitative claims, optionally by what they measure and by unit."""
    conn = open_reader(store).reader()
    cols = ("doc_id", "start", "end", "text", "value", "unit", "about", "subject", "period", "source")
    sql = 'SELECT doc_id, start, "end", text, value, unit, about, subject, period, source FROM claims'
    params: list[object] = []
    if unit:
        sql += " WHERE lower(unit) = lower(?)"
        params.append(unit)
    sql += " ORDER BY doc_id, start"
    rows = [dict(zip(cols, r, strict=True)) for r in conn.execute(sql, params)]
    for r in rows:
        r["subject"] = json.loads(r["subject"] or "[]")
    if about:
        want = fold(about)
        rows = [r for r in rows if want in fold(r["about"]) or want in fold(r["text"])]
    rows = rows[:limit]
    if as_json:
        print_json(rows)
        return
    table = Table("doc", "value", "unit", "text", "about", "period", "source")
    for r in rows:
        table.add_row(
            r["doc_id"][:8],
            f"{r['value']:g}",
            r["unit"],
            r["text"],
            r["about"] or "",
            r["period"] or "",
            (r["source"] or "")[:40],
        )
    out_console.print(table)
