"""The ingest job: read inputs, extract, and store each document in one transaction."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from powermap.extract import Extractor
from powermap.ingest.model import IngestFailure, SourceDocument
from powermap.ingest.options import IngestOptions
from powermap.ingest.sources import read_inputs
from powermap.records import Document, document_id
from powermap.store import AddResult, Store, StoreError


@dataclass
class IngestReport:
    """What an ingest run did: counts by outcome and every failure with its reason."""

    counts: Counter = field(default_factory=Counter)
    failures: list[IngestFailure] = field(default_factory=list)
    results: list[AddResult] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def to_document(source: SourceDocument) -> Document:
    """The record's document part for an ingested text."""
    return Document(
        id=document_id(source.text),
        text=source.text,
        path=source.path,
        url=source.url,
        title=source.title,
        published=source.published,
        language=source.language,
    )


def ingest(
    inputs: Iterable[str],
    store: Store,
    options: IngestOptions,
    extractor: Extractor | None,
    on_item: Callable[[SourceDocument | IngestFailure, AddResult | None], None] | None = None,
) -> IngestReport:
    """Read every input into ``store``; a bad input is counted and reported, never fatal.

    Texts already stored are recognised before any extraction work, so a re-run after a crash
    resumes where the last committed document left off.
    """
    report = IngestReport()
    stage_names = extractor.stage_names if extractor else []
    for item in read_inputs(inputs, options):
        result: AddResult | None = None
        if isinstance(item, IngestFailure):
            report.failures.append(item)
            report.counts["failed"] += 1
        else:
            existing = store.find_duplicate(item.text)
            if existing:
                result = AddResult("duplicate", existing, duplicate_of=existing, similarity=1.0)
            else:
                document = to_document(item)
                failure: IngestFailure | None = None
                try:
                    record = extractor(document) if extractor else _empty(document)
                    result = store.add(item, record, stage_names)
                except StoreError as err:
                    failure = IngestFailure(item.input, f"not stored: {err}")
                except Exception as err:  # a stage bug must not end a long run or lose stored data
                    failure = IngestFailure(item.input, f"extraction failed: {type(err).__name__}: {err}")
                if failure is not None:
                    report.failures.append(failure)
                    report.counts["failed"] += 1
                    item = failure
            if result:
                report.counts[result.status] += 1
                report.results.append(result)
        if on_item:
            on_item(item, result)
    return report


def _empty(document: Document):
    from powermap.records import ExtractionRecord

    return ExtractionRecord(document=document)
