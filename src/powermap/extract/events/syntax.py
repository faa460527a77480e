"""A label-neutral view of a dependency parse: predicates and their arguments.

Two label sets are read: Universal Dependencies as the Alpino/LassySmall UD treebanks use
it (nsubj, nsubj:pass, obj, iobj, obl + case, obl:agent, compound:prt, expl:pv, aux,
aux:pass, cop, xcomp, ccomp, conj) and the ClearNLP labels of spaCy's English pipelines
(dobj, nsubjpass, dative, prep + pobj, agent, prt, neg, auxpass, attr). Everything above
this module sees only the normalised roles.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet
from functools import cache

from spacy.tokens import Doc, Token

from powermap import lang
from powermap.extract._tokens import token_table
from powermap.extract.events.lexicon import cue_union, get_lexicon

CLEAR_TO_UD = {
    "dobj": "obj",
    "nsubjpass": "nsubj:pass",
    "csubjpass": "csubj:pass",
    "dative": "iobj",
    "prt": "compound:prt",
    "auxpass": "aux:pass",
    "neg": "advmod",
    "relcl": "acl:relcl",
    "poss": "nmod:poss",
    "oprd": "xcomp",
}
SUBJECT = {"nsubj", "nsubj:pass", "csubj", "csubj:pass"}
OBJECT = {"obj", "iobj"}
COMPLEMENT = {"xcomp", "ccomp", "advcl"}
AUXILIARY = {"aux", "aux:pass"}
CLAUSAL = {"acl", "acl:relcl", "advcl", "ccomp", "xcomp", "parataxis", "conj", "csubj", "list"}
NP_SKIP = CLAUSAL | {"cc", "punct", "case", "mark", "det", "cop", "aux", "aux:pass"}
#: every walk over the tree stops after this many steps (parses from other back ends may
#: be degenerate: very deep chains, or heads that loop)
MAX_STEPS = 400


def window_start(tok: Token, sentences: int) -> int:
    """The first token index of the sentence ``sentences`` before ``tok``'s (its own when 0)."""
    doc, first = tok.doc, tok.sent.start
    for _ in range(sentences):
        if first == 0:
            break
        first = doc[first - 1].sent.start
    return first


#: a relation's UD label by its string-store id: ``dep`` is read about 3,000 times per article, and
#: ``token.dep`` (an integer) is cheaper than ``token.dep_`` (a string-store lookup) plus ``lower``
_UD_LABELS: dict[int, str] = {}


def dep(tok: Token) -> str:
    """The token's relation in UD terms (ClearNLP labels mapped)."""
    found = _UD_LABELS.get(tok.dep)
    if found is None:
        found = _UD_LABELS[tok.dep] = ud_label(tok.dep_)
    return found


def ud_label(label: str) -> str:
    """A relation label in UD terms (ClearNLP labels mapped)."""
    label = label.lower()
    return CLEAR_TO_UD.get(label, label)


def base(label: str) -> str:
    return label.split(":")[0]


def conjuncts(tok: Token) -> list[Token]:
    """The token and every token coordinated with it (X, Y en Z), also the second member of a
    correlative pair that the parser hung as a modifier (*zowel X als Y*: ``correlative_marks``)."""
    return _walk(tok, lambda t: [c for c in t.children if dep(c) == "conj"] + correlative(t))


def correlative(tok: Token) -> list[Token]:
    """The second members of *zowel X als Y* when the parser hangs *als Y* on X."""
    if not any(dep(c) in ("cc:preconj", "preconj") for c in tok.children):
        return []
    marks = cue_union("correlative_marks")
    return [
        c
        for c in tok.children
        if dep(c) in ("nmod", "obl", "appos")
        and any(dep(g) in ("mark", "case") and g.lower_ in marks for g in c.children)
    ]


def governors(
    tok: Token, labels: set[str] | None = None, through: Callable[[Token], bool] | None = None
) -> Iterator[Token]:
    """The tokens above ``tok``, nearest first, climbing only while the relation of the
    token climbed from is in ``labels`` (always when None) or, above ``tok``, the token is
    one ``through`` lets pass whatever its relation. Cycle-safe and bounded."""
    seen = {tok.i}
    cur = tok
    for _ in range(MAX_STEPS):
        passes = through is not None and cur is not tok and through(cur)
        if labels is not None and dep(cur) not in labels and not passes:
            return
        head = cur.head
        if head.i in seen:
            return
        seen.add(head.i)
        yield head
        cur = head


