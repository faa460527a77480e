"""Concepts found by meaning: stance statements grouped by what they are about, across languages.

1. **What a statement is about**: its concept text when that names a position, else the
   phrase inside a clause fragment, else its evidence sentence (``concept_text``: never an
   event code's name, a clause fragment or a generic word such as *mensen* or *year*).
2. **Embedding**: multilingual-e5-small (``embeddings``), cached on disk, so that *uitstel van
   de brexit* and *delaying Brexit* land close together.
3. **Grouping**: e5's vectors share a large common direction (any two texts are 0.8 similar),
   and the texts of one language another, so each text's language mean is subtracted first
   (centring per language) and the rest renormalised; then leader clustering on cosine
   similarity, most frequent texts first: a text joins the group whose leader (first text)
   is most similar, if at least ``THRESHOLD``, else leads a new group (a text naming actors
   never joins a group whose leader names others only, and one sharing a rare word with the
   leader is drawn to it); then every text moves once to its nearest final centroid
   (``concept_cluster``). Seeds come first: a user's pinned concepts (their terms' mean
   vector) and the labels of the stance stage's concept list (a statement carrying such a
   label stays in it, as before; other texts may join it), then one concept *for/against
   <actor>* per actor that stances name alone (``concept_words``), which takes those stances
   only.
4. **Labels**: each group's most characteristic nouns, proper nouns and adjectives (tagged in
   a re-parse of the evidence sentences, ``concept_words``; a phrase holding a verb is no
   label), class-based TF-IDF over the groups (a word's share of the group's words ×
   log(1 + average words per group / the word's count in all groups)), stop words of the
   corpus's languages from spaCy. A pinned or listed concept keeps its own label; a user's
   concept file renames, merges or drops proposed ones.

Deterministic: the same statements give the same groups and labels.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from powermap.analyse.concept_cluster import _cluster
from powermap.analyse.concept_file import ConceptFile
from powermap.analyse.concept_text import (
    is_event_code_name,
    is_position,
    stop_words_of,
    trim_fragment,
    words,
    zipf,
)
from powermap.analyse.concept_words import actor_position, bare_actor, characteristic_words, is_clause, parts_of_speech
from powermap.analyse.embeddings import Embed, EmbeddingCache, cache_path, e5_embed

#: cosine similarity of centred vectors (multilingual-e5-small, query prefix) at which a text joins a group
THRESHOLD = 0.5
RARE_ZIPF = 4.0
LABEL_WORDS = 3


@dataclass(frozen=True)
class ConceptStatement:
    """One stance with what concept grouping reads: its concept text, evidence and language."""

    id: int
    doc_id: str
    actor: str
    text: str
    evidence: str
    agree: bool
    language: str
    actor_name: str = ""
    entities: frozenset[str] = frozenset()  # actors ``about`` names (the document's own mentions)
    text_entities: frozenset[str] = frozenset()  # actors the concept text names
    on_actor: str = ""  # the name of the actor the concept text names and nothing else

    @property
    def names_position(self) -> bool:
        """Whether ``about`` is a phrase naming the position (not the evidence sentence)."""
        return bool(self.on_actor) or (self.about != self.evidence.strip() and self._position(self.about))

    def _position(self, text: str) -> bool:
        return is_position(text, self.language, self.actor_name, names_actor=bool(self.text_entities))

    @cached_property
    def about(self) -> str:
        """The text that stands for what the statement is about: its concept text when that
        names a position (*for/against <actor>* when it names an actor alone), else the phrase
        inside a clause fragment, else the evidence."""
        if self.on_actor:
            return actor_position(self.on_actor)
        if self._position(self.text):
            return self.text.strip()
        if not is_event_code_name(self.text):
            trimmed = trim_fragment(self.text, self.language)
            if trimmed and self._position(trimmed):
                return trimmed
        return self.evidence.strip()


@dataclass
class Concept:
    """A group of statements about one thing, as a reader sees it."""

    label: str
    words: list[str]
    phrase: str | None
    statements: int
    actors: int
    documents: int
    agree: int
    languages: list[str]
    examples: list[str] = field(default_factory=list)
    source: str = "found"  # found | pinned | listed | renamed


@dataclass
class Grouping:
    concepts: list[Concept]
    of_statement: dict[int, str]  # statement id -> concept label (dropped statements are absent)


def load_concept_statements(
    conn: sqlite3.Connection, statement_ids: Iterable[int] | None = None
) -> list[ConceptStatement]:
    """Every stance in the store (or those with ``statement_ids``) with its document's language
    and the actors its concept text names, read from its document's mentions: a surface form
    (or the mentioned actor's own name) that occurs in the text as whole words, resolved as the
    extractor resolved it there."""
    sql = (
        "SELECT s.id, s.doc_id, s.actor, s.concept, s.evidence, s.agree, COALESCE(d.language, 'en'), "
        "COALESCE(a.name, s.actor) FROM stances s JOIN documents d ON d.id = s.doc_id "
        "LEFT JOIN actors a ON a.id = s.actor ORDER BY s.id"
    )
    wanted = set(statement_ids) if statement_ids is not None else None
    rows = [r for r in conn.execute(sql) if wanted is None or r[0] in wanted]
    surfaces: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    sql = "SELECT m.doc_id, m.actor_id, m.text, a.name FROM mentions m LEFT JOIN actors a ON a.id = m.actor_id"
    names: dict[str, str] = {}
    for doc, actor, text, name in conn.execute(sql):  # a mention's words, and its actor's own name
        if actor is None:
            continue
        names[actor] = name or names.get(actor) or text
        for surface in (text, name or text):
            surfaces[doc][surface.casefold()].add(actor)

    def named(doc: str, text: str) -> frozenset[str]:
        padded = f" {' '.join(words(text))} "
        return frozenset(
            a for surface, ids in surfaces[doc].items() if f" {' '.join(words(surface))} " in padded for a in ids
        )

    out = []
    for sid, doc, actor, concept, evidence, agree, language, name in rows:
        alone = bare_actor(concept, language, surfaces[doc]) if not is_event_code_name(concept) else None
        statement = ConceptStatement(
            sid,
            doc,
            actor,
            concept,
            evidence,
            bool(agree),
            language,
            name,
            text_entities=named(doc, concept),
            on_actor=names.get(alone, "") if alone and alone != actor else "",
        )
        about = frozenset({alone}) if statement.on_actor and alone else named(doc, statement.about)
        out.append(dataclasses.replace(statement, entities=about))
    return out


def listed_labels() -> list[str]:
    """The labels of the stance stage's default concept list (the user-given list as today)."""
    from powermap.extract.stances import load_concepts

    return [c.label for c in load_concepts()]


def group_statements(
    statements: list[ConceptStatement],
    concept_file: ConceptFile | None = None,
    conn: sqlite3.Connection | None = None,
    embed: Embed = e5_embed,
    threshold: float = THRESHOLD,
    listed: Iterable[str] | None = None,
) -> Grouping:
    """Group ``statements`` into labelled concepts (see the module docstring)."""
    if not statements:
        return Grouping([], {})
    listed = list(listed_labels() if listed is None else listed)
    pins = concept_file.pins if concept_file else []
    texts = Counter(s.about for s in statements)
    order = sorted(texts, key=lambda t: (-texts[t], t))
    cache = EmbeddingCache(cache_path(conn))
    try:
        matrix = cache.embed(order, embed).astype(np.float64)
        pin_rows = [cache.embed([pin.label, *pin.terms], embed) for pin in pins]
        listed_rows = cache.embed(listed, embed) if listed else np.zeros((0, matrix.shape[1]))
        on_actor = {s.about: s for s in sorted(statements, key=lambda s: s.id) if s.on_actor}
        named_rows = cache.embed([s.text for s in on_actor.values()], embed) if on_actor else None
    finally:
        cache.close()
    languages: dict[str, Counter] = defaultdict(Counter)
    for s in statements:
        languages[s.about][s.language] += 1
    language_of = {t: languages[t].most_common(1)[0][0] for t in order}
    centres = _centres(matrix, [texts[t] for t in order], [language_of[t] for t in order])
    vectors = {
        t: _unit(row - centres.get(language_of[t], centres[""]))[0].astype(np.float32)
        for t, row in zip(order, matrix, strict=True)
    }
    seeds = [(pin.label, _mean(_unit(rows - centres[""]))) for pin, rows in zip(pins, pin_rows, strict=True)]
    listed_centre = centres.get("en", centres[""])  # the stage's concept list is written in English
    seeds += [(label, row) for label, row in zip(listed, _unit(listed_rows - listed_centre), strict=True)]
    given = np.vstack([v for _, v in seeds]) if seeds else None
    assigned: dict[str, int] = {}  # for/against X whose name is close to a given concept: that concept
    for (text, s), row in zip(on_actor.items(), named_rows if named_rows is not None else [], strict=True):
        sims = given @ _unit(row - centres.get(s.language, centres[""]))[0] if given is not None else None
        if sims is not None and float(np.max(sims)) >= threshold:
            assigned[text] = int(np.argmax(sims))
        else:
            seeds.append((text, vectors[text].astype(np.float64)))
    entities: dict[str, set[str]] = defaultdict(set)
    for s in statements:
        entities[s.about] |= s.entities
    stops = stop_words_of(language_of.values())
    keywords = {  # the rare words of phrases naming a position (an evidence sentence has too many)
        s.about: {w for w in words(s.about) if w not in stops and zipf(w, s.language) < RARE_ZIPF}
        for s in statements
        if s.names_position
    }
    closed = set(range(len(pins) + len(listed), len(seeds)))  # for/against X: that text alone
    group_of = _cluster(order, texts, vectors, seeds, threshold, entities, keywords, closed, assigned)
    sources = ["pinned"] * len(pins) + ["listed"] * len(listed)
    sources += ["actor"] * (len(seeds) - len(sources))
    return _label(statements, group_of, [name for name, _ in seeds], sources, concept_file)


def _centres(matrix: np.ndarray, weights: list[int], languages: list[str]) -> dict[str, np.ndarray]:
    """The mean vector of each language's texts ("" for all): subtracting its own language's
    mean takes out what the texts of one language share, so that a Dutch and an English
    wording of one position come close."""
    out = {"": np.average(matrix, axis=0, weights=weights)}
    for code in set(languages):
        rows = [i for i, lang in enumerate(languages) if lang == code]
        if len(rows) >= 2:
            out[code] = np.average(matrix[rows], axis=0, weights=[weights[i] for i in rows])
    return out


def _unit(rows: np.ndarray) -> np.ndarray:
    rows = np.atleast_2d(np.asarray(rows, dtype=np.float64))
    return rows / np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-12)


