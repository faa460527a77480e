"""The target of an event: whom it is aimed at.

Candidates, in order: the noun a participle modifies, a passive's subject, the indirect
object, the object (a relative pronoun: its noun; and objects the parser hung elsewhere, after
the predicate's own prepositional complements when it is a controlled infinitive),
prepositional complements in the language's preference order (``target_preps``:
aan/tegen/op/met..., to/against/on/with...), the arguments of a governed clause (*om Y te
straffen*); with ``loose``, then any other actor among the complements; the coder's last
resort is the nearest actor by word order. A common noun that names no actor stands for its
agent phrase or possessive (*the proclamation by X*, *haar akkoord*). An attribution (*volgens
X*), a place after a locative preposition and a channel (*via X*) are never targets.
"""

from __future__ import annotations

from spacy.tokens import Token

from powermap.extract.events.agreement import misread_subject
from powermap.extract.events.attachment import detached_agents
from powermap.extract.events.lexicon import EventLexicon, norm
from powermap.extract.events.predicates import Predicates
from powermap.extract.events.referents import Referents
from powermap.extract.events.sources import Sources
from powermap.extract.events.syntax import (
    CLAUSAL,
    OBJECT,
    agents,
    clause_words,
    conjuncts,
    dep,
    governors,
    is_participle_modifier,
    is_passive,
    np_tokens_by_distance,
    prepositional,
    stray_subjects,
    subjects,
    subtree,
)
from powermap.records import Actor

#: how far (in tokens) a word-order target may stand from its predicate
NEARBY = 8
#: how many relations are climbed from a word to the predicate whose clause holds it
CLAUSE_REACH = 12


