"""``powermap show``, ``search`` and ``stats``: read what the store holds."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.table import Table

from powermap.serve.cli.options import JsonOption, StoreOption, open_reader
from powermap.serve.cli.output import err_console, out_console, print_json


def register(app: typer.Typer) -> None:
    app.command("show")(show_command)
    app.command("search")(search_command)
    app.command("stats")(stats_command)
    app.command("migrate")(migrate_command)


def show_command(
    doc_id: str = typer.Argument(..., help="Document id (or a unique prefix of 6+ characters)."),
    store: Path = StoreOption,
) -> None:
    """Print a stored document's extraction record as JSON."""
    db = open_reader(store)
    record = db.record(doc_id)
    if record is None:
        err_console.print(f"[red]error:[/red] no stored document {doc_id!r} in {store}")
        raise typer.Exit(1)
    sys.stdout.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")


def search_command(
    query: str = typer.Argument(..., help='Full-text query (SQLite FTS5 syntax: words, "phrases", OR, NEAR).'),
    limit: int = typer.Option(20, help="At most this many documents."),
    store: Path = StoreOption,
    as_json: bool = JsonOption,
) -> None:
    """Find stored documents by their words."""
    import sqlite3

    db = open_reader(store)
    try:
        hits = db.search(query, limit)
    except sqlite3.OperationalError as err:
        err_console.print(f"[red]error:[/red] bad query {query!r}: {err}")
        raise typer.Exit(2) from None
    if as_json:
        print_json(hits)
        return
    table = Table("id", "published", "title", "snippet")
    for hit in hits:
        table.add_row(hit["id"], hit["published"] or "", hit["title"] or "", hit["snippet"])
    out_console.print(table)


def stats_command(store: Path = StoreOption, as_json: bool = JsonOption) -> None:
    """Count what the store holds."""
    db = open_reader(store)
    counts = db.counts()
    if as_json:
        print_json(counts)
        return
    table = Table("table", "rows", title=str(store))
    for name, value in counts.items():
        table.add_row(name, str(value))
    out_console.print(table)


def migrate_command(store: Path = StoreOption) -> None:
    """Bring a store written by an older powermap up to the current schema."""
    from powermap.store import StoreError, open_store
    from powermap.store.migrations import current_version

    try:
        db = open_store(store)
    except (StoreError, RuntimeError) as err:
        err_console.print(f"[red]error:[/red] {err}")
        raise typer.Exit(2) from None
    err_console.print(f"{store}: schema version {current_version(db.conn)}")
