"""The groups pass: group actors found by ``groups.py`` become document actors."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from powermap import lang
from powermap.extract._text import alternation
from powermap.extract.actors.found import DocActors
from powermap.extract.actors.groups import GroupPhrase, dominant_state, find_groups, settle, state_of, take_up
from powermap.extract.actors.state import LinkState
from powermap.kb.names import fold, slug

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: dependents right after a group's head that belong to its noun phrase: a prepositional
#: complement (*aanhangers van de generaal*; UD ``nmod``, ClearNLP ``prep``) or a relative clause
#: opened by a relative word (UD ``acl:relcl``, ClearNLP ``relcl``)
_COMPLEMENTS = ("nmod", "prep")
_RELATIVES = ("acl:relcl", "relcl")
#: the Penn Treebank tags of relative/interrogative words (English models mark no ``PronType``);
#: a prefix test would also take Dutch CGN verbs (``WW|...``)
_WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})


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
    before = set(used)
    counted = counted_inhabitants(state)
    inhabitants = used - before  # they count for the document's dominant state all the same
    adjectives: dict[int, str] | None = None
    if state.doc is not None:
        adjectives = {t.idx: "NUM" if t.pos_ == "NUM" or t.like_num else "ADJ" for t in state.doc if is_modifier(t)}
    groups = find_groups(da.text, hits, used, state.kb, state.res.glex, state.lex.determiners, surnames, adjectives)
    free = [h for i, h in enumerate(hits) if i not in used or i in inhabitants]
    settle(counted + groups, state.kb, dominant_state(state.kb, free))
    take_up(da.text, groups, state.res.glex)
    for g in counted + groups:
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
        relative = "Rel" in opener.morph.to_dict().get("PronType", "") or opener.tag_ in _WH_TAGS
        complement = child.dep_.startswith(_COMPLEMENTS) and opener.pos_ == "ADP"  # not *including*
        if not (complement or (child.dep_ in _RELATIVES and relative)):
            break
        last = child.right_edge.i
    while last > head.i and doc[last].is_punct:
        last -= 1
    return max(end, doc[last].idx + len(doc[last].text)) if last > head.i else end


_CAP = r"[A-Z][\w'’-]*"


def _name_pattern() -> str:
    """A name of one to four capitalised words, name particles between them (*Piet de Vries*)."""
    particles = alternation(lang.union("name_particles"))
    return rf"{_CAP}(?: (?:(?:{particles}) )*{_CAP}){{0,3}}"


def families_pass(state: LinkState) -> None:
    """Families: *the Okafor family* (the name is part of the group's mention), *the family of
    Ana Ruiz*, *de familie Jansen* (the name stays a mention of its own). The group is named
    "<surname> family"; nouns per language in ``family_nouns`` (words.yaml)."""
    da, text = state.found, state.text
    code = state.lex.language
    nouns = (
        lang.get(code).words("family_nouns") if code in lang.codes() and lang.get(code).has("family_nouns") else set()
    )
    if not nouns:
        return
    english = min(lang.get("en").words("family_nouns"))
    dets = lang.union("definite_determiners")
    links = lang.union("complement_prepositions")
    alt = alternation(nouns)
    name_re = _name_pattern()
    for m in re.finditer(rf"\b(?i:{alt})\b", text):
        before = re.search(rf"(\w+) ({_CAP}(?: {_CAP}){{0,2}}) $", text[max(0, m.start() - 80) : m.start()])
        after = re.match(rf" (?:(\w+) )?({name_re})", text[m.end() : m.end() + 80])
        if before and before.group(1).lower() in dets and before.group(2).split()[0].lower() not in dets:
            start, name, core_end = m.start() - len(before.group(0)), before.group(2), m.end()
            end = m.end()
        elif after and (after.group(1) is None or after.group(1).lower() in links):
            det = re.search(r"(\w+) $", text[max(0, m.start() - 20) : m.start()])
            start = m.start() - len(det.group(0)) if det and det.group(1).lower() in dets else m.start()
            name, end = after.group(2), m.end() + after.end()
            core_end = m.end() if after.group(1) else end  # *de familie Jansen*: a family name
        else:
            continue
        if da.is_covered(start, core_end):
            continue
        surname = re.sub(r"['’]s$", "", name.split()[-1])
        da.mention(da.doc_actor(f"{surname} {english}", "group"), start, end, primary=False)
        da.covered.append((start, core_end))
        state.used.update(i for i, h in enumerate(state.hits) if start <= h.start and h.end <= core_end)


def is_modifier(token: Token) -> bool:
    """Whether the parse reads ``token`` as an adjective (or a participle used as one) or a number."""
    return token.pos_ in ("ADJ", "NUM") or token.like_num or (token.pos_ == "VERB" and token.dep_ == "amod")


def counted_inhabitants(state: LinkState) -> list[GroupPhrase]:
    """A state's inhabitants counted or quantified (*enkele Canadezen*, *de meeste Peruanen*,
    *few Americans*): the demonym is a noun in the parse and a quantifier or number stands before
    it, so it names some of the people, a group of its own: the state's population (*de
    Canadezen* stays the state).
    Adds the hits it reads to ``state.used``."""
    doc, text, glex = state.doc, state.text, state.res.glex
    if doc is None:
        return []
    closed = glex.definite | lang.union("possessives") | lang.union("definite_determiners")
    closed -= lang.union("subordinators") | lang.union("complementisers")  # *dat de meeste X*: no article
    counts = (glex.quantifiers | glex.collectives) - closed
    out = []
    for i, h in enumerate(state.hits):
        st = state_of(state.kb, h)
        word = text[h.start : h.end]
        if i in state.used or h.kind != "adj" or st is None or not word[:1].isupper() or word.isupper():
            continue
        span = doc.char_span(h.start, h.end, alignment_mode="expand")
        if span is None or len(span) != 1 or span[0].pos_ not in ("NOUN", "PROPN") or span[0].dep_ == "amod":
            continue
        start, k, quantified = h.start, span[0].i - 1, False
        while k >= 0 and (doc[k].lower_ in counts or doc[k].like_num or doc[k].lower_ in closed):
            quantified = quantified or doc[k].lower_ not in closed
            start, k = doc[k].idx, k - 1
        if quantified:
            state.used.add(i)
            out.append(GroupPhrase(start, h.end, "population", (), st, True))
    return out


def bare_and_new(da: DocActors, g: GroupPhrase) -> bool:
    """Whether a group phrase is a bare plural (*troops*, *fighters*: no determiner, number,
    qualifier or nationality of its own) that names no group of the document before it: too
    vague to be an actor of its own; a bare plural after *German officials* takes them up."""
    words = da.text[g.start : g.end].split()
    if len(words) != 1 or not words[0][:1].islower() or g.explicit or g.qualifiers or g.pro:
        return False
    known = da.actors.get(slug(g.name or g.head))
    return known is None or not any(s < g.start for s, _ in known.mentions)
