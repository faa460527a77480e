"""``powermap extract``: print extraction records without touching any store."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.markup import escape

from powermap.serve.cli.options import (
    EstimateDatesOption,
    FetchLinksOption,
    InputsArgument,
    LanguageOption,
    MaxBytesOption,
    PublishedOption,
    QuietOption,
    SchedulerOption,
    SourceOption,
    StagesOption,
    TimeLimitOption,
    TimeoutOption,
    ingest_options,
    stage_names,
)
from powermap.serve.cli.output import err_console, progress

if TYPE_CHECKING:
    from powermap.ingest.options import IngestOptions


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_command)


def extract_command(
    inputs: list[str] = InputsArgument,
    output_format: str = typer.Option("jsonl", "--format", "-f", help="jsonl (one record per line) or json."),
    published: str = PublishedOption,
    source: str = SourceOption,
    language: str = LanguageOption,
    estimate_dates: bool = EstimateDatesOption,
    stages: str = StagesOption,
    max_bytes: int = MaxBytesOption,
    timeout: float = TimeoutOption,
    time_limit: float = TimeLimitOption,
    fetch_links: bool = FetchLinksOption,
    parquet: Path = typer.Option(
        None, help="Instead of printing records, have Dask workers write partitioned Parquet tables here."
    ),
    workers: int = typer.Option(2, help="Local Dask worker processes for --parquet."),
    scheduler: str = SchedulerOption,
    quiet: bool = QuietOption,
) -> None:
    """Extract from the inputs and print one record per document, in input order (no store).

    A document that cannot be read or extracted is reported on stderr (input: reason) and the
    run goes on; the exit code is then 1. Exit 2 is for usage errors only.
    """
    from powermap.extract import Extractor
    from powermap.ingest.guard import extract_guarded
    from powermap.ingest.model import IngestFailure
    from powermap.ingest.run import to_document
    from powermap.ingest.sources import check_options, read_inputs

    if output_format not in ("jsonl", "json"):
        err_console.print(f"[red]error:[/red] unknown format {output_format!r} (jsonl or json)")
        raise typer.Exit(2)
    names = stage_names(stages)
    options = ingest_options(published, source, language, estimate_dates, max_bytes, timeout, time_limit, fetch_links)
    try:
        check_options(options)
        extractor = Extractor(names if names is not None else None)
    except (ValueError, LookupError) as err:
        err_console.print(f"[red]error:[/red] {escape(str(err))}")
        raise typer.Exit(2) from None
    if parquet is not None:
        _extract_to_parquet(inputs, parquet, names, workers, scheduler, options, quiet)
        return
    failed = 0
    records = []
    for item in progress(read_inputs(inputs, options), None, "extracting", quiet):
        outcome = item if isinstance(item, IngestFailure) else extract_guarded(extractor, to_document(item), time_limit)
        if isinstance(outcome, str):
            outcome = IngestFailure(item.input, outcome)
        if isinstance(outcome, IngestFailure):
            failed += 1
            err_console.print(f"[red]failed[/red] {escape(str(outcome))}")
            continue
        record = outcome.to_dict()
        if output_format == "jsonl":
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            records.append(record)
    if output_format == "json":
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    if failed:
        if not quiet:
            err_console.print(f"{failed} input(s) failed")
        raise typer.Exit(1)


def _extract_to_parquet(
    inputs: list[str],
    out_dir: Path,
    names: list[str] | None,
    workers: int,
    scheduler: str | None,
    options: IngestOptions,
    quiet: bool,
) -> None:
    """Read the inputs here, extract and write Parquet on Dask workers; exit 1 if any input failed."""
    from powermap.ingest.model import IngestFailure
    from powermap.ingest.run import to_document
    from powermap.ingest.sources import read_inputs
    from powermap.scale import DaskExtractor

    failed = 0

    def documents():
        nonlocal failed
        for item in read_inputs(inputs, options):
            if isinstance(item, IngestFailure):
                failed += 1
                err_console.print(f"[red]failed[/red] {escape(str(item))}")
            else:
                yield to_document(item)

    out_dir.mkdir(parents=True, exist_ok=True)
    with DaskExtractor(names, workers=workers, scheduler=scheduler, time_limit=options.time_limit) as cluster:
        totals = cluster.to_parquet(documents(), out_dir)
        for where, reason in cluster.failures:
            err_console.print(f"[red]failed[/red] {escape(where)}: {escape(reason)}")
    if not quiet:
        rows = ", ".join(f"{count} {name}" for name, count in sorted(totals.items()))
        err_console.print(f"wrote {out_dir}: {rows}")
    if failed or totals.get("documents_failed"):
        raise typer.Exit(1)
