"""``ExtractionContext.actor_at`` on its mention index answers what a scan of every mention answers."""

from __future__ import annotations

import random

from powermap.extract.stage import ExtractionContext
from powermap.records import Actor, Document, ExtractionRecord, Span


def scan(record: ExtractionRecord, start: int, end: int) -> Actor | None:
    best = None
    for actor in record.actors:
        for m in actor.mentions:
            if m.start < end and start < m.end and (best is None or m.end - m.start > best[0]):
                best = (m.end - m.start, actor)
    return best[1] if best else None


def random_record(rng: random.Random) -> ExtractionRecord:
    text = "x" * 400
    actors = []
    for n in range(rng.randint(0, 8)):
        mentions = []
        for _ in range(rng.randint(1, 6)):
            start = rng.randrange(0, 380)
            end = start + rng.randint(1, 18)
            mentions.append(Span(text[start:end], start, end))
        actors.append(Actor(id=f"a{n}", name=f"A{n}", type="person", mentions=mentions))
    return ExtractionRecord(document=Document(id="d", text=text), actors=actors)


def test_the_index_agrees_with_a_full_scan_on_random_mentions():
    rng = random.Random(5)
    for _ in range(300):
        record = random_record(rng)
        ctx = ExtractionContext(record=record)
        for _ in range(20):
            start = rng.randrange(0, 400)
            end = start + rng.randint(1, 30)
            assert ctx.actor_at(start, end) is scan(record, start, end)


def test_the_index_follows_mentions_added_after_it_was_built():
    record = random_record(random.Random(1))
    ctx = ExtractionContext(record=record)
    assert ctx.actor_at(395, 399) is scan(record, 395, 399)
    late = Actor(id="late", name="Late", type="person", mentions=[Span("x" * 30, 370, 400)])
    record.actors.append(late)
    assert ctx.actor_at(395, 399) is late


def test_on_a_tie_the_first_actor_in_the_record_wins():
    text = "Aaaa Bbbb"
    first = Actor(id="a", name="A", type="person", mentions=[Span("Aaaa", 0, 4)])
    second = Actor(id="b", name="B", type="person", mentions=[Span("aaa ", 1, 5)])
    ctx = ExtractionContext(record=ExtractionRecord(document=Document(id="d", text=text), actors=[first, second]))
    assert ctx.actor_at(2, 3) is first
