"""Full-text queries from the web, parsed and bounded before they reach SQLite FTS5.

A user types words, ``"a phrase"``, ``OR`` / ``AND`` / ``NOT`` between terms and ``word*`` for a
prefix. Every term goes to FTS5 as a quoted string, so FTS5 syntax in the input (columns,
``NEAR``, parentheses, ``^``) is only ever text; an operator out of place is dropped. The work is
bounded: the first ``MAX_TERMS`` distinct terms are searched (the rest ignored), a prefix needs
``MIN_PREFIX_CHARS`` letters and only the first ``MAX_PREFIXES`` prefixes stay prefixes (the others
are searched as words), so ``a* a* a* ...``, which makes FTS5 scan the whole index per term, never
runs. Every query within the length the API declares is answered; the view reports what it searched.
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


def to_fts5(query: str | None) -> str | None:
    """The FTS5 MATCH expression for a user's query; None when it has no words to search for."""
    if query is None:
        return None
    tokens = _TOKEN.findall(query[:MAX_CHARS])
    items: list[str] = []  # quoted terms, operators between them
    terms: set[str] = set()
    prefixes = 0
    for i, (phrase, word) in enumerate(tokens):
        if len(terms) >= MAX_TERMS:
            break
        if word in OPERATORS:
            if items and items[-1] not in OPERATORS and _word_follows(tokens, i):
                items.append(word)
            continue
        prefix = word.endswith("*")
        text = word.rstrip("*") if word else phrase
        if not _WORD.search(text):
            continue  # punctuation only: nothing FTS5 indexes
        prefix = prefix and prefixes < MAX_PREFIXES and sum(c.isalnum() for c in text) >= MIN_PREFIX_CHARS
        term = '"' + text.replace('"', '""') + '"' + ("*" if prefix else "")
        if term in terms:
            if items and items[-1] in OPERATORS:
                items.pop()
            continue
        prefixes += prefix
        terms.add(term)
        items.append(term)
    while items and items[-1] in OPERATORS:
        items.pop()
    return " ".join(items) or None


def _word_follows(tokens: list[tuple[str, str]], i: int) -> bool:
    """Whether a term (not an operator, not bare punctuation) comes right after token ``i``."""
    if i + 1 >= len(tokens):
        return False
    phrase, word = tokens[i + 1]
    return word not in OPERATORS and bool(_WORD.search(phrase or word))
