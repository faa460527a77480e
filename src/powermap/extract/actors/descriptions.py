"""The descriptions pass: roles of document persons from appositions and copular sentences,
and definite descriptions (``de hoogleraar``, ``de president``, ``het agentschap``) linked to the
last person or body they fit."""

from __future__ import annotations

import re

from powermap import lang
from powermap.extract._text import alternation
from powermap.extract.actors.actor_types import name_like_organisations
from powermap.extract.actors.found import DocActor, DocActors
from powermap.extract.actors.groups import DOMINANT_SHARE
from powermap.extract.actors.phrases import role_at
from powermap.extract.actors.state import LinkState
from powermap.extract.actors.words import next_word, role_noun_in, skip_space

#: How far back (characters) a bare description may find a person without a role.
DESCRIPTION_REACH = 400
#: how far back (characters) a body description looks for the body it refers to
BODY_REACH = 3000


def appositions_pass(state: LinkState) -> None:
    """Role text for document persons from ``X, hoogleraar aan ...`` / ``X is hoogleraar ...``."""
    da = state.found
    text, lex = da.text, state.lex
    for a in [*da.persons(), *name_like_organisations(da)]:
        if a.in_kb or a.role:
            continue
        for (s, e), _ in sorted(a.mentions.items()):
            after = text[e : e + 160]
            m = re.match(r",\s+([^,.;\n]+)", after)
            cop = re.match(r"\s+(\w+)\s+([^.;\n]{3,140})", after)
            if m and any(role_noun_in(w, lex.apposition_roles) for w in m.group(1).split()[:4]):
                a.role = m.group(0)[1:].strip()
            elif cop and cop.group(1).lower() in lex.copulas:
                first = cop.group(2).split()
                if any(role_noun_in(w.strip(",").lower(), lex.apposition_roles) for w in first[:4]):
                    a.role = cop.group(2).strip()
            else:
                before = re.split(r"[.!?:;\n]\s", text[max(0, s - 60) : s])[-1].split()  # this sentence only
                # *analist X*, *His chief of staff, X*: a role noun last, or before one "of" phrase
                last = [w.strip(",").lower() for w in before[-3:]]
                at = len(last) - 3 if len(last) == 3 and last[1] in ("of", "van") else len(last) - 1
                if before and role_noun_in(last[at], lex.apposition_roles):
                    a.role = " ".join(before[-3:]) if len(before) >= 3 else " ".join(before)
            if a.role:
                a.type = "person"  # a role noun in apposition: the NER's ORG was wrong
                break


def descriptions_pass(state: LinkState) -> None:
    """``de hoogleraar``, ``De president``: the last person that fits, when there is one."""
    da = state.found
    text, lex = da.text, state.lex
    dets = alternation(d for d in lex.determiners if d)
    pattern = re.compile(rf"\b(?:{dets})\s+([\w’'-]+)\b", re.IGNORECASE)
    complements = lang.union("complement_prepositions")
    for m in pattern.finditer(text):
        det = m.group(0).split()[0].lower()
        if det not in lang.union("description_articles"):
            continue
        s, e = m.start(), m.end()
        if da.is_covered(s, m.start(1)):
            continue
        word = m.group(1)
        role = role_at(state, text, m.start(1))
        if role is not None and role[1] > e:
            e = role[1]
            word = text[m.start(1) : e]
        npos = skip_space(text, e)
        nxt = next_word(text, npos)[0]
        field_of = da.actor_at(npos, npos + len(nxt))  # "de hoogleraar Rusland": a field, not a name
        if (nxt[:1].isupper() and not (field_of and field_of.type in ("state", "place"))) or nxt.lower() in complements:
            continue  # followed by a name or a complement: not a bare description
        key = role[0] if role is not None else None
        person = None
        if key and key not in ("minister",):
            person = da.last_person(s, role_key=key)
        else:
            if role_noun_in(word, lex.apposition_roles) is None and nxt.islower():
                word, e = nxt, next_word(text, skip_space(text, e))[1]  # one adjective between
                nxt = next_word(text, skip_space(text, e))[0]
            noun = role_noun_in(word, lex.apposition_roles)
            if noun is not None and (not nxt[:1].isupper() or field_of):
                person = (
                    titled_person(da, word, s) or da.last_person(s, noun=noun) or roleless_before(state, da, s, noun)
                )
        if person is not None:
            da.mention(person, s, e)


