"""Which actor a noun phrase stands for, in an event's source or target role.

A phrase resolves, in order, to: the mention on its head or nearest inside it (a capital for
its state, a place after a locative preposition for nobody); a definite state description
(*het land*: the state named last); a counted plural description (*de twee landen*) or a
definite plural one of organisations (``descriptions``); a pronoun or role noun through the
actor layer's resolver. A neuter subject pronoun (*het*, *it*) of an event in reported speech
stands for the speaker's state, else the state named last; outside it, for no one. Every
resolution is bounded (no phrase through itself, at most ``MAX_DEPTH`` deep)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from powermap import lang
from powermap.extract.claims.numbers import number_lexicon
from powermap.extract.events.actors import ActorIndex
from powermap.extract.events.agreement import subject_heads
from powermap.extract.events.attachment import has_agent
from powermap.extract.events.descriptions import Descriptions
from powermap.extract.events.lexicon import EventLexicon, norm
from powermap.extract.events.predicates import Predicates
from powermap.extract.events.predication import relative_antecedent
from powermap.extract.events.syntax import (
    OBJECT,
    SUBJECT,
    conjuncts,
    dep,
    governors,
    language_words,
    np_tokens_by_distance,
    subjects,
    window_start,
)
from powermap.records import Actor

#: how many references one resolution may follow (pronoun -> speaker -> ...)
MAX_DEPTH = 4
#: how many relations an attribution marker (*volgens X*) may stand above a name
ATTRIBUTION_REACH = 4
#: how many sentences before its own a plural pronoun's antecedent is looked for
ANTECEDENT_SENTENCES = 2


@dataclass
class Focus:
    """The sentence being coded and the source whose target is sought (never described)."""

    span: tuple[int, int]
    current: Actor | None = None


class Referents:
    """Actor resolution for the event coders.

    Args:
        lexicon (EventLexicon): the language's cues (pronouns, state nouns, markers).
        index (ActorIndex): the record's actors by offset.
        predicates (Predicates): tells verbs of saying.
        focus (Focus): the sentence and source being coded, shared with the coder.
    """

    def __init__(self, lexicon: EventLexicon, index: ActorIndex, predicates: Predicates, focus: Focus) -> None:
        self.index = index
        self.predicates = predicates
        self.focus = focus
        self.personal = lexicon.cue_set("personal_pronouns")
        self.plural_forms = lexicon.cue_set("plural_pronouns")
        # ambiguous forms read as plural when the verb does not say (Dutch *ze*)
        pronouns = lang.get(lexicon.language).pronouns if lexicon.language in lang.codes() else {}
        self.mostly_plural = {f for f in self.plural_forms if f in pronouns and pronouns[f].number == "pl"}
        self.relative = lexicon.cue_set("relative_pronouns")
        self.neuter = lexicon.cue_set("neuter_pronouns")
        self.state_nouns = lexicon.cue_set("state_nouns")
        self.neighbour_nouns = lexicon.cue_set("neighbour_nouns")
        self.definite = lexicon.cue_set("definite_determiners")
        self.locative_preps = lexicon.cue_set("locative_preps")
        self.locative_nouns = lexicon.cue_set("locative_nouns")
        self.group_nouns = lexicon.cue_set("plural_state_nouns")
        self.pair_words = lexicon.cue_set("pair_words")
        self.reported_markers = lexicon.cue_set("reported_markers")
        self.example_marks = lexicon.cue_set("example_marks")
        self.government_nouns = lexicon.cue_set("government_nouns")
        self.possessive = lexicon.cue_set("possessive_pronouns")
        self.agent_preps = lexicon.cue_set("agent_preps")
        self.first_person = lexicon.cue_set("first_person_pronouns")
        roles = lang.table(lexicon.language, "speaker_nouns") if lexicon.language in lang.codes() else ()
        self.role_nouns = {r["noun"].lower() for r in roles if r.get("kind") == "role" and " " not in r["noun"]}
        #: third-person plural subject pronouns that take up a coordinated subject (zij, they)
        self.personal_plural = lexicon.cue_set("plural_subject_pronouns")
        self.numbers = number_lexicon(lexicon.language)
        self.company_nouns = language_words(lexicon.language, "company_nouns")
        self.descriptions = Descriptions(lexicon.language, self.definite, index)
        self.resolving: list[int] = []  # tokens being resolved now, outermost first

    def actor(self, tok: Token) -> Actor | None:
        """The actor a noun phrase refers to (bounded; see the module docstring)."""
        if tok.i in self.resolving or len(self.resolving) >= MAX_DEPTH:
            return None
        self.resolving.append(tok.i)
        try:
            return self._actor(tok)
        finally:
            self.resolving.pop()

    def _actor(self, tok: Token) -> Actor | None:
        if tok.pos_ == "PRON" or self.misread_article(tok):
            return self.pronoun(tok)
        # the head, then a name in apposition to it (*de topvrouw van het bedrijf, X*: X, not the
        # bedrijf's country), then the rest of the phrase, nearest first
        if dep(tok) == "appos" and tok.pos_ == "NOUN" and tok.head.i != tok.i:
            owner = self.index.at(tok.head.idx, tok.head.idx + len(tok.head.text))
            if owner is not None and owner.type == "person":  # *X, een Peruaanse ondernemer*: X
                return owner
        named = [c for c in tok.children if dep(c) == "appos"]
        if (body := self.company_description(tok)) is not None:
            return body
        for t in [tok, *named, *np_tokens_by_distance(tok)]:
            found = self.index.at(t.idx, t.idx + len(t.text))
            if found is not None and not self.locative(t):
                return self.governed_state(tok, t, found)
        if (described := self.state_description(tok)) is not None:
            return described
        if tok.pos_ == "NOUN":
            found = self.index.resolve(tok.idx, tok.idx + len(tok.text), tok.text)
            return found if found is not None else self.role_person(tok)
        return None

    def company_description(self, tok: Token) -> Actor | None:
        """A definite description of a company by its kind and country (``company_nouns``, also
        as a compound's end: *het Chinese telecombedrijf*, *the Iranian airline*) stands for the
        company of that country named last before it, not for the country; else None."""
        word = tok.lower_
        if tok.pos_ != "NOUN" or self.index.at(tok.idx, tok.idx + len(tok.text)) is not None:
            return None
        if not any(word == n or (word.endswith(n) and len(word) - len(n) >= 3) for n in self.company_nouns):
            return None
        if not any(dep(c) == "det" and c.lower_ in self.definite for c in tok.children):
            return None
        states = [
            a
            for c in tok.children
            if dep(c) == "amod" and (a := self.index.at(c.idx, c.idx + len(c.text))) is not None and a.type == "state"
        ]
        if len(states) != 1 or not states[0].country:
            return None
        return self.index.last_of_country(tok.idx, states[0].country, frozenset({"company"}))

    def governed_state(self, head: Token, named: Token, found: Actor) -> Actor:
        """A government noun owned by a person (*het regime van X*, *X's government*:
        ``government_nouns``) stands for that person's state, when the record names it."""
        if found.type != "person" or not found.country:
            return found
        if named.i == head.i:  # *het X-regime*, *regering-X*: the person names the government
            parts = head.lower_.split("-")
            if len(parts) < 2 or not ({parts[0], parts[-1]} & self.government_nouns):
                return found
        elif norm(head.lemma_ or head.text) not in self.government_nouns and head.lower_ not in self.government_nouns:
            return found
        return self.index.state_of_country.get(found.country, found)

    def role_person(self, tok: Token) -> Actor | None:
        """A definite role description the actor layer left open (*de partijleider*, *the
        minister*: ``role`` nouns of ``speaker_nouns.tsv``, also as the end of a compound) stands
        for the person mentioned last before it, other than the source being coded."""
        word = tok.lower_
        if not any(word == r or (word.endswith(r) and len(word) - len(r) >= 3) for r in self.role_nouns):
            return None
        if not any(dep(c) == "det" and c.lower_ in self.definite for c in tok.children):
            return None
        skip = {self.focus.current.id} if self.focus.current is not None else set()
        return self.index.previous_person(tok.idx, skip)

    def group(self, tok: Token) -> list[Actor]:
        """The actors a plural phrase stands for: a counted plural description (*twee
        handelspartners*, *de beide landen*, *both countries*) the last that many states named
        before it (else states and organisations: *beide partijen* after *de VS en de EU*), other
        than the source being coded, and only when the text names exactly that many; a plural
        personal pronoun (*zij*, *they*) the coordinated subject it takes up (``plural_antecedent``)."""
        if tok.pos_ == "PRON":
            return self.plural_antecedent(tok) if self.plural(tok) and tok.lower_ in self.personal_plural else []
        if (pair := self.pair(tok)) is not None:
            return pair
        word = tok.lower_
        if not any(word == n or (word.endswith(n) and len(word) - len(n) >= 3) for n in self.group_nouns):
            return self.descriptions.take_up(tok)  # *de werkgeversorganisaties*: X and Y named before
        count = None
        for c in tok.children:
            if c.lower_ in self.pair_words:
                count = 2
            elif dep(c) == "nummod":
                value = self.numbers.kind(c.lower_, "cardinal") or self.numbers.parse_digits(c.text)
                count = int(value) if value and value == int(value) else None
        if not count or count < 2:
            return []
        skip = {self.focus.current.id} if self.focus.current is not None else set()
        found = self.index.last_states(tok.idx, count, skip)
        if len(found) != count:
            found = self.index.last_states(tok.idx, count, skip, parties=True)
        return found if len(found) == count else []

    def pair(self, tok: Token) -> list[Actor] | None:
        """The parties of a hyphenated modifier of an event noun (*de Pools-Chileense
        handelsoorlog*, *the US-China talks*): each part the document names an actor with
        (``ActorIndex.by_form``), or None when the modifier is not such a pair."""
        if dep(tok) not in ("amod", "compound", "nmod") or tok.head.i == tok.i:
            return None
        parts = [p for p in tok.text.replace("–", "-").split("-") if p]
        if len(parts) < 2:
            return None
        found: list[Actor] = []
        for part in parts:
            actor = self.index.by_form(part)
            if actor is None:
                return None
            if actor not in found:
                found.append(actor)
        return found if len(found) > 1 else None

    def plural_antecedent(self, tok: Token) -> list[Actor]:
        """The actors a plural personal pronoun takes up: the subject before it (in its sentence or
        the ``ANTECEDENT_SENTENCES`` before) whose conjuncts or named examples are two or more
        distinct actors (*De VS en Nederland erkennen X niet. Zij steunen Y*). The nearest plural
        subject decides: one that names no actors (*de demonstranten*) leaves the pronoun open."""
        doc = tok.doc
        for i in range(tok.i - 1, window_start(tok, ANTECEDENT_SENTENCES) - 1, -1):
            subj = doc[i]
            fragment = dep(subj) == "root" and subj.pos_ in ("NOUN", "PROPN")  # a subject the parser made the root
            if (dep(subj) not in SUBJECT and not fragment) or subj.pos_ == "PRON":
                continue
            members = [m for c in subject_heads(subj) for m in (c, *self.examples(c))]
            found: list[Actor] = []
            for m in members:
                actor = self.actor(m)
                if actor is not None and actor not in found:
                    found.append(actor)
            if len(found) >= 2:
                return found
            if "Plur" in subj.morph.get("Number", []) or len(conjuncts(subj)) > 1:
                return []  # the nearest plural subject names no two actors
        return []

    def examples(self, tok: Token) -> list[Token]:
        """Named examples of a noun and their conjuncts (*landen, zoals X en Y*: X, Y)."""
        return [
            m
            for child in tok.children
            if {c.lower_ for c in child.children if dep(c) in ("case", "mark")} & self.example_marks
            for m in conjuncts(child)
        ]

    def state_description(self, tok: Token) -> Actor | None:
        """A definite description of a state in the noun phrase (*het land*, *zijn buurland*)."""
        for t in np_tokens_by_distance(tok):
            if (found := self.described(t)) is not None:
                return found
        return None

    def described(self, t: Token) -> Actor | None:
        """The state a single definite state noun (*het land*, *zijn buurland*) stands for: not
        the source of the event being coded; a neighbour noun skips its owner, the nearest state."""
        word = t.lower_
        if word not in self.state_nouns and word not in self.neighbour_nouns:
            return None
        dets = [c for c in t.children if dep(c) in ("det", "nmod:poss") and c.lower_ in self.definite]
        if not dets:
            return None
        possessive = word in self.neighbour_nouns and any(c.pos_ == "PRON" for c in dets)
        return self.index.last_state(t.idx, owner=self.focus.current, possessive=possessive)

    def locative(self, tok: Token) -> bool:
        """A place named after a locative preposition (*in Beijing*) is where, not who."""
        raw = self.index.raw_at(tok.idx, tok.idx + len(tok.text))
        if raw is None or raw.type != "place":
            return False
        head = tok if dep(tok) not in ("flat", "compound", "appos") else tok.head
        if any(dep(c) == "case" and c.lower_ in self.locative_preps for c in head.children):
            return True
        if dep(head) == "pobj" and head.head.lower_ in self.locative_preps:  # ClearNLP: at <- prep, X <- pobj
            return True
        # *aan de grens van X*: the place names where, through a noun of position
        return dep(head) == "nmod" and (head.head.lemma_ or head.head.text).lower() in self.locative_nouns

    def pronoun(self, tok: Token) -> Actor | None:
        """A singular personal pronoun resolved by the actor layer (plural ones stay open); a
        neuter subject pronoun that carries an event in reported speech stands for the speaker's
        state or the state named last (*liet weten dat het de oefeningen schrapt*)."""
        if tok.lower_ in self.neuter and (dep(tok) == "nsubj" or self.misread_article(tok)):
            if self.extraposed(tok):
                return None  # *it is only fair to wait*: a placeholder for the infinitive, no one
            if not self.in_report(tok):
                return None  # *de vraag is of het helpt*: outside reported speech *het* is no state
            return self.speaker_state(tok) or self.index.last_state(tok.idx, owner=self.focus.current)
        if tok.lower_ in self.first_person:  # *"Ik eis ...", zegt X*: the quote's speaker
            return self.index.speaker_at(tok.idx)
        if tok.lower_ in self.possessive and dep(tok) == "nmod:poss" and self.acted_on(tok.head):
            return self.possessor(tok)
        if tok.lower_ not in self.personal or self.plural(tok):
            return None
        return self.index.resolve(tok.idx, tok.idx + len(tok.text), tok.text)

    @staticmethod
    def extraposed(tok: Token) -> bool:
        """A neuter subject of an adjectival predicate with an infinitive complement (*it is hard
        to say*, *het is moeilijk om te zeggen*) stands for that infinitive, not for an actor."""
        head = tok.head
        adjectival = head.pos_ == "ADJ" and any(dep(c) == "cop" for c in head.children)
        if head.pos_ in ("AUX", "VERB") and any(dep(c) == "acomp" for c in head.children):
            adjectival = True  # also a copula the tagger calls a verb (*it’s only fair to wait*)
        return adjectival and any(dep(c) == "xcomp" and c.pos_ == "VERB" for c in head.children)

    def acted_on(self, noun: Token) -> bool:
        """Whether a noun has an agent phrase (*uitsluiting door Y*), so that its possessor is who
        undergoes the act, the only possessor role read (*zijn oorlog* names no one's target)."""
        return has_agent(noun, self.agent_preps)

    def possessor(self, tok: Token) -> Actor | None:
        """A singular possessive pronoun (*zijn*, *his*, *its*): the actor layer's reading, else
        the subject of the clause it stands in (*X protesteert tegen zijn uitsluiting*: X), else
        the person named last before it."""
        found = self.index.resolve(tok.idx, tok.idx + len(tok.text), tok.text)
        if found is not None:
            return found
        for head in governors(tok, None):
            subj = [s for s in subjects(head) if s.i != tok.i and s.pos_ != "PRON"]
            if subj:
                return self.actor(subj[0])
        return self.index.previous_person(tok.idx, set())

    def misread_article(self, tok: Token) -> bool:
        """A neuter pronoun the parser took for the article of a plural noun (*dat het geplande
        oefeningen schrapt*): a neuter singular article never goes with a plural noun."""
        return (
            tok.lower_ in self.neuter
            and dep(tok) == "det"
            and "Plur" in tok.head.morph.get("Number", [])
            and (dep(tok.head) in OBJECT or dep(tok.head) in SUBJECT)
        )

    def in_report(self, tok: Token) -> bool:
        """Whether ``tok`` stands in reported speech: a clause governed by a verb of saying, a
        sentence with *volgens*/*according to* (``reported_markers``), or a quote with a speaker."""
        if any(self.predicates.is_speech(h) for h in governors(tok, None)):
            return True
        return any(t.lower_ in self.reported_markers for t in tok.sent) or self.index.speaker_at(tok.idx) is not None

    def speaker_state(self, tok: Token) -> Actor | None:
        """The state of the person whose saying governs ``tok``'s clause (*premier X liet weten
        dat het ...*: X's country), when the record names that state. A pronoun that is itself
        the speaker (*..., it noted*) has none."""
        for head in governors(tok, None):
            if not self.predicates.is_speech(head):
                continue
            for subj in subjects(head):
                if subj.i == tok.i:
                    return None
                person = self.actor(subj)
                if person is not None and person.type == "person" and person.country:
                    return self.index.state_of_country.get(person.country)
            return None
        return None

    def plural(self, tok: Token) -> bool:
        """Whether a pronoun is plural (*ze/zij* with a plural verb, *they*)."""
        if tok.lower_ not in self.plural_forms:
            return False
        if "Plur" in tok.morph.get("Number", []) or tok.lower_ not in self.personal:
            return True  # a form that is only plural (they, hun)
        # the verb's number, or its finite auxiliary's (*zij hebben ... uitgesproken*)
        verbs = [tok.head, *(c for c in tok.head.children if dep(c) in ("aux", "aux:pass", "cop"))]
        numbers = {n for v in verbs for n in v.morph.get("Number", [])}
        return "Plur" in numbers or (tok.lower_ in self.mostly_plural and not numbers)

    def antecedent(self, tok: Token) -> Token:
        """A relative pronoun subject stands for the noun its clause modifies, or for whom a
        predicative noun describes (``predication.relative_antecedent``)."""
        return relative_antecedent(tok, self.relative, lambda n: self.index.at(n.idx, n.idx + len(n.text)) is not None)

    def attribution(self, t: Token) -> bool:
        """Whether ``t`` names the source of the report (*volgens X*, *according to X*), which
        is not a party to the event."""
        cur = t
        for _ in range(ATTRIBUTION_REACH):
            if cur.lower_ in self.reported_markers or any(
                dep(c) == "case" and c.lower_ in self.reported_markers for c in cur.children
            ):
                return True
            if cur.head.i == cur.i or cur.pos_ in ("VERB", "AUX"):
                return False
            cur = cur.head
        return False
