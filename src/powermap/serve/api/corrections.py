"""The corrections API: reading is open; writing exists only when the server has a token.

``GET /api/corrections`` lists corrections (and says whether this server takes them). With a token
(``powermap serve --token`` or ``POWERMAP_TOKEN``) the writing endpoints are added under
``/api/corrections/...``; each request must carry ``Authorization: Bearer <token>``, compared in
constant time. A write opens its own writable connection for that one correction (the store's
busy timeout and single-transaction rule apply), so the pages keep reading through read-only
connections and a failed write leaves the store as it was.
"""

from __future__ import annotations

import hmac
import pathlib
import sqlite3
from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Security
from fastapi import Path as PathParam
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

from powermap.records import ActorType
from powermap.serve.api.models import ErrorDetail
from powermap.serve.api.views import Conn
from powermap.store import StoreError, open_store
from powermap.store.corrections_log import aliases, list_corrections, merged_into
from powermap.store.corrections_write import CorrectionConflict, CorrectionError, CorrectionNotFound, Corrector

TOKEN_ENV = "POWERMAP_TOKEN"
PREFIX = "/api/corrections"
MIN_TOKEN_CHARS = 16
ActorRef = Annotated[str, Field(min_length=1, max_length=200, description="a stored actor id")]
DocRef = Annotated[str, Field(min_length=1, max_length=64, description="a document id")]
Offset = Annotated[int, Field(ge=0, le=10_000_000)]


class CorrectionOut(BaseModel):
    """One correction: who made it when, what it is about, the fact before and after."""

    id: int
    created_at: str
    author: str
    action: str
    kind: str
    content_hash: str | None = None
    doc_id: str | None = None
    start: int | None = None
    end: int | None = None
    actor: str | None = None
    before: Any = None
    after: Any = None
    note: str | None = None
    undone_at: str | None = None
    undone_by: str | None = None


class CorrectionList(BaseModel):
    corrections: list[CorrectionOut]
    writable: bool = Field(description="whether this server takes corrections (it was started with a token)")
    aliases: list[str] = Field(default_factory=list, description="aliases people gave the actor asked about")
    merged_into: str | None = Field(None, description="the actor the actor asked about was merged into")


class Author(BaseModel):
    author: str = Field("web", min_length=1, max_length=80, description="who makes the correction")


class Fact(Author):
    doc_id: DocRef
    start: Offset
    end: Offset
    match: dict[str, str | float | bool | None] | None = Field(
        None,
        max_length=8,
        description="of several facts on one span, the one with these field values (an event's cameo, source, "
        "target; a stance's actor, concept; a quote's speaker; a claim's value, unit; a mention's actor)",
    )


class Mark(Fact):
    kind: Literal["mention", "quote", "claim", "event", "stance"]
    verdict: Literal["wrong", "right"]
    actor: ActorRef | None = Field(None, description="for a mention: whose (when two actors share the span)")


class Speaker(Fact):
    speaker: ActorRef | None = Field(description="the right speaker; null: nobody")


class EventChange(Fact):
    source: ActorRef | None = Field(None, description="the right source (send null for none)")
    target: ActorRef | None = Field(None, description="the right target (send null for none)")
    cameo: str | None = Field(None, pattern=r"^\d{2,4}$", description="the right CAMEO code")


class Polarity(Fact):
    agree: bool


class Merge(Author):
    actor: ActorRef
    into: ActorRef


class Alias(Author):
    actor: ActorRef
    alias: str = Field(min_length=1, max_length=200)


class Split(Author):
    actor: ActorRef
    doc_id: DocRef
    into: ActorRef | None = None
    name: str | None = Field(None, max_length=200)
    type: ActorType | None = None
    mentions: list[tuple[Offset, Offset]] = Field(default_factory=list, max_length=1000)


def install(app: FastAPI, store_path: pathlib.Path | str, token: str | None) -> None:
    """Add the corrections endpoints to ``app``: the list always, the writing ones with a ``token``."""
    if token is not None and len(token) < MIN_TOKEN_CHARS:
        raise ValueError(f"a write token needs at least {MIN_TOKEN_CHARS} characters")
    errors: dict[int | str, dict[str, Any]] = {
        400: {"model": ErrorDetail, "description": "a malformed or out-of-bounds value"},
        503: {"model": ErrorDetail, "description": "the store is busy"},
    }

    @app.get(PREFIX, response_model=CorrectionList, responses=errors, tags=["corrections"])
    def corrections(
        conn: Conn,
        doc_id: Annotated[str | None, Query(max_length=64, description="only this document's")] = None,
        actor: Annotated[str | None, Query(max_length=200, description="only those about this actor id")] = None,
        include_undone: bool = False,
        limit: Annotated[int, Query(ge=1, le=500)] = 200,
        offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    ) -> dict[str, Any]:
        rows = list_corrections(conn, doc_id, actor, include_undone, limit, offset)
        extra = {"aliases": aliases(conn, actor), "merged_into": merged_into(conn, actor)} if actor else {}
        return {"corrections": rows, "writable": token is not None, **extra}

    if token is not None:
        _install_writes(app, store_path, token, errors)


