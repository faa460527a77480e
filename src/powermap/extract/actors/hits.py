"""The hits pass: gazetteer hits and name candidates, settled against each other.

Knowledge-base aliases found by the gazetteer (``gazetteer.py``) and name candidates (capitalised
runs, ``candidates.py``, labelled by NER entities where the annotator has them) overlap; this pass
decides which reading each stretch of text gets before the other passes link anything.
"""

from __future__ import annotations

import re

from powermap.extract.actors.actor_types import NER_LABELS, NON_ACTOR_LABELS, body_words, type_cues
from powermap.extract.actors.candidates import (
    CONJUNCTIONS,
    PARTICLES,
    Candidate,
    PieceRuns,
    _prepositions,
    capitalised_runs,
    from_entities,
    runs_again,
    runs_by_piece,
)
from powermap.extract.actors.gazetteer import Hit
from powermap.extract.actors.lexicon import ActorLexicon
from powermap.extract.actors.state import LinkState
from powermap.kb import KnowledgeBase
from powermap.kb.names import fold

#: NER labels of persons (CoNLL and OntoNotes)
PERSON_LABELS = frozenset({"PER", "PERSON"})


def hits_pass(state: LinkState) -> None:
    """Fill ``state.hits``, ``state.entities`` and ``state.candidates`` from the text and the Doc."""
    text, lex, kb, doc = state.text, state.lex, state.kb, state.doc
    hits = state.res.gaz.find(text, fold(text), lex.closed_compounds, lex.genitive_suffixes, lex.inhabitant_suffixes)
    state.has_ner = doc is not None and doc.has_annotation("ENT_IOB")
    state.entities = from_entities(doc, NER_LABELS | NON_ACTOR_LABELS, text) if state.has_ner else []
    hits = drop_partial_persons(kb, hits, state.entities, text)
    pieces = runs_by_piece(text, lex)
    runs = [c for piece in pieces for c in piece.runs]
    state.hits, cands = settle_runs(kb, lex, hits, runs, text, state.entities, pieces)
    state.candidates = with_entities(cands, state.entities, text) if state.has_ner else cands


def drop_partial_persons(kb: KnowledgeBase, hits: list[Hit], ents: list[Candidate], text: str) -> list[Hit]:
    """Person hits that a person entity continues with more name words (*Prince Faisal* in
    *Prince Faisal bin Farhan*): the base knows a shorter name, the text names someone else
    or more fully, so the entity is read as the name instead."""
    persons = [e for e in ents if e.label in PERSON_LABELS]

    def continued(h: Hit) -> bool:
        if kb.actors[h.ids[0]].type != "person":
            return False
        return any(
            e.start <= h.start and h.end < e.end and re.match(r"[ \u00a0]+\w", text[h.end : e.end]) for e in persons
        )

    return [h for h in hits if not continued(h)]


def settle_runs(
    kb: KnowledgeBase, lex: ActorLexicon, hits: list[Hit], cands: list[Candidate], text: str,
    ents: list[Candidate] | None = None, pieces: list[PieceRuns] | None = None,
) -> tuple[list[Hit], list[Candidate]]:  # fmt: skip
    """Split name candidates from hits. A tight run of capitalised words ending in a single
    state, organisation or place hit is a name of its own (``Vrij Nederland``, ``Nieuw Rusland``,
    ``Upper Bavaria``) and
    takes the hit over; otherwise the hits stay and the runs are found again with the hits masked
    out, so that only the words around them are candidates (``University of Northern Texas``).
    A state adjective or abbreviation opening a run that names a body (``het Noorse Nationale
    Leger``, ``the Danish Ministry of Foreign Affairs``, ``the UK Border Force``) is part of that name;
    so is one the NER reads as one organisation with the words after it (``the US Air Force``,
    ``Deutsche Bahn``), unless a role noun follows it (``US President``). An organisation entity
    with a preposition inside (``the National Commission on Water
    Rights``) is one name (``entity_name``)."""
    drop: set[int] = set()
    keep = [c for e in ents or [] if (c := entity_name(kb, lex, e, hits, text)) is not None]
    # only where the runs would cut the entity, never a piece of a longer run (*X School of | Y van Z*)
    keep = [k for k in keep if not any(_cuts(c, k, text, lex) for c in cands)]
    for c in keep:
        drop.update(i for i, h in enumerate(hits) if h.start < c.end and c.start < h.end)
    for c in cands:
        inside = [i for i, h in enumerate(hits) if h.start < c.end and c.start < h.end]
        if len(inside) != 1 or c.initial or any(k.start < c.end and c.start < k.end for k in keep):
            continue
        h = hits[inside[0]]
        words = c.text.split()
        kb_type = kb.actors[h.ids[0]].type
        if (
            h.start > c.start
            and kb_type in ("state", "organisation", "place")
            and (h.kind == "name" or (h.kind == "abbr" and kb_type == "state"))  # de Koerdische PKK
            and all(w[:1].isupper() and w.lower() not in lex.stop_words for w in words)
            and len(text[c.start : h.start].strip()) >= 4
        ):
            keep.append(c)
            drop.add(inside[0])
        elif (
            h.start == c.start
            and (h.kind in ("adj", "abbr") or h.alias.isupper())
            and kb_type == "state"
            and (_body_name(words) or _organisation_entity(lex, c, words, ents or []))
        ):
            keep.append(c)  # the Danish Ministry of Defence: the adjective is part of the name
            drop.add(inside[0])
    chars = list(text)
    for i, h in enumerate(hits):
        if i not in drop:
            chars[h.start : h.end] = "|" * (h.end - h.start)
    masked = "".join(chars)
    # ``cands`` by piece (``pieces``): the runs of the pieces where nothing was masked are kept
    for c in runs_again(masked, lex, pieces, text) if pieces is not None else capitalised_runs(masked, lex):
        if not any(k.start < c.end and c.start < k.end for k in keep):
            keep.append(Candidate(c.start, c.end, text[c.start : c.end], c.label, c.initial))
    keep.sort(key=lambda c: c.start)
    return [h for i, h in enumerate(hits) if i not in drop], keep


