"""Subject-verb agreement as a check on the parse of a verb-second main clause.

In a verb-second language (Dutch) the finite verb of a main clause stands second, so a noun
right after it may be the subject (inversion) or the object. When the parser takes a singular
noun after a plural verb for its subject (*Veel landen, zoals X, erkennen Y niet*, parsed with
*Y* as subject and the first noun phrase as the root), agreement says it is the object, and
the subject is the plural phrase before the verb: the noun the verb was hung on as a conjunct
and the bare noun phrases (no preposition) before the verb.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from powermap.extract.events.syntax import AUXILIARY, OBJECT, SUBJECT, conjuncts, dep

#: parts of speech of a noun phrase head
NOMINAL = ("NOUN", "PROPN")


@dataclass(frozen=True)
class Misread:
    """A subject the parse got wrong: ``subject`` is the object, ``fronted`` the real subject."""

    subject: Token
    fronted: list[Token]


def numbers(tok: Token) -> set[str]:
    """Grammatical number of a finite verb: its own, else that of its finite auxiliaries."""
    found = set(tok.morph.get("Number", [])) if "Fin" in tok.morph.get("VerbForm", []) else set()
    for child in tok.children:
        if dep(child) in AUXILIARY and "Fin" in child.morph.get("VerbForm", []):
            found |= set(child.morph.get("Number", []))
    return found


def misread_subject(tok: Token) -> Misread | None:
    """The agreement repair for predicate ``tok`` (see the module docstring), or None."""
    if tok.pos_ not in ("VERB", "AUX") or numbers(tok) != {"Plur"}:
        return None
    own = [c for c in tok.children if dep(c) in SUBJECT]
    if len(own) != 1 or dep(own[0]) != "nsubj":
        return None
    subject = own[0]
    if subject.i < tok.i or subject.pos_ not in NOMINAL or len(conjuncts(subject)) > 1:
        return None
    if "Sing" not in subject.morph.get("Number", []):
        return None
    fronted: list[Token] = []
    head = tok.head
    if dep(tok) == "conj" and head.i < tok.i and head.pos_ in NOMINAL:
        fronted.append(head)  # the first noun phrase, which the parser made the root
    for child in tok.children:
        if child.i < tok.i and dep(child) in OBJECT and child.pos_ in NOMINAL:
            fronted.append(child)  # *maar ook de buurlanden, erkennen*: a second fronted noun
    if not any("Plur" in f.morph.get("Number", []) or f.pos_ == "NOUN" for f in fronted):
        return None
    return Misread(subject, fronted)


def subject_heads(noun: Token) -> list[Token]:
    """The heads of the subject ``noun`` heads: its nominal conjuncts, and when the parser made it
    the root and hung the plural verb on it, the other fronted noun phrases (*Veel landen, ...,
    maar ook de buurlanden, erkennen Y*); never the verb itself."""
    heads = [c for c in conjuncts(noun) if c.pos_ not in ("VERB", "AUX")]
    for child in noun.children:
        if dep(child) == "conj" and (misread := misread_subject(child)) is not None:
            heads += [f for f in misread.fronted if f.i != noun.i]
    return heads
