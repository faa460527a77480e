"""Codes events from a dependency parse: who did what to whom, in CAMEO.

For each predicate (verb, copular nominal predicate or event noun) whose lemma and
complements match a lexicon row, the coder reads

- the source from the subject (or the ``door``/``by`` agent of a passive; conjoined
  subjects give one event each; a subject-less infinitive or conjunct inherits the subject
  of the clause that governs it);
- the target from the indirect object, the object, then prepositional complements;
- negation, modality and reported speech from auxiliaries, adverbs, wrapping verbs
  (weigeren, van plan zijn, eisen, dreigen) and governing speech verbs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from spacy.tokens import Span, Token

from powermap.extract.claims.numbers import number_lexicon
from powermap.extract.events.actors import PERSONAL, PLURAL, ActorIndex
from powermap.extract.events.lexicon import EventLexicon, LexEntry, norm
from powermap.extract.events.syntax import (
    CLAUSAL,
    COMPLEMENT,
    OBJECT,
    SUBJECT,
    agents,
    clause_words,
    conjuncts,
    dep,
    governors,
    is_passive,
    is_predicate,
    np_tokens_by_distance,
    np_words,
    prepositional,
    stray_subjects,
    subjects,
)
from powermap.extract.stage import ExtractionContext
from powermap.records import Actor

__all__ = ["PERSONAL", "Coded", "ParseCoder"]

#: a wrapped event under ``threat`` becomes this CAMEO threat code (by wrapped code prefix)
THREAT_CODES = {"163": "1312", "16": "1313", "17": "132", "18": "138", "19": "138", "20": "138"}
#: roots whose events between coordinated subjects are mutual (X en Y ontmoetten elkaar)
RECIPROCAL_ROOTS = {"03", "04", "05", "06"}
#: roots whose events between coordinated subjects are mutual even when another name is
#: loosely attached (consult, diplomatic and material cooperation; not intents such as joining)
SYMMETRIC_ROOTS = {"04", "05", "06"}
#: marks of an infinitive clause, which shares the governing clause's subject
INFINITIVE_MARKS = {"om", "te", "door", "zonder", "na", "to", "by", "without", "after", "before"}
#: tokens after a verb searched for an object the parser hung on an earlier verb
STRAY_WINDOW = 6
#: how far (in tokens) a word-order target may stand from its predicate
NEARBY = 8
#: how many references one resolution may follow (pronoun -> speaker -> ...)
MAX_RESOLUTION_DEPTH = 4
#: tokens scanned after a verb for a clause-final separable particle
PARTICLE_WINDOW = 40


@dataclass
class Coded:
    """An event read from one predicate, before it becomes a record Event."""

    source: Actor
    target: Actor | None
    cameo: str
    negated: bool
    modality: str
    reported: bool
    trigger: Token
    other_targets: list[Actor] = field(default_factory=list)


class ParseCoder:
    """Event coder over a parsed sentence.

    Args:
        lexicon (EventLexicon): the language's lexicon and cues.
        ctx (ExtractionContext): gives the actor layer (``actor_at``, ``record.actors``).
    """

    def __init__(self, lexicon: EventLexicon, ctx: ExtractionContext) -> None:
        self.lex = lexicon
        self.ctx = ctx
        self.span = (0, len(ctx.doc))  # token range of the sentence being coded
        self.negation = lexicon.cue_set("negation")
        self.hypothetical = lexicon.cue_set("hypothetical_forms")
        self.intended = lexicon.cue_set("intended_forms")
        self.demanded = lexicon.cue_set("demanded_forms")
        self.conditional = lexicon.cue_set("conditional_marks")
        # a two-word entry (*laten weten*) also as the lemma the coder builds for a verb with a
        # particle-like part (*wetenlaten*)
        self.speech = {norm(w) for w in lexicon.cue_set("speech_verbs")}
        self.speech |= {norm("".join(reversed(w.split()))) for w in lexicon.cue_set("speech_verbs") if " " in w}
        self.target_preps = [str(p).lower() for p in lexicon.cues.get("target_preps") or []]
        self.agent_preps = lexicon.cue_set("agent_preps")
        self.reflexive = lexicon.cue_set("reflexive")
        self.particle_prefix = lexicon.language == "nl" or bool(lexicon.cues.get("particle_prefix"))
        self.index = ActorIndex(ctx)
        self.locative_preps = lexicon.cue_set("locative_preps")
        self.infinitive_marks = lexicon.cue_set("infinitive_marks")
        self.current: Actor | None = None  # the source whose target is being looked for
        #: triggers read as passives without an agent: the word-order fallback must not give them
        #: the patient before the verb as a source
        self.agentless: set[int] = set()
        self.state_nouns = lexicon.cue_set("state_nouns")
        self.neighbour_nouns = lexicon.cue_set("neighbour_nouns")
        self.definite = lexicon.cue_set("definite_determiners")
        self.locative_nouns = lexicon.cue_set("locative_nouns")
        self.stative_verbs = lexicon.cue_set("stative_passive_verbs")
        self.example_marks = lexicon.cue_set("example_marks")
        self.vote_nouns = lexicon.cue_set("vote_nouns")
        self.group_nouns = lexicon.cue_set("plural_state_nouns")
        self.pair_words = lexicon.cue_set("pair_words")
        self.neuter = lexicon.cue_set("neuter_pronouns")
        self.reported_markers = lexicon.cue_set("reported_markers")
        self.verb_second = bool(lexicon.cues.get("verb_second"))
        self.numbers = number_lexicon(lexicon.language)
        self.resolving: list[int] = []  # tokens whose referent is being resolved, outermost first

    # -- lexicon lookup ---------------------------------------------------------------
    def lemma(self, tok: Token) -> str:
        lemma = norm(tok.lemma_ or tok.text)
        if self.particle_prefix:
            for child in tok.children:
                prt = norm(child.lemma_ or child.text)
                if dep(child) == "compound:prt" and not lemma.startswith(prt):
                    lemma = prt + lemma
        return lemma

    def lemma_candidates(self, tok: Token) -> list[str]:
        """The parser's lemma, the lookup-table lemma, each with its separable particle."""
        from powermap.extract.events.fallback import PARTICLES, lemma_table, separable_particle, verb_candidates

        table = lemma_table(self.lex.language)
        lemmas = [self.lemma(tok), norm(table.get(tok.text, table.get(tok.lower_, tok.lower_)))]
        if self.lex.compound_suffix and tok.pos_ in ("VERB", "AUX"):
            lemmas += verb_candidates(tok.text, self.lex.language)
        if self.particle_prefix:
            prts = [norm(c.lemma_ or c.text) for c in tok.children if dep(c) == "compound:prt"]
            doc = tok.doc
            end = min(tok.right_edge.i + 1, tok.i + PARTICLE_WINDOW, len(doc))
            for t in doc[tok.i + 1 : end]:  # a particle the parser attached elsewhere (case)
                nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
                if t.lower_ in PARTICLES and (nxt is None or nxt.pos_ in ("ADP", "PUNCT")):
                    prts.append(t.lower_)
            for prt in dict.fromkeys(prts):
                lemmas += [prt + lemma for lemma in list(lemmas) if not lemma.startswith(prt)]
            # a lemma with a separable particle that is neither in the word nor in the clause is a
            # lemmatizer error (*wijst hij op* -> "afwijzen"): drop it
            form = tok.lower_
            lemmas = [lemma for lemma in lemmas if not (p := separable_particle(lemma)) or p in prts or p in form]
        return list(dict.fromkeys(lemmas))

    @staticmethod
    def borrowed(tok: Token) -> list[Token]:
        """Objects the parser attached elsewhere that belong to this predicate: in a verb
        cluster the finite verb's object (*blijft de schuld bij X leggen*), in *om NP te V* the
        ``om`` phrase, in a relative clause without object the noun it modifies (*het voertuig
        dat X stuurt*)."""
        objects = [c for c in tok.children if dep(c) in OBJECT]
        if objects:  # an adjective taken for the object (levert voorzichtige, ... kritiek)
            return ParseCoder.stray_object(tok) if all(c.pos_ == "ADJ" for c in objects) else []
        label = dep(tok)
        head = tok.head
        if head.i == tok.i:
            return []
        if label == "xcomp":
            own = [c for c in head.children if dep(c) == "obj" and c.i < tok.i]
            om = [n for lab, p, n in prepositional(head) if p == "om" and n.i < tok.i]
            return om + own
        if label == "acl:relcl" and subjects(tok) and not is_passive(tok):
            rel = [c for c in tok.children if c.lower_ in ("dat", "die", "that", "which") and c.i < tok.i]
            return [head] if rel and head.pos_ in ("NOUN", "PROPN") else []
        return ParseCoder.stray_object(tok)

    @staticmethod
    def stray_object(tok: Token) -> list[Token]:
        """A noun right after the verb that the parser hung on an earlier word (*beweert dat
        ... en levert kritiek op X*: *kritiek* attached to *beweert*)."""
        if tok.pos_ != "VERB":
            return []
        doc = tok.doc
        end = min(tok.i + 1 + STRAY_WINDOW, tok.sent.end)
        for t in doc[tok.i + 1 : end]:
            if t.pos_ in ("VERB", "AUX") or dep(t) in ("mark", "nsubj", "nsubj:pass"):
                return []
            if t.pos_ == "NOUN" and t.head.i < tok.i:
                return [t]
        return []

    def bag(self, tok: Token) -> set[str]:
        words: set[str] = set()
        extra = [t for b in self.borrowed(tok) for t in (b, *np_words(b))]
        for t in (*clause_words(tok), *extra):
            words.add(norm(t.lemma_ or t.text))
            words.add(t.lower_)
            if dep(t) == "expl:pv" or (t.lower_ in self.reflexive and t.pos_ == "PRON"):
                words.add("zich")
        return words

    def entry(self, tok: Token) -> LexEntry | None:
        if tok.lower_ in self.reported_markers:  # *according to X* reports, it is no event
            return None
        if is_predicate(tok):
            candidates = [c for c in self.lemma_candidates(tok) if self.lex.has(c)]
            if not candidates:
                return None
            bag = self.bag(tok)
            for lemma in candidates:
                found = self.lex.match(lemma, bag)
                if found is not None:
                    return found
            return None
        if tok.pos_ in ("NOUN", "PROPN"):
            lemma = norm(tok.lemma_ or tok.text)
            if not self.lex.has(lemma):
                return None
            return self.lex.match(lemma, self.bag(tok), noun=True)
        return None

    # -- actors -------------------------------------------------------------------------
    def actor(self, tok: Token) -> Actor | None:
        """The actor a noun phrase refers to: its head's mention, else the nearest inside it,
        else (pronouns, role nouns) what the actor layer resolves it to. Bounded: a phrase
        whose resolution leads back to itself, or a chain deeper than ``MAX_RESOLUTION_DEPTH``,
        resolves to None."""
        if tok.i in self.resolving or len(self.resolving) >= MAX_RESOLUTION_DEPTH:
            return None
        self.resolving.append(tok.i)
        try:
            return self.resolve_phrase(tok)
        finally:
            self.resolving.pop()

    def resolve_phrase(self, tok: Token) -> Actor | None:
        if tok.pos_ == "PRON" or self.misread_article(tok):
            return self.pronoun(tok)
        for t in np_tokens_by_distance(tok):
            found = self.index.at(t.idx, t.idx + len(t.text))
            if found is not None and not self.locative(t):
                return found
        if (described := self.state_description(tok)) is not None:
            return described
        if tok.pos_ == "NOUN":
            return self.index.resolve(tok.idx, tok.idx + len(tok.text), tok.text)
        return None

    def group(self, tok: Token) -> list[Actor]:
        """The states a counted plural description stands for (*twee handelspartners*, *de
        beide landen*, *both countries*): the last that many states named before it, other than
        the source being coded; empty unless the text names exactly that many."""
        word = tok.lower_
        if not any(word == n or (word.endswith(n) and len(word) - len(n) >= 3) for n in self.group_nouns):
            return []
        count = None
        for c in tok.children:
            if c.lower_ in self.pair_words:
                count = 2
            elif dep(c) == "nummod":
                value = self.numbers.kind(c.lower_, "cardinal") or self.numbers.parse_digits(c.text)
                count = int(value) if value and value == int(value) else None
        if not count or count < 2:
            return []
        skip = {self.current.id} if self.current is not None else set()
        found = self.index.last_states(tok.idx, count, skip)
        return found if len(found) == count else []

    def state_description(self, tok: Token) -> Actor | None:
        """A definite description of a state in the noun phrase (*het land*, *zijn buurland*):
        the state named last before it; a neighbour noun skips its owner, the nearest state."""
        for t in np_tokens_by_distance(tok):
            if (found := self.described(t)) is not None:
                return found
        return None

    def described(self, t: Token) -> Actor | None:
        """The state a single definite state noun (*het land*, *zijn buurland*) stands for: not
        the source of the event being coded (``self.current``)."""
        word = t.lower_
        if word not in self.state_nouns and word not in self.neighbour_nouns:
            return None
        dets = [c for c in t.children if dep(c) in ("det", "nmod:poss") and c.lower_ in self.definite]
        if not dets:
            return None
        possessive = word in self.neighbour_nouns and any(c.pos_ == "PRON" for c in dets)
        return self.index.last_state(t.idx, owner=self.current, possessive=possessive)

    def locative(self, tok: Token) -> bool:
        """A place named after a locative preposition (*in Beijing*) is where, not who."""
        raw = self.index.raw_at(tok.idx, tok.idx + len(tok.text))
        if raw is None or raw.type != "place":
            return False
        head = tok if dep(tok) not in ("flat", "compound", "appos") else tok.head
        if any(dep(c) == "case" and c.lower_ in self.locative_preps for c in head.children):
            return True
        # *aan de grens van Europa*: the place names where, through a noun of position
        return dep(head) == "nmod" and (head.head.lemma_ or head.head.text).lower() in self.locative_nouns

    def pronoun(self, tok: Token) -> Actor | None:
        """A singular personal pronoun resolved by the actor layer (plural ones stay open); a
        neuter subject pronoun (*het*, *it*) that carries an event stands for the state named
        last (*liet weten dat het de oefeningen schrapt*)."""
        if tok.lower_ in self.neuter and (dep(tok) == "nsubj" or self.misread_article(tok)):
            return self.speaker_state(tok) or self.index.last_state(tok.idx, owner=self.current)
        if tok.lower_ not in PERSONAL or self.plural(tok):
            return None
        return self.index.resolve(tok.idx, tok.idx + len(tok.text), tok.text)

    def misread_article(self, tok: Token) -> bool:
        """A neuter pronoun the parser took for the article of a plural noun (*dat het geplande
        oefeningen schrapt*): a neuter singular article never goes with a plural noun."""
        return (
            tok.lower_ in self.neuter
            and dep(tok) == "det"
            and "Plur" in tok.head.morph.get("Number")
            and (dep(tok.head) in OBJECT or dep(tok.head) in SUBJECT)
        )

    def speaker_state(self, tok: Token) -> Actor | None:
        """The state of the person whose saying governs ``tok``'s clause (*premier X liet weten
        dat het ...*: X's country), when the record names that state."""
        for head in governors(tok, None):
            if self.lemma(head) not in self.speech:
                continue
            for subj in subjects(head):
                if subj.i == tok.i:  # *..., it noted*: the pronoun is the speaker itself
                    return None
                person = self.actor(subj)
                if person is not None and person.type == "person" and person.country:
                    return self.index.state_of_country.get(person.country)
            return None
        return None

    @staticmethod
    def plural(tok: Token) -> bool:
        """Whether a pronoun is plural (*ze/zij* with a plural verb, *they*)."""
        if tok.lower_ not in PLURAL:
            return False
        if "Plur" in tok.morph.get("Number") or tok.lower_ in ("they", "hun", "their"):
            return True
        return "Plur" in tok.head.morph.get("Number") or (tok.lower_ == "ze" and not tok.head.morph.get("Number"))

    def sources(self, tok: Token) -> tuple[list[Token], bool]:
        """Source noun heads for a predicate, and whether it is passive. A clause without a
        subject (or with only an unresolved plural pronoun) takes the governing clause's."""
        passive = is_passive(tok) or self.stative_passive(tok)
        if passive:
            return [c for a in agents(tok, self.agent_preps) for c in conjuncts(a)], True
        main = self.elided_subject_conjunct(tok)
        if main is not None:  # X zei dat ... en riep Y op: X calls
            found = [c for s in subjects(main) for c in conjuncts(s)]
            if found:
                return [self.antecedent(s) for s in found], False
        own: list[Token] = []
        for subj in subjects(tok):
            first = self.example(subj)
            own += [first] if first is not None else conjuncts(subj)
        # *dat het geplande oefeningen schrapt*: the "article" of a plural noun is the subject
        misread = [d for c in tok.children if dep(c) in OBJECT | SUBJECT for d in c.children if self.misread_article(d)]
        if misread:
            own = misread
        if own and not all(s.pos_ == "PRON" and self.actor(s) is None for s in own):
            return [self.antecedent(s) for s in own], False
        for cur, head in pairwise((tok, *governors(tok, COMPLEMENT | {"conj", "acl"}, self.vote_noun))):
            if self.finite_subordinate(cur):  # hoewel/omdat/toen ...: its own (missed) subject
                break
            found = [c for s in subjects(head) for c in conjuncts(s)]
            if found and not (is_passive(head) and dep(tok) != "conj"):
                return [self.antecedent(s) for s in found], False
        if not own and (clause := self.split_infinitive(tok)) is not None:
            return [self.antecedent(c) for s in subjects(clause) for c in conjuncts(s)], False
        return [self.antecedent(s) for s in own], False

    def elided_subject_conjunct(self, tok: Token) -> Token | None:
        """In a verb-second language, a finite verb right after *en/maar* opens a main clause
        whose subject is left out (*X zei dat Y ... maakt en riep Z op*): the noun after the verb
        is its object, not its subject, and the clause shares the subject of the clause it is
        conjoined with (of the main clause, when the parser hung it from a subordinate clause).
        Returns the predicate whose subject it shares, or None."""
        if not self.verb_second or dep(tok) != "conj" or tok.i == 0:
            return None
        before = tok.doc[tok.i - 1]
        if dep(before) != "cc" or before.head.i != tok.i:
            return None
        nominal = [c for c in tok.children if dep(c) == "nsubj"]
        if not nominal or any(c.i < tok.i or c.pos_ == "PRON" for c in nominal):
            return None  # *en sloot hij ... uit*: a pronoun after the verb is its subject
        head = tok.head
        if head.i == tok.i:
            return None
        if any(dep(c) == "mark" for c in head.children):  # hung from the subordinate clause
            head = head.head
        # after an inverted first clause (*Zo zag X af ... en sloot Y ...*) the second inverts too
        if head.i == tok.i or not subjects(head) or any(s.i > head.i for s in subjects(head)):
            return None
        return head

    def split_infinitive(self, tok: Token) -> Token | None:
        """The clause an infinitive the parser cut off as a root of its own belongs to (*X is
        van plan | Y hulp te bieden*): the root before it in the sentence, when ``tok`` (or the
        root it hangs from) is a *te* infinitive, which has no subject of its own."""
        top = tok
        for head in governors(tok, COMPLEMENT | {"conj"}):
            top = head
        if dep(top) != "root" or not any(dep(c) == "mark" and c.lower_ in ("te", "to") for c in top.children):
            return None
        doc = tok.doc
        return next(
            (doc[i] for i in range(top.i - 1, self.span[0] - 1, -1) if dep(doc[i]) == "root" and subjects(doc[i])), None
        )

    def example(self, tok: Token) -> Token | None:
        """The first named example of a subject (*bedrijven, zoals X, Y en Z*: X), which stands
        for the group as one source (like a compound target, one event), or None."""
        for child in tok.children:
            marks = {c.lower_ for c in child.children if dep(c) in ("case", "mark")}
            if marks & self.example_marks and (child.pos_ == "PROPN" or child.text[:1].isupper()):
                return child
        return None

    def stative_passive(self, tok: Token) -> bool:
        """A past participle governed by a stative verb (*zit opgesloten*, *remains detained*):
        the governing subject undergoes the act, only a *door/by* phrase names its agent."""
        return (
            "Part" in tok.morph.get("VerbForm")
            and dep(tok) in ("xcomp", "obl", "ccomp")
            and (tok.head.lemma_ or "").lower() in self.stative_verbs
        )

    @staticmethod
    def finite_subordinate(tok: Token) -> bool:
        """An adverbial clause opened by a subordinator (*hoewel, omdat, toen, although*),
        not an infinitive (*om ... te*, *door ... te*), so not sharing the main clause's subject."""
        if dep(tok) != "advcl":
            return False
        marks = [c.lower_ for c in tok.children if dep(c) == "mark"]
        return bool(marks) and not any(m in INFINITIVE_MARKS for m in marks)

    @staticmethod
    def antecedent(tok: Token) -> Token:
        """A relative pronoun subject stands for the noun its clause modifies."""
        if (tok.pos_ == "PRON" and "Rel" in tok.morph.get("PronType")) or tok.lower_ in ("die", "who", "which"):
            clause = tok.head
            if dep(clause) in ("acl:relcl", "acl") and clause.head.i != clause.i:
                return clause.head
        return tok

    def target(self, tok: Token, exclude: set[str], loose: bool = True) -> Actor | None:
        """The target: passive subject, indirect object, object, prepositional complements in
        the language's order, a governed clause's arguments; with ``loose``, then any other
        actor among the complements."""
        candidates: list[Token] = []
        if is_passive(tok):
            candidates += [c for s in subjects(tok) for c in conjuncts(s)]
        candidates += [c for c in tok.children if dep(c) == "iobj"] + stray_subjects(tok)
        if self.elided_subject_conjunct(tok) is not None:  # en riep Z op: Z is the object
            candidates += [c for c in tok.children if dep(c) == "nsubj"]
        candidates += [c for c in tok.children if dep(c) == "obj"]
        candidates += self.borrowed(tok)
        preps = sorted(
            ((p, n) for label, p, n in prepositional(tok) if label != "obl:agent" and p not in self.agent_preps),
            key=lambda pn: self.target_preps.index(pn[0]) if pn[0] in self.target_preps else 99,
        )
        candidates += [n for p, n in preps if p in self.target_preps]
        for child in tok.children:  # the arguments of a governed clause (om Y te straffen)
            if self.governed_clause(child) and not subjects(child):
                candidates += [c for c in child.children if dep(c) in OBJECT]
                candidates += [n for label, p, n in prepositional(child) if label != "obl:agent"]
        for cand in candidates:
            found = None if self.attribution(cand) else self.actor(cand)
            if found is not None and found.id not in exclude:
                return found
        if not loose:
            return None
        for t in sorted(clause_words(tok), key=lambda t: abs(t.i - tok.i)):  # any actor among the complements
            if t.pos_ in ("PROPN", "NOUN", "ADJ", "X") and not self.attribution(t):
                found = self.index.at(t.idx, t.idx + len(t.text)) or self.described(t)
                if found is not None and found.id not in exclude and found.type != "place":
                    return found
        return None

    def governed_clause(self, child: Token) -> bool:
        """A complement clause: ``xcomp``/``ccomp``, or an infinitive with *om ... te* that the
        parser hung as ``advcl`` (*weigerde om naast X te staan*)."""
        if dep(child) in ("xcomp", "ccomp"):
            return True
        return dep(child) == "advcl" and any(
            dep(c) == "mark" and c.lower_ in self.infinitive_marks for c in child.children
        )

    def nearby(self, tok: Token, exclude: set[str], heads: list[Token]) -> Actor | None:
        """A target by word order when the parse gives none (an object hung elsewhere: *van
        plan Kiev garanties op te leggen*): the nearest other actor within ``NEARBY`` tokens in
        the sentence, not in a source's phrase, not a place after a locative preposition."""
        sent = tok.sent
        taken = {t.i for h in heads for t in np_tokens_by_distance(h)}
        best: tuple[int, Actor] | None = None
        for t in sent:
            gap = abs(t.i - tok.i)
            if t.i in taken or gap > NEARBY or (best is not None and gap >= best[0]):
                continue
            if self.argument_elsewhere(t, tok) or self.attribution(t):
                continue
            found = self.index.at(t.idx, t.idx + len(t.text)) or self.described(t)
            if found is not None and found.id not in exclude and not self.locative(t):
                best = (gap, found)
        return best[1] if best else None

    @staticmethod
    def argument_elsewhere(t: Token, tok: Token) -> bool:
        """Whether ``t`` belongs to the clause of a predicate that governs ``tok`` or is
        conjoined with it: the speaker of *X said Y will ...*, the subject of *..., and Z
        demanded*, the object of *rejected the demand and accused W* or of the main clause of
        *lift sanctions on M until troops withdraw* are not ``tok``'s target. Arguments of
        other predicates may be misparses and stay candidates."""
        head = t
        for _ in range(12):  # up to the predicate whose clause holds t
            if head.i == tok.i:
                return False
            if head.pos_ in ("VERB", "AUX") or dep(head) in CLAUSAL or head.head.i == head.i:
                break
            head = head.head
        if head.i == tok.i:
            return False
        if any(g.i == head.i for g in governors(tok)):
            return True
        if dep(head) == "conj" and head.head.i == tok.i:
            return True
        return dep(tok) == "conj" and (tok.head.i == head.i or (dep(head) == "conj" and head.head.i == tok.head.i))

    def attribution(self, t: Token) -> bool:
        """Whether ``t`` names the source of the report (*volgens X*, *according to X*), which
        is not a party to the event."""
        cur = t
        for _ in range(4):
            if cur.lower_ in self.reported_markers or any(
                dep(c) == "case" and c.lower_ in self.reported_markers for c in cur.children
            ):
                return True
            if cur.head.i == cur.i or cur.pos_ in ("VERB", "AUX"):
                return False
            cur = cur.head
        return False

    def coordinated_targets(self, tok: Token, target: Actor, exclude: set[str]) -> list[Actor]:
        """Further targets coordinated with the one found (*praised Finland and Sweden*): the
        conjuncts of the object or complement that names ``target``, each a distinct actor."""
        for cand in (c for c in tok.children if dep(c) in OBJECT or dep(c) in ("obl", "nmod")):
            members = conjuncts(cand)
            if len(members) < 2 or self.actor(members[0]) != target:
                continue
            out = [target]
            for m in members[1:]:
                found = self.actor(m)
                if found is not None and found.id not in exclude and found not in out:
                    out.append(found)
            return out
        return [target]

    # -- modality -----------------------------------------------------------------------
    def negated(self, tok: Token) -> bool:
        # *niet publiekelijk gesteund*: the parser may hang the negation on another adverb
        adverbs = [g for c in tok.children if dep(c) == "advmod" for g in c.children if dep(g) == "advmod"]
        for child in (*tok.children, *adverbs):
            if dep(child) in ("advmod", "neg", "det") and child.lower_ in self.negation:
                nxt = child.doc[child.i + 1] if child.i + 1 < len(child.doc) else None
                if nxt is None or nxt.lower_ not in ("alleen", "only", "enkel", "slechts"):
                    return True
            if dep(child) in OBJECT | {"obl", "nsubj:pass"} and any(
                dep(d) == "det" and d.lower_ in self.negation for d in child.children
            ):
                return True
        return False

    def modality(self, tok: Token) -> str:
        forms = {c.lower_ for c in tok.children if dep(c) in ("aux", "aux:pass", "advmod", "cop")}
        if forms & self.demanded:
            return "demanded"
        if forms & self.hypothetical:
            return "hypothetical"
        if forms & self.intended:
            return "intended"
        for cur in (tok, *governors(tok)):
            if dep(cur) == "advcl" and any(dep(m) == "mark" and m.lower_ in self.conditional for m in cur.children):
                return "hypothetical"
        return "asserted"

    # -- coding -------------------------------------------------------------------------
    def code_sentence(self, sent: Span) -> list[Coded]:
        self.span = (sent.start, sent.end)
        entries = {tok.i: e for tok in sent if (e := self.entry(tok)) is not None}
        coded = [i for i, e in entries.items() if e.cameo is not None or e.wrap]
        suppressed: set[int] = set()
        out: list[Coded] = []
        for i in sorted(coded, key=lambda i: entries[i].wrap):  # wrapped clauses before wrappers
            entry = entries[i]
            if entry.cameo is not None:
                out.extend(self.code_predicate(sent.doc[i], entry, entries, suppressed))
        return out

    def code_predicate(
        self, tok: Token, entry: LexEntry, entries: dict[int, LexEntry], suppressed: set[int]
    ) -> list[Coded]:
        code = entry.cameo or ""
        negated = self.negated(tok) != ("neg" in entry.flags and not entry.wrap)  # overslaan: not meeting
        wrapper_head: Token | None = None
        modality = entry.flag_value("mod") or self.modality(tok)
        reported = False
        for cur, head in pairwise((tok, *governors(tok, COMPLEMENT | {"acl"}, self.vote_noun))):
            wrapper = entries.get(head.i)
            if wrapper is not None and wrapper.wrap:
                suppressed.add(head.i)
                wrapper_head = wrapper_head or head
                negated, modality = self.wrapped(wrapper, head, negated, modality)
                if "threat" in wrapper.flags:
                    code = next((v for k, v in THREAT_CODES.items() if code.startswith(k)), "130")
            elif self.lemma(head) in self.speech:
                reported = True
                break
            elif dep(cur) in ("ccomp", "advcl"):
                break
        if wrapper_head is None and (clause := self.split_infinitive(tok)) is not None:
            wrapper = entries.get(clause.i)  # *X is van plan | Y garanties op te leggen*
            if wrapper is not None and wrapper.wrap:
                suppressed.add(clause.i)
                wrapper_head = clause
                negated, modality = self.wrapped(wrapper, clause, negated, modality)
        if negated and entry.flag_value("ifneg"):
            code, negated = entry.flag_value("ifneg") or code, False
        if tok.i in suppressed:
            return []
        heads, passive = self.noun_sources(tok) if entry.noun else self.sources(tok)
        if passive and not heads:  # *waar hij zit opgesloten*: no agent named, so no source
            self.agentless.add(tok.i)
        heads = [h for h in heads if self.span[0] <= h.i < self.span[1]]  # else a misparse across sentences
        sources: list[Actor] = []
        for head in heads:
            for source in self.group(head) or [self.unbound(head, tok, self.actor(head))]:
                if source is not None and source not in sources:
                    sources.append(source)
        out: list[Coded] = []
        for source in sources:
            self.current = source
            mutual = len(sources) > 1 and code[:2] in SYMMETRIC_ROOTS
            if entry.noun:
                target = self.noun_target(tok, {source.id})
            else:  # X en Y: a loosely attached name does not outrank the co-subject
                target = self.target(tok, {source.id}, loose=not mutual)
            if target is None and wrapper_head is not None:
                target = self.target(wrapper_head, {source.id}, loose=not mutual)
            if target is None and len(sources) > 1 and code[:2] in RECIPROCAL_ROOTS:
                target = next(s for s in sources if s.id != source.id)  # X en Y ontmoetten elkaar
            if target is None and not entry.noun:
                target = self.nearby(tok, {s.id for s in sources}, heads)
            more = [] if target is None or entry.noun else self.coordinated_targets(tok, target, {source.id})[1:]
            out.append(Coded(source, target, code, negated, modality, reported, tok, more))
        self.current = None
        return out

    def vote_noun(self, tok: Token) -> bool:
        """A vote or proposal noun as a verb's object or oblique (*bij een stemming*): the clause
        on it (*om X te veroordelen*) is what the verb's subject does or refuses to do."""
        return tok.pos_ == "NOUN" and dep(tok) in ("obl", "obj") and self.lemma(tok) in self.vote_nouns

    def wrapped(self, wrapper: LexEntry, head: Token, negated: bool, modality: str) -> tuple[bool, str]:
        """Negation and modality of an event under a wrapping predicate (*weigerde te*, *van
        plan*): a negative wrapper flips the negation, the wrapper's modality wins."""
        negated = negated != ("neg" in wrapper.flags or self.negated(head))
        return negated, wrapper.flag_value("mod") or (modality if modality != "asserted" else self.modality(head))

    def unbound(self, head: Token, tok: Token, source: Actor | None) -> Actor | None:
        """A personal pronoun subject is not its own clause's object (binding: *toen hij weigerde
        naast Poetin te staan* is not Poetin): resolved to that object, it goes to the person
        named before it instead."""
        if source is None or source.type != "person" or head.pos_ != "PRON" or head.lower_ not in PERSONAL:
            return source
        if self.target(tok, set(), loose=False) != source:
            return source
        return self.index.previous_person(head.idx, source.id)

    def noun_sources(self, tok: Token) -> tuple[list[Token], bool]:
        """Source of an event noun: possessor, demonym adjective or agent phrase."""
        heads = [c for c in tok.children if dep(c) in ("nmod:poss", "amod", "det") and c.pos_ != "DET"]
        heads += [n for label, p, n in prepositional(tok) if p in self.agent_preps]
        if not [h for h in heads if self.actor(h) is not None]:
            entry = self.lex.match(norm(tok.lemma_ or tok.text), self.bag(tok), noun=True)
            # *hun ontmoeting*: a plural possessive stands for the clause's (coordinated) subject
            shared = any(h.pos_ == "PRON" and h.lower_ in PLURAL for h in heads)
            if entry is not None and ("share" in entry.flags or shared):
                for head in governors(tok):  # the clause the noun is part of
                    if is_predicate(head):
                        return self.sources(head)
        return heads, False

    def noun_target(self, tok: Token, exclude: set[str]) -> Actor | None:
        preps = [(p, n) for label, p, n in prepositional(tok) if p in self.target_preps and label != "nmod:poss"]
        for _p, noun in sorted(preps, key=lambda pn: self.target_preps.index(pn[0])):
            found = self.actor(noun)
            if found is not None and found.id not in exclude:
                return found
        return None
