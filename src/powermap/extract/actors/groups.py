"""Group actors described by a plural or collective noun: ``de meeste Noorse reders``,
``linkse activisten``, ``Chinese government officials``, ``obamisten``, ``‘pro-Indiase’``.

A group phrase is a head noun from the language's group lexicon (``lang/<code>/groups.yaml``) with
the words before it that belong to the phrase (determiners, quantifiers, qualifiers, state
adjectives, ``NAVO-gezinde``-style compounds) and an optional ``in <state>`` complement. Its
nationality comes from a state adjective, compound or a state's name right before the head
(``United Kingdom officials``) inside the phrase, else the complement, else
the one group with the same head that has a nationality, else the document's dominant state. The
canonical English name is built from data: the state's English adjective, the translated
qualifiers and the English head (``Norwegian shipowners``); mentions with the same name are
one actor. A state adjective inside a group phrase counts for the group, not also for the state.

Two more patterns: a lower-case plural of a person's surname (``obamisten``, ``Obamists``) is
the group of that person's followers, and ``pro-X`` without a head noun after it is the camp of
X's supporters (``Brazilian pro-Indian camp``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from powermap import lang
from powermap.extract._text import WORD_RE
from powermap.extract.actors.gazetteer import Hit
from powermap.extract.actors.group_owners import owner_name, state_of
from powermap.kb import KnowledgeBase
from powermap.kb.names import fold

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")  # 1.500, 2,5
_WORD = re.compile(WORD_RE.pattern + "|" + _NUMBER.pattern)
#: a lower-case word with a footnote number glued to it (*boeren12*: the superscript lost)
_FOOTNOTED = re.compile(r"([^\W\d_A-Z][^\W\d_]*)(\d{1,3})")
LANGUAGES = ("nl", "en", "fr", "de")
#: share of the state mentions the dominant state must have to be a group's default nationality
DOMINANT_SHARE = 0.3


@dataclass(frozen=True)
class GroupLexicon:
    """Group word lists of one language (with the other languages' heads as a fallback)."""

    heads: dict[str, str]
    qualifiers: dict[str, str]
    quantifiers: frozenset[str]
    collectives: frozenset[str]
    complements: frozenset[str]
    follower_suffixes: tuple[str, ...]
    camp_prefixes: tuple[str, ...]
    #: endings of an inflected adjective that may stand right before the head (*grote boeren*)
    adjective_endings: tuple[str, ...] = ()
    #: English head -> the narrower English heads a definite description with it can take up
    #: again (*de boeren* after *veehouders*); shared by all languages, in en/groups.yaml
    broader: dict[str, frozenset[str]] = field(default_factory=dict)
    #: words that open a definite description (*de*, *die*, *the*, *these*)
    definite: frozenset[str] = frozenset()
    #: heads too general to name a group on their own (*landen*, *companies*): they need a
    #: qualifier or a nationality inside the phrase (*regionale bondgenoten*, *German firms*)
    qualified: frozenset[str] = frozenset()
    #: English heads of groups named by whom they stand in relation to (*neighbouring countries*,
    #: *allies*): with an owner complement (``owner_prepositions``: *van X*) they are *X's ...*
    relational: frozenset[str] = frozenset()
    owners: frozenset[str] = frozenset()
    #: whether a state's name may stand as a noun before the head (*United Kingdom officials*);
    #: not where the language writes compounds closed (*Oekraïne landen* is no phrase in Dutch)
    noun_adjuncts: bool = True


def _load(language: str) -> dict:
    return (lang.data(language, "groups") if language in lang.codes() else None) or {}


@cache
def group_lexicon(language: str) -> GroupLexicon:
    """The group lexicon of ``language``; heads of the other languages are accepted too (a French
    title in a Dutch footnote), the language's own entries winning."""
    own = _load(language) or _load("en")
    heads: dict[str, str] = {}
    qualified: set[str] = set()
    for code in LANGUAGES:
        qualified.update(w.lower() for w in _load(code).get("qualified_heads") or ())
        if code != language:
            heads.update({k.lower(): v for k, v in (_load(code).get("heads") or {}).items()})
    heads.update({k.lower(): v for k, v in (own.get("heads") or {}).items()})
    return GroupLexicon(
        heads=heads,
        qualifiers={k.lower(): v for k, v in (own.get("qualifiers") or {}).items()},
        quantifiers=frozenset(own.get("quantifiers") or ()),
        collectives=frozenset(own.get("collectives") or ()),
        complements=frozenset(own.get("complement_prepositions") or ()),
        follower_suffixes=tuple(own.get("follower_suffixes") or ()),
        camp_prefixes=tuple(own.get("camp_prefixes") or ()),
        adjective_endings=tuple(own.get("adjective_endings") or ()),
        broader={k: frozenset(v) for k, v in (_load("en").get("broader") or {}).items()},
        definite=frozenset(own.get("definite_determiners") or ()),
        qualified=frozenset(qualified),
        relational=frozenset(_load("en").get("relational_heads") or ()),
        owners=frozenset(own.get("owner_prepositions") or ()),
        noun_adjuncts=not (lang.data(language, "actors") or {}).get("closed_compounds", False)
        if language in lang.codes()
        else True,
    )


@dataclass
class GroupPhrase:
    """One group mention before its nationality is settled."""

    start: int
    end: int
    head: str  # English head
    qualifiers: tuple[str, ...]
    state: str | None  # state actor id
    explicit: bool  # nationality from the phrase itself
    name: str | None = None  # a fixed name (followers, camps)
    country: str | None = None
    pro: tuple[str, ...] = ()  # pro-X states and blocs before the head (never the group's own nationality)
    qualified: bool = False  # a qualifier of the lexicon or a state adjective inside the phrase


def dominant_state(kb: KnowledgeBase, hits: list[Hit]) -> str | None:
    """The state with most mentions, when it has at least ``DOMINANT_SHARE`` of them."""
    counts: dict[str, int] = {}
    for h in hits:
        s = state_of(kb, h)
        if s:
            counts[s] = counts.get(s, 0) + 1
    if not counts:
        return None
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] >= DOMINANT_SHARE * sum(counts.values()) else None


