"""Common words of Dutch and English, counted in the shared treebanks, to filter imported aliases.

A big imported list brings aliases that are ordinary words (*Senate*, *Action*, *CARE*, *NOW*).
``common_words(data)`` reads the CoNLL-U treebanks under ``../shared/data`` and returns the forms
written in lower case at least ``MIN_COUNT`` times as a word that is not a proper noun (UPOS other
than PROPN, X, SYM, NUM, PUNCT) in either language, and at least as often as with a capital
inside a sentence. The import drops an imported one-word alias (name or abbreviation) whose
lower-cased form is in that set; curated aliases are never filtered.

Treebanks (only counted, nothing of them ships): UD_Dutch-Alpino and UD_Dutch-LassySmall
(CC BY-SA 4.0), the Alpino treebank in UD (LGPL-2.1-or-later), UD_English-EWT (CC BY-SA 4.0).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

#: the treebank files counted, relative to the shared data folder (globs)
TREEBANKS = (
    "ud-dutch/UD_Dutch-Alpino/*.conllu",
    "ud-dutch/UD_Dutch-LassySmall/*.conllu",
    "alpino-treebank-ud/*.conllu",
    "ud-english-ewt/*.conllu",
)
MIN_COUNT = 2
_SKIP_POS = {"PROPN", "X", "SYM", "NUM", "PUNCT"}


def count_words(paths: Iterable[Path]) -> tuple[Counter[str], Counter[str]]:
    """Two counts over CoNLL-U files: word forms written in lower case that are no proper noun or
    symbol, and (lower-cased) forms written with a capital inside a sentence."""
    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    for path in paths:
        with path.open(encoding="utf-8", errors="replace") as f:
            for line in f:
                if not line or line[0] in "#\n":
                    continue
                cols = line.split("\t", 4)
                if len(cols) < 4 or "-" in cols[0] or "." in cols[0]:
                    continue
                form = cols[1]
                if form.islower() and cols[3] not in _SKIP_POS:
                    lower[form] += 1
                elif form[:1].isupper() and cols[0] != "1":
                    capital[form.lower()] += 1
    return lower, capital


def common_words(data: Path, min_count: int = MIN_COUNT) -> frozenset[str]:
    """The common words of the shared treebanks (empty when none is found under ``data``): written
    in lower case at least ``min_count`` times and at least as often as with a capital inside a
    sentence (some treebank sentences are all lower case: *rotterdam* there is no common word)."""
    paths = sorted(p for pattern in TREEBANKS for p in data.glob(pattern))
    lower, capital = count_words(paths)
    return frozenset(w for w, n in lower.items() if n >= min_count and n >= capital[w] and any(c.isalpha() for c in w))


def is_common(alias: str, common: frozenset[str]) -> bool:
    """Whether a one-word alias is a common word (dots of an abbreviation ignored: *N.O.W.*)."""
    words = alias.split()
    if len(words) != 1:
        return False
    word = words[0].lower()
    return word in common or word.replace(".", "") in common
