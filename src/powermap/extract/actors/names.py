"""The names pass: name candidates the gazetteer did not find.

A candidate links to a person of the document by full name or surname key, to a base person by
transliteration key or fuzzy key (``fuzzy.py``), to a body named earlier by its head word
(*the Commission*); otherwise it becomes a new document actor with a deterministic slug id, its
type read from the evidence (``actor_types.py``), unless nothing supports it as a name.
"""

from __future__ import annotations

import re
from functools import cache

from powermap import lang
from powermap.extract._text import WORD_RE as WORD
from powermap.extract.actors.abbreviations import defined_abbreviation
from powermap.extract.actors.actor_types import body_words, guess_type, unsupported
from powermap.extract.actors.candidates import CONJUNCTIONS, Candidate
from powermap.extract.actors.found import DocActor, DocActors
from powermap.extract.actors.merge import fuller_person
from powermap.extract.actors.state import LinkState
from powermap.extract.actors.words import clean_name, next_word, prev_word, skip_space
from powermap.kb.names import fold


def names_pass(state: LinkState) -> None:
    """Name candidates that are no hit: linked to a person of the document, a base actor by key
    or fuzzy key, a body named earlier, or made a new document actor (typed by ``actor_types``)."""
    da, cands, has_ner = state.found, state.candidates, state.has_ner
    text = da.text
    cands = shape(state, text, cands)
    multi = [c for c in cands if len(c.text.split()) > 1]
    single = [c for c in cands if len(c.text.split()) == 1]
    for c in multi:
        c = without_honorifics(state, c)
        if da.is_covered(c.start, c.end) or portfolio(state, text, c.start) or adjective(state, text, c):
            continue
        a = link_name(state, da, c.text) or fuller_person(da, c.text)
        if a is None and two_persons(state, da, c):
            continue
        if a is None:
            if unsupported(state.kb, state.lex, c, has_ner) or not_a_name(state, text, c):
                continue
            a = da.doc_actor(clean_name(c.text), guess_type(state.kb, c.text, c.label), None)
        da.mention(a, c.start, c.end)
    lowered = {w.lower() for w in WORD.findall(text) if w[:1].islower()}
    noninitial = {c.text for c in single if not c.initial}
    known = [fold(a.name.split()[-1]) for a in da.actors.values()]
    body_starts = {s for a in da.actors.values() if a.type in ("organisation", "group") for s, _ in a.mentions}
    for c in single:
        if da.is_covered(c.start, c.end) or len(c.text) < 2 or portfolio(state, text, c.start):
            continue
        word = clean_name(c.text)
        if modifies_body(state, text, word, c.end, body_starts) or CONTRACTION.search(word):
            continue  # de Koerdische PKK: an adjective before a known body; I'm, A4'tjes: no name
        if adjective(state, text, c):
            continue
        defined = defined_abbreviation(da, word)
        if defined is False:
            continue  # *de exclusieve economische zone (EEZ)*: a term
        a = defined if isinstance(defined, DocActor) else None
        a = a or da.person_by_name(word) or genitive_of_person(state, da, word) or by_first_name(da, word)
        if a is None:
            ids = [i for i in state.kb.by_key(word) if state.kb.current(i, da.published)]
            if not ids:  # a state's leader of the last years (a president who left office a year before)
                ids = [i for i in state.kb.by_key(word) if state.kb.recent_leader(i, da.published)]
            if len(ids) == 1:
                a = da.kb_actor(ids[0])
        if a is None:
            a = body_by_head(da, word, c.start)  # *the Commission* after *the European Commission*
        if a is None and MODIFIER.match(text, c.end):
            continue  # *het X-rapport*: the modifier is a mention only of a known person
        if a is None:
            low = word.lower()
            if (
                (c.initial and word not in noninitial)
                or low in lowered
                or low in state.lex.stop_words
                or word.isdigit()
                or (len(word) < 3 and not word.isupper())
                or compound_of_known(state, word)
                or after_indefinite(state, text, c)
                or title_part(state, text, c)
                or any(len(k) >= 4 and fold(word).startswith(k) and fold(word) != k for k in known)
            ):
                continue
            if unsupported(
                state.kb, state.lex, Candidate(c.start, c.start + len(word), word, c.label, c.initial), has_ner
            ):
                continue
            a = da.doc_actor(word, guess_type(state.kb, word, c.label), None)
        da.mention(a, c.start, c.start + len(word))


