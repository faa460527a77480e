"""Dyadic trends on a small corpus whose answers are known."""

from __future__ import annotations

from datetime import date

import pytest

from powermap.analyse.actors import ActorNotFound, resolve
from powermap.analyse.dyads import dyad_trend
from powermap.analyse.events import ASSERTED, MODALITIES, EventFilter, event_day, load_events

from .analyse_fixtures import DocBuilder, make_store


@pytest.fixture()
def corpus(tmp_path):
    doc1 = DocBuilder("2022-01-10").event("russia", "armenia", "042", 1.9).event("armenia", "russia", "190", -10.0)
    doc1.filler()
    doc2 = (
        DocBuilder("2022-03-02")
        .event("russia", "armenia", "057", 8.0, date="2022-02-20")
        .event("russia", "armenia", "173", negated=True)
        .event("armenia", "russia", "036", 4.0, modality="intended")
        .event("russia", "azerbaijan", "061", 6.4)
    )
    doc3 = DocBuilder("2022-03-15").event("armenia", "russia", "112", None)  # Goldstein from the codebook: -2.0
    store, ids = make_store(tmp_path, [doc1, doc2, doc3])
    copy_id = doc1.add_to(store, suffix=" A syndicated copy adds this line.")
    assert store.document(copy_id)["near_duplicate_of"] == ids[0]
    yield store, ids
    store.close()


def test_analyse_dyad_counts_by_month(corpus):
    store, ids = corpus
    trend = dyad_trend(store.reader(), ["russia"], ["armenia"], by="month")
    assert [p.period for p in trend.points] == ["2022-01", "2022-02", "2022-03"]
    jan, feb, mar = trend.points
    assert (jan.verbal_cooperation, jan.material_conflict, jan.events) == (1, 1, 2)  # the syndicated copy counts once
    assert jan.goldstein == pytest.approx(-8.1)
    assert jan.documents == [ids[0]]
    assert (feb.verbal_cooperation, feb.events, feb.goldstein, feb.documents) == (1, 1, 8.0, [ids[1]])
    assert (mar.verbal_conflict, mar.events, mar.goldstein, mar.documents) == (1, 1, -2.0, [ids[2]])
    total = trend.totals()
    assert (total.events, total.verbal_cooperation, total.verbal_conflict, total.material_conflict) == (4, 2, 1, 1)


def test_analyse_dyad_counts_each_coordinated_target(tmp_path):
    doc = DocBuilder("2022-05-02").event("usa", "armenia", "051", 3.4, also=("azerbaijan",))
    store, _ = make_store(tmp_path, [doc])
    for other in ("armenia", "azerbaijan"):
        assert dyad_trend(store.reader(), ["usa"], [other], by="month").totals().events == 1
    assert dyad_trend(store.reader(), ["usa"], ["armenia", "azerbaijan"], by="month").totals().events == 2
    store.close()


def test_analyse_dyad_directed_and_options(corpus):
    store, _ = corpus
    conn = store.reader()
    directed = dyad_trend(conn, ["russia"], ["armenia"], by="year", directed=True)
    assert [(p.period, p.events) for p in directed.points] == [("2022", 2)]
    everything = EventFilter(modalities=MODALITIES, include_negated=True, include_duplicates=True)
    wide = dyad_trend(conn, ["russia"], ["armenia"], by="year", flt=everything)
    assert wide.points[0].events == 4 + 2 + 2  # + negated, + intended, + the copy's two events
    vs_all = dyad_trend(conn, ["russia"], None, by="year")
    assert vs_all.points[0].events == 5 and vs_all.points[0].material_cooperation == 1
    since = dyad_trend(conn, ["russia"], ["armenia"], by="month", flt=EventFilter(since=date(2022, 2, 1)))
    assert [p.period for p in since.points] == ["2022-02", "2022-03"]


def test_analyse_dyad_week_fills_gaps(corpus):
    store, _ = corpus
    trend = dyad_trend(store.reader(), ["russia"], ["armenia"], by="week")
    assert trend.points[0].period == "2022-W02" and trend.points[-1].period == "2022-W11"
    assert len(trend.points) == 10 and sum(p.events for p in trend.points) == 4
    with pytest.raises(ValueError):
        dyad_trend(store.reader(), ["russia"], ["armenia"], by="fortnight")  # type: ignore[arg-type]


def test_analyse_event_day_rules():
    assert event_day("2022-02-20", "2022-03-02") == date(2022, 2, 20)
    assert event_day("2022-02", "2022-03-02") == date(2022, 2, 1)
    assert event_day(None, "2022-03-02") == date(2022, 3, 2)
    assert event_day("2022", "2022-03-02") == date(2022, 3, 2)
    assert event_day("2014", "2022-03-02") == date(2014, 1, 1)
    assert event_day(None, None) is None
    assert EventFilter().modalities == ASSERTED


def test_analyse_resolve_actor(corpus):
    store, _ = corpus
    conn = store.reader()
    assert resolve(conn, "RUS") == ["russia"]
    assert resolve(conn, "arm") == ["armenia"]
    assert resolve(conn, "Azerbaijan") == ["azerbaijan"]
    assert resolve(conn, "russia") == ["russia"]
    with pytest.raises(ActorNotFound, match="Armenia"):
        resolve(conn, "Armen")


def test_analyse_dyad_from_its_own_events_only(corpus, tmp_path):
    """Reading only the dyad's events (``between``, as the actor page does) gives the same trend as
    reading all events of both actors, coordinated targets included."""
    store, _ = corpus
    conn = store.reader()
    narrow = load_events(conn, EventFilter(), between=(["russia"], ["armenia"]))
    assert {(e.source, e.target) for e in narrow.events} == {("russia", "armenia"), ("armenia", "russia")}
    for by in ("week", "month"):
        wide = dyad_trend(conn, ["russia"], ["armenia"], by=by)
        assert dyad_trend(conn, ["russia"], ["armenia"], by=by, selection=narrow).points == wide.points
    doc = DocBuilder("2022-05-02").event("usa", "armenia", "051", 3.4, also=("azerbaijan",))
    other, _ = make_store(tmp_path / "other", [doc])
    both = load_events(other.reader(), EventFilter(), between=(["usa"], ["azerbaijan"]))
    assert [(e.source, e.target) for e in both.events] == [("usa", "azerbaijan")]
    other.close()
