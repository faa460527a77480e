"""Reported speech read from the dependency parse: a cue verb, its clause and its subject.

Works on the UD-style trees of both back ends (our Dutch pipeline: ``nsubj``, ``ccomp``,
``obl:agent``, ``compound:prt``; spaCy's English models: ``nsubj``, ``ccomp``, ``agent``,
``dobj``/``xcomp``). For every verb of saying (``speech_verbs.tsv``, matched on form or
lemma, its particle present in the clause) it yields:

- the complement clause (``ccomp``): *X zei dat ...*, *X said (that) ...*, *..., X added*;
- an object with an infinitive (``obj`` + ``xcomp``): *X urged Y to ...*, *X called on Y to ...*;
- the clause a cue is inserted after (``parataxis``): *…, zegt X, een …*;
- the speaker's own infinitive clause (``xcomp`` with *te*/*to*): *X zegt open te staan voor ...*;

with the speaker span: the verb's own subject, else the agent of a passive, else (for a
verb that hangs off another one: *..., saying that ...*, *X zei ... en voegde toe dat ...*)
the subject of the verb it hangs off. The stage resolves that span to an actor.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from powermap.extract._tokens import token_table
from powermap.extract.quotes.lexicon import QuoteLexicon
from powermap.extract.quotes.marks import MarkedQuote

_SUBJECT = ("nsubj",)
_AGENT = ("agent", "obl:agent")
_CLAUSE = ("ccomp",)
_OBJECT = ("dobj", "obj", "pobj")
_PARTICLE = ("prt", "compound:prt")
_POSSESSOR = ("poss", "nmod:poss")
_INHERIT = ("conj", "advcl", "xcomp", "acl")  # a verb that may take its subject from its head
_RELATIVE_CLAUSE = ("relcl", "acl:relcl")
_NOMINAL = ("NOUN", "PROPN")


@dataclass(frozen=True)
class ReportedClause:
    """A reported clause: character spans of the cue verb, the content and the speaker."""

    cue: str
    cue_start: int
    content_start: int
    content_end: int
    speaker_start: int | None
    speaker_end: int | None
    speaker_head: int | None  # character offset of the subject's head word
    speaker_possessed: bool  # the head has a possessor (*X's spokesperson*): X is not the speaker
    speaker_proper: bool  # the head is a proper name
    speaker_pronoun: bool  # the head is a pronoun
    speaker_common: bool = False  # the head is a common noun (the embassy, lokale media)
    speaker_plural: bool = False  # the head is plural
    object_start: int = -1  # the verb's object (*calling the deal "null and void"*), when it has no clause
    object_end: int = -1
    prepositional: bool = False  # the content is a prepositional object (*called for X*), not a clause
    speaker_inherited: bool = False  # the subject is the one of a verb the cue hangs off (*om te stellen*)

    @property
    def has_content(self) -> bool:
        return self.content_end > self.content_start >= 0


def reported_clauses(doc: Doc, lex: QuoteLexicon) -> Iterator[ReportedClause]:
    """Every verb of saying in ``doc`` with its subject and (where the parse shows one) the
    clause it reports; ``content_start == content_end == -1`` when there is none."""
    for tok in doc:
        if tok.pos_ not in ("VERB", "AUX") or not _is_cue(tok, lex):
            continue
        content = _content(tok, lex)
        prepositional = content is None and (content := _prepositional_object(tok, lex)) is not None
        start, end = content or (-1, -1)
        if start <= tok.idx < end and tok.dep_ != "parataxis":
            start = end = -1  # the cue sits inside what would be its own content
        clause = clause_of(tok, start, end)
        yield replace(clause, prepositional=True) if prepositional else clause


def colon_clause(doc: Doc, colon: int) -> ReportedClause | None:
    """The clause a colon at offset ``colon`` ends (*X gave his account: “…”*), with the
    subject of its verb, or None when the parse shows no verb with a subject there."""
    tok = next((t for t in doc if t.idx == colon and t.text == ":"), None)
    if tok is None or tok.head.pos_ not in ("VERB", "AUX") or tok.head.i > tok.i:
        return None
    clause = clause_of(tok.head, -1, -1)
    return clause if clause.speaker_start is not None else None


def clause_of(tok: Token, start: int, end: int) -> ReportedClause:
    """The verb ``tok`` with its subject, reporting ``start``-``end`` (-1 for nothing)."""
    subject = _speaker_span(tok)
    head = subject.root if subject is not None else None
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj") and c.i > tok.i), None)
    return ReportedClause(
        cue=" ... ".join([tok.text, *particle_words(tok)]),
        cue_start=tok.idx,
        content_start=start,
        content_end=end,
        speaker_start=subject.start_char if subject is not None else None,
        speaker_end=subject.end_char if subject is not None else None,
        speaker_head=head.idx if head is not None else None,
        speaker_possessed=head is not None and any(c.dep_ in _POSSESSOR for c in head.children),
        speaker_proper=head is not None and head.pos_ == "PROPN",
        speaker_pronoun=head is not None and head.pos_ == "PRON",
        speaker_common=head is not None and head.pos_ == "NOUN",
        speaker_plural=head is not None and "Plur" in head.morph.get("Number", []),
        speaker_inherited=head is not None and tok not in (head.head, head.head.head),
        object_start=obj.left_edge.idx if obj is not None and start < 0 else -1,
        object_end=obj.idx + len(obj) if obj is not None and start < 0 else -1,
    )


def _is_cue(tok: Token, lex: QuoteLexicon) -> bool:
    """Whether ``tok`` is a verb of saying: a listed form with its particles in the
    sentence, or (for words the list has only in other forms) its lemma."""
    verbs, by_lemma = lex.verbs.get(tok.lower_, ()), lex.lemmas.get(tok.lemma_.lower(), ())
    if not verbs and not by_lemma:
        return False  # neither a listed form nor a listed lemma (most verbs): nothing below can hold
    own = set(particle_words(tok, lower=True))
    for verb in verbs:  # the sentence's words are read only for a cue with particles
        if own <= set(verb.particle) and all(p in token_table(tok.doc).sentence_words(tok.i) for p in verb.particle):
            return True
    return not own and any(not v.particle for v in by_lemma)


def other_verb(tok: Token, particle: tuple[str, ...]) -> bool:
    """Whether ``tok`` has a separated particle that its cue entry does not list, which makes
    it another verb (*klaagt ... aan*, to sue, is no *klaagt*, to complain)."""
    return not set(particle_words(tok, lower=True)) <= set(particle)


def _content(verb: Token, lex: QuoteLexicon) -> tuple[int, int] | None:
    """Character span of what ``verb`` reports, or None."""
    children = list(verb.children)
    if verb.dep_ == "parataxis" and any(c.dep_ in _SUBJECT for c in children):
        host = verb.head
        if _inside_clause(verb, host):
            # a cue inside its clause (The museum, he said, would ...): the whole clause, the
            # cue between its parts included, so that the quote is one stretch
            return _trimmed(verb.doc[host.left_edge.i : _clause_end(host, lex) + 1])
        first = min(t.i for t in verb.subtree if not t.is_punct)
        if host.i < verb.i and first > 0 and verb.doc[first - 1].text == ",":
            # a cue after its clause (…, zegt X, een …): the clause it is inserted in, up to the
            # cue; not a clause before a semicolon (*It is unlikely; her team says ...*)
            return _trimmed(verb.doc[host.left_edge.i : verb.left_edge.i])
    clauses = [c for c in children if c.dep_ in _CLAUSE]
    # the clause after the cue, else one before it (*..., X added*) but not across a semicolon
    before = [c for c in clauses if c.i < verb.i and not any(t.text in ";:" for t in verb.doc[c.i : verb.i])]
    clause = next((c for c in clauses if c.i > verb.i), None) or next(iter(before), None)
    if clause is not None:
        return _trimmed(verb.doc[clause.left_edge.i : _clause_end(clause, lex) + 1])
    obj = next((c for c in children if c.dep_ in _OBJECT and c.i > verb.i), None)
    if obj is None:  # called on Y to ...: the object sits under the particle-like preposition
        for prep in (c for c in children if c.dep_ == "prep" and c.i == verb.i + 1):
            obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    infinitive = next((c for c in children if c.dep_ == "xcomp" and c.i > verb.i), None)
    if infinitive is None:
        return None
    last = _before_coordinated_verb(infinitive)
    if obj is not None and obj.i < infinitive.i:
        return _trimmed(verb.doc[obj.left_edge.i : last + 1])
    if obj is None and any(c.dep_ in ("mark", "aux") and c.i < infinitive.i for c in infinitive.children):
        # X zegt open te staan voor ... / X promised to ...: the subject's own infinitive clause
        return _trimmed(verb.doc[max(infinitive.left_edge.i, verb.i + 1) : last + 1])
    return None


def _clause_end(head: Token, lex: QuoteLexicon) -> int:
    """The last token of the reported clause headed by ``head``: its right edge, cut before a
    semicolon, before a coordinated report with a subject of its own (*that the reforms were
    incomplete, and rights groups warned ...*: the rights groups said no such thing) or before
    a concession set off by a comma (*..., although the polls disagree*)."""
    doc = head.doc
    last = head.right_edge.i
    for tok in doc[head.i + 1 : last + 1]:
        if tok.text == ";" and tok.head.i in (head.i, *(c.i for c in head.children)):
            last = min(last, tok.i - 1)
    for child in head.children:
        if (
            child.dep_ == "conj"
            and child.i > head.i
            and any(g.dep_ in ("nsubj", "nsubjpass") for g in child.children)
            and _is_cue(child, lex)
            and not any(g.dep_ == "mark" for g in child.children)  # and that ...: the same report goes on
        ):
            last = min(last, child.left_edge.i - 1)
        if child.dep_ == "conj" and child.i > head.i and _is_cue(child, lex) and _past(child) and not _past(head):
            # would order a review and warned against ...: a finite past verb cannot join the
            # clause's non-past verb, so it is the speaker's own second act
            last = min(last, child.left_edge.i - 1)
        conceding = child.dep_ == "advcl" and any(
            g.dep_ == "mark" and lex.markers.get(g.lower_) == "concessive" for g in child.children
        )
        if conceding and child.left_edge.i > head.i and doc[child.left_edge.i - 1].text == ",":
            last = min(last, child.left_edge.i - 1)  # ..., although ...: the author's aside
    while last > head.i and (doc[last].dep_ == "cc" or doc[last].is_punct):
        last -= 1
    return last


def _past(verb: Token) -> bool:
    """Whether ``verb`` is a finite verb in the past tense (warned, not would warn or had warned)."""
    return "Fin" in verb.morph.get("VerbForm", []) and "Past" in verb.morph.get("Tense", [])


def _inside_clause(verb: Token, host: Token) -> bool:
    """Whether the cue ``verb`` is set off by commas inside its host clause: a comma before
    it, another after it, and the host's own words on both sides (*X, he said, would ...*)."""
    doc = verb.doc
    words = [t.i for t in verb.subtree if not t.is_punct]
    first, last = min(words), max(words)
    if first == 0 or doc[first - 1].text != "," or last + 1 >= len(doc) or doc[last + 1].text != ",":
        return False
    before = [t for t in doc[host.left_edge.i : first - 1] if not t.is_punct and t.dep_ not in ("cc", "mark")]
    after = [t for t in doc[last + 2 : host.right_edge.i + 1] if not t.is_punct]
    return bool(before) and len(after) >= 2  # not *Maar, zo vertelt X, ...*: a conjunction only


