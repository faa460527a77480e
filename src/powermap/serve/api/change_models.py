"""Response models of the what-changed page (``/api/changes``): the dicts of ``analyse.changes``."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Spanned(BaseModel):
    """A model with a ``from``/``to`` span (Python names ``from_``/``to``; JSON keeps ``from``)."""

    model_config = ConfigDict(populate_by_name=True)
    from_: str = Field(alias="from", description="first day (YYYY-MM-DD)")
    to: str = Field(description="last day (YYYY-MM-DD), included")


class WindowRef(Spanned):
    label: str


class WindowSummary(WindowRef):
    events: int = Field(description="counting events dated in the window (history left out)")
    documents: int


class DocumentRef(BaseModel):
    doc_id: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None


class Evidence(BaseModel):
    """An event, quote or stance that carries a change; ``/documents/{doc_id}#fact-{kind}-{id}``."""

    kind: str = Field(description="event, quote or stance")
    id: int
    text: str | None = None
    start: int | None = None
    end: int | None = None
    document: DocumentRef
    cameo: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    source: str | None = None
    target: str | None = None
    date: str | None = None
    speaker: str | None = None
    quote_kind: str | None = None
    agree: bool | None = None


class DyadSide(BaseModel):
    events: int
    documents: int
    cooperation_events: int
    conflict_events: int
    goldstein: float
    balance: float | None = Field(None, description="-1 all conflict … +1 all cooperation, shrunk by volume")
    raw_balance: float | None = None


class DyadEvidence(BaseModel):
    after: list[Evidence]
    before: list[Evidence]
    quotes: list[Evidence]


class DyadShift(BaseModel):
    a: str
    b: str
    a_name: str
    b_name: str
    direction: str
    shift: float
    z: float
    p: float
    q: float | None = None
    significant: bool
    testable: bool
    before: DyadSide
    after: DyadSide
    evidence: DyadEvidence


class Group(BaseModel):
    group: int | None = None
    label: str
    activity: int | float | None = None


class Partner(BaseModel):
    actor: str
    name: str


class Move(BaseModel):
    """An actor that changed camp (event network) or coalition (discourse network)."""

    actor: str
    name: str
    before: Group
    after: Group
    left: list[Partner]
    joined: list[Partner]
    evidence: list[Evidence] = []


class StanceCount(BaseModel):
    agree: int
    disagree: int
    documents: int


class StanceChange(BaseModel):
    actor: str
    name: str
    concept: str
    change: str = Field(description="appeared, vanished or reversed")
    before: StanceCount
    after: StanceCount
    evidence: list[Evidence]


class ClaimValue(BaseModel):
    id: int
    text: str | None = None
    number: str | None = None
    value: float
    as_of: str | None = None
    as_of_from: str | None = None
    source: str | None = Field(None, description="the source the claim cites")
    start: int | None = None
    end: int | None = None
    document: DocumentRef


class ValueAt(BaseModel):
    as_of: str | None = None
    value: float


class ChangedClaim(BaseModel):
    about: str
    unit: str
    subject: list[str]
    from_: ValueAt = Field(alias="from")
    to: ValueAt
    change: float
    relative: float | None = None
    series: list[ClaimValue]
    model_config = ConfigDict(populate_by_name=True)


class DisputedClaim(BaseModel):
    about: str
    unit: str
    subject: list[str]
    as_of: str | None = None
    spread: float | None = None
    values: list[ClaimValue]


class ClaimChanges(BaseModel):
    changed: list[ChangedClaim]
    disputed: list[DisputedClaim]


class Comparison(BaseModel):
    before: WindowSummary
    after: WindowSummary
    method: dict[str, Any]
    dyads_seen: int
    dyads_tested: int
    dyads_significant: int
    cooperation_share: float | None = None
    dyads: list[DyadShift]
    camps: list[Move]
    coalitions: list[Move]
    stances: list[StanceChange]
    claims: ClaimChanges


class ChangeFilters(BaseModel):
    model_config = ConfigDict(populate_by_name=True)
    from_: str | None = Field(None, alias="from")
    to: str | None = None
    by: str | None = None
    windows: int
    all: bool
    alpha: float


class ChangesPage(BaseModel):
    filters: ChangeFilters
    note: str | None = Field(None, description="why there is nothing to compare, when there is not")
    windows: list[WindowRef]
    comparisons: list[Comparison] = Field(description="each window against the one before it, newest last")
