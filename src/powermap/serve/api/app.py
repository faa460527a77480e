"""The FastAPI application over a store folder (read-only).

Every page at ``/path`` has a JSON twin at ``/api/path`` built from the same view dict; the
record of a document is at ``/api/documents/{id}/extraction`` as the contract specifies.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.templating import Jinja2Templates

from powermap import __version__
from powermap.serve.api import views
from powermap.store import open_store

WEB = Path(__file__).resolve().parent.parent / "web"


def create_app(store_path: Path | str) -> FastAPI:
    """The web UI and JSON API for the store at ``store_path``."""
    store = open_store(store_path, readonly=True)  # fails early and clearly when there is no store
    app = FastAPI(
        title="powermap",
        version=__version__,
        docs_url="/api/docs",
        openapi_url="/api/openapi.json",
        redoc_url=None,
        swagger_ui_oauth2_redirect_url=None,
    )
    templates = Jinja2Templates(directory=str(WEB / "templates"))

    def connection() -> Iterator[sqlite3.Connection]:
        conn = store.reader()
        try:
            yield conn
        finally:
            conn.close()

    def page(path: str, template: str, view: Callable[..., dict[str, Any]]) -> None:
        """Register ``path`` as an HTML page and ``/api{path}`` as its JSON twin."""

        async def as_json(request: Request, conn: sqlite3.Connection = Depends(connection)) -> JSONResponse:
            return JSONResponse(_call(view, conn, request))

        async def as_html(request: Request, conn: sqlite3.Connection = Depends(connection)) -> HTMLResponse:
            data = _call(view, conn, request)
            api = "/api" + request.url.path.rstrip("/") + (f"?{request.url.query}" if request.url.query else "")
            context = {"data": data, "api_url": api, "version": __version__}
            response = templates.TemplateResponse(request, template, context)
            response.headers["Link"] = f'<{api}>; rel="alternate"; type="application/json"'
            return response

        app.add_api_route("/api" + (path if path != "/" else ""), as_json, methods=["GET"], name=f"api:{template}")
        app.add_api_route(path, as_html, methods=["GET"], name=template, response_class=HTMLResponse)

    page("/", "index.html", views.index)
    page("/documents", "documents.html", views.documents)
    page("/documents/{doc_id}", "document.html", views.document)
    page("/actors", "actors.html", views.actors)
    page("/actors/{actor_id}", "actor.html", views.actor)
    page("/quotes", "quotes.html", views.quotes)

    @app.get("/api/documents/{doc_id}/extraction")
    def extraction(doc_id: str, conn: sqlite3.Connection = Depends(connection)) -> JSONResponse:
        return JSONResponse(_call(views.extraction, conn, None, doc_id=doc_id))

    return app


def _call(view: Callable[..., dict[str, Any]], conn: sqlite3.Connection, request: Request | None, **kwargs) -> dict:
    params: dict[str, Any] = dict(kwargs)
    if request is not None:
        params.update(request.path_params)
        for key, value in request.query_params.items():
            params[key] = int(value) if key in ("limit", "offset") and value.isdigit() else value
    try:
        return view(conn, **params)
    except views.NotFound as err:
        raise HTTPException(status_code=404, detail=str(err)) from None
    except TypeError as err:
        raise HTTPException(status_code=400, detail=f"bad parameters: {err}") from None
    except sqlite3.OperationalError as err:
        raise HTTPException(status_code=400, detail=f"bad query: {err}") from None