def _prepositional_object(verb: Token, lex: QuoteLexicon) -> tuple[int, int] | None:
    """What a verb of saying asks for or warns against when its object is governed by a
    preposition the lexicon lists for it (``speech_objects.tsv``: *X called for a ceasefire*,
    *X waarschuwde voor een crisis*): the preposition's object, without the preposition."""
    lemmas = {verb.lemma_.lower()} | {v.lemma.lower() for v in lex.verbs.get(verb.lower_, ())}
    preps = set().union(*(lex.objects.get(lemma, frozenset()) for lemma in lemmas))
    if not preps or any(c.dep_ in _CLAUSE for c in verb.children):
        return None
    doc = verb.doc
    for child in verb.children:
        if child.i < verb.i:
            continue
        if child.dep_ == "prep" and child.lower_ in preps:  # English: prep -> pobj
            target = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
            if target is not None:
                return _trimmed(doc[child.i + 1 : target.right_edge.i + 1])
        case = next((g for g in child.children if g.dep_ == "case" and g.lower_ in preps), None)
        if child.dep_.startswith("obl") and case is not None:  # UD: obl with its case marker
            return _trimmed(doc[case.i + 1 : child.right_edge.i + 1])
    return None


def _before_coordinated_verb(infinitive: Token) -> int:
    """The last token of an infinitive clause, before a verb coordinated with it (*urged Y to
    reconsider and spoke with Z*: the speaker's own next action, not what Y was urged to do)."""
    last = infinitive.right_edge.i
    for child in infinitive.children:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and child.i > infinitive.i:
            last = min(last, child.left_edge.i - 1)
    doc = infinitive.doc
    while last > infinitive.i and (doc[last].dep_ == "cc" or doc[last].is_punct):
        last -= 1
    return last