def entity_name(kb: KnowledgeBase, lex: ActorLexicon, e: Candidate, hits: list[Hit], text: str) -> Candidate | None:
    """An organisation entity of three or more words that the capitalised runs would cut at a
    preposition (*Commission on Human Rights of the Andes*), as one name candidate: capitalised
    at both ends, with a body word and no non-actor word, and no single hit naming all of it."""
    if e.label != "ORG":
        return None
    words = list(re.finditer(r"\S+", e.text))
    while words and words[0].group().lower() in lex.determiners:
        words.pop(0)
    cut = next((i for i, w in enumerate(words) if w.group().startswith("(")), len(words))
    words = words[:cut]  # an abbreviation in brackets after the name (USCIRF)
    if len(words) < 3:
        return None
    parts = [w.group() for w in words]
    inner = [w for w in parts[1:-1] if not w[:1].isupper()]
    preps = _prepositions(lex.language)
    if not (parts[0][:1].isupper() and parts[-1][:1].isupper()) or not inner:
        return None
    if not all(w.lower() in preps or w.lower() in PARTICLES for w in inner):
        return None
    low = {w.lower().strip(",.") for w in parts}
    cues = type_cues()
    if not low & body_words() or low & cues["not_actor"]:
        return None
    s, end = e.start + words[0].start(), e.start + words[-1].end()
    if any(h.start <= s and end <= h.end for h in hits):
        return None
    return Candidate(s, end, text[s:end], "ORG", False)


def _cuts(run: Candidate, name: Candidate, text: str, lex: ActorLexicon) -> bool:
    """Whether ``name`` would cut the capitalised ``run`` apart: it starts inside the run after
    anything but a determiner (*This Monday the | National Commission on ...* is fine), or
    ends inside it."""
    if run.start < name.end < run.end:
        return True
    if not run.start < name.start < run.end:
        return False
    before = text[run.start : name.start].split()
    return not before or before[-1].lower() not in lex.determiners


def _body_name(words: list[str]) -> bool:
    """Whether the words after a state adjective name a body: capitalised at both ends, with an
    organisation word among them."""
    rest = words[1:]
    cues = type_cues()["organisation"]
    return bool(rest) and rest[0][:1].isupper() and rest[-1][:1].isupper() and any(w.lower() in cues for w in rest)


def _organisation_entity(lex: ActorLexicon, c: Candidate, words: list[str], ents: list[Candidate]) -> bool:
    """Whether one organisation entity spans the whole run of two or more capitalised words after
    a state word, none of them a role noun."""
    rest = words[1:]
    if not rest or not all(w[:1].isupper() or w.lower() in PARTICLES for w in rest) or not rest[-1][:1].isupper():
        return False
    if any(w.lower() in lex.role_nouns or w.lower() in lex.honorifics for w in rest):
        return False
    return any(e.label == "ORG" and e.start <= c.start and c.end <= e.end for e in ents)


def with_entities(runs: list[Candidate], ents: list[Candidate], text: str) -> list[Candidate]:
    """Capitalised runs labelled by the NER entities they overlap; a run in which a person
    entity follows another entity is split before the person (``Financiën Karel Smit``);
    a sentence-initial run whose entity starts on a later word loses the words before it
    (``Lees Anna Verhoeven``); runs split at a conjunction inside one entity are joined again
    (``Belt and Road``, ``Bosnia and Herzegovina``); a run that holds two or more person
    entities is those persons (*dat Mulder Jansen steunde*, *Anna Berg and Jean-Luc Le Roux*)."""
    out: list[Candidate] = []
    for c in joined_in_entities(runs, ents, text):
        inside = [e for e in ents if e.start < c.end and c.start < e.end]
        persons = [e for e in inside if e.label in PERSON_LABELS]
        if len(persons) >= 2 and len(persons) == len(inside):
            for e in persons:
                s, end = max(c.start, e.start), min(c.end, e.end)
                out.append(Candidate(s, end, text[s:end], "PER", c.initial and s == c.start))
            continue
        person = next((e for e in inside if e.label in PERSON_LABELS and c.start < e.start), None)
        # *Financiën* ORG + *Karel Smit* PER: a person after a title
        if person is not None and person_after_title(text[c.start : person.start], person.text):
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


def joined_in_entities(runs: list[Candidate], ents: list[Candidate], text: str) -> list[Candidate]:
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


def person_after_title(before: str, name: str) -> bool:
    """Whether a person entity inside a capitalised run is a name after a title or body
    (``Financiën | Karel Smit``), not a piece of a longer name the NER cut up
    (``University of | Northern Texas``, ``School of Law van | Lakeside University``):
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
