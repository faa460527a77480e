"""Hand-built parsed Docs and actor layers for the event and stance tests (no trained model)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from powermap.extract.stage import ExtractionContext
from powermap.records import Actor, Document, ExtractionRecord, Span

_VOCABS: dict[str, spacy.Language] = {}


def parsed(lang: str, rows: list[tuple[str, str, str, str, int]], spaces: list[bool] | None = None) -> Doc:
    """A Doc from (word, lemma, pos, dep, head index) rows; one sentence, heads absolute."""
    nlp = _VOCABS.setdefault(lang, spacy.blank(lang))
    words = [r[0] for r in rows]
    if spaces is None:
        spaces = [i + 1 < len(words) and words[i + 1] not in ".,:;" for i in range(len(words))]
    return Doc(
        nlp.vocab,
        words=words,
        spaces=spaces,
        lemmas=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        heads=[r[4] for r in rows],
        sent_starts=[i == 0 for i in range(len(rows))],
    )


def two_sentences(
    first: list[tuple[str, str, str, str, int]],
    second: list[tuple[str, str, str, str, int]],
    morphs: dict[str, str] | None = None,
) -> Doc:
    """A Dutch Doc of two hand-parsed sentences (heads relative to each sentence); ``morphs``
    gives a word's morphology (``{"Zij": "Number=Plur"}``)."""
    rows = [*first, *[(w, lem, pos, d, h + len(first)) for w, lem, pos, d, h in second]]
    words = [r[0] for r in rows]
    return Doc(
        _VOCABS.setdefault("nl", spacy.blank("nl")).vocab,
        words=words,
        spaces=[i + 1 < len(words) and words[i + 1] not in ".," for i in range(len(words))],
        lemmas=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        heads=[r[4] for r in rows],
        sent_starts=[i in (0, len(first)) for i in range(len(rows))],
        morphs=[(morphs or {}).get(r[0], "") for r in rows],
    )


def context(doc: Doc, actors: dict[str, tuple[str, str]], published: str | None = "2023-01-12") -> ExtractionContext:
    """An extraction context over ``doc`` whose actor layer marks every occurrence of the given surface
    forms (``{surface: (actor id, type)}``)."""
    text = doc.text
    found: dict[str, Actor] = {}
    for surface, (actor_id, kind) in actors.items():
        start = text.find(surface)
        while start >= 0:
            actor = found.setdefault(actor_id, Actor(id=actor_id, name=actor_id, type=kind))  # type: ignore[arg-type]
            actor.mentions.append(Span(surface, start, start + len(surface)))
            start = text.find(surface, start + 1)
    lang = doc.lang_
    record = ExtractionRecord(
        document=Document(id="t", text=text, language=lang, published=published), actors=list(found.values())
    )

    class Fixed:
        def __call__(self, _text: str) -> Doc:
            return doc

    return ExtractionContext(record=record, annotator=Fixed())  # type: ignore[arg-type]