def _trimmed(span: Span) -> tuple[int, int] | None:
    """The span without a leading complementizer and outer punctuation; None when empty."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].dep_ == "mark" or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end - start < 2:
        return None
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def _speaker_span(verb: Token) -> Span | None:
    """The subject (or passive agent) of ``verb`` or of the verb it hangs off; a finite past
    cue with no subject, joined to the verb of a complement clause that is not past, takes the
    subject of the verb that governs the clause."""
    current = verb
    own = any(c.dep_ in _SUBJECT for c in verb.children)
    if verb.dep_ == "conj" and not own and _past(verb) and not _past(verb.head) and verb.head.dep_ == "ccomp":
        current = verb.head.head
    for _ in range(3):
        for child in current.children:
            if child.dep_ in _SUBJECT:
                if _personal_relative(child) and current.dep_ in _RELATIVE_CLAUSE and current.head.pos_ in _NOMINAL:
                    return _noun_phrase(_named_apposition(current.head))  # X, who said ...: X
                return _noun_phrase(_named_apposition(child))
            if child.dep_ in _AGENT:
                inner = next((g for g in child.children if g.dep_ in ("pobj",)), child)
                return _noun_phrase(inner)
        if current.dep_ == "acl" and current.tag_ == "VBG" and current.head.pos_ in _NOMINAL:
            phrase = _noun_phrase(current.head)  # officials saying ...: the officials
            return phrase.doc[phrase.start : min(phrase.end, current.left_edge.i)]
        if current.dep_ not in _INHERIT or current.head is current:
            return None
        current = current.head
    return None


def _personal_relative(tok: Token) -> bool:
    """Whether ``tok`` is a relative pronoun that stands for someone: *who* (tag ``WP``), or
    any relative pronoun (``PronType=Rel``) after a proper name (*de bond, die zei*); not
    *a statement which said*, where the writer of the statement speaks."""
    if tok.tag_ == "WP":
        return True
    return "Rel" in tok.morph.get("PronType", []) and tok.head.head.pos_ == "PROPN"


def _named_apposition(head: Token) -> Token:
    """The name in apposition to a common-noun subject (*X's spokesperson, Jane Doe, said*:
    Jane Doe), else the subject itself."""
    if head.pos_ != "NOUN":
        return head
    doc = head.doc
    for name in head.children:  # set off by a comma: not *de hoogleraar Rusland* (of Russia)
        if name.dep_ == "appos" and name.pos_ == "PROPN" and any(t.text == "," for t in doc[head.i : name.left_edge.i]):
            return name
    return head


def _noun_phrase(head: Token) -> Span:
    """The subject's phrase, cut before a relative clause or apposition after a comma."""
    doc = head.doc
    end = head.right_edge.i + 1
    for i in range(head.i + 1, end):
        if doc[i].text == ",":
            end = i
            break
    for child in head.children:  # X who said ...: the phrase ends before its relative clause
        if child.dep_ in _RELATIVE_CLAUSE and child.i > head.i:
            end = min(end, child.left_edge.i)
    return doc[head.left_edge.i : end]


