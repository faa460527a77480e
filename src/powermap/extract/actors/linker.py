"""Links one document's mentions to actors: the knowledge base first, then document actors.

``link(text, language, published)`` returns a ``DocActors``: the actors of the document with their
mentions, plus the lookups other stages use (see ``DocActors.resolve``). The steps, in order:

1. gazetteer hits of KB aliases (``gazetteer.py``);
2. phrases built on a state adjective or an abbreviation: role phrases (``de Russische president``,
   ``VS-president Donald Trump``, ``de Chinese minister van Buitenlandse Zaken, Wang Yi``),
   government phrases (``de Chinese regering``, ``de regering in Beijing``) and unnamed officials
   (``een Chinese functionaris``);
3. the remaining hits: adjectives, metonyms and capitals stand for the state, except a capital
   after a place preposition (``in Moskou``), which is the city;
4. name candidates (NER entities or capitalised runs) not in the gazetteer: a KB person by
   transliteration key, then by fuzzy key match; a person of the document by full name or surname
   key; otherwise a new document actor with a deterministic slug id;
5. descriptions (``de hoogleraar``, ``de president``) resolved to the last person they fit, and
   roles of document persons read from appositions and copular sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from rapidfuzz import fuzz, process

from powermap.extract.actors.candidates import (
    CONJUNCTIONS,
    PARTICLES,
    PERSON_PARTICLES,
    Candidate,
    capitalised_runs,
    from_entities,
)
from powermap.extract.actors.gazetteer import Gazetteer, Hit, gazetteer
from powermap.extract.actors.groups import dominant_state, find_groups, group_lexicon, settle, take_up
from powermap.extract.actors.lexicon import ActorLexicon, lexicon
from powermap.ingest.dateline import dateline_place
from powermap.kb import KBActor, KnowledgeBase
from powermap.kb.build import slug
from powermap.kb.names import fold, name_keys
from powermap.records import Actor, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Fuzzy key similarity (rapidfuzz ratio, 0-100) above which an unknown full name is taken to be
#: a KB person; measured by ``bench/bench_actors.py`` (see docs/actors.md).
FUZZY_THRESHOLD = 92.0
#: How far back (characters) a bare description may find a person without a role.
DESCRIPTION_REACH = 400
#: Role keys tried for a generic "leader" of a state, in order.
HEAD_ROLES = {
    "leader": ("leader", "president", "prime_minister", "chancellor"),
    "head_of_state": ("president", "monarch", "leader"),
    "head_of_government": ("prime_minister", "chancellor", "president"),
    "counterpart": ("president", "prime_minister", "leader"),
}
NER_LABELS = frozenset({"PER", "PERSON", "ORG", "LOC", "GPE", "NORP", "FAC", "MISC"})
#: NER labels (OntoNotes) of spans that are never actors: a candidate inside one is dropped.
NON_ACTOR_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "EVENT",
                              "LAW", "WORK_OF_ART", "LANGUAGE", "PRODUCT"})  # fmt: skip
#: NER type of an unknown name -> actor type
NER_TYPES = {"PER": "person", "PERSON": "person", "LOC": "place", "GPE": "place", "FAC": "place"}
_WORD = re.compile(r"[^\W\d_][\w’'-]*")


@cache
def common_words(language: str) -> frozenset[str]:
    """Lower-case word forms of ``language`` (spaCy's lemma lookup tables, forms and lemmas)."""
    try:
        from spacy.lookups import load_lookups

        table = load_lookups(language, ["lemma_lookup"]).get_table("lemma_lookup")
    except Exception:  # no table for the language
        return frozenset()
    return frozenset(str(v).lower() for v in table.values())


@cache
def type_cues() -> dict[str, frozenset[str]]:
    path = Path(__file__).resolve().parents[2] / "kb" / "curated" / "type_cues.yaml"
    return {k: frozenset(v) for k, v in yaml.safe_load(path.read_text(encoding="utf-8")).items()}


@cache
def body_words() -> frozenset[str]:
    """Words that mark a name as an organisation, a medium or a company (``type_cues``)."""
    cues = type_cues()
    return cues["organisation"] | cues["media"] | cues["company"]


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

    # -- building ---------------------------------------------------------------------------
    def kb_actor(self, kb_id: str) -> DocActor:
        a = self.actors.get(kb_id)
        if a is None:
            k = self.kb.actors[kb_id]
            a = DocActor(k.id, k.name, k.type, k.country, k.wikidata, k.code, in_kb=True)
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
            forms = {a.name, *a.mentions.values()}
            for f in forms:
                parts = f.split()
                if len(parts) < 2 and not single:
                    continue
                if name_keys(f) & keys or (single and name_keys(parts[-1]) & keys):
                    return a
        return None

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
        ``she``) or a description (``de hoogleraar``, ``de Armeense premier``) resolves to the last
        fitting person mentioned before ``start``; ``None`` when nothing fits.
        """
        a = self.actor_at(start, end)
        if a is not None:
            return a.id
        words = [w.lower() for w in _WORD.findall(self.text[start:end])]
        if not words:
            return None
        if words[-1] in PRONOUNS:
            p = self.previous_subject(start) or self.last_person(start)
            return p.id if p else None
        role = self.lex.role_nouns.get(words[-1])
        if role:
            p = self.last_person(start, role_key=role)
            return p.id if p else None
        noun = _role_noun_in(words[-1], self.lex.apposition_roles)
        if noun:
            p = self.last_person(start, noun=noun)
            return p.id if p else None
        return None

    def previous_subject(self, start: int) -> DocActor | None:
        """The person subject of the sentence before, for a pronoun that is the subject of its
        sentence's main clause (centering: *X benadrukt ... van Y. Hij beweert*: X, not Y).
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
        for subj in (t for t in before.root.children if t.dep_ == "nsubj"):
            found = self.actor_at(subj.idx, subj.idx + len(subj.text))
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


