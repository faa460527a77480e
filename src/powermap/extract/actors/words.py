"""Small word-level readers over the raw text that the linker passes share."""

from __future__ import annotations

import re


def skip_space(text: str, pos: int) -> int:
    """The first position at or after ``pos`` that is no space."""
    while pos < len(text) and text[pos] in " \u00a0":
        pos += 1
    return pos


def next_word(text: str, pos: int) -> tuple[str, int]:
    """The word starting at ``pos`` and where it ends (``("", pos)`` when none starts there)."""
    m = re.match(r"[\w’'-]+", text[pos:])
    if not m:
        return "", pos
    w = m.group().rstrip("’'-")
    return w, pos + len(w)


def prev_word_span(text: str, pos: int) -> tuple[str, int]:
    """The word before ``pos`` (separated by spaces) and where it starts."""
    m = re.search(r"([\w’'-]+)[ \u00a0]+$", text[max(0, pos - 60) : pos])
    if not m:
        return "", pos
    return m.group(1), pos - len(m.group(0))


def prev_word(text: str, pos: int) -> str:
    return prev_word_span(text, pos)[0]


def clean_name(name: str) -> str:
    """A name without a trailing possessive (``Jansen's`` -> ``Jansen``)."""
    return re.sub(r"(['’]s|['’])$", "", name.strip())


def alternation(words: dict[str, str]) -> re.Pattern[str]:
    """A case-blind pattern matching any of ``words``, the longest first."""
    alts = sorted(words, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in alts), re.IGNORECASE)


def role_noun_in(word: str, nouns: frozenset[str]) -> str | None:
    """The role noun ``word`` is or ends in (``sovjet-historicus`` -> ``historicus``).

    Each possible ending is looked up in ``nouns``; only when several match are the nouns
    scanned, in their own order, for the one the scan always gave."""
    word = word.lower()
    found = [word[-size:] for size in range(1, len(word) - 2) if word[-size:] in nouns]
    if word in nouns:
        found.append(word)
    if len(found) < 2 and "" not in nouns:
        return found[0] if found else None
    for n in nouns:
        if word == n or (word.endswith(n) and len(word) - len(n) >= 3):
            return n
    return None
