"""Stances from coded events that express a position, held by the event's source.

03 intent, 05 support, 08 concessions: agree; 02 appeals and 10 demands: for what they call
for, against it when that is a harm (*riep op de beschietingen te stoppen*); 11 disapproval,
12 rejection, 13 threats, 14 protest, 16 reductions: disagree; a negated event is against the
action. A sanction (163) is for the measure where its clause names one (a 163 noun of the
lexicon: *stelden sancties in*, *sanctioned*), else against what it bans or whom it excludes
(*verbood de export*), never for its target. Of 05 the codes that state a position count
(praise, verbal defence, rallying support, recognition, apology, forgiveness, an agreement);
plain cooperation (050, *samenwerken*) is a deed unless intended or demanded (*wil samenwerken
met X*: for it). Material cooperation and aid (06, 07), coercion and force (17-20) are deeds,
not statements, and give none; nor does a deal between two (*X en Y kwamen overeen*: each
coded towards the other), which is no position of either.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Span, Token

from powermap.extract.events.coder import THREAT_CODES
from powermap.extract.events.lexicon import EventLexicon, norm
from powermap.extract.events.syntax import dep
from powermap.extract.stage import ExtractionContext
from powermap.extract.stances.concepts import Concept
from powermap.extract.stances.positions import StanceVerbs, label_of, position_label, topic
from powermap.records import Event

AGREE_ROOTS = {"02", "03", "05", "08", "10"}
DISAGREE_ROOTS = {"11", "12", "13", "14", "16"}
CALL_ROOTS = {"02", "10"}
#: 05 codes that state a position; plain cooperation (050, *samenwerken*) is a deed, a position
#: only when wished for, not done (*wil samenwerken met X*)
POSITION_CODES_05 = {"051", "052", "053", "054", "055", "056", "057"}

#: a position an event states: holder id, agree, label, the character span of the event's clause
EventStance = tuple[str | None, bool, str | None, tuple[int, int] | None]


def event_polarity(event: Event) -> bool | None:
    """Agree for cooperative positions, disagree for conflictual ones; a negated event is
    a position against the action itself (*weigerde te veroordelen*: against condemning)."""
    root = event.cameo[:2]
    if root not in AGREE_ROOTS and root not in DISAGREE_ROOTS:
        return None
    if root == "05" and event.cameo[:3] not in POSITION_CODES_05 and event.modality == "asserted":
        return None
    if event.negated:
        return False
    return root in AGREE_ROOTS


def event_stances(
    ctx: ExtractionContext,
    sent: Span,
    start: int,
    concept: Concept | None,
    speakers: set[str],
    verbs: StanceVerbs,
) -> Iterator[EventStance]:
    """The positions stated by the events of the sentence starting at ``start``. With
    ``speakers`` (the speakers of direct quotes in it) only theirs: what a quote tells of others
    is the speaker's account. The sentence's ``concept`` labels an event only when it is named
    in the event's own clause. Appeals come last: what else their source does in the sentence
    says more (*vroeg om zijn ontslag* after *was het met hem oneens*)."""
    events = ctx.record.events
    clauses = ctx.event_clauses or []
    for k in sorted(range(len(events)), key=lambda k: events[k].cameo[:2] == "02"):
        event = events[k]
        if event.start != start or (speakers and event.source not in speakers):
            continue
        agree = event_polarity(event)
        clause = clauses[k] if k < len(clauses) else None
        if agree is False and event.cameo.startswith("163") and not event.negated:
            agree = names_measure(sent, clause, verbs.lexicon)
        if agree is None or (agree and mutual(event, events)):
            continue
        if event.cameo.startswith("13") and not event.negated and threatens_action(sent, clause, event.cameo):
            agree = True  # *dreigt heffingen in te stellen*: for the measure it threatens
        if event.cameo[:2] in CALL_ROOTS and clause and any(verbs.harms(t) for t in called(sent, clause)):
            agree = not agree
        named = (
            concept is not None and clause is not None and concept.match(ctx.text[clause[0] : clause[1]], ctx.language)
        )
        label = concept.label if concept is not None and named else event_label(ctx, sent, event, clause, verbs)
        yield event.source, agree, label, clause


def names_measure(sent: Span, clause: tuple[int, int] | None, lexicon: EventLexicon) -> bool:
    """Whether a sanction's clause names the measure: a word whose lemma is a noun row of code
    163 in the lexicon (*sancties*, *embargo*, *sanctioned*), whatever its part of speech."""
    measures = {
        lemma for lemma in lexicon.noun_lemmas if any((e.cameo or "").startswith("163") for e in lexicon.entries[lemma])
    }
    for tok in sent:
        if clause is not None and not clause[0] <= tok.idx < clause[1]:
            continue
        if lexicon.noun_lemma([norm(tok.lemma_ or tok.text), tok.lower_]) in measures:
            return True
    return False


def mutual(event: Event, events: Sequence[Event]) -> bool:
    """Whether the event's target does the same to its source in the same sentence."""
    return event.target is not None and any(
        e.start == event.start
        and e.source == event.target
        and e.target == event.source
        and e.cameo[:2] == event.cameo[:2]
        for e in events
    )


