"""Extraction on local worker processes forked after the models are loaded.

The parent builds one ``Extractor``; on the first ``map`` it reads the first documents, warms
the extractor up for their languages only (the language models, the knowledge base and the
lexicons load on first use), then forks ``workers`` processes that inherit all of it: nothing
is loaded twice and start-up is paid once. A language the first documents did not show loads
in each worker when it first comes. Documents go out in small batches, a few per worker in
flight, so memory stays flat on corpora of any size and the last batches end close together.
After about ``recycle_after`` documents per worker the workers are replaced by fresh forks of the
parent (which still holds the loaded models: a fork, not a start-up): the batches out are waited
for, the old workers end, and new ones are forked from the parent's main thread (never from a
pool thread: a fork beside running threads can deadlock the child). So whatever a worker's
memory gains over a long run (the words each document adds to the model's vocabulary, allocator
fragmentation) is given back. Recycled workers annotate without memory zones
(``annotate.memory``): recycling already bounds them, and a zone costs 4-9 % more CPU (every word
the model does not know is built again in each batch that has it). Without recycling the
extractor keeps its zones, one per batch of documents (``Extractor.batch``).
Workers also do what storing a record needs that does not need the database (checks, the
stored dict, duplicate keys: ``store.prepared``), so the parent, the store's only writer, is
left with the SQL.

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
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from multiprocessing.pool import AsyncResult, Pool

from powermap import lang
from powermap.extract import Extractor
from powermap.ingest import dedup
from powermap.ingest.guard import extract_guarded, freeze_loaded
from powermap.ingest.options import DEFAULT_TIME_LIMIT
from powermap.records import Document, ExtractionRecord, document_id
from powermap.store.prepared import PreparedRecord, prepare_outcome

PR_SET_PDEATHSIG = 1
#: Documents read before the fork to learn which languages to load in the parent.
LANGUAGE_SAMPLE = 32
#: Documents a worker extracts before a fresh fork of the parent replaces it.
RECYCLE_AFTER = 5_000

_extractor: Extractor | None = None  # the parent's extractor, inherited by every forked worker
_time_limit: float | None = DEFAULT_TIME_LIMIT

Outcome = ExtractionRecord | PreparedRecord | str


def _die_with_parent() -> None:
    """Worker initialiser: SIGTERM when the parent dies; Ctrl-C is the parent's to handle."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        if os.getppid() == 1:  # the parent died before prctl took effect
            os._exit(1)


def _start_worker(recycled: bool) -> None:
    """Worker initialiser: ``_die_with_parent``, and zones off in a worker that will be recycled."""
    _die_with_parent()
    _zones_for_worker(recycled)


def _zones_for_worker(recycled: bool) -> None:
    """A recycled worker needs no memory zones: its replacement gives back what it grew."""
    if recycled and _extractor is not None:
        _extractor.memory_zones = False


def _extract_batch(documents: list[Document], prepared: bool = False) -> list[Outcome]:
    """Records (prepared for the store with ``prepared``) or failure reasons for a batch, in order."""
    if _extractor is None:  # pragma: no cover - only if a worker was started without fork
        raise RuntimeError("the worker has no extractor: workers must be forked by ForkPool")
    with _extractor.batch():  # one memory zone for the batch (none in a worker that is recycled)
        outcomes = [extract_guarded(_extractor, document, _time_limit) for document in documents]
    return [prepare_outcome(outcome) if prepared else outcome for outcome in outcomes]


def warm_up(extractor: Extractor, languages: Iterable[str] | None = None) -> list[str]:
    """Run ``extractor`` on each language's warm-up sentence (``lang/<code>/warm_up.yaml``) so that
    everything it loads lazily is loaded now, then leaves what is loaded to no garbage collection
    (``ingest.guard.freeze_loaded``); returns the languages warmed."""
    warmed = []
    for code in sorted(languages if languages is not None else lang.codes()):
        sentence = (lang.data(code, "warm_up") or {}).get("sentence")
        if sentence:
            extract_guarded(extractor, Document(id=document_id(sentence), text=sentence, language=code), None)
            extractor.preload(code)
            warmed.append(code)
    freeze_loaded()  # what is loaded now stays: forked workers share it, and no collection walks it
    return warmed


