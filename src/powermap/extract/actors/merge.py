"""The merge pass: one person named in several ways within a document is one actor.

A name pass links a surname to a person only when the full name came first; a role phrase in a
headline (*Iran's President Rouhani*) or an initial ``Meng`` may come before the full name. After
the names pass, a document person named by one word joins the one person of the document whose
multi-word name ends (surname) or opens (first name) with that word; a document person whose
name has the same first and last word as one other person's shorter name, with more words
between (*Anna Maria Berg* and *Anna Berg*), joins that person under the shorter name. A body
named by the first word of its name after its full name (*Okapi* after *Okapi Airlines*) is that
body.
"""

from __future__ import annotations

from powermap.extract.actors.found import DocActor, DocActors
from powermap.extract.actors.state import LinkState
from powermap.kb.names import name_keys


def merge_pass(state: LinkState) -> None:
    """Join document persons that are another person of the document named differently."""
    da = state.found
    for a in [p for p in da.persons() if not p.in_kb]:
        target = same_person(da, a)
        if target is not None:
            join(da, a, target)
    for a in list(da.actors.values()):
        target = body_of_first_word(da, a)
        if target is not None and not person_entity(state, target):
            join(da, a, target)


def person_entity(state: LinkState, a: DocActor) -> bool:
    """Whether the NER reads a mention of ``a`` as a person (a person's name typed as a body)."""
    if state.doc is None:
        return False
    for s, e in a.mentions:
        span = state.doc.char_span(s, e, alignment_mode="expand")
        if span is not None and any(t.ent_type_ in ("PER", "PERSON") for t in span):
            return True
    return False


#: actor types a body's first word can be mistaken for (a town, a body of its own)
SHORT_FORM_TYPES = ("place", "organisation", "company")
BODY_TYPES = ("organisation", "company", "media")


def body_of_first_word(da: DocActors, a: DocActor) -> DocActor | None:
    """The one body named in full before ``a`` whose name opens with the one word all of ``a``'s
    mentions are (*Okapi* after *Okapi Airlines*): a short form of that body, not an actor of
    its own. Never a state or a person."""
    words = {t for t in a.mentions.values()}
    if a.type not in SHORT_FORM_TYPES or len(words) != 1:
        return None
    word = next(iter(words))
    if len(word) < 4 or " " in word or not word[:1].isupper():
        return None
    first = a.first()
    fits = [
        b
        for b in da.actors.values()
        if b is not a
        and b.type in BODY_TYPES
        and len(b.name.split()) > 1
        and any(t.split()[0] == word and len(t.split()) > 1 for t in (b.name, *b.mentions.values()))
        and b.first() < first
    ]
    return fits[0] if len(fits) == 1 else None


def same_person(da: DocActors, a: DocActor) -> DocActor | None:
    """The one other person of the document that ``a`` names by surname, first name or a fuller
    form; None when none or several fit."""
    words = a.name.split()
    others = [p for p in da.persons() if p is not a and len(p.name.split()) > 1]
    if len(words) == 1:
        key = name_keys(words[0])
        fits = [p for p in others if name_keys(p.name.split()[-1]) & key]
        if not fits:
            fits = [p for p in others if name_keys(p.name.split()[0]) & key]
    else:
        fits = same_ends(others, a.name, shorter=True)
    return fits[0] if len(fits) == 1 else None


def same_ends(persons: list[DocActor], name: str, shorter: bool) -> list[DocActor]:
    """The persons whose multi-word name has ``name``'s first and last word and is shorter
    (``shorter``) or longer than ``name``."""
    words = name.split()
    first, last = name_keys(words[0]), name_keys(words[-1])
    out = []
    for p in persons:
        parts = p.name.split()
        sized = len(parts) < len(words) if shorter else len(parts) > len(words) > 1
        if sized and len(parts) > 1 and name_keys(parts[0]) & first and name_keys(parts[-1]) & last:
            out.append(p)
    return out


def fuller_person(da: DocActors, name: str) -> DocActor | None:
    """The one person of the document named more fully with ``name``'s first and last word
    (*Anna Berg* after *Anna Maria Berg*)."""
    fits = same_ends(da.persons(), name, shorter=False)
    return fits[0] if len(fits) == 1 else None


def join(da: DocActors, a: DocActor, target: DocActor) -> None:
    """Move ``a``'s mentions and roles to ``target`` and drop ``a``."""
    target.mentions.update(a.mentions)
    target.role_keys |= a.role_keys
    target.role = target.role or a.role
    target.country = target.country or a.country
    da.actors.pop(a.id, None)
