"""The SQL event-day expression agrees with ``event_day`` on every date shape the schema allows."""

from __future__ import annotations

import itertools
import sqlite3

import pytest

from powermap.analyse.events import event_day, event_day_sql

SHAPES = [None, "", "2022", "2021", "2022-03", "2022-13", "2022-02-30", "2024-02-29", "2022-03-15", "2022-03-15T10"]


@pytest.mark.parametrize(("event_date", "published"), list(itertools.product(SHAPES, repeat=2)))
def test_event_day_sql_matches_python(event_date, published):
    conn = sqlite3.connect(":memory:")
    got = conn.execute(
        f"SELECT {event_day_sql(':event', ':published')}", {"event": event_date, "published": published}
    ).fetchone()[0]
    want = event_day(event_date, published)
    assert got == (want.isoformat() if want else None)
