"""Codes events from a dependency parse: who did what to whom, in CAMEO.

For each predicate (verb, copular nominal predicate or event noun) whose lemma and
complements match a lexicon row (``predicates``), the coder reads the source
(``sources``), the target (``targets``), each resolved to an actor (``referents``), and
negation and modality (``modality``). A wrapping predicate (*weigerde te*, *dreigde*)
lends its negation, modality (and for threats its code) to the event it governs; a
governing verb of saying makes the event reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from spacy.tokens import Span, Token

from powermap.extract._tokens import token_table
from powermap.extract.events.actors import ActorIndex
from powermap.extract.events.binding import rebound
from powermap.extract.events.demands import demand_code, demand_of, speaker_of
from powermap.extract.events.demonstratives import ActDescriptions
from powermap.extract.events.lexicon import EventLexicon, LexEntry
from powermap.extract.events.modality import Modality
from powermap.extract.events.predicates import Predicates
from powermap.extract.events.referents import Focus, Referents
from powermap.extract.events.sources import Sources
from powermap.extract.events.syntax import (
    COMPLEMENT,
    OBJECT,
    SUBJECT,
    agents,
    copula_heads,
    dep,
    governors,
    is_participle_modifier,
    is_passive,
    subjects,
)
from powermap.extract.events.targets import Targets
from powermap.extract.stage import ExtractionContext
from powermap.records import Actor

__all__ = ["ADDRESSED_ROOTS", "DYADIC_ROOTS", "RECIPROCAL_ROOTS", "SYMMETRIC_ROOTS", "Coded", "ParseCoder"]

#: a wrapped event under ``threat`` becomes this CAMEO threat code (by wrapped code prefix)
THREAT_CODES = {"163": "1312", "16": "1313", "17": "132", "18": "138", "19": "138", "20": "138"}
#: roots of a wrapped act that an appeal to others (flag ``rally``) turns into CAMEO 113, rally
#: opposition against the act's target (*urged its allies to restrict X*): reduce relations, coerce
RALLY_ROOTS = {"16", "17"}
#: roots of acts addressed to someone (appeal, demand): an adverbial clause of one without a target
#: of its own is addressed to the complement of the verb it modifies (*wrote to Y, appealing for ...*)
ADDRESSED_ROOTS = {"02", "10"}
#: roots whose events need a counterpart (consult: meet, visit, negotiate): one with no target
#: named (*X joined the talks*, *the coalition was joined by X*) tells no dyad and is not coded
DYADIC_ROOTS = {"04"}
#: the root of an appeal: the clause a non-wrapping appeal governs (*hope that X will return*) is
#: what it asks for, no event of its own
APPEAL_ROOT = "02"
#: roots whose events between coordinated subjects are mutual (X en Y ontmoetten elkaar)
RECIPROCAL_ROOTS = {"03", "04", "05", "06"}
#: roots whose events between coordinated subjects are mutual even when another name is
#: loosely attached (consult, diplomatic and material cooperation; not intents such as joining)
SYMMETRIC_ROOTS = {"04", "05", "06"}


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
    """Event coder over a parsed sentence, composed of the role readers.

    Args:
        lexicon (EventLexicon): the language's lexicon and cues.
        ctx (ExtractionContext): gives the actor layer (``actor_at``, ``record.actors``).
    """

    def __init__(self, lexicon: EventLexicon, ctx: ExtractionContext) -> None:
        self.lex = lexicon
        self.focus = Focus(span=(0, len(ctx.doc)))
        self.index = ActorIndex(ctx)
        self.predicates = Predicates(lexicon)
        self.referents = Referents(lexicon, self.index, self.predicates, self.focus)
        self.source_reader = Sources(lexicon, self.predicates, self.referents, self.focus)
        self.targets = Targets(lexicon, self.predicates, self.referents, self.source_reader)
        self.modes = Modality(lexicon)
        self.acts = ActDescriptions(lexicon)
        self.reciprocal = lexicon.cue_set("reciprocal_pronouns")
        #: triggers whose source the parse leaves unnamed (a passive without agent, an open plural
        #: pronoun): the word-order fallback must not give them another name as a source
        self.agentless: set[int] = set()

    # -- the readers other stages use (extract/stances) ----------------------------------
    def actor(self, tok: Token) -> Actor | None:
        return self.referents.actor(tok)

    def sources(self, tok: Token) -> tuple[list[Token], bool]:
        return self.source_reader.sources(tok)

    def negated(self, tok: Token) -> bool:
        return self.modes.negated(tok)

    def modality(self, tok: Token) -> str:
        return self.modes.modality(tok)

    # -- coding -------------------------------------------------------------------------
    def code_sentence(self, sent: Span) -> list[Coded]:
        self.focus.span = (sent.start, sent.end)
        doc, row_of = sent.doc, self.predicates.entry
        entries = {i: e for i in self.possible_rows(sent) if (e := row_of(doc[i])) is not None}
        coded = [i for i, e in entries.items() if e.cameo is not None or e.wrap]
        suppressed: set[int] = set()
        out: list[Coded] = []
        for i in sorted(coded, key=lambda i: entries[i].wrap):  # wrapped clauses before wrappers
            entry = entries[i]
            if entry.cameo is not None:
                out.extend(self.code_predicate(sent.doc[i], entry, entries, suppressed))
        return out

    def possible_rows(self, sent: Span) -> list[int]:
        """The tokens of ``sent`` for which ``Predicates.row`` may find a row, read from the token
        table (a necessary condition): a predicate with a reading that ends a lexicon lemma (every
        reading ``row`` tries is one of the word's with a particle or nothing in front), or a noun
        that names an event noun."""
        table = token_table(sent.doc)
        predicates, endings = self.predicates, self.lex.endings
        lowers, tags, texts, parsed = table.lower, table.pos, table.words, table.lemmas
        copulas, markers = copula_heads(sent.doc), predicates.reported_markers
        found = []
        for i in range(sent.start, sent.end):
            pos = tags[i]
            if lowers[i] in markers:
                continue
            if pos in ("VERB", "AUX") or i in copulas:  # ``is_predicate`` may hold
                own, looked_up, forms = predicates.word_readings(texts[i], parsed[i], lowers[i], pos in ("VERB", "AUX"))
                if own in endings or looked_up in endings or any(f in endings for f in forms):
                    found.append(i)
            elif pos in ("NOUN", "PROPN") and predicates.noun_of(texts[i], parsed[i]) is not None:
                found.append(i)
        return found

    def code_predicate(
        self, tok: Token, entry: LexEntry, entries: dict[int, LexEntry], suppressed: set[int]
    ) -> list[Coded]:
        code = entry.cameo or ""
        modes, reader, targets = self.modes, self.source_reader, self.targets
        negated = modes.negated(tok) != ("neg" in entry.flags and not entry.wrap)  # overslaan: not meeting
        wrapper_head: Token | None = None
        modality = entry.flag_value("mod") or modes.modality(tok)
        reported = promised = False
        speech: Token | None = None  # the verb of saying that reports the act
        for cur, head in pairwise((tok, *governors(tok, COMPLEMENT | {"acl"}, reader.vote_noun))):
            wrapper = entries.get(head.i)
            if wrapper is not None and wrapper.wrap:
                suppressed.add(head.i)
                wrapper_head = wrapper_head or head
                negated, modality = modes.wrapped(wrapper, head, negated, modality)
                promised = promised or wrapper.flag_value("mod") == "intended"
                if "threat" in wrapper.flags:
                    code = next((v for k, v in THREAT_CODES.items() if code.startswith(k)), "130")
                elif "rally" in wrapper.flags and code[:2] in RALLY_ROOTS:
                    code = "113"  # *encouraged its allies to restrict X*: rallies opposition against X
                elif not subjects(tok) and (request := modes.request_code(wrapper, code)) is not None:
                    code, modality = request, modes.modality(head)  # *urged X to yield*: the appeal happened
            elif self.predicates.is_speech(head):
                reported, speech = True, head
                break
            elif dep(cur) == "ccomp" and self.wished(wrapper):
                return []  # *I hope that X will come back*: what the appeal asks for has not happened
            elif dep(cur) in ("ccomp", "advcl"):
                break
        if wrapper_head is None and (clause := reader.split_infinitive(tok)) is not None:
            wrapper = entries.get(clause.i)  # *X is van plan | Y garanties op te leggen*
            if wrapper is not None and wrapper.wrap:
                suppressed.add(clause.i)
                wrapper_head = clause
                negated, modality = modes.wrapped(wrapper, clause, negated, modality)
        if negated and entry.flag_value("ifneg"):
            code, negated = entry.flag_value("ifneg") or code, False
        code = modes.intent_code(code, tok, negated, modality, promised)
        if tok.i in suppressed or self.coded_by_verb(tok, code, entry, entries):
            return []
        heads, passive = reader.noun_sources(tok) if entry.noun else reader.sources(tok)
        if (passive or is_participle_modifier(tok)) and not self.named_agent(heads):  # *zit opgesloten*,
            self.agentless.add(tok.i)  # *the proposed route*, *door aanhangers*: no actor acts
        elif heads and all(h.pos_ == "PRON" and self.referents.actor(h) is None for h in heads):
            self.agentless.add(tok.i)  # *zij hebben ... gesteund*: an open plural pronoun, no named source
        elif not entry.noun and heads and all(self.nameless_subject(tok, h) for h in heads):
            self.agentless.add(tok.i)  # *the collision, which killed X*: its own subject is no actor
        elif not heads and reader.noun_gerund(tok):  # *the cost of blaming Y*: nobody named blames
            self.agentless.add(tok.i)
        elif not heads and (above := self.agentless_governor(tok)) is not None:
            self.agentless |= {tok.i, above.i}  # *X and Y were called to join*: nobody named calls
        first, end = self.focus.span
        heads = [h for h in heads if first <= h.i < end]  # else a misparse across sentences
        if "reverse" in entry.flags:  # *X kreeg steun van Y*: Y supports X
            return self.received(tok, heads, code, negated, modality, reported)
        sources: list[Actor] = []
        for head in heads:
            found: list[Actor | None] = [*self.referents.group(head)] or [
                self.unbound(head, tok, self.referents.actor(head))
            ]
            for source in found:
                if source is not None and source not in sources:
                    sources.append(source)
        if speech is not None and wrapper_head is None and modality == "demanded" and not negated:
            demands = self.reported_demand(speech, sources, code, tok)
            if demands:
                return demands
        if passive and heads and not sources:  # *X was struck by a car*: the agent named is no actor,
            self.agentless.add(tok.i)  # and the patient before the verb is no source either
        out: list[Coded] = []
        # *X en Y beschuldigen elkaar*; *de Pools-Chileense handelsoorlog*: between the two
        paired = entry.noun and any(self.referents.pair(h) for h in heads)
        each_other = len(sources) > 1 and (self.reciprocal_object(tok) or paired)
        for source in sources:
            self.focus.current = source
            if each_other:  # *X en Y beschuldigen elkaar*, *both sides accused each other*
                other = next(s for s in sources if s.id != source.id)
                out.append(Coded(source, other, code, negated, modality, reported, tok))
                continue
            mutual = len(sources) > 1 and code[:2] in SYMMETRIC_ROOTS and not passive
            if entry.noun:
                target = targets.noun_target(tok, {source.id})
                if target is None and (verb := reader.light_verb(tok)) is not None:
                    target = targets.target(verb, {source.id}, loose=False)  # *bracht een bezoek | aan Y*
            else:  # X en Y: a loosely attached name does not outrank the co-subject
                target = targets.target(
                    tok, self.own_side(source), loose=not mutual, theme=entry.theme, topic="topic" in entry.flags
                )
            if target is None and wrapper_head is not None:
                target = targets.target(wrapper_head, {source.id}, loose=not mutual)
            clause = wrapper_head if wrapper_head is not None else tok  # *asking (to waive ...)*
            addressed = target is None and not entry.noun and code[:2] in ADDRESSED_ROOTS and dep(clause) == "advcl"
            if addressed:  # *wrote to Y, appealing for ...*: Y (and whoever is coordinated with Y)
                target = targets.target(clause.head, {source.id}, loose=False)
            mutual_row = code[:2] in RECIPROCAL_ROOTS or "mutual" in entry.flags  # *X and Y disagreed*
            if target is None and len(sources) > 1 and mutual_row and not passive:
                target = next(s for s in sources if s.id != source.id)  # X en Y ontmoetten elkaar
            by_order = (target is None or addressed) and not entry.noun and "topic" not in entry.flags
            if target is None and by_order:
                target = targets.nearby(tok, {s.id for s in sources}, heads)
            if target is None or entry.noun:
                out.append(Coded(source, target, code, negated, modality, reported, tok))
                continue
            parties, open_list = targets.coordinated_targets(tok, target, {source.id}, by_order)
            if open_list:  # *Google, Skype en andere diensten*: one act on an illustrated group
                out.append(Coded(source, target, code, negated, modality, reported, tok, parties[1:]))
                continue
            for each in parties:  # *prees Finland en Zweden*: one event per named party
                out.append(Coded(source, each, code, negated, modality, reported, tok))
        self.focus.current = None
        return out

    @staticmethod
    def wished(entry: LexEntry | None) -> bool:
        """Whether a governing predicate's row is an appeal (CAMEO root 02: *hope, appeal*) that
        wraps nothing: the clause it governs is what is asked for, not an event of its own."""
        return entry is not None and not entry.wrap and (entry.cameo or "")[:2] == APPEAL_ROOT

    def reported_demand(self, speech: Token, subjects_of: list[Actor], code: str, tok: Token) -> list[Coded]:
        """*X said Y should leave*: X's demand of Y (``demands.py``), one event per subject;
        empty when the speaker is unknown or on the subject's side."""
        speaker = speaker_of(speech, self.source_reader.sources, self.referents.actor)
        if not subjects_of or not all(demand_of(speaker, s) for s in subjects_of) or speaker is None:
            return []
        return [Coded(speaker, s, demand_code(code), False, "asserted", True, tok) for s in subjects_of]

    def own_side(self, source: Actor) -> set[str]:
        """Who a predicate's complements cannot name as its target: the source, and for an
        office holder of a state (a person whose actor code is that state's government) the
        state itself (*X withdrew his country from the treaty with Y*: Y, not X's country)."""
        side = {source.id}
        if source.type == "person" and source.country and (source.code or "").endswith("GOV"):
            side |= {a.id for a in self.index.by_id.values() if a.type == "state" and a.country == source.country}
        return side

    def nameless_subject(self, tok: Token, head: Token) -> bool:
        """Whether ``head`` is a common noun that is ``tok``'s own subject (or the noun its relative
        pronoun subject stands for) and names no actor (*de boeren*, *the collision, which ...*):
        the parse names the doer, so the word-order backup must not find another."""
        own = subjects(tok)
        mine = head in own or any(self.referents.antecedent(s).i == head.i for s in own)
        if not mine or head.pos_ != "NOUN" or head.i > tok.i or self.referents.actor(head) is not None:
            return False  # a noun after the verb may be the object misread (*Polen schrapt oefeningen*)
        # a name between that noun and the verb (*importheffing - X dreigt*) may be the real subject
        between = tok.doc[head.i + 1 : tok.i]
        return not any(self.index.at(t.idx, t.idx + len(t.text)) for t in between if t.pos_ == "PROPN")

    @staticmethod
    def subject_noun(tok: Token) -> bool:
        """Whether ``tok`` is a noun the parse makes a subject (*the attack worried the government*):
        it takes part in its clause, so the word-order backup must not read it as a nominal
        predicate with the words around it as its pattern (*attack* + *government*: 111)."""
        return tok.pos_ == "NOUN" and dep(tok) in SUBJECT

    def agentless_governor(self, tok: Token) -> Token | None:
        """The passive without an agent whose complement ``tok`` is (*X werd gevraagd om ... te
        steunen*, *X were called to join*): its subject is who is asked, no one named asks."""
        for head in governors(tok, COMPLEMENT):
            if is_passive(head):
                return None if agents(head, self.source_reader.agent_preps) else head
        return None

    @staticmethod
    def coded_by_verb(tok: Token, code: str, entry: LexEntry, entries: dict[int, LexEntry]) -> bool:
        """An event noun that is the object of a verb coding the same CAMEO root (*bracht een
        bezoek aan*: *brengen + bezoek* is the visit), or that the verb's row names in its
        pattern (*agreed to a meeting*: *agree to meeting* is the intent to meet), is that
        verb's event, not a second one."""
        if not entry.noun:
            return False
        head = tok.head.head if dep(tok) == "pobj" else tok.head
        verb = entries.get(head.i) if head.i != tok.i else None
        if verb is None or verb.cameo is None:
            return False
        if tok.lemma_.lower() in verb.theme or tok.lower_ in verb.theme:
            return True
        return dep(tok) in OBJECT and verb.cameo[:2] == code[:2]

    def reciprocal_object(self, tok: Token) -> bool:
        """Whether the predicate's object or complement is a reciprocal pronoun (*elkaar*, *each
        other*): its coordinated or counted subjects act on one another, whatever the code."""
        for child in tok.children:
            if dep(child) in ("obj", "iobj", "obl", "expl:pv") and child.lower_ in self.reciprocal:
                return True
            if dep(child) in ("obj", "iobj") and any(g.lower_ in self.reciprocal for g in child.children):
                return True  # *each other*: the parser hangs *each* on *other*
        return False

    def named_agent(self, heads: list[Token]) -> bool:
        """Whether a passive's agent phrases name an actor; an agent that names none (*liet zich
        toejuichen door aanhangers*) still says who acts, so no other name is taken by word order."""
        return any(self.referents.group(h) or self.referents.actor(h) is not None for h in heads)

    def received(
        self, tok: Token, receivers: list[Token], code: str, negated: bool, modality: str, reported: bool
    ) -> list[Coded]:
        """Events of a predicate of receiving (row flag ``reverse``: *kreeg steun van X*,
        *received an invitation from X*): the giver (a ``giver_preps`` phrase, else the
        predicate's target) is the source, the receiving subject the target; no giver, no event."""
        first, end = self.focus.span
        personal = self.referents.personal
        takers = [a for h in receivers if (a := rebound(h, self.referents.actor(h), personal, self.index)) is not None]
        if not takers:  # *Dit voorstel valt slecht bij X*: the act's doer, told before
            doers = [d for h in receivers for d in self.acts.previous_subjects(h)]
            takers = [a for d in doers if (a := self.referents.actor(self.referents.antecedent(d))) is not None][:1]
        taker = takers[0] if takers else None
        skip = {a.id for a in takers}
        givers = [a for g in self.source_reader.givers(tok) if first <= g.i < end for a in self.giver(g)]
        if not givers and (found := self.targets.target(tok, skip, loose=False)) is not None:
            givers = [found]
        out: list[Coded] = []
        for giver in givers:
            if giver.id not in skip and all(c.source.id != giver.id for c in out):
                out.append(Coded(giver, taker, code, negated, modality, reported, tok))
        return out

    def giver(self, head: Token) -> list[Actor]:
        found: list[Actor | None] = [*self.referents.group(head)] or [self.referents.actor(head)]
        return [a for a in found if a is not None]

    def unbound(self, head: Token, tok: Token, source: Actor | None) -> Actor | None:
        """A personal pronoun subject is not its own clause's object (binding: *toen hij weigerde
        naast Poetin te staan* is not Poetin): resolved to that object, it goes to the person
        named before it instead."""
        if source is None or source.type != "person" or head.pos_ != "PRON":
            return source
        if head.lower_ not in self.referents.personal:
            return source
        if (other := rebound(head, source, self.referents.personal, self.index)) != source:
            return other  # *hij ontpopte zich tot de uitdager van X*: not X
        if self.targets.target(tok, set(), loose=False) != source:
            return source
        return self.index.previous_person(head.idx, source.id)
