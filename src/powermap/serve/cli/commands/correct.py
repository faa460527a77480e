"""``powermap correct ...``: mark facts wrong or right, fix speakers, events, stances and actors, undo.

Each command is one transaction on the store; the corrections are kept apart from the pipeline's
output, applied to every analysis and export, and survive ``ingest --reextract``.
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table

from powermap.serve.cli.commands._analysis import fail
from powermap.serve.cli.options import JsonOption, StoreOption
from powermap.serve.cli.output import out_console, print_json

correct_app = typer.Typer(help="Correct extracted facts and actors; corrections last through re-extraction.")
ByOption = typer.Option(None, "--by", help="Who makes the correction (default: $POWERMAP_USER or the login name).")
SpanArgument = typer.Argument(..., help="The fact's character span in the document text, START-END.")
DocArgument = typer.Argument(..., help="Document id (or a prefix of 6+ characters).")
FACT_HELP = "mention, quote, claim, event or stance"
MatchOption = typer.Option(
    None,
    "--match",
    help="FIELD=VALUE: of several facts on one span, the one with this value (e.g. cameo=030, source=ID; repeatable).",
)


def register(app: typer.Typer) -> None:
    app.add_typer(correct_app, name="correct")


def _author(by: str | None) -> str:
    if by:
        return by
    try:
        return os.environ.get("POWERMAP_USER") or getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _span(text: str) -> tuple[int, int]:
    try:
        start, end = (int(part) for part in text.split("-", 1))
    except ValueError:
        raise fail(f"a span is START-END, e.g. 120-164, not {text!r}") from None
    if start < 0 or end <= start:
        raise fail(f"a span needs 0 <= START < END, not {text!r}")
    return start, end


def _run(store: Path, by: str | None, as_json: bool, action):
    """Open the store writable, run ``action(corrector, conn)`` and print the correction it returns."""
    from powermap.store import StoreError, open_store
    from powermap.store.corrections_write import CorrectionError, Corrector
    from powermap.store.queries import AmbiguousActor

    if not (Path(store) / "powermap.db").exists():
        raise fail(f"no powermap store at {store} (run `powermap ingest` first)")
    try:
        with open_store(store) as db:
            made = action(Corrector(db, _author(by)), db.conn)
    except (CorrectionError, StoreError, AmbiguousActor) as err:
        raise fail(str(err)) from None
    if as_json:
        print_json(made)
    else:
        _print([made])


def _doc(conn, doc_id: str) -> str:
    rows = conn.execute(
        "SELECT id FROM documents WHERE id = ? OR (length(?) >= 6 AND id LIKE ? || '%') LIMIT 2", (doc_id,) * 3
    ).fetchall()
    if len(rows) != 1:
        raise fail(f"no stored document {doc_id!r}" if not rows else f"{doc_id!r} names several documents")
    return rows[0][0]


def _match(items: list[str] | None) -> dict[str, str]:
    out = {}
    for item in items or []:
        field, sep, value = item.partition("=")
        if not sep or not field.strip():
            raise fail(f"--match is FIELD=VALUE, e.g. cameo=030, not {item!r}")
        out[field.strip()] = value.strip()
    return out


def _actor(conn, query: str | None) -> str | None:
    """The id of the stored actor ``query`` names ('none': no actor)."""
    from powermap.store.queries import find_actor

    if query is None or query.lower() == "none":
        return None
    found = find_actor(conn, query)
    if found is None:
        raise fail(f"no stored actor {query!r}")
    return found["id"]


def _register_mark(verdict: str, doc_help: str) -> None:
    """``correct wrong`` and ``correct right``: one body, two verdicts."""

    def mark_command(
        doc: str = DocArgument,
        kind: str = typer.Argument(..., help=FACT_HELP),
        span: str = SpanArgument,
        actor: str = typer.Option(None, help="For a mention: whose mention (when two actors share the span)."),
        match: list[str] = MatchOption,
        by: str = ByOption,
        store: Path = StoreOption,
        as_json: bool = JsonOption,
    ) -> None:
        _run(
            store, by, as_json,
            lambda c, conn: c.mark(_doc(conn, doc), kind, *_span(span), verdict, _actor(conn, actor), _match(match)),
        )  # fmt: skip

    mark_command.__doc__ = doc_help
    correct_app.command(verdict)(mark_command)


_register_mark("wrong", "Mark a fact wrong: it is left out of every analysis and export, now and after re-extraction.")
_register_mark(
    "right", "Confirm a fact: it is kept even when a newer pipeline no longer finds it, and goes into gold exports."
)


@correct_app.command("speaker")
def speaker_command(
    doc: str = DocArgument,
    span: str = SpanArgument,
    speaker: str = typer.Argument(..., help="The right speaker: actor id, code or name; 'none' for no speaker."),
    match: list[str] = MatchOption,
    by: str = ByOption,
    store: Path = StoreOption,
    as_json: bool = JsonOption,
) -> None:
    """Change a quote's speaker."""
    _run(
        store, by, as_json,
        lambda c, conn: c.speaker(_doc(conn, doc), *_span(span), _actor(conn, speaker), _match(match)),
    )  # fmt: skip


