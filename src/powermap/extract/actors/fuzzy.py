"""The fuzzy index: the knowledge-base person whose name key is closest to a name's keys."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from powermap.kb import KnowledgeBase
from powermap.kb.names import name_keys

#: Fuzzy key similarity (rapidfuzz ratio, 0-100) above which an unknown full name is taken to be
#: a KB person; measured by ``bench/bench_actors.py`` (see docs/actors.md).
FUZZY_THRESHOLD = 92.0


class FuzzyIndex:
    """The base's name keys by length, built on first use; answers are cached per name."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._keys: list[str] | None = None
        self._ids: list[str] = []
        self._by_length: dict[int, list[int]] = {}
        self._cache: dict[tuple[str, float], str | None] = {}
        self._bands: dict[tuple[int, float], tuple[list[int], list[str]]] = {}

    def _build(self) -> list[str]:
        pairs = sorted({(k, i) for k, ids in self.kb._keys.items() for i in ids})
        keys = [k for k, _ in pairs]
        self._ids = [i for _, i in pairs]
        for index, key in enumerate(keys):
            self._by_length.setdefault(len(key), []).append(index)
        self._keys = keys
        return keys

    def _band(self, length: int, ratio: float, keys: list[str]) -> tuple[list[int], list[str]]:
        """Indices and keys of every length a key of ``length`` can reach ``ratio`` with (built once
        per length and threshold, not per name)."""
        band = self._bands.get((length, ratio))
        if band is None:
            low, high = length * ratio / (2 - ratio), length * (2 / ratio - 1) if ratio else float("inf")
            indices = [i for n, group in self._by_length.items() if low <= n <= high for i in group]
            band = self._bands[(length, ratio)] = (indices, [keys[i] for i in indices])
        return band

    def __call__(self, name: str, threshold: float = FUZZY_THRESHOLD) -> str | None:
        """The KB id whose name key is closest to one of ``name``'s keys, if close enough.

        Only keys whose length allows ``fuzz.ratio >= threshold`` are compared (the ratio is
        2·matches / (len(a) + len(b)), so lengths must lie within a band): the same answer as a
        full scan at a fraction of the cost.
        """
        keys = self._keys if self._keys is not None else self._build()
        if (name, threshold) in self._cache:
            return self._cache[(name, threshold)]
        ratio = threshold / 100
        best: tuple[float, int] | None = None
        for key in name_keys(name):
            indices, choices = self._band(len(key), ratio, keys)
            if not indices:
                continue
            r = process.extractOne(key, choices, scorer=fuzz.ratio, score_cutoff=threshold)
            if r is not None:
                found = (r[1], -indices[r[2]])
                if best is None or found > (best[0], -best[1]):
                    best = (r[1], indices[r[2]])
        answer = self._ids[best[1]] if best else None
        self._cache[(name, threshold)] = answer
        return answer
