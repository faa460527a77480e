"""Response models of the events, claims, stances, actor, network and timeline pages."""

from __future__ import annotations

from pydantic import BaseModel, Field

from powermap.serve.api.fact_models import EventFact, StanceFact
from powermap.serve.api.models import MentionRow, Paging, QuoteRow


class EventRow(EventFact):
    doc_id: str
    quad_class: int | None = None
    day: str | None = Field(None, description="the day the event counts on (its date, else the document's)")
    title: str | None = None
    language: str | None = None


class Facet(BaseModel):
    value: str
    label: str
    count: int


class EventFilters(BaseModel):
    actor: str | None = None
    other: str | None = None
    cameo: str | None = None
    plover: str | None = None
    since: str | None = None
    until: str | None = None
    modality: str | None = None
    language: str | None = None


class EventList(Paging):
    filters: EventFilters
    events: list[EventRow]
    facets: dict[str, list[Facet]] = Field(
        description="counts of the filtered events per cameo root, plover, modality, language, source, target and month"
    )


class MeasureClaim(BaseModel):
    id: int
    doc_id: str
    start: int
    end: int
    text: str
    value: float
    unit: str
    about: str
    period: str | None = None
    source: str | None = Field(None, description="the source the claim cites")
    title: str | None = None
    published: str | None = None
    outlet: str | None = None


class Measure(BaseModel):
    about: str
    unit: str
    period: str | None = None
    documents: int
    low: float
    high: float
    disputed: bool = Field(description="whether the reported values differ")
    claims: list[MeasureClaim] = Field(description="the earliest claims of the measure (at most 20)")
    claim_total: int = Field(description="how many claims give a value for the measure")


class ClaimList(Paging):
    about: str | None
    unit: str | None
    disputed: bool
    measures: list[Measure]


class StanceRow(StanceFact):
    doc_id: str
    title: str | None = None
    published: str | None = None


class ConceptCount(BaseModel):
    concept: str
    agree: int
    disagree: int
    actors: int


class Member(BaseModel):
    id: str
    name: str


class Position(BaseModel):
    concept: str
    agree: float = Field(description="share of the coalition's statements on the concept that agree")


class Coalition(BaseModel):
    id: int
    label: str
    size: int = Field(description="its members")
    members: list[Member] = Field(description="its most active members (at most 40)")
    positions: list[Position] = Field(
        description="the concepts it agrees or disagrees with, those most of its members speak to first, then "
        "the divided ones (at most 40)"
    )
    position_total: int = Field(description="concepts its members took a stance on")


class StanceList(Paging):
    actor: str | None
    concept: str | None
    agree: bool | None
    stances: list[StanceRow]
    concepts: list[ConceptCount]
    coalitions: list[Coalition] = Field(
        description="the largest discourse coalitions of the whole corpus (powermap coalitions), at most 12"
    )
    coalition_total: int = Field(description="coalitions of at least two actors")


class ActorSummary(BaseModel):
    id: str
    name: str
    type: str
    wikidata: str | None = None
    country: str | None = None
    role: str | None = None
    code: str | None = None


class Alias(BaseModel):
    name: str
    kind: str = Field(description="mentioned (a form in the corpus) or the knowledge base's alias kind")
    count: int


class Relation(BaseModel):
    id: str
    name: str
    events: int
    cooperation: float
    conflict: float
    first: str
    last: str


class NetworkPlace(BaseModel):
    camp: int
    camp_label: str | None = None
    camps: int
    degree: int
    strength: float
    betweenness: float
    participation: float
    bridge: bool
    rank: int = Field(description="rank by degree among the network's nodes")
    nodes: int


class DyadPoint(BaseModel):
    period: str
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    events: int
    goldstein: float
    documents: list[str] = Field(description="the first documents of the period's events (document_total: all)")
    document_total: int = Field(description="how many documents the period's events come from")


class Dyad(BaseModel):
    with_: str | None = Field(None, alias="with")
    with_name: str | None = None
    by: str
    points: list[DyadPoint]


class SentenceMention(MentionRow):
    context: str = Field(description="the sentence the mention stands in, starting at offset context_start")


class ActorPage(Paging):
    actor: ActorSummary
    aliases: list[Alias]
    partners: list[Relation]
    adversaries: list[Relation]
    network: NetworkPlace | None
    dyad: Dyad
    quotes: list[QuoteRow]
    quote_total: int
    stances: list[ConceptCount]
    mentions: list[SentenceMention]


class NetworkNode(BaseModel):
    id: str
    name: str
    type: str
    country: str | None = None
    code: str | None = None
    camp: int
    events: int
    degree: int
    strength: float
    cooperation: float
    conflict: float
    betweenness: float
    participation: float
    bridge: bool


class NetworkEdge(BaseModel):
    source: str
    target: str
    source_name: str
    target_name: str
    weight: float
    cooperation: float
    conflict: float
    events: int
    documents: int
    first: str
    last: str


class Camp(BaseModel):
    id: int
    label: str
    size: int
    members: list[str]
    cooperation_inside: float
    conflict_inside: float
    cooperation_outside: float
    conflict_outside: float


class NetworkPage(BaseModel):
    since: str | None
    until: str | None
    type: list[str]
    min_events: int
    types: list[str]
    camps: list[Camp]
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]
    undated: int


class TopActor(BaseModel):
    id: str
    name: str
    mentions: int


class Period(BaseModel):
    period: str
    documents: int
    events: int
    cooperation: int
    conflict: int
    quotes: int
    stances: int
    actors: list[TopActor]


class TimelinePage(BaseModel):
    by: str
    periods: list[Period]