#: how far back (characters) a body description looks for the body it refers to
BODY_REACH = 3000

PRONOUNS = frozenset(["hij", "zij", "ze", "hem", "haar", "he", "she", "him", "her", "il", "elle", "er", "sie"])


def _role_noun_in(word: str, nouns: frozenset[str]) -> str | None:
    """The role noun ``word`` is or ends in (``sovjet-historicus`` -> ``historicus``)."""
    word = word.lower()
    for n in nouns:
        if word == n or (word.endswith(n) and len(word) - len(n) >= 3):
            return n
    return None


class Linker:
    """Links documents of one language against a knowledge base."""

    def __init__(self, language: str, gaz: Gazetteer | None = None) -> None:
        self.gaz = gaz or gazetteer()
        self.kb = self.gaz.kb
        self.lex = lexicon(language)
        self.glex = group_lexicon(language)
        self._role_re = _alternation(self.lex.role_nouns)
        self._fuzzy_keys: list[str] | None = None
        self._fuzzy_ids: list[str] = []

    # -- entry point ----------------------------------------------------------------------------
    def __call__(self, text: str, published: date | None = None, doc=None) -> DocActors:
        lex = self.lex
        da = DocActors(text, self.kb, lex, published, doc)
        folded = fold(text)
        hits = self.gaz.find(text, folded, lex.closed_compounds, lex.genitive_suffixes)
        has_ner = doc is not None and doc.has_annotation("ENT_IOB")
        ents = from_entities(doc, NER_LABELS | NON_ACTOR_LABELS, text) if has_ner else []
        hits = self._drop_partial_persons(hits, ents, text)
        hits, cands = self._settle_runs(hits, capitalised_runs(text, lex), text)
        if has_ner:
            cands = _with_entities(cands, ents, text)
        used: set[int] = set()
        self._phrases(da, hits, used)
        self._groups(da, hits, used)
        self._plain_hits(da, hits, used)
        self._candidates(da, cands, has_ner)
        self._appositions(da)
        self._descriptions(da)
        self._body_descriptions(da)
        return da

    # -- step helpers -----------------------------------------------------------------------------
    def _drop_partial_persons(self, hits: list[Hit], ents: list[Candidate], text: str) -> list[Hit]:
        """Person hits that a person entity continues with more name words (*Prince Faisal* in
        *Prince Faisal bin Farhan*): the base knows a shorter name, the text names someone else
        or more fully, so the entity is read as the name instead."""
        persons = [e for e in ents if e.label == "PER"]

        def continued(h: Hit) -> bool:
            if self.kb.actors[h.ids[0]].type != "person":
                return False
            return any(
                e.start <= h.start and h.end < e.end and re.match(r"[ \u00a0]+\w", text[h.end : e.end]) for e in persons
            )

        return [h for h in hits if not continued(h)]

    def _settle_runs(self, hits: list[Hit], cands: list[Candidate], text: str) -> tuple[list[Hit], list[Candidate]]:
        """Split name candidates from hits. A tight run of capitalised words ending in a single
        state or organisation hit is a name of its own (``Rechtvaardig Rusland``) and takes the hit
        over; otherwise the hits stay and the runs are found again with the hits masked out, so
        that only the words around them are candidates (``University of Southern California``)."""
        drop: set[int] = set()
        keep: list[Candidate] = []
        cands = self._title_runs(hits, cands, text)
        titles = {c for c in cands if c.label == "title"}
        cands = [Candidate(c.start, c.end, c.text, None, c.initial) if c in titles else c for c in cands]
        titles = {Candidate(c.start, c.end, c.text, None, c.initial) for c in titles}
        for c in cands:
            inside = [i for i, h in enumerate(hits) if h.start < c.end and c.start < h.end]
            if len(inside) != 1 or c.initial:
                continue
            h = hits[inside[0]]
            words = c.text.split()
            if c in titles:
                keep.append(c)
                drop.add(inside[0])
                continue
            kb_type = self.kb.actors[h.ids[0]].type
            if (
                h.start > c.start
                and kb_type in ("state", "organisation")
                and (h.kind == "name" or (h.kind == "abbr" and kb_type == "state"))  # de Koerdische PKK
                and all(w[:1].isupper() and w.lower() not in self.lex.stop_words for w in words)
                and len(text[c.start : h.start].strip()) >= 4
            ):
                keep.append(c)
                drop.add(inside[0])
        chars = list(text)
        for i, h in enumerate(hits):
            if i not in drop:
                chars[h.start : h.end] = "|" * (h.end - h.start)
        masked = "".join(chars)
        for c in capitalised_runs(masked, self.lex):
            if not any(k.start < c.end and c.start < k.end for k in keep):
                keep.append(Candidate(c.start, c.end, text[c.start : c.end], c.label, c.initial))
        keep.sort(key=lambda c: c.start)
        return [h for i, h in enumerate(hits) if i not in drop], keep

    def _title_runs(self, hits: list[Hit], cands: list[Candidate], text: str) -> list[Candidate]:
        """A state name, ``in``/``of`` and two or more capitalised words with no hit among them is one
        title (``Russia in Global Affairs``): the runs are joined."""
        starts = {h.start: h for h in hits}
        out: list[Candidate] = []
        skip = -1
        for k, c in enumerate(cands):
            if k == skip:
                continue
            h = starts.get(c.start)
            nxt = cands[k + 1] if k + 1 < len(cands) else None
            if (
                h is not None
                and h.end == c.end
                and h.kind == "name"
                and self.kb.actors[h.ids[0]].type == "state"
                and nxt is not None
                and re.fullmatch(r" (?:in|of|for) ", text[c.end : nxt.start])
                and len(nxt.text.split()) >= 2
                and not any(nxt.start <= x.start < nxt.end for x in hits)
                and nxt.text.split()[0] not in self.kb.first_names
            ):
                out.append(Candidate(c.start, nxt.end, text[c.start : nxt.end], "title", c.initial))
                skip = k + 1
                continue
            out.append(c)
        return out

    def _phrases(self, da: DocActors, hits: list[Hit], used: set[int]) -> None:
        """Role, government and official phrases around adjective and abbreviation hits."""
        text, lex = da.text, self.lex
        for i, h in enumerate(hits):
            actor = self.kb.actors[h.ids[0]]
            if actor.type not in ("state", "organisation") or h.kind in ("capital", "metonym"):
                continue
            of = actor.country if actor.type == "state" and actor.country else actor.id
            pos = h.end
            j = i + 1
            poss = h.kind == "name" and text.startswith(("'s ", "’s "), pos)  # Russia's foreign minister
            if poss:
                pos = _skip_space(text, pos + 2)
            elif h.kind != "adj":
                if not text.startswith("-", pos):
                    continue
                pos += 1
            else:
                pos = _skip_space(text, pos)
                if j < len(hits) and hits[j].start == pos and text.startswith("-", hits[j].end):
                    pos = hits[j].end + 1  # an organisation compound: NAVO-ambassadeur
            role = self._role_at(text, pos)
            start = self._extend_left(text, h.start)
            if role is not None:
                key, rend = role
                name = self._name_after(da, hits, text, rend)
                if name is not None:
                    person, nend = name
                    person = self._namesake(da, person, actor)
                    used.update(k for k, x in enumerate(hits) if x.start >= rend and x.end <= nend
                                and self.kb.actors[x.ids[0]].type == "person")  # fmt: skip
                    da.mention(person, start if h.kind == "adj" else h.start, nend)
                    person.role_keys.add(key)
                    person.country = person.country or actor.country
                    if not person.role:
                        person.role = text[h.start : rend]
                else:
                    person = self._holder(da, of, key, h.start)
                    if person is None:
                        continue
                    da.mention(person, start if h.kind == "adj" else h.start, rend)
                if h.kind == "adj" or poss:
                    used.add(i)
                continue
            if h.kind != "adj":
                continue
            word, wend = _next_word(text, _skip_space(text, h.end))
            low = word.lower()
            if low in lex.gov_nouns:
                da.mention(da.kb_actor(actor.id), start, wend)
                used.add(i)
            elif low in lex.official_singular:
                start = self._extend_left(text, h.start)
                adj = self.kb.demonyms.get(actor.id, actor.name)
                a = da.doc_actor(f"{adj} official", "person", actor.country)
                da.mention(a, start, wend)
                used.add(i)
        # government noun + in/van + capital or state: "de regering in Beijing"
        for i, h in enumerate(hits):
            if i in used:
                continue
            before = text[max(0, h.start - 40) : h.start]
            m = re.search(r"([\w’'-]+)\s+(\w+)\s+$", before)
            if (
                m
                and m.group(1).lower() in lex.gov_nouns
                and m.group(2).lower() in ("in", "van", "of", "de", "à", "aus")
            ):
                actor = self.kb.actors[h.ids[0]]
                state = actor.parent or (actor.id if actor.type == "state" else None)
                if state:
                    s = self._extend_left(text, h.start - len(m.group(0)))
                    wider = self._extend_left(text, h.start - len(m.group(0)), lowercase=1)
                    if wider < s and _next_word(text, wider)[0].lower() in lex.determiners:
                        s = wider  # de *militaire* junta van X
                    da.mention(da.kb_actor(state), s, h.end)
                    used.add(i)

    def _groups(self, da: DocActors, hits: list[Hit], used: set[int]) -> None:
        """Group actors (``groups.py``): plural and collective nouns, followers, ``pro-X`` camps."""
        surnames: dict[str, tuple[str, str | None]] = {}
        for h in hits:
            a = self.kb.actors[h.ids[0]]
            if a.type == "person":
                surnames[fold(a.name.split()[-1])] = (a.name.split()[-1], a.country)
        for a in da.persons():
            surnames[fold(a.name.split()[-1])] = (a.name.split()[-1], a.country)
        groups = find_groups(da.text, hits, used, self.kb, self.glex, self.lex.determiners, surnames)
        free = [h for i, h in enumerate(hits) if i not in used]
        settle(groups, self.kb, dominant_state(self.kb, free))
        take_up(da.text, groups, self.glex)
        for g in groups:
            if da.is_covered(g.start, g.end):
                continue
            da.mention(da.doc_actor(g.name or g.head, "group", g.country), g.start, g.end)

    def _plain_hits(self, da: DocActors, hits: list[Hit], used: set[int]) -> None:
        text, lex = da.text, self.lex
        place_until = -1  # a list of places after a place preposition: "in Londen, Parijs of Nice"
        filed = dateline_place(text, lex.language)  # RIYADH, June 3, 2024 -: where, not who
        for i, h in enumerate(hits):
            if i in used:
                continue
            actor = self.kb.actors[h.ids[0]]
            at_dateline = filed is not None and filed[0] <= h.start and h.end <= filed[1]
            if at_dateline and (h.start != filed[0] or h.kind != "capital"):
                continue  # the country after the city: KYIV, Ukraine, March 3
            if h.kind == "capital":
                prev = _prev_word(text, h.start).lower()
                listed = place_until >= 0 and re.fullmatch(
                    r"\s*(,|en|of|and|or|et|ou|und|oder)\s*", text[place_until : h.start]
                )
                if (prev in lex.place_prepositions or listed or at_dateline) and actor.parent:
                    da.mention(da.kb_actor(actor.id), h.start, h.end)
                    place_until = h.end
                elif actor.parent:
                    da.mention(da.kb_actor(actor.parent), h.start, h.end)
                continue
            if da.is_covered(h.start, h.end) and actor.type == "person":
                continue
            if h.kind == "adj" and self._language_name(text, h):
                continue
            if actor.type == "person":
                pid = self._pick_person(da, h.ids)
                if pid is None:
                    continue
                known = pid in da.actors or self.kb.current(pid, da.published)
                if h.kind == "surname" and not (known or self.kb.recent_leader(pid, da.published)):
                    continue
                da.mention(da.kb_actor(pid), h.start, h.end)
                continue
            da.mention(da.kb_actor(actor.id), h.start, h.end)

    def _language_name(self, text: str, h: Hit) -> bool:
        """Whether an adjective hit names a language: ``(in het Russisch)``, ``in Russian.``"""
        if _prev_word(text, h.start).lower() not in self.lex.language_markers:
            return False
        nxt = _next_word(text, _skip_space(text, h.end))[0]
        return not (nxt[:1].islower() and text[h.end : h.end + 1] == " ")

    def _pick_person(self, da: DocActors, ids: tuple[str, ...]) -> str | None:
        persons = [i for i in ids if self.kb.actors[i].type == "person"]
        for i in persons:
            if i in da.actors:
                return i
        for i in persons:
            if self.kb.current(i, da.published):
                return i
        return persons[0] if persons else None

    def _shape(self, text: str, cands: list[Candidate]) -> list[Candidate]:
        """Candidate clean-up that needs the type cues: ``Valdaï-club`` takes its head noun,
        ``Sovjet-historicus`` is a modifier (dropped), ``X School of Y van Z University`` splits
        in two organisations, and a sentence-initial word before a first name is dropped."""
        heads = body_words()
        out: list[Candidate] = []
        for c in cands:
            m = re.match(r"-([a-zà-ÿ]+)", text[c.end : c.end + 30])
            if m:
                if m.group(1) in heads:
                    c = Candidate(c.start, c.end + m.end(), text[c.start : c.end + m.end()], c.label, c.initial)
                elif len(c.text.split()) == 1:
                    continue
            words = list(re.finditer(r"\S+", c.text))
            first = self.kb.first_names
            if c.initial and len(words) > 2 and words[1].group() in first and words[0].group() not in first:
                s = c.start + words[1].start()
                c = Candidate(s, c.end, text[s : c.end], c.label, False)
            split, labels = None, (c.label, c.label)
            for i, w in enumerate(words[1:-1], 1):
                left = {x.group().lower() for x in words[:i]}
                right = {x.group().lower() for x in words[i + 1 :]}
                if w.group() in ("van", "of", "de") and left & heads and right & heads:
                    split = i
                elif split is None and w.group() in ("van", "of", "from") and self._person_of_body(text, c, words, i):
                    split, labels = i, ("PER", "ORG")
            if split is not None:
                a, b = words[split - 1].end(), words[split + 1].start()
                if words[split + 1].group().lower() in self.lex.definite_determiners:
                    b = words[split + 2].start() if split + 2 < len(words) else b
                out.append(Candidate(c.start, c.start + a, c.text[:a], labels[0], c.initial))
                out.append(Candidate(c.start + b, c.end, c.text[b:], labels[1], False))
                continue
            out.append(c)
        return out

    def _person_of_body(self, text: str, c: Candidate, words: list[re.Match[str]], i: int) -> bool:
        """Whether the run splits at word ``i`` (*van*, *of*) into a person and the body they work
        for (*analist Ulf Laessing van de Konrad-Adenauer-Stiftung*): the words before are two or
        three capitalised words, and either a role noun precedes the run, or they open with a
        known first name and the rest names a body."""
        left = [w.group() for w in words[:i]]
        right = [w.group().lower() for w in words[i + 1 :]]
        if not (2 <= len(left) <= 3 and all(w[:1].isupper() for w in left)):
            return False
        before = _prev_word(text, c.start).lower()
        if before in self.lex.apposition_roles or before in self.lex.role_nouns:
            return True
        body = any(w in body_words() for part in right for w in part.split("-"))
        return body and left[0] in self.kb.first_names

    def _unsupported(self, c: Candidate, has_ner: bool) -> bool:
        """Whether an unknown name should not become a document actor: inside a non-actor NER
        span (a date, an event), headed by a non-actor word (``Handvest``, ``Olympische Spelen``),
        or, when the annotator has NER, a name no entity supports."""
        if c.label in NON_ACTOR_LABELS:
            return True
        words = [w.lower() for w in _WORD.findall(c.text)]
        cues = type_cues()
        if any(w in cues["not_actor"] for w in words):
            return True
        if has_ner and c.label is None:
            if self.lex.is_title(words):
                return True
            if len(words) == 1:
                return words[0] in common_words(self.lex.language)
            first = _WORD.findall(c.text)[0]
            return not (any(w in body_words() for w in words) or first.title() in self.kb.first_names)
        return False

    def _candidates(self, da: DocActors, cands: list[Candidate], has_ner: bool = False) -> None:
        text = da.text
        cands = self._shape(text, cands)
        multi = [c for c in cands if len(c.text.split()) > 1]
        single = [c for c in cands if len(c.text.split()) == 1]
        for c in multi:
            c = self._without_honorifics(c)
            if da.is_covered(c.start, c.end) or self._portfolio(text, c.start):
                continue
            a = self._link_name(da, c.text)
            if a is None:
                if self._unsupported(c, has_ner):
                    continue
                a = da.doc_actor(_clean_name(c.text), self._guess_type(c.text, c.label), None)
            da.mention(a, c.start, c.end)
        lowered = {w.lower() for w in _WORD.findall(text) if w[:1].islower()}
        noninitial = {c.text for c in single if not c.initial}
        known = [fold(a.name.split()[-1]) for a in da.actors.values()]
        body_starts = {s for a in da.actors.values() if a.type in ("organisation", "group") for s, _ in a.mentions}
        for c in single:
            if da.is_covered(c.start, c.end) or len(c.text) < 2 or self._portfolio(text, c.start):
                continue
            word = _clean_name(c.text)
            if self._modifies_body(text, word, c.end, body_starts):
                continue  # de Koerdische PKK: an adjective before a known body, not a name
            a = da.person_by_name(word)
            if a is None:
                ids = [i for i in self.kb.by_key(word) if self.kb.current(i, da.published)]
                if not ids:  # a state's leader of the last years (Trump in 2024)
                    ids = [i for i in self.kb.by_key(word) if self.kb.recent_leader(i, da.published)]
                if len(ids) == 1:
                    a = da.kb_actor(ids[0])
            if a is None:
                a = _body_by_head(da, word, c.start)  # *the Commission* after *the European Commission*
            if a is None:
                low = word.lower()
                if (
                    (c.initial and word not in noninitial)
                    or low in lowered
                    or low in self.lex.stop_words
                    or word.isdigit()
                    or (len(word) < 3 and not word.isupper())
                    or self._compound_of_known(word)
                    or any(len(k) >= 4 and fold(word).startswith(k) and fold(word) != k for k in known)
                ):
                    continue
                if self._unsupported(c, has_ner):
                    continue
                a = da.doc_actor(word, self._guess_type(word, c.label), None)
            da.mention(a, c.start, c.start + len(word))

    def _modifies_body(self, text: str, word: str, end: int, body_starts: set[int]) -> bool:
        """Whether ``word`` is an adjective (one of the language's adjective endings) right before
        the mention of an organisation or group (*de Koerdische PKK*, *the Kurdish PKK*)."""
        nxt = _skip_space(text, end)
        return nxt in body_starts and nxt > end and word.lower().endswith(self.glex.adjective_endings)

    def _without_honorifics(self, c: Candidate) -> Candidate:
        """A name without the honorifics in front (*Prince Faisal bin Farhan* -> *Faisal bin Farhan*)."""
        words = list(re.finditer(r"\S+", c.text))
        cut = self.lex.honorifics_before([w.group() for w in words], keep=2)
        if cut == 0:
            return c
        s = c.start + words[cut].start()
        return Candidate(s, c.end, c.text[words[cut].start() :], c.label, False)

    def _portfolio(self, text: str, start: int) -> bool:
        """Whether the name at ``start`` follows ``minister(ie) van``: a portfolio, not an actor."""
        m = re.search(r"(\w+)\s+(?:van|voor|of|de|des|für)\s+(?:de\s+|la\s+|l')?$", text[max(0, start - 40) : start])
        return bool(m and m.group(1).lower() in self.lex.portfolio_nouns)

    def _compound_of_known(self, word: str) -> bool:
        """Whether ``word`` is a closed compound starting with a KB alias (``Sovjetperiode``)."""
        f = fold(word)
        for end, (length, _) in self.gaz.automaton.iter(f):
            if end - length + 1 == 0 and length >= 4 and end + 1 < len(f):
                return True
        return False

    def _link_name(self, da: DocActors, name: str) -> DocActor | None:
        """A known actor for a full name: in the document, in the KB by key, or by fuzzy key."""
        a = da.person_by_name(name)
        if a is not None:
            if len(name) > len(a.name) and not a.in_kb:
                a.name = _clean_name(name)
            return a
        ids = self.kb.by_key(name)
        if ids:
            pid = self._pick_person(da, tuple(sorted(ids)))
            return da.kb_actor(pid) if pid else None
        pid = self.fuzzy(name)
        return da.kb_actor(pid) if pid else None

    def fuzzy(self, name: str, threshold: float = FUZZY_THRESHOLD) -> str | None:
        """The KB person whose name key is closest to one of ``name``'s keys, if close enough.

        Only keys whose length allows ``fuzz.ratio >= threshold`` are compared (the ratio is
        2·matches / (len(a) + len(b)), so lengths must lie within a band): the same answer as a
        full scan at a fraction of the cost. Answers are cached per name.
        """
        if self._fuzzy_keys is None:
            pairs = sorted({(k, i) for k, ids in self.kb._keys.items() for i in ids})
            self._fuzzy_keys = [k for k, _ in pairs]
            self._fuzzy_ids = [i for _, i in pairs]
            by_length: dict[int, list[int]] = {}
            for index, key in enumerate(self._fuzzy_keys):
                by_length.setdefault(len(key), []).append(index)
            self._fuzzy_by_length = by_length
            self._fuzzy_cache: dict[tuple[str, float], str | None] = {}
        cached = self._fuzzy_cache.get((name, threshold), self)
        if cached is not self:
            return cached  # type: ignore[return-value]
        ratio = threshold / 100
        best: tuple[float, int] | None = None
        for key in name_keys(name):
            low, high = len(key) * ratio / (2 - ratio), len(key) * (2 / ratio - 1) if ratio else float("inf")
            indices = [i for n, group in self._fuzzy_by_length.items() if low <= n <= high for i in group]
            if not indices:
                continue
            r = process.extractOne(
                key, [self._fuzzy_keys[i] for i in indices], scorer=fuzz.ratio, score_cutoff=threshold
            )
            if r is not None:
                found = (r[1], -indices[r[2]])
                if best is None or found > (best[0], -best[1]):
                    best = (r[1], indices[r[2]])
        answer = self._fuzzy_ids[best[1]] if best else None
        self._fuzzy_cache[(name, threshold)] = answer
        return answer

    def _guess_type(self, name: str, label: str | None = None) -> str:
        words = [w.lower() for w in _WORD.findall(name)]
        cues = type_cues()
        for t in ("media", "company", "organisation"):
            if any(w in cues[t] for w in words):
                return t
        if label in NER_TYPES:
            return NER_TYPES[label]
        if 2 <= len(words) <= 4 and _WORD.findall(name)[0] in self.kb.first_names:
            return "person"
        return "organisation"

    def _descriptions(self, da: DocActors) -> None:
        """``de hoogleraar``, ``De president``: the last person that fits, when there is one."""
        text, lex = da.text, self.lex
        dets = "|".join(re.escape(d) for d in sorted(lex.determiners, key=len, reverse=True) if d)
        pattern = re.compile(rf"\b(?:{dets})\s+([\w’'-]+)\b", re.IGNORECASE)
        for m in pattern.finditer(text):
            det = m.group(0).split()[0].lower()
            if det not in ("de", "het", "the", "le", "la", "der", "die"):
                continue
            s, e = m.start(), m.end()
            if da.is_covered(s, m.start(1)):
                continue
            word = m.group(1)
            role = self._role_at(text, m.start(1))
            if role is not None and role[1] > e:
                e = role[1]
                word = text[m.start(1) : e]
            npos = _skip_space(text, e)
            nxt = _next_word(text, npos)[0]
            field_of = da.actor_at(npos, npos + len(nxt))  # "de hoogleraar Rusland": a field, not a name
            if (nxt[:1].isupper() and not (field_of and field_of.type in ("state", "place"))) or nxt.lower() in (
                "van",
                "of",
                "de",
            ):
                continue  # followed by a name or a complement: not a bare description
            key = role[0] if role is not None else None
            person = None
            if key and key not in ("minister",):
                person = da.last_person(s, role_key=key)
            else:
                if _role_noun_in(word, lex.apposition_roles) is None and nxt.islower():
                    word, e = nxt, _next_word(text, _skip_space(text, e))[1]  # one adjective between
                    nxt = _next_word(text, _skip_space(text, e))[0]
                noun = _role_noun_in(word, lex.apposition_roles)
                if noun is not None and (not nxt[:1].isupper() or field_of):
                    person = da.last_person(s, noun=noun) or self._roleless_before(da, s, noun)
            if person is not None:
                da.mention(person, s, e)

    def _body_descriptions(self, da: DocActors) -> None:
        """``de zakenkrant``, ``het agentschap``, ``the council``: a definite description of a
        body, with at most two adjectives, links to the last media actor (media nouns) or to the
        last organisation whose name has the noun as a word or a word's end (named nouns), named
        within ``BODY_REACH`` characters before it. A description followed by a name or a
        complement (*het ministerie van Defensie*) is a name of its own, not a reference."""
        lex, text = self.lex, da.text
        nouns = lex.media_descriptions | lex.named_descriptions
        if not nouns or not lex.definite_determiners:
            return
        dets = "|".join(re.escape(d) for d in sorted(lex.definite_determiners, key=len, reverse=True))
        pattern = re.compile(rf"\b(?i:{dets})((?:[^\S\n]+[\w-]+){{1,3}})")
        bodies = [a for a in da.actors.values() if a.type in ("organisation", "media", "company") and a.mentions]
        for m in pattern.finditer(text):
            words = list(re.finditer(r"[\w-]+", m.group(1)))
            # the noun in lower case, after at most two adjectives (*de Britse krant*)
            at = next((i for i, w in enumerate(words) if w.group() in nouns), None)
            if at is None:
                continue
            noun, end = words[at].group(), m.start(1) + words[at].end()
            kind = "media" if noun in lex.media_descriptions else "named"
            if da.is_covered(m.start(1) + words[at].start(), end) or any(w.group()[:1].isdigit() for w in words[:at]):
                continue
            nxt = _next_word(text, _skip_space(text, end))[0]
            if nxt[:1].isupper() or nxt.lower() in ("van", "of", "de", "du", "des", "der", "voor", "for"):
                continue
            best: tuple[int, DocActor] | None = None
            for a in bodies:
                if kind == "media" and a.type != "media":
                    continue
                names = " ".join([a.name, *a.mentions.values()])
                if kind == "named" and not any(
                    w.lower() == noun or w.lower().endswith(noun) for w in re.findall(r"[\w-]+", names)
                ):
                    continue
                before = [st for st, _ in a.mentions if st < m.start() and m.start() - st < BODY_REACH]
                if before and (best is None or max(before) > best[0]):
                    best = (max(before), a)
            if best is not None:
                da.mention(best[1], m.start(), end)

    def _roleless_before(self, da: DocActors, before: int, noun: str) -> DocActor | None:
        """A description no known role fits (``de hoogleraar``) introduces the role of the last
        person without a role mentioned within ``DESCRIPTION_REACH`` characters."""
        best: tuple[int, DocActor] | None = None
        for a in da.persons():
            starts = [s for s, _ in a.mentions if before - DESCRIPTION_REACH <= s < before]
            if starts and not a.role and (best is None or max(starts) > best[0]):
                best = (max(starts), a)
        if best is None:
            return None
        best[1].role = noun
        return best[1]

    def _appositions(self, da: DocActors) -> None:
        """Role text for document persons from ``X, hoogleraar aan ...`` / ``X is hoogleraar ...``."""
        text, lex = da.text, self.lex
        for a in [*da.persons(), *self._name_like_organisations(da)]:
            if a.in_kb or a.role:
                continue
            for (s, e), _ in sorted(a.mentions.items()):
                after = text[e : e + 160]
                m = re.match(r",\s+([^,.;\n]+)", after)
                cop = re.match(r"\s+(\w+)\s+([^.;\n]{3,140})", after)
                if m and any(_role_noun_in(w, lex.apposition_roles) for w in m.group(1).split()[:4]):
                    a.role = m.group(0)[1:].strip()
                elif cop and cop.group(1).lower() in lex.copulas:
                    first = cop.group(2).split()
                    if any(_role_noun_in(w.strip(",").lower(), lex.apposition_roles) for w in first[:4]):
                        a.role = cop.group(2).strip()
                else:
                    before = re.split(r"[.!?:;\n]\s", text[max(0, s - 60) : s])[-1].split()  # this sentence only
                    # *analist X*, *His chief of staff, X*: a role noun last, or before one "of" phrase
                    last = [w.strip(",").lower() for w in before[-3:]]
                    role_at = len(last) - 3 if len(last) == 3 and last[1] in ("of", "van") else len(last) - 1
                    if before and _role_noun_in(last[role_at], lex.apposition_roles):
                        a.role = " ".join(before[-3:]) if len(before) >= 3 else " ".join(before)
                if a.role:
                    a.type = "person"  # a role noun in apposition: the NER's ORG was wrong
                    break

    @staticmethod
    def _name_like_organisations(da: DocActors) -> list[DocActor]:
        """Document organisations named like a person (two or three capitalised words, no
        organisation, media or company word): candidates for a person apposition."""
        heads = body_words()
        out = []
        for a in da.actors.values():
            words = a.name.split()
            if a.in_kb or a.type != "organisation" or not 2 <= len(words) <= 3:
                continue
            if all(w[:1].isupper() and w[1:].islower() and w.lower() not in heads for w in words):
                out.append(a)
        return out

    # -- small parsers ------------------------------------------------------------------------
    def _role_at(self, text: str, pos: int) -> tuple[str, int] | None:
        m = self._role_re.match(text, pos)
        if not m:
            return None
        end = m.end()
        if end < len(text) and text[end].isalnum():
            return None
        return self.lex.role_nouns[m.group(0).lower()], end

    def _name_after(self, da: DocActors, hits: list[Hit], text: str, pos: int) -> tuple[DocActor, int] | None:
        m = re.match(r",?\s+", text[pos:])
        if not m:
            return None
        p = pos + m.end()
        role = self._role_at(text, p)
        if role is not None:  # ", president Xi Jinping"
            p = _skip_space(text, role[1])
        for h in hits:
            if h.start == p and self.kb.actors[h.ids[0]].type == "person":
                pid = self._pick_person(da, h.ids)
                if pid:
                    return da.kb_actor(pid), h.end
        words = []
        q = p
        while True:
            w, e = _next_word(text, q)
            if w and w.lower() in PERSON_PARTICLES and words:  # Faisal *bin* Farhan, Ursula *von der* Leyen
                nxt, _ = _next_word(text, _skip_space(text, e))
                particle = nxt[:1].isupper() or nxt.lower() in PERSON_PARTICLES
            else:
                particle = False
            if not w or not (w[:1].isupper() or particle) or (w.lower() in self.lex.stop_words and not particle):
                break
            words.append((q, e))
            q = e + 1 if e < len(text) and text[e] == " " else e
            if q == e:
                break
        while words and not text[words[-1][0] : words[-1][1]][:1].isupper():
            words.pop()
        # *Prince* Faisal bin Farhan: the name without the title
        words = words[self.lex.honorifics_before([text[s:e] for s, e in words]) :]
        if not words:
            return None
        name = text[words[0][0] : words[-1][1]]
        a = self._link_name(da, name)
        if a is None:
            a = da.doc_actor(_clean_name(name), "person")
        return a, words[-1][1]

    def _namesake(self, da: DocActors, person: DocActor, state: KBActor) -> DocActor:
        """The person a role phrase names: a base person of another country (*de Malinese minister
        X* where the base knows a Senegalese X) is a namesake, so the phrase's person becomes a
        document actor of the phrase's country."""
        if not (person.in_kb and person.type == "person" and state.type == "state" and state.country):
            return person
        if person.country in (None, state.country) or person.mentions:
            return person
        da.actors.pop(person.id, None)
        return da.doc_actor(person.name, "person", state.country)

    def _holder(self, da: DocActors, of: str, key: str, before: int) -> DocActor | None:
        for k in HEAD_ROLES.get(key, (key,)):
            p = da.last_person(before, role_key=k)
            if p is not None and (p.country == of or of not in ("", None)) and p.country in (of, None):
                return p
            hid = self.kb.holder(of, k, da.published)
            if hid:
                return da.kb_actor(hid)
        return None

    def _extend_left(self, text: str, start: int, lowercase: int = 0) -> int:
        """Move ``start`` left over role modifiers (and up to ``lowercase`` other lower-case
        words) and one determiner."""
        lex = self.lex
        s = start
        taken = 0
        while True:
            w, ws = _prev_word_span(text, s)
            if not w:
                return s
            low = w.lower()
            if low in lex.determiners:
                return ws
            if low in lex.role_modifiers or (taken < lowercase and w.islower()):
                taken += 1
                s = ws
                continue
            return s


