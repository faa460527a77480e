"""Which lexicon row a predicate token triggers: its lemma candidates and complement words.

A predicate is a verb, a copular nominal predicate or an event noun. Its lemma candidates
are the parser's lemma, the lookup-table lemma, the Dutch-like verb morphology's infinitives
and each with a separable particle found in the clause; its *bag* is the set of words among
its complements (and objects the parser hung elsewhere) that a row's pattern must find.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import cache

from spacy.tokens import Doc, Token

from powermap.extract._tokens import token_table
from powermap.extract.events.lexicon import EventLexicon, LexEntry, norm
from powermap.extract.events.morphology import (
    lemma_table,
    noun_candidates,
    particles,
    separable_particle,
    verb_candidates,
)
from powermap.extract.events.syntax import (
    OBJECT,
    agents,
    clause_words,
    dep,
    is_passive,
    is_predicate,
    np_words,
    prepositional,
    subjects,
    temporal_words,
)

#: tokens after a verb searched for an object the parser hung on an earlier verb
STRAY_WINDOW = 6
#: tokens scanned after a verb for a clause-final separable particle
PARTICLE_WINDOW = 40


#: word forms remembered per language (``word_readings``, ``noun_of``) before the memory starts again
MEMO_SIZE = 1 << 14


@cache
def _memos(
    language: str,
) -> tuple[dict[tuple[str, str, bool], tuple[str, str, tuple[str, ...]]], dict[tuple[str, str], str | None]]:
    """Per language, shared by the documents: ``word_readings`` and ``noun_of`` by word form."""
    return {}, {}


class Predicates:
    """Lexicon lookup for predicate tokens of one language.

    Args:
        lexicon (EventLexicon): the language's lexicon and cues.
    """

    def __init__(self, lexicon: EventLexicon) -> None:
        self.lex = lexicon
        self.language = lexicon.language
        self.particles = particles(lexicon.language)
        self.particle_prefix = bool(lexicon.cues.get("particle_prefix"))
        self._loose: tuple[Doc, list[str], list[int]] | None = None  # see loose_particles
        self._words, self._nouns = _memos(lexicon.language)  # see word_readings, noun_of
        self.reflexive = lexicon.cue_set("reflexive")
        self.reported_markers = lexicon.cue_set("reported_markers")
        self.relative = lexicon.cue_set("relative_pronouns")
        self.agent_preps = lexicon.cue_set("agent_preps")
        self.infinitive_marks = lexicon.cue_set("infinitive_marks")
        self.uncoded_roots = lexicon.cue_set("uncoded_roots")
        self.speech_roots = lexicon.cue_set("speech_event_roots")
        self.verb_final = bool(lexicon.cues.get("verb_second"))  # subordinate clauses end in the verb
        # a two-word entry (*laten weten*) also as the lemma the coder builds for a verb with a
        # particle-like part (*wetenlaten*)
        speech = lexicon.cue_set("speech_verbs")
        self.speech = {norm(w) for w in speech} | {norm("".join(reversed(w.split()))) for w in speech if " " in w}

    def lemma(self, tok: Token) -> str:
        """The parser's lemma with a separable particle child attached (*legde op*: opleggen)."""
        lemma = norm(tok.lemma_ or tok.text)
        if self.particle_prefix:
            for child in tok.children:
                prt = norm(child.lemma_ or child.text)
                if dep(child) == "compound:prt" and not lemma.startswith(prt):
                    lemma = prt + lemma
        return lemma

    def is_speech(self, tok: Token) -> bool:
        return self.lemma(tok) in self.speech

    def loose_particles(self, doc: Doc) -> tuple[list[str], list[int]]:
        """The document's lower-case words and the positions of its particles that stand before
        a preposition, a punctuation mark or the end (read once per document, not per verb)."""
        if self._loose is None or self._loose[0] is not doc:
            lowers = [t.lower_ for t in doc]
            tags = [t.pos_ for t in doc]
            last = len(doc) - 1
            before = ("ADP", "PUNCT")
            found = [i for i, w in enumerate(lowers) if w in self.particles and (i == last or tags[i + 1] in before)]
            self._loose = (doc, lowers, found)
        return self._loose[1], self._loose[2]

    def lemma_candidates(self, tok: Token) -> list[str]:
        """The parser's lemma, the lookup-table lemma, each with its separable particle."""
        lemmas, prts = self.readings(tok)
        return self.checked_readings(tok, lemmas, prts)

    def readings(self, tok: Token) -> tuple[list[str], list[str]]:
        """Every lemma ``lemma_candidates`` may keep (a lemma with a particle found in the clause
        first), and the particles found; ``checked_readings`` drops the lemmatizer's errors."""
        own, looked_up, forms = self.word_readings(tok.text, tok.lemma_, tok.lower_, tok.pos_ in ("VERB", "AUX"))
        if not self.particle_prefix:
            return [own, looked_up, *forms], []
        prts = [norm(c.lemma_ or c.text) for c in tok.children if dep(c) == "compound:prt"]
        for prt in prts:  # ``lemma``: the parser's lemma with its separable particle child attached
            if not own.startswith(prt):
                own = prt + own
        lemmas = [own, looked_up, *forms]
        doc = tok.doc
        end = min(tok.right_edge.i + 1, tok.i + PARTICLE_WINDOW, len(doc))
        lowers, positions = self.loose_particles(doc)
        for i in positions[bisect_right(positions, tok.i) : bisect_left(positions, end)]:
            prts.append(lowers[i])  # a particle the parser attached elsewhere (case)
        # a lemma with the particle found in the clause comes first: *tekenden protest aan*
        # is *aantekenen* (protest), not *tekenen* (sign)
        joined = [prt + lemma for prt in dict.fromkeys(prts) for lemma in lemmas if not lemma.startswith(prt)]
        return joined + lemmas, prts

    def word_readings(self, text: str, parsed: str, lower: str, verb: bool) -> tuple[str, str, tuple[str, ...]]:
        """What ``readings`` reads from the word alone: the parser's lemma (or the form), the
        lookup table's lemma and, for a verb with the Dutch verb morphology, the infinitives the
        form may come from; remembered per form (``lower`` is the form's lower case: a function of it)."""
        key = (text, parsed, verb)
        found = self._words.get(key)
        if found is None:
            table = lemma_table(self.language)
            forms = tuple(verb_candidates(text, self.language)) if verb and self.lex.compound_suffix else ()
            found = self._words[key] = (norm(parsed or text), norm(table.get(text, table.get(lower, lower))), forms)
            if len(self._words) > MEMO_SIZE:
                self._words.clear()
        return found

    def checked_readings(self, tok: Token, lemmas: list[str], prts: list[str]) -> list[str]:
        """``readings`` without the lemmatizer's errors, each once."""
        if self.particle_prefix:
            # a lemma with a separable particle that is neither in the word nor in the clause is a
            # lemmatizer error (*wijst hij op* -> "afwijzen"): drop it
            form = tok.lower_
            lemmas = [
                lemma
                for lemma in lemmas
                if not (p := separable_particle(lemma, self.language)) or p in prts or p in form
            ]
            lemmas = self.without_guessed_prefix(tok, lemmas)
        return list(dict.fromkeys(lemmas))

    @staticmethod
    def without_guessed_prefix(tok: Token, lemmas: list[str]) -> list[str]:
        """Drop a lemma that is another candidate with a word in front that neither the form
        nor the sentence has (*nemen* lemmatized as *deelnemen* with no *deel* in sight: a
        lemmatizer guess); a split verb keeps its part (*nam ... deel*)."""
        form = tok.lower_
        words: frozenset[str] | None = None  # the sentence's words, read only when a front is not in the form
        kept = []
        for lemma in lemmas:
            for base in lemmas:
                if len(base) >= 4 and lemma != base and lemma.endswith(base):
                    front = lemma[: -len(base)]
                    if front in form:
                        continue
                    if words is None:
                        words = token_table(tok.doc).sentence_words(tok.i)
                    if front not in words:
                        break
            else:
                kept.append(lemma)
        return kept or lemmas

    def borrowed(self, tok: Token) -> list[Token]:
        """Objects the parser attached elsewhere that belong to this predicate: in a verb
        cluster the finite verb's object (*blijft de schuld bij X leggen*), in *om NP te V* the
        ``om`` phrase, in a relative clause without object the noun it modifies (*het voertuig
        dat X stuurt*)."""
        if self.inverted_relative(tok) is not None and (clause := self.relative_clause(tok)) is not None:
            return [clause.head]  # *de sancties die X wilden invoeren*: the pronoun's noun is the object
        objects = [c for c in tok.children if dep(c) in OBJECT]
        if objects and (noun := self.relative_object(tok, objects)) is not None:
            return [noun]  # *de akkoorden die X met Y sloot*: the pronoun stands for *akkoorden*
        if objects:  # an adjective taken for the object (levert voorzichtige, ... kritiek)
            return self.stray_object(tok) if all(c.pos_ == "ADJ" for c in objects) else []
        label = dep(tok)
        head = tok.head
        if head.i == tok.i:
            return []
        if label == "xcomp":
            own = [c for c in head.children if dep(c) == "obj" and c.i < tok.i]
            om = [n for lab, p, n in prepositional(head) if p in self.infinitive_marks and n.i < tok.i]
            return om + own
        if label == "acl:relcl" and subjects(tok) and not is_passive(tok):
            rel = [c for c in tok.children if c.lower_ in self.relative and c.i < tok.i]
            return [head] if rel and head.pos_ in ("NOUN", "PROPN") else []
        return self.stray_object(tok)

    def relative_object(self, tok: Token, objects: list[Token]) -> Token | None:
        """The noun a relative clause modifies when the clause's only object is its relative
        pronoun (*de akkoorden die X met Y sloot*): the pronoun stands for that noun, which
        counts for the row's pattern (*sluiten + akkoord*); else None."""
        clause = self.relative_clause(tok)
        if clause is None or len(objects) != 1 or objects[0].lower_ not in self.relative:
            return None
        head = clause.head
        return head if head.pos_ == "NOUN" and objects[0].i < tok.i else None

    def patients(self, tok: Token) -> list[Token]:
        """The subject of a passive with an agent phrase, which is what the agent does the act to
        (*the attack was claimed by X*: *claim + attack*), and counts for the row's pattern as an
        object does; a relative pronoun subject stands for its noun (*the coalition, which was
        joined by X*)."""
        if not is_passive(tok) or not agents(tok, self.agent_preps):
            return []  # without an agent phrase the subject is what the row reads as its actor
        found = [s for s in subjects(tok) if dep(s) == "nsubj:pass"]
        clause = self.relative_clause(tok)
        if clause is not None and clause.head.pos_ == "NOUN":
            found = [clause.head if s.lower_ in self.relative else s for s in found]
        return found

    @staticmethod
    def relative_clause(tok: Token) -> Token | None:
        """The relative clause ``tok`` heads, directly or as the infinitive of its verb cluster."""
        cur = tok
        while dep(cur) == "xcomp" and cur.head.i != cur.i:
            cur = cur.head
        return cur if dep(cur) == "acl:relcl" and cur.head.i != cur.i else None

    def inverted_relative(self, tok: Token) -> Token | None:
        """In a verb-final relative clause whose relative pronoun the parser made the subject
        while a name stands as the object before the verb (*de sancties die X wilden invoeren*),
        the name is the subject and the pronoun the object: returns the name, else None."""
        clause = self.relative_clause(tok) if self.verb_final else None
        if clause is None or clause.head.pos_ != "NOUN":
            return None
        subj = subjects(clause)
        if len(subj) != 1 or dep(subj[0]) != "nsubj" or subj[0].lower_ not in self.relative:
            return None
        names = [
            c
            for c in (*tok.children, *clause.children)
            if dep(c) in ("obj", "nsubj") and c.pos_ == "PROPN" and subj[0].i < c.i < tok.i
        ]
        if not names:
            return None
        # agreement decides where it can: *de boeren die Peru steunen* (plural verb) are the subject
        finite = next((v for v in (clause, *clause.children) if "Fin" in v.morph.get("VerbForm", [])), None)
        verb_number = finite.morph.get("Number", []) if finite is not None else []
        name_number = names[0].morph.get("Number", [])
        return None if verb_number and name_number and verb_number != name_number else names[0]

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

    @staticmethod
    def predicative(tok: Token) -> list[Token]:
        """A predicative complement the parser made a clause (*noemt het onaanvaardbaar*, *noemt
        dat 'zwaar overdreven'*): an adjective, noun or participle without a subject of its own."""
        return [
            c
            for c in tok.children
            if dep(c) in ("xcomp", "ccomp")
            and (c.pos_ in ("ADJ", "NOUN") or "Part" in c.morph.get("VerbForm", []))
            and not subjects(c)
        ]

    @staticmethod
    def bare_modifier(tok: Token) -> bool:
        """A participle or adjective modifying a noun with no argument of its own (*the proposed
        end point*, *de geplande pijpleiding*) names a property, not an event; with an agent or
        object (*de door de EU gesteunde partij*) it is still read."""
        if dep(tok) != "amod" or any(dep(c) not in ("advmod", "punct", "cc") for c in tok.children):
            return False
        return tok.pos_ == "ADJ" or "Part" in tok.morph.get("VerbForm", []) or tok.tag_ in ("VBN", "VBG")

    def bag(self, tok: Token, own_case: bool = True) -> set[str]:
        """Lemmas and forms of the predicate's complements (and borrowed objects); a day word
        and its preposition say when, so they are no pattern words (*agreed on Wednesday*);
        without ``own_case``, a noun's own preposition is none either."""
        words: set[str] = set()
        extra = [
            t for b in (*self.borrowed(tok), *self.patients(tok), *self.predicative(tok)) for t in (b, *np_words(b))
        ]
        found = [*clause_words(tok), *extra]
        if not own_case:  # a noun's own preposition links it to its head: *instemmen met haar akkoord*
            own = {c.i for c in tok.children if dep(c) == "case"}  # is no *akkoord met*
            found = [t for t in found if t.i not in own and t.head.i not in own]
        days = [t for t in found if t.lower_ in temporal_words()]
        when = {t.i for t in days} | {c.i for t in days for c in t.children if dep(c) == "case"}
        when |= {t.head.i for t in days if dep(t) == "pobj"}
        for t in found:
            if t.i in when:
                continue
            words.add(norm(t.lemma_ or t.text))
            words.add(t.lower_)
            if dep(t) == "expl:pv" or (t.lower_ in self.reflexive and t.pos_ == "PRON"):
                words.add("zich")
        return words

    @staticmethod
    def near(tok: Token) -> set[str]:
        """Lemmas and forms of the predicate's own dependents and their prepositions (*spoke with*)."""
        words: set[str] = set()
        for child in tok.children:
            for t in (child, *(c for c in child.children if dep(c) in ("case", "pobj"))):
                words.add(norm(t.lemma_ or t.text))
                words.add(t.lower_)
        return words

    def entry(self, tok: Token) -> LexEntry | None:
        """The lexicon row ``tok`` triggers as a predicate or event noun, or None (also for a
        row whose CAMEO root the language leaves uncoded: a statement is no event; and for a
        verb of saying whose row codes neither what is said nor its own object: ``only_said``)."""
        found = self.row(tok)
        if found is not None and found.cameo is not None and found.cameo[:2] in self.uncoded_roots:
            return None
        if found is not None and self.only_said(found, self.near(tok) if found.pattern else None):
            return None  # (``near`` is read only for a row with pattern words)
        return found

    def only_said(self, entry: LexEntry, near: set[str] | None = None) -> bool:
        """Whether a row of a verb of saying (``speech_verbs``) codes mere speech: it is an event
        only when its CAMEO root is a speech act that is one (``speech_event_roots``: an appeal, a
        demand, an accusation, a rejection, a threat) or when its pattern words are the verb's own
        dependents (``near``: *announced sanctions*); a pattern word elsewhere in the sentence is
        what was said about (*said the attack ...* is no attack)."""
        if entry.cameo is None or entry.lemma not in self.speech or entry.cameo[:2] in self.speech_roots:
            return False
        if near is not None and entry.pattern:
            return not all(any(w in near for w in alts) for alts in entry.pattern)
        return True

    def noun_of(self, text: str, parsed: str) -> str | None:
        """The event noun a noun's lemma or plural form names (``EventLexicon.noun_lemma``), or
        None; remembered per form (a pure function of the word and the lexicon)."""
        key = (text, parsed)
        if key in self._nouns:
            return self._nouns[key]
        words = [norm(parsed or text), *noun_candidates(norm(text), self.language)]
        found = self._nouns[key] = self.lex.noun_lemma(list(dict.fromkeys(words)))
        if len(self._nouns) > MEMO_SIZE:
            self._nouns.clear()
        return found

    def row(self, tok: Token) -> LexEntry | None:
        if tok.lower_ in self.reported_markers:  # *according to X* reports, it is no event
            return None
        if is_predicate(tok):
            if self.bare_modifier(tok):  # *the planned pipeline*, *het voorgestelde plan*
                return None
            lemmas, prts = self.readings(tok)
            if not any(self.lex.has(c) for c in lemmas):
                return None  # no reading has a row: the checks below could only drop readings
            candidates = [c for c in self.checked_readings(tok, lemmas, prts) if self.lex.has(c)]
            if not candidates:
                return None
            bag: set[str] | None = None  # built for the first reading with pattern words, if any
            near: set[str] | None = None
            for lemma in candidates:
                if bag is None and self.lex.patterned(lemma):
                    bag, near = self.bag(tok), self.near(tok)
                found = self.lex.match(lemma, set() if bag is None else bag, near=near)
                if found is not None:
                    return found
            return None
        if tok.pos_ in ("NOUN", "PROPN"):
            noun = self.noun_of(tok.text, tok.lemma_)
            if noun is None or not self.lex.patterned(noun, noun=True):  # no row reads the complements
                return None if noun is None else self.lex.match(noun, set(), noun=True)
            # the noun's own preposition is a pattern word only for a row of receiving (*met steun
            # van X*: X supports the clause's subject), never for a complement (*akkoord met*)
            found = self.lex.match(noun, self.bag(tok, own_case=False), noun=True)
            received = self.lex.match(noun, self.bag(tok), noun=True)
            if received is not None and "reverse" in received.flags and received is not found:
                return received if found is None or len(received.pattern) >= len(found.pattern) else found
            return found
        return None
