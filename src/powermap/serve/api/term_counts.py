"""How many documents each common word is in, kept per store state: the total of a one-word search.

A document search reports how many documents match (``count_documents``: every match counted).
For a word most documents hold, counting reads its whole list of documents: about 2.5 CPU-ms for a
word in 82,000 of 100,000 documents, in every such search. The full-text index knows each word's
count of documents (``fts5vocab``); read once per store state, for every word in at least
``COMMON`` documents (about 0.3 CPU-s on 100,000 documents: the warm-up, then the background pass
after a write, ``change_ahead``), a search for one such word takes its total from there. Any other
search, and any search before the counts of the current state are kept, counts its matches.
"""

from __future__ import annotations

import re
import sqlite3

from powermap.serve.api import relation_queries
from powermap.store import queries

COMMON = 1_000  # words in fewer documents are counted when searched (at most about 30 microseconds)
KEY = ("document-frequencies",)
#: a search for one word as ``fulltext.to_fts5`` writes it: a quoted term the tokenizer keeps whole
#: (ASCII letters and digits: ``unicode61`` only lowers their case)
_ONE_WORD = re.compile(r'^"([A-Za-z0-9]+)"$')


def frequencies(conn: sqlite3.Connection) -> dict[str, int]:
    """Every word in at least ``COMMON`` documents, with how many documents hold it (the index's own count)."""
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.documents_vocab USING fts5vocab(main, documents_fts, 'row')")
    return dict(conn.execute("SELECT term, doc FROM temp.documents_vocab WHERE doc >= ?", (COMMON,)).fetchall())


def keep(conn: sqlite3.Connection) -> dict[str, int]:
    """The common words' counts for the store's current state, computed once (outside the time limit)."""
    return relation_queries.cached(conn, KEY, lambda: frequencies(conn), pin=True)


def count_documents(conn: sqlite3.Connection, searched: str | None) -> int:
    """How many documents the FTS5 expression ``searched`` matches (None: every document;
    ``queries.count_documents``), a common word's from the kept counts when they are kept for this state."""
    word = _ONE_WORD.match(searched or "")
    if word is not None:
        found = relation_queries.kept(conn, KEY)
        if found is not None and (n := found.get(word.group(1).lower())) is not None:
            return n
    return queries.count_documents(conn, searched)
