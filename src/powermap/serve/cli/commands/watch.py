"""``powermap watch``: evaluate a watch file; new alerts go to JSON Lines and an Atom feed."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape

from powermap.serve.cli.commands._analysis import fail
from powermap.serve.cli.options import JsonOption, QuietOption, StoreOption, open_reader
from powermap.serve.cli.output import err_console, print_json


def register(app: typer.Typer) -> None:
    app.command("watch")(watch_command)


def run_watch_file(store: Path, path: Path, at: str | None = None, quiet: bool = False) -> list[dict]:
    """Evaluate ``path`` against the store; print and return the new alerts (``ingest --watch`` uses it)."""
    from powermap.analyse import periods
    from powermap.analyse.changes_watch import WatchError, read_watch_file, run

    day = periods.bound(at, end=True) if at else None
    if at and day is None:
        raise fail(f"--at {at!r} is not a date (YYYY-MM-DD)")
    try:
        spec = read_watch_file(path)
    except WatchError as err:
        raise fail(str(err)) from None
    conn = open_reader(store).reader()
    try:
        fresh = run(conn, spec, day)
    except OSError as err:
        raise fail(f"cannot write alerts: {err}") from None
    if not quiet:
        for alert in fresh:
            err_console.print(f"[yellow]alert[/yellow] {escape(alert['title'])}: {escape(alert['summary'])}")
        err_console.print(f"{len(fresh)} new alerts; {spec.alerts} and {spec.feed} updated")
    return fresh


def watch_command(
    watch_file: Path = typer.Argument(..., help="The watch file (YAML)."),
    at: str = typer.Option(None, "--at", help="The day 'now' is (YYYY-MM-DD); default the file's `at`, else today."),
    store: Path = StoreOption,
    as_json: bool = JsonOption,
    quiet: bool = QuietOption,
) -> None:
    """Evaluate the watches in WATCH_FILE: new alerts are appended to its JSON Lines file and its Atom feed."""
    fresh = run_watch_file(store, watch_file, at, quiet or as_json)
    if as_json:
        print_json(fresh)
