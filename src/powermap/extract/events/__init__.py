"""The ``events.v1`` stage: dyadic events coded in CAMEO and PLOVER, with dates and modality.

The cascade, per document, in order:

1. sentences: the Doc's sentences, cut at paragraph breaks (``sentences``);
2. with a dependency parse, ``ParseCoder`` (coder.py) codes each sentence: a predicate
   whose lemma and complements match a lexicon row (predicates.py) is an event; its source
   (sources.py) and target (targets.py) are read from the tree and resolved to actors
   (referents.py, actors.py); negation and modality from its auxiliaries (modality.py);
3. a parsed sentence that gave no event goes to ``PatternCoder`` (fallback.py) with verbs
   only, by word order, skipping triggers the parse read as agentless passives;
4. without a parse, ``PatternCoder`` codes every sentence by word order;
5. duplicates (same source, target, code, sentence) are dropped; each event gets a date
   (dates.py: the date in its sentence nearest its trigger, else the publication date) with
   its precision (day, month, year, document), a historical flag (dated two or more years
   before publication), a reported flag, and PLOVER type and Goldstein score from the codebook.

Codes come from the language's lexicon
(``powermap/lang/<code>/event_verbs*.tsv``), PLOVER types, modes and Goldstein scores from
the CAMEO codebook, dates from ``powermap/lang/<code>/dates.yaml``. Events inside reported
speech (a quote, a speech verb's complement, "volgens X") have ``reported`` set (also kept in
the artefact ``ctx.event_reported``, one bool per event, for the stances stage); targets
coordinated with the event's target go to ``other_targets``. The artefact ``ctx.event_clauses``
holds, per event, the character span of the clause its trigger heads (for the stances stage).
"""

from __future__ import annotations

from dataclasses import dataclass

from powermap.codebooks import lookup
from powermap.extract._text import sentences, trimmed
from powermap.extract.events.coder import DYADIC_ROOTS, Coded, ParseCoder
from powermap.extract.events.dates import get_resolver
from powermap.extract.events.envoys import envoy_state
from powermap.extract.events.fallback import PatternCoder
from powermap.extract.events.headline import headline_end
from powermap.extract.events.lexicon import get_lexicon
from powermap.extract.events.syntax import subtree
from powermap.extract.stage import ExtractionContext, Stage, stages
from powermap.records import Event

#: an event dated this many years or more before publication is about history
HISTORY_YEARS = 2


def dated(found: str | None, published: str | None) -> tuple[str | None, str | None, bool]:
    """(date, precision, historical) of an event: the date its sentence gives (``day``,
    ``month`` or ``year`` by its length), else the publication date (``document``); historical
    when the sentence's year lies ``HISTORY_YEARS`` or more before the publication year."""
    pub = (published or "")[:10] or None
    if found is None:
        return pub, ("document" if pub else None), False
    precision = {10: "day", 7: "month", 4: "year"}.get(len(found))
    try:
        historical = bool(pub) and int((pub or "")[:4]) - int(found[:4]) >= HISTORY_YEARS
    except ValueError:  # a publication date without a year
        historical = False
    return found, precision, historical


def without_announced_plans(coded: list[Coded]) -> list[Coded]:
    """Drop an intent (CAMEO 03) whose object noun carries an infinitive coded as an event of the
    same source (*announced plans to break off relations with Y*): the planned act, marked intended, is the
    event; the announcement wraps it, as a wrapping verb (*plan to*) is no event of its own."""
    planned = {
        (c.source.id, c.trigger.head.head.i)
        for c in coded
        if c.trigger.dep_ == "acl" and c.trigger.head.dep_ in ("dobj", "obj") and c.trigger.head.pos_ == "NOUN"
    }
    return [c for c in coded if not (c.cameo.startswith("03") and (c.source.id, c.trigger.i) in planned)]


