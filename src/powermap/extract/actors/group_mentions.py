"""The groups pass: group actors found by ``groups.py`` become document actors."""

from __future__ import annotations

from powermap.extract.actors.groups import dominant_state, find_groups, settle, take_up
from powermap.extract.actors.state import LinkState
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
        if da.is_covered(g.start, g.end):
            continue
        da.mention(da.doc_actor(g.name or g.head, "group", g.country), g.start, g.end)