def called(sent: Span, clause: tuple[int, int]) -> Iterator[Token]:
    """What an appeal's clause calls for: the heads of the clause and their objects and
    complement clauses, not words inside relative clauses or modifiers."""
    todo = clause_heads(sent, clause) if sent.doc.has_annotation("DEP") else []
    while todo:
        tok = todo.pop()
        yield tok
        todo.extend(c for c in tok.children if dep(c) in ("obj", "xcomp", "ccomp", "compound:prt"))


def clause_heads(sent: Span, clause: tuple[int, int]) -> list[Token]:
    """The tokens of ``clause`` whose head lies outside it (or that head the sentence)."""
    inside = [t for t in sent if clause[0] <= t.idx < clause[1]]
    return [t for t in inside if t.head.i == t.i or not clause[0] <= t.head.idx < clause[1]]


def threatens_action(sent: Span, clause: tuple[int, int] | None, cameo: str) -> bool:
    """Whether a threat's predicate takes an infinitive clause: the action it threatens
    (*dreigt X te arresteren*, *threatened to impose tariffs*), which its source is for. The
    coder may also code the threat at that infinitive itself, with the threat code of the
    action it wraps (*dreigt heffingen in te voeren*: 1312 at *voeren*)."""
    if clause is None or not sent.doc.has_annotation("DEP"):
        return False
    heads = clause_heads(sent, clause)
    if any(dep(c) == "xcomp" and c.pos_ == "VERB" for h in heads for c in h.children):
        return True
    wrapped = cameo in THREAT_CODES.values()
    return wrapped and any(
        dep(h) == "xcomp" and h.pos_ == "VERB" and not clause[0] <= h.head.idx < clause[1] for h in heads
    )


def event_label(
    ctx: ExtractionContext, sent: Span, event: Event, clause: tuple[int, int] | None, verbs: StanceVerbs | None = None
) -> str | None:
    """What an event's source takes a position on: the object or complement of the event's
    predicate (the clause's head verb), what an evaluative object judges (*levert kritiek op X*:
    X, not the criticism), else the target's name; never the event code's name."""
    if clause is not None and ctx.doc.has_annotation("DEP"):
        for head in clause_heads(sent, clause):
            judged = verbs.judged(head) if verbs is not None else None
            if judged is not None and (label := label_of(judged)) is not None:
                return label
            if (label := position_label(head)) is not None:
                return label
    target = next((a for a in ctx.record.actors if a.id == event.target), None)
    if target is not None:
        return target.name
    return topic([t for t in sent if clause is None or clause[0] <= t.idx < clause[1]]) or topic(list(sent))