class Targets:
    """Target reading over a parse.

    Args:
        lexicon (EventLexicon): the language's cues (target, agent and infinitive prepositions).
        predicates (Predicates): objects the parser hung elsewhere.
        referents (Referents): actor resolution.
        sources (Sources): tells a conjunct whose subject is left out.
    """

    def __init__(self, lexicon: EventLexicon, predicates: Predicates, referents: Referents, sources: Sources) -> None:
        self.predicates = predicates
        self.referents = referents
        self.sources = sources
        self.target_preps = [str(p).lower() for p in lexicon.cues.get("target_preps") or []]
        self.agent_preps = lexicon.cue_set("agent_preps")
        self.partitive_preps = lexicon.cue_set("partitive_preps")
        self.partitive_words = lexicon.cue_set("partitive_words")
        self.infinitive_marks = lexicon.cue_set("infinitive_marks")
        self.infinitive_clause = lexicon.cue_set("infinitive_clause_marks")
        self.open_list_marks = lexicon.cue_set("open_list_marks")
        self.owner_preps = lexicon.cue_set("owner_preps")
        self.medium_preps = lexicon.cue_set("medium_preps")
        self.medium_nouns = lexicon.cue_set("medium_nouns")
        self.headed_by = lexicon.headed_by

    def target(
        self,
        tok: Token,
        exclude: set[str],
        loose: bool = True,
        theme: frozenset[str] = frozenset(),
        topic: bool = False,
    ) -> Actor | None:
        """The first candidate (see the module docstring) that is an actor not in ``exclude``. A
        common noun among ``theme`` (the words of the row's pattern: *troepen sturen naar X*,
        *send troops to X*) is what the act moves or uses, never whom it is aimed at. With
        ``topic`` (row flag: *discuss X*, *X bespreken*) the object is what is talked about, not a
        party: only the other complements (*with Y*) and no word-order reach give the target."""
        loose = loose and not topic
        if is_participle_modifier(tok) and (found := self.modified(tok, exclude)) is not None:
            return found  # *de door X gesteunde regering van Y*: the noun undergoes the act
        candidates: list[Token] = []
        if is_passive(tok):  # *the coalition, which was joined by X*: the relative pronoun's noun
            candidates += [self.referents.antecedent(c) for s in subjects(tok) for c in conjuncts(s)]
        candidates += [c for c in tok.children if dep(c) == "iobj"] + stray_subjects(tok)
        if self.sources.elided_subject_conjunct(tok) is not None:  # en riep Z op: Z is the object
            candidates += [c for c in tok.children if dep(c) == "nsubj"]
        misread = misread_subject(tok) if self.sources.verb_second else None
        fronted = misread.fronted if misread is not None else []
        if misread is not None:  # *Veel landen erkennen Y niet*, parsed with Y as subject
            candidates.append(misread.subject)
        # *the republic, which X does not recognize*: a relative pronoun object is its noun
        if not topic:
            candidates += [self.referents.antecedent(c) for c in tok.children if dep(c) == "obj" and c not in fronted]
        borrowed = self.predicates.borrowed(tok)
        preps = sorted(
            ((p, n) for label, p, n in prepositional(tok) if label != "obl:agent" and p not in self.agent_preps),
            key=lambda pn: self.target_preps.index(pn[0]) if pn[0] in self.target_preps else 99,
        )
        own = [n for p, n in preps if p in self.target_preps]
        # *riep X op om te demonstreren tegen Y*: the governing verb's object controls the
        # infinitive (it is who acts), so the infinitive's own complement comes first
        candidates += own + borrowed if dep(tok) == "xcomp" else borrowed + own
        for child in tok.children:  # the arguments of a governed clause (om Y te straffen)
            if self.governed_clause(child) and not subjects(child):
                candidates += [c for c in child.children if dep(c) in OBJECT]
                candidates += [n for label, p, n in prepositional(child) if label != "obl:agent"]
        refs = self.referents
        for cand in candidates:  # a place after a locative preposition is where, not whom
            if theme and cand.is_lower and (cand.lower_ in theme or norm(cand.lemma_ or cand.text) in theme):
                continue
            found = (
                None
                if refs.attribution(cand) or refs.locative(cand) or self.channel(cand)
                else self.about(cand, exclude)
            )
            if found is not None and found.id in exclude and cand.lower_ in refs.personal:
                found = refs.index.previous_person(cand.idx, exclude)  # *X arresteerde hem*: not X
            if found is not None and found.id not in exclude:
                return found
        if not loose:
            return None
        # any actor among the complements, not in the agent phrase of a passive (*joined by X and Y*)
        agent_words = {w.i for a in agents(tok, self.agent_preps) for w in subtree(a)}
        words = sorted(clause_words(tok), key=lambda t: abs(t.i - tok.i))
        if (found := self.act_agent(words, agent_words, exclude)) is not None:
            return found
        for t in words:
            if t.i in agent_words:
                continue
            if t.pos_ in ("PROPN", "NOUN", "ADJ", "X") and not refs.attribution(t) and not self.channel(t):
                found = refs.index.at(t.idx, t.idx + len(t.text)) or refs.described(t)
                if found is not None and found.id not in exclude and found.type != "place":
                    return found
        return None

    def about(self, cand: Token, exclude: set[str] | frozenset[str] = frozenset()) -> Actor | None:
        """The actor a complement stands for. A common noun that names no actor itself is an act
        or thing, aimed at whoever is behind it: its agent phrase (*attacked the proclamation
        ... by X*, *het besluit door X*) before any other name in the phrase, else its
        possessive pronoun (*instemmen met haar akkoord*; one the actor layer leaves open is the
        person named last who is not in ``exclude``, the source: *I disagreed with his plan*); a
        role noun's possessor (*zijn minister*) is another person, not the target. A quantity word
        with a partitive phrase (*many of his proposals*) stands for that phrase's noun."""
        refs = self.referents
        cand = self.partitive(cand)
        if cand.pos_ != "NOUN" or refs.index.at(cand.idx, cand.idx + len(cand.text)) is not None:
            return refs.actor(cand)
        for _label, prep, noun in prepositional(cand):
            if prep in self.agent_preps and (found := refs.actor(noun)) is not None:
                return found
        found = refs.actor(cand)
        if found is not None or cand.lower_ in refs.role_nouns:
            return found
        owners = [c for c in cand.children if dep(c) == "nmod:poss" and c.pos_ == "PRON"]
        if not owners:
            return None
        owner = owners[0]  # the actor layer's reading of *zijn*, *haar*, *his*
        found = refs.actor(owner) or refs.index.resolve(owner.idx, owner.idx + len(owner.text), owner.text)
        if found is None and owner.lower_ in refs.possessive and "Neut" not in owner.morph.get("Gender", []):
            found = refs.index.previous_person(owner.idx, set(exclude))
        return found

    def act_agent(self, words: list[Token], agent_words: set[int], exclude: set[str]) -> Actor | None:
        """The actor an agent phrase names on a common noun among a predicate's complements
        (*criticized the plan as a betrayal by X*: X): a reaction to an act is
        aimed at whoever did it, before any other name in the phrase (the word-order reach)."""
        for t in words:
            if t.pos_ != "NOUN" or t.i in agent_words:
                continue
            for _label, prep, noun in prepositional(t):
                found = self.referents.actor(noun) if prep in self.agent_preps else None
                if found is not None and found.id not in exclude and found.type != "place":
                    return found
        return None

    def partitive(self, cand: Token) -> Token:
        """A quantity word with a partitive phrase (``partitive_words`` + ``partitive_preps``:
        *disagreed with many of his proposals*) stands for the noun of that phrase; else ``cand``."""
        if cand.lower_ not in self.partitive_words:
            return cand
        for _label, prep, noun in prepositional(cand):
            if prep in self.partitive_preps:
                return noun
        return cand

    def channel(self, tok: Token) -> bool:
        """A name after a preposition of the channel (``medium_preps``: *via Twitter*) is how
        the act travels, not whom it is aimed at; so is a medium after any preposition: an actor
        of type ``media`` or a name a medium noun heads (``medium_nouns``: *op tv-zender X*)."""
        head = tok if dep(tok) not in ("flat", "compound", "appos") else tok.head
        cases = [c for c in head.children if dep(c) == "case"]
        if any(c.lower_ in self.medium_preps for c in cases):
            return True
        if dep(head) == "pobj" and head.head.lower_ in self.medium_preps:  # ClearNLP: via <- prep
            return True
        if not cases and dep(head) != "pobj":
            return False
        if self.headed_by(head.lower_, self.medium_nouns):
            return True
        found = self.referents.actor(tok)
        return found is not None and found.type == "media"

    def modified(self, participle: Token, exclude: set[str]) -> Actor | None:
        """The actor the noun a participle modifies names, outside the participle's own phrase
        (*de door X gesteunde regering van Y*: Y, not the agent X)."""
        own = {t.i for t in subtree(participle)}
        noun = participle.head
        for t in (noun, *np_tokens_by_distance(noun)):
            if t.i in own or self.referents.locative(t):
                continue
            found = self.referents.index.at(t.idx, t.idx + len(t.text))
            if found is not None:
                return found if found.id not in exclude else None
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
        refs = self.referents
        taken = {t.i for h in heads for t in np_tokens_by_distance(h)}
        best: tuple[int, Actor] | None = None
        for t in tok.sent:
            gap = abs(t.i - tok.i)
            if t.i in taken or gap > NEARBY or (best is not None and gap >= best[0]):
                continue
            if self.argument_elsewhere(t, tok) or refs.attribution(t) or self.channel(t):
                continue
            if self.sibling_subordinate(t, tok):
                continue
            found = refs.index.at(t.idx, t.idx + len(t.text)) or refs.described(t)
            if found is not None and found.id not in exclude and not refs.locative(t):
                best = (gap, found)
        return best[1] if best else None

    def sibling_subordinate(self, t: Token, tok: Token) -> bool:
        """Whether ``t`` belongs to another adverbial clause with its own subordinator on the
        same predicate as ``tok`` (*X staat onder druk om Z te eisen, terwijl bij Y woede
        heerst*): that clause has its own subject and says nothing of whom ``tok`` aims at."""
        head = t
        for _ in range(CLAUSE_REACH):
            if head.i == tok.i:
                return False
            if head.pos_ in ("VERB", "AUX") or dep(head) in CLAUSAL or head.head.i == head.i:
                break
            head = head.head
        if head.i == tok.i or dep(head) != "advcl" or head.head.i != tok.head.i or head.head.i == tok.i:
            return False
        marks = [c.lower_ for c in head.children if dep(c) == "mark"]
        return bool(marks) and not any(m in self.infinitive_clause for m in marks)

    @staticmethod
    def argument_elsewhere(t: Token, tok: Token) -> bool:
        """Whether ``t`` belongs to the clause of a predicate that governs ``tok`` or is
        conjoined with it: the speaker of *X said Y will ...*, the subject of *..., and Z
        demanded*, the object of *rejected the demand and accused W* or of the main clause of
        *lift sanctions on M until troops withdraw* are not ``tok``'s target. Arguments of
        other predicates may be misparses and stay candidates."""
        head = t
        for _ in range(CLAUSE_REACH):  # up to the predicate whose clause holds t
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

    def coordinated_targets(
        self, tok: Token, target: Actor, exclude: set[str], by_order: bool = False
    ) -> tuple[list[Actor], bool]:
        """Further targets coordinated with the one found (*praised Finland and Sweden*): the
        conjuncts of the object or complement that names ``target``, each a distinct actor; and
        whether the list is open (*Google, Skype en andere diensten*, ``open_list_marks``):
        an open list illustrates one group, a closed one names each party. A target found by
        word order (``by_order``) brings the coordination it stands in (*gaat naar X en Y om
        daar te pleiten*: both)."""
        actor = self.referents.actor
        nouns = [c for c in tok.children if dep(c) in OBJECT]
        nouns += [n for label, _p, n in prepositional(tok) if label != "obl:agent"]
        if by_order:
            nouns += self.coordination_of(tok, target)
        for cand in nouns:
            members = conjuncts(cand)
            if len(members) < 2:  # *with the navies of X, Y and Z*: the owners are the parties
                members = self.owner_conjuncts(cand)
            named = [actor(m) for m in members]
            if len(members) < 2 or target not in (named if by_order else named[:1]):
                continue
            out = [target]
            for m in members:
                found = actor(m)
                if found is not None and found.id not in exclude and found not in out:
                    out.append(found)
            return out, self.open_list(members)
        return [target], False

    def coordination_of(self, tok: Token, target: Actor) -> list[Token]:
        """The first conjunct of a coordination within ``NEARBY`` tokens of ``tok`` one of whose
        members names ``target``, as a one-item list; else []."""
        index = self.referents.index
        for t in tok.sent:
            if abs(t.i - tok.i) > NEARBY or index.at(t.idx, t.idx + len(t.text)) != target:
                continue
            first = t
            while dep(first) in ("conj", "flat", "compound") and first.head.i != first.i:
                first = first.head
            if len(conjuncts(first)) > 1:
                return [first]
        return []

    def owner_conjuncts(self, noun: Token) -> list[Token]:
        """The coordinated owners of a common noun that names no actor itself (*de marines van X
        en Y*, *the navies of X and Y*): each owner is a party of the act; else []."""
        if noun.pos_ != "NOUN" or self.referents.index.at(noun.idx, noun.idx + len(noun.text)) is not None:
            return []
        owners = [n for _label, p, n in prepositional(noun) if p in self.owner_preps]
        return conjuncts(owners[0]) if len(owners) == 1 else []

    def open_list(self, members: list[Token]) -> bool:
        """Whether a conjunct is marked as the rest of an open list (*andere*, *other*, *etc.*)."""
        marks = self.open_list_marks
        return any(m.lower_ in marks or any(c.lower_ in marks for c in m.children) for m in members)

    def noun_target(self, tok: Token, exclude: set[str]) -> Actor | None:
        """The target of an event noun: its complement with a target preposition (*de aanval op
        X*); beside an agent phrase, the possessor or owner phrase, which then names who undergoes
        the act (*haar ontslag door Y*, *de arrestatie van X door Y*, *X's arrest by Y*)."""
        phrases = list(prepositional(tok))
        preps = [(p, n) for label, p, n in phrases if p in self.target_preps and label != "nmod:poss"]
        if any(p in self.agent_preps for _label, p, _n in phrases) or detached_agents(tok, self.agent_preps):
            preps = [(p, n) for p, n in preps if p not in self.owner_preps]  # the owner comes below
            preps += [("", c) for c in tok.children if dep(c) == "nmod:poss"]
            preps += [("", n) for _label, p, n in phrases if p in self.owner_preps]
        order = self.target_preps
        for _p, noun in sorted(preps, key=lambda pn: order.index(pn[0]) if pn[0] in order else len(order)):
            found = self.referents.actor(noun)
            if found is not None and found.id not in exclude:
                return found
        return None
