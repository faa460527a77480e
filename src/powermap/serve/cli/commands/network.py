"""``powermap network``: the relation network, its camps and bridges; export to GEXF/GraphML/CSV/Parquet."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import typer

from powermap.serve.cli.commands._analysis import (
    ModalityOption,
    NegatedOption,
    SinceOption,
    TopEdgesOption,
    UntilOption,
    event_filter,
    fail,
    write_export,
)
from powermap.serve.cli.options import JsonOption, QuietOption, StoreOption, open_reader
from powermap.serve.cli.output import note, out_console, print_json, working


def register(app: typer.Typer) -> None:
    app.command("network")(network_command)


def network_command(
    since: str = SinceOption,
    until: str = UntilOption,
    types: str = typer.Option(None, "--type", help="Comma-separated actor types kept (state,person,...)."),
    outlets: str = typer.Option(None, "--source", help="Comma-separated outlets kept (document source or site)."),
    half_life: float = typer.Option(365.0, "--half-life", help="Recency half-life in days; 0 for none."),
    reference: str = typer.Option(
        None, "--reference", help="Day recency is measured from (YYYY-MM-DD); default --until; neither: no decay."
    ),
    include_history: bool = typer.Option(
        False, "--include-history", help="Count events dated to history (two or more years before publication)."
    ),
    weighting: str = typer.Option("goldstein", "--weighting", help="goldstein or count."),
    min_events: int = typer.Option(1, "--min-events", help="Drop edges backed by fewer events."),
    directed: bool = typer.Option(False, "--directed", help="Keep source -> target direction."),
    include_negated: bool = NegatedOption,
    modality: str = ModalityOption,
    export: Path = typer.Option(None, "--export", help="Write FILE (.gexf, .graphml, .csv or .parquet)."),
    top_edges: int = TopEdgesOption,
    store: Path = StoreOption,
    as_json: bool = JsonOption,
    quiet: bool = QuietOption,
) -> None:
    """Signed, recency-weighted actor network from events, with camps (communities) and bridges."""
    from rich.table import Table

    from powermap.analyse import periods
    from powermap.analyse.network import build_network
    from powermap.serve.export.tables import from_dataclasses

    if weighting not in ("goldstein", "count"):
        raise fail("--weighting must be goldstein or count")
    flt = event_filter(since, until, include_negated, modality, types, outlets)
    as_of = periods.bound(reference, end=True)
    if reference and as_of is None:
        raise fail(f"--reference {reference!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    conn = open_reader(store).reader()
    with working("building the network", quiet):
        net = build_network(
            conn, flt, half_life or None, weighting, directed, min_events,  # type: ignore[arg-type]
            reference=as_of, include_history=include_history,
        )  # fmt: skip
    if export:
        tables = [from_dataclasses("edges", net.edges), from_dataclasses("nodes", net.nodes),
                  from_dataclasses("camps", net.camps)]  # fmt: skip
        for path in write_export(export, net.to_networkx(), tables, top_edges):
            note(f"wrote {path}", quiet)
    if as_json:
        print_json(dataclasses.asdict(net))
        return
    recency = f"reference date {net.reference}" if net.half_life_days else "no recency weighting (no reference date)"
    summary = f"{len(net.nodes)} actors, {len(net.edges)} edges, {recency}"
    camps = Table("camp", "size", "strongest members", "coop inside", "conflict outside", title=summary)
    for camp in net.camps[:12]:
        camps.add_row(
            str(camp.id), str(camp.size), camp.label, f"{camp.cooperation_inside:.2f}", f"{camp.conflict_outside:.2f}"
        )
    out_console.print(camps)
    bridges = [n for n in net.nodes if n.bridge][:15]
    if bridges:
        table = Table("bridge", "type", "camp", "participation", "betweenness", title="Who bridges")
        for n in bridges:
            table.add_row(n.name, n.type, str(n.camp), f"{n.participation:.2f}", f"{n.betweenness:.3f}")
        out_console.print(table)
