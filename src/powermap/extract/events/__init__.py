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
``ctx.scratch["events.reported"]``, one bool per event, for the stances stage); targets
coordinated with the event's target go to ``other_targets``. ``ctx.scratch["events.clauses"]``
holds, per event, the character span of the clause its trigger heads (for the stances stage).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from powermap.codebooks import lookup
from powermap.extract.events.coder import Coded, ParseCoder
from powermap.extract.events.dates import get_resolver
from powermap.extract.events.fallback import PatternCoder
from powermap.extract.events.lexicon import get_lexicon
from powermap.extract.events.syntax import subtree
from powermap.extract.stage import ExtractionContext, Stage, stages
from powermap.records import Event

#: an event dated this many years or more before publication is about history
HISTORY_YEARS = 2
FINAL = ".!?:;\"'”’»…)"
FOOTNOTE = re.compile(r"[.!?\"”’)]\d{1,3}$")


def sentences(doc: Doc) -> Iterator[Span]:
    """The Doc's sentences, or the whole Doc when nothing set sentence boundaries. A blank
    line, or a line break after a full stop, always ends a sentence (a caption or headline is
    not joined to the next paragraph; hard-wrapped lines inside a sentence stay together)."""
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        for sent in joined(doc):
            yield from split_lines(sent)
    elif len(doc):
        yield doc[:]


def joined(doc: Doc) -> Iterator[Span]:
    """The Doc's sentences, a boundary the parser put mid-line without final punctuation
    (*... is van plan | Kiev garanties op te leggen.*) undone."""
    begin = None
    for sent in doc.sents:
        begin = sent.start if begin is None else begin
        words = [t for t in sent if not t.is_space]
        tail = "".join(t.text_with_ws for t in doc[words[-1].i + 1 : sent.end + 1]) if words else ""
        if not words or ended(words[-2:]) or "\n" in tail or sent.end == len(doc):
            yield doc[begin : sent.end]
            begin = None
    if begin is not None:
        yield doc[begin:]


def ended(last: list) -> bool:
    """Whether the last words end a sentence: final punctuation, maybe with a footnote
    number after it (*... de trumpisten.7*)."""
    text = "".join(t.text_with_ws for t in last).rstrip()
    return text[-1] in FINAL or bool(FOOTNOTE.search(text))


def split_lines(sent: Span) -> Iterator[Span]:
    """``sent`` cut at paragraph breaks and at line breaks after sentence-final punctuation."""
    begin, last = sent.start, None
    for tok in sent:
        breaks = (tok.text if tok.is_space else "") + tok.whitespace_
        cut = "\n\n" in breaks or ("\n" in breaks and last is not None and last.text[-1] in FINAL)
        if cut and last is not None and last.i >= begin:  # leading breaks stay with what follows
            yield sent.doc[begin : tok.i + 1]
            begin = tok.i + 1
        if not tok.is_space:
            last = tok
    if any(not t.is_space for t in sent.doc[begin : sent.end]):
        yield sent.doc[begin : sent.end]


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


def trimmed(sent: Span) -> tuple[int, int]:
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
    return start, sent.start_char + len(text.rstrip())


@stages.register("events.v1")
class EventStage(Stage):
    """Fills ``events`` from the parse (or word order) and the actor layer.

    Options:
        require_target (bool): drop events whose target is unknown (default False).
    """

    produces = "events"
    requires = ("actors",)

    def __call__(self, ctx: ExtractionContext) -> None:
        if not ctx.record.actors:
            return
        lexicon = get_lexicon(ctx.language)
        doc = ctx.doc
        parsed = doc.has_annotation("DEP")
        coder: ParseCoder | PatternCoder = ParseCoder(lexicon, ctx) if parsed else PatternCoder(lexicon, ctx)
        backup = PatternCoder(lexicon, ctx, verbs_only=True) if parsed else None
        resolver = get_resolver(ctx.language)
        markers = lexicon.cue_set("reported_markers")
        quotes = [(q.start, q.end) for q in ctx.record.quotes]
        published = ctx.record.document.published
        reported_flags: list[bool] = []
        clauses: list[tuple[int, int]] = []  # per event: the character span of its trigger's clause
        seen: set[tuple] = set()
        for sent in sentences(doc):
            coded = coder.code_sentence(sent)
            if not coded and isinstance(coder, ParseCoder) and backup is not None:
                coded = [c for c in backup.code_sentence(sent) if c.trigger.i not in coder.agentless]
            if not coded:
                continue
            start, end = trimmed(sent)
            dates = resolver.find(ctx.text[start:end], published)
            in_quote = any(s < end and start < e for s, e in quotes)
            marked = any(t.lower_ in markers for t in sent)
            for c in coded:
                if self.options.get("require_target") and c.target is None:
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
        ctx.scratch["events.reported"] = reported_flags
        ctx.scratch["events.clauses"] = clauses

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
