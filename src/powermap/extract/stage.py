"""The stage contract and registry: each extraction stage plugs in here and nowhere else.

A stage is a class registered under a versioned name. Like spaCy's ``assigns``/``requires``
it declares what it writes and what it reads, and the pipeline checks both:

- ``produces``: the record list it fills (one of ``records.STAGE_FIELDS``);
- ``provides``: shared artefacts it leaves on the context for later stages (``ARTEFACTS``,
  typed fields of :class:`ExtractionContext` such as ``actor_links``);
- ``requires``: record lists and artefacts that must be there before it runs (a pipeline
  without a stage that provides one is refused with :class:`StageContractError`);
- ``uses``: record lists and artefacts it reads when they are there (ordering only);
- ``extends``: record lists of other stages it appends to (the quote stage adds speakers the
  actor stage did not find to ``actors``); it runs after their producer and must require them;
- ``Options``: a dataclass of its options, validated when the stage is built (a misspelt or
  mistyped option raises :class:`StageOptionError`).

::

    @stages.register("claims.v1")
    class ClaimStage(Stage):
        produces = "claims"
        requires = ("actors",)

        def __call__(self, ctx: ExtractionContext) -> None:
            ctx.record.claims.extend(...)

:func:`analyse_stages` is the ``pipe_analysis`` of a list of stage names: who writes and reads
what, in run order, and the requirements nobody meets.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from bisect import bisect_left
from collections.abc import Iterable
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date
from operator import attrgetter
from typing import TYPE_CHECKING, Any, ClassVar

from powermap.records import STAGE_FIELDS, Actor, ExtractionRecord
from powermap.registry import Registry

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from powermap.annotate.base import Annotator
    from powermap.extract._text import Notes
    from powermap.extract.actors.found import DocActors

#: shared artefacts a stage can provide, with what they hold (each is a field of the context)
ARTEFACTS: dict[str, str] = {
    "actor_links": "the actor linker's view of the document (actors.found.DocActors: resolve, last_person)",
    "event_reported": "one bool per event: whether it is reported speech",
    "event_clauses": "one (start, end) per event: the character span of its trigger's clause",
}


_MENTIONS = attrgetter("mentions")


class StageContractError(ValueError):
    """A pipeline whose stages do not fit together (a requirement no stage meets, two writers)."""


class StageOptionError(ValueError):
    """A stage option that the stage does not define, or a value of the wrong type."""


@dataclass
class ExtractionContext:
    """What a stage sees: the record being filled, the annotated Doc and the shared artefacts.

    Attributes:
        record (ExtractionRecord): the record the stages fill.
        annotator (Annotator | None): the back end that builds ``doc`` (chosen per language when None).
        actor_links (DocActors | None): artefact ``actor_links`` (provided by ``actors.v1``).
        event_reported (list[bool] | None): artefact ``event_reported`` (provided by ``events.v1``).
        event_clauses (list[tuple[int, int]] | None): artefact ``event_clauses`` (``events.v1``).
    """

    record: ExtractionRecord
    annotator: Annotator | None = None
    actor_links: DocActors | None = None
    event_reported: list[bool] | None = None
    event_clauses: list[tuple[int, int]] | None = None
    _doc: Doc | None = None
    _zones: ExitStack | None = None  # where the Doc's memory zone is opened (``annotate.memory``)
    _notes: Notes | None = None
    _mentions: _MentionIndex | None = None

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
            if self._zones is not None:
                from powermap.annotate.memory import memory_zone

                self._zones.enter_context(memory_zone(self.annotator))
            self._doc = self.annotator(self.text)
        return self._doc

    @property
    def notes(self) -> Notes:
        """The document's notes block and note markers (``_text.find_notes``), found on first use."""
        if self._notes is None:
            from powermap.extract._text import find_notes

            self._notes = find_notes(self.text)
        return self._notes

    @property
    def published(self) -> date | None:
        """The publication date as a date (first of the month when only a month is known)."""
        value = self.record.document.published
        if not value:
            return None
        parts = [int(p) for p in value.split("-")]
        return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)

    def actor_at(self, start: int, end: int) -> Actor | None:
        """The actor with a mention overlapping ``[start, end)``, the longest mention winning (on a
        tie, the first in the record's order)."""
        index = self._mention_index()
        starts, rows, longest = index.starts, index.rows, index.longest
        best: tuple[int, int, Actor] | None = None  # (-size, order, actor): the smallest wins
        for k in range(bisect_left(starts, start - longest), bisect_left(starts, end)):
            m_start, order, m_end, actor = rows[k]
            if start < m_end:
                candidate = (m_start - m_end, order, actor)
                if best is None or candidate[:2] < best[:2]:
                    best = candidate
        return best[2] if best else None

    def _mention_index(self) -> _MentionIndex:
        """Every mention sorted by start, rebuilt only when the record's mentions change."""
        actors = self.record.actors
        key = (len(actors), sum(map(len, map(_MENTIONS, actors))))
        if self._mentions is None or self._mentions.key != key:
            rows = sorted(
                (m.start, order, m.end, actor)
                for order, (actor, m) in enumerate((a, m) for a in actors for m in a.mentions)
            )
            longest = max((m_end - m_start for m_start, _, m_end, _ in rows), default=0)
            self._mentions = _MentionIndex(key, [r[0] for r in rows], rows, longest)
        return self._mentions


