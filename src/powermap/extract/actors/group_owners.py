"""Relational groups named after their owner: *de buurlanden van X* is *X's neighbouring
countries*, without a nationality (X's neighbours are not X's own). The relational heads are
``relational_heads`` in ``lang/en/groups.yaml`` (shared), the owner prepositions
``owner_prepositions`` per language."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from powermap.extract.actors.gazetteer import Hit
    from powermap.extract.actors.groups import GroupLexicon
    from powermap.kb import KnowledgeBase


def owner_name(text: str, e: int, head: str, glex: GroupLexicon, kb: KnowledgeBase, hits: list[Hit],
               hit_at: dict[int, int]) -> str | None:  # fmt: skip
    """The name of a relational group whose head ends at ``e`` and a state after an owner
    preposition owns (*de buurlanden van X*: *X's neighbouring countries*), else None."""
    if head not in glex.relational:
        return None
    m = re.match(r"\s+(\w+)\s+", text[e : e + 20])
    if m is None or m.group(1).lower() not in glex.owners:
        return None
    i = hit_at.get(e + m.end())
    if i is None or hits[i].start != e + m.end():
        return None
    owner = state_of(kb, hits[i])
    return f"{kb.actors[owner].name}'s {head}" if owner else None


def state_of(kb: KnowledgeBase, hit: Hit) -> str | None:
    """The state a hit stands for (a state, or the state of a capital or metonym)."""
    a = kb.actors[hit.ids[0]]
    if a.type == "state":
        return a.id
    if hit.kind in ("capital", "metonym") and a.parent:
        return a.parent
    return None
