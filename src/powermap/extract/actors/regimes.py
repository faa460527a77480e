"""The regimes pass: a government named after its leader is the leader's state, as the
government of a state is (*het Okafor-regime*, *the Okafor administration*, *het regime van
president Okafor*). Nouns per language: ``gov_nouns`` in ``actors.yaml``; the words between the
noun and the name: ``government_links`` and the determiners and role nouns of the language."""

from __future__ import annotations

import re

from powermap import lang
from powermap.extract._text import alternation
from powermap.extract.actors.countries import states_by_country
from powermap.extract.actors.state import LinkState


def regimes_pass(state: LinkState) -> None:
    """A government phrase around a person's name (*het Okafor-regime*, *the Okafor
    administration*, *het regime van Okafor*) is a mention of the person's state; the name
    stays a mention of the person."""
    da, lex = state.found, state.lex
    if not lex.gov_nouns:
        return
    text = da.text
    nouns = alternation(lex.gov_nouns)
    links = alternation(lang.union("government_links"))
    dets = alternation(lex.determiners | lex.definite_determiners)
    skip = alternation(set(lex.role_nouns) | lex.role_modifiers)
    after = re.compile(rf"[- ](?:{nouns})\b")
    before = re.compile(rf"(?:(?i:{dets}) )?(?:[^\W\d_A-Z][\w-]* )?(?:{nouns}) (?:{links}) (?:(?:{skip}) )*$")
    states = states_by_country(state.kb)
    for p in da.persons():
        home = states.get(p.country or "")
        if home is None:
            continue
        for s, e in list(p.mentions):
            m = after.match(text, e)
            if m is not None:
                det = re.search(rf"\b(?i:{dets}) $", text[max(0, s - 10) : s])
                start = s - len(det.group()) if det else s
                da.mention(da.kb_actor(home), start, m.end(), primary=False)
                continue
            b = before.search(text[max(0, s - 80) : s])
            if b is not None:
                da.mention(da.kb_actor(home), s - len(b.group()), e, primary=False)
