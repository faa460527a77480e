"""Pattern-based event coding for text without a dependency parse.

Used when the annotator gives tokens and sentences only, and as a backup (verbs only) for
sentences whose parse gave no event. A trigger is a token whose lemma (from spaCy's lookup
tables, or its lower-case form) or particle + lemma (legde ... op -> opleggen) has a
lexicon row whose pattern words occur in the sentence. The source is the actor right after
a clause-second trigger in a verb-second language (inversion: "sloeg hij"; never in English,
where a name after the verb is its object) or else the nearest actor group before the
trigger (X en Y -> two sources); the target is the first other actor after it, else between
source and trigger (verb-final clauses). It shares the parse coder's lexicon, actor
resolution and modality cues by composition, not inheritance.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from powermap import lang
from powermap.extract._tokens import token_table
from powermap.extract.events.actors import ActorIndex
from powermap.extract.events.coder import SYMMETRIC_ROOTS, Coded
from powermap.extract.events.demonstratives import ActDescriptions
from powermap.extract.events.lexicon import EventLexicon, LexEntry, norm
from powermap.extract.events.modality import Modality
from powermap.extract.events.morphology import particles, verb_candidates
from powermap.extract.events.predicates import Predicates
from powermap.extract.events.referents import Focus, Referents
from powermap.extract.events.syntax import dep, is_participle_modifier, subtree, temporal_words
from powermap.extract.events.trigger_words import PARTICLE_REACH, TriggerWords
from powermap.extract.stage import ExtractionContext
from powermap.records import Actor

__all__ = ["PatternCoder", "verb_candidates"]  # verb_candidates: re-exported for extract/stances

#: relations inside a noun phrase, climbed to find the phrase's role in the clause
NP_LINKS = {"amod", "flat", "compound", "appos", "det", "nummod", "conj", "nmod:poss", "nmod"}
#: clauses joined to a verb whose words are no pattern words of it (word-order backup, parsed)
OTHER_CLAUSES = {"conj", "ccomp", "advcl", "parataxis", "list"}
#: tokens around a trigger read for its cues and nominal pattern words
WINDOW = 8


class PatternCoder(TriggerWords):
    """The parse coder's lexicon and cues applied by word order instead of a parse.

    Args:
        lexicon (EventLexicon): the language's lexicon and cues.
        ctx (ExtractionContext): the record's actors.
        verbs_only (bool): as a backup for sentences whose parse gave no event, only tokens
            the tagger calls verbs and nominal predicates with their pattern (*lid ... worden*)
            trigger, no event nouns.
    """

    def __init__(self, lexicon: EventLexicon, ctx: ExtractionContext, verbs_only: bool = False) -> None:
        self.lex = lexicon
        self.verbs_only = verbs_only
        self.index = ActorIndex(ctx)
        predicates = self.predicates = Predicates(lexicon)
        self.referents = Referents(lexicon, self.index, predicates, Focus(span=(0, len(ctx.doc))))
        self.modes = Modality(lexicon)
        self.acts = ActDescriptions(lexicon)
        self.particle_prefix = predicates.particle_prefix
        self.particles = particles(lexicon.language)
        self.reported_markers = lexicon.cue_set("reported_markers")
        self.uncoded_roots = predicates.uncoded_roots
        self.stative = lexicon.cue_set("stative_passive_verbs")
        self.nominal_tags = {str(t) for t in lexicon.cues.get("nominal_predicate_tags") or []}
        self.giver_preps = lexicon.cue_set("giver_preps")
        self.infinitive = lexicon.cue_set("infinitive_particles")
        self.coordination = lexicon.cue_set("coordination_marks")
        self.verb_final = bool(lexicon.cues.get("verb_second"))  # subordinate clauses end in the verb
        #: only a verb-second language puts the subject right after a verb (*In november sloeg
        #: hij*); in English a name after the verb is its object (*suspended X's permit*)
        self.inversion = bool(lexicon.cues.get("verb_second"))
        words = lang.get(lexicon.language) if lexicon.language in lang.codes() else None
        self.subordinators = words.subordinators if words else frozenset()
        self.determiners = (words.determiners | words.possessives) if words else frozenset()
        target_preps = {str(p).lower() for p in lexicon.cues.get("target_preps") or []}
        self.preps = (target_preps | lexicon.cue_set("agent_preps") | lexicon.cue_set("locative_preps")) - (
            lexicon.cue_set("infinitive_marks")
        )
        TriggerWords.__init__(self, lexicon)

    def code_sentence(self, sent: Span) -> list[Coded]:
        table = token_table(sent.doc)
        lemmas = self.sentence_lemmas(sent)
        lowers = table.lower[sent.start : sent.end]
        words = {w for pair in zip(lemmas, lowers, strict=True) for w in pair}
        groups: list[tuple[int, int, list[Actor]]] | None = None  # read at the first trigger
        out: list[Coded] = []
        view = (lowers, self.particle_ends(sent, lowers))
        for k in self.possible_triggers(sent, lemmas, view):
            entry, noun = self.trigger(sent, k, lemmas, words, view)
            if entry is None or entry.cameo is None or entry.cameo[:2] in self.uncoded_roots:
                continue
            tok = sent[k]
            if groups is None:
                groups = self.actor_groups(sent)
            own = self.predicates.near(tok) if tok.doc.has_annotation("DEP") else None
            if self.predicates.only_said(entry, own):  # what was said is no pattern of the verb's
                continue
            lo, hi = max(0, k - WINDOW), min(len(sent), k + WINDOW)
            near = {t.lower_ for t in sent[lo:hi]}
            negated = bool(near & self.modes.negation) or "neg" in entry.flags
            code = entry.cameo
            if negated and entry.flag_value("ifneg"):
                code, negated = entry.flag_value("ifneg") or code, False
            modality = entry.flag_value("mod") or self.modes.window(near)
            sources, target = self.roles(sent, k, groups, noun)
            if "reverse" in entry.flags:  # *X kreeg steun van Y*: Y supports X
                if target is None or not self.given_by(sent, groups, target):
                    continue  # no giver phrase (*died ... at the hospital*): the giver is not named
                sources, target = [target], (sources[0] if sources else self.act_doer(sent, k))
            # X en Y verklaarden een partnerschap ... (a name far off is no target of a mutual act)
            far = target is None or min((abs(g[0] - k) for g in groups if target in g[2]), default=WINDOW + 1) > WINDOW
            mutual = len(sources) > 1 and code[:2] in SYMMETRIC_ROOTS and far
            for source in sources:
                tgt = target if target is None or target.id != source.id else None
                if mutual:
                    tgt = next(s for s in sources if s.id != source.id)
                out.append(Coded(source, tgt, code, negated, modality, False, tok))
        return out

    def act_doer(self, sent: Span, k: int) -> Actor | None:
        """Who did the act a demonstrative act noun right before the trigger points back at
        (*Dit voorstel valt slecht bij X*: the subject of the sentence before), or None."""
        for j in range(k - 1, max(-1, k - 3), -1):
            if sent[j].pos_ != "NOUN":
                continue
            doers = (self.referents.actor(self.referents.antecedent(d)) for d in self.acts.previous_subjects(sent[j]))
            return next((a for a in doers if a is not None), None)
        return None

    def given_by(self, sent: Span, groups: list[tuple[int, int, list[Actor]]], giver: Actor | None) -> bool:
        """Whether ``giver`` is named right after a giver preposition (*van Y*, *from Y*)."""
        if giver is None:
            return False
        for first, _last, actors in groups:
            j = first - 1
            while j >= 0 and sent[j].pos_ in ("DET", "ADJ"):  # from the United States
                j -= 1
            if giver in actors and j >= 0 and sent[j].lower_ in self.giver_preps:
                return True
        return False

    def trigger(
        self,
        sent: Span,
        k: int,
        lemmas: list[str],
        words: set[str],
        view: tuple[list[str], list[int]] | None = None,
    ) -> tuple[LexEntry | None, bool]:
        """The lexicon row token ``k`` triggers, and whether as an event noun. ``view``: the
        sentence's lower-case words and ``particle_ends`` (computed once per sentence)."""
        lemma = lemmas[k]
        table, i = token_table(sent.doc), sent.start + k  # the word read from the table: no Token yet
        if not table.is_alpha[i] or table.lower[i] in self.reported_markers:  # *according to X* is no event
            return None, False
        if view is None:
            words_of = [t.lower_ for t in sent]
            view = (words_of, self.particle_ends(sent, words_of))
        lowers, ends = view
        base, has_row = self.readings(table.words[i], lemma)
        split = [lowers[j] for j in ends if k < j < k + PARTICLE_REACH]  # split particle: legde ... op
        if k >= 2 and lowers[k - 1] in self.infinitive and lowers[k - 2] in self.particles:
            split.append(lowers[k - 2])
        as_noun = not self.verbs_only and sent[k].is_lower
        if not (has_row or any(self.lex.has(p + c) for p in split for c in base) or (as_noun and self.lex.has(lemma))):
            return None, False  # no row for any reading of the word: nothing below can match
        tok = sent[k]
        candidates = list(base)
        for p in split:
            candidates[:0] = [p + c for c in base]
        if self.verbs_only and dep(tok) in ("aux", "aux:pass", "cop"):
            return None, False  # an auxiliary (*werd gearresteerd*) is no predicate of its own
        if tok.pos_ == "PROPN" or (tok.is_title and tok.i > sent.start and sent[k - 1].is_title):
            return None, False  # a word of a name (*the Royal Air Force*) is no predicate
        verbal = not self.verbs_only or tok.pos_ in ("VERB", "AUX")
        participle = "Part" in tok.morph.get("VerbForm", [])
        if self.verbs_only and participle and (tok.head.lemma_ or "").lower() in self.stative:
            return None, False  # zit opgesloten: a stative passive, its subject undergoes it
        if self.verbs_only and participle and is_participle_modifier(tok):
            return None, False  # *the proposed host*: the parse coder reads it (its agent, or no one)
        if not verbal and self.nominal_tags and tok.pos_ not in self.nominal_tags:
            return None, False  # *is invalid and void*: an adjective, not the verb *void*
        if not (any(self.lex.patterned(c) for c in candidates) or (as_noun and self.lex.patterned(lemma, True))):
            bag: set[str] = set()  # no row of a reading has pattern words: ``match`` reads no bag
        elif verbal and self.verbs_only and tok.doc.has_annotation("DEP"):
            bag = self.own_words(tok)  # what the parse hangs under the verb, not the sentence
        elif not verbal:  # a nominal predicate's verb and complement stand close by (lid te worden van X)
            near = sent[max(0, k - WINDOW) : k + WINDOW]
            when = self.day_phrases(near)  # *told the press on Tuesday*: no *press on*
            bag = {w for t in near if t.i != tok.i and t.i not in when for w in (t.lower_, norm(t.lemma_ or t.text))}
        else:
            bag = words - {tok.lower_, lemma}
        for cand in candidates:
            entry = self.lex.match(cand, bag)
            if entry is not None and (verbal or entry.pattern):  # lid ... worden: a nominal predicate
                return entry, False
        if as_noun:
            entry = self.lex.match(lemma, bag, noun=True)
            if entry is not None:
                return entry, True
        return None, False

    @staticmethod
    def day_phrases(near: Span) -> set[int]:
        """Token indices of day words in a window and the preposition right before each: they say
        when, so they are no pattern words of a nominal predicate (as in ``Predicates.bag``)."""
        days = temporal_words()
        found = {t.i for t in near if t.lower_ in days}
        return found | {i - 1 for i in found if i > near.start and near.doc[i - 1].pos_ == "ADP"}

    @staticmethod
    def own_words(tok: Token) -> set[str]:
        """Lemmas and forms of the verb's subtree without the clauses joined to it (``conj``,
        ``ccomp``, ``advcl``, ``parataxis``): in a parsed sentence the parse coder left empty,
        a pattern word must hang under the verb, wherever the parser put it (*ziet X ... als een
        gevaar*), and a word of another clause is none (*said the attack ...*, *and Y discussed
        sanctions*)."""
        other = {t.i for c in tok.children if dep(c) in OTHER_CLAUSES for t in subtree(c)}
        return {w for t in subtree(tok)[1:] if t.i not in other for w in (t.lower_, norm(t.lemma_ or t.text))}

    def actor_groups(self, sent: Span) -> list[tuple[int, int, list[Actor]]]:
        """Runs of actor tokens joined by coordination: (first, last token index, actors)."""
        marks: list[tuple[int, Actor]] = []
        table = token_table(sent.doc)
        starts, ends, personal = table.starts, table.ends, self.referents.personal
        named = self.index.tokens_in_mentions(table, sent.start, sent.end)  # the only tokens ``at`` can find
        for k, lower in enumerate(table.lower[sent.start : sent.end]):
            i = sent.start + k
            actor = self.index.at(starts[i], ends[i]) if i in named else None
            if actor is None and lower in personal:
                actor = self.referents.pronoun(sent[k])
            if actor is not None:
                marks.append((k, actor))
        groups: list[tuple[int, int, list[Actor]]] = []
        for k, actor in marks:
            if groups:
                first, last, actors = groups[-1]
                gap = [t.lower_ for t in sent[last + 1 : k]]
                if (k == last + 1 and actor in actors) or (gap and all(g in self.coordination for g in gap)):
                    if actor not in actors:
                        actors.append(actor)
                    groups[-1] = (first, k, actors)
                    continue
            groups.append((k, k, [actor]))
        return groups

    def in_phrase(self, sent: Span, first: int) -> bool:
        """Whether the actor group starting at ``first`` sits in a prepositional phrase (*door
        de Russische agressie*, *met Moskou*): such a phrase is no subject."""
        preps = self.preps
        for j in range(first - 1, max(-1, first - 4), -1):
            tok = sent[j]
            if tok.lower_ in preps or tok.pos_ == "ADP":
                return True
            if not (tok.lower_ in self.determiners or tok.pos_ in ("DET", "ADJ", "NUM")):
                return False
        return False

    def in_object(self, tok: Token) -> bool:
        """As a backup over a parse: whether the parser put the name inside an object or
        oblique phrase (*die ... Russische brandstoffen opkopen*), which is no subject."""
        if not self.verbs_only:
            return False
        cur = tok
        for _ in range(8):  # climb the noun phrase: modifiers, names, appositions, conjuncts
            if dep(cur) not in NP_LINKS or cur.head.i == cur.i:
                break
            cur = cur.head
        return dep(cur) in {"obj", "iobj", "obl", "obl:arg", "nmod"}

    def roles(
        self, sent: Span, k: int, groups: list[tuple[int, int, list[Actor]]], noun: bool
    ) -> tuple[list[Actor], Actor | None]:
        before = [
            g
            for g in groups
            if g[1] < k and not (noun is False and (self.in_phrase(sent, g[0]) or self.in_object(sent[g[0]])))
        ]
        after = [g for g in groups if g[0] > k]
        if not noun and (inside := self.verb_final_clause(sent, k, groups)) is not None:
            source, target = inside
            return source, target or next((a for g in after for a in g[2] if a not in source), None)
        sources: list[Actor] = []
        if before and before[-1][1] == k - 1:
            sources = before.pop()[2]  # subject right before the verb
        elif (
            self.inversion
            and not noun
            and after
            and after[0][0] - k <= 3
            and k > 0
            and not self.in_phrase(sent, after[0][0])
        ):
            sources = after.pop(0)[2]  # inversion: In november sloeg hij ...
        elif before:
            sources = before.pop()[2]
        if noun and not sources and after:
            return [], None
        target = None
        for _first, _last, actors in after + before[::-1]:
            for actor in actors:
                if actor not in sources:
                    target = actor
                    break
            if target is not None:
                break
        return sources, target

    def verb_final_clause(
        self, sent: Span, k: int, groups: list[tuple[int, int, list[Actor]]]
    ) -> tuple[list[Actor], Actor | None] | None:
        """Roles in a verb-final subordinate clause (*dat X Y ... aanspoorde*), in a language
        whose subordinate clauses end in the verb: the first actor group of the clause that is
        no prepositional phrase is the subject, the next actor between it and the verb the
        object. None when the verb does not end such a clause (a verb outside the final verb
        cluster stands between) or the clause names no subject."""
        if not self.verb_final or k == 0 or sent[k - 1].lower_ in self.infinitive:
            return None  # *om X te steunen*: an infinitive has no subject of its own
        j = k - 1
        while j >= 0 and sent[j].pos_ in ("AUX", "VERB"):  # the clause-final verb cluster
            j -= 1
        while j >= 0 and not self.opens_clause(sent[j]):
            if sent[j].pos_ in ("AUX", "VERB"):
                return None  # another verb first: not the end of the clause
            j -= 1
        if j < 0:
            return None
        inside = [g for g in groups if j < g[0] and g[1] < k]
        subject = next((g for g in inside if not self.in_phrase(sent, g[0])), None)
        if subject is None:
            return None
        target = next((a for g in inside if g[0] > subject[1] for a in g[2] if a not in subject[2]), None)
        return subject[2], target

    def opens_clause(self, tok: Token) -> bool:
        """A subordinator (*dat, omdat, toen*) opening a clause. A relative pronoun is left out:
        it may be the clause's subject itself (*de boeren die X steunen*), which agreement, not
        word order, decides (``Predicates.inverted_relative``)."""
        if tok.pos_:
            return tok.pos_ == "SCONJ"
        return tok.lower_ in self.subordinators
