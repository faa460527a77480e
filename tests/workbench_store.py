"""A small store for the workbench tests: three invented documents (text written for these tests)
with actors, quotes, claims, events and stances, so every page has something to show."""

from __future__ import annotations

from pathlib import Path

from powermap.ingest.model import SourceDocument
from powermap.records import Actor, Claim, Document, Event, ExtractionRecord, Quote, Span, Stance, document_id
from powermap.store import open_store

TEXTS = [
    (
        "2031-03-02",
        "Valoria en Marendia tekenen havenakkoord",
        "Valoria en Marendia tekenden maandag een havenakkoord. \u201cDit is een goede dag voor beide landen\u201d, "
        "zei minister Ida Kersten. De werkloosheid in Valoria daalde tot 6,1 procent. "
        "Ida Kersten steunt een gezamenlijke energiemarkt. Jean-Luc D'Ancona van de kustwacht was er ook.",
    ),
    (
        "2031-03-20",
        "Ruzie over visrechten",
        "Marendia beschuldigde Valoria dinsdag van overbevissing. De werkloosheid in Valoria steeg tot 7,4 procent. "
        "Ida Kersten wijst sancties af. Tomas Veld steunt een gezamenlijke energiemarkt. "
        "In Malmö en São Tomé volgden waarnemers het overleg.",
    ),
    (
        "2031-04-11",
        "Nieuwe gesprekken",
        "Valoria nodigde Marendia uit voor nieuwe gesprekken. Marendia dreigde met een blokkade van de haven.",
    ),
]
ACTORS = {
    "valoria": ("Valoria", "state", "VAL"),
    "marendia": ("Marendia", "state", "MAR"),
    "ida_kersten": ("Ida Kersten", "person", None),
    "tomas_veld": ("Tomas Veld", "person", None),
}


def span(text: str, part: str, after: int = 0) -> Span:
    start = text.index(part, after)
    return Span(part, start, start + len(part))


def sentence_of(text: str, part: str) -> tuple[str, int, int]:
    start = text.index(part)
    begin = text.rfind(". ", 0, start)
    begin = 0 if begin < 0 else begin + 2
    end = text.index(".", start) + 1
    return text[begin:end], begin, end


def record(published: str, title: str, text: str) -> ExtractionRecord:
    doc = Document(id=document_id(text), text=text, title=title, published=published, language="nl")
    actors = []
    for actor_id, (name, kind, code) in ACTORS.items():
        mentions, at = [], 0
        while name in text[at:]:
            found = span(text, name, at)
            mentions.append(found)
            at = found.end
        if mentions:
            actors.append(Actor(id=actor_id, name=name, type=kind, code=code, mentions=mentions))
    quotes, claims, events, stances = [], [], [], []
    if "\u201c" in text:
        q = span(text, "Dit is een goede dag voor beide landen")
        quotes.append(Quote(q.text, q.start, q.end, "ida_kersten", "direct", cue="zei"))
    for value, words in ((6.1, "6,1 procent"), (7.4, "7,4 procent")):
        if words in text:
            c = span(text, words)
            claims.append(Claim(c.text, c.start, c.end, value, "percent", about="werkloosheid", subject=["valoria"]))
    for verb, source, target, cameo in (
        ("tekenden", "valoria", "marendia", "057"),
        ("beschuldigde", "marendia", "valoria", "112"),
        ("nodigde", "valoria", "marendia", "036"),
        ("dreigde", "marendia", "valoria", "138"),
    ):
        if verb in text:
            sentence, start, end = sentence_of(text, verb)
            events.append(Event(source, target, cameo, None, None, sentence, start, end, date=published))
    for words, actor, agree, concept in (
        ("Ida Kersten steunt", "ida_kersten", True, "gezamenlijke energiemarkt"),
        ("Ida Kersten wijst", "ida_kersten", False, "sancties"),
        ("Tomas Veld steunt", "tomas_veld", True, "gezamenlijke energiemarkt"),
    ):
        if words in text:
            sentence, start, end = sentence_of(text, words)
            stances.append(Stance(actor, concept, agree, sentence, start, end))
    return ExtractionRecord(document=doc, actors=actors, quotes=quotes, claims=claims, events=events, stances=stances)


def build_workbench_store(folder: Path) -> list[str]:
    """The store in ``folder``; the ids of its documents, oldest first."""
    ids = []
    with open_store(folder) as store:
        for published, title, text in TEXTS:
            rec = record(published, title, text)
            store.add(
                SourceDocument(text=text, input=f"{title}.txt", title=title, published=published), rec, ["test.v1"]
            )
            ids.append(rec.document.id)
    return ids
