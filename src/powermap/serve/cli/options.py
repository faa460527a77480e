"""Options several commands share, declared once."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from powermap.store import DEFAULT_STORE

if TYPE_CHECKING:
    from powermap.ingest.options import IngestOptions

StoreOption = typer.Option(DEFAULT_STORE, "--store", "-s", help="Store folder.", envvar="POWERMAP_STORE")
JsonOption = typer.Option(False, "--json", help="Print the result as JSON on stdout.")
QuietOption = typer.Option(False, "--quiet", "-q", help="Print nothing but errors and data.")
StagesOption = typer.Option(
    None,
    "--stages",
    help="Comma-separated stage names to run (e.g. actors.v1,quotes.v1); 'none' for no extraction. "
    "Default: the newest version of every stage.",
)

# How inputs are read (ingest and extract share them).
InputsArgument = typer.Argument(..., help="Files, folders, URLs, URL lists (.urls), feeds, WARC, JSONL.")
PublishedOption = typer.Option(None, help="Publication date (YYYY-MM-DD or YYYY-MM) for inputs without one.")
SourceOption = typer.Option(None, help="Outlet name for inputs without one.")
LanguageOption = typer.Option(None, help="ISO 639-1 code; overrides language detection.")
EstimateDatesOption = typer.Option(
    True,
    "--estimate-dates/--no-estimate-dates",
    help="Without a date from the input or --published, estimate the month from the latest date in the text.",
)
MaxBytesOption = typer.Option(
    20 * 1024 * 1024,
    "--max-bytes",
    help="Refuse a document larger than this many bytes (a file, a download, a JSON line, a WARC record).",
)
TimeLimitOption = typer.Option(
    300.0, "--time-limit", help="Seconds of extraction allowed per document; a slower one fails alone (0: none)."
)
FetchLinksOption = typer.Option(
    False, "--fetch-links", help="Download the article each entry of a local feed file links to (default: offline)."
)
TimeoutOption = typer.Option(20.0, help="Seconds allowed per web request.")
SchedulerOption = typer.Option(None, help="Address of a running Dask scheduler to extract on (tcp://host:8786).")


def ingest_options(
    published: str | None,
    source: str | None,
    language: str | None,
    estimate_dates: bool,
    max_bytes: int,
    timeout: float,
    time_limit: float = 300.0,
    fetch_links: bool = False,
) -> IngestOptions:
    """The ``IngestOptions`` for the shared input options."""
    from powermap.ingest.options import IngestOptions

    return IngestOptions(
        max_bytes=max_bytes,
        timeout=timeout,
        published=published,
        source=source,
        language=language,
        estimate_published=estimate_dates,
        time_limit=time_limit,
        fetch_links=fetch_links,
    )


def stage_names(value: str | None) -> list[str] | None:
    """``--stages`` as a list (None: the default chain, []: no stages)."""
    if value is None:
        return None
    if value.strip().lower() == "none":
        return []
    names = [name.strip() for name in value.split(",") if name.strip()]
    from powermap.extract.stage import StageContractError, order_stages
    from powermap.registry import RegistryError
    from powermap.serve.cli.output import err_console

    try:
        order_stages(names)  # an unknown stage or an unmet requirement is refused before any input is read
    except (StageContractError, RegistryError) as err:
        err_console.print(f"[red]error:[/red] --stages {value}: {err}")
        raise typer.Exit(2) from None
    return names


def open_reader(store: Path):
    """The store opened read-only, or a clean exit with the reason."""
    from powermap.serve.cli.output import err_console
    from powermap.store import StoreError, open_store

    try:
        return open_store(store, readonly=True)
    except StoreError as err:
        err_console.print(f"[red]error:[/red] {err}")
        raise typer.Exit(2) from None
