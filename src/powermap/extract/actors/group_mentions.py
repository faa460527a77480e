"""The groups pass: group actors found by ``groups.py`` become document actors."""

from __future__ import annotations

from powermap.extract.actors.found import DocActors
from powermap.extract.actors.groups import GroupPhrase, dominant_state, find_groups, settle, take_up
from powermap.extract.actors.state import LinkState
from powermap.kb.build import slug
from powermap.kb.names import fold


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
        if da.is_covered(g.start, g.end) or bare_and_new(da, g):
            continue
        da.mention(da.doc_actor(g.name or g.head, "group", g.country), g.start, g.end)


def bare_and_new(da: DocActors, g: GroupPhrase) -> bool:
    """Whether a group phrase is a bare plural (*troops*, *fighters*: no determiner, number,
    qualifier or nationality of its own) that names no group of the document before it: too
    vague to be an actor of its own; a bare plural after *German officials* takes them up."""
    words = da.text[g.start : g.end].split()
    if len(words) != 1 or not words[0][:1].islower() or g.explicit or g.qualifiers or g.pro:
        return False
    known = da.actors.get(slug(g.name or g.head))
    return known is None or not any(s < g.start for s, _ in known.mentions)
