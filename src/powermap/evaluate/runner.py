"""Extract a gold set's documents as a user would and score the records.

A gold set is a folder of ``NAME.gold.json`` files whose ``document.file`` names an article in
the corpus folder. The publication date and outlet come from an ``index.tsv`` (columns
``file``, ``published`` and ``source``, the file relative to the index's folder) when there is
one, exactly as a user passes ``--published`` and ``--source``; the language is detected.
"""

from __future__ import annotations

import csv
import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from powermap.evaluate.errors import document_errors, summarise_errors
from powermap.evaluate.scoring import DocumentScore, score_document, summarise

log = logging.getLogger(__name__)

#: a function from a document's text file and its ingest overrides to its extraction record
ExtractOne = Callable[[Path, dict[str, str]], dict[str, Any]]


class GoldSetError(ValueError):
    """The gold or corpus folder cannot be evaluated (missing, empty, unreadable)."""


@dataclass
class GoldDocument:
    """One gold file and the corpus file it describes."""

    name: str
    gold: dict[str, Any]
    path: Path
    overrides: dict[str, str] = field(default_factory=dict)


@dataclass
class Evaluation:
    """The scores, the errors and what went wrong while extracting, for one gold set."""

    scores: dict[str, Any]
    errors: list[dict[str, Any]]
    failures: dict[str, str]
    records: dict[str, dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return {**self.scores, "errors": summarise_errors(self.errors), "failures": self.failures}


def read_index(index: Path) -> dict[str, dict[str, str]]:
    """``{corpus file path (resolved): {"published": ..., "source": ...}}`` from an index.tsv."""
    rows: dict[str, dict[str, str]] = {}
    with index.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            name = (row.get("file") or "").strip()
            if not name:
                continue
            wanted = {key: (row.get(key) or "").strip() for key in ("published", "source")}
            rows[str((index.parent / name).resolve())] = {k: v for k, v in wanted.items() if v}
    return rows


def find_index(corpus: Path) -> Path | None:
    """The ``index.tsv`` in the corpus folder or the folder above it, if any."""
    for candidate in (corpus / "index.tsv", corpus.parent / "index.tsv"):
        if candidate.is_file():
            return candidate
    return None


def load_gold_set(gold_dir: Path, corpus: Path, index: Path | None = None) -> list[GoldDocument]:
    """The gold documents of ``gold_dir`` with their corpus files and index overrides."""
    if not gold_dir.is_dir():
        raise GoldSetError(f"gold folder not found: {gold_dir}")
    if not corpus.is_dir():
        raise GoldSetError(f"corpus folder not found: {corpus}")
    overrides = read_index(index) if index else {}
    documents = []
    for path in sorted(gold_dir.glob("*.gold.json")):
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
            name = gold["document"]["file"]
        except (OSError, ValueError, KeyError, TypeError) as err:
            raise GoldSetError(f"{path}: not a gold file ({err})") from None
        text_path = corpus / name
        documents.append(GoldDocument(name, gold, text_path, overrides.get(str(text_path.resolve()), {})))
    if not documents:
        raise GoldSetError(f"no *.gold.json files in {gold_dir}")
    return documents


def default_extract_one(stage_names: list[str] | None = None) -> ExtractOne:
    """Read one file through ingest (with the overrides) and run the default extractor on it."""
    from powermap.extract import Extractor

    extractor = Extractor(stage_names)
    return lambda path, overrides: extract_file(path, overrides, extractor)


def extract_file(path: Path, overrides: dict[str, str], extractor: Callable) -> dict[str, Any]:
    """The extraction record of one text file, read as ``powermap extract`` reads it.

    ``overrides`` holds what a user passes on the command line: ``published``, ``source`` and
    ``language`` (absent: from the text, as ``powermap extract`` does).
    """
    from powermap.ingest.model import IngestFailure
    from powermap.ingest.options import IngestOptions
    from powermap.ingest.run import to_document
    from powermap.ingest.sources import read_inputs

    options = IngestOptions(
        published=overrides.get("published"), source=overrides.get("source"), language=overrides.get("language")
    )
    for item in read_inputs([str(path)], options):
        if isinstance(item, IngestFailure):
            raise GoldSetError(str(item))
        return extractor(to_document(item)).to_dict()
    raise GoldSetError(f"{path}: nothing read")


def extract_all(
    paths: Iterable[tuple[Path, dict[str, str]]], extract_one: ExtractOne
) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    """Records keyed by file name, and failures (name -> reason); one bad file never stops the rest."""
    records: dict[str, dict[str, Any]] = {}
    failures: dict[str, str] = {}
    for path, overrides in paths:
        try:
            records[path.name] = extract_one(path, overrides)
        except Exception as err:  # a crash in one document is reported, not fatal
            log.warning("extraction failed for %s: %s", path, err)
            failures[path.name] = f"{type(err).__name__}: {err}"
    return records, failures


def score_records(documents: list[GoldDocument], records: dict[str, dict[str, Any]]) -> Evaluation:
    """Score records (keyed by corpus file name; a missing one counts as no output)."""
    scored: list[DocumentScore] = []
    errors: list[dict[str, Any]] = []
    for doc in documents:
        score = score_document(doc.gold, records.get(doc.name) or {})
        scored.append(score)
        errors.extend(document_errors(doc.name, score))
    return Evaluation(summarise(scored), errors, {}, records)


def evaluate_gold_set(
    gold_dir: Path,
    corpus: Path,
    index: Path | None = None,
    extract_one: ExtractOne | None = None,
) -> Evaluation:
    """Extract every gold document of the set and score it (with its error report)."""
    documents = load_gold_set(gold_dir, corpus, index)
    extract_one = extract_one or default_extract_one()
    records, failures = extract_all(((d.path, d.overrides) for d in documents), extract_one)
    evaluation = score_records(documents, records)
    evaluation.failures = failures
    return evaluation


def records_by_name(lines: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Extraction records (JSON lines) keyed by the base name of ``document.path``."""
    records = {}
    for line in lines:
        if line.strip():
            record = json.loads(line)
            records[Path((record.get("document") or {}).get("path") or "").name] = record
    return records
