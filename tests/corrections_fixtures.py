"""A small store for the corrections tests: two invented Dutch documents with a wrong speaker, an
event, a stance, a claim and a document actor that is really a knowledge-base actor."""

from __future__ import annotations

from pathlib import Path

from powermap.ingest.model import SourceDocument
from powermap.records import Actor, Claim, Document, Event, ExtractionRecord, Quote, Span, Stance, document_id
from powermap.store import open_store

FIRST = (
    "Minister Anna Vos sprak dinsdag in Brugstad. \u201cWij steunen het plan voor de haven\u201d, zei Vos. "
    "Jan Smit luisterde. Daarna bekritiseerde Vos de regering van Landia. Het plan kost 12 miljoen euro."
)
SECOND = "De minister Vos reisde woensdag naar Landia. Vos ontmoette er Jan Smit."


def span(text: str, part: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Span(part, start, start + len(part))


def first_record(quote_shift: int = 0, speaker: str = "jan_smit", with_event: bool = True) -> ExtractionRecord:
    """The first document as a pipeline might read it: the quote goes to the wrong speaker.
    ``quote_shift`` cuts the quote one character shorter on each side (a newer pipeline's spans)."""
    text = FIRST
    quote = span(text, "Wij steunen het plan voor de haven")
    quote = Span(
        text[quote.start + quote_shift : quote.end - quote_shift], quote.start + quote_shift, quote.end - quote_shift
    )
    sentence = span(text, "Daarna bekritiseerde Vos de regering van Landia.")
    stance_sentence = span(text, "\u201cWij steunen het plan voor de haven\u201d, zei Vos.")
    claim = span(text, "12 miljoen euro")
    actors = [
        Actor("anna_vos", "Anna Vos", "person", mentions=[span(text, "Anna Vos")]),
        Actor("vos", "Vos", "person", mentions=[span(text, "Vos", 1), span(text, "Vos", 2)]),
        Actor("jan_smit", "Jan Smit", "person", mentions=[span(text, "Jan Smit")]),
        Actor("landia", "Landia", "state", country="LND", mentions=[span(text, "Landia")]),
    ]
    events = [Event("vos", "landia", "111", "CRITICIZE", -2.0, sentence.text, sentence.start, sentence.end)]
    return ExtractionRecord(
        document=Document(id=document_id(text), text=text, title="Haven", published="2024-03-05", language="nl"),
        actors=actors,
        quotes=[Quote(quote.text, quote.start, quote.end, speaker, "direct", cue="zei")],
        claims=[Claim(claim.text, claim.start, claim.end, 12_000_000.0, "EUR", about="het plan", subject=["vos"])],
        events=events if with_event else [],
        stances=[Stance("vos", "het plan", False, stance_sentence.text, stance_sentence.start, stance_sentence.end)],
    )


def second_record() -> ExtractionRecord:
    text = SECOND
    return ExtractionRecord(
        document=Document(id=document_id(text), text=text, title="Reis", published="2024-03-06", language="nl"),
        actors=[
            Actor("vos_2", "Vos", "person", mentions=[span(text, "Vos"), span(text, "Vos", 1)]),
            Actor("landia", "Landia", "state", country="LND", mentions=[span(text, "Landia")]),
            Actor("jan_smit", "Jan Smit", "person", mentions=[span(text, "Jan Smit")]),
        ],
        events=[Event("vos_2", "jan_smit", "040", "CONSULT", 1.0, "Vos ontmoette er Jan Smit.", 45, 71)],
    )


def source(record: ExtractionRecord) -> SourceDocument:
    doc = record.document
    return SourceDocument(text=doc.text, input=f"{doc.title}.txt", title=doc.title, published=doc.published)


def build_store(folder: Path, second: bool = True, first: ExtractionRecord | None = None) -> tuple[str, str]:
    """The store with the two documents (``first`` in place of the first one's record); their ids."""
    first = first or first_record()
    records = [first, second_record()] if second else [first]
    with open_store(folder) as store:
        for record in records:
            store.add(source(record), record, ["test.v1"])
    return records[0].document.id, records[-1].document.id


def quote_at(text: str) -> tuple[int, int]:
    found = span(text, "Wij steunen het plan voor de haven")
    return found.start, found.end