def _install_writes(app: FastAPI, store_path: pathlib.Path | str, token: str, errors: dict) -> None:
    expected = token.encode("utf-8")
    bearer = HTTPBearer(auto_error=False, description="the token the server was started with")

    def authorised(credentials: HTTPAuthorizationCredentials | None = Security(bearer)) -> None:
        given = (credentials.credentials if credentials else "").encode("utf-8")
        if not hmac.compare_digest(given, expected):
            raise HTTPException(401, "a correction needs the server's token", headers={"WWW-Authenticate": "Bearer"})

    write_errors = {
        **errors,
        401: {"model": ErrorDetail, "description": "no token, or the wrong one"},
        404: {"model": ErrorDetail, "description": "the document, fact, actor or correction is not stored"},
        409: {"model": ErrorDetail, "description": "nothing to change, already undone, or a record it would break"},
    }
    options: dict[str, Any] = {
        "response_model": CorrectionOut,
        "responses": write_errors,
        "dependencies": [Depends(authorised)],
        "status_code": 201,
        "tags": ["corrections"],
    }

    def write(author: str, action: Callable[[Corrector], dict]) -> dict:
        try:
            with open_store(store_path) as db:
                return action(Corrector(db, author))
        except CorrectionNotFound as err:
            raise HTTPException(404, str(err)[:300]) from None
        except CorrectionConflict as err:
            raise HTTPException(409, str(err)[:300]) from None
        except (CorrectionError, StoreError) as err:
            raise HTTPException(400, str(err)[:300]) from None
        except sqlite3.OperationalError as err:
            if "locked" in str(err) or "busy" in str(err):
                raise HTTPException(503, "the store is busy; try again") from None
            raise

    @app.post(PREFIX + "/mark", **options)
    def mark(body: Mark) -> dict:
        """Mark a fact wrong (left out everywhere) or right (confirmed, kept through re-extraction)."""
        return write(
            body.author, lambda c: c.mark(body.doc_id, body.kind, body.start, body.end, body.verdict, body.actor)
        )

    @app.post(PREFIX + "/speaker", **options)
    def speaker(body: Speaker) -> dict:
        """Change a quote's speaker."""
        return write(body.author, lambda c: c.speaker(body.doc_id, body.start, body.end, body.speaker, body.match))

    @app.post(PREFIX + "/event", **options)
    def event(body: EventChange) -> dict:
        """Change an event's source, target or CAMEO code (only the fields sent)."""
        changes = {k: getattr(body, k) for k in ("source", "target", "cameo") if k in body.model_fields_set}
        return write(body.author, lambda c: c.event(body.doc_id, body.start, body.end, body.match, **changes))

    @app.post(PREFIX + "/polarity", **options)
    def polarity(body: Polarity) -> dict:
        """Set whether a stance agrees with its concept."""
        return write(body.author, lambda c: c.polarity(body.doc_id, body.start, body.end, body.agree, body.match))

    @app.post(PREFIX + "/merge", **options)
    def merge(body: Merge) -> dict:
        """Merge an actor into another, in every document."""
        return write(body.author, lambda c: c.merge(body.actor, body.into))

    @app.post(PREFIX + "/alias", **options)
    def alias(body: Alias) -> dict:
        """Add an alias: actors of that name, in every document, are this actor."""
        return write(body.author, lambda c: c.alias(body.actor, body.alias))

    @app.post(PREFIX + "/split", **options)
    def split(body: Split) -> dict:
        """In one document, some or all mentions of an actor are another (stored or new) actor."""
        return write(
            body.author,
            lambda c: c.split(body.actor, body.doc_id, body.into, body.name, body.type, list(body.mentions)),
        )

    @app.post(PREFIX + "/{correction_id}/undo", **{**options, "status_code": 200})
    def undo(correction_id: Annotated[int, PathParam(ge=1, le=2**62)], body: Author) -> dict:
        """Undo a correction."""
        return write(body.author, lambda c: c.undo(correction_id))
