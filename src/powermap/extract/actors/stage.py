"""The ``actors.v1`` stage: fills ``record.actors`` with linked actors and their mentions.

It provides the artefact ``ctx.actor_links`` (a ``found.DocActors``) for later stages:

- ``resolve(start, end) -> str | None``: the actor id a phrase refers to: an overlapping mention,
  else a pronoun (``hij``, ``she``) or a description (``de hoogleraar``, ``de Noorse premier``)
  resolved to the last fitting person before ``start``; use it for quote speakers and event
  sources/targets;
- ``actor_at(start, end)``, ``last_person(before, role_key=None, noun=None)``,
  ``person_by_name(name)``; ``actors`` (id -> ``DocActor`` with ``role_keys`` and ``role``).

``ctx.actor_at(start, end)`` keeps working on the record as usual.
"""

from __future__ import annotations

from dataclasses import dataclass

from powermap.extract.actors.linker import Linker
from powermap.extract.stage import ExtractionContext, Stage, stages

_LINKERS: dict[str, Linker] = {}


def linker_for(language: str) -> Linker:
    """A cached linker per language."""
    if language not in _LINKERS:
        _LINKERS[language] = Linker(language)
    return _LINKERS[language]


@stages.register("actors.v1")
class ActorStage(Stage):
    """Gazetteer + transliteration keys + fuzzy keys + capitalisation/NER candidates.

    Options:
        use_ner (bool): read the annotator's entities (and parse) as well as capitalisation.
    """

    @dataclass(frozen=True)
    class Options:
        use_ner: bool = True

    produces = "actors"
    provides = ("actor_links",)

    def preload(self, language: str) -> None:
        """The word-form table read only for a lone unknown capitalised word, and the fuzzy name
        index built only for the first name no key finds."""
        from powermap.extract.actors.actor_types import common_words

        linker_for(language).res.fuzzy.preload()
        common_words(language)

    def __call__(self, ctx: ExtractionContext) -> None:
        doc = ctx.doc if self.options.use_ner else None
        found = linker_for(ctx.language)(ctx.text, ctx.published, doc)
        ctx.actor_links = found
        ctx.record.actors.extend(found.to_actors())
