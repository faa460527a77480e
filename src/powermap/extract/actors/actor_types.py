"""The typing pass's evidence: NER labels, type cue words (``kb/curated/type_cues.yaml``) and
the base's first names decide the type of an actor the base does not know, and whether a name
is an actor at all."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from powermap.extract._text import WORD_RE as WORD
from powermap.extract.actors.candidates import Candidate
from powermap.extract.actors.found import DocActor, DocActors
from powermap.extract.actors.lexicon import ActorLexicon
from powermap.kb import KnowledgeBase

NER_LABELS = frozenset({"PER", "PERSON", "ORG", "LOC", "GPE", "NORP", "FAC", "MISC"})
#: NER labels (OntoNotes) of spans that are never actors: a candidate inside one is dropped.
NON_ACTOR_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "EVENT",
                              "LAW", "WORK_OF_ART", "LANGUAGE", "PRODUCT"})  # fmt: skip
#: NER type of an unknown name -> actor type
NER_TYPES = {"PER": "person", "PERSON": "person", "LOC": "place", "GPE": "place", "FAC": "place"}
#: actor types a cue word can give, in the order they are tried
CUE_TYPES = ("media", "company", "organisation")


@cache
def common_words(language: str) -> frozenset[str]:
    """The lemmas of spaCy's lemma lookup table for ``language``, lower-cased.

    The table's file is read as it is, not built into a ``spacy.lookups.Table`` (which hashes
    every key, a few times slower): only its values are used."""
    try:
        from spacy.util import load_language_data, registry

        table = load_language_data(registry.lookups.get(language)["lemma_lookup"])
    except Exception:  # no table for the language
        return frozenset()
    return frozenset(str(v).lower() for v in table.values()) if isinstance(table, dict) else frozenset()


@cache
def type_cues() -> dict[str, frozenset[str]]:
    path = Path(__file__).resolve().parents[2] / "kb" / "curated" / "type_cues.yaml"
    return {k: frozenset(v) for k, v in yaml.safe_load(path.read_text(encoding="utf-8")).items()}


@cache
def body_words() -> frozenset[str]:
    """Words that mark a name as an organisation, a medium or a company (``type_cues``)."""
    cues = type_cues()
    return cues["organisation"] | cues["media"] | cues["company"]


def guess_type(kb: KnowledgeBase, name: str, label: str | None = None) -> str:
    """The type of an unknown name: a cue word, else the NER label, else a first name makes a
    person, else an organisation."""
    words = [w.lower() for w in WORD.findall(name)]
    cues = type_cues()
    for t in CUE_TYPES:
        if any(w in cues[t] for w in words):
            return t
    if label in NER_TYPES:
        return NER_TYPES[label]
    if 2 <= len(words) <= 4 and WORD.findall(name)[0] in kb.first_names:
        return "person"
    return "organisation"


def unsupported(kb: KnowledgeBase, lex: ActorLexicon, c: Candidate, has_ner: bool) -> bool:
    """Whether an unknown name should not become a document actor: inside a non-actor NER
    span (a date, an event), a time zone or a doctrine (*UTC*, *Peronism*), with a non-actor
    word (``Verdrag``, ``Wereldspelen``) and no word of a
    body (``The Monday Gazette`` is a medium),
    or, when the annotator has NER, a name no entity supports."""
    if c.label in NON_ACTOR_LABELS:
        return True
    words = [w.lower() for w in WORD.findall(c.text)]
    cues = type_cues()
    if len(words) == 1 and (words[0] in cues["time_zones"] or _doctrine(words[0], cues["not_actor_endings"])):
        return True  # 1930 UTC; Peronism
    heads = cues["not_actor"]
    not_actor = any(w in heads or (lex.closed_compounds and _compound_head(w, heads)) for w in words)
    if not_actor and not any(w in body_words() for w in words):  # The Monday Gazette is a medium
        return True
    if has_ner and c.label is None:
        if lex.is_title(words):
            return True
        if len(words) == 1:
            return words[0] in common_words(lex.language)
        first = WORD.findall(c.text)[0]
        return not (any(w in body_words() for w in words) or first.title() in kb.first_names)
    return False


def _doctrine(word: str, endings: frozenset[str]) -> bool:
    """Whether a single word names an ideology or a doctrine by its ending (*Peronism*)."""
    return any(word.endswith(e) and len(word) - len(e) >= 3 for e in endings)


def _compound_head(word: str, heads: frozenset[str]) -> bool:
    """Whether ``word`` is a closed compound whose head (four letters or more) is one of ``heads``
    (*wereldoorlog*, *grondwetsverdrag*)."""
    return any(word[-size:] in heads for size in range(4, len(word) - 2))  # each possible head, longest last


def name_like_organisations(found: DocActors) -> list[DocActor]:
    """Document organisations named like a person (two or three capitalised words, no
    organisation, media or company word): candidates for a person apposition."""
    heads = body_words()
    out = []
    for a in found.actors.values():
        words = a.name.split()
        if a.in_kb or a.type != "organisation" or not 2 <= len(words) <= 3:
            continue
        if all(w[:1].isupper() and w[1:].islower() and w.lower() not in heads for w in words):
            out.append(a)
    return out
