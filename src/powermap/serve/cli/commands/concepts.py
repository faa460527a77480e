"""``powermap concepts``: the concept list stances use, or (--propose) the concepts found by
meaning in the stored stances, labelled, with counts."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import typer
from rich.table import Table

from powermap.serve.cli.commands._analysis import fail
from powermap.serve.cli.options import JsonOption, QuietOption, StoreOption, open_reader
from powermap.serve.cli.output import err_console, out_console, print_json, working

ConceptFileOption = typer.Option(
    None, "--concept-file", help="YAML concept file: rename, merge, pin or drop concepts (docs/analysis.md)."
)


def register(app: typer.Typer) -> None:
    app.command("concepts")(concepts_command)


def load_concept_file(path: Path | None):
    """The parsed concept file, or a clean exit naming what is wrong with it."""
    if path is None:
        return None
    from powermap.analyse.concept_file import ConceptFileError, read_concept_file

    if not path.is_file():
        raise fail(f"no concept file {path}")
    try:
        return read_concept_file(path)
    except ConceptFileError as err:
        raise fail(str(err)) from None


def concepts_command(
    propose: bool = typer.Option(False, "--propose", help="Group the stored stances into concepts by meaning."),
    concept_file: Path = ConceptFileOption,
    limit: int = typer.Option(30, "--limit", help="How many concepts to show."),
    min_statements: int = typer.Option(2, "--min-statements", help="Statements a concept needs to be shown."),
    store: Path = StoreOption,
    json_: bool = JsonOption,
    quiet: bool = QuietOption,
) -> None:
    """The concept list stances use, or (--propose) concepts found by meaning in the stored stances."""
    if not propose:
        from powermap.extract.stances import load_concepts

        rows = [{"label": c.label, "terms": c.terms, "with": c.with_} for c in load_concepts()]
        if json_:
            print_json(rows)
        else:
            for row in rows:
                out_console.print(row["label"])
        return
    from powermap.analyse.concepts import group_statements, load_concept_statements

    parsed = load_concept_file(concept_file)
    conn = open_reader(store).reader()
    statements = load_concept_statements(conn)
    if not statements:
        err_console.print("no stances in the store")
        raise typer.Exit(1)
    with working(f"grouping {len(statements)} statements by meaning", quiet):
        found = group_statements(statements, parsed, conn)
    shown = [c for c in found.concepts if c.statements >= min_statements][:limit]
    if json_:
        print_json([dataclasses.asdict(c) for c in shown])
        return
    title = f"{len(found.concepts)} concepts over {len(statements)} statements"
    table = Table("concept", "statements", "actors", "docs", "agree", "languages", "example", title=title)
    for c in shown:
        example = (c.phrase or c.examples[0])[:60]
        counts = (str(c.statements), str(c.actors), str(c.documents), f"{c.agree / c.statements:.0%}")
        table.add_row(c.label, *counts, ",".join(c.languages), example)
    out_console.print(table)