def particle_words(verb: Token, lower: bool = False) -> list[str]:
    """The separated particles of ``verb`` (for the cue text)."""
    return [c.lower_ if lower else c.text for c in verb.children if c.dep_ in _PARTICLE]


@dataclass(frozen=True)
class Phrase:
    """A noun phrase the parse shows: its character span, its head's offset and kind."""

    start: int
    end: int
    head: int
    common: bool  # headed by a common noun
    plural: bool


def governed_phrase(doc: Doc, char: int, words: int) -> Phrase | None:
    """The noun phrase governed by the preposition of ``words`` words at ``char``
    (*volgens de Amerikaanse justitie*, *according to local media*), or None."""
    first = next((t for t in doc if t.idx == char), None)
    if first is None or first.i + words > len(doc):
        return None
    last = doc[first.i + words - 1]
    noun = None
    for tok in (first, last):
        if tok.dep_ == "case" and tok.head.i > tok.i:
            noun = tok.head
        for child in tok.children:
            if child.dep_ == "pobj":
                noun = child
    if noun is None or noun.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    phrase = _noun_phrase(noun)
    start = max(phrase.start, last.i + 1)
    if start >= phrase.end:
        return None
    return Phrase(
        doc[start].idx,
        phrase.end_char,
        noun.idx,
        noun.pos_ == "NOUN",
        "Plur" in noun.morph.get("Number", []),
    )


