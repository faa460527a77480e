"""The error report: every gold item missed and every prediction not matched, with the reason.

Each error is a plain dict (one JSON line in ``--errors``): ``document``, ``category``,
``error``, ``start``/``end`` (offsets into the document text), ``sentence`` and ``detail``
(a short human-readable description). The reasons per category:

- actors: ``missed``, ``spurious``, ``split`` (a second predicted actor for a found gold
  actor), ``wrong type``;
- mentions: ``unlinked`` (no predicted mention overlaps it), ``wrong actor`` (overlapped,
  but by a mention of another or a split-off actor), ``spurious``;
- quotes (with speaker): ``missed direct`` / ``missed partial`` / ``missed indirect``,
  ``wrong speaker`` (span found; the detail gives gold and predicted speaker), ``spurious``;
- claims: ``missed``, ``wrong value``, ``wrong unit`` (an unmatched claim on the same span),
  ``spurious``;
- events: ``missed sentence`` (no unmatched event read from its sentence), ``wrong code``,
  ``wrong source``, ``wrong target`` or a combination (``wrong code and target``), judged on
  the unmatched event of its sentence closest to it, ``reversed pair``, ``spurious``;
- stances: ``missed``, ``wrong polarity``, ``wrong actor``, ``wrong actor and polarity``
  (an unmatched stance on the same evidence), ``spurious``.

A prediction that serves as the near miss of a gold item is not counted again as spurious.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from powermap.evaluate.matching import (
    Item,
    actor_rule,
    cameo_root,
    gold_cameo_root,
    overlaps,
    same_text,
    same_value,
)
from powermap.evaluate.scoring import DocumentScore

#: error categories in report order (quotes are judged with their speaker)
ERROR_CATEGORIES = ("actors", "mentions", "quotes", "claims", "events", "stances")
_BOUNDARY = re.compile(r"[.!?][\"'”’»)]*\s+|\n+")


class _Sentences:
    """Finds the sentence around a span with a light punctuation split (for reading, not scoring)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in _BOUNDARY.finditer(text)]

    def around(self, start: int | None, end: int | None) -> str:
        if start is None:
            return ""
        first = self.starts[max(bisect.bisect_right(self.starts, start) - 1, 0)]
        after = bisect.bisect_right(self.starts, max((end or start) - 1, start))
        last = self.starts[after] if after < len(self.starts) else len(self.text)
        return self.text[first:last].strip()


class _Report:
    def __init__(self, name: str, score: DocumentScore) -> None:
        self.name = name
        self.score = score
        text = (score.predicted.get("document") or {}).get("text") or ""
        self.sentences = _Sentences(text)
        self.errors: list[dict[str, Any]] = []
        self.predicted_names = {a.get("id"): a.get("name") for a in score.predicted.get("actors") or []}
        self.gold_names = {a.get("id"): a.get("name") for a in score.gold.get("actors") or []}

    def add(self, category: str, error: str, span: Item | None, detail: str, sentence: str | None = None) -> None:
        start = span.get("start") if span else None
        end = span.get("end") if span else None
        self.errors.append(
            {
                "document": self.name,
                "category": category,
                "error": error,
                "start": start,
                "end": end,
                "sentence": sentence if sentence is not None else self.sentences.around(start, end),
                "detail": detail,
            }
        )

    def said_by(self, predicted_id: Any) -> str:
        return str(self.predicted_names.get(predicted_id, predicted_id)) if predicted_id else "nobody"

    def gold_name(self, gold_id: Any) -> str:
        return str(self.gold_names.get(gold_id, gold_id)) if gold_id else "nobody"


def _unmatched(items: Sequence[object], pairs: dict[int, int], side: str) -> list[int]:
    used = set(pairs) if side == "gold" else set(pairs.values())
    return [i for i in range(len(items)) if i not in used]


def _first_mention(actor: Item) -> Item | None:
    mentions = actor.get("mentions") or []
    return mentions[0] if mentions else None