def _walk(tok: Token, step) -> list[Token]:
    """``tok`` and every token reachable by ``step`` (depth first, each once, bounded)."""
    out: list[Token] = []
    seen: set[int] = set()
    stack = [tok]
    while stack and len(out) < MAX_STEPS:
        cur = stack.pop()
        if cur.i in seen:
            continue
        seen.add(cur.i)
        out.append(cur)
        stack.extend(reversed(step(cur)))
    return out


def subtree(tok: Token) -> list[Token]:
    """``tok`` and its dependents, recursively: spaCy's ``Token.subtree`` without its trust in
    the tree (a head cycle from another back end cannot hang or crash it)."""
    return _walk(tok, lambda t: list(t.children))


@cache
def temporal_words() -> frozenset[str]:
    """Weekday names and one-word relative dates (*vandaag*) of every language's ``dates.yaml``
    (not month names: *May* is also a name)."""
    out: set[str] = set()
    for code in sorted(lang.codes()):
        found = lang.data(code, "dates") or {}
        for key in ("weekdays", "relative"):
            out |= {str(w).lower() for w in found.get(key) or {} if " " not in str(w)}
    return frozenset(out)


@cache
def language_words(code: str, name: str) -> frozenset[str]:
    """A word list of ``lang/<code>/words.yaml`` (empty for a language without the list)."""
    if code not in lang.codes() or not lang.get(code).has(name):
        return frozenset()
    return lang.get(code).words(name)


def _nominal_subjects(tok: Token) -> list[Token]:
    """The ``nsubj`` dependents, less a day word the parser took for a second subject
    (*Dinsdag had X een ontmoeting*: *Dinsdag* is when, X the subject)."""
    nominal = [c for c in tok.children if dep(c) == "nsubj"]
    if len(nominal) > 1 and nominal[0].lower_ in temporal_words() and not list(nominal[0].children):
        return nominal[1:]
    return nominal


def subjects(tok: Token) -> list[Token]:
    """The predicate's subject: a clause has one, so of several nominal subjects the parser
    attached (*Polen zou Oekraïne wapens leveren*, both ``nsubj``) only the first counts; the
    others are ``stray_subjects``; a bare time word taken for the first is none."""
    nominal = _nominal_subjects(tok)
    own = [c for c in tok.children if dep(c) in SUBJECT and (dep(c) != "nsubj" or c in nominal[:1])]
    if own:
        return own
    # a subject the parser hung on one of the predicate's auxiliaries (*X has been encouraging*)
    return [s for a in tok.children if dep(a) in AUXILIARY for s in a.children if dep(s) in SUBJECT][:1]


def stray_subjects(tok: Token) -> list[Token]:
    """Nominal subjects after the first one (a misparse; mostly an indirect object)."""
    return _nominal_subjects(tok)[1:]


def is_passive(tok: Token) -> bool:
    return any(dep(c) in ("aux:pass", "nsubj:pass", "csubj:pass") for c in tok.children)


def is_participle_modifier(tok: Token) -> bool:
    """A past participle modifying a noun (*de geplande oefeningen*, *the proposed route*, *the
    government backed by X*): a passive whose noun undergoes the act; only an agent phrase acts."""
    morph = tok.morph
    if dep(tok) not in ("amod", "acl") or "Part" not in morph.get("VerbForm", []) or tok.head.i == tok.i:
        return False
    form, lemma = tok.lower_, (tok.lemma_ or "").lower()
    present = language_words(tok.doc.lang_, "present_participle_endings")  # infinitive + *d(e)*: *dreigende*
    if "Pres" in morph.get("Tense", []) or (lemma and form.startswith(lemma) and form[len(lemma) :] in present):
        return False  # a present participle is active: *de dreigende heffingen* threaten
    # where particles are prefixed (Dutch), a particle not followed by *ge* is a finite verb tagged
    # as a participle (*aanspoorde*; the participle is *aangespoorde*)
    cues = get_lexicon(tok.doc.lang_)
    if cues.cues.get("particle_prefix") and any(
        form.startswith(p) and not form[len(p) :].startswith("ge") for p in cues.cue_set("separable_particles")
    ):
        return False
    return tok.head.pos_ in ("NOUN", "PROPN")


