"""The matching rules of the extraction record spec (``extraction-format.md``), as predicates.

Every rule compares a predicted record item with a gold one *on substance*: actors by
Wikidata id, name or surface form; quotes and stance evidence by token F1; claims by value
and unit; events by actors and CAMEO root. Matching is one to one and greedy: gold items in
file order, each takes the first unused prediction that qualifies.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

#: marks stripped from both ends of a quote before its words are compared
QUOTE_MARKS = "\"'“”„‘’«»‹›`"
#: a quote or a stance's evidence matches when the token F1 of the two texts reaches this
TEXT_MATCH_F1 = 0.5
#: a claim's value matches within this fraction of the larger of the two values
VALUE_TOLERANCE = 0.01
#: unit spellings (after folding) that mean the same unit
UNIT_ALIASES = {"pct": "percent", "procent": "percent", "dollar": "usd", "euro": "eur"}

Item = dict[str, Any]


def fold(value: str | None) -> str:
    """Lower case, accents removed, punctuation turned into spaces, whitespace collapsed."""
    if not value:
        return ""
    decomposed = unicodedata.normalize("NFKD", value)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return " ".join(re.sub(r"[^\w\s]", " ", bare).split())


def words(text: str) -> list[str]:
    """The folded words of a quote-like text, its surrounding quote marks ignored."""
    return fold(text.strip(QUOTE_MARKS)).split()


def token_f1(first: str, second: str) -> float:
    """F1 of the two texts' word multisets (0 when either is empty)."""
    a, b = Counter(words(first)), Counter(words(second))
    shared = sum((a & b).values())
    if not shared:
        return 0.0
    precision, recall = shared / sum(a.values()), shared / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def same_text(gold_text: str | None, predicted_text: str | None) -> bool:
    return token_f1(gold_text or "", predicted_text or "") >= TEXT_MATCH_F1


def overlaps(a: Item, b: Item) -> bool:
    """Whether two items' ``[start, end)`` spans share a character (False when one has none)."""
    try:
        return int(a["start"]) < int(b["end"]) and int(b["start"]) < int(a["end"])
    except (KeyError, TypeError, ValueError):
        return False


def unit_key(unit: str | None) -> str:
    folded = fold(unit)
    return UNIT_ALIASES.get(folded, folded)


def same_value(gold_value: Any, predicted_value: Any) -> bool:
    try:
        a, b = float(gold_value), float(predicted_value)
    except (TypeError, ValueError):
        return False
    return abs(a - b) <= VALUE_TOLERANCE * max(abs(a), abs(b), 1e-9)


def cameo_root(code: Any) -> str:
    """The two-digit CAMEO root of a code (``"0"`` -> ``"00"``, empty -> ``""``)."""
    text = str(code or "").strip()
    return text[:2].zfill(2) if text else ""


def gold_cameo_root(event: Item) -> str:
    return cameo_root(event.get("cameo_root") or event.get("cameo"))


def pair_greedily[G, P](gold: Sequence[G], predicted: Sequence[P], ok: Callable[[G, P], bool]) -> dict[int, int]:
    """Gold index -> predicted index, one to one: each gold item takes the first free prediction."""
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if pi not in taken and ok(g, p):
                pairs[gi] = pi
                taken.add(pi)
                break
    return pairs


class ActorAlignment:
    """How one document's predicted actors line up with its gold actors.

    ``gold_of(pid)`` is the gold actor a predicted actor is taken for (several predicted actors
    may be taken for one gold actor); ``counted`` keeps, per gold actor, the one predicted
    actor that counts for it (the one with most mentions, the first on a tie). The others are
    split-off copies: false positives, and their mentions are not linked.
    """

    def __init__(self, gold_actors: Sequence[Item], predicted_actors: Sequence[Item]) -> None:
        self.gold = list(gold_actors)
        self.predicted = list(predicted_actors)
        self.gold_by_id = {g.get("id"): g for g in self.gold}
        by_id = {p.get("id"): p for p in self.predicted}
        self._gold_of = {pid: gid for pid, actor in by_id.items() if (gid := self._find(actor)) is not None}
        best: dict[str, tuple[int, Any]] = {}
        for actor in self.predicted:
            gid = self.gold_of(actor.get("id"))
            size = len(actor.get("mentions") or [])
            if gid is not None and (gid not in best or size > best[gid][0]):
                best[gid] = (size, actor.get("id"))
        #: predicted id -> gold id, only for the predicted actor that counts
        self.counted: dict[Any, str] = {pid: gid for gid, (_, pid) in best.items()}

    def gold_of(self, predicted_id: Any) -> str | None:
        """The gold actor id a predicted actor id is taken for, or None."""
        return self._gold_of.get(predicted_id) if predicted_id else None

    def _find(self, actor: Item) -> str | None:
        """Rules in order of strength; each is tried on every gold actor before the next."""
        name = fold(actor.get("name"))
        qid = actor.get("wikidata")
        if qid:
            for g in self.gold:
                if g.get("wikidata") == qid:
                    return g["id"]
        if name:
            for g in self.gold:
                if name == fold(g.get("name")) or name in {fold(a) for a in g.get("aliases_in_text") or []}:
                    return g["id"]
        if actor.get("type") == "person":
            surname = name.split()[-1:]
            for g in self.gold:
                if g.get("type") == "person" and surname and fold(g.get("name")).split()[-1:] == surname:
                    return g["id"]
        forms = {fold(m.get("text")) for m in actor.get("mentions") or []}
        multiword = {f for f in forms if len(f.split()) > 1}
        for g in self.gold:
            if multiword & {fold(a) for a in g.get("aliases_in_text") or []}:
                return g["id"]
        return None


def actor_rule(alignment: ActorAlignment, gold_id: Any, predicted_id: Any) -> bool:
    """A predicted actor reference (speaker, source, ...) is right for a gold one."""
    return alignment.gold_of(predicted_id) == gold_id


def quote_span_ok(g: Item, p: Item) -> bool:
    return same_text(g.get("text"), p.get("text"))


def claim_ok(g: Item, p: Item) -> bool:
    return same_value(g.get("value"), p.get("value")) and unit_key(g.get("unit")) == unit_key(p.get("unit"))


def event_ok(alignment: ActorAlignment, g: Item, p: Item) -> bool:
    """Same CAMEO root, same source, and same target unless the gold event has none."""
    if gold_cameo_root(g) != cameo_root(p.get("cameo")):
        return False
    if not actor_rule(alignment, g.get("source"), p.get("source")):
        return False
    return g.get("target") is None or actor_rule(alignment, g.get("target"), p.get("target"))


def stance_ok(alignment: ActorAlignment, g: Item, p: Item) -> bool:
    return (
        actor_rule(alignment, g.get("actor"), p.get("actor"))
        and bool(g.get("agree")) == bool(p.get("agree"))
        and same_text(g.get("evidence"), p.get("evidence"))
    )
