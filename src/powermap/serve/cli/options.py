"""Options several commands share, declared once."""

from __future__ import annotations

from pathlib import Path

import typer

from powermap.store import DEFAULT_STORE

StoreOption = typer.Option(DEFAULT_STORE, "--store", "-s", help="Store folder.", envvar="POWERMAP_STORE")
JsonOption = typer.Option(False, "--json", help="Print the result as JSON on stdout.")
QuietOption = typer.Option(False, "--quiet", "-q", help="Print nothing but errors and data.")
StagesOption = typer.Option(
    None,
    "--stages",
    help="Comma-separated stage names to run (e.g. actors.v1,quotes.v1); 'none' for no extraction. "
    "Default: the newest version of every stage.",
)


def stage_names(value: str | None) -> list[str] | None:
    """``--stages`` as a list (None: the default chain, []: no stages)."""
    if value is None:
        return None
    if value.strip().lower() == "none":
        return []
    return [name.strip() for name in value.split(",") if name.strip()]


def open_reader(store: Path):
    """The store opened read-only, or a clean exit with the reason."""
    from powermap.serve.cli.output import err_console
    from powermap.store import StoreError, open_store

    try:
        return open_store(store, readonly=True)
    except StoreError as err:
        err_console.print(f"[red]error:[/red] {err}")
        raise typer.Exit(2) from None
