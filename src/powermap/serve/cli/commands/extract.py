"""``powermap extract``: print extraction records without touching any store."""

from __future__ import annotations

import json
import sys

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
