"""The source of an event: who does it.

- an active predicate's subject (conjoined subjects give one source each; the first named
  example of *bedrijven zoals X en Y*; a relative pronoun stands for the noun it modifies);
- a passive's ``door``/``by`` agent, or none (an agentless passive has no source);
- a clause without its own subject (an infinitive, a conjunct, *X zei dat ... en riep Y
  op*, a verb-second conjunct the parser hung on a noun, an English gerund after *in/by*)
  takes the subject of the clause that governs it;
- in a verb-final relative clause, a name before the verb is the subject when the parser made
  the relative pronoun the subject (*de sancties die X wilden invoeren*), unless agreement says
  otherwise; a participle modifying a noun is a passive (*de door X gesteunde regering*);
- a plural verb's singular "subject" after it is its object, the plural phrase before the verb
  its subject (``agreement``);
- an event noun's possessor, demonym adjective or agent phrase (*de Russische aanval*).
"""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Token

from powermap.extract.events.agreement import misread_subject
from powermap.extract.events.attachment import detached_agents
from powermap.extract.events.lexicon import EventLexicon, norm
from powermap.extract.events.predicates import Predicates
from powermap.extract.events.referents import Focus, Referents
from powermap.extract.events.syntax import (
    COMPLEMENT,
    OBJECT,
    SUBJECT,
    agents,
    conjuncts,
    dep,
    governors,
    is_participle_modifier,
    is_passive,
    is_predicate,
    language_words,
    prepositional,
    subjects,
)

#: dependency labels of a noun phrase's head inside a clause
NOMINAL_POSITIONS = {"obl", "obl:arg", "obj", "nsubj", "nmod"}


