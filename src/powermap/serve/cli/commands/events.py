"""``powermap events`` and ``powermap stances``: query coded events and stances in the store
(``powermap concepts`` is in ``concepts.py``)."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from powermap.serve.cli.options import JsonOption, StoreOption, open_reader
from powermap.serve.cli.output import err_console, out_console, print_json
from powermap.store.queries import query_events, query_stances


def register(app: typer.Typer) -> None:
    app.command("events")(events_command)
    app.command("stances")(stances_command)


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