def after_indefinite(state: LinkState, text: str, c: Candidate) -> bool:
    """Whether an unknown name follows an indefinite article (*een BMI van 45*, *a Volvo
    driving*): a thing or a measure, not an actor (a person entity excepted)."""
    if c.label in ("PER", "PERSON"):
        return False
    return prev_word(text, c.start).lower() in _indefinite_articles(state.lex.language)


def not_a_name(state: LinkState, text: str, c: Candidate) -> bool:
    """Whether an unknown name is a thing after an indefinite article or part of a title."""
    return after_indefinite(state, text, c) or title_part(state, text, c)


def title_part(state: LinkState, text: str, c: Candidate) -> bool:
    """Whether an unknown name is (part of) a title: it ends in a role noun or an honorific
    (*Crime Commissioner*), or a capitalised one follows it (*National Security | Advisor*),
    and no word of it names a body (*Nordic Council | President* is a body)."""
    words = c.text.split()
    if any(w.lower() in body_words() for w in words):
        return False
    nxt = next_word(text, c.end + 1)[0] if text[c.end : c.end + 1] == " " else ""
    return state.lex.is_title(words) or (nxt[:1].isupper() and state.lex.is_title([nxt]))


@cache
def _indefinite_articles(language: str) -> frozenset[str]:
    known = language in lang.codes() and lang.get(language).has("indefinite_articles")
    return lang.get(language).words("indefinite_articles") if known else frozenset()


#: an English contraction or a plural after an apostrophe: no name (*I'm*, *We've*, *cd'tjes*)
CONTRACTION = re.compile(r"['’][^\W\d_A-Z]")


#: a hyphen and a lower-case head after a name: the name modifies a compound (*Berg-rapport*)
MODIFIER = re.compile(r"-[^\W\d_A-Z]{2,}")

#: a middle initial inside a name
MIDDLE_INITIAL = re.compile(r"(?<=\w) [A-Z]\.(?= \w)")


def adjective(state: LinkState, text: str, c: Candidate) -> bool:
    """Whether the NER marks the name as MISC or NORP, its last word has an adjective ending of
    the language and a lower-case content word follows: an adjective before a noun (*Noorse
    zalm*, *Middle Eastern airlines*), not an actor."""
    if parsed_adjective(state, c):  # whatever the NER's label: a person it names is known first
        return True
    if c.label not in ("MISC", "NORP") or not c.text.split()[-1].lower().endswith(state.res.glex.adjective_endings):
        return False
    nxt = re.match(r" ([^\W\d_A-Z][\w-]*)", text[c.end : c.end + 40])
    return nxt is not None and nxt.group(1) not in state.lex.stop_words


def parsed_adjective(state: LinkState, c: Candidate) -> bool:
    """Whether the parse reads a one-word name as an adjective before its noun, or as the
    conjunct of one (*de Conservatieve gelederen*, *Goudse en Edammer kaas*), or as a modifier
    inside a common noun's phrase (*the planned Okapi gas line*)."""
    if state.doc is None or " " in c.text:
        return False
    span = state.doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    tok = span[0]

    if state.found.person_by_name(c.text) is not None:
        return False  # a person's name the parse took for an adjective

    def before_noun(t) -> bool:  # an adjective with the language's adjective ending
        endings = state.res.glex.adjective_endings
        return t.pos_ == "ADJ" and t.head.i > t.i and t.head.pos_ == "NOUN" and t.lower_.endswith(endings)

    # *the planned Okapi gas line*: a modifier inside a noun phrase whose article is the noun's
    head = tok.head
    while head.dep_ == "compound" and head.head.i > head.i:
        head = head.head  # *gas* -> *line*
    inside = tok.dep_ == "compound" and head.pos_ == "NOUN" and head.i > tok.i
    inside = inside and any(d.dep_ == "det" and d.i < tok.i for d in head.children)
    return inside or before_noun(tok) or (tok.dep_ == "conj" and tok.head.i < tok.i and before_noun(tok.head))


def two_persons(state: LinkState, da: DocActors, c: Candidate) -> bool:
    """A run of two names of persons already named or in office (*dat Mulder Jansen steunde*:
    Dutch puts subject and object side by side): each part is mentioned as its person."""
    words = list(re.finditer(r"\S+", c.text))
    for i in range(1, len(words)):
        left, right = c.text[: words[i - 1].end()], c.text[words[i].start() :]
        a, b = known_person(state, da, left), known_person(state, da, right)
        if a is not None and b is not None and _id(a) != _id(b):
            first, second = (da.kb_actor(x) if isinstance(x, str) else x for x in (a, b))
            da.mention(first, c.start, c.start + len(left))
            da.mention(second, c.start + words[i].start(), c.end)
            return True
    return False


