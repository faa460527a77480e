"""``powermap dyad``: events between two actors (or one against all) per day, week, month or year."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import typer

from powermap.serve.cli.commands._analysis import (
    ModalityOption,
    NegatedOption,
    SinceOption,
    UntilOption,
    event_filter,
    fail,
    resolve_actor,
)
from powermap.serve.cli.options import JsonOption, StoreOption, open_reader
from powermap.serve.cli.output import out_console, print_json


def register(app: typer.Typer) -> None:
    app.command("dyad")(dyad_command)


def dyad_command(
    a: str = typer.Argument(..., help="Actor: id, CAMEO code (RUS) or name."),
    b: str = typer.Argument(None, help="Other actor; leave out for A against all others."),
    by: str = typer.Option("month", "--by", help="day, week (ISO), month, quarter or year."),
    directed: bool = typer.Option(False, "--directed", help="Only events with A as source."),
    members: bool = typer.Option(
        False, "--members", help="A 3-letter code takes in its members (RUSGOV, Russian persons)."
    ),
    since: str = SinceOption,
    until: str = UntilOption,
    include_negated: bool = NegatedOption,
    modality: str = ModalityOption,
    store: Path = StoreOption,
    as_json: bool = JsonOption,
) -> None:
    """Counts per CAMEO quad class and the Goldstein sum per period, with the documents behind each."""
    from rich.table import Table

    from powermap.analyse.dyads import dyad_trend
    from powermap.analyse.periods import GRANULARITIES

    if by not in GRANULARITIES:
        raise fail(f"--by must be one of {', '.join(GRANULARITIES)}")
    flt = event_filter(since, until, include_negated, modality)
    conn = open_reader(store).reader()
    side_a = resolve_actor(conn, a, members)
    side_b = resolve_actor(conn, b, members) if b else None
    trend = dyad_trend(conn, side_a, side_b, by=by, flt=flt, directed=directed)  # type: ignore[arg-type]
    if as_json:
        print_json({**{k: v for k, v in dataclasses.asdict(trend).items() if k != "points"},
                    "totals": dataclasses.asdict(trend.totals()),
                    "points": [dataclasses.asdict(p) for p in trend.points]})  # fmt: skip
        return
    title = f"{', '.join(side_a)} ↔ {', '.join(side_b) if side_b else 'all'} by {by}"
    table = Table(
        "period",
        "verbal coop",
        "material coop",
        "verbal conflict",
        "material conflict",
        "Goldstein",
        "docs",
        title=title,
    )
    for p in [*trend.points, trend.totals()]:
        table.add_row(
            p.period,
            str(p.verbal_cooperation),
            str(p.material_cooperation),
            str(p.verbal_conflict),
            str(p.material_conflict),
            f"{p.goldstein:.1f}",
            str(len(p.documents)),
        )
    out_console.print(table)
