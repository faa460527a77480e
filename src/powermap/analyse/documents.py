"""Which documents an analysis counts: a syndicated near duplicate counts once, as its original."""

from __future__ import annotations

#: SQL condition on ``documents d`` keeping originals only (``near_duplicate_of`` is NULL). The unary
#: ``+`` keeps SQLite from reading it by the ``documents_near_duplicate`` index: nearly every document
#: is an original, and the planner (no statistics) took that index over the selective ones (a
#: period's documents by ``documents_published_original``: migration 11).
ORIGINALS = "+d.near_duplicate_of IS NULL"


def originals_clause(include_duplicates: bool) -> str:
    """The WHERE condition on ``documents d`` for an analysis (``1`` keeps every document)."""
    return "1" if include_duplicates else ORIGINALS
