"""Per-category counts for one document, totals over a set, and precision / recall / F1."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from powermap.evaluate.matching import (
    ActorAlignment,
    Item,
    actor_rule,
    claim_ok,
    event_ok,
    overlaps,
    pair_greedily,
    quote_span_ok,
    stance_ok,
)

#: the rows of the score table, in print order
CATEGORIES = ("actors", "mentions", "quote spans", "quotes+speaker", "claims", "events", "stances")
#: the categories whose F1 the overall figure averages (quotes only with the right speaker)
OVERALL = ("actors", "quotes+speaker", "claims", "events", "stances")


@dataclass
class Counts:
    """Matched predictions, predictions, matched gold items and gold items of one category."""

    matched_predicted: int = 0
    predicted: int = 0
    matched_gold: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        self.matched_predicted += other.matched_predicted
        self.predicted += other.predicted
        self.matched_gold += other.matched_gold
        self.gold += other.gold

    def scores(self) -> dict[str, Any]:
        """P, R and F1 rounded to three decimals (nothing predicted and nothing to find is perfect)."""
        nothing_to_find = 1.0 if not self.gold else 0.0
        precision = self.matched_predicted / self.predicted if self.predicted else nothing_to_find
        recall = self.matched_gold / self.gold if self.gold else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "precision": round(precision, 3),
            "recall": round(recall, 3),
            "f1": round(f1, 3),
            "predicted": self.predicted,
            "gold": self.gold,
        }


def _pairs_counts(pairs: dict[int, int], n_gold: int, n_predicted: int) -> Counts:
    return Counts(len(pairs), n_predicted, len(pairs), n_gold)


@dataclass
class DocumentScore:
    """Counts per category for one document and the pairings the error report reads."""

    gold: Item
    predicted: Item
    alignment: ActorAlignment
    counts: dict[str, Counts] = field(default_factory=dict)
    #: category -> {gold index: predicted index}
    pairs: dict[str, dict[int, int]] = field(default_factory=dict)
    #: gold mentions as (mention, gold actor id), predicted as (mention, counted gold id or None, actor)
    gold_mentions: list[tuple[Item, str]] = field(default_factory=list)
    predicted_mentions: list[tuple[Item, str | None, Item]] = field(default_factory=list)


def score_document(gold: Item, predicted: Item) -> DocumentScore:
    """Score one predicted record (``{}`` when the document produced none) against its gold."""
    g_actors, p_actors = gold.get("actors") or [], predicted.get("actors") or []
    alignment = ActorAlignment(g_actors, p_actors)
    result = DocumentScore(gold, predicted, alignment)
    n_counted = len(alignment.counted)
    result.counts["actors"] = Counts(n_counted, len(p_actors), n_counted, len(g_actors))

    result.gold_mentions = [(m, g["id"]) for g in g_actors for m in g.get("mentions") or []]
    result.predicted_mentions = [
        (m, alignment.counted.get(p.get("id")), p) for p in p_actors for m in p.get("mentions") or []
    ]
    mention_pairs = pair_greedily(
        result.gold_mentions, result.predicted_mentions, lambda g, p: p[1] == g[1] and overlaps(g[0], p[0])
    )
    result.pairs["mentions"] = mention_pairs
    result.counts["mentions"] = _pairs_counts(mention_pairs, len(result.gold_mentions), len(result.predicted_mentions))

    def speaker_ok(g: Item, p: Item) -> bool:
        return quote_span_ok(g, p) and actor_rule(alignment, g.get("speaker"), p.get("speaker"))

    rules: dict[str, tuple[str, Callable[[Item, Item], bool]]] = {
        "quote spans": ("quotes", quote_span_ok),
        "quotes+speaker": ("quotes", speaker_ok),
        "claims": ("claims", claim_ok),
        "events": ("events", partial(event_ok, alignment)),
        "stances": ("stances", partial(stance_ok, alignment)),
    }
    for category, (key, ok) in rules.items():
        g_items, p_items = gold.get(key) or [], predicted.get(key) or []
        pairs = pair_greedily(g_items, p_items, ok)
        result.pairs[category] = pairs
        result.counts[category] = _pairs_counts(pairs, len(g_items), len(p_items))
    return result


def total(documents: list[DocumentScore]) -> dict[str, Counts]:
    """The counts of every category summed over documents."""
    sums = {category: Counts() for category in CATEGORIES}
    for doc in documents:
        for category, counts in doc.counts.items():
            sums[category].add(counts)
    return sums


def summarise(documents: list[DocumentScore]) -> dict[str, Any]:
    """``{"categories": {category: P/R/F1/counts}, "overall_f1": mean F1 of OVERALL}``."""
    categories = {category: counts.scores() for category, counts in total(documents).items()}
    overall = sum(categories[c]["f1"] for c in OVERALL) / len(OVERALL) if documents else 0.0
    return {"categories": categories, "overall_f1": round(overall, 3)}
