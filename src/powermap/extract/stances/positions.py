"""Predicates that state a position and the position they state.

A position is what a holder argues for or against: the object or complement of a stance verb
(*pleit voor een snelle oplossing*), the complement of an evaluative noun (*kritiek op de
heffingen*), the content of what a speaker says. Its label is a short phrase of the text (the
phrase's head with its modifiers, without subordinate clauses), never an event code's name.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from powermap.extract._tokens import token_table
from powermap.extract.events.syntax import dep

#: dependents that carry what a predicate is about, in order of preference
ABOUT = ("obj", "obl", "xcomp", "ccomp", "nsubj:pass")
#: dependents cut from a label: clauses inside the phrase, appositions, parentheticals
CUT = {"acl", "acl:relcl", "advcl", "parataxis", "appos", "punct", "mark", "cc", "conj", "dep", "discourse"}
MAX_WORDS = 8


def verb_forms(tok: Token, lexicon) -> frozenset[str]:
    """Lemma candidates of a predicate: its form, the parser's lemma, with a separable particle
    (*roept ... op*: *oproepen*; *calls for*: *call for*), and for verbs of a Dutch-like language
    the infinitives the form may come from (parser lemma errors: *benadrukt*, *gepromoot*).
    Read once per token and language (the stage asks for the same verbs several times)."""
    known = token_table(tok.doc).derived.setdefault("verb_forms", {})
    key = (tok.i, lexicon.language)
    found = known.get(key)
    if found is None:
        found = known[key] = frozenset(tree_verb_forms(tok, lexicon))
    return found


def tree_verb_forms(tok: Token, lexicon) -> set[str]:
    """``verb_forms`` read from the token and its dependents."""
    from powermap.extract.events.fallback import verb_candidates

    forms = {tok.lower_, (tok.lemma_ or "").lower()}
    if lexicon.compound_suffix and tok.pos_ in ("VERB", "AUX"):
        forms |= set(verb_candidates(tok.text, lexicon.language))
    lemmas = list(forms)
    for child in tok.children:
        if child.dep_ == "compound:prt":  # separable particle: spreekt ... uit, backs down
            forms |= {child.lower_ + f for f in lemmas} | {f"{f} {child.lower_}" for f in lemmas}
        elif argument(child) in ("obl", "xcomp", "ccomp", "obj"):  # prepositional verb: calls for, pleit voor
            for case in child.children:
                if case.dep_ in ("case", "mark") and case.i < child.i:
                    forms |= {f"{f} {case.lower_}" for f in lemmas}
        elif child.dep_ == "prep" and object_of(child) is not None:  # ClearNLP: the preposition heads
            forms |= {f"{f} {child.lower_}" for f in lemmas}
    return forms


def role(tok: Token) -> str:
    """A token's relation without its subtype (*obl:agent*: *obl*)."""
    return dep(tok).split(":")[0]


def argument(tok: Token) -> str:
    """A token's relation, a prepositional object the parser marks as an argument read as
    any oblique (*pleit voor X*: ``obl:arg``); agents and time phrases keep their subtype."""
    label = dep(tok)
    return "obl" if label == "obl:arg" else label


def object_of(prep: Token) -> Token | None:
    """The object of a preposition that heads its phrase (ClearNLP ``prep`` -> ``pobj``/``pcomp``)."""
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)


def label_of(tok: Token) -> str | None:
    """A short phrase for what ``tok`` heads: its subtree without subordinate clauses,
    coordinated phrases and punctuation, without a leading case word, complementiser or
    determiner (*pleit voor een snelle oplossing*: "snelle oplossing"),
    at most ``MAX_WORDS`` words; None when nothing with a content word is left."""
    if tok.pos_ == "PRON" and dep(tok.head) == "acl:relcl":  # *die X steunt*: the noun it stands for
        tok = tok.head.head
    words: list[Token] = []

    def walk(t: Token) -> None:
        for c in t.lefts:
            if dep(c) not in CUT:
                walk(c)
        words.append(t)
        for c in t.rights:
            if dep(c) not in CUT:
                walk(c)

    walk(tok)
    while words and (words[0].dep_ in ("case", "mark", "det") or words[0].is_punct):
        words.pop(0)
    words = words[:MAX_WORDS]
    if not any(w.pos_ in ("NOUN", "PROPN", "VERB", "ADJ") for w in words):
        return None
    return " ".join(w.text for w in words).lower()