@dataclass
class _MentionIndex:
    key: tuple[int, int]
    starts: list[int]
    rows: list[tuple[int, int, int, Actor]]
    longest: int


@dataclass(frozen=True)
class NoOptions:
    """The options of a stage that has none."""


class Stage:
    """Base class of extraction stages (see the module docstring for the declarations).

    Args:
        **options: the stage's options, checked against its ``Options`` dataclass.
    """

    produces: ClassVar[str] = ""
    provides: ClassVar[tuple[str, ...]] = ()
    requires: ClassVar[tuple[str, ...]] = ()
    uses: ClassVar[tuple[str, ...]] = ()
    extends: ClassVar[tuple[str, ...]] = ()
    Options: ClassVar[type] = NoOptions

    def __init__(self, **options: Any) -> None:
        self.options: Any = build_options(type(self), options)

    def __call__(self, ctx: ExtractionContext) -> None:
        raise NotImplementedError

    def preload(self, language: str) -> None:
        """Load now what the stage would load on first use for ``language`` (worker processes
        forked afterwards share it); running the stage on a short text loads most of it."""


def build_options(cls: type[Stage], given: dict[str, Any]) -> Any:
    """``cls.Options(**given)``, refusing names the dataclass lacks and values of the wrong type."""
    known = {f.name: f for f in dataclasses.fields(cls.Options)}
    unknown = sorted(set(given) - set(known))
    if unknown:
        offered = ", ".join(sorted(known)) or "none"
        wrong = ", ".join(map(repr, unknown))
        raise StageOptionError(f"stage {cls.__name__} has no option {wrong} (options: {offered})")
    hints = typing.get_type_hints(cls.Options)
    for name, value in given.items():
        if not _fits(value, hints.get(name, Any)):
            raise StageOptionError(f"stage {cls.__name__} option {name!r}: {value!r} is not {hints[name]}")
    return cls.Options(**given)


def _fits(value: Any, hint: Any) -> bool:
    """Whether ``value`` fits a simple type hint (classes, ``X | None``, ``Any``)."""
    if hint is Any:
        return True
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        return any(_fits(value, h) for h in typing.get_args(hint))
    if hint is type(None):
        return value is None
    origin = typing.get_origin(hint) or hint
    if origin is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, origin) if isinstance(origin, type) else True


stages: Registry[type[Stage]] = Registry(
    "stages",
    builtin_modules=(),  # filled by powermap.extract.__init__ with the bundled stage modules
)


