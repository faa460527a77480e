"""The ``stances.v1`` stage: Discourse-Network-Analyzer-style (actor, concept, agree/disagree).

Four sources of statements, in order, one stance per actor and sentence (two when other
words state an opposite position on something else: a second stance verb, *verwerpt X en
pleit voor Y*; a quote naming a listed concept beside an event, *zegt dat een akkoord met
Washington nodig is en levert kritiek op Z*; a pejorative adjective on another noun than the
concept's, *stelt X tegenover het neokoloniale beleid*):

1. coded events that express a position (``from_events``: appeals, intents, support,
   concessions, demands, sanctions; disapproval, rejection, threats, protest, reductions),
   held by the source;
2. attributed quotes, held by the speaker, polarity from the language's stance cues;
3. stance verbs (pleiten, steunen, verwerpen; calls for ...) in any clause, held by their subject;
4. other sentences where a concept fires and the main predicate is a position predicate,
   held by the clause subject (or the first actor).

Concepts come from a YAML list (option ``concepts``; default international relations);
polarity cues from ``powermap/lang/<code>/stance_cues.yaml``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from powermap.extract._text import sentences, trimmed
from powermap.extract.events.coder import ParseCoder
from powermap.extract.events.lexicon import get_lexicon
from powermap.extract.events.syntax import dep
from powermap.extract.stage import ExtractionContext, Stage, stages
from powermap.extract.stances.concepts import Concept, load_concepts
from powermap.extract.stances.from_events import event_stances
from powermap.extract.stances.polarity import Stated, covers, inside, polarity, stance_cues
from powermap.extract.stances.positions import (
    PositionPredicates,
    StanceVerbs,
    label_of,
    position_label,
    role,
    topic,
    verb_forms,
)
from powermap.extract.stances.propose import propose_concepts
from powermap.records import Actor, Quote, Stance

#: the stances given so far, per (actor, sentence start): (agree, the span of the words that
#: state it, None for the whole sentence; its label)
Done = dict[tuple[str, int], list[tuple[bool, Stated | None, str]]]
#: a position found in the text: holder, agree, label, the word that states it
Held = tuple[Actor, bool, str, Token]
#: clauses joined to a predicate that state something of their own
FREE = {"advcl", "conj", "parataxis", "acl", "acl:relcl", "punct", "cc"}

__all__ = ["StanceStage", "load_concepts", "propose_concepts"]


def stated_before(done: Done, holder: str, start: int) -> list[Stated]:
    """The words that stated the positions ``holder`` already holds in the sentence at ``start``."""
    return [span for _, span, _ in done.get((holder, start), []) if span is not None]


def norm_text(text: str) -> str:
    return " ".join(text.lower().split())


def own_words(tok: Token) -> tuple[int, int]:
    """The character span of a predicate with its objects and complements, without the clauses
    joined to it (adverbial, coordinated, relative)."""
    words = [tok]
    todo = [c for c in tok.children if dep(c) not in FREE]
    while todo:
        cur = todo.pop()
        words.append(cur)
        todo.extend(cur.children)
    return min(w.idx for w in words), max(w.idx + len(w) for w in words)


@stages.register("stances.v1")
class StanceStage(Stage):
    """Fills ``stances`` from events, quotes and concept mentions.

    Options:
        concepts (str): path of a concept list YAML for this corpus.
    """

    @dataclass(frozen=True)
    class Options:
        concepts: str | None = None

    produces = "stances"
    requires = ("actors", "quotes", "events")
    uses = ("actor_links", "event_clauses")

    def __call__(self, ctx: ExtractionContext) -> None:
        if not ctx.record.actors:
            return
        concepts = load_concepts(self.options.concepts)
        language = ctx.language
        done: Done = {}
        lexicon = get_lexicon(language)
        speech = {w.lower() for w in lexicon.cue_set("speech_verbs")}
        cues = stance_cues(language)
        positions = PositionPredicates(speech | cues.get("agree", set()) | cues.get("disagree", set()), lexicon)
        stance_verbs = StanceVerbs(
            cues.get("agree", set()),
            cues.get("disagree", set()),
            lexicon,
            cues.get("holder_cases", set()),
            cues.get("receiving", set()),
            cues.get("causing", set()),
        )
        coder = ParseCoder(lexicon, ctx) if ctx.doc.has_annotation("DEP") else None
        # direct quotes: what is said in them is the speaker's account, not a position of its subjects
        said: set[tuple[str, str]] = set()  # a quote repeated (headline, then body) is one statement
        quoted = [(q.start, q.end, q.speaker) for q in ctx.record.quotes if q.speaker and q.kind == "direct"]
        for sent in sentences(ctx.doc):
            start, end = trimmed(sent)
            if end <= start:
                continue
            text = ctx.text[start:end]
            concept = self.concept(text, language, concepts)
            named = self.named(concept, text, language, start)
            evidence = (text, start, end)
            speakers = {who for a, _, who in quoted if start <= a < end}
            for holder_id, agree, label, clause in event_stances(ctx, sent, start, concept, speakers, stance_verbs):
                self.add(ctx, done, holder_id, agree, label, evidence, clause, second=False)
            attributed: set[str] | None = None  # read only for a sentence where a quote starts
            for quote in ctx.record.quotes:
                if not (quote.speaker and start <= quote.start < end):
                    continue
                if attributed is None:
                    attributed = self.attributed(ctx, sent, speech, lexicon)
                if quote.speaker in attributed:
                    if self.reporting(ctx, quote) or (quote.speaker, norm_text(quote.text)) in said:
                        continue
                    said.add((quote.speaker, norm_text(quote.text)))
                    base = not (concept and concept.against)
                    label = concept.label if concept else self.quote_label(sent, quote)
                    skip = stated_before(done, quote.speaker, start)
                    agree = polarity(sent, language, base, skip, named)
                    # a second position of the speaker only where the quote names a listed concept:
                    # the words that state it are then the concept's name, else the whole sentence
                    stated = named if named and inside(named, quote.start, quote.end) else None
                    if self.add(ctx, done, quote.speaker, agree, label, evidence, stated):
                        for judged, phrase in self.judged(sent, language, named):
                            self.add(ctx, done, quote.speaker, False, judged, evidence, phrase)
            if coder is not None:
                for holder, agree, label, tok in self.positions(coder, sent, stance_verbs):
                    if any(a <= tok.idx < b and who != holder.id for a, b, who in quoted):
                        continue  # a position inside someone else's quote is the speaker's account
                    label = concept.label if concept else label
                    self.add(ctx, done, holder.id, agree, label, evidence, own_words(tok))
            if concept is not None:
                for holder in self.holders(ctx, sent, positions, quoted):
                    skip = stated_before(done, holder.id, start)
                    agree = polarity(sent, language, not concept.against, skip, named)
                    if self.add(ctx, done, holder.id, agree, concept.label, evidence, named):
                        for judged, phrase in self.judged(sent, language, named):
                            self.add(ctx, done, holder.id, False, judged, evidence, phrase)

    @staticmethod
    def judged(sent: Span, language: str, named: Stated | None) -> Iterator[tuple[str, Stated]]:
        """The phrases a disagree cue judges as their attributive adjective (*het neokoloniale
        beleid*) outside the words naming the sentence's concept: a position against each, held
        beside the position on the concept (*stelt X tegenover het neokoloniale beleid*)."""
        if named is None:
            return
        disagree = stance_cues(language).get("disagree", set())
        for tok in sent:
            if dep(tok) != "amod" or not {tok.lower_, (tok.lemma_ or "").lower()} & disagree:
                continue
            if covers(tok.head, named) or (label := label_of(tok.head)) is None:
                continue
            last = tok.head.right_edge
            yield label, (tok.head.left_edge.idx, last.idx + len(last))

    @staticmethod
    def named(concept: Concept | None, text: str, language: str, start: int) -> Stated | None:
        """The characters where ``concept`` is named in the sentence ``text`` (starting at ``start``)."""
        found = concept.match(text, language) if concept is not None else None
        return (start + found.start(), start + found.end()) if found else None

    @staticmethod
    def positions(coder: ParseCoder, sent: Span, verbs: StanceVerbs) -> Iterator[Held]:
        """Reported positions: a stance verb (*pleiten voor, steunen, verwerpen, promoten*) in
        any clause, held by its subject (a relative pronoun standing for its noun, a passive
        verb's *door* agent, an infinitive's governing subject); polarity from the verb, flipped
        by its negation and by a disagree cue in its complement clause (*wil X niet in gevaar
        brengen*: for X); the label is what the position is about (its object or complement)."""
        for tok in verbs.candidates(sent):
            cue = verbs(tok)
            if cue is None:
                yield from StanceStage.evaluations(coder, sent, verbs, tok)
                continue
            if coder.modality(tok) == "hypothetical":  # als X omarmt ...
                continue
            heads, _ = coder.sources(tok)
            label = position_label(tok)
            if dep(tok) in ("acl", "amod") and not heads:  # *de door de EU gesteunde partij*
                heads = [c for c in tok.children if role(c) == "obl" and verbs.agent(c)]
                label = label_of(tok.head)
            if label is None:
                continue
            # *wil de handel niet in gevaar brengen*: a harm word in the complement flips it
            clauses = [c for c in tok.children if dep(c) in ("xcomp", "ccomp")]
            harmful = any(verbs.harms(t) for c in clauses for t in c.subtree)
            negations = coder.negated(tok) + sum(coder.negated(c) for c in clauses)
            agree = (cue != (negations % 2 == 1)) != harmful
            yield from StanceStage.held(coder, sent, heads, agree, label, tok)

    @staticmethod
    def evaluations(coder: ParseCoder, sent: Span, verbs: StanceVerbs, tok: Token) -> Iterator[Held]:
        """An evaluative noun or adjective (*uit kritiek op X*, *staat sceptisch tegenover X*),
        held by its own holder phrase (*kritiek van Y*, *Y's support*) or else by the subject
        of its predicate; polarity from the word, flipped by the predicate's negation."""
        found = verbs.evaluative(tok)
        if found is None:
            return
        cue, predicate, target = found
        label = label_of(target) if target is not None else None
        if label is None or coder.modality(predicate if predicate is not tok else tok.head) == "hypothetical":
            return
        if predicate is tok and tok.pos_ == "NOUN":  # after a verb of receiving: its holder phrase
            heads = verbs.holders(tok)
        elif predicate is tok:  # a predicative adjective heading its clause
            heads = [c for c in tok.children if dep(c) == "nsubj"]
        else:
            heads, _ = coder.sources(predicate)
        yield from StanceStage.held(coder, sent, heads, cue != coder.negated(predicate), label, tok)

    @staticmethod
    def held(
        coder: ParseCoder, sent: Span, heads: Sequence[Token], agree: bool, label: str, tok: Token
    ) -> Iterator[Held]:
        """The actors the noun heads ``heads`` stand for (not places, not outside ``sent``, not
        an actor named only in a phrase inside the head's: *partijgenoten van X* are not X)."""
        for head in heads:
            if not sent.start <= head.i < sent.end:  # a misparse reaching into another sentence
                continue
            actor = coder.actor(head)
            if actor is not None and actor.type != "place" and not StanceStage.inside_phrase(coder, head, actor):
                yield actor, agree, label, tok

    @staticmethod
    def inside_phrase(coder: ParseCoder, head: Token, actor: Actor) -> bool:
        """Whether a common noun ``head`` names ``actor`` only in a modifier phrase of its own
        (*het leger van dat land*, *partijgenoten van X*), not in its own words or an apposition."""
        if head.pos_ != "NOUN":
            return False
        mentions = [t for t in head.subtree if (a := coder.index.at(t.idx, t.idx + len(t))) and a.id == actor.id]
        nested = {t.i for c in head.children if role(c) == "nmod" for t in c.subtree}
        return bool(mentions) and all(t.i in nested for t in mentions)

    @staticmethod
    def quote_label(sent: Span, quote: Quote) -> str | None:
        """What a quote argues for or against: the object or complement of its main predicate,
        else its subject phrase (*de heffingen zijn een vergissing*: the tariffs)."""
        inside = [t for t in sent if quote.start <= t.idx < quote.end]
        for root in (t for t in inside if not quote.start <= t.head.idx < quote.end or t.head.i == t.i):
            if (label := position_label(root)) is not None:
                return label
            subject = next((c for c in root.children if dep(c) in ("nsubj", "nsubj:pass")), None)
            if subject is not None and subject.pos_ != "PRON" and (label := label_of(subject)) is not None:
                return label
            if root.pos_ in ("NOUN", "PROPN") and (label := label_of(root)) is not None:
                return label
        return topic(inside) or topic(list(sent))

    @staticmethod
    def reporting(ctx: ExtractionContext, quote: Quote) -> bool:
        """A news outlet's reported speech (*..., meldt de krant*) is news, not its position;
        its direct quotes (an editorial) still are. A place (a speaker read from *in Caracas*)
        holds no position."""
        actor = next((a for a in ctx.record.actors if a.id == quote.speaker), None)
        return actor is not None and (actor.type == "place" or (actor.type == "media" and quote.kind == "indirect"))

    @staticmethod
    def attributed(ctx: ExtractionContext, sent: Span, speech: set[str], lexicon) -> set[str]:
        """Speakers whose quote in ``sent`` is attributed there: the speaker is named (or a
        pronoun or role phrase resolves to them) or a speech verb occurs. A quote sentence
        that only continues an earlier attribution states no new position of its own."""
        if any(t.pos_ in ("VERB", "AUX") and verb_forms(t, lexicon) & speech for t in sent):
            return {q.speaker for q in ctx.record.quotes if q.speaker}
        out: set[str] = set()
        for tok in sent:
            actor = ctx.actor_at(tok.idx, tok.idx + len(tok.text))
            if actor is not None:
                out.add(actor.id)
        return out

    @staticmethod
    def add(
        ctx: ExtractionContext,
        done: Done,
        actor_id: str | None,
        agree: bool,
        label: str | None,
        evidence: tuple[str, int, int],
        stated: Stated | None = None,
        second: bool = True,
    ) -> bool:
        """Append a stance unless the actor already has one for this sentence; words (``stated``:
        a stance verb, a quote, a listed concept's name) that do not overlap those that stated
        the first may give a second, opposite position on something else (*verwerpt X en pleit
        voor Y*; *zegt dat een akkoord nodig is en levert kritiek op Z*)."""
        text, start, end = evidence
        held = done.setdefault((actor_id or "", start), [])
        taken = any(
            not second
            or a == agree
            or span is None
            or stated is None
            or (span[0] < stated[1] and stated[0] < span[1])
            or same == label
            for a, span, same in held
        )
        if not actor_id or not label or taken:
            return False
        held.append((agree, stated, label))
        ctx.record.stances.append(Stance(actor_id, label, agree, text, start, end))
        return True

    @staticmethod
    def concept(text: str, language: str, concepts: tuple[Concept, ...]) -> Concept | None:
        best = None
        for concept in concepts:
            m = concept.match(text, language)
            if m and (best is None or m.start() < best[0]):
                best = (m.start(), concept)
        return best[1] if best else None

    @staticmethod
    def holders(
        ctx: ExtractionContext, sent: Span, positions: PositionPredicates, quoted: Sequence[tuple[int, int, str]] = ()
    ) -> list[Actor]:
        """Who holds a position stated in the sentence: the main clause's subject (each
        conjunct), read from the subject's own words, not from phrases inside it (*toenadering
        tot de VS* is held by nobody named there); a place is never a holder. Without a parse,
        the first actor of the sentence."""
        if ctx.doc.has_annotation("DEP"):
            from powermap.extract.events.syntax import conjuncts, dep

            out: list[Actor] = []
            for tok in sent:
                if dep(tok) not in ("nsubj", "nsubj:pass") or tok.head.dep_ != "ROOT":
                    continue
                if not positions(tok.head):  # *X vormt de kern*: no position taken
                    continue
                speakers = {who for a, b, who in quoted if a <= tok.head.idx < b}  # else the speaker's account
                for subj in conjuncts(tok):
                    words = [subj, *(c for c in subj.children if dep(c) in ("flat", "appos", "amod", "compound"))]
                    for t in words:
                        actor = ctx.actor_at(t.idx, t.idx + len(t.text))
                        if actor is None:
                            continue
                        if actor.type != "place" and actor not in out and not speakers - {actor.id}:
                            out.append(actor)
                            break
            return out
        for tok in sent:
            actor = ctx.actor_at(tok.idx, tok.idx + len(tok.text))
            if actor is not None:
                return [actor]
        return []