def _actors(r: _Report) -> None:
    alignment = r.score.alignment
    found = set(alignment.counted.values())
    for g in alignment.gold:
        if g["id"] not in found:
            r.add("actors", "missed", _first_mention(g), f"{g.get('name')} ({g.get('type')})")
    gold_types = {g["id"]: g.get("type") for g in alignment.gold}
    for p in alignment.predicted:
        pid, gid = p.get("id"), alignment.gold_of(p.get("id"))
        name = f"{p.get('name')} ({p.get('type')})"
        if gid is None:
            r.add("actors", "spurious", _first_mention(p), name)
        elif alignment.counted.get(pid) != gid:
            r.add("actors", "split", _first_mention(p), f"{name} is a second actor for {r.gold_name(gid)}")
        elif p.get("type") != gold_types.get(gid):
            detail = f"{p.get('name')}: {gold_types.get(gid)} read as {p.get('type')}"
            r.add("actors", "wrong type", _first_mention(p), detail)


def _mentions(r: _Report) -> None:
    s = r.score
    pairs = s.pairs["mentions"]
    explained: set[int] = set()
    for gi in _unmatched(s.gold_mentions, pairs, "gold"):
        mention, gid = s.gold_mentions[gi]
        hits = [pi for pi, (m, _, _) in enumerate(s.predicted_mentions) if overlaps(mention, m)]
        if not hits:
            r.add("mentions", "unlinked", mention, f"{mention.get('text')!r} of {r.gold_name(gid)}")
            continue
        explained.update(hits)
        actor = s.predicted_mentions[hits[0]][2]
        r.add(
            "mentions",
            "wrong actor",
            mention,
            f"{mention.get('text')!r} of {r.gold_name(gid)} linked to {actor.get('name')}",
        )
    for pi in _unmatched(s.predicted_mentions, pairs, "predicted"):
        mention, _, actor = s.predicted_mentions[pi]
        if pi not in explained and not any(overlaps(mention, g) for g, _ in s.gold_mentions):
            r.add("mentions", "spurious", mention, f"{mention.get('text')!r} as {actor.get('name')}")


def _quotes(r: _Report) -> None:
    s = r.score
    gold, predicted = s.gold.get("quotes") or [], s.predicted.get("quotes") or []
    spans, with_speaker = s.pairs["quote spans"], s.pairs["quotes+speaker"]
    for gi in _unmatched(gold, with_speaker, "gold"):
        g = gold[gi]
        if gi in spans:
            p = predicted[spans[gi]]
            detail = f"said by {r.gold_name(g.get('speaker'))}, given as {r.said_by(p.get('speaker'))}"
            r.add("quotes", "wrong speaker", g, detail)
        else:
            r.add("quotes", f"missed {g.get('kind') or 'quote'}", g, f"{g.get('text', '')[:80]!r}")
    for pi in _unmatched(predicted, spans, "predicted"):
        p = predicted[pi]
        r.add("quotes", "spurious", p, f"{p.get('kind')} {p.get('text', '')[:80]!r}")


def _near_misses(r: _Report, category: str, key: str, related, judge) -> None:
    """Label each unmatched gold item by its closest unmatched related prediction; the rest is spurious.

    ``related(g, p)`` says whether a prediction is about the same place; ``judge(g, p)`` returns
    ``(number of differences, error name, detail)`` for such a pair.
    """
    gold, predicted = r.score.gold.get(key) or [], r.score.predicted.get(key) or []
    pairs = r.score.pairs[category]
    free = _unmatched(predicted, pairs, "predicted")
    used: set[int] = set()
    missed = "missed sentence" if category == "events" else "missed"
    for gi in _unmatched(gold, pairs, "gold"):
        g = gold[gi]
        near = [(judge(g, predicted[pi]), pi) for pi in free if related(g, predicted[pi])]
        if not near:
            r.add(category, missed, g, _describe(r, category, g), g.get("sentence") or g.get("evidence"))
            continue
        (_, error, detail), pi = min(near, key=lambda item: item[0][0])
        used.add(pi)
        r.add(category, error, g, detail, g.get("sentence") or g.get("evidence"))
    for pi in free:
        if pi not in used:
            p = predicted[pi]
            r.add(category, "spurious", p, _describe(r, category, p, predicted=True))


