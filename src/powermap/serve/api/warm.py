"""Pages computed ahead of the first request: the corpus-wide analyses and the default pages
whose cost grows with the corpus (the events page's facets, the changes plan, the newest quotes
and stances, the claim measures), each kept once per store state (``relation_queries.cached``); then, in the
background, the what-changed reports of the newest months (``change_ahead``)."""

from __future__ import annotations

import logging
import sqlite3
import threading

from powermap.serve.api import change_ahead, change_views, fact_views, heap, relation_queries, term_counts, views
from powermap.store import Store

log = logging.getLogger("powermap.serve")


def warm_then_ahead(
    store: Store,
    months: int,
    activity: change_ahead.Activity | None = None,
    stop: threading.Event | None = None,
    settle: bool = False,
) -> None:
    """``warm``, then (``months`` > 0) the what-changed reports of the newest ``months`` months,
    kept up to date until ``stop`` (``change_ahead.keep_ahead``). With ``settle`` (a server's own
    process) what they keep is moved out of the collector's full passes after each (``heap.settle``)."""
    warm(store)
    if settle:
        heap.settle()  # the analyses just built
    if months > 0:
        change_ahead.keep_ahead(store, months, activity, stop, settle=settle)


def warm(store: Store) -> None:
    """Compute what the pages show without parameters, in the order people open them; a store that
    cannot be read yet is left to the requests (best effort: a request computes it again)."""
    relation_queries.warm(store)
    try:
        conn = store.reader()
    except sqlite3.Error:
        return
    try:
        views.quotes(conn=conn, speaker=None, q=None, limit=100, offset=0)
        fact_views.events(conn=conn, actor=None, other=None, cameo=None, plover=None, since=None, until=None,
                          modality=None, language=None, limit=50, offset=0)  # fmt: skip
        fact_views.stances(conn=conn, actor=None, concept=None, agree=None, limit=50, offset=0)
        fact_views.claims(conn=conn, about=None, unit=None, disputed=False, limit=20, offset=0)
        change_views.changes(conn=conn, from_=None, to=None, by=None, windows=2, all=False, alpha=0.05)
        term_counts.keep(conn)  # the totals of one-word searches
    except Exception:  # best effort, as above
        log.warning("could not compute the default pages ahead of the first request", exc_info=True)
    finally:
        conn.close()
