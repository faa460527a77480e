"""``powermap events``, ``powermap stances`` and ``powermap concepts``: query coded events and
stances in the store, and propose concepts for a corpus."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from powermap.serve.cli.options import JsonOption, StoreOption, open_reader
from powermap.serve.cli.output import err_console, out_console, print_json
from powermap.store.queries import document_texts, query_events, query_stances


def register(app: typer.Typer) -> None:
    app.command("events")(events_command)
    app.command("stances")(stances_command)
    app.command("concepts")(concepts_command)


def events_command(
    source: str = typer.Option(None, "--source", help="Source actor: id, name or CAMEO actor code."),
    target: str = typer.Option(None, "--target", help="Target actor: id, name or CAMEO actor code."),
    cameo: str = typer.Option(None, "--cameo", help="CAMEO code or root prefix, e.g. 16 or 163."),
    since: str = typer.Option(None, "--since", help="Earliest event date, YYYY[-MM[-DD]]."),
    limit: int = typer.Option(100, "--limit", help="Most rows to print."),
    store: Path = StoreOption,
    json_: bool = JsonOption,
) -> None:
    """Coded events in the store (who did what to whom, CAMEO and PLOVER)."""
    with open_reader(store) as st:
        rows = query_events(st.reader(), source, target, cameo, since, limit)
    if json_:
        print_json(rows)
        return
    if not rows:
        err_console.print("no events match")
        return
    table = Table("date", "source", "cameo", "plover", "target", "mod", "sentence")
    for r in rows:
        code = ("not " if r["negated"] else "") + r["cameo"]
        target = (r["target_name"] or r["target"] or "") + "".join(f", {t}" for t in r["other_targets"])
        mod = r["modality"] + (" (reported)" if r["reported"] else "")
        table.add_row(r["date"] or "", r["source_name"] or r["source"] or "", code, r["plover"] or "",
                      target, mod, r["sentence"][:80])  # fmt: skip
    out_console.print(table)


def stances_command(
    actor: str = typer.Option(None, "--actor", help="Actor id or name."),
    concept: str = typer.Option(None, "--concept", help="Concept label (substring)."),
    limit: int = typer.Option(100, "--limit", help="Most rows to print."),
    store: Path = StoreOption,
    json_: bool = JsonOption,
) -> None:
    """Stances in the store: which actor agrees or disagrees with which concept."""
    with open_reader(store) as st:
        rows = query_stances(st.reader(), actor, concept, limit)
    if json_:
        print_json(rows)
        return
    if not rows:
        err_console.print("no stances match")
        return
    table = Table("actor", "concept", "agree", "evidence")
    for r in rows:
        table.add_row(r["actor_name"] or r["actor"], r["concept"], "yes" if r["agree"] else "no", r["evidence"][:90])
    out_console.print(table)


def concepts_command(
    propose: bool = typer.Option(False, "--propose", help="Propose concepts from the stored documents."),
    language: str = typer.Option(None, "--language", help="Only documents in this language."),
    limit: int = typer.Option(30, "--limit", help="How many concepts to propose."),
    min_docs: int = typer.Option(2, "--min-docs", help="Documents a phrase must occur in."),
    store: Path = StoreOption,
    json_: bool = JsonOption,
) -> None:
    """The concept list stances use, or (--propose) candidate concepts mined from the corpus."""
    if not propose:
        from powermap.extract.stances import load_concepts

        rows = [{"label": c.label, "terms": c.terms, "with": c.with_} for c in load_concepts()]
        if json_:
            print_json(rows)
        else:
            for row in rows:
                out_console.print(row["label"])
        return
    from powermap.annotate import get_annotator
    from powermap.extract.stances import propose_concepts

    with open_reader(store) as st:
        docs = document_texts(st.reader(), language)
    if not docs:
        err_console.print("no documents in the store")
        raise typer.Exit(1)
    lang = language or docs[0][1] or "en"
    annotator = get_annotator(lang)
    ranked = propose_concepts((annotator(text) for text, _ in docs), limit=limit, min_docs=min_docs)
    if json_:
        print_json([{"concept": phrase, "score": score} for phrase, score in ranked])
        return
    table = Table("concept", "tf-idf")
    for phrase, score in ranked:
        table.add_row(phrase, f"{score:.3f}")
    out_console.print(table)
