"""Actors of event arguments (issue 18, seventh pass), on sentences written for these tests."""

from __future__ import annotations

from datetime import date

from .actors_fixtures import mentions
from .actors_fixtures import parsed as parsed_text
from .test_events_roles import STATES, run

D = date(2024, 5, 1)


def test_institution_named_only_later_is_that_states_body(nl):
    text = "Zijn advocaten klaagden de douane aan. De Chileense douane zweeg."
    found = nl(text, D, doc=parsed_text("nl", text))
    assert sorted(mentions(found, "chilean_customs")) == ["De Chileense douane", "de douane"]


def test_events_a_region_whose_states_act_together_is_a_source():
    # Europa veroordeelde Polen .
    actors = {**STATES, "Europa": ("europe", "place")}
    found, _ = run([
        ("Europa", "Europa", "PROPN", "nsubj", 1), ("veroordeelde", "veroordelen", "VERB", "ROOT", 1),
        ("Polen", "Polen", "PROPN", "obj", 1), (".", ".", "PUNCT", "punct", 1),
    ], actors)  # fmt: skip
    assert found == [("europe", "polen", "111")]