def _id(person: DocActor | str) -> str:
    return person if isinstance(person, str) else person.id


def known_person(state: LinkState, da: DocActors, name: str) -> DocActor | str | None:
    """A person of the document with this name or surname, else the id of the one base person
    in office (or a recent leader) with it."""
    a = da.person_by_name(name)
    if a is not None:
        return a
    ids = [i for i in state.kb.by_key(name) if state.kb.actors[i].type == "person"]
    ids = [i for i in ids if state.kb.current(i, da.published) or state.kb.recent_leader(i, da.published)]
    return ids[0] if len(ids) == 1 else None


def genitive_of_person(state: LinkState, da: DocActors, word: str) -> DocActor | None:
    """The document person whose surname ``word`` is with a genitive ending (*Bergs* -> Berg)."""
    for suffix in state.lex.genitive_suffixes:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3 and stem[:1].isupper():
            a = da.person_by_name(stem)
            if a is not None and len(a.name.split()) > 1:
                return a
    return None


def by_first_name(da: DocActors, word: str) -> DocActor | None:
    """The one person of the document named in full with ``word`` as first name (*Anna* after
    *Anna Berg*); None when no person or several persons have it."""
    key = fold(word)
    found = [a for a in da.persons() if len(a.name.split()) > 1 and fold(a.name.split()[0]) == key]
    return found[0] if len(found) == 1 else None


def shape(state: LinkState, text: str, cands: list[Candidate]) -> list[Candidate]:
    """Candidate clean-up that needs the type cues: ``Davos-forum`` takes its head noun,
    ``Kremlin-kenner`` is a modifier (a mention only of a known person: *het Berg-rapport*),
    ``X School of Y van Z University`` splits
    in two organisations, two full names joined by *and* are two persons, and a
    sentence-initial word before a first name is dropped."""
    heads = body_words()
    affiliations = lang.union("affiliation_prepositions")
    out: list[Candidate] = []
    for c in cands:
        m = re.match(r"-([a-zà-ÿ]+)", text[c.end : c.end + 30])
        if m and m.group(1) in heads:
            c = Candidate(c.start, c.end + m.end(), text[c.start : c.end + m.end()], c.label, c.initial)
        words = list(re.finditer(r"\S+", c.text))
        first = state.kb.first_names
        if c.initial and len(words) > 2 and words[1].group() in first and words[0].group() not in first:
            s = c.start + words[1].start()
            c = Candidate(s, c.end, text[s : c.end], c.label, False)
        split, labels = None, (c.label, c.label)
        for i, w in enumerate(words[1:-1], 1):
            left = {x.group().lower() for x in words[:i]}
            right = {x.group().lower() for x in words[i + 1 :]}
            if w.group() in lang.union("complement_prepositions") and left & heads and right & heads:
                split = i
            elif split is None and w.group() in affiliations and person_of_body(state, text, c, words, i):
                split, labels = i, ("PER", "ORG")
            elif split is None and w.group().lower() in CONJUNCTIONS and two_full_names(state, words, i):
                split, labels = i, ("PER", "PER")
        if split is not None:
            a, b = words[split - 1].end(), words[split + 1].start()
            if words[split + 1].group().lower() in state.lex.definite_determiners:
                b = words[split + 2].start() if split + 2 < len(words) else b
            out.append(Candidate(c.start, c.start + a, c.text[:a], labels[0], c.initial))
            out.append(Candidate(c.start + b, c.end, c.text[b:], labels[1], False))
            continue
        out.append(c)
    return out


def two_full_names(state: LinkState, words: list[re.Match[str]], i: int) -> bool:
    """Whether the run is two full names joined at word ``i`` (*Anna Berg and Jean-Luc Le
    Roux*): two to four words each side, capitalised at both ends, one side opening with a
    known first name."""
    sides = [[w.group() for w in words[:i]], [w.group() for w in words[i + 1 :]]]
    shaped = all(2 <= len(s) <= 4 and s[0][:1].isupper() and s[-1][:1].isupper() for s in sides)
    return shaped and any(s[0] in state.kb.first_names for s in sides)


