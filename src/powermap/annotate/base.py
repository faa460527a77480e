"""The annotator contract: text in, an offset-exact spaCy ``Doc`` out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from spacy.tokens import Doc


@dataclass(frozen=True)
class AnnotatorInfo:
    """What a back end is and what it puts on the Doc."""

    name: str
    languages: tuple[str, ...]
    provides: tuple[str, ...]  # of: sents, lemma, pos, morph, dep, ents
    description: str = ""
    details: dict[str, str] = field(default_factory=dict)


@runtime_checkable
class Annotator(Protocol):
    """Turns a document's text into a spaCy ``Doc``.

    The Doc's ``text`` is the input text exactly (``doc.text == text``), so every token's
    ``idx`` is an offset into the document. Annotators may hold processes or models: call
    ``close`` when done (they are also context managers).
    """

    info: AnnotatorInfo

    def __call__(self, text: str) -> Doc: ...

    def pipe(self, texts: list[str]) -> list[Doc]: ...

    def close(self) -> None: ...
