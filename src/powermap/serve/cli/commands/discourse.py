"""``powermap discourse``: DNA actor-concept networks and discourse coalitions."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import typer

from powermap.serve.cli.commands._analysis import SinceOption, TopEdgesOption, UntilOption, fail, write_export
from powermap.serve.cli.commands.concepts import ConceptFileOption, load_concept_file
from powermap.serve.cli.options import JsonOption, QuietOption, StoreOption, open_reader
from powermap.serve.cli.output import note, out_console, print_json, working


def register(app: typer.Typer) -> None:
    app.command("discourse")(discourse_command)


def discourse_command(
    concepts: Path = typer.Option(None, "--concepts", help="Concepts file: one per line, or variant<TAB>canonical."),
    group: str = typer.Option("meaning", "--group", help="meaning: concepts found by meaning; label: as extracted."),
    concept_file: Path = ConceptFileOption,
    normalization: str = typer.Option("average", "--normalization", help="no, average, jaccard or cosine."),
    since: str = SinceOption,
    until: str = UntilOption,
    export: Path = typer.Option(None, "--export", help="Write FILE (.gexf, .graphml, .csv or .parquet)."),
    top_edges: int = TopEdgesOption,
    store: Path = StoreOption,
    as_json: bool = JsonOption,
    quiet: bool = QuietOption,
    show_statements: bool = typer.Option(False, "--statements", help="Print the statements behind each coalition."),
) -> None:
    """Congruence and conflict networks of actors over concepts (as DNA builds them) and their coalitions."""
    from rich.table import Table

    from powermap.analyse import periods
    from powermap.analyse.discourse import NORMALIZATIONS, discourse, read_concepts, readable
    from powermap.serve.export.tables import from_dataclasses

    if normalization not in NORMALIZATIONS:
        raise fail(f"--normalization must be one of {', '.join(NORMALIZATIONS)}")
    if concepts is not None and not concepts.is_file():
        raise fail(f"no concepts file {concepts}")
    if group not in ("meaning", "label"):
        raise fail("--group must be meaning or label")
    mapping = read_concepts(concepts) if concepts else None
    parsed = load_concept_file(concept_file)
    conn = open_reader(store).reader()
    with working("building the discourse networks", quiet):
        first, last = periods.bound(since), periods.bound(until, end=True)
        result = discourse(conn, mapping, normalization, first, last, meaning=group == "meaning", concept_file=parsed)  # type: ignore[arg-type]
    if export:
        tables = [from_dataclasses("ties", result.ties), from_dataclasses("affiliation", result.affiliation),
                  from_dataclasses("coalitions", result.coalitions)]  # fmt: skip
        for path in write_export(export, result.to_networkx(), tables, top_edges):
            note(f"wrote {path}", quiet)
    if as_json:
        print_json(dataclasses.asdict(result))
        return
    title = f"{result.statements} statements, {len(result.actors)} actors, {len(result.concepts)} concepts"
    table = Table("coalition", "members", "agrees with", "disagrees with", "against", title=title)
    shown = readable(result.coalitions)
    for c in shown:
        against = ", ".join(str(g) for g in c.opposes[:3])
        table.add_row(
            str(c.id), f"{len(c.members)}: {c.label}", "; ".join(c.agrees[:5]), "; ".join(c.disagrees[:5]), against
        )
    out_console.print(table)
    if not show_statements:
        return
    for c in shown:
        out_console.print(f"[bold]coalition {c.id}[/bold]: {', '.join(result.names.get(m, m) for m in c.members)}")
        for concept, said in c.statements.items():
            out_console.print(f"  {'agrees with' if concept in c.agrees else 'disagrees with'} [bold]{concept}[/bold]")
            for e in said:
                out_console.print(f"    {result.names.get(e.actor, e.actor)}: {e.text[:160]}", markup=False)