Surnames = dict[str, tuple[str, str | None]]


def footnote_split(m: re.Match[str]) -> list[tuple[int, int, str]]:
    """A word match as (start, end, word) tuples, a glued footnote number split off."""
    word = m.group()
    glued = _FOOTNOTED.fullmatch(word) if word[-1].isdigit() else None
    if glued is None or not glued.group(1).islower():
        return [(m.start(), m.end(), m.group())]
    cut = m.start() + len(glued.group(1))
    return [(m.start(), cut, glued.group(1)), (cut, m.end(), glued.group(2))]


def find_groups(
    text: str,
    hits: list[Hit],
    used: set[int],
    kb: KnowledgeBase,
    glex: GroupLexicon,
    determiners: frozenset[str],
    surnames: Surnames,
    adjectives: dict[int, str] | None = None,
) -> list[GroupPhrase]:
    """Group phrases in ``text``; adds the indexes of the state hits they consume to ``used``.

    ``surnames`` maps folded surnames of the document's persons to (English surname, country);
    ``adjectives`` maps the start offsets of the words the parse reads as adjectives or numbers to
    ``ADJ`` or ``NUM``, when there is a parse (an inflected word before a head must be an
    adjective: *kunnen regeringen* is no phrase; a number word may stand there: *vijftig landen*).
    """
    by_start = {h.start: i for i, h in enumerate(hits)}
    hit_at = {}  # char offset -> hit index, for every char covered by a hit
    for i, h in enumerate(hits):
        for p in range(h.start, h.end):
            hit_at[p] = i
    words: list[tuple[int, int, str]] = []
    for found in _WORD.finditer(text):  # only a word ending in a digit may carry a glued footnote number
        words += footnote_split(found) if found.group()[-1].isdigit() else [(found.start(), found.end(), found.group())]
    multi: dict[str, list[str]] = {}  # multi-word heads by first letter, longest first
    for head_words in sorted((k for k in glex.heads if " " in k), key=len, reverse=True):
        multi.setdefault(head_words[:1], []).append(head_words)
    out: list[GroupPhrase] = []
    k = 0
    while k < len(words):
        s, e, w = words[k]
        w = w.rstrip("’'")
        e = s + len(w)
        low = w.lower()
        head = None
        # "business leaders", "armed forces": only heads that start as the word does can match
        for m in multi.get(text[s : s + 1].lower()[:1], ()):
            if text[s : s + len(m)].lower() == m and (s + len(m) == len(text) or not text[s + len(m)].isalnum()):
                head, e = glex.heads[m], s + len(m)
                while k + 1 < len(words) and words[k + 1][0] < e:
                    k += 1
                break
        if head is None and low in glex.heads and (w[:1].islower() or _initial(text, s)) and s not in hit_at:
            head = glex.heads[low]
        if head is not None:
            before = set(used)
            phrase = _phrase(text, words, k, s, e, head, hits, hit_at, used, kb, glex, determiners, adjectives)
            if text[s:e].lower() in glex.qualified and not phrase.qualified:
                used.intersection_update(before)  # too general a head on its own: no group
            else:
                out.append(phrase)
        elif w[:1].islower() and low.endswith(glex.follower_suffixes) and (g := _followers(low, glex, surnames)):
            out.append(GroupPhrase(s, e, "followers", (), None, True, g[0], g[1]))
        elif "-" in low:  # (the first tests of ``_followers`` and ``_camp`` made before calling them)
            camp = _camp(text, s, e, low, glex, hits, by_start, kb, words, k)
            if camp is not None:
                used.add(camp[1])
                out.append(GroupPhrase(s, e, "camp", (f"pro-{camp[0]}",), None, False))
        k += 1
    return out


