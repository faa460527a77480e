"""Analyses over the whole store: dyadic trends, the relation network, discourse coalitions,
quote and claim views.

Every function reads the store's tables with plain SQL through a read-only connection and
returns plain tables (lists of dataclasses); ``powermap.serve.export`` writes them out.
Counting rules shared by all analyses live in ``events.py`` (which events count, which date
an event gets) and ``documents.py`` (near duplicates count once).
"""
