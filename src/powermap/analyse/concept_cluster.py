"""Leader clustering of concept texts, with names and rare words that draw texts together or keep them apart.

The grouping step of ``analyse.concepts``: centred, normalised e5 vectors in, a group number
per text out.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import numpy as np

from powermap.analyse.concept_text import normalise

#: added to the similarity of a text to a group whose first text names one of the same actors
SHARED_NAME_BONUS = 0.15
#: ... whose first text shares a rare word with it (Zipf frequency under ``RARE_ZIPF``: *brexit*)
SHARED_WORD_BONUS = 0.1
BLOCK = 1024  # texts whose similarities are computed in one matrix product


class _Names:
    """Which groups name which actors (or ``rule_out=False``: which rare words), for ruling
    groups out and drawing texts in, vectorised."""

    def __init__(self, size: int, bonus: float = SHARED_NAME_BONUS, rule_out: bool = True) -> None:
        self.named = np.zeros(size, dtype=bool)
        self.groups: dict[str, list[int]] = defaultdict(list)
        self.bonus = bonus
        self.rule_out = rule_out

    def add(self, group: int, own: set[str]) -> None:
        if own:
            self.named[group] = True
            for actor in own:
                self.groups[actor].append(group)

    def adjust(self, sims: np.ndarray, own: set[str]) -> None:
        """Rule out groups naming other actors only; favour groups naming one of ``own``."""
        if not own:
            return
        shared = np.zeros(len(sims), dtype=bool)
        for actor in own:
            shared[[g for g in self.groups.get(actor, ()) if g < len(sims)]] = True
        if self.rule_out:
            sims[self.named[: len(sims)] & ~shared] = -2.0
        sims[shared] += self.bonus


def _cluster(
    order: list[str],
    weight: Counter,
    vectors: dict[str, np.ndarray],
    seeds: list[tuple[str, np.ndarray]],
    threshold: float,
    entities: dict[str, set[str]] | None = None,
    keywords: dict[str, set[str]] | None = None,
    closed: set[int] | None = None,
    assigned: dict[str, int] | None = None,
) -> dict[str, int]:
    """text -> group number; groups 0..len(seeds)-1 are the seeds. Leader clustering: a text
    joins the group whose first text (leader) is most similar, if at least ``threshold``, else
    leads a new group; then each text moves once to its nearest group centroid. Similarities
    are computed a block of texts at a time against all leaders (matrix products, bounded
    memory). A text that names actors never joins a group whose leader names others only
    (*sanctions against Venezuela* and *sanctions against Russia* are close in meaning but two
    concepts), and is drawn towards one whose leader names one of the same (``SHARED_NAME_BONUS``)
    or shares a rare word with it (``keywords``, ``SHARED_WORD_BONUS``: *een ordentelijke brexit*
    and *no deal-brexit*). Seeds in ``closed`` take their own text only; texts in ``assigned`` go to the seed given."""
    entities, keywords = entities or {}, keywords or {}
    shut = np.array(sorted(closed or ()), dtype=int)
    assigned = assigned or {}
    size = len(seeds) + len(order)
    names = _Names(size)
    keys = _Names(size, SHARED_WORD_BONUS, rule_out=False)
    matrix = np.vstack([v for _, v in seeds] + [vectors[t] for t in order]).astype(np.float32)
    exact = {normalise(name): i for i, (name, _) in enumerate(seeds)}
    for i, (name, _) in enumerate(seeds):  # a seed naming an actor (for/against X) rules out others
        names.add(i, entities.get(name, set()))
    leaders = list(range(len(seeds)))  # row of each group's leader in ``matrix``
    group_of: dict[str, int] = {}
    for begin in range(0, len(order), BLOCK):
        block = order[begin : begin + BLOCK]
        rows = len(seeds) + begin + np.arange(len(block))
        sims_all = matrix[rows] @ matrix.T  # the block against every text (leaders are among them)
        for k, text in enumerate(block):
            fixed = assigned.get(text, exact.get(normalise(text)))
            own = entities.get(text, set())
            if fixed is None and leaders:
                sims = sims_all[k, leaders]
                sims[shut] = -2.0
                names.adjust(sims, own)
                keys.adjust(sims, keywords.get(text, set()))
                best = int(np.argmax(sims))
                fixed = best if sims[best] >= threshold else None
            if fixed is None:
                fixed = len(leaders)
                leaders.append(int(rows[k]))
                names.add(fixed, own)
                keys.add(fixed, keywords.get(text, set()))
            group_of[text] = fixed
    count = len(leaders)
    sums = np.zeros((count, matrix.shape[1]), dtype=np.float32)
    for i in range(len(seeds)):
        sums[i] += matrix[i]
    for i, text in enumerate(order):
        sums[group_of[text]] += weight[text] * matrix[len(seeds) + i]
    centroids = sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-12)
    for begin in range(0, len(order), BLOCK):  # one refinement: each free text to its nearest centroid
        block = order[begin : begin + BLOCK]
        sims_all = matrix[len(seeds) + begin : len(seeds) + begin + len(block)] @ centroids.T
        for k, text in enumerate(block):
            if normalise(text) in exact or text in assigned:
                continue
            sims = sims_all[k]
            sims[shut] = -2.0
            names.adjust(sims, entities.get(text, set()))
            keys.adjust(sims, keywords.get(text, set()))
            best = int(np.argmax(sims))
            if sims[best] >= threshold and sims[best] > sims[group_of[text]]:
                group_of[text] = best
    return group_of
