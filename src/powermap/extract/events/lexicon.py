"""Per-language event lexicons (verb-and-pattern rows to CAMEO) and event cues, read from data.

A language ``xx`` contributes ``powermap/lang/xx/event_verbs*.tsv`` (rows: lemma, CAMEO code,
pattern, flags; ``*.local.tsv`` files are read first and win ties) and
``powermap/lang/xx/event_cues.yaml`` (negation, modality, reported-speech cues). The format
is documented in ``docs/events.md``.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from powermap import lang
from powermap.codebooks.cameo import read_tsv

LANG_DIR = Path(__file__).resolve().parents[2] / "lang"


def norm(word: str) -> str:
    """Lexicon form of a word or lemma: lower case, Alpino's compound underscores removed."""
    return word.lower().replace("_", "")


@dataclass(frozen=True)
class LexEntry:
    """One lexicon row.

    Attributes:
        lemma (str): predicate lemma (particle attached for Dutch separable verbs) or event noun.
        cameo (str | None): CAMEO code; None for rows that code no event (``---``).
        pattern (tuple[tuple[str, ...], ...]): words that must all occur among the complements;
            each item lists alternatives.
        flags (frozenset[str]): ``noun``, ``wrap``, ``neg``, ``threat``, ``rally``, ``share``, ``mod=...``,
            ``ifneg=CODE``.
    """

    lemma: str
    cameo: str | None
    pattern: tuple[tuple[str, ...], ...]
    flags: frozenset[str]

    @property
    def noun(self) -> bool:
        return "noun" in self.flags

    @property
    def wrap(self) -> bool:
        return "wrap" in self.flags

    @property
    def theme(self) -> frozenset[str]:
        """The pattern's words: what the act moves or uses (*troepen* of *troepen sturen*)."""
        return frozenset(w for alts in self.pattern for w in alts)

    def flag_value(self, name: str) -> str | None:
        for flag in self.flags:
            if flag.startswith(name + "="):
                return flag.split("=", 1)[1]
        return None


