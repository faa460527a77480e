"""A per-document time budget that fails the document, not the run.

``within(seconds, work)`` runs ``work()`` in the calling thread and, if it is still running
when the budget is spent, raises ``DocumentTimeout`` inside that thread from a timer thread
(``PyThreadState_SetAsyncExc``). Unlike ``SIGALRM`` this works in any thread, so the same code
bounds a document in the command-line process (main thread) and in a Dask worker (a pool
thread). ``DocumentTimeout`` derives from ``BaseException`` so that a stage's own
``except Exception`` cannot swallow it.

The limit of the mechanism: Python delivers the exception between bytecodes, so a single long
call into C (one regular expression, one spaCy ``nlp()`` call) finishes before it lands. That
is why long texts are annotated in parts (``ingest.guard``): the budget is checked between them.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class DocumentTimeout(BaseException):  # a signal to stop, like KeyboardInterrupt
    """Raised inside the worker thread when a document's time budget is spent."""


def _raise_in(thread_id: int, exc: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc else None)


def within(seconds: float | None, work: Callable[[], T]) -> T:
    """``work()``, or ``DocumentTimeout`` once ``seconds`` have passed (None or <= 0: no limit)."""
    if not seconds or seconds <= 0:
        return work()
    thread_id = threading.get_ident()
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def expire() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                _raise_in(thread_id, DocumentTimeout)

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        return work()
    finally:
        with lock:
            state["done"] = True
            if state["fired"]:
                _raise_in(thread_id, None)  # withdraw it if it has not landed yet
        timer.cancel()