def prepositional(tok: Token) -> Iterator[tuple[str, str, Token]]:
    """(relation, preposition lemma, noun) for the token's prepositional dependents."""
    for child in tok.children:
        label = dep(child)
        if label == "prep":
            for pobj in child.children:
                if dep(pobj) in ("pobj", "pcomp"):
                    yield "obl", child.lower_, pobj
        elif label == "agent":
            for pobj in child.children:
                if dep(pobj) == "pobj":
                    yield "obl:agent", child.lower_, pobj
        elif base(label) in ("obl", "nmod") and label != "nmod:poss":
            case = [c.lower_ for c in child.children if dep(c) == "case"]
            yield label, (case[0] if case else ""), child


def agents(tok: Token, agent_preps: AbstractSet[str]) -> list[Token]:
    return [noun for label, prep, noun in prepositional(tok) if label == "obl:agent" or prep in agent_preps]


def is_predicate(tok: Token) -> bool:
    """Verbs heading a clause, and nominal or adjectival predicates with a copula."""
    pos = tok.pos_
    if pos == "VERB":
        return True
    if pos == "AUX":
        return dep(tok) not in ("aux", "aux:pass", "cop")
    return tok.i in copula_heads(tok.doc)


def copula_heads(doc: Doc) -> frozenset[int]:
    """The tokens with a ``cop`` child (``any(dep(c) == "cop" for c in tok.children)``), found
    once per Doc from its few copulas instead of by walking every token's children."""
    table = token_table(doc)
    found = table.derived.get("copula_heads")
    if found is None:
        labels = {label for label in set(table.dep_ids) if ud_label(doc.vocab.strings[label]) == "cop"}
        copulas = [doc[i] for i, label in enumerate(table.dep_ids) if label in labels]
        found = table.derived["copula_heads"] = frozenset(
            c.head.i for c in copulas if any(child.i == c.i for child in c.head.children)
        )
    return found


def clause_words(tok: Token) -> Iterator[Token]:
    """The predicate's own dependents, recursively, without subjects and nested clauses."""
    for child in tok.children:
        label = dep(child)
        if label in SUBJECT or label in CLAUSAL or label == "punct":
            continue
        yield from _walk(child, _np_children)


def np_words(tok: Token) -> Iterator[Token]:
    yield from _walk(tok, _np_children)[1:]


def _np_children(tok: Token) -> list[Token]:
    return [c for c in tok.children if dep(c) not in CLAUSAL and dep(c) != "punct"]


#: a noun's modifiers that are prepositional phrases (UD ``nmod``; ClearNLP ``prep`` heads its
#: object): only the head's own owner phrase (*of, van*) belongs to the noun phrase's referent
PHRASES = {"nmod", "prep"}


def np_tokens_by_distance(tok: Token) -> list[Token]:
    """The tokens of the noun phrase headed by ``tok`` (no clauses, no conjuncts), nearest first.
    Only the head's own ``van``/``of`` complement is part of it (*de regering van Armenië*);
    deeper modifiers name other things (*een daling van de uitvoer naar X*)."""

    def step(t: Token) -> list[Token]:
        return [c for c in t.children if dep(c) not in NP_SKIP and (base(dep(c)) not in PHRASES or owner(t, c))]

    def owner(t: Token, c: Token) -> bool:
        owners = cue_union("owner_preps")  # de regering van X: the head's own complement names its owner
        if dep(c) == "prep":  # ClearNLP: the preposition heads its object (*the deal between X and Y*)
            return t.i == tok.i and c.lower_ in owners
        return t.i == tok.i and (dep(c) == "nmod:poss" or any(x.lower_ in owners for x in c.children))

    out = _walk(tok, step)
    return sorted(out, key=lambda t: abs(t.i - tok.i))
