"""The phrases pass: phrases built on a state adjective or an abbreviation.

Role phrases (``de Russische president``, ``VS-president Joe Biden``, ``de Japanse minister van
Financiën, Taro Aso``) link the named person, or the holder of the role at the document
date; government phrases (``de Chinese regering``, ``de regering in Beijing``) link the state;
institutions (``de Canadese douane``, ``Russian media``) are a body of the state, named in English
(*Canadian customs*) so that one id serves every language;
unnamed officials (``een Chinese functionaris``) become a document actor of that state.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

from powermap import lang
from powermap.extract._text import alternation
from powermap.extract.actors.candidates import PERSON_PARTICLES
from powermap.extract.actors.found import DocActor, DocActors
from powermap.extract.actors.gazetteer import Hit
from powermap.extract.actors.group_mentions import complement_end
from powermap.extract.actors.names import link_name
from powermap.extract.actors.state import LinkState
from powermap.extract.actors.words import clean_name, next_word, prev_word_span, skip_space
from powermap.kb import KBActor
from powermap.kb.names import name_keys


@cache
def head_roles() -> dict[str, tuple[str, ...]]:
    """Role keys tried, in order, for a generic role of a state (``kb/curated/head_roles.yaml``)."""
    path = Path(__file__).resolve().parents[2] / "kb" / "curated" / "head_roles.yaml"
    return {k: tuple(v) for k, v in yaml.safe_load(path.read_text(encoding="utf-8")).items()}


def phrases_pass(state: LinkState) -> None:
    """Role, government and official phrases around adjective and abbreviation hits."""
    da, hits, used = state.found, state.hits, state.used
    text, lex = da.text, state.lex
    unnamed: set[str] = set()
    for i, h in enumerate(hits):
        actor = state.kb.actors[h.ids[0]]
        if actor.type not in ("state", "organisation") or h.kind in ("capital", "metonym"):
            continue
        of = actor.country if actor.type == "state" and actor.country else actor.id
        pos = h.end
        j = i + 1
        poss = h.kind == "name" and text.startswith(("'s ", "’s "), pos)  # Russia's foreign minister
        if poss:
            pos = skip_space(text, pos + 2)
        elif h.kind != "adj":
            if not text.startswith("-", pos):
                continue
            pos += 1
        else:
            pos = skip_space(text, pos)
            if j < len(hits) and hits[j].start == pos and text.startswith("-", hits[j].end):
                pos = hits[j].end + 1  # an organisation compound: NAVO-ambassadeur
        role = role_at(state, text, pos)
        start = extend_left(state, text, h.start)
        if role is not None:
            key, rend = role
            name = name_after(state, da, hits, text, rend, (of, key))
            if name is None and text[skip_space(text, pos) : rend][:1].isupper():
                full = place_complement_end(state, text, rend)  # *US Ambassador to Chile* Ana Ruiz
                name = name_after(state, da, hits, text, full, (of, key)) if full > rend else None
            if name is not None:
                person, nend = name
                person = namesake(da, person, actor)
                used.update(k for k, x in enumerate(hits) if x.start >= rend and x.end <= nend
                            and state.kb.actors[x.ids[0]].type == "person")  # fmt: skip
                if noun_modifier(h, text):  # *US* Secretary of State X, *Iran's* President X
                    da.mention(da.kb_actor(actor.id), h.start, h.end)
                    used.add(i)
                    da.mention(person, skip_space(text, pos), nend)
                    continue
                da.mention(person, start if h.kind == "adj" else h.start, nend)
                person.role_keys.add(key)
                person.country = person.country or actor.country
                if not person.role:
                    person.role = text[h.start : rend]
            else:
                held = holder(state, da, of, key, h.start)
                if held is None and h.kind == "adj" and actor.type == "state":
                    made = unnamed_holder(state, actor, key, start, rend)
                    if made is not None:
                        unnamed.add(made)
                        used.add(i)
                    continue
                if held is None:
                    continue
                person = held
                da.mention(person, start if h.kind == "adj" else h.start, rend)
            if h.kind == "adj" or poss:
                used.add(i)
            continue
        if h.kind != "adj":
            continue
        word, wend = next_word(text, skip_space(text, h.end))
        low = word.lower()
        body = institution(state, text, h.end)
        if body is not None and actor.type == "state":
            (english, type_), wend = body
            adj = state.kb.demonyms.get(actor.id, actor.name)
            da.mention(da.doc_actor(f"{adj} {english}", type_, actor.country), start, wend)
            used.add(i)
        elif low in lex.gov_nouns:
            da.mention(da.kb_actor(actor.id), start, wend)
            used.add(i)
        elif low in lex.official_singular:
            start = extend_left(state, text, h.start)
            adj = state.kb.demonyms.get(actor.id, actor.name)
            a = da.doc_actor(f"{adj} official", "person", actor.country)
            da.mention(a, start, wend)
            used.add(i)
    merge_holders(da, unnamed)
    # government noun + in/van + capital or state: "de regering in Beijing"
    for i, h in enumerate(hits):
        if i in used:
            continue
        before = text[max(0, h.start - 40) : h.start]
        m = re.search(r"([\w’'-]+)\s+(\w+)\s+$", before)
        if m and m.group(1).lower() in lex.gov_nouns and m.group(2).lower() in lang.union("government_links"):
            actor = state.kb.actors[h.ids[0]]
            country = actor.parent or (actor.id if actor.type == "state" else None)
            if country:
                s = extend_left(state, text, h.start - len(m.group(0)))
                wider = extend_left(state, text, h.start - len(m.group(0)), lowercase=1)
                if wider < s and next_word(text, wider)[0].lower() in lex.determiners:
                    s = wider  # de *militaire* junta van X
                da.mention(da.kb_actor(country), s, h.end)
                used.add(i)
    roles_of_states(state)


def roles_of_states(state: LinkState) -> None:
    """A role noun with *van*/*of* and a state (*de president van Peru*, *the president of the
    US*) is the role's holder at the document date; the state stays a mention of its own."""
    da, lex, text = state.found, state.lex, state.text
    if not lex.role_nouns:
        return
    roles = alternation(lex.role_nouns)
    links = alternation(lang.union("complement_prepositions"))
    arts = alternation(lex.definite_determiners)
    pattern = re.compile(rf"\b({roles}) (?:{links}) (?:(?i:{arts}) )?$", re.IGNORECASE)
    for h in state.hits:
        actor = state.kb.actors[h.ids[0]]
        if actor.type != "state" or h.kind not in ("name", "abbr") or not actor.country:
            continue
        m = pattern.search(text[max(0, h.start - 60) : h.start])
        if m is None or next_word(text, skip_space(text, h.end))[0][:1].isupper():
            continue  # *the President of the US Jane Doe*: a title before the name
        start = h.start - (len(text[max(0, h.start - 60) : h.start]) - m.start())
        person = holder(state, da, actor.country, lex.role_nouns[m.group(1).lower()], start)
        if person is not None:
            da.mention(person, extend_left(state, text, start), h.end, primary=False)


def institution(state: LinkState, text: str, pos: int) -> tuple[tuple[str, str], int] | None:
    """The state institution named by the one or two lower-case words after ``pos`` (*douane*,
    *centrale bank*), as ((English noun, type), end), or None."""
    first, end = next_word(text, skip_space(text, pos))
    if not first or not first.islower():
        return None
    second, end2 = next_word(text, skip_space(text, end))
    found = state.lex.institutions.get(f"{first} {second}".lower()) if second else None
    if found is not None:
        return found, end2
    found = state.lex.institutions.get(first)
    return (found, end) if found is not None else None


def noun_modifier(h: Hit, text: str) -> bool:
    """Whether a state hit before a role and a name is a noun of its own, not an adjective:
    a possessive (*Iran's President X*) or an upper-case abbreviation followed by a space
    (*US Secretary of State X*); the state is then a mention apart from the person."""
    if text.startswith(("'s ", "’s "), h.end):
        return True
    return h.alias.isupper() and len(h.alias) > 1 and text.startswith(" ", h.end)


def role_at(state: LinkState, text: str, pos: int) -> tuple[str, int] | None:
    m = state.res.role_re.match(text, pos)
    if not m:
        return None
    end = m.end()
    if end < len(text) and text[end].isalnum():
        return None
    return state.lex.role_nouns[m.group(0).lower()], end


def name_after(
    state: LinkState, da: DocActors, hits: list[Hit], text: str, pos: int, office: tuple[str, str] | None = None
) -> tuple[DocActor, int] | None:
    """The person named after a role ending at ``pos``, and where the name ends. A surname alone
    is the holder of ``office`` (state, role key) at the document date when the holder has that
    surname (*Iran's President Rouhani*)."""
    m = re.match(r",?\s+", text[pos:])
    if not m:
        return None
    p = pos + m.end()
    role = role_at(state, text, p)
    if role is not None:  # ", president Lula da Silva"
        p = skip_space(text, role[1])
    for h in hits:
        if h.start == p and state.kb.actors[h.ids[0]].type == "person":
            pid = state.pick_person(h.ids)
            if pid:
                return da.kb_actor(pid), h.end
    words: list[tuple[int, int]] = []
    q = p
    while True:
        w, e = next_word(text, q)
        if w and w.lower() in PERSON_PARTICLES and words:  # Faisal *bin* Farhan, Ursula *von der* Leyen
            nxt, _ = next_word(text, skip_space(text, e))
            particle = nxt[:1].isupper() or nxt.lower() in PERSON_PARTICLES
        else:
            particle = False
        if not w or not (w[:1].isupper() or particle) or (w.lower() in state.lex.stop_words and not particle):
            break
        words.append((q, e))
        q = e + 1 if e < len(text) and text[e] == " " else e
        if q == e:
            break
    while words and not text[words[-1][0] : words[-1][1]][:1].isupper():
        words.pop()
    # *Prince* Faisal bin Farhan: the name without the title
    words = words[state.lex.honorifics_before([text[s:e] for s, e in words]) :]
    if not words:
        return None
    name = text[words[0][0] : words[-1][1]]
    a = link_name(state, da, name)
    if a is None and office is not None and len(words) == 1:
        a = holder_named(state, da, office, name)
    if a is None:
        a = da.doc_actor(clean_name(name), "person")
    return a, words[-1][1]


def holder_named(state: LinkState, da: DocActors, office: tuple[str, str], surname: str) -> DocActor | None:
    """The holder of ``office`` at the document date, when ``surname`` is the holder's surname."""
    of, key = office
    for k in head_roles().get(key, (key,)):
        hid = state.kb.holder(of, k, da.published)
        if hid and name_keys(state.kb.actors[hid].name.split()[-1]) & name_keys(surname):
            return da.kb_actor(hid)
    return None


def namesake(da: DocActors, person: DocActor, country: KBActor) -> DocActor:
    """The person a role phrase names: a base person of another country (*de Malinese minister
    X* where the base knows a Senegalese X) is a namesake, so the phrase's person becomes a
    document actor of the phrase's country."""
    if not (person.in_kb and person.type == "person" and country.type == "state" and country.country):
        return person
    if person.country in (None, country.country) or person.mentions:
        return person
    da.actors.pop(person.id, None)
    return da.doc_actor(person.name, "person", country.country)


def holder(state: LinkState, da: DocActors, of: str, key: str, before: int) -> DocActor | None:
    for k in head_roles().get(key, (key,)):
        p = da.last_person(before, role_key=k)
        if p is not None and (p.country == of or of not in ("", None)) and p.country in (of, None):
            return p
        hid = state.kb.holder(of, k, da.published)
        if hid:
            return da.kb_actor(hid)
    return None


def place_complement_end(state: LinkState, text: str, end: int) -> int:
    """The end of a preposition and a state or place named right after a title ending at ``end``
    (*Ambassador to Chile*), or ``end``."""
    m = re.match(r" (\w+) ", text[end : end + 20])
    if not m or m.group(1).lower() not in lang.union("prepositions"):
        return end
    at = end + m.end()
    for h in state.hits:
        if h.start == at and state.kb.actors[h.ids[0]].type in ("state", "place"):
            return h.end
    return end


def unnamed_holder(state: LinkState, country: KBActor, key: str, start: int, end: int) -> str | None:
    """A role phrase of a state whose holder neither the document nor the base knows (*de Peruaanse
    ambassadeur in Oslo*): a document person named by the state's adjective and the role, the
    mention with the complement the parse gives the role noun; the person named with the same
    role of the same state elsewhere in the document when there is one (``merge_holders``). No
    person when a name follows the complement (a title) or the phrase is a predicate (*as*)."""
    da, text = state.found, state.text
    full = complement_end(state.doc, start, end)
    after = next_word(text, skip_space(text, full))[0]
    if (full > end and after[:1].isupper()) or text[start:end].split()[-1][:1].isupper():
        return None  # *the Peruvian ambassador to Chile Ana Ruiz*, *US Ambassador ...*: a title before a name
    if prev_word_span(text, start)[0].lower() in lang.union("role_predicates"):
        return None
    adj = state.kb.demonyms.get(country.id, country.name)
    person = da.doc_actor(f"{adj} {key.replace('_', ' ')}", "person", country.country)
    person.role_keys.add(key)
    person.role = person.role or key.replace("_", " ")
    da.mention(person, start, full, primary=False)
    da.covered.append((start, end))  # a name inside the complement stays a mention of its own
    return person.id


def merge_holders(da: DocActors, unnamed: set[str]) -> None:
    """Unnamed role holders join the one named person of the document with the same role and
    country (*de Peruaanse ambassadeur* and *de Peruaanse ambassadeur Ana Ruiz*)."""
    for aid in unnamed:
        a = da.actors.get(aid)
        if a is None:
            continue
        named = [
            p for p in da.persons() if p.id not in unnamed and a.role_keys & p.role_keys and p.country == a.country
        ]
        if len(named) == 1:
            named[0].mentions.update(a.mentions)
            del da.actors[aid]


def extend_left(state: LinkState, text: str, start: int, lowercase: int = 0) -> int:
    """Move ``start`` left over role modifiers (and up to ``lowercase`` other lower-case
    words) and one determiner."""
    lex = state.lex
    s = start
    taken = 0
    while True:
        w, ws = prev_word_span(text, s)
        if not w:
            return s
        low = w.lower()
        if low in lex.determiners:
            return ws
        if low in lex.role_modifiers or (taken < lowercase and w.islower()):
            taken += 1
            s = ws
            continue
        return s
