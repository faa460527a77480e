"""Response models of the JSON API: what ``/api/openapi.json`` promises each endpoint returns."""

from __future__ import annotations

from pydantic import BaseModel, Field

from powermap.serve.api.fact_models import DocumentFacts


class ErrorDetail(BaseModel):
    """Every error: a short explanation, never SQL or a traceback."""

    detail: str


class DocumentRow(BaseModel):
    id: str
    title: str | None = None
    published: str | None = None
    language: str | None = None
    url: str | None = None
    path: str | None = None
    source: str | None = None
    near_duplicate_of: str | None = None
    chars: int
    snippet: str | None = Field(None, description="the matching passage, matches in [brackets] (searches only)")


class ActorRow(BaseModel):
    id: str
    name: str
    type: str
    country: str | None = None
    code: str | None = None
    wikidata: str | None = None
    role: str | None = None
    mentions: int
    documents: int


class QuoteRow(BaseModel):
    id: int
    doc_id: str
    start: int
    end: int
    text: str
    kind: str
    cue: str | None = None
    speaker: str | None = None
    speaker_name: str | None = None
    title: str | None = None
    published: str | None = None


class MentionRow(BaseModel):
    doc_id: str
    start: int
    end: int
    text: str
    title: str | None = None
    path: str | None = None
    published: str | None = None
    context: str = Field(description="the text around the mention, starting at offset context_start")
    context_start: int


class Paging(BaseModel):
    limit: int
    offset: int
    total: int = Field(description="rows in the whole list (all pages)")
    next_offset: int | None = Field(description="the offset of the next page; null on the last page")


class Index(BaseModel):
    counts: dict[str, int]
    documents: list[DocumentRow]
    actors: list[ActorRow]


class DocumentList(Paging):
    query: str | None
    searched: str | None = Field(description="the FTS5 expression the query became (what was searched)")
    documents: list[DocumentRow]
    total_exact: bool = Field(
        True,
        description="false when a search of several words (or a rarer word) matches more than 10,000 documents: "
        "total is then 10,000, a lower bound (a word in at least 1,000 documents: always exact once the store state's "
        "word counts are kept)",
    )


class DocumentDetail(BaseModel):
    id: str
    title: str | None = None
    published: str | None = None
    published_basis: str | None = None
    language: str | None = None
    url: str | None = None
    path: str | None = None
    source: str | None = None
    author: str | None = None
    site: str | None = None
    input: str | None = None
    near_duplicate_of: str | None = None
    similarity: float | None = None
    ingested_at: str | None = None
    pipeline_version: str | None = None
    text: str


class Segment(BaseModel):
    text: str
    start: int = Field(description="its offset in the document text")
    kinds: list[str] = Field([], description="the kinds of fact covering it: mention, quote, claim, event, stance")
    ref: str | None = Field(None, description="the innermost fact covering it (a row of facts: its ref)")
    refs: list[str] = Field([], description="every fact covering it")
    starts: list[str] = Field([], description="the facts whose span starts here")
    label: str | None = None


class DocumentPage(BaseModel):
    document: DocumentDetail
    facts: DocumentFacts
    counts: dict[str, int] = Field(description="marks per kind")
    segments: list[Segment] = Field(description="the text cut at every fact's boundaries")


class ActorList(Paging):
    type: str | None
    query: str | None
    actors: list[ActorRow]


class QuoteList(Paging):
    speaker: str | None
    query: str | None
    searched: str | None = Field(description="the FTS5 expression the query became (what was searched)")
    quotes: list[QuoteRow]
