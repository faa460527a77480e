"""Extraction on local worker processes forked after the models are loaded.

The parent builds one ``Extractor``, warms it (the language models, the knowledge base and
the lexicons load on first use), then forks ``workers`` processes that inherit all of it:
nothing is loaded twice and start-up is paid once. Documents go out in batches of tens, at
most a few batches per worker in flight, so memory stays flat on corpora of any size; the
parent stays the store's only writer.

Workers never outlive the parent: each asks the kernel for SIGTERM when its parent dies
(``PR_SET_PDEATHSIG``), ignores Ctrl-C (the parent handles it and terminates the pool), and
``close`` terminates and joins them on every exit path.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from multiprocessing.pool import AsyncResult, Pool

from powermap import lang
from powermap.extract import Extractor
from powermap.ingest.guard import extract_guarded
from powermap.ingest.options import DEFAULT_TIME_LIMIT
from powermap.records import Document, ExtractionRecord, document_id

PR_SET_PDEATHSIG = 1

_extractor: Extractor | None = None  # the parent's extractor, inherited by every forked worker
_time_limit: float | None = DEFAULT_TIME_LIMIT

Outcome = ExtractionRecord | str


def _die_with_parent() -> None:
    """Worker initialiser: SIGTERM when the parent dies; Ctrl-C is the parent's to handle."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        if os.getppid() == 1:  # the parent died before prctl took effect
            os._exit(1)


def _extract_batch(documents: list[Document]) -> list[Outcome]:
    """Records (or failure reasons) for a batch, in order, with the inherited extractor."""
    if _extractor is None:  # pragma: no cover - only if a worker was started without fork
        raise RuntimeError("the worker has no extractor: workers must be forked by ForkPool")
    return [extract_guarded(_extractor, document, _time_limit) for document in documents]


def warm_up(extractor: Extractor, languages: Iterable[str] | None = None) -> list[str]:
    """Run ``extractor`` on each language's warm-up sentence (``lang/<code>/warm_up.yaml``) so that
    everything it loads lazily is loaded now; returns the languages warmed."""
    warmed = []
    for code in sorted(languages if languages is not None else lang.codes()):
        sentence = (lang.data(code, "warm_up") or {}).get("sentence")
        if sentence:
            extract_guarded(extractor, Document(id=document_id(sentence), text=sentence, language=code), None)
            extractor.preload(code)
            warmed.append(code)
    return warmed


class ForkPool:
    """``workers`` forked processes sharing one loaded extractor.

    Args:
        extractor (Extractor): the configured stages, loaded in this process before the fork.
        workers (int): processes to fork (at least 1).
        time_limit (float | None): seconds of extraction allowed per document.
        batch_size (int): documents per task (tens: fewer round trips, little waiting).
    """

    def __init__(
        self,
        extractor: Extractor,
        workers: int,
        time_limit: float | None = DEFAULT_TIME_LIMIT,
        batch_size: int = 16,
    ) -> None:
        if workers < 1:
            raise ValueError("a pool needs at least one worker")
        if "fork" not in multiprocessing.get_all_start_methods():
            raise RuntimeError("forked workers need a platform with fork(); use --scheduler with Dask instead")
        global _extractor, _time_limit
        warm_up(extractor)
        _extractor, _time_limit = extractor, time_limit
        self.workers = workers
        self.batch_size = batch_size
        gc.collect()
        gc.freeze()  # the loaded objects move to a generation the workers' collector never touches
        self._pool: Pool | None = multiprocessing.get_context("fork").Pool(workers, initializer=_die_with_parent)

    def map(self, documents: Iterable[Document], window: int | None = None) -> Iterator[tuple[Document, Outcome]]:
        """(document, record or failure reason) in input order, at most ``window`` batches in flight."""
        if self._pool is None:
            raise RuntimeError("the pool is closed")
        window = window or 3 * self.workers
        pending: deque[tuple[list[Document], AsyncResult]] = deque()
        batch: list[Document] = []

        def send(batch: list[Document]) -> None:
            assert self._pool is not None
            pending.append((batch, self._pool.apply_async(_extract_batch, (batch,))))

        def receive() -> Iterator[tuple[Document, Outcome]]:
            sent, result = pending.popleft()
            yield from zip(sent, result.get(), strict=True)

        for document in documents:
            batch.append(document)
            if len(batch) == self.batch_size:
                send(batch)
                batch = []
                if len(pending) >= window:
                    yield from receive()
        if batch:
            send(batch)
        while pending:
            yield from receive()

    def close(self) -> None:
        """Stop every worker now and wait for them (idempotent)."""
        global _extractor
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None
        _extractor = None
        gc.unfreeze()

    def __enter__(self) -> ForkPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
