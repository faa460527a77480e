"""Precision rules of events.v1 (what is no event, or no target), each on a hand-parsed sentence
written for the test (Alpino UD labels for Dutch)."""

from __future__ import annotations

from powermap.extract.events import EventStage

from .events_fixtures import context, parsed

ACTORS = {
    "Jansen": ("jansen", "person"),
    "Pietersen": ("pietersen", "person"),
    "Kijkkanaal": ("kijkkanaal", "media"),
    "Polen": ("polen", "state"),
}


def run(rows, lang="nl"):
    ctx = context(parsed(lang, rows), ACTORS)
    EventStage()(ctx)
    return [(e.source, e.target, e.cameo[:2]) for e in ctx.record.events]


def test_a_medium_after_a_preposition_is_the_channel_not_the_target():
    # Jansen waarschuwde gisteren op tv-zender Kijkkanaal .
    found = run([
        ("Jansen", "Jansen", "PROPN", "nsubj", 1), ("waarschuwde", "waarschuwen", "VERB", "ROOT", 1),
        ("gisteren", "gisteren", "ADV", "advmod", 1), ("op", "op", "ADP", "case", 4),
        ("tv-zender", "tv-zender", "NOUN", "obl", 1), ("Kijkkanaal", "Kijkkanaal", "PROPN", "appos", 4),
        (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert found and all(target != "kijkkanaal" for _, target, _ in found)


def test_a_medium_as_object_stays_a_target():
    # Jansen waarschuwde Kijkkanaal gisteren .
    found = run([
        ("Jansen", "Jansen", "PROPN", "nsubj", 1), ("waarschuwde", "waarschuwen", "VERB", "ROOT", 1),
        ("Kijkkanaal", "Kijkkanaal", "PROPN", "obj", 1), ("gisteren", "gisteren", "ADV", "advmod", 1),
        (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert ("jansen", "kijkkanaal", "13") in found


def test_a_name_a_medium_noun_heads_after_a_preposition_is_the_channel():
    # Pietersen waarschuwde op de nieuwszender Polen . (a name of another type than media,
    # as the actor layer may type a broadcaster, headed by a medium noun)
    found = run([
        ("Pietersen", "Pietersen", "PROPN", "nsubj", 1), ("waarschuwde", "waarschuwen", "VERB", "ROOT", 1),
        ("op", "op", "ADP", "case", 4), ("de", "de", "DET", "det", 4),
        ("nieuwszender", "nieuwszender", "NOUN", "obl", 1), ("Polen", "Polen", "PROPN", "appos", 4),
        (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert found and all(target != "polen" for _, target, _ in found)


def test_what_is_discussed_is_the_topic_and_the_partner_is_the_target():
    # Jansen besprak Polen met Pietersen .
    found = run([
        ("Jansen", "Jansen", "PROPN", "nsubj", 1), ("besprak", "bespreken", "VERB", "ROOT", 1),
        ("Polen", "Polen", "PROPN", "obj", 1), ("met", "met", "ADP", "case", 4),
        ("Pietersen", "Pietersen", "PROPN", "obl", 1), (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    assert ("jansen", "pietersen", "04") in found
    assert all(target != "polen" for _, target, _ in found)


def test_a_discussed_topic_alone_gives_no_target():
    # Jansen besprak gisteren Polen .
    found = run([
        ("Jansen", "Jansen", "PROPN", "nsubj", 1), ("besprak", "bespreken", "VERB", "ROOT", 1),
        ("gisteren", "gisteren", "ADV", "advmod", 1), ("Polen", "Polen", "PROPN", "obj", 1),
        (".", ".", "PUNCT", "punct", 1),
    ])  # fmt: skip
    # Polen is the topic, no target; and a consultation with nobody named is not coded (DYADIC_ROOTS)
    assert found == []
