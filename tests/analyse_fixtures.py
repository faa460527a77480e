"""Hand-made extraction records for the analysis and export tests: every span is real, every answer known."""

from __future__ import annotations

import itertools
from pathlib import Path

from powermap.ingest.model import SourceDocument
from powermap.records import Actor, Claim, Document, Event, ExtractionRecord, Quote, Span, Stance, document_id
from powermap.store import Store, open_store

ACTORS = {
    "russia": ("Russia", "state", "RUS", "RUS"),
    "armenia": ("Armenia", "state", "ARM", "ARM"),
    "azerbaijan": ("Azerbaijan", "state", "AZE", "AZE"),
    "china": ("China", "state", "CHN", "CHN"),
    "usa": ("United States", "state", "USA", "USA"),
    "ivanov": ("Pavel Ivanov", "person", None, "RUS"),
    "petrov": ("Oleg Petrov", "person", None, "RUS"),
    "sidorov": ("Ilya Sidorov", "person", None, "RUS"),
    "orlova": ("Anna Orlova", "person", None, "RUS"),
    "voice": ('Radio "Voice"', "media", None, None),
}
_serial = itertools.count(1)


class DocBuilder:
    """Writes one document sentence by sentence, recording the spans as it goes."""

    def __init__(
        self, published: str | None, source: str | None = "Daily Test", url: str | None = None, language: str = "en"
    ) -> None:
        self.published, self.source, self.url, self.language = published, source, url, language
        self.text = f"Report number {next(_serial)} of the test corpus. "
        self.mentions: dict[str, list[Span]] = {}
        self.events: list[Event] = []
        self.stances: list[Stance] = []
        self.quotes: list[Quote] = []
        self.claims: list[Claim] = []

    def _say(self, *parts: str | tuple[str]) -> tuple[int, int]:
        """Append a sentence; a 1-tuple part is an actor id whose name is written and marked as a mention."""
        start = len(self.text)
        for part in parts:
            if isinstance(part, tuple):
                name = ACTORS[part[0]][0]
                s = len(self.text)
                self.text += name
                self.mentions.setdefault(part[0], []).append(Span(name, s, s + len(name)))
            else:
                self.text += part
        end = len(self.text)
        self.text += " "
        return start, end

    def event(
        self,
        source: str,
        target: str,
        cameo: str,
        goldstein: float | None = None,
        negated: bool = False,
        modality: str = "asserted",
        date: str | None = None,
        also: tuple[str, ...] = (),
    ) -> DocBuilder:
        others = [part for t in also for part in (" and ", (t,))]
        start, end = self._say((source,), " acted on ", (target,), *others, f" with code {cameo}.")
        event = Event(source, target, cameo, None, goldstein, self.text[start:end], start, end, negated, modality, date)  # type: ignore[arg-type]
        event.other_targets = list(also)
        self.events.append(event)
        return self

    def stance(self, actor: str, concept: str, agree: bool) -> DocBuilder:
        start, end = self._say((actor,), f" {'supports' if agree else 'opposes'} {concept}.")
        self.stances.append(Stance(actor, concept, agree, self.text[start:end], start, end))
        return self

    def quote(self, speaker: str, words: str, kind: str = "direct") -> DocBuilder:
        start, _ = self._say((speaker,), ' said: "', words, '".')
        q_start = start + len(ACTORS[speaker][0]) + len(' said: "')
        self.quotes.append(Quote(words, q_start, q_start + len(words), speaker, kind, "said"))  # type: ignore[arg-type]
        return self

    def claim(
        self,
        value: float,
        unit: str,
        about: str,
        subject: list[str],
        period: str | None = None,
        source: str | None = None,
    ) -> DocBuilder:
        number = f"{value:g} {unit}"
        parts: list[str | tuple[str]] = [f"The {about} of "]
        for i, actor in enumerate(subject):
            parts += [" and "] * (i > 0) + [(actor,)]
        _start, end = self._say(*parts, " was ", number, ".")
        c_start = end - 1 - len(number)
        self.claims.append(Claim(number, c_start, c_start + len(number), value, unit, about, subject, period, source))
        return self

    def filler(self, sentences: int = 12) -> DocBuilder:
        """Add neutral sentences, so that a near-duplicate copy has enough words to be recognised."""
        for i in range(sentences):
            self._say(f"Background sentence {i} repeats the general context of report {self.text[14:20]}.")
        return self

    def build(self, suffix: str = "") -> tuple[SourceDocument, ExtractionRecord]:
        """The source document and its record; ``suffix`` appends words (a syndicated copy's edit)."""
        text = self.text.rstrip() + suffix + "\n"
        doc = Document(
            document_id(text), text, url=self.url, title=None, published=self.published, language=self.language
        )
        actors = [
            Actor(aid, ACTORS[aid][0], ACTORS[aid][1], None, ACTORS[aid][3], None, ACTORS[aid][2], spans)  # type: ignore[arg-type]
            for aid, spans in self.mentions.items()
        ]
        record = ExtractionRecord(doc, actors, self.quotes, self.claims, self.events, self.stances)
        source = SourceDocument(
            text,
            input=f"test:{doc.id}",
            url=self.url,
            source=self.source,
            published=self.published,
            language=self.language,
        )
        return source, record

    def add_to(self, store: Store, suffix: str = "") -> str:
        source, record = self.build(suffix)
        return store.add(source, record, ["test"]).doc_id


def make_store(path: Path, docs: list[DocBuilder]) -> tuple[Store, list[str]]:
    """A store at ``path`` holding ``docs``; returns it and the document ids in order."""
    store = open_store(path)
    return store, [d.add_to(store) for d in docs]


def sample_docs() -> list[DocBuilder]:
    """A small mixed corpus: events in two camps, stances, quotes and claims over two years."""
    return [
        DocBuilder("2022-02-24", source="Outlet A", url="https://example.org/a1")
        .event("russia", "armenia", "057", 5.0)
        .event("russia", "azerbaijan", "190", -10.0)
        .stance("ivanov", "alliance with China", True)
        .quote("ivanov", "We stand together.")
        .claim(4.5, "percent", "GDP growth", ["russia"], "2022", source="IMF"),
        DocBuilder("2022-06-01", source="Outlet B")
        .event("armenia", "russia", "042", None, date="2022-05")
        .event("usa", "azerbaijan", "061", 6.0)
        .event("china", "russia", "173", negated=True)
        .stance("petrov", "alliance with China", False)
        .stance("petrov", "rapprochement with the West", True)
        .claim(3.0, "percent", "GDP growth", ["russia"], "2022", source="Rosstat"),
        DocBuilder("2023-03-01", source="Outlet A")
        .event("china", "russia", "061", 6.0)
        .event("usa", "russia", "163", -8.0)
        .stance("ivanov", "rapprochement with the West", False)
        .quote("petrov", "The West is not our enemy."),
    ]
