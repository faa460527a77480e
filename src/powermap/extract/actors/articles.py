"""The articles pass: a body's mention takes the definite article before it (*the Okapi Trust*)
when the body is new to the base, and a known body's name takes the body noun after it (*the
Okapi movement* for a movement the base calls *Okapis*): the whole noun phrase names the body.
"""

from __future__ import annotations

import re

from powermap.extract.actors.found import DocActor
from powermap.extract.actors.state import LinkState
from powermap.extract.actors.words import prev_word_span

#: the actor types whose mentions take their article and body noun (group phrases have theirs)
BODY_TYPES = ("organisation", "company", "media")


def articles_pass(state: LinkState) -> None:
    """Widen body mentions over a definite article before and a body noun after them."""
    da, lex = state.found, state.lex
    for a in da.actors.values():
        if a.type not in BODY_TYPES and not (a.type == "group" and a.in_kb):
            continue  # a group phrase of the document has its determiners already
        for s, e in list(a.mentions):
            end = _body_noun_end(state, a, e)
            start = s
            word, ws = prev_word_span(da.text, s)
            if (
                (not a.in_kb or end > e)
                and word.lower() in lex.definite_determiners
                and da.text[ws + len(word) : s] == " "
            ):
                start = ws
            if (start, end) != (s, e):
                del a.mentions[(s, e)]
                a.mentions[(start, end)] = da.text[start:end]


def _body_noun_end(state: LinkState, a: DocActor, end: int) -> int:
    """The end of the body noun right after a known body's name (*the Okapi movement*), or ``end``."""
    if not a.in_kb:
        return end
    m = re.match(r" ([^\W\d_A-Z][\w-]*)\b", state.text[end : end + 40])
    return end + m.end() if m and m.group(1) in state.lex.named_descriptions else end