def _mean(rows: np.ndarray) -> np.ndarray:
    return _unit(rows.mean(axis=0))[0]


def _label(
    statements: list[ConceptStatement],
    group_of: dict[str, int],
    seed_names: list[str],
    seed_sources: list[str],
    concept_file: ConceptFile | None,
) -> Grouping:
    members: dict[int, list[ConceptStatement]] = defaultdict(list)
    for s in statements:
        members[group_of[s.about]].append(s)
    languages = {s.language for s in statements}
    pos = parts_of_speech(
        (s.evidence, s.language) for g, ms in members.items() if g >= len(seed_names) for s in ms if not s.on_actor
    )
    texts = {g: [s.about for s in ms] for g, ms in members.items()}
    top = characteristic_words(texts, stop_words_of(languages), languages, pos)
    wordless = [g for g in members if not top[g] and g >= len(seed_names)]
    if wordless:  # phrases of verbs only (*dat bevestigen*): the nouns of their evidence sentences
        texts.update({g: [s.evidence for s in members[g]] for g in wordless})
        top.update(
            {
                g: ws
                for g, ws in characteristic_words(texts, stop_words_of(languages), languages, pos).items()
                if g in wordless
            }
        )
    found: dict[str, list[ConceptStatement]] = defaultdict(list)
    sources: dict[str, str] = {}
    proposed_words: dict[str, list[str]] = {}
    for group in sorted(members, key=lambda g: (-len(members[g]), g)):
        ms = members[group]
        if group < len(seed_names):
            label, source = seed_names[group], seed_sources[group]
        elif len({s.about for s in ms}) == 1 and ms[0].names_position and not is_clause(ms[0].about, pos):
            label, source = ms[0].about, "found"  # one phrase: the phrase itself is its most characteristic words
        else:
            label, source = _words_label(top[group], ms, pos), "found"
        if concept_file is not None and (group >= len(seed_names) or source == "actor"):  # a user may rename it
            if concept_file.dropped(label):
                continue
            if (renamed := concept_file.name_of(label)) is not None:
                label, source = renamed, "renamed"
        found[label].extend(ms)
        sources.setdefault(label, source)
        proposed_words.setdefault(label, top[group])
    concepts = [_concept(label, ms, proposed_words[label], sources[label]) for label, ms in found.items()]
    concepts.sort(key=lambda c: (-c.statements, c.label))
    return Grouping(concepts, {s.id: label for label, ms in found.items() for s in ms})


