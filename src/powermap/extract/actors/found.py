"""The actors found in one document while linking, and the lookups later stages use on them.

``DocActors`` is what the ``actors.v1`` stage leaves as the ``actor_links`` artefact:
``resolve(start, end)`` for speakers, sources and targets; ``actor_at``, ``last_person``,
``person_by_name``; ``actors`` by id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from powermap import lang
from powermap.extract._text import WORD_RE as WORD
from powermap.extract.actors.lexicon import ActorLexicon
from powermap.extract.actors.words import role_noun_in
from powermap.kb import KnowledgeBase, name_at
from powermap.kb.names import name_keys, slug
from powermap.records import Actor, Span

#: a sentence end inside what the parser read as one sentence (a full stop, a capital after it)
SENTENCE_BREAK = re.compile(r"[.!?][\"'”’]?\s+(?=[A-Z\"“])")
#: sentences a chain of pronoun subjects is followed back
CHAIN_DEPTH = 3

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass
class DocActor:
    """An actor of the document while linking."""

    id: str
    name: str
    type: str
    country: str | None = None
    wikidata: str | None = None
    code: str | None = None
    role: str | None = None
    role_keys: set[str] = field(default_factory=set)
    in_kb: bool = False
    mentions: dict[tuple[int, int], str] = field(default_factory=dict)

    def first(self) -> int:
        return min(s for s, _ in self.mentions) if self.mentions else 0


class DocActors:
    """The actors of one document and the lookups built on them.

    Attributes:
        text (str): the document text.
        actors (dict[str, DocActor]): actors by id.
        published (date | None): the document date used for roles.
        doc (Doc | None): the parsed document, when there is one (pronouns prefer subjects).
    """

    def __init__(
        self, text: str, kb: KnowledgeBase, lex: ActorLexicon, published: date | None, doc: Doc | None = None
    ) -> None:
        self.text = text
        self.kb = kb
        self.lex = lex
        self.published = published
        self.doc = doc if doc is not None and doc.has_annotation("DEP") else None
        self.actors: dict[str, DocActor] = {}
        self.covered: list[tuple[int, int]] = []
        self._keys_of: dict[str, tuple[set[str], frozenset[str], frozenset[str]]] = {}

    # -- building ---------------------------------------------------------------------------
    def kb_actor(self, kb_id: str) -> DocActor:
        a = self.actors.get(kb_id)
        if a is None:
            k = self.kb.actors[kb_id]
            a = DocActor(k.id, name_at(k, self.published), k.type, k.country, k.wikidata, k.code, in_kb=True)
            if k.type == "person":
                a.role = self.kb.role_label(k.id, self.published)
                a.role_keys = {r.role for r in self.kb.roles.get(k.id, []) if r.role and r.covers(self.published)}
            self.actors[kb_id] = a
        return a

    def doc_actor(self, name: str, type_: str, country: str | None = None) -> DocActor:
        aid = slug(name) or "actor"
        if aid in self.kb.actors:
            aid = f"{aid}_doc"
        a = self.actors.get(aid)
        if a is None:
            a = self.actors[aid] = DocActor(aid, name, type_, country)
        return a

    def mention(self, actor: DocActor, start: int, end: int, primary: bool = True) -> None:
        while end > start and self.text[end - 1] in " ,":
            end -= 1
        actor.mentions[(start, end)] = self.text[start:end]
        if primary:
            self.covered.append((start, end))

    def is_covered(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.covered)

    # -- lookups other stages use -------------------------------------------------------------
    def persons(self) -> list[DocActor]:
        return [a for a in self.actors.values() if a.type == "person"]

    def person_by_name(self, name: str) -> DocActor | None:
        """A person of the document whose full name or surname shares a key with ``name``."""
        keys = name_keys(name)
        single = len(name.split()) == 1
        for a in self.persons():
            full, last = self._person_keys(a)
            if not keys.isdisjoint(last if single else full):
                return a
        return None

    def _person_keys(self, a: DocActor) -> tuple[frozenset[str], frozenset[str]]:
        """The keys ``person_by_name`` matches a person on, remembered until its name or mentions
        change: those of its forms of two or more words (for a name of two or more words), and
        those of every form and every form's last word (for a one-word name)."""
        forms = {a.name, *a.mentions.values()}
        made = self._keys_of.get(a.id)
        if made is not None and made[0] == forms:
            return made[1], made[2]
        full: set[str] = set()
        last: set[str] = set()
        for f in forms:
            parts = f.split()
            if len(parts) >= 2:
                full |= name_keys(f)
            last |= name_keys(f)
            if parts:
                last |= name_keys(parts[-1])
        made = self._keys_of[a.id] = (forms, frozenset(full), frozenset(last))
        return made[1], made[2]

    def last_person(self, before: int, role_key: str | None = None, noun: str | None = None) -> DocActor | None:
        """The person mentioned last before ``before`` that fits a role key or a role noun."""
        best: tuple[int, DocActor] | None = None
        for a in self.persons():
            if role_key and role_key not in a.role_keys:
                continue
            if noun and not (a.role and noun.lower() in a.role.lower()):
                continue
            starts = [s for s, _ in a.mentions if s < before]
            if starts and (best is None or max(starts) > best[0]):
                best = (max(starts), a)
        return best[1] if best else None

    def actor_at(self, start: int, end: int) -> DocActor | None:
        """The actor with a mention overlapping ``[start, end)``, the longest mention winning."""
        best: tuple[int, DocActor] | None = None
        for a in self.actors.values():
            for s, e in a.mentions:
                if s < end and start < e and (best is None or e - s > best[0]):
                    best = (e - s, a)
        return best[1] if best else None

    def resolve(self, start: int, end: int) -> str | None:
        """The actor id a phrase at ``[start, end)`` refers to, for speakers, sources and targets.

        An actor mention overlapping the span wins; a personal pronoun (``hij``, ``zij``, ``he``,
        ``she``) or a description (``de hoogleraar``, ``de Noorse premier``) resolves to the last
        fitting person mentioned before ``start``; ``None`` when nothing fits.
        """
        a = self.actor_at(start, end)
        if a is not None:
            return a.id
        words = [w.lower() for w in WORD.findall(self.text[start:end])]
        if not words:
            return None
        if words[-1] in lang.union("person_pronouns"):
            p = self.previous_subject(start) or self.last_person(start)
            return p.id if p else None
        role = self.lex.role_nouns.get(words[-1])
        if role:
            p = self.last_person(start, role_key=role)
            return p.id if p else None
        noun = role_noun_in(words[-1], self.lex.apposition_roles)
        if noun:
            p = self.last_person(start, noun=noun)
            return p.id if p else None
        return None

    def previous_subject(self, start: int, depth: int = 0) -> DocActor | None:
        """The person subject of the sentence before, for a pronoun that is the subject of its
        sentence's main clause (centering: *X benadrukt ... van Y. Hij beweert*: X, not Y); a
        pronoun subject there is resolved the same way, up to ``CHAIN_DEPTH`` sentences back.
        ``None`` without a parse, for other pronouns, or when that subject is no person."""
        if self.doc is None:
            return None
        tok = self.doc.char_span(start, start + 1, alignment_mode="expand")
        if tok is None or not len(tok):
            return None
        pron = tok[0]
        if not pron.dep_.startswith("nsubj") or pron.head.head.i != pron.head.i or pron.sent.start == 0:
            return None
        before = self.doc[pron.sent.start - 1].sent
        # a parse that ran two sentences into one (*... van de VS. X gaat ...*) reads its subject
        # from the last of them only; none there: no subject, the last person named decides
        breaks = [m.end() for m in SENTENCE_BREAK.finditer(before.text)]
        last = before.start_char + (breaks[-1] if breaks else 0)
        for subj in (t for t in before.root.children if t.dep_ == "nsubj" and t.idx >= last):
            found = self.actor_at(subj.idx, subj.idx + len(subj.text))
            if found is None and depth < CHAIN_DEPTH and subj.lower_ in lang.union("person_pronouns"):
                # a pronoun subject continues the chain (*X kwam. Ook zag hij Y. En hij ...*: X)
                found = self.previous_subject(subj.idx, depth + 1) or self.last_person(subj.idx)
            if found is not None and found.type == "person":
                return found
        return None

    def to_actors(self) -> list[Actor]:
        out = []
        for a in sorted(self.actors.values(), key=DocActor.first):
            if not a.mentions:
                continue
            spans = [Span(t, s, e) for (s, e), t in sorted(a.mentions.items())]
            out.append(Actor(a.id, a.name, a.type, a.wikidata, a.country, a.role, a.code, spans))  # type: ignore[arg-type]
        return out
