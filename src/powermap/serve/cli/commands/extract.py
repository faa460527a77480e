"""``powermap extract``: print extraction records without touching any store."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.markup import escape

from powermap.serve.cli.options import QuietOption, StagesOption, stage_names
from powermap.serve.cli.output import err_console, progress


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_command)


def extract_command(
    inputs: list[str] = typer.Argument(..., help="Files, folders, URLs, feeds, WARC, JSONL."),
    output_format: str = typer.Option("jsonl", "--format", "-f", help="jsonl (one record per line) or json."),
    published: str = typer.Option(None, help="Publication date (YYYY-MM-DD or YYYY-MM) for inputs without one."),
    source: str = typer.Option(None, help="Outlet name for inputs without one."),
    language: str = typer.Option(None, help="ISO 639-1 code; overrides language detection."),
    estimate_dates: bool = typer.Option(
        True,
        "--estimate-dates/--no-estimate-dates",
        help="Without a date from the input or --published, estimate the month from the latest date in the text.",
    ),
    stages: str = StagesOption,
    max_bytes: int = typer.Option(20 * 1024 * 1024, "--max-bytes", help="Refuse larger inputs."),
    parquet: Path = typer.Option(
        None, help="Instead of printing records, have Dask workers write partitioned Parquet tables here."
    ),
    workers: int = typer.Option(2, help="Local Dask worker processes for --parquet."),
    scheduler: str = typer.Option(None, help="Address of a running Dask scheduler for --parquet (tcp://host:8786)."),
    quiet: bool = QuietOption,
) -> None:
    """Extract from the inputs and print one record per document, in input order (no store)."""
    from powermap.extract import Extractor
    from powermap.ingest.model import IngestFailure
    from powermap.ingest.options import IngestOptions
    from powermap.ingest.run import to_document
    from powermap.ingest.sources import read_inputs

    if output_format not in ("jsonl", "json"):
        err_console.print(f"[red]error:[/red] unknown format {output_format!r} (jsonl or json)")
        raise typer.Exit(2)
    names = stage_names(stages)
    if parquet is not None:
        _extract_to_parquet(inputs, parquet, names, workers, scheduler, max_bytes, published, source, language, quiet)
        return
    extractor = Extractor(names if names is not None else None)
    options = IngestOptions(
        max_bytes=max_bytes, published=published, source=source, language=language, estimate_published=estimate_dates
    )
    failed = 0
    records = []
    items = progress(read_inputs(inputs, options), None, "extracting", quiet)
    try:
        for item in items:
            if isinstance(item, IngestFailure):
                failed += 1
                err_console.print(f"[red]failed[/red] {escape(str(item))}")
                continue
            record = extractor(to_document(item)).to_dict()
            if output_format == "jsonl":
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
                sys.stdout.flush()
            else:
                records.append(record)
    except ValueError as err:
        err_console.print(f"[red]error:[/red] {err}")
        raise typer.Exit(2) from None
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
    max_bytes: int,
    published: str | None,
    source: str | None,
    language: str | None,
    quiet: bool,
) -> None:
    """Read the inputs here, extract and write Parquet on Dask workers; exit 1 if any input failed."""
    from powermap.ingest.model import IngestFailure
    from powermap.ingest.options import IngestOptions
    from powermap.ingest.run import to_document
    from powermap.ingest.sources import read_inputs
    from powermap.scale import DaskExtractor

    options = IngestOptions(max_bytes=max_bytes, published=published, source=source, language=language)
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
    with DaskExtractor(names, workers=workers, scheduler=scheduler) as cluster:
        totals = cluster.to_parquet(documents(), out_dir)
    if not quiet:
        rows = ", ".join(f"{count} {name}" for name, count in sorted(totals.items()))
        err_console.print(f"wrote {out_dir}: {rows}")
    if failed or totals.get("documents_failed"):
        raise typer.Exit(1)
