"""A document's text cut into pieces marked with the facts that cover them.

Every fact with a span (an actor mention, a quote, a claim, an event's sentence, a stance's
evidence) gets a ``ref`` (``actor-2``, ``quote-17``, ...). The text is cut at every span
boundary; each piece lists the kinds and refs covering it, links to its innermost fact (the
shortest span), and names the refs that start there, so the page can jump from a fact's table row
to its place in the text (``#text-quote-17``) and from the text to the row (``#fact-quote-17``).
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

KINDS = ("mention", "quote", "claim", "event", "stance")


def fact_spans(facts: dict[str, list[dict]]) -> list[tuple[int, int, str, str, str]]:
    """(start, end, kind, ref, label) of every fact of ``document_facts``; gives each fact its ``ref``."""
    spans = []
    for i, actor in enumerate(facts["actors"]):
        actor["ref"] = f"actor-{i}"
        spans += [
            (m["start"], m["end"], "mention", actor["ref"], f"{actor['name']} ({actor['type']})")
            for m in actor["mentions"]
        ]
    for q in facts["quotes"]:
        q["ref"] = f"quote-{q['id']}"
        spans.append(
            (q["start"], q["end"], "quote", q["ref"], f"{q['kind']} quote of {q['speaker_name'] or 'unknown speaker'}")
        )
    for c in facts["claims"]:
        c["ref"] = f"claim-{c['id']}"
        spans.append(
            (c["start"], c["end"], "claim", c["ref"], f"claim: {c['value']:g} {c['unit']} {c['about'] or ''}".strip())
        )
    for e in facts["events"]:
        e["ref"] = f"event-{e['id']}"
        who = f"{e['source_name'] or '?'} → {e['target_name'] or '?'}"
        spans.append((e["start"], e["end"], "event", e["ref"], f"event {e['cameo']} {who}"))
    for s in facts["stances"]:
        s["ref"] = f"stance-{s['id']}"
        side = "for" if s["agree"] else "against"
        spans.append(
            (s["start"], s["end"], "stance", s["ref"], f"stance: {s['actor_name'] or s['actor']} {side} {s['concept']}")
        )
    return spans


def mark_text(text: str, spans: list[tuple[int, int, str, str, str]]) -> list[dict[str, Any]]:
    """The text cut at every span boundary into pieces with the kinds and refs covering each."""
    spans = [s for s in spans if 0 <= s[0] < s[1] <= len(text)]
    cuts = sorted({0, len(text), *(s[0] for s in spans), *(s[1] for s in spans)})
    by_start: dict[int, list[tuple]] = {}
    for span in spans:
        by_start.setdefault(span[0], []).append(span)
    open_spans: list[tuple] = []
    started: set[str] = set()
    pieces: list[dict[str, Any]] = []
    for lo, hi in pairwise(cuts):
        open_spans = [s for s in open_spans if s[1] > lo] + by_start.get(lo, [])
        piece: dict[str, Any] = {"text": text[lo:hi], "start": lo}
        if open_spans:
            inner = min(open_spans, key=lambda s: (s[1] - s[0], KINDS.index(s[2])))
            refs = list(dict.fromkeys(s[3] for s in open_spans))
            piece.update(
                kinds=sorted({s[2] for s in open_spans}, key=KINDS.index),
                ref=inner[3],
                refs=refs,
                starts=[r for r in refs if r not in started],
                label="; ".join(dict.fromkeys(s[4] for s in open_spans)),
            )
            started.update(refs)
        pieces.append(piece)
    return pieces
