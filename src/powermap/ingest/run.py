"""The ingest job: read inputs, extract, and store each document in one transaction."""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from powermap.extract import Extractor
from powermap.ingest.guard import extract_guarded, freeze_loaded
from powermap.ingest.model import IngestFailure, SourceDocument
from powermap.ingest.options import IngestOptions
from powermap.ingest.sources import read_inputs
from powermap.records import Document, ExtractionRecord, document_id
from powermap.store import AddResult, Store, StoreError
from powermap.store.prepared import PreparedRecord

if TYPE_CHECKING:
    from powermap.scale import DaskExtractor, ForkPool

OnItem = Callable[[SourceDocument | IngestFailure, AddResult | None], None]

#: documents extracted in one process share a memory zone in batches of this many
#: (``Extractor.batch``): the words they share are added to the model's vocabulary once per batch
ZONE_BATCH = 16


@dataclass
class IngestReport:
    """What an ingest run did: counts by outcome and every failure with its reason (each document's
    own result goes to ``on_item``; none is kept, so a long run's memory stays flat)."""

    counts: Counter = field(default_factory=Counter)
    failures: list[IngestFailure] = field(default_factory=list)

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
    on_item: OnItem | None = None,
    parallel: DaskExtractor | ForkPool | None = None,
    reextract: bool = False,
) -> IngestReport:
    """Read every input into ``store``; a bad input is counted and reported, never fatal.

    Texts already stored are recognised before any extraction work, so a re-run after a crash
    resumes where the last committed document left off. With ``parallel``, extraction runs on
    worker processes, which also prepare each record for the store (``store.prepared``), while
    this process stays the store's only writer. With ``reextract``, a stored
    text is extracted again and its extraction replaced (status ``re-extracted``); the corrections
    people made to it are applied to the new record.
    """
    report = IngestReport()
    stage_names = extractor.stage_names if extractor else []

    def settle(item: SourceDocument | IngestFailure, result: AddResult | None) -> None:
        if result is None:
            failure = item if isinstance(item, IngestFailure) else IngestFailure(item.input, "unknown failure")
            report.failures.append(failure)
            report.counts["failed"] += 1
        else:
            report.counts[result.status] += 1
        if on_item:
            on_item(item, result)

    def store_one(source: SourceDocument, outcome: ExtractionRecord | PreparedRecord | str) -> None:
        if isinstance(outcome, str):
            settle(IngestFailure(source.input, outcome), None)
            return
        record = outcome.record if isinstance(outcome, PreparedRecord) else outcome
        try:
            existing = store.find_duplicate(source.text) if reextract else None
            if existing == record.document.id:
                store.replace_extraction(outcome, stage_names)
                settle(source, AddResult("re-extracted", existing))
                return
            settle(source, store.add(source, outcome, stage_names))
        except StoreError as err:
            settle(IngestFailure(source.input, f"not stored: {err}"), None)
        except (sqlite3.DatabaseError, UnicodeError, ValueError, OverflowError) as err:  # this document only
            settle(IngestFailure(source.input, f"not stored: {type(err).__name__}: {err}"), None)

    def new_documents() -> Iterator[SourceDocument]:
        """Inputs that need extraction; failures and stored texts are settled on the way."""
        for item in read_inputs(inputs, options):
            if isinstance(item, IngestFailure):
                settle(item, None)
                continue
            existing = store.find_duplicate(item.text)
            if existing and not (reextract and existing == document_id(item.text) and extractor is not None):
                settle(item, AddResult("duplicate", existing, duplicate_of=existing, similarity=1.0))
                continue
            yield item

    if parallel is not None and extractor is not None:
        waiting: dict[str, list[SourceDocument]] = defaultdict(list)

        def documents() -> Iterator[Document]:
            for source in new_documents():
                waiting[document_id(source.text)].append(source)
                yield to_document(source)

        for document, outcome in parallel.map(documents(), prepared=True):  # workers prepare, this process writes
            sources = waiting[document.id]
            source = sources.pop(0)
            if not sources:  # no entry left behind per document: the driver's memory stays flat
                del waiting[document.id]
            store_one(source, outcome)
        return report

    if extractor is None:
        for source in new_documents():
            store_one(source, ExtractionRecord(document=to_document(source)))
        return report
    remaining = new_documents()  # read one at a time (a text repeated within a batch is still a duplicate)
    batch = getattr(extractor, "batch", nullcontext)  # an extractor-like callable without zones: no batches
    taken, batches = ZONE_BATCH, 0
    while taken == ZONE_BATCH:
        taken = 0
        with batch():  # closed after each batch: the zone never stays open between calls
            for source in remaining:
                store_one(source, extract_guarded(extractor, to_document(source), options.time_limit))
                taken += 1
                if taken == ZONE_BATCH:
                    break
        batches += 1
        if batches == 1 and taken:  # the first batch has loaded the models and tables its documents need
            freeze_loaded()
    return report
