"""spaCy memory zones: what one document adds to a model's vocabulary is freed after it.

A spaCy ``Vocab`` keeps every string and lexeme it ever met: each new word of each document adds
a lexeme and its strings (the word, its lower-case form, shape, prefix, suffix, lemma) for the
life of the process, so a worker's memory grows with the number of distinct words it has read.
Inside ``nlp.memory_zone()`` (spaCy 3.8) strings and lexemes first met are transient and freed when
the zone ends; what the model was loaded with, and what was added outside any zone (the warm-up
before workers are forked), stays. A ``Doc`` made inside a zone must not be used after it: the
extractor opens the zone when it makes a document's Doc and closes it once the record (plain
Python strings and numbers) is complete (``extract.pipeline.Extractor``).
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from typing import Any


def memory_zone(annotator: Any) -> AbstractContextManager[Any]:
    """A memory zone of the spaCy pipeline (or vocabulary) behind ``annotator``; a context that does
    nothing for a back end without one, or when a zone is open already (zones do not nest)."""
    nlp = getattr(annotator, "nlp", None)
    vocab = getattr(nlp, "vocab", None) if nlp is not None else getattr(annotator, "vocab", None)
    if vocab is None or not hasattr(vocab, "memory_zone") or vocab.in_memory_zone:
        return nullcontext()
    zone = getattr(nlp, "memory_zone", None) or vocab.memory_zone
    return zone()
