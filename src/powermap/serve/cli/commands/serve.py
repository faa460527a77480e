"""``powermap serve``: the web UI and JSON API over a store."""

from __future__ import annotations

import json
import os
from pathlib import Path

import typer

from powermap.serve.cli.options import StoreOption, open_reader
from powermap.serve.cli.output import err_console

WILDCARD_ADDRESSES = ("0.0.0.0", "::", "")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)


def serve_command(
    store: Path = StoreOption,
    host: str = typer.Option("127.0.0.1", help="Interface to listen on."),
    port: int = typer.Option(8765, help="Port to listen on."),
    allowed_host: list[str] = typer.Option(
        None,
        "--allowed-host",
        help="A host name the server answers for (repeatable; '*' for any). "
        "Default: the --host address, localhost, 127.0.0.1 and ::1; other Host headers get a 400.",
    ),
    time_limit_ms: int = typer.Option(
        1000, "--time-limit-ms", min=1, help="Stop a request's queries after this many milliseconds (answered 503)."
    ),
    token: str = typer.Option(
        None,
        "--token",
        envvar="POWERMAP_TOKEN",
        show_default=False,
        help="Take corrections from requests that carry this token (16+ characters; prefer the POWERMAP_TOKEN "
        "variable, which other users cannot read in the process list). Without it the server only reads.",
    ),
    ahead_months: int = typer.Option(
        120,
        "--ahead-months",
        min=0,
        help="After the warm-up, compute the what-changed reports of the newest N calendar months (each against "
        "the month before, and its last two weeks) in the background, once the store has been stable for a few "
        "seconds; 0: off.",
    ),
    workers: int = typer.Option(
        1,
        "--workers",
        envvar="POWERMAP_SERVE_WORKERS",
        min=1,
        max=64,
        help="Server processes answering on the port (each keeps its own analyses and pages, computed once per "
        "process: memory and the start-up's work grow with the number). More than one uses more than one core.",
    ),
) -> None:
    """Serve the web UI (and its JSON API under /api) for a store; it reads while ingests write."""
    import uvicorn

    from powermap.serve.api import create_app
    from powermap.serve.api.app import SETTINGS_VARIABLE
    from powermap.serve.api.guard import default_hosts

    open_reader(store).close()  # a clear error before the server starts
    hosts = allowed_host or default_hosts(host)
    if not allowed_host and host in WILDCARD_ADDRESSES:
        err_console.print(
            f"listening on every interface, but answering only for {', '.join(hosts)}: "
            "name this machine with --allowed-host NAME"
        )
    err_console.print(f"powermap web UI on http://{host}:{port}/ (JSON under /api, Ctrl-C to stop)")
    if token is not None and len(token) < 16:
        err_console.print("[red]error:[/red] a write token needs at least 16 characters")
        raise typer.Exit(2)
    if token:
        err_console.print("corrections are on: writes need the token (Authorization: Bearer ...)")
    if workers > 1:  # each process builds its app from the settings in its environment
        os.environ[SETTINGS_VARIABLE] = json.dumps(
            {"store": str(store), "allowed_hosts": hosts, "time_limit_ms": time_limit_ms, "ahead_months": ahead_months}
        )
        if token:
            os.environ["POWERMAP_TOKEN"] = token
        _serve_in_processes(host, port, workers)
        return
    app = create_app(
        store,
        allowed_hosts=hosts,
        time_limit_ms=time_limit_ms,
        token=token,
        ahead_months=ahead_months,
        settle_heap=True,
    )
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


def _serve_in_processes(host: str, port: int, workers: int) -> None:
    """``workers`` uvicorn processes answering on one socket bound here. The socket is made as a TCP
    socket (uvicorn's own has protocol 0, so asyncio did not switch Nagle's algorithm off on the
    connections it accepted: every response waited about 40 ms for the client's delayed ACK)."""
    import socket

    import uvicorn
    from uvicorn.supervisors import Multiprocess

    from powermap.serve.api.app import SETTINGS_VARIABLE

    assert os.environ.get(SETTINGS_VARIABLE)
    config = uvicorn.Config(
        "powermap.serve.api.app:app_from_environment",
        factory=True,
        workers=workers,
        host=host,
        port=port,
        log_level="warning",
        server_header=False,
    )
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((host, port))
    sock.set_inheritable(True)
    Multiprocess(config, sockets=[sock]).run()