def object_predicate(text: str, clause: ReportedClause, at: int, markers: dict[str, str]) -> bool:
    """Whether a quote opening at ``at`` is the predicate of the cue's object: right after it
    or after a determiner or predicate marker (*called the plan a "disaster"*, *as "Y"*)."""
    if not 0 <= clause.object_start < at:
        return False
    gap = text[clause.object_end : at].split()
    kinds = ("determiner", "predicate")
    return at <= clause.object_end + 2 or (len(gap) <= 2 and all(markers.get(w.lower()) in kinds for w in gap))


def listed_quotes_end(
    text: str, quotes: Sequence[MarkedQuote], first: MarkedQuote, clause: ReportedClause, markers: dict[str, str]
) -> int:
    """The end of the list of quoted predicates of the cue's object that opens with ``first``
    (*a "liar," a "cheat" and "unfit"*): quotes joined by commas, conjunctions and determiners,
    in one line; only ``first`` when a sentence ends between the object and it."""
    end = first.close
    if any(c in ".!?" for c in text[clause.object_end : first.open]):
        return end
    for q in sorted((q for q in quotes if q.open >= end), key=lambda q: q.open):
        between = text[end : q.open]
        words = between.replace(",", " ").split()
        if "\n" in between or not between.strip():
            break
        if any(markers.get(w.lower()) not in ("conjunction", "determiner") for w in words):
            break
        end = q.close
    return end
