"""Event coding when the actor layer gives the same words to two actors."""

from __future__ import annotations

from powermap.extract.events.actors import ActorIndex
from powermap.records import Span

from .events_fixtures import context, parsed


def test_two_actors_holding_the_same_words_keep_the_record_order():
    doc = parsed(
        "en",
        [
            ("Ruritania", "Ruritania", "PROPN", "nsubj", 1),
            ("protested", "protest", "VERB", "ROOT", 1),
            (".", ".", "PUNCT", "punct", 1),
        ],
    )
    ctx = context(doc, {"Ruritania": ("ruritania", "state")})
    twin = ctx.record.actors[0].__class__(id="ruritania_gov", name="ruritania_gov", type="organisation")
    twin.mentions.append(Span("Ruritania", 0, 9))
    ctx.record.actors.append(twin)
    index = ActorIndex(ctx)  # used to raise TypeError: Actor objects were compared on equal offsets
    assert [a.id for _, _, a in index.spans] == ["ruritania", "ruritania_gov"]
