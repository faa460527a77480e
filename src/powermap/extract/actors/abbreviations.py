"""Abbreviations a document defines in parentheses: ``de Nationale Raad (NR)`` makes *NR* a name
of that body; ``de exclusieve economische zone (EEZ)`` makes *EEZ* a term, not an actor (its
letters are the initials of the lower-case words before it)."""

from __future__ import annotations

import re
from typing import Literal

from powermap.extract.actors.found import DocActor, DocActors

#: the actor types an abbreviation in parentheses can name
BODY_TYPES = ("organisation", "company", "media", "group")
_WORD = re.compile(r"[^\W\d_][\w-]*")


def defined_abbreviation(da: DocActors, word: str) -> DocActor | Literal[False] | None:
    """What the document's first ``(word)`` defines ``word`` as: the body named right before it
    (a ``DocActor``), ``False`` for a term (the initials of the lower-case words before it spell
    the abbreviation), ``None`` when the document defines nothing."""
    if len(word) < 2 or not word.isupper():
        return None
    text = da.text
    at = text.find(f"({word})")
    if at < 0:
        return None
    before = text[max(0, at - 200) : at].rstrip()
    words = _WORD.findall(before)
    if not words:
        return None
    if words[-1][:1].islower():
        initials = "".join(w[0] for w in words[-len(word) :] if w[:1].islower())
        return False if initials.lower() == word.lower() else None
    end = at - (len(text[:at]) - len(text[:at].rstrip()))
    for a in da.actors.values():
        if a.type in BODY_TYPES and any(e == end for _, e in a.mentions):
            return a
    return None