def _words_label(top: list[str], members: list[ConceptStatement], pos: dict[str, str]) -> str:
    """The group's most characteristic words, never an event code's name; without such words,
    its most frequent phrase that is no clause."""
    for n in range(min(LABEL_WORDS, len(top)), len(top) + 1):
        label = ", ".join(top[:n])
        if label and not is_event_code_name(label):
            return label
    return _phrase(members, pos) or f"(no position named: {members[0].doc_id})"


def _phrase(members: list[ConceptStatement], pos: dict[str, str] | None = None) -> str | None:
    """The group's most frequent phrase that names a position (and holds no verb)."""
    texts = Counter(s.about for s in members if s.names_position and not is_clause(s.about, pos or {}))
    if not texts:
        return None
    return min(texts, key=lambda t: (-texts[t], len(t), t))


def _concept(label: str, members: list[ConceptStatement], top: list[str], source: str) -> Concept:
    examples = list(dict.fromkeys(s.about for s in members))[:3]
    return Concept(
        label=label,
        words=top[:LABEL_WORDS],
        phrase=_phrase(members),
        statements=len(members),
        actors=len({s.actor for s in members}),
        documents=len({s.doc_id for s in members}),
        agree=sum(s.agree for s in members),
        languages=sorted({s.language for s in members}),
        examples=examples,
        source=source,
    )
