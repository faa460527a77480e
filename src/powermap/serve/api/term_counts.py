"""How many documents (and quotes) each common word is in, kept per store state: the total of a
one-word search.

A document search reports how many documents match (``count_documents``: every match counted).
For a word most documents hold, counting reads its whole list of documents: about 2.5 CPU-ms for a
word in 82,000 of 100,000 documents, in every such search (0.6 ms for a word in 18,000 quotes). The
full-text index knows each word's count of rows (``fts5vocab``); read once per store state, for
every word in at least ``COMMON`` rows (about 0.3 CPU-s on 100,000 documents: the warm-up, then
the background pass after a write, ``change_ahead``), a search for one such word takes its total
from there. Any other search, and any search before the counts of the current state are kept,
counts its matches.
"""

from __future__ import annotations

import re
import sqlite3

from powermap.serve.api import relation_queries
from powermap.store import queries, quote_queries

COMMON = 1_000  # words in fewer documents are counted when searched (at most about 30 microseconds)
KEY = ("word-frequencies",)
#: a search for one word as ``fulltext.to_fts5`` writes it: a quoted term the tokenizer keeps whole
#: (ASCII letters and digits: ``unicode61`` only lowers their case)
_ONE_WORD = re.compile(r'^"([A-Za-z0-9]+)"$')
INDEXES = ("documents_fts", "quotes_fts")


def frequencies(conn: sqlite3.Connection) -> dict[str, dict[str, int]]:
    """Per full-text index: every word in at least ``COMMON`` of its rows, with how many rows hold it
    (the index's own count)."""
    out = {}
    for index in INDEXES:
        conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{index}_vocab USING fts5vocab(main, {index}, 'row')")
        out[index] = dict(
            conn.execute(f"SELECT term, doc FROM temp.{index}_vocab WHERE doc >= ?", (COMMON,)).fetchall()
        )
    return out


def keep(conn: sqlite3.Connection) -> dict[str, dict[str, int]]:
    """The common words' counts for the store's current state, computed once (outside the time limit)."""
    return relation_queries.cached(conn, KEY, lambda: frequencies(conn), pin=True)


def _kept(conn: sqlite3.Connection, index: str, searched: str | None) -> int | None:
    """How many rows of ``index`` the one word ``searched`` is in, when kept for this state; else None."""
    word = _ONE_WORD.match(searched or "")
    if word is None:
        return None
    found = relation_queries.kept(conn, KEY)
    return found[index].get(word.group(1).lower()) if found is not None else None


def kept_documents(conn: sqlite3.Connection, searched: str | None) -> int | None:
    """How many documents the one common word ``searched`` is in, when kept for this state; else None."""
    return _kept(conn, "documents_fts", searched)


def count_documents(conn: sqlite3.Connection, searched: str | None) -> int:
    """How many documents the FTS5 expression ``searched`` matches (None: every document;
    ``queries.count_documents``), a common word's from the kept counts when they are kept for this state."""
    found = _kept(conn, "documents_fts", searched)
    return found if found is not None else queries.count_documents(conn, searched)


def count_quotes(conn: sqlite3.Connection, searched: str) -> int:
    """How many quotes the FTS5 expression ``searched`` matches (``quote_queries.count_matches``),
    likewise."""
    found = _kept(conn, "quotes_fts", searched)
    return found if found is not None else quote_queries.count_matches(conn, searched)
