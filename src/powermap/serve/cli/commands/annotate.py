"""``powermap annotators``, ``powermap eval ner|parse`` and ``powermap train``: the NLP back ends."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from powermap.serve.cli.output import err_console, out_console, print_json

eval_app = typer.Typer(help="Score an annotator against gold files.", no_args_is_help=True)

AnnotatorOption = typer.Option(
    None, "--annotator", "-a", help="Registered name (nl_powermap.v1, frog.v1, spacy.v1) or spacy:<pipeline>."
)
LanguageOption = typer.Option("nl", "--language", "-l", help="ISO 639-1 code of the gold file.")
JsonOption = typer.Option(False, "--json", help="Print JSON to stdout.")
LimitOption = typer.Option(None, "--limit", help="Only the first N sentences.")


def register(app: typer.Typer) -> None:
    app.command("annotators")(annotators_command)
    app.command("train")(train_command)
    eval_app.command("ner")(eval_ner_command)
    eval_app.command("parse")(eval_parse_command)
    app.add_typer(eval_app, name="eval")


def annotators_command(
    language: list[str] = typer.Option(["nl", "en"], "--language", "-l", help="Languages to list."),
    as_json: bool = JsonOption,
) -> None:
    """List the annotation back ends, whether each is installed, and what each provides."""
    from powermap.annotate.inventory import inventory

    rows = inventory(tuple(language))
    if as_json:
        print_json(rows)
        return
    table = Table("language", "annotator", "default", "installed", "provides", "description", expand=True)
    for row in rows:
        table.add_row(
            row["language"],
            row["name"],
            str(row["default"] or ""),
            "yes" if row["installed"] else "no",
            ",".join(row.get("provides", [])),
            row.get("description") or row.get("error", ""),
        )
    out_console.print(table)


def _annotator(spec: str | None, language: str, for_eval: bool = True):
    from powermap.annotate import get_annotator
    from powermap.annotate.spacy_pipeline import load_annotator

    if spec is None:
        return get_annotator(language)
    if spec == "frog.v1" and for_eval:
        from powermap.annotate.frog import FrogAnnotator

        return FrogAnnotator(pretokenised=True)  # gold tokens, one sentence per line
    return load_annotator(spec, language)


def _evaluate(scorer, path: Path, annotator: str | None, language: str, limit: int | None) -> dict:
    """Score the chosen back end on ``path`` with ``scorer``, closing the back end afterwards."""
    backend = _annotator(annotator, language)
    try:
        return scorer(backend, path, limit=limit)
    finally:
        backend.close()


def eval_ner_command(
    conll: Path = typer.Option(..., "--conll", exists=True, dir_okay=False, help="CoNLL NER file (IOB)."),
    annotator: str = AnnotatorOption,
    language: str = LanguageOption,
    limit: int = LimitOption,
    as_json: bool = JsonOption,
) -> None:
    """Entity-level precision, recall and F1 (exact match, per type and overall) and words/s."""
    from powermap.annotate.evaluate import eval_ner

    result = _evaluate(eval_ner, conll, annotator, language, limit)
    if as_json:
        print_json(result)
        return
    table = Table("type", "precision", "recall", "F1", "support", title=f"{result['annotator']} on {conll.name}")
    for label, r in sorted(result["per_type"].items()):
        table.add_row(label, f"{r['precision']:.3f}", f"{r['recall']:.3f}", f"{r['f1']:.3f}", str(r["support"]))
    table.add_row("overall", f"{result['precision']:.3f}", f"{result['recall']:.3f}", f"{result['f1']:.3f}", "")
    out_console.print(table)
    err_console.print(f"{result['words']} words, {result['words_per_second']:.0f} words/s")


def eval_parse_command(
    conllu: Path = typer.Option(..., "--conllu", exists=True, dir_okay=False, help="CoNLL-U gold file."),
    annotator: str = AnnotatorOption,
    language: str = LanguageOption,
    limit: int = LimitOption,
    as_json: bool = JsonOption,
) -> None:
    """UPOS, lemma, UAS and LAS on gold tokenisation, and words/s."""
    from powermap.annotate.evaluate import eval_parse

    result = _evaluate(eval_parse, conllu, annotator, language, limit)
    if as_json:
        print_json(result)
        return
    table = Table("UPOS", "lemma", "UAS", "LAS", "words", "words/s", title=f"{result['annotator']} on {conllu.name}")
    table.add_row(
        *(f"{result[k]:.3f}" for k in ("upos", "lemma", "uas", "las")),
        str(result["words"]),
        f"{result['words_per_second']:.0f}",
    )
    out_console.print(table)


def train_command(
    data: Path = typer.Option(Path("../shared/data"), "--data", help="The shared data directory."),
    configs: Path = typer.Option(Path("training"), "--configs", help="Folder with syntax.cfg and ner.cfg."),
    output: Path = typer.Option(Path("training/output/build"), "--output", help="Working folder."),
    max_steps: int = typer.Option(None, "--max-steps", help="Cap training steps per component."),
    limit: int = typer.Option(None, "--limit", help="Docs per corpus file (tiny runs)."),
    install: bool = typer.Option(True, "--install/--no-install", help="Replace the packaged Dutch model."),
    as_json: bool = JsonOption,
) -> None:
    """Rebuild the Dutch pipeline from the shared data (convert, train, assemble, install)."""
    from powermap.annotate.train import PACKAGED_MODEL, run_training

    result = run_training(
        data, output, configs, max_steps=max_steps, limit=limit, install=PACKAGED_MODEL if install else None
    )
    if as_json:
        print_json(result)
        return
    err_console.print(f"model: {result['model']}" + (f" (installed at {result['installed']})" if install else ""))
    for key, value in sorted(result["scores"].items()):
        err_console.print(f"  {key}: {value:.3f}")
