"""Console helpers shared by the commands: quiet mode, JSON output, progress bars."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from typing import Any, TypeVar

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

T = TypeVar("T")

#: Messages and tables for people go to stderr; data (``--json``, JSONL) goes to stdout.
err_console = Console(stderr=True)
out_console = Console()


def print_json(data: Any) -> None:
    """Write ``data`` as JSON to stdout (for ``--json``)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def progress(items: Iterable[T], total: int | None, label: str, quiet: bool) -> Iterator[T]:
    """Iterate ``items`` behind a Rich progress bar on stderr (none when quiet or not a terminal)."""
    if quiet or not err_console.is_terminal:
        yield from items
        return
    columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    with Progress(*columns, console=err_console, transient=True) as bar:
        task = bar.add_task(label, total=total)
        for item in items:
            yield item
            bar.advance(task)


def working(label: str, quiet: bool) -> AbstractContextManager:
    """A spinner with ``label`` on stderr while a step runs (none when quiet or not a terminal)."""
    if quiet or not err_console.is_terminal:
        return nullcontext()
    return err_console.status(label)


def note(message: str, quiet: bool) -> None:
    """A message for people on stderr, unless quiet."""
    if not quiet:
        err_console.print(message)