class EventLexicon:
    """The verb-and-pattern lexicon and cues of one language.

    Args:
        language (str): ISO 639-1 code with a ``powermap/lang/<code>/`` folder.
    """

    def __init__(self, language: str) -> None:
        self.language = language
        folder = LANG_DIR / language
        self.cues: dict[str, Any] = dict(lang.data(language, "event_cues") or {})
        self.compound_suffix = bool(self.cues.get("compound_suffix"))
        self.entries: dict[str, list[LexEntry]] = {}
        self._nouns: frozenset[str] | None = None
        self._endings: frozenset[str] | None = None
        self._cue_sets: dict[str, frozenset[str]] = {}
        self._patterned: frozenset[tuple[str, bool]] | None = None
        files = sorted(folder.glob("event_verbs*.tsv"), key=lambda p: (".local" not in p.name, p.name))
        for path in files:
            for row in read_tsv(path):
                self._add(row)

    def _add(self, row: dict[str, str]) -> None:
        lemma = norm(row.get("lemma", "").strip())
        code = row.get("cameo", "").strip()
        if not lemma or not code:
            return
        pattern = tuple(tuple(norm(w) for w in item.split("|")) for item in row.get("pattern", "").split())
        flags = frozenset(row.get("flags", "").split())
        entry = LexEntry(lemma, None if code.startswith("-") else code, pattern, flags)
        self.entries.setdefault(lemma, []).append(entry)

    def cue_set(self, name: str) -> frozenset[str]:
        """A cue list from ``event_cues.yaml`` as a set of lower-case strings, made once per lexicon
        (the event and stance coders ask for some 160 lists per document)."""
        found = self._cue_sets.get(name)
        if found is None:
            found = self._cue_sets[name] = frozenset(str(w).lower() for w in self.cues.get(name) or [])
        return found

    def has(self, lemma: str) -> bool:
        return norm(lemma) in self.entries

    def patterned(self, lemma: str, noun: bool = False) -> bool:
        """Whether a row of ``lemma`` (a noun row with ``noun``) has pattern words: only then does
        ``match`` read its ``bag`` and ``near`` (a caller may leave them unbuilt otherwise)."""
        if self._patterned is None:
            self._patterned = frozenset((k, r.noun) for k, rows in self.entries.items() for r in rows if r.pattern)
        return (norm(lemma), noun) in self._patterned

    @property
    def endings(self) -> frozenset[str]:
        """Every ending of every lemma with a row (and the empty string): a word that is none
        of them has no row, whatever particle stands in front of it."""
        if self._endings is None:
            self._endings = frozenset({"", *(lemma[i:] for lemma in self.entries for i in range(len(lemma)))})
        return self._endings

    def noun_lemma(self, words: list[str]) -> str | None:
        """The first of ``words`` (lemma candidates of a noun) with a noun row, else, where
        compounds are written as one word, the longest noun row a candidate ends with (the
        head of *handelsoorlog* is *oorlog*; at least four letters, three left before it)."""
        nouns = self.noun_lemmas
        for word in words:
            if word in nouns:
                return word
        if not self.compound_suffix:
            return None
        for word in words:
            for i in range(3, len(word) - 3):
                if word[i:] in nouns:
                    return word[i:]
        return None

    @property
    def noun_lemmas(self) -> frozenset[str]:
        if self._nouns is None:
            self._nouns = frozenset(k for k, rows in self.entries.items() if any(r.noun for r in rows))
        return self._nouns

    def word_in(self, word: str, bag: set[str]) -> bool:
        if word in bag:
            return True
        if self.compound_suffix:  # veiligheidsgarantie ~ garantie; G20-top ~ top (any length after a hyphen)
            size = len(word)
            if size >= 4:  # a word after a hyphen is also a longer word ending in it
                return any(len(b) > size and b.endswith(word) for b in bag)
            dashed = "-" + word
            return any(b.endswith(dashed) for b in bag)
        return False

    def headed_by(self, word: str, heads: AbstractSet[str]) -> bool:
        """Whether ``word`` is one of ``heads`` or, where compounds are one word, ends in one
        (*tv-zender*, *nieuwszender* ~ *zender*; at least four letters)."""
        word = word.lower()
        if word in heads:
            return True
        return self.compound_suffix and any(word.endswith("-" + h) or (len(h) >= 4 and word.endswith(h)) for h in heads)

    def match(self, lemma: str, bag: set[str], noun: bool = False, near: set[str] | None = None) -> LexEntry | None:
        """The most specific row for ``lemma`` whose pattern words all occur in ``bag``; between
        rows of equal length, the one with more pattern words in ``near`` (the predicate's own
        dependents: *spoke with X, Secretary of State* is *speak with*, not *speak of*)."""
        best: LexEntry | None = None
        best_key = (-1, -1)
        for entry in self.entries.get(norm(lemma), ()):
            if entry.noun != noun:
                continue
            if not all(any(self.word_in(w, bag) for w in alts) for alts in entry.pattern):
                continue
            close = sum(any(w in near for w in alts) for alts in entry.pattern) if near else 0
            key = (len(entry.pattern), close)
            if key > best_key:
                best, best_key = entry, key
        return best


@cache
def cue_union(name: str) -> frozenset[str]:
    """A cue list over every language that has event cues (for language-blind tree walks)."""
    out: set[str] = set()
    for code in sorted(lang.codes()):
        out |= {str(w).lower() for w in (lang.data(code, "event_cues") or {}).get(name) or []}
    return frozenset(out)


@cache
def get_lexicon(language: str) -> EventLexicon:
    """The cached lexicon for ``language`` (English when the language has none)."""
    if not (LANG_DIR / language / "event_cues.yaml").exists():
        language = "en"
    return EventLexicon(language)
