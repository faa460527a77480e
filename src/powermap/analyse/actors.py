"""The store's actors, and turning what a user types (id, CAMEO code, name) into actor ids."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass


class ActorNotFound(LookupError):
    """No stored actor answers to what the user typed."""


@dataclass(frozen=True)
class ActorInfo:
    id: str
    name: str
    type: str
    country: str | None = None
    code: str | None = None


def load_actors(conn: sqlite3.Connection) -> dict[str, ActorInfo]:
    """Every stored actor by id."""
    rows = conn.execute("SELECT id, name, type, country, code FROM actors").fetchall()
    return {r[0]: ActorInfo(r[0], r[1], r[2], r[3], r[4]) for r in rows}


def resolve(conn: sqlite3.Connection, query: str, members: bool = False) -> list[str]:
    """The actor ids ``query`` names, tried in order: actor id, CAMEO code, name (case-insensitive).

    A CAMEO code may name several actors (all are returned). With ``members`` a code or
    country code also takes in every actor whose code starts with it or whose country is
    it (``RUS`` -> Russia, ``RUSGOV``, and Russian persons), as GDELT's country codes do.

    Raises:
        ActorNotFound: nothing matches; the message suggests close names.
    """
    text = query.strip()
    row = conn.execute("SELECT id FROM actors WHERE id = ?", (text,)).fetchone()
    if row:
        ids = [row[0]]
    else:
        ids = [r[0] for r in conn.execute("SELECT id FROM actors WHERE upper(code) = upper(?)", (text,))]
        if not ids:
            ids = [r[0] for r in conn.execute("SELECT id FROM actors WHERE lower(name) = lower(?)", (text,))]
    if members and len(text) == 3 and text.isalpha():
        ids += [
            r[0]
            for r in conn.execute(
                "SELECT id FROM actors WHERE upper(code) LIKE upper(?) || '%' OR upper(country) = upper(?)",
                (text, text),
            )
        ]
    ids = sorted(set(ids))
    if not ids:
        like = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM actors WHERE name LIKE '%' || ? || '%' ORDER BY name LIMIT 5", (text,)
            )
        ]
        hint = f"; did you mean {', '.join(like)}?" if like else ""
        raise ActorNotFound(f"no stored actor with id, CAMEO code or name {query!r}{hint}")
    return ids