def about(tok: Token) -> Token | None:
    """What the predicate ``tok`` is about: its first object-like dependent (see ``ABOUT``)."""
    for wanted in ABOUT:
        for child in tok.children:
            if argument(child) == wanted:
                return child
            if wanted == "obl" and child.dep_ == "prep" and (target := object_of(child)) is not None:
                return target
    return None


def position_label(tok: Token) -> str | None:
    """The position a predicate ``tok`` states: the label of what it is about."""
    target = about(tok)
    return label_of(target) if target is not None else None


class PositionPredicates:
    """Predicates by which a subject takes a position on a concept named in its sentence:
    speech verbs and the stance cues (*zeggen, pleiten, verdedigen, veroordelen*). Event
    predicates are not among them: an event already yields its source's stance, and being a
    member or meeting someone (*zijn lid van*) is no position on a concept.

    Args:
        words (set[str]): speech verbs and stance cue lemmas.
        lexicon (EventLexicon): the language's verb morphology (lemma candidates).
    """

    def __init__(self, words: set[str], lexicon) -> None:
        self.words = words
        self.lexicon = lexicon

    def __call__(self, tok) -> bool:
        return bool(verb_forms(tok, self.lexicon) & self.words)


class StanceVerbs:
    """Verbs by which a subject takes a position, with their polarity: the language's stance
    cues that are verbs (a token the tagger calls a verb; separable particles and a
    prepositional verb's preposition attached: *roept op*, *calls for*), and a light verb whose
    object is an evaluative noun (*uit kritiek*, *biedt weerstand*, *expressed support*).

    Args:
        agree (set[str]): agree cue lemmas.
        disagree (set[str]): disagree cue lemmas.
        lexicon (EventLexicon): gives the language and its verb morphology.
        holder_cases (set[str]): prepositions of an evaluative noun's holder phrase (*van*).
        receiving (set[str]): verbs whose subject receives an evaluation (*krijgen*).
        causing (set[str]): verbs whose subject causes an evaluation in others (*leidt tot
            ongerustheid bij X*, *sparked anger among X*): X holds it, on the subject.
    """

    def __init__(
        self,
        agree: set[str],
        disagree: set[str],
        lexicon,
        holder_cases: set[str] | frozenset[str] = frozenset(),
        receiving: set[str] | frozenset[str] = frozenset(),
        causing: set[str] | frozenset[str] = frozenset(),
    ) -> None:
        self.agree = agree
        self.disagree = disagree
        self.lexicon = lexicon
        self.holder_cases = holder_cases
        self.receiving = receiving
        self.causing = causing

    def candidates(self, sent: Span) -> list[Token]:
        """The tokens of ``sent`` that can be a stance verb (``__call__``: a verb) or an evaluative
        word (``noun``: a noun or adjective that is a cue), read from the token table: no other
        token yields a position."""
        table, doc = token_table(sent.doc), sent.doc
        tags, lowers, lemmas, cues = table.pos, table.lower, table.lemmas, self.agree | self.disagree
        return [
            doc[i]
            for i in range(sent.start, sent.end)
            if tags[i] == "VERB" or (tags[i] in ("NOUN", "ADJ") and (lowers[i] in cues or lemmas[i].lower() in cues))
        ]

    def agent(self, tok: Token) -> bool:
        """Whether a noun's dependent is its holder phrase (*kritiek van X*, *support from X*)."""
        return dep(tok) == "nmod:poss" or any(c.dep_ == "case" and c.lower_ in self.holder_cases for c in tok.children)

    def holders(self, tok: Token) -> list[Token]:
        """The heads of a noun's holder phrases (*kritiek van X*; ClearNLP: *anger among X*,
        where the preposition heads the phrase)."""
        out = [c for c in tok.children if self.agent(c)]
        out += [o for c in tok.children if c.dep_ == "prep" and c.lower_ in self.holder_cases and (o := object_of(c))]
        return out

    def harms(self, tok) -> bool:
        """Whether a word of a complement clause is a disagree cue (*gevaar, bestrijden*)."""
        return tok.dep_ != "case" and bool({tok.lower_, (tok.lemma_ or "").lower()} & self.disagree)

    def noun(self, tok) -> bool | None:
        """The polarity of an evaluative noun or adjective (*steun, kritiek, sceptisch*), None
        for other words."""
        if tok.pos_ not in ("NOUN", "ADJ"):
            return None
        forms = {tok.lower_, (tok.lemma_ or "").lower()}
        if forms & self.disagree:
            return False
        if forms & self.agree:
            return True
        return None

    def __call__(self, tok) -> bool | None:
        """True (agree), False (disagree) or None (no stance verb)."""
        if tok.pos_ != "VERB":
            return None
        forms = verb_forms(tok, self.lexicon)
        if forms & self.disagree:
            return False
        if forms & self.agree:
            return True
        return None

    def judged(self, predicate: Token) -> Token | None:
        """What a light verb's evaluative object judges (*levert kritiek op X*, *expressed support
        for X*: X): the noun's own complement (not its holder phrase), else the subject of a verb
        of receiving or causing (*X faced criticism*), else the predicate's oblique; None when
        the object is no evaluative noun."""
        obj = next((c for c in predicate.children if dep(c) == "obj"), None)
        if obj is None or self.noun(obj) is None:
            return None
        own = next((c for c in obj.children if dep(c) in ("nmod", "obl") and not self.agent(c)), None)
        if own is not None:
            return own
        subject = next((c for c in predicate.children if dep(c) == "nsubj" and c.pos_ != "PRON"), None)
        if subject is not None and verb_forms(predicate, self.lexicon) & (self.receiving | self.causing):
            return subject  # *het plan krijgt kritiek*
        return next((c for c in predicate.children if argument(c) == "obl" and not self.agent(c)), None)

    def evaluative(self, tok: Token) -> tuple[bool, Token, Token | None] | None:
        """An evaluative noun or adjective that states its holder's position: the object of a
        light verb (*uit kritiek op X*, *expressed support for X*) or a predicative adjective
        (*staat sceptisch tegenover X*, *is critical of X*). Returns the polarity, the predicate
        whose subject holds it, and what it is about (the word's own complement, else the
        predicate's). A verb of receiving (*krijgt steun*, *met scepsis ontvangen*) or causing
        (*leidt tot ongerustheid bij X*) is held by the word's agent phrase only, so its
        predicate is not returned as a holder; what is evaluated is then its subject, when the
        word has no complement of its own."""
        cue = self.noun(tok)
        if cue is None:
            return None
        role = dep(tok)
        if (tok.pos_ == "NOUN" and role == "obj") or (tok.pos_ == "ADJ" and role in ("xcomp", "root")):
            predicate = tok.head if role != "root" else tok
        elif tok.pos_ == "NOUN" and (caused := self.caused_by(tok)) is not None:
            predicate = caused
        else:
            return None
        forms = verb_forms(predicate, self.lexicon)
        receives = bool(forms & (self.receiving | self.causing))
        # the holder phrase (*van X*) names the holder only after a verb of receiving; else it
        # is what the word is about (*neemt afstand van X*)
        own = next((c for c in tok.children if dep(c) in ("nmod", "obl") and not (receives and self.agent(c))), None)
        target = own if own is not None else about(predicate) if predicate is not tok else None
        if target is not None and target.i == tok.i:
            target = None
        if target is None and receives and forms & self.causing:
            target = next((c for c in predicate.children if dep(c) == "nsubj" and c.pos_ != "PRON"), None)
        return cue, tok if receives else predicate, target

    def caused_by(self, tok: Token) -> Token | None:
        """The verb of causing whose prepositional object ``tok`` is (*leidt tot ongerustheid*,
        *led to anger*), or None."""
        if argument(tok) == "obl" and tok.head.pos_ == "VERB":
            verb = tok.head
        elif tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ == "VERB":
            verb = tok.head.head
        else:
            return None
        return verb if verb_forms(verb, self.lexicon) & self.causing else None


def topic(tokens: list[Token]) -> str | None:
    """A fallback position: the first common-noun phrase among ``tokens`` (the phrase the
    noun heads, see ``label_of``), else the first name phrase, for statements whose predicate
    names no object."""
    for pos in ("NOUN", "PROPN"):
        for tok in tokens:
            if tok.pos_ == pos and (label := label_of(tok)) is not None:
                return label
    return None
