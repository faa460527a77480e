"""``powermap report``: a self-contained HTML report on the corpus or one actor."""

from __future__ import annotations

from pathlib import Path

import typer

from powermap.serve.cli.commands._analysis import SinceOption, UntilOption, fail, resolve_actor
from powermap.serve.cli.options import QuietOption, StoreOption, open_reader
from powermap.serve.cli.output import note, working


def register(app: typer.Typer) -> None:
    app.command("report")(report_command)


def report_command(
    out: Path = typer.Option(..., "--out", help="HTML file to write."),
    actor: str = typer.Option(None, "--actor", help="Report on one actor (id, CAMEO code or name)."),
    by: str = typer.Option("month", "--by", help="Trend periods: day, week, month or year."),
    since: str = SinceOption,
    until: str = UntilOption,
    store: Path = StoreOption,
    quiet: bool = QuietOption,
) -> None:
    """Dyadic trend charts, the network drawing, coalitions, top quotes and disagreeing claims in one HTML file."""
    from powermap.analyse import periods
    from powermap.serve.report.html import build_report

    if by not in periods.GRANULARITIES:
        raise fail(f"--by must be one of {', '.join(periods.GRANULARITIES)}")
    conn = open_reader(store).reader()
    ids = resolve_actor(conn, actor) if actor else None
    with working("building the report", quiet):
        page = build_report(conn, ids, by, periods.bound(since), periods.bound(until, end=True))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    note(f"wrote {out} ({len(page) // 1024} KiB)", quiet)