@correct_app.command("event")
def event_command(
    doc: str = DocArgument,
    span: str = SpanArgument,
    source: str = typer.Option(None, help="The right source actor ('none': no source)."),
    target: str = typer.Option(None, help="The right target actor ('none': no target)."),
    cameo: str = typer.Option(None, help="The right CAMEO code (PLOVER type and Goldstein score follow it)."),
    match: list[str] = MatchOption,
    by: str = ByOption,
    store: Path = StoreOption,
    as_json: bool = JsonOption,
) -> None:
    """Change an event's source, target or CAMEO code."""

    def action(c, conn):
        changes: dict = {}
        if source is not None:
            changes["source"] = _actor(conn, source)
        if target is not None:
            changes["target"] = _actor(conn, target)
        if cameo is not None:
            changes["cameo"] = cameo
        return c.event(_doc(conn, doc), *_span(span), _match(match), **changes)

    _run(store, by, as_json, action)


@correct_app.command("polarity")
def polarity_command(
    doc: str = DocArgument,
    span: str = SpanArgument,
    agree: bool = typer.Option(..., "--agree/--disagree", help="Whether the actor agrees with the concept."),
    match: list[str] = MatchOption,
    by: str = ByOption,
    store: Path = StoreOption,
    as_json: bool = JsonOption,
) -> None:
    """Set a stance's polarity."""
    _run(store, by, as_json, lambda c, conn: c.polarity(_doc(conn, doc), *_span(span), agree, _match(match)))


@correct_app.command("merge")
def merge_command(
    actor: str = typer.Argument(..., help="The actor that is really another one."),
    into: str = typer.Argument(..., help="The actor it is."),
    by: str = ByOption,
    store: Path = StoreOption,
    as_json: bool = JsonOption,
) -> None:
    """Merge two actors, in every stored document and in those ingested later."""
    _run(store, by, as_json, lambda c, conn: c.merge(_actor(conn, actor), _actor(conn, into)))


@correct_app.command("split")
def split_command(
    actor: str = typer.Argument(..., help="The actor some of whose mentions are someone else."),
    doc: str = DocArgument,
    into: str = typer.Option(None, help="A stored actor the mentions belong to."),
    name: str = typer.Option(None, help="Or the name of a new actor."),
    actor_type: str = typer.Option(None, "--type", help="The new actor's type (person, state, organisation, ...)."),
    mention: list[str] = typer.Option(None, help="A mention's span START-END (repeatable; none: every mention)."),
    by: str = ByOption,
    store: Path = StoreOption,
    as_json: bool = JsonOption,
) -> None:
    """Split an actor: in one document, some (or all) of its mentions are another actor."""

    def action(c, conn):
        spans = [_span(m) for m in mention or []]
        return c.split(_actor(conn, actor), _doc(conn, doc), _actor(conn, into), name, actor_type, spans)

    _run(store, by, as_json, action)


@correct_app.command("alias")
def alias_command(
    actor: str = typer.Argument(..., help="The actor."),
    alias: str = typer.Argument(..., help="Another name of it: every actor of that name is merged into it."),
    by: str = ByOption,
    store: Path = StoreOption,
    as_json: bool = JsonOption,
) -> None:
    """Add an alias to an actor."""
    _run(store, by, as_json, lambda c, conn: c.alias(_actor(conn, actor), alias))


@correct_app.command("undo")
def undo_command(
    correction: int = typer.Argument(..., help="The correction's number (`powermap correct list`)."),
    by: str = ByOption,
    store: Path = StoreOption,
    as_json: bool = JsonOption,
) -> None:
    """Undo a correction: the documents it changed are rebuilt without it."""
    _run(store, by, as_json, lambda c, conn: c.undo(correction))


@correct_app.command("list")
def list_command(
    doc: str = typer.Option(None, "--doc", help="Only this document's corrections."),
    actor: str = typer.Option(None, "--actor", help="Only corrections about this actor id."),
    include_undone: bool = typer.Option(False, "--all", help="Also undone corrections."),
    limit: int = typer.Option(200, min=1, help="At most this many."),
    store: Path = StoreOption,
    as_json: bool = JsonOption,
) -> None:
    """List corrections, newest first."""
    from powermap.serve.cli.options import open_reader
    from powermap.store.corrections_log import list_corrections

    conn = open_reader(store).conn
    rows = list_corrections(conn, _doc(conn, doc) if doc else None, actor, include_undone, limit)
    if as_json:
        print_json(rows)
    else:
        _print(rows)


def _print(rows: list[dict]) -> None:
    table = Table("#", "when", "by", "action", "kind", "doc", "span", "actor", "change", "undone")
    for r in rows:
        span = f"{r['start']}-{r['end']}" if r["start"] is not None else ""
        table.add_row(
            str(r["id"]), r["created_at"], escape(r["author"]), r["action"], r["kind"], (r["doc_id"] or "")[:8],
            span, escape(r["actor"] or ""), escape(_change(r)), r["undone_at"] or "",
        )  # fmt: skip
    out_console.print(table)


def _change(row: dict) -> str:
    before, after = row["before"] or {}, row["after"] or {}
    if row["action"] in ("merge", "alias"):
        return f"-> {after.get('into') or after.get('alias')}"
    if row["action"] == "split":
        return f"-> {after['actor']['id']}"
    changed = [k for k in ("speaker", "source", "target", "cameo", "agree") if k in after and after[k] != before.get(k)]
    return ", ".join(f"{k}: {before.get(k)} -> {after[k]}" for k in changed)
