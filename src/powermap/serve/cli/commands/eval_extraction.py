"""``powermap eval extraction`` and ``powermap eval gate``: extraction accuracy on gold sets."""

from __future__ import annotations

import json
import time
from pathlib import Path

import typer

from powermap.serve.cli.commands.annotate import eval_app
from powermap.serve.cli.options import JsonOption, StagesOption, stage_names
from powermap.serve.cli.output import err_console, print_json

DEFAULT_FLOORS = Path("tests/accuracy_floors.json")


def register(app: typer.Typer) -> None:
    """Add the commands to the ``eval`` group (which ``annotate`` adds to ``app``)."""
    eval_app.command("extraction")(eval_extraction_command)
    eval_app.command("gate")(eval_gate_command)


def eval_extraction_command(
    gold: Path = typer.Option(..., "--gold", file_okay=False, help="Folder of NAME.gold.json files."),
    corpus: Path = typer.Option(..., "--corpus", file_okay=False, help="Folder with the articles the gold names."),
    index: Path = typer.Option(
        None,
        "--index",
        dir_okay=False,
        help="index.tsv with each file's published date and source (default: index.tsv in the corpus "
        "folder or the one above it).",
    ),
    pred: Path = typer.Option(
        None, "--pred", dir_okay=False, help="Score these extraction records (JSON lines) instead of extracting."
    ),
    errors: Path = typer.Option(None, "--errors", dir_okay=False, help="Write every error here as JSON lines."),
    stages: str = StagesOption,
    as_json: bool = JsonOption,
) -> None:
    """Extract every gold document as a user would and print P, R, F1 and counts per category, with the errors."""
    from powermap.evaluate.report import render
    from powermap.evaluate.runner import (
        GoldSetError,
        default_extract_one,
        evaluate_gold_set,
        find_index,
        load_gold_set,
        records_by_name,
        score_records,
    )

    started = time.perf_counter()
    try:
        if pred is not None:
            records = records_by_name(pred.read_text(encoding="utf-8").splitlines())
            evaluation = score_records(load_gold_set(gold, corpus), records)
        else:
            index = index or find_index(corpus)
            evaluation = evaluate_gold_set(gold, corpus, index, default_extract_one(stage_names(stages)))
    except (GoldSetError, OSError, ValueError) as err:
        err_console.print(f"[red]error:[/red] {err}")
        raise typer.Exit(2) from None
    if errors is not None:
        with errors.open("w", encoding="utf-8") as handle:
            for error in evaluation.errors:
                handle.write(json.dumps(error, ensure_ascii=False) + "\n")
    if as_json:
        print_json(evaluation.to_dict())
    else:
        typer.echo(render(evaluation.scores, evaluation.errors, evaluation.failures))
    err_console.print(f"{len(evaluation.records)} documents in {time.perf_counter() - started:.1f} s")


def eval_gate_command(
    floors: Path = typer.Option(DEFAULT_FLOORS, "--floors", dir_okay=False, help="The floors file of the gate."),
    raise_floors: bool = typer.Option(
        False, "--raise", help="Move every floor up to today's F1 minus the file's margin (never down)."
    ),
    as_json: bool = JsonOption,
) -> None:
    """Extract every gated dev set and fail (exit 1) when a category's F1 is below its floor.

    ``--raise`` moves each floor up to the F1 reached minus the file's margin; it never lowers one,
    so a category below its floor still fails.
    """
    from powermap.evaluate.floors import check, gated_sets, write_raised
    from powermap.evaluate.runner import GoldSetError, default_extract_one, evaluate_gold_set

    try:
        sets = gated_sets(floors)
        extract_one = default_extract_one()
        results = {s.name: evaluate_gold_set(s.gold, s.corpus, s.index, extract_one).scores for s in sets}
    except (GoldSetError, OSError, ValueError, KeyError) as err:
        err_console.print(f"[red]error:[/red] {err}")
        raise typer.Exit(2) from None
    shortfalls = [s for gated in sets for s in check(gated.name, results[gated.name], gated.floors)]
    changes = write_raised(floors, results) if raise_floors else {}
    if as_json:
        print_json(
            {"scores": results, "shortfalls": [str(s) for s in shortfalls], "raised": changes if raise_floors else None}
        )
    else:
        for gated in sets:
            cells = ", ".join(
                f"{c} {results[gated.name]['categories'][c]['f1']:.3f} (floor {f:.3f})" for c, f in gated.floors.items()
            )
            typer.echo(f"{gated.name}: {cells}")
        for shortfall in shortfalls:
            typer.echo(f"BELOW FLOOR {shortfall}")
        for name, moved in changes.items():
            typer.echo(f"raised {name}: " + ", ".join(f"{c} {a:.3f} -> {b:.3f}" for c, (a, b) in moved.items()))
    if shortfalls:  # with --raise too: the other floors moved up, these stay where they were
        raise typer.Exit(1)
