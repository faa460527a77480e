"""The FastAPI application over a store folder (read-only).

Every page at ``/path`` has a JSON twin at ``/api/path`` built by the same view; the record of a
document is at ``/api/documents/{id}/extraction`` as the contract specifies. Handlers are plain
functions (FastAPI's thread pool), every query stops at ``time_limit_ms``, every parameter is
typed and bounded, and every error is a short JSON ``detail``.
"""

from __future__ import annotations

import inspect
import json
import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel

from powermap import __version__
from powermap.serve.api import (
    change_ahead,
    change_models,
    change_views,
    corrections,
    fact_views,
    models,
    page_models,
    relation_views,
    views,
)
from powermap.serve.api.errors import install_error_handlers
from powermap.serve.api.guard import LOCAL_HOSTS, Guard
from powermap.serve.api.responses import Readers, ResponseCache, json_twin
from powermap.serve.api.warm import warm_then_ahead
from powermap.store import Store, open_store

WEB = Path(__file__).resolve().parent.parent / "web"
DEFAULT_TIME_LIMIT_MS = 1000
SAFE_SCHEMES = ("http", "https")
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": models.ErrorDetail, "description": "a malformed or out-of-bounds parameter or query"},
    503: {"model": models.ErrorDetail, "description": "a query ran past the time limit, or the store is busy"},
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": models.ErrorDetail, "description": "not in the store"}}
#: (path, template, view, response model, whether it can be a 404): each a page and its twin under /api
PAGES: list[tuple[str, str, Callable[..., dict], type[BaseModel], bool]] = [
    ("/", "index.html", views.index, models.Index, False),
    ("/documents", "documents.html", views.documents, models.DocumentList, False),
    ("/documents/{doc_id}", "document.html", views.document, models.DocumentPage, True),
    ("/actors", "actors.html", views.actors, models.ActorList, False),
    ("/actors/{actor_id}", "actor.html", relation_views.actor, page_models.ActorPage, True),
    ("/quotes", "quotes.html", views.quotes, models.QuoteList, False),
    ("/events", "events.html", fact_views.events, page_models.EventList, False),
    ("/claims", "claims.html", fact_views.claims, page_models.ClaimList, False),
    ("/stances", "stances.html", fact_views.stances, page_models.StanceList, False),
    ("/network", "network.html", relation_views.network, page_models.NetworkPage, False),
    ("/timeline", "timeline.html", relation_views.timeline, page_models.TimelinePage, False),
    ("/changes", "changes.html", change_views.changes, change_models.ChangesPage, False),
]
#: JSON twins whose responses are not kept: one page per document (as many keys as documents, each
#: asked now and then; its queries read by index)
NOT_KEPT = ("/documents/{doc_id}",)
#: the browser libraries `make setup` copies from node_modules (package-lock.json) into static/vendor/
VENDOR_FILES = ("chart.umd.min.js", "cytoscape.min.js", "swagger-ui-bundle.js", "swagger-ui.css")


@dataclass(frozen=True)
class Settings:
    store: Store
    time_limit_ms: int
    readers: Readers
    responses: ResponseCache


#: the settings of ``powermap serve --workers N`` (JSON: store, allowed_hosts, time_limit_ms, ahead_months), which
#: each server process reads to build its app (``app_from_environment``); the token is ``POWERMAP_TOKEN``
SETTINGS_VARIABLE = "POWERMAP_SERVE_SETTINGS"


def app_from_environment() -> FastAPI:
    """The app of one of ``powermap serve --workers N``'s processes, from ``SETTINGS_VARIABLE``."""
    settings = json.loads(os.environ[SETTINGS_VARIABLE])
    return create_app(
        settings["store"],
        allowed_hosts=settings["allowed_hosts"],
        time_limit_ms=settings["time_limit_ms"],
        token=os.environ.get("POWERMAP_TOKEN") or None,
        ahead_months=settings.get("ahead_months", change_ahead.MONTHS),
        settle_heap=True,
    )


