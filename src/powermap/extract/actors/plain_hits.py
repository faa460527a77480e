"""The plain-hits pass: gazetteer hits that no phrase has read."""

from __future__ import annotations

import re

from powermap import lang
from powermap.extract.actors.gazetteer import Hit
from powermap.extract.actors.state import LinkState
from powermap.extract.actors.words import next_word, prev_word, skip_space
from powermap.ingest.dateline import dateline_place


def plain_hits_pass(state: LinkState) -> None:
    """The hits no phrase took: adjectives, metonyms and capitals stand for the state, except a
    capital after a place preposition (``in Moskou``), after a city noun (``de hoofdstad Oslo``),
    after a part of a city (``het oosten van Oslo``) or in a dateline, which is the city; a
    person's surname alone only for a person of the document, in office, or a recent leader."""
    da, hits, used = state.found, state.hits, state.used
    text, lex = da.text, state.lex
    place_until = -1  # a list of places after a place preposition: "in Lyon, Gent of Bonn"
    links = "|".join(sorted(lang.union("list_coordinators")))
    filed = dateline_place(text, lex.language)  # RIYADH, June 3, 2024 -: where, not who
    for i, h in enumerate(hits):
        if i in used:
            continue
        actor = state.kb.actors[h.ids[0]]
        at_dateline = filed is not None and filed[0] <= h.start and h.end <= filed[1]
        if filed is not None and at_dateline and (h.start != filed[0] or h.kind != "capital"):
            continue  # the country after the city: KYIV, Ukraine, March 3
        if h.kind == "capital":
            prev = prev_word(text, h.start).lower()
            listed = place_until >= 0 and re.fullmatch(rf"\s*(,|{links})\s*", text[place_until : h.start])
            city = prev in lex.place_prepositions or prev in lang.union("city_nouns")  # de hoofdstad Oslo
            city = city or city_part(text, h.start)  # the outskirts of Oslo
            if (city or listed or at_dateline) and actor.parent:
                da.mention(da.kb_actor(actor.id), h.start, h.end)
                place_until = h.end
            elif actor.parent:
                da.mention(da.kb_actor(actor.parent), h.start, h.end)
            continue
        if da.is_covered(h.start, h.end) and actor.type == "person":
            continue
        if h.kind == "adj" and language_name(state, text, h):
            continue
        if actor.type == "person":
            pid = state.pick_person(h.ids)
            if pid is None:
                continue
            known = pid in da.actors or state.kb.current(pid, da.published)
            if h.kind == "surname" and not (known or state.kb.recent_leader(pid, da.published)):
                continue
            da.mention(da.kb_actor(pid), h.start, h.end)
            continue
        da.mention(da.kb_actor(actor.id), h.start, h.end)


def city_part(text: str, start: int) -> bool:
    """Whether the name at ``start`` follows a part of a city and a genitive preposition (*het
    oosten van*, *the outskirts of*): the city itself, not its state."""
    m = re.search(r"([\w-]+)\s+(\w+)\s+$", text[max(0, start - 60) : start])
    if m is None:
        return False
    return m.group(2).lower() in lang.union("genitive_prepositions") and m.group(1).lower() in lang.union(
        "city_part_nouns"
    )


def language_name(state: LinkState, text: str, h: Hit) -> bool:
    """Whether an adjective hit names a language: ``(in het Russisch)``, ``in Russian.``"""
    if prev_word(text, h.start).lower() not in state.lex.language_markers:
        return False
    nxt = next_word(text, skip_space(text, h.end))[0]
    return not (nxt[:1].islower() and text[h.end : h.end + 1] == " ")
