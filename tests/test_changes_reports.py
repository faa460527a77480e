"""'Reported in the period, not yet a trend': a one-off strong event is listed apart from the shifts."""

from __future__ import annotations

import pytest

from powermap.analyse import changes_brief
from powermap.analyse.changes import ChangeOptions, compare
from powermap.analyse.periods import span

from .analyse_fixtures import make_store
from .changes_fixtures import february, march, report

FEB, MAR = span("2019-02"), span("2019-03")


def _one_off():
    """One March report of a strong clash between two actors never reported together before."""
    return report("2019-03-20", 99).event("azerbaijan", "china", "195", -10.0)


@pytest.fixture(scope="module")
def conn(tmp_path_factory):
    store, _ = make_store(tmp_path_factory.mktemp("reports"), february() + march() + [_one_off()])
    yield store.reader()
    store.close()


@pytest.fixture(scope="module")
def result(conn):
    return compare(conn, FEB, MAR)


def _pairs(items):
    return [(d["a"], d["b"]) for d in items]


def test_one_off_strong_event_is_a_single_report_not_a_shift(result):
    assert ("azerbaijan", "china") not in _pairs(result["dyads"])
    assert _pairs(result["dyads"]) == [("armenia", "russia")]  # the significance rule is unchanged
    reports = {(r["a"], r["b"]): r for r in result["reports"]}
    one_off = reports[("azerbaijan", "china")]
    assert one_off["new"] and one_off["side"] == "conflict" and not one_off["significant"]
    assert one_off["documents"] == 1 and one_off["goldstein"] == -10.0
    [evidence] = one_off["evidence"]
    assert "code 195" in evidence["text"] and evidence["document"]["published"].startswith("2019-03-20")


def test_single_reports_leave_out_shifts_and_steady_ties(result):
    pairs = _pairs(result["reports"])
    assert ("armenia", "russia") not in pairs  # a significant shift, listed there
    assert ("china", "russia") not in pairs and ("azerbaijan", "usa") not in pairs  # cooperative in both months
    assert ("russia", "usa") not in pairs  # conflictual in both months
    turned = next(r for r in result["reports"] if _pairs([r]) == [("armenia", "china")])
    assert not turned["new"] and turned["side"] == "conflict" and turned["before_documents"] == 1
    assert ("china", "usa") in pairs  # the weaker one-off is listed too


def test_single_reports_ranked_by_goldstein_magnitude_then_documents_and_bounded(conn, result):
    weights = [(abs(r["goldstein"]), r["documents"]) for r in result["reports"]]
    assert weights == sorted(weights, reverse=True)
    assert _pairs(result["reports"])[0] == ("armenia", "usa")  # new cooperation in six reports
    top = compare(conn, FEB, MAR, ChangeOptions(reports=2, parts=("dyads",)))["reports"]
    assert _pairs(top) == _pairs(result["reports"])[:2]
    assert compare(conn, FEB, MAR, ChangeOptions(reports=0, parts=("dyads",)))["reports"] == []


def test_brief_lists_single_reports_in_their_own_section(result):
    text = changes_brief.markdown(result, "http://x.example")
    top = text.split("## Top shifts")[1].split("## ")[0]
    section = text.split("## Reported in the period, not yet a trend")[1].split("## ")[0]
    assert "Azerbaijan and China" not in top
    assert "**Azerbaijan and China: new conflict (single report)**" in section
    assert "Single reports, not tested as shifts" in section
    assert "](http://x.example/documents/" in section and "code 195" in section
    page = changes_brief.html(result, "http://x.example")
    assert "<h2>Reported in the period, not yet a trend</h2>" in page
    assert "Azerbaijan and China: new conflict (single report)" in page