def create_app(
    store_path: Path | str,
    allowed_hosts: Iterable[str] = LOCAL_HOSTS,
    time_limit_ms: int = DEFAULT_TIME_LIMIT_MS,
    warm: bool = True,
    token: str | None = None,
    ahead_months: int = change_ahead.MONTHS,
    settle_heap: bool = False,
) -> FastAPI:
    """The web UI and JSON API for the store at ``store_path``.

    Only requests whose ``Host`` is in ``allowed_hosts`` (``*``: any) are answered; a request's
    queries are interrupted after ``time_limit_ms`` milliseconds (answered 503). With ``warm`` the
    corpus-wide analyses (network, coalitions, timeline) and the default pages whose cost grows with
    the corpus are computed in a background thread at once (``serve/api/warm.py``), and then the
    what-changed reports of the newest ``ahead_months`` calendar months (0: none), recomputed after a
    write once the store is stable again (``serve/api/change_ahead.py``).
    With a ``token`` the corrections endpoints that write are added (``serve/api/corrections.py``).
    ``settle_heap`` (``powermap serve``: the app has its process to itself) moves what the warm-up
    and the pass ahead keep out of the garbage collector's full passes (``serve/api/heap.py``), which
    is global to the process: not for an app inside another program, such as a test.
    """
    if time_limit_ms < 1:
        raise ValueError("the time limit must be at least 1 ms")
    store = open_store(store_path, readonly=True)  # fails early and clearly when there is no store
    app = FastAPI(
        title="powermap",
        version=__version__,
        description="The read-only JSON API of a powermap store; every page of the web UI has its twin here.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
        swagger_ui_oauth2_redirect_url=None,
    )
    app.state.powermap = Settings(store, time_limit_ms, Readers(store), ResponseCache())
    if warm:
        activity, stop = change_ahead.Activity(), threading.Event()
        app.add_middleware(change_ahead.CountRequests, activity=activity)
        app.router.on_shutdown.append(stop.set)
        args = (store, ahead_months, activity, stop, settle_heap)
        threading.Thread(target=warm_then_ahead, args=args, daemon=True, name="powermap-warm").start()
    app.add_middleware(Guard, allowed_hosts=list(allowed_hosts))
    install_error_handlers(app)
    templates = Jinja2Templates(directory=str(WEB / "templates"))
    templates.env.filters["safe_url"] = safe_url
    templates.env.filters["segment"] = lambda value: quote(str(value), safe="")
    templates.env.globals["url_with"] = url_with
    templates.env.globals["vendor"] = vendor_assets()
    app.state.templates = templates

    def page(path: str, template: str, view: Callable[..., dict], model: type[BaseModel], missing: bool) -> None:
        """Register ``path`` as an HTML page and ``/api{path}`` as its JSON twin."""
        responses = {**ERRORS, **(NOT_FOUND if missing else {})}
        api_path = "/api" + (path if path != "/" else "")
        twin = json_twin(view, model, keep=path not in NOT_KEPT)
        app.add_api_route(api_path, twin, methods=["GET"], response_model=model, responses=responses, tags=["api"])
        app.add_api_route(
            path,
            _html_twin(view, template, templates),
            methods=["GET"],
            response_class=HTMLResponse,
            responses=responses,
            tags=["pages"],
            name=template,
        )

    for path, template, view, model, missing in PAGES:
        page(path, template, view, model, missing)
    # the corrections router: its writing endpoints exist only when the server has a token
    corrections.install(app, store_path, token)
    app.add_api_route(
        "/api/documents/{doc_id}/extraction",
        views.extraction,
        methods=["GET"],
        response_model=dict[str, Any],
        responses={**ERRORS, **NOT_FOUND},
        tags=["api"],
        description="the document's extraction record (shared/spec/extraction-format.md)",
    )
    app.add_api_route("/api/docs", api_docs(templates), methods=["GET"], include_in_schema=False)
    app.mount("/static", StaticFiles(directory=WEB / "static"), name="static")
    # browsers ask for it on pages without an icon (the JSON): no icon, rather than a 404 in the console
    app.add_api_route("/favicon.ico", lambda: Response(status_code=204), methods=["GET"], include_in_schema=False)
    return app


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) URL a link may point to, else None (shown as text)."""
    if not url or any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in url):
        return None
    parts = urlsplit(url)
    return url if parts.scheme.lower() in SAFE_SCHEMES and parts.netloc else None


def vendor_assets() -> dict[str, bool]:
    """Which browser libraries are installed in ``static/vendor`` (pages work without them, as tables)."""
    return {name: (WEB / "static" / "vendor" / name).is_file() for name in VENDOR_FILES}


def api_docs(templates: Jinja2Templates) -> Callable[[Request], HTMLResponse]:
    """Swagger UI over ``/api/openapi.json``, from the swagger-ui-dist files served under /static/vendor."""

    def docs(request: Request) -> HTMLResponse:
        return templates.TemplateResponse(
            request, "api_docs.html", {"api_url": "/api/openapi.json", "version": __version__}
        )

    return docs


def url_with(request: Request, **changes: Any) -> str:
    """This page's URL with ``changes`` to its query (None removes a parameter; paging starts over)."""
    pairs = [(k, v) for k, v in request.query_params.multi_items() if k not in changes and k != "offset"]
    pairs += [(k, v) for k, v in changes.items() if v is not None and v != ""]
    return quote(request.url.path, safe="/") + (f"?{urlencode(pairs)}" if pairs else "")


def page_url(request: Request, api: bool = False, **changes: Any) -> str:
    """The URL of this page (``api``: of its JSON twin) with ``changes`` to its query, in ASCII."""
    path = request.url.path.rstrip("/")
    path = "/api" + path if api else path or "/"
    pairs = [(k, v) for k, v in request.query_params.multi_items() if k not in changes]
    query = urlencode(pairs + [(k, v) for k, v in changes.items()])
    return quote(path, safe="/") + (f"?{query}" if query else "")


def _html_twin(view: Callable[..., dict], template: str, templates: Jinja2Templates) -> Callable[..., HTMLResponse]:
    """An endpoint with the view's parameters that renders the view's dict with ``template``."""

    def endpoint(request: Request, **kwargs: Any) -> HTMLResponse:
        data = view(**kwargs)
        api = page_url(request, api=True)
        next_offset, offset = data.get("next_offset"), data.get("offset") or 0
        context = {
            "data": data,
            "api_url": api,
            "next_url": page_url(request, offset=next_offset) if next_offset is not None else None,
            "prev_url": page_url(request, offset=max(0, offset - data["limit"])) if offset else None,
            "version": __version__,
        }
        response = templates.TemplateResponse(request, template, context)
        response.headers["Link"] = f'<{api}>; rel="alternate"; type="application/json"'
        return response

    signature = inspect.signature(view, eval_str=True)
    parameters = [inspect.Parameter("request", inspect.Parameter.KEYWORD_ONLY, annotation=Request)]
    parameters += [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in signature.parameters.values()]
    endpoint.__signature__ = signature.replace(parameters=parameters, return_annotation=HTMLResponse)  # type: ignore[attr-defined]
    endpoint.__name__ = f"{view.__name__}_page"
    return endpoint