@stages.register("events.v1")
class EventStage(Stage):
    """Fills ``events`` from the parse (or word order) and the actor layer.

    Options:
        require_target (bool): drop events whose target is unknown (default False).
        code_headline (bool): code the headline too (default False: a headline sums up what
            the body reports, see ``headline.py``).
    """

    @dataclass(frozen=True)
    class Options:
        require_target: bool = False
        code_headline: bool = False

    produces = "events"
    provides = ("event_reported", "event_clauses")
    requires = ("actors", "quotes")  # an event inside a direct quote is reported
    uses = ("actor_links",)

    def __call__(self, ctx: ExtractionContext) -> None:
        ctx.event_reported, ctx.event_clauses = [], []
        if not ctx.record.actors:
            return
        lexicon = get_lexicon(ctx.language)
        doc = ctx.doc
        parsed = doc.has_annotation("DEP")
        coder: ParseCoder | PatternCoder = ParseCoder(lexicon, ctx) if parsed else PatternCoder(lexicon, ctx)
        backup = PatternCoder(lexicon, ctx, verbs_only=True) if parsed else None
        resolver = get_resolver(ctx.language)
        markers = lexicon.cue_set("reported_markers")
        envoys = lexicon.cue_set("envoy_roles")
        quotes = [(q.start, q.end) for q in ctx.record.quotes]
        published = ctx.record.document.published
        reported_flags: list[bool] = []
        clauses: list[tuple[int, int]] = []  # per event: the character span of its trigger's clause
        seen: set[tuple] = set()
        headline = 0 if self.options.code_headline else headline_end(ctx.text)
        for sent in sentences(doc):
            if trimmed(sent)[1] <= headline:
                continue  # the headline sums up the body
            coded = coder.code_sentence(sent)
            if not coded and isinstance(coder, ParseCoder) and backup is not None:
                coded = [
                    c
                    for c in backup.code_sentence(sent)
                    if c.trigger.i not in coder.agentless and not coder.subject_noun(c.trigger)
                ]
            coded = without_announced_plans(coded)
            if not coded:
                continue
            start, end = trimmed(sent)
            dates = resolver.find(ctx.text[start:end], published)
            in_quote = any(s < end and start < e for s, e in quotes)
            marked = any(t.lower_ in markers for t in sent)
            for c in coded:
                c.target = envoy_state(c.cameo, c.target, ctx.record.actors, envoys)
                if c.target is None and (self.options.require_target or c.cameo[:2] in DYADIC_ROOTS):
                    continue
                key = (c.source.id, c.target.id if c.target else None, c.cameo, start)
                if key in seen:
                    continue
                seen.add(key)
                event = self.event(c, ctx.text, start, end, dates, published)
                event.reported = c.reported or in_quote or marked
                ctx.record.events.append(event)
                reported_flags.append(event.reported)
                clause = subtree(c.trigger) if c.trigger.doc.has_annotation("DEP") else [c.trigger]
                first, last = min(clause, key=lambda t: t.i), max(clause, key=lambda t: t.i)
                clauses.append((first.idx, last.idx + len(last.text)))
        ctx.event_reported = reported_flags
        ctx.event_clauses = clauses

    @staticmethod
    def event(c: Coded, text: str, start: int, end: int, dates: list, published: str | None = None) -> Event:
        entry = lookup(c.cameo)
        offset = c.trigger.idx - start
        found = min(dates, key=lambda d: abs(d.start - offset)).value if dates else None
        date, precision, historical = dated(found, published)
        return Event(
            source=c.source.id,
            target=c.target.id if c.target else None,
            cameo=c.cameo,
            plover=entry.plover if entry else None,
            goldstein=entry.goldstein if entry else None,
            sentence=text[start:end],
            start=start,
            end=end,
            negated=c.negated,
            modality=c.modality,  # type: ignore[arg-type]
            date=date,
            date_precision=precision,  # type: ignore[arg-type]
            historical=historical,
            other_targets=[t.id for t in c.other_targets if c.target is None or t.id != c.target.id],
        )