def _initial(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].strip()
    return not before or before[-1] in '.!?:;\n“”"‘’«»(–-•'


def _followers(low: str, glex: GroupLexicon, surnames: Surnames) -> tuple[str, str | None] | None:
    if not low.endswith(glex.follower_suffixes):
        return None
    for suf in glex.follower_suffixes:
        if low.endswith(suf) and len(low) - len(suf) >= 3:
            stem = fold(low[: -len(suf)])
            for cand in (stem, stem + "e", stem[:-1] if stem.endswith("i") else stem):
                if cand in surnames:
                    name, country = surnames[cand]
                    return f"{name}ists", country
    return None


def _camp(text: str, s: int, e: int, low: str, glex: GroupLexicon, hits: list[Hit], by_start: dict[int, int],
          kb: KnowledgeBase, words: list, k: int) -> tuple[str, int] | None:  # fmt: skip
    """``pro-X`` (X a state adjective) not followed by a group head: (X's English adjective, hit index)."""
    if "-" not in low:
        return None
    for pre in glex.camp_prefixes:
        if low.startswith(pre + "-"):
            i = by_start.get(s + len(pre) + 1)
            if i is None or hits[i].kind != "adj" or kb.actors[hits[i].ids[0]].type != "state":
                return None
            nxt = words[k + 1][2].lower() if k + 1 < len(words) else ""
            if nxt in glex.heads and re.fullmatch(r"[\s’'‘]*", text[e : words[k + 1][0]]):
                return None  # "pro-Russische separatisten": a qualifier of that group
            return kb.demonyms.get(hits[i].ids[0], kb.actors[hits[i].ids[0]].name), i
    return None


def _phrase(
    text: str,
    words: list,
    k: int,
    s: int,
    e: int,
    head: str,
    hits: list[Hit],
    hit_at: dict[int, int],
    used: set[int],
    kb: KnowledgeBase,
    glex: GroupLexicon,
    determiners: frozenset[str],
    adjectives: dict[int, str] | None = None,
) -> GroupPhrase:
    """Walk left from the head over the words of its phrase; read the nationality."""
    start, state = s, None
    quals: list[str] = []
    pros: list[str] = []
    bodies: list[str] = []  # a bloc or body before the head (Western, EU): the group has no nationality
    consumed = []
    j = k - 1
    while j >= 0 and k - j <= 5:
        ws, we, w = words[j]
        if not re.fullmatch(r"[ \u00a0]+", text[we:start]) and text[we:start] != "":
            break
        low = w.lower()
        i = hit_at.get(ws)
        if i is not None and j == k - 1 and hits[i].start < ws and hits[i].end == we and hits[i].kind == "name":
            ws = hits[i].start  # a state's name of several words right before the head
        if i is not None and hits[i].start == ws:
            st = state_of(kb, hits[i])
            h = hits[i]
            compound = h.end < we and text[h.end] == "-"  # NAVO-gezinde
            noun = (
                glex.noun_adjuncts and h.kind in ("name", "abbr") and j == k - 1 and kb.actors[h.ids[0]].type == "state"
            )
            if st and (h.kind == "adj" or compound or noun) and (state is None or st == state):
                state = st
                if not noun:  # a state's name stays a mention of the state as well
                    consumed.append(i)
                start = ws
                j -= 1
                continue
            body = kb.actors[h.ids[0]]
            if state is None and not bodies and body.type != "state" and body.id in kb.demonyms:
                quals.insert(0, kb.demonyms[body.id])  # Western officials, EU diplomats: no nationality
                bodies.append(body.id)
                consumed.append(i)
                start = ws
                j -= 1
                continue
            break
        pro = _pro(low, glex, hits, hit_at, ws, kb)
        if pro is not None:
            quals.insert(0, f"pro-{pro[0]}")
            consumed.append(pro[1])
            pros.append(hits[pro[1]].ids[0])
            start = ws
        elif low in glex.qualifiers:
            quals.insert(0, glex.qualifiers[low])
            start = ws
        elif (
            low in glex.quantifiers
            or low in glex.collectives
            or (low in determiners and low not in lang.union("complementisers"))
            or _NUMBER.fullmatch(w) is not None
        ):
            start = ws
        elif low in lang.union("complement_prepositions") and j > 0 and words[j - 1][2].lower() in glex.collectives:
            start = ws  # "een groep van ..."
        elif (
            w[:1].islower()
            and (
                j == k - 1
                or (adjectives is not None and start == words[j + 1][0] and words[j + 1][2].lower() in glex.qualifiers)
            )
            and low not in lang.union("prepositions")  # *tegen journalisten*: no adjective
            and (
                (adjectives or {}).get(ws) == "NUM"  # *vijftig regeringen*
                or (
                    len(w) > 4
                    and low.endswith(glex.adjective_endings)
                    and (adjectives is None or adjectives.get(ws) == "ADJ")
                )
            )
        ):
            start = ws  # one other adjective before the head or its qualifier (*wrede rechtse dictators*)
        else:
            break
        j -= 1
    explicit = state is not None
    qualified = explicit or len(quals) > len(bodies) + len(pros)
    if state is None:  # "de oppositie in Rusland"
        m = re.match(r"\s+(\w+)\s+", text[e : e + 20])
        if m and m.group(1).lower() in glex.complements:
            i = hit_at.get(e + m.end())
            if i is not None and hits[i].start == e + m.end():
                state = state_of(kb, hits[i])
                explicit = state is not None
    owner = owner_name(text, e, head, glex, kb, hits, hit_at) if state is None else None
    used.update(consumed)
    return GroupPhrase(start, e, head, tuple(quals), state, explicit or bool(bodies), pro=tuple(pros + bodies),
                       qualified=qualified, name=owner)  # fmt: skip