def _with_entities(runs: list[Candidate], ents: list[Candidate], text: str) -> list[Candidate]:
    """Capitalised runs labelled by the NER entities they overlap; a run in which a person
    entity follows another entity is split before the person (``Defensie Ruben Brekelmans``);
    a sentence-initial run whose entity starts on a later word loses the words before it
    (``Zie Marlène Laruelle``); runs split at a conjunction inside one entity are joined again
    (``Belt and Road``, ``Bosnia and Herzegovina``)."""
    out = []
    for c in _joined_in_entities(runs, ents, text):
        inside = [e for e in ents if e.start < c.end and c.start < e.end]
        person = next((e for e in inside if e.label == "PER" and c.start < e.start), None)
        # *Defensie* ORG + *Ruben Brekelmans* PER: a person after a title
        if person is not None and _person_after_title(text[c.start : person.start], person.text):
            head = inside[0] if inside[0] is not person else None
            cut = text[c.start : person.start].rstrip()
            out.append(Candidate(c.start, c.start + len(cut), cut, head.label if head else None, c.initial))
            end = min(c.end, person.end)
            out.append(Candidate(person.start, end, text[person.start : end], "PER", False))
            continue
        ent = inside[0] if inside else None
        if ent is not None and c.initial and c.start < ent.start < c.end and text[ent.start - 1] == " ":
            c = Candidate(ent.start, c.end, text[ent.start : c.end], ent.label, False)
        out.append(Candidate(c.start, c.end, c.text, ent.label if ent else None, c.initial))
    return out


