"""Response models of the facts as the pages show them: rows with their store id, span and ``ref``."""

from __future__ import annotations

from pydantic import BaseModel, Field

REF = Field(None, description="the fact's anchor on the document page (actor-0, quote-12, ...)")


class Span(BaseModel):
    start: int
    end: int
    text: str


class DocumentActor(BaseModel):
    id: str
    name: str
    type: str
    mentions: list[Span]
    ref: str | None = REF


class DocumentQuote(BaseModel):
    id: int
    start: int
    end: int
    text: str
    kind: str
    cue: str | None = None
    speaker: str | None = None
    speaker_name: str | None = None
    ref: str | None = REF


class DocumentClaim(BaseModel):
    id: int
    start: int
    end: int
    text: str
    value: float
    unit: str
    about: str | None = None
    subject: list[str]
    period: str | None = None
    source: str | None = None
    ref: str | None = REF


class EventFact(BaseModel):
    id: int
    start: int
    end: int
    sentence: str
    source: str | None = None
    source_name: str | None = None
    target: str | None = None
    target_name: str | None = None
    cameo: str
    plover: str | None = None
    goldstein: float | None = None
    negated: bool
    modality: str
    date: str | None = None
    ref: str | None = REF


class StanceFact(BaseModel):
    id: int
    start: int
    end: int
    evidence: str
    actor: str
    actor_name: str | None = None
    concept: str
    agree: bool
    ref: str | None = REF


class DocumentFacts(BaseModel):
    actors: list[DocumentActor]
    quotes: list[DocumentQuote]
    claims: list[DocumentClaim]
    events: list[EventFact]
    stances: list[StanceFact]
