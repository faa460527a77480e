"""spaCy memory zones: what one document adds to a model's vocabulary is freed after it.

A spaCy ``Vocab`` keeps every string and lexeme it ever met: each new word of each document adds
a lexeme and its strings (the word, its lower-case form, shape, prefix, suffix, lemma) for the
life of the process, so a worker's memory grows with the number of distinct words it has read.
Inside ``nlp.memory_zone()`` (spaCy 3.8) strings and lexemes first met are transient and freed when
the zone ends; what the model was loaded with, and what was added outside any zone (the warm-up
before workers are forked), stays. A ``Doc`` made inside a zone must not be used after it: the
extractor opens the zone when it makes a document's Doc and closes it once the record (plain
Python strings and numbers) is complete (``extract.pipeline.Extractor``).

A zone belongs to the vocabulary, not to a thread: a second thread annotating while it is open
would have its words freed under it when the first thread's zone ends. So a zone holds its
vocabulary's lock while it is open, and threads sharing a model (a Dask worker with several
threads) take turns document by document.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import Any

_LOCKS: dict[int, threading.RLock] = {}  # per vocabulary (models are loaded once and kept)
_LOCKS_GUARD = threading.Lock()


def memory_zone(annotator: Any) -> AbstractContextManager[Any]:
    """A memory zone of the spaCy pipeline (or vocabulary) behind ``annotator``, held by this
    thread until it ends; a context that does nothing for a back end without one. Zones do not
    nest: inside this thread's own zone the context does nothing either."""
    nlp = getattr(annotator, "nlp", None)
    vocab = getattr(nlp, "vocab", None) if nlp is not None else getattr(annotator, "vocab", None)
    if vocab is None or not hasattr(vocab, "memory_zone"):
        return nullcontext()
    return _held_zone(vocab, getattr(nlp, "memory_zone", None) or vocab.memory_zone)


@contextmanager
def _held_zone(vocab: Any, open_zone: Any) -> Iterator[Any]:
    with _LOCKS_GUARD:
        lock = _LOCKS.setdefault(id(vocab), threading.RLock())
    with lock:
        if vocab.in_memory_zone:  # this thread's own zone (the lock is re-entrant), or one opened elsewhere
            yield None
            return
        with open_zone() as pool:
            yield pool