class Sources:
    """Source reading over a parse.

    Args:
        lexicon (EventLexicon): the language's cues.
        predicates (Predicates): lemmas and lexicon rows of predicates.
        referents (Referents): actor resolution.
        focus (Focus): the sentence being coded.
    """

    def __init__(self, lexicon: EventLexicon, predicates: Predicates, referents: Referents, focus: Focus) -> None:
        self.lex = lexicon
        self.predicates = predicates
        self.referents = referents
        self.focus = focus
        self.agent_preps = lexicon.cue_set("agent_preps")
        self.stative_verbs = lexicon.cue_set("stative_passive_verbs")
        self.causatives = lexicon.cue_set("reflexive_causatives")
        self.reflexive = lexicon.cue_set("reflexive")
        self.example_marks = lexicon.cue_set("example_marks")
        self.vote_nouns = lexicon.cue_set("vote_nouns")
        self.infinitive = lexicon.cue_set("infinitive_particles")
        self.infinitive_clause = lexicon.cue_set("infinitive_clause_marks")
        self.verb_second = bool(lexicon.cues.get("verb_second"))
        self.giver_preps = lexicon.cue_set("giver_preps")
        self.noun_source_preps = lexicon.cue_set("noun_source_preps")
        self.noun_target_preps = lexicon.cue_set("noun_target_preps")
        self.light_verbs = lexicon.cue_set("light_verbs")
        self.gerund_preps = language_words(lexicon.language, "gerund_subject_preps")

    def sources(self, tok: Token) -> tuple[list[Token], bool]:
        """Source noun heads for a predicate, and whether it is passive. A clause without a
        subject (or with only an unresolved plural pronoun) takes the governing clause's."""
        actor, antecedent = self.referents.actor, self.referents.antecedent
        passive = is_passive(tok) or self.stative_passive(tok) or self.passive_conjunct(tok)
        passive = passive or self.reflexive_causative(tok)
        if passive or (is_participle_modifier(tok) and agents(tok, self.agent_preps)):  # *de door X gesteunde*
            return [c for a in agents(tok, self.agent_preps) for c in conjuncts(a)], True
        if self.nominal_infinitive(tok) and (by := agents(tok, self.agent_preps)):  # *ingrijpen door X*
            return [c for a in by for c in conjuncts(a)], False
        name = self.predicates.inverted_relative(tok)  # *de sancties die X wilden invoeren*: X
        clause = self.predicates.relative_clause(tok)
        if name is not None and clause is not None and not self.names_actor(clause.head) and actor(name) is not None:
            return [name], False
        main = self.elided_subject_conjunct(tok)
        if main is not None:  # X zei dat ... en riep Y op: X calls
            found = [c for s in subjects(main) for c in conjuncts(s)]
            if found:
                return [antecedent(s) for s in found], False
        repair = misread_subject(tok) if self.verb_second else None
        if repair is not None:  # *Veel landen, zoals X, erkennen Y niet*: not Y
            fronted: list[Token] = []
            for noun in repair.fronted:
                first = self.example(noun)
                fronted += [first] if first is not None else conjuncts(noun)
            return [antecedent(h) for h in fronted], False
        own: list[Token] = []
        if self.clausal_subject(tok):  # *Being at the helm of X does not give ...*: no actor acts
            return [], False
        for subj in subjects(tok):
            first = self.example(subj)
            own += [first] if first is not None else [m for c in conjuncts(subj) for m in self.modifier_conjuncts(c)]
        # *dat het geplande oefeningen schrapt*: the "article" of a plural noun is the subject
        misread = [
            d
            for c in tok.children
            if dep(c) in OBJECT | SUBJECT
            for d in c.children
            if self.referents.misread_article(d)
        ]
        if misread:
            own = misread
        if own and not all(s.pos_ == "PRON" and actor(antecedent(s)) is None for s in own):
            return [antecedent(s) for s in own], False
        if not own and (clause := self.gerund_clause(tok)) is not None:  # *X was firm in blaming Y*
            return [antecedent(c) for s in subjects(clause) for c in conjuncts(s)], False
        if not own and (clause := self.stranded_conjunct(tok)) is not None:  # *X stelde dat ... en eiste*
            return [antecedent(c) for s in subjects(clause) for c in conjuncts(s)], False
        for cur, head in pairwise((tok, *governors(tok, COMPLEMENT | {"conj", "acl"}, self.carrier_noun))):
            if self.finite_subordinate(cur):  # hoewel/omdat/toen ...: its own (missed) subject
                break
            if self.subject_on_noun(head):  # *wist hij met een offensief Y te veroveren*: not Y
                continue
            found = [c for s in subjects(head) for c in conjuncts(s)]
            if found and not (is_passive(head) and dep(tok) != "conj"):
                return [antecedent(s) for s in found], False
        if not own and (clause := self.split_infinitive(tok)) is not None:
            return [antecedent(c) for s in subjects(clause) for c in conjuncts(s)], False
        if not own and (verb := self.object_infinitive(tok)) is not None:  # *announced plans to V*
            return [antecedent(c) for s in subjects(verb) for c in conjuncts(s)], False
        return [antecedent(s) for s in own], False

    def object_infinitive(self, tok: Token) -> Token | None:
        """The verb whose object noun an infinitive without a subject complements (*X unveiled
        plans to pull out*, *X took steps to restrict Y*): who has the plan acts; else None."""
        noun = tok.head
        infinitive = "Inf" in tok.morph.get("VerbForm", []) or any(c.lower_ in self.infinitive for c in tok.children)
        if dep(tok) != "acl" or not infinitive or noun.i == tok.i:
            return None
        if noun.pos_ != "NOUN" or dep(noun) not in OBJECT or noun.head.i == noun.i:
            return None
        return noun.head if is_predicate(noun.head) else None

    @staticmethod
    def clausal_subject(tok: Token) -> bool:
        """Whether the predicate's subject is a clause (``csubj``: *To attack X would harm Y*,
        *Being the ally of X gives ...*): what is done is the subject, and a name inside it is no
        source."""
        found = subjects(tok)
        return bool(found) and all(dep(s) in ("csubj", "csubj:pass") for s in found)

    def names_actor(self, noun: Token) -> bool:
        """Whether a noun is itself an actor's mention or a role description (*de president*)."""
        refs = self.referents
        return refs.index.at(noun.idx, noun.idx + len(noun.text)) is not None or refs.role_person(noun) is not None

    def modifier_conjuncts(self, noun: Token) -> list[Token]:
        """A noun whose coordinated modifiers name distinct actors (*de Poolse en Litouwse
        regering*) stands for each of them; else the noun itself."""
        for child in noun.children:
            if dep(child) != "amod":
                continue
            members = conjuncts(child)
            ids = {a.id for m in members if (a := self.referents.actor(m)) is not None}
            if len(members) > 1 and len(ids) == len(members):
                return members
        return [noun]

    def noun_sources(self, tok: Token) -> tuple[list[Token], bool]:
        """Source of an event noun: possessor, demonym adjective or agent phrase."""
        by = [n for label, p, n in prepositional(tok) if p in self.agent_preps]
        by = by or detached_agents(tok, self.agent_preps)  # *uitsluiting | door Y*, hung on the verb
        # *haar ontslag door Y*: with an agent phrase the possessor undergoes the act
        heads = by or [c for c in tok.children if dep(c) in ("nmod:poss", "amod", "det") and c.pos_ != "DET"]
        if not by and not any(self.referents.actor(h) is not None for h in heads):
            # *de militaire steun van X aan Y*: an adjective that names no one leaves the van phrase
            heads = self.of_source(tok) or heads
        if not [h for h in heads if self.referents.actor(h) is not None]:
            entry = self.lex.match(norm(tok.lemma_ or tok.text), self.predicates.bag(tok), noun=True)
            # *hun ontmoeting*: a plural possessive stands for the clause's (coordinated) subject
            shared = any(h.pos_ == "PRON" and h.lower_ in self.referents.plural_forms for h in heads)
            if entry is not None and ("share" in entry.flags or shared):
                for head in governors(tok):  # the clause the noun is part of
                    if is_predicate(head):
                        return self.sources(head)
            if (verb := self.light_verb(tok)) is not None:  # *X bracht een bezoek aan Y*
                return self.sources(verb)
        return heads, False

    def light_verb(self, tok: Token) -> Token | None:
        """The light verb (``light_verbs``: *brengen, voeren, launch, pay*) whose object the
        event noun is, when the verb codes nothing itself: the noun is what its subject does
        (*een bezoek brengen aan*, *to launch an invasion of*)."""
        verb = tok.head
        if dep(tok) not in OBJECT or verb.i == tok.i or not is_predicate(verb):
            return None
        if self.predicates.lemma(verb) not in self.light_verbs:
            return None
        own = self.predicates.entry(verb)  # a row that codes the verb itself wins (no double event)
        return verb if own is None or own.cameo is None else None

    @staticmethod
    def nominal_infinitive(tok: Token) -> bool:
        """An infinitive used as a noun (*waarschuwen voor militair ingrijpen door X*): a bare
        infinitive in a nominal position, without a subject or an infinitive particle of its own;
        its agent phrase names who acts."""
        if "Inf" not in tok.morph.get("VerbForm", []) or dep(tok) not in NOMINAL_POSITIONS:
            return False
        return not subjects(tok) and not any(dep(c) == "mark" for c in tok.children)

    def of_source(self, tok: Token) -> list[Token]:
        """An event noun with both a *van* phrase and a directed phrase (*de aanval van X op Y*,
        *de wapenverkopen van X aan Y*): the *van* phrase names who acts. Alone it is ambiguous
        (*de invasie van X*: X is invaded), so it counts only beside a directed phrase."""
        phrases = list(prepositional(tok))
        if not any(p in self.noun_target_preps for _label, p, _n in phrases):
            return []
        return [n for _label, p, n in phrases if p in self.noun_source_preps]

    def givers(self, tok: Token) -> list[Token]:
        """Who gives what a predicate of receiving receives (*kreeg steun van X*, *received aid
        from X*): the giver phrase on the verb or on its object, each conjunct."""
        holders = [tok, *(c for c in tok.children if dep(c) in OBJECT)]
        found = [n for h in holders for _label, p, n in prepositional(h) if p in self.giver_preps]
        return [c for n in found for c in conjuncts(n)]

    def carrier_noun(self, tok: Token) -> bool:
        """A noun the climb to a governing subject passes whatever its relation: a vote or
        proposal noun (``vote_noun``) or a noun with a misread subject (``subject_on_noun``)."""
        return self.vote_noun(tok) or self.subject_on_noun(tok)

    def subject_on_noun(self, tok: Token) -> bool:
        """In a verb-final language, a noun that is no predicate (no copula) but has a nominal
        subject (*wist hij met een offensief het zuiden te veroveren*, *zuiden* hung as the
        subject of *offensief*): a misparse; the noun's phrase is part of the clause above, whose
        subject a *te* infinitive on the noun shares."""
        return (
            self.verb_second
            and tok.pos_ == "NOUN"
            and dep(tok) in ("obl", "obj")
            and not is_predicate(tok)
            and any(dep(c) == "nsubj" for c in tok.children)
        )

    def vote_noun(self, tok: Token) -> bool:
        """A vote or proposal noun as a verb's object or oblique (*bij een stemming*): the clause
        on it (*om X te veroordelen*) is what the verb's subject does or refuses to do."""
        return tok.pos_ == "NOUN" and dep(tok) in ("obl", "obj") and self.predicates.lemma(tok) in self.vote_nouns

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

    def gerund_clause(self, tok: Token) -> Token | None:
        """The clause whose subject a gerund without one shares: the predicate its preposition
        (``gerund_subject_preps``: *by, in, after*) modifies, directly or through an adjective
        complement (*X was forceful in blaming Y*, *X replied by recalling its envoy*); else None."""
        prep = tok.head
        if dep(tok) != "pcomp" or prep.i == tok.i or prep.lower_ not in self.gerund_preps:
            return None
        head = prep.head
        if head.pos_ == "ADJ" and (dep(head) == "acomp" or dep(head) in ("xcomp", "amod")) and head.head.i != head.i:
            head = head.head  # *was forceful in*
        return head if head.i != prep.i and is_predicate(head) and subjects(head) else None

    @staticmethod
    def noun_gerund(tok: Token) -> bool:
        """Whether a gerund complements a preposition on a noun (*the cost of blaming Y*): its
        doer is not named, and no name found by word order is it."""
        prep = tok.head
        return dep(tok) == "pcomp" and prep.i != tok.i and prep.head.i != prep.i and prep.head.pos_ in ("NOUN", "PROPN")

    def stranded_conjunct(self, tok: Token) -> Token | None:
        """In a verb-second language, a finite verb right after *en/maar* without a subject of its
        own that the parser hung on a noun (*X zei dat de brand ... typerend is voor het
        beleid en eiste van Y ...*) opens a main clause with its subject left out: the
        clause it shares the subject with is the main clause around that noun. Else None."""
        if not self.verb_second or dep(tok) != "conj" or tok.i == 0 or is_predicate(tok.head):
            return None
        before = tok.doc[tok.i - 1]  # the coordinator right before the verb (*en eiste*)
        if "Fin" not in tok.morph.get("VerbForm", []) or dep(before) != "cc" or before.head.i != tok.i:
            return None
        clause = next((h for h in governors(tok) if is_predicate(h)), None)
        while clause is not None and (dep(clause) in COMPLEMENT | {"acl:relcl", "acl"}) and clause.head.i != clause.i:
            clause = clause.head  # up from the subordinate clause the noun sits in
        return clause if clause is not None and subjects(clause) else None

    def split_infinitive(self, tok: Token) -> Token | None:
        """The clause an infinitive the parser cut off as a root of its own belongs to (*X is
        van plan | Y hulp te bieden*): the root before it in the sentence, when ``tok`` (or the
        root it hangs from) is a *te* infinitive, which has no subject of its own."""
        top = tok
        for head in governors(tok, COMPLEMENT | {"conj"}):
            top = head
        if dep(top) != "root" or not any(dep(c) == "mark" and c.lower_ in self.infinitive for c in top.children):
            return None
        doc = tok.doc
        first = self.focus.span[0]
        roots = (doc[i] for i in range(top.i - 1, first - 1, -1) if dep(doc[i]) == "root" and subjects(doc[i]))
        return next(roots, None)

    def finite_subordinate(self, tok: Token) -> bool:
        """An adverbial clause with its own subordinator (*hoewel, omdat, toen, although*),
        not an infinitive (*om ... te*, *door ... te*), so not sharing the main clause's subject."""
        if dep(tok) != "advcl":
            return False
        marks = [c.lower_ for c in tok.children if dep(c) == "mark"]
        return bool(marks) and not any(m in self.infinitive_clause for m in marks)

    def example(self, tok: Token) -> Token | None:
        """The first named example of a subject (*bedrijven, zoals X, Y en Z*: X), which stands
        for the group as one source (like a compound target, one event), or None."""
        for child in tok.children:
            marks = {c.lower_ for c in child.children if dep(c) in ("case", "mark")}
            if marks & self.example_marks and (child.pos_ == "PROPN" or child.text[:1].isupper()):
                return child
        return None

    def reflexive_causative(self, tok: Token) -> bool:
        """An infinitive under a causative verb with a reflexive (``reflexive_causatives``: *X
        liet zich toejuichen door Y*): a passive, whose ``door`` phrase names who acts."""
        head = tok.head
        if dep(tok) != "xcomp" or head.i == tok.i or self.predicates.lemma(head) not in self.causatives:
            return False
        return any(c.lower_ in self.reflexive and c.pos_ == "PRON" for v in (tok, head) for c in v.children)

    @staticmethod
    def passive_conjunct(tok: Token) -> bool:
        """A participle conjoined with a passive participle, without an auxiliary or subject of its
        own (*X werd gevangengenomen en vermoord*), shares the passive: its agent acts, if named."""
        head = tok.head
        if dep(tok) != "conj" or head.i == tok.i or "Part" not in tok.morph.get("VerbForm", []):
            return False
        own = any(dep(c) in ("aux", "aux:pass", "cop") or dep(c) in SUBJECT for c in tok.children)
        return not own and is_passive(head)

    def stative_passive(self, tok: Token) -> bool:
        """A past participle governed by a stative verb (*zit opgesloten*, *remains detained*):
        the governing subject undergoes the act, only a *door/by* phrase names its agent."""
        return (
            "Part" in tok.morph.get("VerbForm", [])
            and dep(tok) in ("xcomp", "obl", "ccomp")
            and (tok.head.lemma_ or "").lower() in self.stative_verbs
        )
