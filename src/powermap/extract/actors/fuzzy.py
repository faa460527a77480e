"""The fuzzy index: the knowledge-base person whose name key is closest to a name's keys."""

from __future__ import annotations

import numpy as np
from rapidfuzz import fuzz, process

from powermap.kb import KnowledgeBase
from powermap.kb.names import name_keys

#: Fuzzy key similarity (rapidfuzz ratio, 0-100) above which an unknown full name is taken to be
#: a KB person; measured by ``bench/bench_actors.py`` (see docs/actors.md).
FUZZY_THRESHOLD = 92.0
#: names whose answer is remembered (then the memory starts again: flat on a corpus of any size)
NAME_CACHE = 50_000
#: character classes counted per key: a-z, the space, everything else
CLASSES = 28


def char_classes(text: str) -> np.ndarray:
    """The class of each character of ``text``: 0-25 for a-z, 26 for a space, 27 for any other."""
    points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    letters = (points >= 97) & (points <= 122)
    return np.where(letters, points - 97, np.where(points == 32, 26, 27))


class FuzzyIndex:
    """The base's name keys by length, built on first use; answers are cached per name.

    Besides the keys, the index keeps each key's count of every character class, in keys
    sorted by length. The Indel distance that ``fuzz.ratio`` is built on is at least the
    sum of the differences of two strings' class counts (the bag distance), so a key whose bag
    distance already rules out the threshold is never handed to rapidfuzz: the same answer as
    comparing every key of a reachable length, at a fraction of the cost.
    """

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._keys: list[str] | None = None
        self._ids: list[str] = []
        self._cache: dict[tuple[str, float], str | None] = {}
        self._rank: dict[int, int] = {}  # a length's place in the order keys are compared in
        self._order = np.zeros(0, dtype=np.int64)  # key indices by length, then index
        self._lengths = np.zeros(0, dtype=np.int64)  # the length of each key in that order
        self._counts = np.zeros((CLASSES, 0), dtype=np.int16)  # its class counts, one row per class

    def _build(self) -> list[str]:
        pairs = sorted({(k, i) for k, ids in self.kb._keys.items() for i in ids})
        keys = [k for k, _ in pairs]
        self._ids = [i for _, i in pairs]
        for key in keys:
            self._rank.setdefault(len(key), len(self._rank))
        lengths = np.array([len(k) for k in keys], dtype=np.int64)
        self._order = np.lexsort((np.arange(len(keys)), lengths))
        self._lengths = lengths[self._order]
        counts = np.zeros((len(keys), CLASSES), dtype=np.int16)
        if keys:
            rows = np.repeat(np.arange(len(keys)), lengths)
            np.add.at(counts, (rows, char_classes("".join(keys))), 1)
        self._counts = np.ascontiguousarray(counts[self._order].T)
        self._keys = keys
        return keys

    def preload(self) -> None:
        """Build the index now (before worker processes fork, so that they share it)."""
        if self._keys is None:
            self._build()

    def _candidates(self, key: str, ratio: float) -> list[int]:
        """Indices of the keys that can reach ``ratio`` with ``key``, in the order they are compared
        (by length in order of first appearance among the sorted keys, then by index)."""
        length = len(key)
        low, high = length * ratio / (2 - ratio), length * (2 / ratio - 1) if ratio else float("inf")
        first = int(np.searchsorted(self._lengths, low, side="left"))
        last = int(np.searchsorted(self._lengths, high, side="right"))
        if first >= last:
            return []
        wanted = np.bincount(char_classes(key), minlength=CLASSES).tolist()
        # one class at a time over a contiguous row: a few times faster than a sum across columns
        bag_distance = np.abs(self._counts[0, first:last] - wanted[0])
        for cls in range(1, CLASSES):
            bag_distance += np.abs(self._counts[cls, first:last] - wanted[cls])
        # half a character of slack: the bound may only ever keep a key, never lose one to rounding
        reachable = bag_distance <= (1 - ratio) * (self._lengths[first:last] + length) + 0.5
        found = self._order[first:last][reachable].tolist()
        return sorted(found, key=lambda i: (self._rank[len(self._keys[i])], i))  # type: ignore[index]

    def __call__(self, name: str, threshold: float = FUZZY_THRESHOLD) -> str | None:
        """The KB id whose name key is closest to one of ``name``'s keys, if close enough.

        Only keys whose length and character counts allow ``fuzz.ratio >= threshold`` are
        compared (the ratio is 1 - distance / (len(a) + len(b))).
        """
        keys = self._keys if self._keys is not None else self._build()
        if (name, threshold) in self._cache:
            return self._cache[(name, threshold)]
        ratio = threshold / 100
        best: tuple[float, int] | None = None
        for key in name_keys(name):
            indices = self._candidates(key, ratio)
            if not indices:
                continue
            r = process.extractOne(key, [keys[i] for i in indices], scorer=fuzz.ratio, score_cutoff=threshold)
            if r is not None:
                found = (r[1], -indices[r[2]])
                if best is None or found > (best[0], -best[1]):
                    best = (r[1], indices[r[2]])
        answer = self._ids[best[1]] if best else None
        if len(self._cache) >= NAME_CACHE:
            self._cache.clear()
        self._cache[(name, threshold)] = answer
        return answer