def person_of_body(state: LinkState, text: str, c: Candidate, words: list[re.Match[str]], i: int) -> bool:
    """Whether the run splits at word ``i`` (*van*, *of*) into a person and the body they work
    for (*analist Piet Mulder van de Stichting Vrede*): the words before are two or
    three capitalised words, and either a role noun precedes the run, or they open with a
    known first name and the rest names a body."""
    left = [w.group() for w in words[:i]]
    right = [w.group().lower() for w in words[i + 1 :]]
    if not (2 <= len(left) <= 3 and all(w[:1].isupper() for w in left)):
        return False
    before = prev_word(text, c.start).lower()
    if before in state.lex.apposition_roles or before in state.lex.role_nouns:
        return True
    body = any(w in body_words() for part in right for w in part.split("-"))
    return body and left[0] in state.kb.first_names


def modifies_body(state: LinkState, text: str, word: str, end: int, body_starts: set[int]) -> bool:
    """Whether ``word`` is an adjective (one of the language's adjective endings) right before
    the mention of an organisation or group (*de Koerdische PKK*, *the Kurdish PKK*)."""
    nxt = skip_space(text, end)
    return nxt in body_starts and nxt > end and word.lower().endswith(state.res.glex.adjective_endings)


def without_honorifics(state: LinkState, c: Candidate) -> Candidate:
    """A name without the honorifics in front (*Prince Faisal bin Farhan* -> *Faisal bin Farhan*)."""
    words = list(re.finditer(r"\S+", c.text))
    cut = state.lex.honorifics_before([w.group() for w in words], keep=2)
    if cut == 0:
        return c
    s = c.start + words[cut].start()
    return Candidate(s, c.end, c.text[words[cut].start() :], c.label, False)


def portfolio(state: LinkState, text: str, start: int) -> bool:
    """Whether the name at ``start`` follows ``minister(ie) van``: a portfolio, not an actor."""
    m = _portfolio_re().search(text[max(0, start - 40) : start])
    return bool(m and m.group(1).lower() in state.lex.portfolio_nouns)


def compound_of_known(state: LinkState, word: str) -> bool:
    """Whether ``word`` is a closed compound starting with a KB alias (``Ruslandbeleid``)."""
    f = fold(word)
    for end, (length, _) in state.res.gaz.automaton.iter(f):
        if end - length + 1 == 0 and length >= 4 and end + 1 < len(f):
            return True
    return False


def link_name(state: LinkState, da: DocActors, name: str) -> DocActor | None:
    """A known actor for a full name: in the document, in the KB by key, or by fuzzy key."""
    a = da.person_by_name(name)
    if a is not None:
        if len(name) > len(a.name) and not a.in_kb:
            a.name = clean_name(name)
        return a
    ids = state.kb.by_key(name)
    if ids:
        pid = state.pick_person(tuple(sorted(ids)))
        return da.kb_actor(pid) if pid else None
    pid = state.res.fuzzy(name)
    if pid:
        return da.kb_actor(pid)
    bare = MIDDLE_INITIAL.sub("", name)  # John R. Smith -> John Smith
    return link_name(state, da, bare) if bare != name else None


def body_by_head(da: DocActors, word: str, before: int) -> DocActor | None:
    """The one body named earlier whose multi-word name or mention ends in ``word`` (*Commission*
    -> *European Commission*, *Commissie* -> *Europese Commissie*), or None when none or several do."""
    low = word.lower()

    def ends_in_word(name: str) -> bool:
        words = name.split()
        return len(words) > 1 and words[-1].lower() == low

    found = [
        a
        for a in da.actors.values()
        if a.type in ("organisation", "company", "media")
        and any(s < before for s, _ in a.mentions)
        and (ends_in_word(a.name) or any(ends_in_word(t) for t in a.mentions.values()))
    ]
    return found[0] if len(found) == 1 else None


@cache
def _portfolio_re() -> re.Pattern[str]:
    """``<noun> van (de)`` before a name: the noun is tested against the portfolio nouns."""
    links = "|".join(re.escape(w) for w in sorted(lang.union("portfolio_links")))
    articles = "|".join(
        re.escape(w) + ("" if w.endswith("'") else r"\s+") for w in sorted(lang.union("portfolio_articles"))
    )
    return re.compile(rf"(\w+)\s+(?:{links})\s+(?:{articles})?$")