def body_descriptions_pass(state: LinkState) -> None:
    """``de zakenkrant``, ``het agentschap``, ``the council``: a definite description of a
    body, with at most two adjectives, links to the last media actor (media nouns) or to the
    last organisation whose name has the noun as a word or a word's end (named nouns), named
    within ``BODY_REACH`` characters before it. A description followed by a name or a
    complement (*het ministerie van Defensie*) is a name of its own, not a reference."""
    da = state.found
    lex, text = state.lex, da.text
    nouns = lex.media_descriptions | lex.named_descriptions
    if not nouns or not lex.definite_determiners:
        return
    dets = alternation(lex.definite_determiners)
    # a lookahead, so that a description does not swallow the determiner of the next (*de douane en de politie*)
    pattern = re.compile(rf"\b(?i:{dets})(?=((?:[^\S\n]+[\w-]+){{1,3}}))")
    bodies = [a for a in da.actors.values() if a.type in ("organisation", "media", "company") and a.mentions]
    for m in pattern.finditer(text):
        words = list(re.finditer(r"[\w-]+", m.group(1)))
        # the noun in lower case, after at most two adjectives (*de Britse krant*)
        at = next((i for i, w in enumerate(words) if w.group() in nouns), None)
        if at is None:
            continue
        noun, end = words[at].group(), m.start(1) + words[at].end()
        kind = "media" if noun in lex.media_descriptions else "named"
        if da.is_covered(m.start(1) + words[at].start(), end) or any(w.group()[:1].isdigit() for w in words[:at]):
            continue
        nxt = next_word(text, skip_space(text, end))[0]
        if nxt[:1].isupper() or nxt.lower() in lang.union("body_complements"):
            continue
        best: tuple[int, DocActor] | None = None
        for a in bodies:
            if kind == "media" and a.type != "media":
                continue
            names = " ".join([a.name, *a.mentions.values()])
            if kind == "named" and not any(
                w.lower() == noun or w.lower().endswith(noun) for w in re.findall(r"[\w-]+", names)
            ):
                continue
            before = [st for st, _ in a.mentions if st < m.start() and m.start() - st < BODY_REACH]
            if before and (best is None or max(before) > best[0]):
                best = (max(before), a)
        if best is not None:
            da.mention(best[1], m.start(), end)
        elif noun in lex.institutions:
            body = institution_of(state, noun, m.start(), nxt)
            if body is not None:
                da.mention(body, m.start(), end)


def institution_of(state: LinkState, noun: str, before: int, following: str) -> DocActor | None:
    """The body a definite institution noun without a state names (*de douane*, *het
    hooggerechtshof*): the same institution of a state named before it (*de Canadese douane*),
    else of the one state whose institution is named later in the document, else, when no
    complement follows (*de ambassade in X* is another state's), the institution of the
    document's dominant state."""
    da = state.found
    english, type_ = state.lex.institutions[noun]
    same = [a for a in da.actors.values() if a.name.endswith(f" {english}") and a.mentions]
    named = [a for a in same if any(s < before for s, _ in a.mentions)]
    if len({a.id for a in named}) == 1:
        return named[0]
    if not named and len({a.id for a in same}) == 1:
        return same[0]  # named only later (*de douane ... De Canadese douane*): the same body
    partner = coordinated_institution(state, before)
    if partner is not None:  # *de Chileense kustwacht en de nationale politie*: the same state's
        return da.doc_actor(f"{partner[0]} {english}", type_, partner[1].country)
    home = dominant_state(da)
    if named or home is None or following.lower() in lang.union("prepositions"):
        return None
    adj = state.kb.demonyms.get(home.id, home.name)
    return da.doc_actor(f"{adj} {english}", type_, home.country)


def coordinated_institution(state: LinkState, before: int) -> tuple[str, DocActor] | None:
    """The state adjective and body of a state's institution coordinated right before ``before``
    (*de douane en* before *de nationale politie*), or None."""
    da = state.found
    m = re.search(r"\s(\w+)\s+$", da.text[max(0, before - 30) : before])
    if m is None or m.group(1).lower() not in lang.union("coordinators"):
        return None
    end = len(da.text[: before - len(m.group(0))].rstrip())
    nouns = {english for english, _ in state.lex.institutions.values()}
    for a in da.actors.values():
        if a.country and any(e == end for _, e in a.mentions):
            english = next((n for n in nouns if a.name.endswith(f" {n}")), None)
            if english is not None:
                return a.name[: -len(english) - 1], a
    return None


def dominant_state(da: DocActors) -> DocActor | None:
    """The state with most mentions in the document when it has at least ``DOMINANT_SHARE`` of
    the state mentions: the country an unqualified institution (*de politie*) belongs to."""
    states = [a for a in da.actors.values() if a.type == "state" and a.mentions]
    total = sum(len(a.mentions) for a in states)
    best = max(states, key=lambda a: len(a.mentions), default=None)
    return best if best is not None and len(best.mentions) >= DOMINANT_SHARE * total else None


def titled_person(da: DocActors, word: str, before: int) -> DocActor | None:
    """The person last mentioned before ``before`` whose role, or the words right before one of
    whose mentions (*de Venezolaanse oppositieleider X*), hold ``word`` itself; None when none do."""
    title = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
    best: tuple[int, DocActor] | None = None
    for a in da.persons():
        starts = [s for s, _ in a.mentions if s < before]
        if not starts:
            continue
        titled = bool(a.role and title.search(a.role)) or any(
            title.search(re.split(r"[.!?;\n]", da.text[max(0, s - 40) : s])[-1]) for s in starts
        )
        if titled and (best is None or max(starts) > best[0]):
            best = (max(starts), a)
    return best[1] if best else None


def roleless_before(state: LinkState, da: DocActors, before: int, noun: str) -> DocActor | None:
    """A description no known role fits (``de hoogleraar``) introduces the role of the last
    person without a role mentioned within ``DESCRIPTION_REACH`` characters."""
    best: tuple[int, DocActor] | None = None
    for a in da.persons():
        starts = [s for s, _ in a.mentions if before - DESCRIPTION_REACH <= s < before]
        if starts and not a.role and (best is None or max(starts) > best[0]):
            best = (max(starts), a)
    if best is None:
        return None
    best[1].role = noun
    return best[1]
