"""The groups pass: group actors found by ``groups.py`` become document actors."""

from __future__ import annotations

from typing import TYPE_CHECKING

from powermap.extract.actors.found import DocActors
from powermap.extract.actors.groups import GroupPhrase, dominant_state, find_groups, settle, take_up
from powermap.extract.actors.state import LinkState
from powermap.kb.build import slug
from powermap.kb.names import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: dependents right after a group's head that belong to its noun phrase: a prepositional
#: complement (*aanhangers van de generaal*; UD ``nmod``, ClearNLP ``prep``) or a relative clause
#: opened by a relative word (UD ``acl:relcl``, ClearNLP ``relcl``)
_COMPLEMENTS = ("nmod", "prep")
_RELATIVES = ("acl:relcl", "relcl")


def groups_pass(state: LinkState) -> None:
    """Group actors (``groups.py``): plural and collective nouns, followers, ``pro-X`` camps."""
    da, hits, used = state.found, state.hits, state.used
    surnames: dict[str, tuple[str, str | None]] = {}
    for h in hits:
        a = state.kb.actors[h.ids[0]]
        if a.type == "person":
            surnames[fold(a.name.split()[-1])] = (a.name.split()[-1], a.country)
    for p in da.persons():
        surnames[fold(p.name.split()[-1])] = (p.name.split()[-1], p.country)
    groups = find_groups(da.text, hits, used, state.kb, state.res.glex, state.lex.determiners, surnames)
    free = [h for i, h in enumerate(hits) if i not in used]
    settle(groups, state.kb, dominant_state(state.kb, free))
    take_up(da.text, groups, state.res.glex)
    for g in groups:
        end = complement_end(state.doc, g.start, g.end)
        if da.is_covered(g.start, g.end) or (end == g.end and bare_and_new(da, g)):
            continue  # a bare plural with a complement (*kiezers die twijfelen*) is specific enough
        actor = da.doc_actor(g.name or g.head, "group", g.country)
        da.mention(actor, g.start, end, primary=False)
        da.covered.append((g.start, g.end))  # the names inside the complement stay their own mentions


def complement_end(doc: Doc | None, start: int, end: int) -> int:
    """The end of a group phrase with the complements of its head that follow it in the parse
    (*de boeren uit het noorden*, *kiezers die twijfelen*); ``end`` without a parse or complement."""
    if doc is None:
        return end
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return end
    head = span[-1]
    last = head.i
    for child in head.rights:
        if child.left_edge.i != last + 1:
            break
        opener = doc[child.left_edge.i]
        relative = "Rel" in opener.morph.get("PronType") or opener.tag_.startswith("W")
        complement = child.dep_.startswith(_COMPLEMENTS) and opener.pos_ == "ADP"  # not *including*
        if not (complement or (child.dep_ in _RELATIVES and relative)):
            break
        last = child.right_edge.i
    while last > head.i and doc[last].is_punct:
        last -= 1
    return max(end, doc[last].idx + len(doc[last].text)) if last > head.i else end


def bare_and_new(da: DocActors, g: GroupPhrase) -> bool:
    """Whether a group phrase is a bare plural (*troops*, *fighters*: no determiner, number,
    qualifier or nationality of its own) that names no group of the document before it: too
    vague to be an actor of its own; a bare plural after *German officials* takes them up."""
    words = da.text[g.start : g.end].split()
    if len(words) != 1 or not words[0][:1].islower() or g.explicit or g.qualifiers or g.pro:
        return False
    known = da.actors.get(slug(g.name or g.head))
    return known is None or not any(s < g.start for s, _ in known.mentions)