def _body_by_head(da: DocActors, word: str, before: int) -> DocActor | None:
    """The one body named earlier whose multi-word name or mention ends in ``word`` (*Commission*
    -> *European Commission*, *Commissie* -> *Europese Commissie*), or None when none or several do."""
    low = word.lower()

    def ends_in_word(name: str) -> bool:
        words = name.split()
        return len(words) > 1 and words[-1].lower() == low

    found = [
        a
        for a in da.actors.values()
        if a.type in ("organisation", "company", "media")
        and any(s < before for s, _ in a.mentions)
        and (ends_in_word(a.name) or any(ends_in_word(t) for t in a.mentions.values()))
    ]
    return found[0] if len(found) == 1 else None


def _joined_in_entities(runs: list[Candidate], ents: list[Candidate], text: str) -> list[Candidate]:
    """Consecutive runs that one entity spans, with only a conjunction between them, as one run."""
    out: list[Candidate] = []
    for c in runs:
        prev = out[-1] if out else None
        if prev is not None and text[prev.end : c.start].strip().lower() in CONJUNCTIONS:
            ent = next((e for e in ents if e.start <= prev.start and c.end <= e.end), None)
            if ent is not None:
                out[-1] = Candidate(prev.start, c.end, text[prev.start : c.end], prev.label, prev.initial)
                continue
        out.append(c)
    return out


