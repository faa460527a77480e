"""``powermap serve``: the web UI and JSON API over a store."""

from __future__ import annotations

from pathlib import Path

import typer

from powermap.serve.cli.options import StoreOption, open_reader
from powermap.serve.cli.output import err_console


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)


def serve_command(
    store: Path = StoreOption,
    host: str = typer.Option("127.0.0.1", help="Interface to listen on."),
    port: int = typer.Option(8765, help="Port to listen on."),
) -> None:
    """Serve the web UI (and its JSON API under /api) for a store; it reads while ingests write."""
    import uvicorn

    from powermap.serve.api import create_app

    open_reader(store).close()  # a clear error before the server starts
    err_console.print(f"powermap web UI on http://{host}:{port}/ (JSON under /api, Ctrl-C to stop)")
    uvicorn.run(create_app(store), host=host, port=port, log_level="warning")
