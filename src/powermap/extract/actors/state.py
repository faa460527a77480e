"""What the linker passes share: the language's resources and one document's linking state."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from powermap.extract.actors.candidates import Candidate
from powermap.extract.actors.found import DocActors
from powermap.extract.actors.fuzzy import FuzzyIndex
from powermap.extract.actors.gazetteer import Gazetteer, Hit
from powermap.extract.actors.groups import GroupLexicon
from powermap.extract.actors.lexicon import ActorLexicon
from powermap.kb import KnowledgeBase

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True)
class Resources:
    """The read-only resources of one language's linker (built once per language)."""

    gaz: Gazetteer
    kb: KnowledgeBase
    lex: ActorLexicon
    glex: GroupLexicon
    role_re: re.Pattern[str]
    fuzzy: FuzzyIndex


@dataclass
class LinkState:
    """One document while it is linked; every pass reads and updates this.

    Attributes:
        res (Resources): the language's resources.
        found (DocActors): the actors found so far, with their mentions.
        doc (Doc | None): the annotated Doc, when the annotator gives one.
        has_ner (bool): whether ``doc`` carries entities.
        hits (list[Hit]): gazetteer hits still to be read (the hits pass settles them).
        candidates (list[Candidate]): name candidates that are no hit (NER or capitalised runs).
        entities (list[Candidate]): the NER entities (actor and non-actor labels).
        used (set[int]): indexes of ``hits`` a pass has already read into a mention.
    """

    res: Resources
    found: DocActors
    doc: Doc | None = None
    has_ner: bool = False
    hits: list[Hit] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    entities: list[Candidate] = field(default_factory=list)
    used: set[int] = field(default_factory=set)

    @property
    def text(self) -> str:
        return self.found.text

    @property
    def kb(self) -> KnowledgeBase:
        return self.res.kb

    @property
    def lex(self) -> ActorLexicon:
        return self.res.lex

    def pick_person(self, ids: tuple[str, ...]) -> str | None:
        """Of the base persons ``ids``: one already in the document, else one in office at the
        document date, else the first."""
        persons = [i for i in ids if self.kb.actors[i].type == "person"]
        for i in persons:
            if i in self.found.actors:
                return i
        for i in persons:
            if self.kb.current(i, self.found.published):
                return i
        return persons[0] if persons else None
