"""Options and helpers the analysis commands share (dyad, network, discourse, export, report)."""

from __future__ import annotations

from pathlib import Path

import typer

from powermap.serve.cli.output import err_console

SinceOption = typer.Option(None, "--since", help="First day counted: YYYY, YYYY-MM or YYYY-MM-DD.")
UntilOption = typer.Option(None, "--until", help="Last day counted (a month or year counts whole).")
NegatedOption = typer.Option(False, "--include-negated", help="Count negated events too.")
ModalityOption = typer.Option(
    "asserted", "--modality", help="Comma-separated modalities counted (asserted,intended,hypothetical,demanded)."
)
GRAPH_SUFFIXES = (".gexf", ".graphml")
TABLE_SUFFIXES = (".csv", ".parquet")


def fail(message: str, code: int = 2) -> typer.Exit:
    err_console.print(f"[red]error:[/red] {message}")
    return typer.Exit(code)


def event_filter(
    since: str | None,
    until: str | None,
    negated: bool,
    modality: str,
    types: str | None = None,
    outlets: str | None = None,
):
    """An ``EventFilter`` from command-line values (or a clean exit naming the bad one)."""
    from powermap.analyse import periods
    from powermap.analyse.events import MODALITIES, EventFilter

    start, end = periods.bound(since), periods.bound(until, end=True)
    if since and start is None:
        raise fail(f"--since {since!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    if until and end is None:
        raise fail(f"--until {until!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    modalities = frozenset(m.strip() for m in modality.split(",") if m.strip())
    if not modalities or not modalities <= MODALITIES:
        raise fail(f"--modality must name some of {', '.join(sorted(MODALITIES))}")
    return EventFilter(
        since=start, until=end, modalities=modalities, include_negated=negated,
        actor_types=_set(types), outlets=_set(outlets),
    )  # fmt: skip


def _set(value: str | None) -> frozenset[str] | None:
    if not value:
        return None
    return frozenset(v.strip() for v in value.split(",") if v.strip())


def resolve_actor(conn, query: str, members: bool = False) -> list[str]:
    from powermap.analyse.actors import ActorNotFound, resolve

    try:
        return resolve(conn, query, members=members)
    except ActorNotFound as err:
        raise fail(str(err)) from None


TopEdgesOption = typer.Option(
    None, "--top-edges", help="GEXF: keep only the N strongest edges (by |weight|) and their nodes, for large graphs."
)


def write_export(path: Path, graph, tables: list, top_edges: int | None = None) -> list[Path]:
    """Write a graph (.gexf/.graphml) or tables (.csv/.parquet: the first at ``path``, others beside it)."""
    from powermap.serve.export.csvfile import write_csv
    from powermap.serve.export.gexf import write_gexf
    from powermap.serve.export.graphml import write_graphml
    from powermap.serve.export.parquet import write_parquet

    suffix = path.suffix.lower()
    if suffix == ".gexf":
        return [write_gexf(graph, path, top_edges=top_edges)]
    if suffix == ".graphml":
        return [write_graphml(graph, path)]
    if suffix not in TABLE_SUFFIXES:
        raise fail(f"cannot tell the format of {path}: use one of {', '.join(GRAPH_SUFFIXES + TABLE_SUFFIXES)}")
    writer = write_csv if suffix == ".csv" else write_parquet
    written = [writer(tables[0], path)]
    for table in tables[1:]:
        written.append(writer(table, path.with_name(f"{path.stem}.{table.name}{suffix}")))
    return written