def _pro(low: str, glex: GroupLexicon, hits: list[Hit], hit_at: dict[int, int], ws: int,
         kb: KnowledgeBase) -> tuple[str, int] | None:  # fmt: skip
    for pre in glex.camp_prefixes:
        if low.startswith(pre + "-"):
            i = hit_at.get(ws + len(pre) + 1)
            if i is not None and hits[i].kind == "adj" and kb.actors[hits[i].ids[0]].type == "state":
                return kb.demonyms.get(hits[i].ids[0], kb.actors[hits[i].ids[0]].name), i
    return None


def take_up(text: str, groups: list[GroupPhrase], glex: GroupLexicon, reach: int = 6000) -> None:
    """Definite descriptions that take up a narrower group named before (in place): *de meest
    NAVO-gezinde boeren* after *de veehouders* are those farmers, as *de organisatie* is a
    body named before. The description must open with a definite determiner, name no other
    nationality, not be coordinated with another noun (*de boeren en ambtenaren* are a wider
    set), and the narrower group must be the last one of the broader head's narrower heads named
    within ``reach`` characters before it. Run after ``settle``."""
    for k, g in enumerate(groups):
        narrower = glex.broader.get(g.head)
        first = text[g.start : g.end].split(maxsplit=1)[0].lower() if g.end > g.start else ""
        if not narrower or first not in glex.definite or g.name is None:
            continue
        if re.match(r"\s+(?:en|and|et|und|of|or)\s+\w", text[g.end : g.end + 20]):
            continue
        earlier = [e for e in groups[:k] if e.head in narrower and g.start - e.end <= reach and e.country == g.country]
        if earlier:
            g.name, g.head = earlier[-1].name, earlier[-1].head


def settle(groups: list[GroupPhrase], kb: KnowledgeBase, dominant: str | None) -> None:
    """Give every group its nationality and name (in place)."""
    known: dict[str, set[str]] = {}
    for g in groups:
        if g.explicit and g.state:
            known.setdefault(g.head, set()).add(g.state)
    for g in groups:
        if g.name is not None:
            continue
        if g.state is None and g.head != "followers":
            same = known.get(g.head, set())
            g.state = next(iter(same)) if len(same) == 1 else dominant
            if g.pro:  # "pro-Russian separatists": no default nationality
                g.state = None
        adj = kb.demonyms.get(g.state, "") if g.state else ""
        g.country = kb.actors[g.state].country if g.state else None
        g.name = " ".join(x for x in (adj, *g.qualifiers, g.head) if x)
        g.name = g.name[:1].upper() + g.name[1:]
