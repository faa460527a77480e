"""The JSON twins' path through the server, kept short: pooled read connections, one trip to the
thread pool per request, and the serialised response kept per store state.

Measured on 100,000 generated documents, a request's CPU went mostly to what every request repeats:
a new SQLite connection reads the whole schema before its first query (about 0.4 ms), FastAPI sends
the dependency's entry and exit, the view and the response's validation to its thread pool one
after the other (four trips), and a page whose data is cached per store state was validated and
serialised again on every request (the most mentioned actor's page: 700 KB, about 12 ms). Here a
JSON twin takes a connection from the pool, runs the view and serialises its dict with the page's
response model in one trip: the bytes are what FastAPI would send (``tests/test_serve_responses.py``
compares them). A page whose content is a function of the store state and its parameters keeps its
bytes per store state (``store_fingerprint``: a write moves it on), least recently used first out.
"""

from __future__ import annotations

import inspect
import queue
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from fastapi import Request, Response
from pydantic import BaseModel, TypeAdapter

from powermap.serve.api import limits
from powermap.serve.api.relation_queries import request_state, store_fingerprint
from powermap.store import Store

PROGRESS_STEPS = 10_000  # SQLite virtual machine steps between two looks at the clock
IDLE_CONNECTIONS = 32  # kept open for the next requests (more are opened when more run at once)
CACHE_BYTES = 64 * 2**20  # serialised responses kept, in all
LARGEST_KEPT = 8 * 2**20  # a response larger than this is not kept


class Readers:
    """Read-only connections to one store, reused by request after request (a new connection reads
    the schema before its first query; a reused one also keeps its page cache)."""

    def __init__(self, store: Store, idle: int = IDLE_CONNECTIONS) -> None:
        self.store = store
        self._idle: queue.LifoQueue[sqlite3.Connection] = queue.LifoQueue(maxsize=idle)

    @contextmanager
    def connection(self, time_limit_ms: int) -> Iterator[sqlite3.Connection]:
        """A connection for one request; its queries stop ``time_limit_ms`` from now (``limits.over``)."""
        try:
            conn = self._idle.get_nowait()
        except queue.Empty:
            conn = self.store.reader()
        conn.set_progress_handler(limits.over(time.monotonic() + time_limit_ms / 1000), PROGRESS_STEPS)
        try:
            with request_state(conn):  # the store's fingerprint read once for the request
                yield conn
        finally:
            conn.set_progress_handler(None, PROGRESS_STEPS)
            if conn.in_transaction:  # never the case for a reader; a connection left so is not reused
                conn.close()
            else:
                try:
                    self._idle.put_nowait(conn)
                except queue.Full:
                    conn.close()


class ResponseCache:
    """Serialised responses by (store fingerprint, page, parameters), at most ``size`` bytes in all;
    entries of an earlier store state go as soon as a newer one is seen."""

    def __init__(self, size: int = CACHE_BYTES) -> None:
        self.size = size
        self._entries: OrderedDict[tuple, bytes] = OrderedDict()
        self._bytes = 0
        self._state: tuple | None = None
        self._lock = threading.Lock()

    def get(self, key: tuple) -> bytes | None:
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
            return found

    def put(self, key: tuple, body: bytes) -> None:
        if len(body) > min(LARGEST_KEPT, self.size):
            return
        with self._lock:
            if key[0] != self._state:  # the store moved on (or back): what was kept is of no use
                self._entries.clear()
                self._bytes = 0
                self._state = key[0]
            if key in self._entries:
                return
            self._entries[key] = body
            self._bytes += len(body)
            while self._bytes > self.size:
                _, dropped = self._entries.popitem(last=False)
                self._bytes -= len(dropped)


def json_twin(view: Callable[..., dict], model: type[BaseModel], keep: bool) -> Callable[..., Response]:
    """The JSON endpoint of ``view`` (whose first parameter is its connection, ``conn``): the view's
    other parameters, its dict serialised as FastAPI would with ``model``; with ``keep`` the bytes
    are kept per store state and parameters."""
    adapter: TypeAdapter[Any] = TypeAdapter(model)
    name = f"{view.__module__}.{view.__qualname__}"

    def endpoint(request: Request, **kwargs: Any) -> Response:
        settings = request.app.state.powermap
        with settings.readers.connection(settings.time_limit_ms) as conn:
            key = (store_fingerprint(conn), name, *sorted((k, _hashable(v)) for k, v in kwargs.items()))
            body = settings.responses.get(key) if keep else None
            if body is None:
                data = view(conn=conn, **kwargs)
                body = adapter.dump_json(adapter.validate_python(data, from_attributes=True), by_alias=True)
                if keep:
                    settings.responses.put(key, body)
        return Response(content=body, media_type="application/json")

    signature = inspect.signature(view, eval_str=True)
    parameters = [inspect.Parameter("request", inspect.Parameter.KEYWORD_ONLY, annotation=Request)]
    parameters += [
        p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for n, p in signature.parameters.items() if n != "conn"
    ]
    endpoint.__signature__ = signature.replace(parameters=parameters, return_annotation=Response)  # type: ignore[attr-defined]
    endpoint.__name__ = view.__name__
    endpoint.__doc__ = view.__doc__
    return endpoint


def _hashable(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value
