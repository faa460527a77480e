"""The Typer application; every module in ``commands/`` contributes its commands.

A command module defines ``register(app: typer.Typer) -> None`` and is discovered by
name, so adding a command never touches this file.
"""

from __future__ import annotations

import pkgutil
from importlib import import_module

import typer

from powermap import __version__
from powermap.serve.cli import commands

app = typer.Typer(
    name="powermap",
    help="Read news articles about international politics and build a queryable model of "
    "their actors, quotes, claims, events and stances.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"powermap {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    """powermap command line."""


for _info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda i: i.name):
    if not _info.name.startswith("_"):
        import_module(f"{commands.__name__}.{_info.name}").register(app)


def main() -> None:
    app()
