"""Links one document's mentions to actors: the knowledge base first, then document actors.

``Linker(language)(text, published, doc)`` returns a ``found.DocActors``: the actors of the
document with their mentions, plus the lookups other stages use (see ``DocActors.resolve``).
The passes, in order, each a module of its own that reads and updates one ``state.LinkState``:

1. ``hits``: gazetteer hits of KB aliases (``gazetteer.py``) settled against name candidates
   (capitalised runs, NER entities);
2. ``phrases``: phrases built on a state adjective or an abbreviation: role phrases (``de
   Russische president``, ``VS-president Joe Biden``), government phrases (``de Chinese
   regering``, ``de regering in Beijing``) and unnamed officials (``een Chinese functionaris``);
3. ``group_mentions``: families (``the X family``), then plural and collective group phrases
   (``groups.py``);
4. ``plain_hits``: the remaining hits: adjectives, metonyms and capitals stand for the state,
   except a capital after a place preposition (``in Moskou``), which is the city;
5. ``names``: name candidates not in the gazetteer: a KB person by transliteration key, then by
   fuzzy key (``fuzzy.py``); a person of the document by full name or surname key; otherwise a
   new document actor with a deterministic slug id, typed from the evidence (``actor_types.py``);
6. ``merge``: a document person named by surname, first name or a fuller form before or after
   the full name joins that person (``merge.py``);
   ``regimes``: a government named after its leader (``het X-regime``) is the leader's state;
7. ``descriptions``: roles of document persons read from appositions and copular sentences,
   then descriptions (``de hoogleraar``, ``de president``, ``het agentschap``) resolved to the
   last person or body they fit;
8. ``articles``: a new body's mention takes its definite article, a known body's name the body
   noun after it (``the X movement``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from powermap.extract.actors.articles import articles_pass
from powermap.extract.actors.descriptions import appositions_pass, body_descriptions_pass, descriptions_pass
from powermap.extract.actors.found import DocActors
from powermap.extract.actors.fuzzy import FUZZY_THRESHOLD, FuzzyIndex
from powermap.extract.actors.gazetteer import Gazetteer, gazetteer
from powermap.extract.actors.group_mentions import families_pass, groups_pass
from powermap.extract.actors.groups import group_lexicon
from powermap.extract.actors.hits import hits_pass
from powermap.extract.actors.lexicon import lexicon
from powermap.extract.actors.merge import merge_pass
from powermap.extract.actors.names import names_pass
from powermap.extract.actors.phrases import phrases_pass
from powermap.extract.actors.plain_hits import plain_hits_pass
from powermap.extract.actors.regimes import regimes_pass
from powermap.extract.actors.state import LinkState, Resources
from powermap.extract.actors.words import alternation

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: The passes in the order they run.
PASSES: tuple[Callable[[LinkState], None], ...] = (
    hits_pass,
    phrases_pass,
    families_pass,
    groups_pass,
    plain_hits_pass,
    names_pass,
    merge_pass,
    regimes_pass,
    appositions_pass,
    descriptions_pass,
    body_descriptions_pass,
    articles_pass,
)

__all__ = ["FUZZY_THRESHOLD", "PASSES", "DocActors", "Linker"]


class Linker:
    """Links documents of one language against a knowledge base."""

    def __init__(self, language: str, gaz: Gazetteer | None = None) -> None:
        gaz = gaz or gazetteer()
        lex = lexicon(language)
        self.res = Resources(gaz, gaz.kb, lex, group_lexicon(language), alternation(lex.role_nouns), FuzzyIndex(gaz.kb))
        self.kb = gaz.kb
        self.lex = lex

    def __call__(self, text: str, published: date | None = None, doc: Doc | None = None) -> DocActors:
        state = LinkState(self.res, DocActors(text, self.kb, self.lex, published, doc), doc)
        for step in PASSES:
            step(state)
        return state.found

    def fuzzy(self, name: str, threshold: float = FUZZY_THRESHOLD) -> str | None:
        """The KB person whose name key is closest to one of ``name``'s keys, if close enough."""
        return self.res.fuzzy(name, threshold)
