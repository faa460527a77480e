"""Typed records of the extraction contract (``shared/spec/extraction-format.md``).

Every record converts to and from the plain JSON dict that ``powermap extract`` prints,
the store keeps and the API returns. Offsets are Python string offsets into
``Document.text``.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from typing import Any, ClassVar, Literal, Self

ActorType = Literal["person", "state", "organisation", "company", "media", "group", "place"]
QuoteKind = Literal["direct", "partial", "indirect"]
Modality = Literal["asserted", "intended", "hypothetical", "demanded"]
DatePrecision = Literal["day", "month", "year", "document"]

#: The extraction lists of a record, in the order the contract lists them.
STAGE_FIELDS: tuple[str, ...] = ("actors", "quotes", "claims", "events", "stances")


def document_id(text: str) -> str:
    """The contract's document id: the first 16 hex digits of the SHA-256 of the text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class _Record:
    """Shared dict conversion for the dataclass records."""

    _nested: ClassVar[dict[str, RecordClass]] = {}

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        known = {f.name for f in fields(cls)}  # type: ignore[arg-type]
        kwargs = {}
        for key, value in data.items():
            if key not in known:
                continue
            nested: Any = cls._nested.get(key)  # a _Record subclass
            if nested is not None and isinstance(value, list):
                value = [nested.from_dict(v) if isinstance(v, dict) else v for v in value]
            elif nested is not None and isinstance(value, dict):
                value = nested.from_dict(value)
            kwargs[key] = value
        return cls(**kwargs)


#: A record class, named outside the classes because ``Actor`` has a field called ``type``.
RecordClass = type[_Record]


@dataclass
class Span(_Record):
    """A stretch of the document text: ``text == document.text[start:end]``."""

    text: str
    start: int
    end: int


@dataclass
class Document(_Record):
    """The document part of the record."""

    id: str
    text: str
    path: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    language: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "path": self.path,
            "url": self.url,
            "title": self.title,
            "published": self.published,
            "language": self.language,
            "text": self.text,
        }


@dataclass
class Actor(_Record):
    """An actor with every mention of it in the document."""

    id: str
    name: str
    type: ActorType
    wikidata: str | None = None
    country: str | None = None
    role: str | None = None
    code: str | None = None
    mentions: list[Span] = field(default_factory=list)
    _nested: ClassVar[dict[str, RecordClass]] = {"mentions": Span}


@dataclass
class Quote(_Record):
    text: str
    start: int
    end: int
    speaker: str | None
    kind: QuoteKind
    cue: str | None = None
    #: the words that name the speaker at this quote, as written (a name, a role, a pronoun:
    #: *he* in *"…," he said*), when the speaker was read from them; None otherwise
    speaker_mention: Span | None = None
    _nested: ClassVar[dict[str, RecordClass]] = {"speaker_mention": Span}


@dataclass
class Claim(_Record):
    text: str
    start: int
    end: int
    value: float
    unit: str
    about: str | None = None
    subject: list[str] = field(default_factory=list)
    period: str | None = None
    source: str | None = None


@dataclass
class Event(_Record):
    source: str | None
    target: str | None
    cameo: str
    plover: str | None
    goldstein: float | None
    sentence: str
    start: int
    end: int
    negated: bool = False
    modality: Modality = "asserted"
    date: str | None = None
    #: read inside reported speech (a quote, a speech verb's complement, *volgens X*): the
    #: text reports that someone says it, it does not assert it
    reported: bool = False
    #: further targets coordinated with ``target`` (*prees Finland en Zweden*): one action
    other_targets: list[str] = field(default_factory=list)
    #: how exact ``date`` is: ``day``, ``month`` or ``year`` when the sentence gives it, ``document``
    #: when it is the publication date, None when there is neither
    date_precision: DatePrecision | None = None
    #: about history: the sentence dates the event two or more years before publication
    #: (*de staatsgreep van 1969*), so trends do not count it as news of the day
    historical: bool = False


@dataclass
class Stance(_Record):
    actor: str
    concept: str
    agree: bool
    evidence: str
    start: int
    end: int


@dataclass
class ExtractionRecord(_Record):
    """One document and everything extracted from it."""

    document: Document
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)
    _nested: ClassVar[dict[str, RecordClass]] = {
        "actors": Actor,
        "quotes": Quote,
        "claims": Claim,
        "events": Event,
        "stances": Stance,
    }

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"document": self.document.to_dict()}
        for name in STAGE_FIELDS:
            out[name] = [item.to_dict() for item in getattr(self, name)]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ExtractionRecord:
        lists: dict[str, Any] = {
            name: [cls._nested[name].from_dict(item) for item in data.get(name) or []] for name in STAGE_FIELDS
        }
        return cls(document=Document.from_dict(data["document"]), **lists)

    def spans(self) -> list[tuple[str, int, int]]:
        """Every (text, start, end) triple in the record, for offset checks."""
        out: list[tuple[str, int, int]] = []
        for actor in self.actors:
            out.extend((m.text, m.start, m.end) for m in actor.mentions)
        for name in ("quotes", "claims"):
            out.extend((item.text, item.start, item.end) for item in getattr(self, name))
        out.extend((m.text, m.start, m.end) for q in self.quotes if (m := q.speaker_mention) is not None)
        out.extend((e.sentence, e.start, e.end) for e in self.events)
        out.extend((s.evidence, s.start, s.end) for s in self.stances)
        return out


def validate_record(record: ExtractionRecord) -> list[str]:
    """Every way ``record`` breaks the published JSON Schema or the offset rule (empty: valid)."""
    from powermap.schema import validation_errors

    return validation_errors(record.to_dict())
