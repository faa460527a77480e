"""Full-text queries from the web, parsed and bounded before they reach SQLite FTS5.

A user types words, ``"a phrase"``, ``OR`` / ``AND`` / ``NOT`` between terms and ``word*`` for a
prefix. Every term goes to FTS5 as a quoted string, so FTS5 syntax in the input (columns,
``NEAR``, parentheses, ``^``) is only ever text, and the number of terms and prefixes is capped:
a query such as ``a* a* a* ...`` that would make FTS5 scan the whole index per term never runs.
"""

from __future__ import annotations

import re

MAX_CHARS = 200
MAX_TERMS = 10
MAX_PREFIXES = 3
MIN_PREFIX_CHARS = 3
OPERATORS = frozenset({"OR", "AND", "NOT"})

_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w")


class FullTextError(ValueError):
    """A full-text query that is not accepted (too long, too many terms, a too short prefix)."""


def to_fts5(query: str | None) -> str | None:
    """The FTS5 MATCH expression for a user's query, or None when there is nothing to search for.

    Raises FullTextError with a short explanation for a query outside the bounds.
    """
    if query is None or not query.strip():
        return None
    if len(query) > MAX_CHARS:
        raise FullTextError(f"a full-text query has at most {MAX_CHARS} characters")
    tokens = [(phrase, word) for phrase, word in _TOKEN.findall(query)]
    items: list[tuple[str, str]] = []  # ("term", fts) or ("op", operator)
    for i, (phrase, word) in enumerate(tokens):
        if word in OPERATORS and _between_terms(items, tokens, i):
            items.append(("op", word))
            continue
        text, prefix = (phrase, False) if not word else (word[:-1], True) if word.endswith("*") else (word, False)
        text = text.strip("*") if prefix else text
        if not _WORD.search(text):
            continue  # punctuation only: nothing FTS5 would index
        if prefix and sum(1 for c in text if c.isalnum()) < MIN_PREFIX_CHARS:
            raise FullTextError(f"a prefix search (word*) needs at least {MIN_PREFIX_CHARS} letters")
        items.append(("term", _quote(text) + ("*" if prefix else "")))
    while items and items[-1][0] == "op":
        items.pop()
    terms = [fts for kind, fts in items if kind == "term"]
    if not terms:
        raise FullTextError("the full-text query has no words to search for")
    if len(terms) > MAX_TERMS:
        raise FullTextError(f"a full-text query has at most {MAX_TERMS} terms")
    if sum(1 for t in terms if t.endswith("*")) > MAX_PREFIXES:
        raise FullTextError(f"a full-text query has at most {MAX_PREFIXES} prefix searches (word*)")
    return " ".join(fts for _, fts in items)


def _between_terms(items: list[tuple[str, str]], tokens: list[tuple[str, str]], i: int) -> bool:
    """Whether the operator at token ``i`` follows a term and precedes a word (else it is a word)."""
    if not items or items[-1][0] != "term" or i + 1 >= len(tokens):
        return False
    phrase, word = tokens[i + 1]
    return word not in OPERATORS and bool(_WORD.search(phrase or word))


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'
