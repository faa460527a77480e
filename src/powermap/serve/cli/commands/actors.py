"""``powermap actors`` and ``powermap actor ID``: the corpus's actors and every mention of one."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import typer
from rich.table import Table

from powermap.serve.cli.options import JsonOption, StoreOption, open_reader
from powermap.serve.cli.output import err_console, out_console, print_json

SNIPPET = 60


def register(app: typer.Typer) -> None:
    app.command("actors")(actors_command)
    app.command("actor")(actor_command)


def list_actors(conn: sqlite3.Connection, type_: str | None = None, limit: int = 50) -> list[dict]:
    """Actors with their mention and document counts, most mentioned first."""
    sql = (
        "SELECT a.id, a.name, a.type, a.country, a.code, a.wikidata, "
        "COUNT(m.actor_id) AS mentions, COUNT(DISTINCT m.doc_id) AS documents "
        "FROM actors a LEFT JOIN mentions m ON m.actor_id = a.id"
    )
    params: list[object] = []
    if type_:
        sql += " WHERE a.type = ?"
        params.append(type_)
    sql += " GROUP BY a.id HAVING mentions > 0 ORDER BY mentions DESC, a.name LIMIT ?"
    params.append(limit)
    keys = ("id", "name", "type", "country", "code", "wikidata", "mentions", "documents")
    return [dict(zip(keys, row, strict=True)) for row in conn.execute(sql, params)]


def actor_mentions(conn: sqlite3.Connection, actor_id: str, width: int = SNIPPET) -> list[dict]:
    """Every stored mention of ``actor_id`` with the text around it."""
    sql = (
        'SELECT m.doc_id, m.start, m."end", m.text, d.path, d.published, '
        'substr(d.text, max(1, m.start + 1 - ?), m."end" - m.start + 2 * ?) AS around, '
        "max(0, m.start - ?) AS around_start "
        "FROM mentions m JOIN documents d ON d.id = m.doc_id WHERE m.actor_id = ? "
        "ORDER BY d.published, m.doc_id, m.start"
    )
    out = []
    for doc_id, start, end, text, path, published, around, a0 in conn.execute(sql, (width, width, width, actor_id)):
        snippet = " ".join((around or "").split())
        out.append(
            {"doc_id": doc_id, "path": path, "published": published, "start": start, "end": end,
             "text": text, "snippet": snippet, "snippet_start": a0}
        )  # fmt: skip
    return out


def find_actor(conn: sqlite3.Connection, query: str) -> dict | None:
    """The actor with id ``query``, else the one whose name is ``query`` (case-insensitive)."""
    row = conn.execute(
        "SELECT id, name, type, country, code, wikidata, role FROM actors WHERE id = ? "
        "UNION ALL SELECT id, name, type, country, code, wikidata, role FROM actors "
        "WHERE lower(name) = lower(?) LIMIT 1",
        (query, query),
    ).fetchone()
    if row is None:
        return None
    return dict(zip(("id", "name", "type", "country", "code", "wikidata", "role"), row, strict=True))


def actors_command(
    type_: str = typer.Option(None, "--type", help="Only this type: person, state, organisation, ..."),
    limit: int = typer.Option(50, "--limit", help="At most this many actors."),
    store: Path = StoreOption,
    as_json: bool = JsonOption,
) -> None:
    """List the corpus's actors with mention and document counts."""
    conn = open_reader(store).reader()
    rows = list_actors(conn, type_, limit)
    if as_json:
        print_json(rows)
        return
    table = Table("id", "name", "type", "country", "mentions", "documents")
    for r in rows:
        table.add_row(r["id"], r["name"], r["type"], r["country"] or "", str(r["mentions"]), str(r["documents"]))
    out_console.print(table)


def actor_command(
    actor: str = typer.Argument(..., help="Actor id (e.g. vladimir_putin) or exact name."),
    limit: int = typer.Option(200, "--limit", help="At most this many mentions."),
    store: Path = StoreOption,
    as_json: bool = JsonOption,
) -> None:
    """List every mention of one actor in the corpus, with the text around it."""
    conn = open_reader(store).reader()
    found = find_actor(conn, actor)
    if found is None:
        err_console.print(f"[red]error:[/red] no actor {actor!r} in {store}")
        raise typer.Exit(1)
    rows = actor_mentions(conn, found["id"])[:limit]
    if as_json:
        print_json({"actor": found, "mentions": rows})
        return
    title = f"{found['name']} ({found['id']}, {found['type']}): {len(rows)} mentions"
    table = Table("doc", "published", "offsets", "mention", "context", title=title)
    for r in rows:
        table.add_row(r["doc_id"][:8], r["published"] or "", f"{r['start']}-{r['end']}", r["text"], r["snippet"])
    out_console.print(table)