def _outputs(cls: type[Stage]) -> tuple[str, ...]:
    return (cls.produces, *cls.provides)


def _providers(need: str) -> list[str]:
    """Registered stage names (newest of each family) that produce or provide ``need``."""
    out = []
    for name in sorted(stages.latest().values()):
        try:
            cls = stages.get(name)
        except Exception:  # a broken third-party stage does not hide the others
            continue
        if need in _outputs(cls):
            out.append(name)
    return out


def _check_declarations(name: str, cls: type[Stage]) -> None:
    if cls.produces not in STAGE_FIELDS:
        lists = ", ".join(STAGE_FIELDS)
        raise StageContractError(f"stage {name} produces unknown list {cls.produces!r} (lists: {lists})")
    known = set(STAGE_FIELDS) | set(ARTEFACTS)
    checks = (
        ("provides", cls.provides, set(ARTEFACTS)),
        ("requires", cls.requires, known),
        ("uses", cls.uses, known),
        ("extends", cls.extends, set(STAGE_FIELDS)),
    )
    for what, declared, allowed in checks:
        bad = [n for n in declared if n not in allowed]
        if bad:
            raise StageContractError(f"stage {name} {what} unknown {', '.join(map(repr, bad))}")
    if set(cls.extends) - set(cls.requires):
        raise StageContractError(f"stage {name} extends {', '.join(cls.extends)} and must also require it")


def order_stages(names: Iterable[str]) -> list[type[Stage]]:
    """The stage classes for ``names`` in an order that honours every ``requires`` and ``uses``.

    Raises:
        StageContractError: a requirement no stage in ``names`` meets (the message names the
            registered stages that would), two stages writing the same list or artefact, or a cycle.
    """
    names = list(names)
    classes = [stages.get(n) for n in names]
    writer: dict[str, tuple[str, type[Stage]]] = {}
    for name, cls in zip(names, classes, strict=True):
        _check_declarations(name, cls)
        for out in _outputs(cls):
            if out in writer:
                raise StageContractError(f"two stages write {out!r}: {writer[out][0]} and {name}")
            writer[out] = (name, cls)
    missing = []
    for name, cls in zip(names, classes, strict=True):
        for need in cls.requires:
            if need not in writer:
                by = _providers(need)
                hint = f"add {' or '.join(by)}, which provides it" if by else "no registered stage provides it"
                missing.append(f"stage {name} requires {need!r}, which no stage in the pipeline provides ({hint})")
    if missing:
        raise StageContractError("; ".join(missing))
    ordered: list[type[Stage]] = []
    visiting: set[type[Stage]] = set()

    def visit(cls: type[Stage]) -> None:
        if cls in ordered:
            return
        if cls in visiting:
            raise StageContractError(f"stage requirements form a cycle at {cls.__name__}")
        visiting.add(cls)
        for need in (*cls.requires, *cls.uses):
            if need in writer and writer[need][1] is not cls:
                visit(writer[need][1])
        visiting.discard(cls)
        ordered.append(cls)

    for cls in classes:
        visit(cls)
    return ordered


@dataclass(frozen=True)
class StageInfo:
    """One row of :func:`analyse_stages`."""

    name: str
    produces: str
    provides: tuple[str, ...]
    requires: tuple[str, ...]
    uses: tuple[str, ...]
    extends: tuple[str, ...] = ()
    options: tuple[str, ...] = field(default_factory=tuple)


def analyse_stages(names: Iterable[str]) -> list[StageInfo]:
    """The stages of ``names`` in run order with what each writes and reads (spaCy's
    ``pipe_analysis``); raises :class:`StageContractError` like :func:`order_stages`."""
    by_class = {stages.get(n): n for n in names}
    return [
        StageInfo(
            by_class[cls],
            cls.produces,
            cls.provides,
            cls.requires,
            cls.uses,
            cls.extends,
            tuple(f.name for f in dataclasses.fields(cls.Options)),
        )
        for cls in order_stages(list(by_class.values()))
    ]