def _person_after_title(before: str, name: str) -> bool:
    """Whether a person entity inside a capitalised run is a name after a title or body
    (``Defensie | Ruben Brekelmans``), not a piece of a longer name the NER cut up
    (``University of | Southern California``, ``School of Public Policy van | Duke University``):
    the words before end in a capitalised word, and the name is capitalised words (name particles
    such as *bin*, *van* inside) without an organisation, media or company word."""
    words_before = before.split()
    if not words_before or not words_before[-1][:1].isupper():
        return False
    heads = body_words()
    parts = name.split()
    inner_ok = all(w[:1].isupper() or w.lower() in PARTICLES for w in parts[1:-1])
    return (
        2 <= len(parts) <= 5
        and inner_ok
        and all(w[:1].isupper() for w in (parts[0], parts[-1]))
        and not any(w.lower() in heads for w in parts)
    )


def _alternation(words: dict[str, str]) -> re.Pattern[str]:
    alts = sorted(words, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in alts), re.IGNORECASE)


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \u00a0":
        pos += 1
    return pos


def _next_word(text: str, pos: int) -> tuple[str, int]:
    m = re.match(r"[\w’'-]+", text[pos:])
    if not m:
        return "", pos
    w = m.group().rstrip("’'-")
    return w, pos + len(w)


def _prev_word_span(text: str, pos: int) -> tuple[str, int]:
    m = re.search(r"([\w’'-]+)[ \u00a0]+$", text[max(0, pos - 60) : pos])
    if not m:
        return "", pos
    return m.group(1), pos - len(m.group(0))


def _prev_word(text: str, pos: int) -> str:
    return _prev_word_span(text, pos)[0]


def _clean_name(name: str) -> str:
    return re.sub(r"(['’]s|['’])$", "", name.strip())
