"""``powermap discourse``: DNA actor-concept networks and discourse coalitions."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import typer

from powermap.serve.cli.commands._analysis import SinceOption, TopEdgesOption, UntilOption, fail, write_export
from powermap.serve.cli.options import JsonOption, QuietOption, StoreOption, open_reader
from powermap.serve.cli.output import note, out_console, print_json, working


def register(app: typer.Typer) -> None:
    app.command("discourse")(discourse_command)


def discourse_command(
    concepts: Path = typer.Option(None, "--concepts", help="Concepts file: one per line, or variant<TAB>canonical."),
    normalization: str = typer.Option("average", "--normalization", help="no, average, jaccard or cosine."),
    since: str = SinceOption,
    until: str = UntilOption,
    export: Path = typer.Option(None, "--export", help="Write FILE (.gexf, .graphml, .csv or .parquet)."),
    top_edges: int = TopEdgesOption,
    store: Path = StoreOption,
    as_json: bool = JsonOption,
    quiet: bool = QuietOption,
) -> None:
    """Congruence and conflict networks of actors over concepts (as DNA builds them) and their coalitions."""
    from rich.table import Table

    from powermap.analyse import periods
    from powermap.analyse.discourse import NORMALIZATIONS, discourse, read_concepts
    from powermap.serve.export.tables import from_dataclasses

    if normalization not in NORMALIZATIONS:
        raise fail(f"--normalization must be one of {', '.join(NORMALIZATIONS)}")
    if concepts is not None and not concepts.is_file():
        raise fail(f"no concepts file {concepts}")
    mapping = read_concepts(concepts) if concepts else None
    conn = open_reader(store).reader()
    with working("building the discourse networks", quiet):
        result = discourse(conn, mapping, normalization, periods.bound(since), periods.bound(until, end=True))  # type: ignore[arg-type]
    if export:
        tables = [from_dataclasses("ties", result.ties), from_dataclasses("affiliation", result.affiliation),
                  from_dataclasses("coalitions", result.coalitions)]  # fmt: skip
        for path in write_export(export, result.to_networkx(), tables, top_edges):
            note(f"wrote {path}", quiet)
    if as_json:
        print_json(dataclasses.asdict(result))
        return
    title = f"{result.statements} statements, {len(result.actors)} actors, {len(result.concepts)} concepts"
    table = Table("coalition", "members", "agrees with", "disagrees with", title=title)
    for c in result.coalitions[:12]:
        agree = ", ".join(k for k, v in c.positions.items() if v >= 0.75)
        disagree = ", ".join(k for k, v in c.positions.items() if v <= 0.25)
        table.add_row(str(c.id), f"{len(c.members)}: {c.label}", agree, disagree)
    out_console.print(table)
