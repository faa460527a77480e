"""The stage contract and registry: each extraction stage plugs in here and nowhere else.

A stage is a class registered under a versioned name. It declares which record list it
fills (``produces``) and which other stages' output it reads (``requires``); the pipeline
orders stages by those declarations. A stage reads the document, the annotated ``Doc`` and
the lists earlier stages filled, and appends to its own list::

    @stages.register("claims.v1")
    class ClaimStage(Stage):
        produces = "claims"
        requires = ("actors",)

        def __call__(self, ctx: ExtractionContext) -> None:
            ctx.record.claims.extend(...)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from powermap.records import STAGE_FIELDS, Actor, ExtractionRecord
from powermap.registry import Registry

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from powermap.annotate.base import Annotator


@dataclass
class ExtractionContext:
    """What a stage sees: the record being filled, the annotated Doc and shared caches."""

    record: ExtractionRecord
    annotator: Annotator | None = None
    options: Mapping[str, Any] = field(default_factory=dict)
    scratch: dict[str, Any] = field(default_factory=dict)
    _doc: Doc | None = None

    @property
    def text(self) -> str:
        return self.record.document.text

    @property
    def language(self) -> str:
        return self.record.document.language or "xx"

    @property
    def doc(self) -> Doc:
        """The annotated Doc, built on first use (stages that need no parse never pay for it)."""
        if self._doc is None:
            if self.annotator is None:
                from powermap.annotate import get_annotator

                self.annotator = get_annotator(self.language)
            self._doc = self.annotator(self.text)
        return self._doc

    @property
    def published(self) -> date | None:
        """The publication date as a date (first of the month when only a month is known)."""
        value = self.record.document.published
        if not value:
            return None
        parts = [int(p) for p in value.split("-")]
        return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)

    def actor_at(self, start: int, end: int) -> Actor | None:
        """The actor with a mention overlapping ``[start, end)``, the longest mention winning."""
        best: tuple[int, Actor] | None = None
        for actor in self.record.actors:
            for m in actor.mentions:
                if m.start < end and start < m.end:
                    size = m.end - m.start
                    if best is None or size > best[0]:
                        best = (size, actor)
        return best[1] if best else None


class Stage:
    """Base class of extraction stages.

    Attributes:
        produces (str): the record list the stage fills, one of ``STAGE_FIELDS``.
        requires (tuple[str, ...]): record lists that must be filled before it runs.
    """

    produces: ClassVar[str] = ""
    requires: ClassVar[tuple[str, ...]] = ()

    def __init__(self, **options: Any) -> None:
        self.options = options

    def __call__(self, ctx: ExtractionContext) -> None:
        raise NotImplementedError


stages: Registry[type[Stage]] = Registry(
    "stages",
    builtin_modules=(),  # filled by powermap.extract.__init__ with the bundled stage modules
)


def order_stages(names: list[str]) -> list[type[Stage]]:
    """The stage classes for ``names`` in an order that honours every ``requires``."""
    classes = [stages.get(n) for n in names]
    by_field: dict[str, type[Stage]] = {}
    for cls in classes:
        if cls.produces not in STAGE_FIELDS:
            raise ValueError(f"stage {cls.__name__} produces unknown list {cls.produces!r}")
        if cls.produces in by_field:
            raise ValueError(f"two stages produce {cls.produces!r}")
        by_field[cls.produces] = cls
    ordered: list[type[Stage]] = []
    visiting: set[str] = set()

    def visit(cls: type[Stage]) -> None:
        if cls in ordered:
            return
        if cls.produces in visiting:
            raise ValueError(f"stage requirements form a cycle at {cls.produces!r}")
        visiting.add(cls.produces)
        for need in cls.requires:
            if need in by_field:
                visit(by_field[need])
        visiting.discard(cls.produces)
        ordered.append(cls)

    for cls in classes:
        visit(cls)
    return ordered
