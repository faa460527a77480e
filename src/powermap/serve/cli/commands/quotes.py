"""``powermap quotes`` and ``powermap claims``: who said what, and which numbers, from the store."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import typer
from rich.table import Column, Table

from powermap.extract.claims.numbers import format_value
from powermap.serve.cli.options import JsonOption, StoreOption, open_reader
from powermap.serve.cli.output import err_console, out_console, print_json
from powermap.store import queries


def register(app: typer.Typer) -> None:
    app.command("quotes")(quotes_command)
    app.command("claims")(claims_command)


def quotes_command(
    speaker: str = typer.Option(None, "--speaker", help="Speaker name or actor id (case and accents ignored)."),
    search: str = typer.Option(None, "--search", help="Full-text query on the quoted words (FTS5 syntax)."),
    limit: int = typer.Option(50, help="At most this many quotes."),
    store: Path = StoreOption,
    as_json: bool = JsonOption,
) -> None:
    """List stored quotes, optionally by speaker and by words."""
    try:
        rows = queries.list_quotes(open_reader(store).conn, speaker=speaker, query=search, limit=limit)
    except sqlite3.OperationalError as err:
        err_console.print(f"[red]error:[/red] bad query {search!r}: {err}")
        raise typer.Exit(2) from None
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
    rows = queries.list_claims(open_reader(store).conn, about=about, unit=unit, limit=limit)
    if as_json:
        print_json(rows)
        return
    table = Table("doc", Column("value", justify="right", no_wrap=True), "unit", "text", "about", "period", "source")
    for r in rows:
        table.add_row(
            r["doc_id"][:8],
            format_value(r["value"]),
            r["unit"],
            r["text"],
            r["about"] or "",
            r["period"] or "",
            (r["source"] or "")[:40],
        )
    out_console.print(table)
