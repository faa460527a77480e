"""``powermap actors`` and ``powermap actor ID``: the corpus's actors and every mention of one."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table

from powermap.serve.cli.options import JsonOption, StoreOption, open_reader
from powermap.serve.cli.output import err_console, out_console, print_json
from powermap.store import queries

SNIPPET = 60


def register(app: typer.Typer) -> None:
    app.command("actors")(actors_command)
    app.command("actor")(actor_command)


def actors_command(
    type_: str = typer.Option(None, "--type", help="Only this type: person, state, organisation, ..."),
    limit: int = typer.Option(50, "--limit", help="At most this many actors."),
    store: Path = StoreOption,
    as_json: bool = JsonOption,
) -> None:
    """List the corpus's actors with mention and document counts."""
    rows = queries.list_actors(open_reader(store).conn, type_, limit=limit)
    if as_json:
        print_json(rows)
        return
    table = Table("id", "name", "type", "country", "mentions", "documents")
    for r in rows:
        table.add_row(r["id"], r["name"], r["type"], r["country"] or "", str(r["mentions"]), str(r["documents"]))
    out_console.print(table)


def actor_command(
    actor: str = typer.Argument(
        ..., help="Actor id (vladimir_putin), CAMEO or ISO code (RUS, RUSGOV), name or alias (Poetin)."
    ),
    limit: int = typer.Option(200, "--limit", help="At most this many mentions."),
    store: Path = StoreOption,
    as_json: bool = JsonOption,
) -> None:
    """List every mention of one actor in the corpus, with the text around it."""
    conn = open_reader(store).conn
    try:
        found = queries.find_actor(conn, actor)
    except queries.AmbiguousActor as err:
        err_console.print(f"[red]error:[/red] {escape(str(err))}")
        raise typer.Exit(1) from None
    if found is None:
        err_console.print(f"[red]error:[/red] no actor {actor!r} in {store}")
        raise typer.Exit(1)
    rows = queries.actor_mentions(conn, found["id"], width=SNIPPET, limit=limit)
    for row in rows:
        row["snippet"] = " ".join(row["context"].split())
    if as_json:
        print_json({"actor": found, "mentions": rows})
        return
    title = f"{found['name']} ({found['id']}, {found['type']}): {len(rows)} mentions"
    table = Table("doc", "published", "offsets", "mention", "context", title=title)
    for r in rows:
        table.add_row(r["doc_id"][:8], r["published"] or "", f"{r['start']}-{r['end']}", r["text"], r["snippet"])
    out_console.print(table)
