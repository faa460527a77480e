"""Every error as a status and a short ``detail``: never SQL text, a traceback or the input echoed.

Under ``/api`` and for clients that do not ask for HTML the error is JSON (``{"detail": ...}``); a
browser asking for a page gets the same status and detail as an HTML page.
"""

from __future__ import annotations

import logging
import sqlite3
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException

from powermap.serve.api.views import BadParameter, NotFound
from powermap.store.queries import AmbiguousActor

log = logging.getLogger("powermap.serve")


def install_error_handlers(app: FastAPI) -> None:
    """400 for bad parameters, queries and ambiguous actor names; 404 for what is not stored; 503 for
    a query over its time."""

    @app.exception_handler(RequestValidationError)
    async def bad_parameter(request: Request, exc: RequestValidationError) -> Response:
        return _error(request, 400, "; ".join(_explain(e) for e in exc.errors()[:3]))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else "error"
        return _error(request, exc.status_code, detail[:300], getattr(exc, "headers", None))

    @app.exception_handler(BadParameter)
    async def bad_value(request: Request, exc: BadParameter) -> Response:
        return _error(request, 400, str(exc)[:300])

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return _error(request, 404, str(exc)[:300])

    @app.exception_handler(AmbiguousActor)
    async def ambiguous(request: Request, exc: AmbiguousActor) -> Response:
        ids = ", ".join(c["id"] for c in exc.candidates[:10])
        return _error(
            request, 400, f"the actor query names {len(exc.candidates)} actors; use one of these ids: {ids}"[:300]
        )

    @app.exception_handler(sqlite3.Error)
    async def store_error(request: Request, exc: sqlite3.Error) -> Response:
        message = str(exc)
        log.warning("%s %s: %s", request.method, request.url.path, message)
        if message == "interrupted":
            limit = request.app.state.powermap.time_limit_ms
            return _error(request, 503, f"the query took longer than the time limit ({limit} ms); narrow it down")
        if "locked" in message or "busy" in message:
            return _error(request, 503, "the store is busy; try again")
        if isinstance(exc, sqlite3.OperationalError):
            return _error(request, 400, "bad query: the store could not run it")
        return _error(request, 503, "the store could not be read")

    def openapi() -> dict[str, Any]:
        """FastAPI's description, without the 422 it adds (bad parameters are a 400) and with JSON errors on pages."""
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title, version=app.version, description=app.description, routes=app.routes, tags=None
            )
            for operations in schema.get("paths", {}).values():
                for operation in operations.values():
                    responses = operation.get("responses", {})
                    responses.pop("422", None)
                    for status, response in responses.items():  # a page's errors: HTML to browsers, else JSON
                        content = response.get("content", {})
                        if status != "200" and "text/html" in content:
                            content["application/json"] = content["text/html"]
                            content["text/html"] = {"schema": {"type": "string"}}
            for name in ("HTTPValidationError", "ValidationError"):
                schema.get("components", {}).get("schemas", {}).pop(name, None)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _explain(error: dict[str, Any]) -> str:
    where = ".".join(str(part) for part in error.get("loc", ())[1:]) or "request"
    return f"{where}: {error.get('msg', 'invalid')}"[:200]


def wants_html(request: Request) -> bool:
    """A browser asking for a page (not under /api, and HTML accepted)."""
    path = request.url.path
    return not (path == "/api" or path.startswith("/api/")) and "text/html" in request.headers.get("accept", "")


def _error(request: Request, status: int, detail: str, headers: dict[str, str] | None = None) -> Response:
    if wants_html(request) and getattr(request.app.state, "templates", None) is not None:
        context = {"status": status, "detail": detail, "api_url": "/api", "version": request.app.version}
        return request.app.state.templates.TemplateResponse(
            request, "error.html", context, status_code=status, headers=headers
        )
    return JSONResponse({"detail": detail}, status_code=status, headers=headers)
