"""Dutch lexicon rows and role rules of events.v1 added in the second Dutch recall round (issue 18,
session 9), each on a hand-parsed sentence written for the test (Alpino UD labels)."""

from __future__ import annotations

from powermap.extract.events import EventStage

from .events_fixtures import context, parsed

ACTORS = {
    "Polen": ("polen", "state"),
    "Peru": ("peru", "state"),
    "Jansen": ("jansen", "person"),
    "Pietersen": ("pietersen", "person"),
}


def run(rows):
    ctx = context(parsed("nl", rows), ACTORS)
    EventStage()(ctx)
    return [(e.source, e.target, e.cameo) for e in ctx.record.events]


def test_courting_a_partner_is_diplomatic_cooperation():
    # Jansen flirt al maanden met Pietersen .  (flirten + met: 050)
    found = run([
        ("Jansen", "Jansen", "PROPN", "nsubj", 1), ("flirt", "flirten", "VERB", "ROOT", 1),
        ("al", "al", "ADV", "advmod", 3), ("maanden", "maand", "NOUN", "obl", 1),
        ("met", "met", "ADP", "case", 5), ("Pietersen", "Pietersen", "PROPN", "obl", 1),
        (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert found == [("jansen", "pietersen", "050")]