def _wrong(fields: list[str]) -> str:
    """``wrong code``, ``wrong code and target``, ``wrong code, source and target``."""
    return "wrong " + (fields[0] if len(fields) == 1 else ", ".join(fields[:-1]) + " and " + fields[-1])


def _describe(r: _Report, category: str, item: Item, predicted: bool = False) -> str:
    name = r.said_by if predicted else r.gold_name
    if category == "claims":
        return f"{item.get('text')!r} = {item.get('value')} {item.get('unit')}"
    if category == "events":
        code = item.get("cameo") if predicted else gold_cameo_root(item)
        return f"{name(item.get('source'))} -> {name(item.get('target'))} CAMEO {code}"
    return f"{name(item.get('actor'))} {'for' if item.get('agree') else 'against'} {item.get('concept')!r}"


def _claims(r: _Report) -> None:
    def judge(g: Item, p: Item) -> tuple[int, str, str]:
        shown = f"gold {g.get('value')} {g.get('unit')}, read {p.get('value')} {p.get('unit')}"
        if same_value(g.get("value"), p.get("value")):
            return 1, "wrong unit", shown
        return 1, "wrong value", shown

    _near_misses(r, "claims", "claims", overlaps, judge)


def _events(r: _Report) -> None:
    alignment = r.score.alignment

    def judge(g: Item, p: Item) -> tuple[int, str, str]:
        wrong = []
        if gold_cameo_root(g) != cameo_root(p.get("cameo")):
            wrong.append("code")
        if not actor_rule(alignment, g.get("source"), p.get("source")):
            wrong.append("source")
        if g.get("target") is not None and not actor_rule(alignment, g.get("target"), p.get("target")):
            wrong.append("target")
        reversed_pair = (
            g.get("target") is not None
            and actor_rule(alignment, g.get("source"), p.get("target"))
            and actor_rule(alignment, g.get("target"), p.get("source"))
        )
        detail = f"gold {_describe(r, 'events', g)}; read {_describe(r, 'events', p, predicted=True)}"
        if reversed_pair and "source" in wrong:
            return len(wrong), "reversed pair", detail
        return len(wrong), _wrong(wrong), detail

    _near_misses(r, "events", "events", overlaps, judge)


def _stances(r: _Report) -> None:
    alignment = r.score.alignment

    def related(g: Item, p: Item) -> bool:
        return same_text(g.get("evidence"), p.get("evidence"))

    def judge(g: Item, p: Item) -> tuple[int, str, str]:
        wrong = []
        if not actor_rule(alignment, g.get("actor"), p.get("actor")):
            wrong.append("actor")
        if bool(g.get("agree")) != bool(p.get("agree")):
            wrong.append("polarity")
        detail = f"gold {_describe(r, 'stances', g)}; read {_describe(r, 'stances', p, predicted=True)}"
        return len(wrong), _wrong(wrong), detail

    _near_misses(r, "stances", "stances", related, judge)


def document_errors(name: str, score: DocumentScore) -> list[dict[str, Any]]:
    """Every error of one scored document, category by category."""
    report = _Report(name, score)
    for collect in (_actors, _mentions, _quotes, _claims, _events, _stances):
        collect(report)
    return report.errors


def summarise_errors(errors: list[dict[str, Any]], examples: int = 3) -> dict[str, dict[str, Any]]:
    """``{category: {error: {"count": n, "examples": [(detail, times), ...]}}}`` in report order."""
    grouped: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for error in errors:
        grouped[error["category"]][error["error"]].append(error["detail"])
    summary: dict[str, dict[str, Any]] = {}
    for category in ERROR_CATEGORIES:
        kinds = grouped.get(category, {})
        summary[category] = {
            error: {"count": len(details), "examples": Counter(details).most_common(examples)}
            for error, details in sorted(kinds.items(), key=lambda item: -len(item[1]))
        }
    return summary