class ForkPool:
    """``workers`` forked processes sharing one loaded extractor.

    The workers are forked by ``start``, which the first ``map`` calls with the languages of
    the first ``LANGUAGE_SAMPLE`` documents.

    Args:
        extractor (Extractor): the configured stages, loaded in this process before the fork.
        workers (int): processes to fork (at least 1).
        time_limit (float | None): seconds of extraction allowed per document.
        batch_size (int): documents per task (a few: the round trip costs about a millisecond, and
            the last tasks of a run end close together).
        recycle_after (int | None): documents per worker after which the workers are replaced by
            fresh forks (whole batches; None: never).
    """

    def __init__(
        self,
        extractor: Extractor,
        workers: int,
        time_limit: float | None = DEFAULT_TIME_LIMIT,
        batch_size: int = 4,
        recycle_after: int | None = RECYCLE_AFTER,
    ) -> None:
        if workers < 1:
            raise ValueError("a pool needs at least one worker")
        if "fork" not in multiprocessing.get_all_start_methods():
            raise RuntimeError("forked workers need a platform with fork(); use --scheduler with Dask instead")
        self.extractor = extractor
        self.time_limit = time_limit
        self.workers = workers
        self.batch_size = batch_size
        self.recycle_after = recycle_after
        self.warmed: list[str] = []
        self._pool: Pool | None = None
        self._closed = False
        self._sent = 0  # documents sent to the workers forked last

    def start(self, languages: Iterable[str] | None = None) -> None:
        """Warm the extractor up for ``languages`` (None, or none powermap has a warm-up sentence
        for: every language that has one), then fork the workers; nothing if they run already."""
        global _extractor, _time_limit
        if self._closed:
            raise RuntimeError("the pool is closed")
        if self._pool is not None:
            return
        wanted = sorted(set(languages) & lang.codes()) if languages is not None else None
        self.warmed = warm_up(self.extractor, wanted) if wanted else []
        if not self.warmed:
            self.warmed = warm_up(self.extractor)
        dedup.signature("")  # its library (datasketch, SciPy) too, for the workers' ``prepare``
        _extractor, _time_limit = self.extractor, self.time_limit
        gc.collect()
        gc.freeze()  # the loaded objects move to a generation the workers' collector never touches
        self._fork()

    def _fork(self) -> None:
        """Fork the workers (from this, the parent's calling thread)."""
        recycled = self.recycle_after is not None
        self._pool = multiprocessing.get_context("fork").Pool(
            self.workers, initializer=_start_worker, initargs=(recycled,)
        )
        self._sent = 0

    def _recycle_due(self) -> bool:
        return self.recycle_after is not None and self._sent >= self.recycle_after * self.workers

    def _refork(self) -> None:
        """Let the current workers end (nothing is out) and fork fresh ones."""
        assert self._pool is not None
        self._pool.close()
        self._pool.join()
        self._fork()

    def map(
        self, documents: Iterable[Document], window: int | None = None, prepared: bool = False, held: int | None = None
    ) -> Iterator[tuple[Document, Outcome]]:
        """(document, outcome) in input order; the outcome is the record (with ``prepared``: a
        ``store.prepared.PreparedRecord``) or why the document failed.

        At most ``window`` batches (default 3 per worker) are queued or running on the workers at
        any time. Finished batches wait to be given out in input order, at most ``held`` of them
        (default 16 per worker), so a slow batch at the head does not leave the other workers idle.
        """
        if self._closed:
            raise RuntimeError("the pool is closed")
        incoming = iter(documents)
        if self._pool is None:
            sample = list(islice(incoming, LANGUAGE_SAMPLE))
            if not sample:
                return
            self.start(d.language for d in sample if d.language)
            incoming = chain(sample, incoming)
        window = window or 3 * self.workers
        held = max(held or 16 * self.workers, window)
        slots = threading.Semaphore(window)  # released by the pool's result thread as each batch ends
        pending: deque[tuple[list[Document], AsyncResult]] = deque()

        def ended(_: object) -> None:
            slots.release()

        def send(batch: list[Document]) -> None:
            assert self._pool is not None
            slots.acquire()
            result = self._pool.apply_async(_extract_batch, (batch, prepared), callback=ended, error_callback=ended)
            pending.append((batch, result))
            self._sent += len(batch)

        def drained() -> Iterator[tuple[Document, Outcome]]:
            while pending:
                sent, result = pending.popleft()
                yield from zip(sent, result.get(), strict=True)

        def finished() -> Iterator[tuple[Document, Outcome]]:
            """The batches at the head that have ended (and the head, waited for, when ``held`` are waiting)."""
            while pending and (pending[0][1].ready() or len(pending) >= held):
                sent, result = pending.popleft()
                yield from zip(sent, result.get(), strict=True)

        batch: list[Document] = []
        for document in incoming:
            batch.append(document)
            if len(batch) == self.batch_size:
                if self._recycle_due():
                    yield from drained()
                    self._refork()
                yield from finished()
                send(batch)
                batch = []
        if batch:
            send(batch)
        yield from drained()

    def close(self) -> None:
        """Stop every worker now and wait for them (idempotent)."""
        global _extractor
        self._closed = True
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
