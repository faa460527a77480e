"""``powermap ingest``: read articles into the store, extracting as they arrive."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.markup import escape
from rich.table import Table

from powermap.serve.cli.options import (
    EstimateDatesOption,
    FetchLinksOption,
    InputsArgument,
    JsonOption,
    LanguageOption,
    MaxBytesOption,
    PublishedOption,
    QuietOption,
    SchedulerOption,
    SourceOption,
    StagesOption,
    StoreOption,
    TimeLimitOption,
    TimeoutOption,
    ingest_options,
    stage_names,
)
from powermap.serve.cli.output import err_console, print_json

if TYPE_CHECKING:
    from powermap.scale import DaskExtractor, ForkPool


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)


def ingest_command(
    inputs: list[str] = InputsArgument,
    store: Path = StoreOption,
    published: str = PublishedOption,
    source: str = SourceOption,
    language: str = LanguageOption,
    estimate_dates: bool = EstimateDatesOption,
    stages: str = StagesOption,
    max_bytes: int = MaxBytesOption,
    timeout: float = TimeoutOption,
    time_limit: float = TimeLimitOption,
    fetch_links: bool = FetchLinksOption,
    workers: int = typer.Option(
        0, help="Extract on this many local processes forked after the models load (0: in this process)."
    ),
    scheduler: str = SchedulerOption,
    watch: Path = typer.Option(None, "--watch", help="After ingesting, evaluate this watch file (powermap watch)."),
    reextract: bool = typer.Option(
        False,
        "--reextract",
        help="Extract texts already in the store again and replace their extraction (a newer pipeline); "
        "the corrections made to them are applied to the new one.",
    ),
    quiet: bool = QuietOption,
    as_json: bool = JsonOption,
) -> None:
    """Ingest articles into the store; prints a summary, exits 1 if any input failed."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from powermap.extract import Extractor
    from powermap.ingest.run import ingest
    from powermap.ingest.sources import check_options
    from powermap.store import StoreError, open_store

    names = stage_names(stages)
    if watch is not None:  # a broken watch file is refused before any input is read
        from powermap.analyse.changes_watch import WatchError, read_watch_file

        try:
            read_watch_file(watch)
        except WatchError as err:
            err_console.print(f"[red]error:[/red] {escape(str(err))}")
            raise typer.Exit(2) from None
    options = ingest_options(published, source, language, estimate_dates, max_bytes, timeout, time_limit, fetch_links)
    try:
        check_options(options)
        extractor = Extractor(names) if names != [] else None
        db = open_store(store)
    except (StoreError, ValueError, LookupError) as err:
        err_console.print(f"[red]error:[/red] {escape(str(err))}")
        raise typer.Exit(2) from None
    run_id = db.start_run("ingest " + " ".join(inputs))
    show = not quiet and not as_json and err_console.is_terminal
    columns = [
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TextColumn("{task.completed} read"),
        TimeElapsedColumn(),
    ]
    with Progress(*columns, console=err_console, transient=True, disable=not show) as bar:
        task = bar.add_task("ingesting", total=None)

        def on_item(item, result) -> None:
            bar.advance(task)
            label = getattr(item, "input", "")
            bar.update(task, description=f"ingesting {escape(label[-60:])}")
            if result is None and not quiet:
                err_console.print(f"[red]failed[/red] {escape(str(item))}")

        parallel: DaskExtractor | ForkPool | None = None
        if extractor is not None and scheduler:
            from powermap.scale import DaskExtractor

            parallel = DaskExtractor(extractor.stage_names, scheduler=scheduler, time_limit=time_limit)
        elif extractor is not None and workers > 0:
            from powermap.scale import ForkPool

            parallel = ForkPool(extractor, workers, time_limit=time_limit)
        try:  # options were checked above: nothing a document holds raises out of ingest()
            report = ingest(inputs, db, options, extractor, on_item, parallel=parallel, reextract=reextract)
        finally:
            if parallel is not None:
                parallel.close()
    db.finish_run(run_id, report.counts)
    summary = {
        "stored": report.counts["stored"],
        "near_duplicates": report.counts["near-duplicate"],
        "duplicates": report.counts["duplicate"],
        "re_extracted": report.counts["re-extracted"],
        "failed": report.counts["failed"],
        "failures": [{"input": f.input, "reason": f.reason} for f in report.failures],
        "store": {"path": str(db.path), **db.counts()},
    }
    if as_json:
        print_json(summary)
    elif not quiet:
        _print_summary(summary)
    db.close()
    if watch is not None:
        from powermap.serve.cli.commands.watch import run_watch_file

        run_watch_file(store, watch, quiet=quiet or as_json)
    if not report.ok:
        raise typer.Exit(1)


def _print_summary(summary: dict) -> None:
    table = Table(title="ingest", show_header=False, box=None)
    table.add_row("stored", str(summary["stored"]))
    table.add_row("near duplicates (stored, linked)", str(summary["near_duplicates"]))
    table.add_row("duplicates (skipped)", str(summary["duplicates"]))
    if summary["re_extracted"]:
        table.add_row("re-extracted", str(summary["re_extracted"]))
    table.add_row("failed", f"[red]{summary['failed']}[/red]" if summary["failed"] else "0")
    err_console.print(table)
    found = summary["store"]
    err_console.print(
        f"store {found['path']}: {found['documents']} documents, {found['actors']} actors "
        f"({found['mentions']} mentions), {found['quotes']} quotes, {found['claims']} claims, "
        f"{found['events']} events, {found['stances']} stances"
    )
