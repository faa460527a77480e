"""Dyads whose cooperation/conflict balance moved between two windows, and how sure that is.

**Reports, not events, are the sample.** One article can code the same meeting five times;
so each document counts once per dyad and window, with its share of cooperative events
(quad classes 1-2, or a positive Goldstein score when the code has no quad class) against
conflictual ones (quad classes 3-4, or a negative score). ``n`` is the number of documents,
``k`` the sum of their cooperative shares.

**Shrinkage.** The cooperative share of a dyad in a window is estimated with a Beta prior
centred on the share over all dyads in both windows (``pi``) with the weight of
``prior_strength`` documents (default 2): posterior mean ``m = (k + s·pi) / (n + s)``,
variance ``m(1 − m) / (n + s + 1)``. A dyad reported once barely moves from the prior; one
reported twenty times is its own evidence.

**Test.** ``z = (m_after − m_before) / sqrt(v_before + v_after)``, two-sided p from the
normal, and Benjamini-Hochberg q over every dyad tested, so that testing two thousand
dyads does not find a hundred shifts by chance. A shift is *significant* when
``q <= alpha`` (default 0.05). Only *testable* dyads enter the family: those whose report
counts allow a p-value under ``alpha`` at all (the most extreme outcome their counts admit
reaches it). This independent filtering (Bourgon, Gentleman & Huber 2010) looks at the
counts only, never at the balances, so it keeps the false discovery rate; it stops the
hundreds of dyads reported once or twice, which can never be significant, from diluting
the test of those reported often. The balance shown is
``2m − 1``: +1 all cooperation, −1 all conflict; ``shift`` is its change.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from powermap.analyse.events import EventRow
from powermap.analyse.periods import Window

DEFAULT_PRIOR_STRENGTH = 2.0
DEFAULT_ALPHA = 0.05


@dataclass
class Side:
    """A dyad in one window: what was reported and the shrunk balance."""

    events: int = 0
    documents: int = 0
    cooperative: float = 0.0  # k: documents' cooperative shares summed
    cooperation_events: int = 0
    conflict_events: int = 0
    goldstein: float = 0.0
    balance: float = 0.0  # 2m - 1 after shrinkage
    raw_balance: float | None = None  # (coop - conflict) / events, None without events
    event_ids: list[int] = field(default_factory=list)


@dataclass
class DyadShift:
    a: str
    b: str
    before: Side
    after: Side
    shift: float
    z: float
    p: float
    q: float = 1.0
    significant: bool = False
    testable: bool = True

    @property
    def direction(self) -> str:
        """``toward cooperation`` or ``conflict``; ``new: ...`` or ``no longer reported`` when a window has none."""
        if not self.after.documents:
            return "no longer reported"
        if not self.before.documents:
            lean = self.after.raw_balance or 0.0
            return "new: cooperation" if lean > 0 else "new: conflict" if lean < 0 else "new: mixed"
        return "toward cooperation" if self.shift > 0 else "toward conflict" if self.shift < 0 else "none"


def polarity(event: EventRow) -> int:
    """+1 cooperative, -1 conflictual, 0 neither (no quad class and a zero score)."""
    if event.quad_class in (1, 2):
        return 1
    if event.quad_class in (3, 4):
        return -1
    return (event.goldstein > 0) - (event.goldstein < 0)


def _sides(events: Iterable[EventRow], window: Window) -> dict[tuple[str, str], Side]:
    per_doc: dict[tuple[str, str], dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    sides: dict[tuple[str, str], Side] = {}
    for event in events:
        if not window.contains(event.day):
            continue
        sign = polarity(event)
        key = (event.source, event.target) if event.source < event.target else (event.target, event.source)
        side = sides.setdefault(key, Side())
        side.events += 1
        side.goldstein = round(side.goldstein + event.goldstein, 6)
        side.event_ids.append(event.id)
        if sign:
            tally = per_doc[key][event.doc_id]
            tally[0 if sign > 0 else 1] += 1
            side.cooperation_events += sign > 0
            side.conflict_events += sign < 0
    for key, side in sides.items():
        docs = per_doc.get(key, {})
        side.documents = len(docs)
        side.cooperative = round(sum(coop / (coop + conf) for coop, conf in docs.values()), 6)
        counted = side.cooperation_events + side.conflict_events
        if counted:
            side.raw_balance = round((side.cooperation_events - side.conflict_events) / counted, 4)
    return sides


def dyad_shifts(
    events: list[EventRow],
    before: Window,
    after: Window,
    prior_strength: float = DEFAULT_PRIOR_STRENGTH,
    alpha: float = DEFAULT_ALPHA,
) -> tuple[list[DyadShift], float]:
    """Every dyad reported in either window, tested; returns them (most significant first) and ``pi``."""
    first, second = _sides(events, before), _sides(events, after)
    keys = sorted(set(first) | set(second))
    docs = sum(s.documents for s in (*first.values(), *second.values()))
    coop = sum(s.cooperative for s in (*first.values(), *second.values()))
    pi = coop / docs if docs else 0.5
    shifts = []
    for key in keys:
        b, a = first.get(key) or Side(), second.get(key) or Side()
        if not (b.documents or a.documents):
            continue  # only neutral events: nothing to weigh
        mb, vb = _posterior(b, pi, prior_strength)
        ma, va = _posterior(a, pi, prior_strength)
        b.balance, a.balance = round(2 * mb - 1, 4), round(2 * ma - 1, 4)
        z = (ma - mb) / math.sqrt(vb + va) if vb + va > 0 else 0.0
        p = math.erfc(abs(z) / math.sqrt(2))
        testable = _best_p(b.documents, a.documents, pi, prior_strength) <= alpha
        shifts.append(DyadShift(key[0], key[1], b, a, round(2 * (ma - mb), 4), round(z, 3), p, testable=testable))
    _benjamini_hochberg([s for s in shifts if s.testable], alpha)
    for s in shifts:
        s.p = round(s.p, 6)
    shifts.sort(key=lambda s: (not s.significant, s.p, -abs(s.shift), s.a, s.b))
    return shifts, round(pi, 4)


def _best_p(n_before: int, n_after: int, pi: float, strength: float) -> float:
    """The smallest p-value these report counts can give: all cooperation on one side, all conflict on the other."""
    best = 1.0
    for k_before, k_after in ((n_before, 0), (0, n_after)):
        mb, vb = _posterior(Side(documents=n_before, cooperative=k_before), pi, strength)
        ma, va = _posterior(Side(documents=n_after, cooperative=k_after), pi, strength)
        if vb + va > 0:
            best = min(best, math.erfc(abs(ma - mb) / math.sqrt(vb + va) / math.sqrt(2)))
    return best


def _posterior(side: Side, pi: float, strength: float) -> tuple[float, float]:
    n = side.documents + strength
    mean = (side.cooperative + strength * pi) / n if n else pi
    return mean, mean * (1 - mean) / (n + 1)


def _benjamini_hochberg(shifts: list[DyadShift], alpha: float) -> None:
    """Set ``q`` (BH-adjusted p) and ``significant`` (q <= alpha) on every shift."""
    ranked = sorted(range(len(shifts)), key=lambda i: shifts[i].p)
    m, running = len(shifts), 1.0
    for rank in range(m, 0, -1):
        i = ranked[rank - 1]
        running = min(running, shifts[i].p * m / rank)
        shifts[i].q = round(running, 6)
        shifts[i].significant = running <= alpha
