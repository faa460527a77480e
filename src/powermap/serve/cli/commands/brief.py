"""``powermap brief``: a short readable account of what changed in a period, with its evidence."""

from __future__ import annotations

from pathlib import Path

import typer

from powermap.serve.cli.commands._analysis import ModalityOption, NegatedOption, event_filter, fail
from powermap.serve.cli.commands.changes import (
    ConceptsOption,
    FromOption,
    ReportsOption,
    plan,
    read_concepts_option,
)
from powermap.serve.cli.options import QuietOption, StoreOption, open_reader
from powermap.serve.cli.output import note, working


def register(app: typer.Typer) -> None:
    app.command("brief")(brief_command)


def brief_command(
    out: Path = typer.Option(..., "--out", help="Write the briefing to FILE (.html or .md)."),
    period: str = typer.Option(
        None, "--period", help="The period to brief on (compared with the one before); default the data's last month."
    ),
    start: str = FromOption,
    by: str = typer.Option("month", "--by", help="Granularity of the default period (day, week, month, quarter)."),
    base_url: str = typer.Option(
        "http://127.0.0.1:8765", "--base-url", help="Where `powermap serve` runs: evidence links point there."
    ),
    items: int = typer.Option(5, "--items", help="Items per section."),
    reports: int = ReportsOption,
    concepts: Path = ConceptsOption,
    include_negated: bool = NegatedOption,
    modality: str = ModalityOption,
    store: Path = StoreOption,
    quiet: bool = QuietOption,
) -> None:
    """Top shifts, new coalitions and positions, disputed numbers: one page, each with its evidence."""
    from powermap.analyse import changes_brief
    from powermap.analyse.changes import ChangeOptions, compare

    suffix = out.suffix.lower()
    if suffix not in (".html", ".htm", ".md"):
        raise fail(f"cannot tell the format of {out}: use .html or .md")
    if items < 1 or reports < 0:
        raise fail("--items must be at least 1 and --reports at least 0")
    flt = event_filter(None, None, include_negated, modality)
    conn = open_reader(store).reader()
    if period is None and start is None:
        windows = plan(conn, None, None, by, None, None, flt)[-2:]
        if len(windows) < 2:
            raise fail("the data cover one period only: name one with --period, or a finer --by")
        note(f"briefing on {windows[-1].label}, the last {by} of the data, against {windows[0].label}", quiet)
    else:
        windows = plan(conn, start, period, None, None, None, flt)
    opts = ChangeOptions(
        flt=flt, show_all=True, limit=max(15, items), reports=reports, concepts=read_concepts_option(concepts)
    )
    with working("comparing periods", quiet):
        comparison = compare(conn, windows[0], windows[1], opts)
    render = changes_brief.markdown if suffix == ".md" else changes_brief.html
    try:
        out.write_text(render(comparison, base_url, items), encoding="utf-8")
    except OSError as err:
        raise fail(f"cannot write {out}: {err}") from None
    note(f"wrote {out}", quiet)
