"""Watches, alerts (JSON Lines and Atom) and the briefing; the commands as a user runs them."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import feedparser
import pytest
from lxml import etree

from powermap.analyse import changes_brief
from powermap.analyse.changes import ChangeOptions, compare
from powermap.analyse.changes_feed import read_alerts
from powermap.analyse.changes_watch import WatchError, read_watch_file, run
from powermap.analyse.periods import span
from powermap.store import open_store

from .analyse_fixtures import make_store
from .changes_fixtures import february, march
from .conftest import run_cli

ATOM_SCHEMA = Path(__file__).with_name("atom.rng")
ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")

WATCHES = """\
title: Test watch
window: month
at: 2019-03-31
base_url: http://news.example:8765
watches:
  - name: Russia and Armenia
    dyad: [RUS, Armenia]
    shift_below: -0.3
  - actor: ARM
    camp_change: true
  - concept: sanctions
    stance_change: [appeared]
  - measure: trade share
    change_above: 0.01
  - measure: gdp
    disputed: true
"""


def assert_valid_atom(path: Path) -> etree._Element:
    """The feed at ``path`` is Atom: the RELAX NG grammar, the RFC 4287 rules it cannot state, and feedparser."""
    tree = etree.parse(str(path))
    schema = etree.RelaxNG(etree.parse(str(ATOM_SCHEMA)))
    assert schema.validate(tree), schema.error_log
    root = tree.getroot()
    entries = root.findall(f"{ATOM}entry")
    assert root.find(f"{ATOM}author") is not None or all(e.find(f"{ATOM}author") is not None for e in entries)
    for element in root.iter(f"{ATOM}updated", f"{ATOM}published"):
        assert RFC3339.match(element.text), element.text
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(ids) == len(set(ids))
    for entry in entries:
        alternates = [link for link in entry.findall(f"{ATOM}link") if link.get("rel", "alternate") == "alternate"]
        assert len(alternates) <= 1 and (alternates or entry.find(f"{ATOM}content") is not None)
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo and parsed.version == "atom10"
    assert len(parsed.entries) == len(entries)
    return root


@pytest.fixture()
def watch_file(tmp_path) -> Path:
    path = tmp_path / "watch.yaml"
    path.write_text(WATCHES, encoding="utf-8")
    return path


def test_watch_alerts_appear_with_the_second_batch(tmp_path, watch_file):
    store, _ = make_store(tmp_path / "store", february())
    spec = read_watch_file(watch_file)
    assert run(store.reader(), spec) == []
    assert read_alerts(spec.alerts) == [] and assert_valid_atom(spec.feed).find(f"{ATOM}entry") is None
    march_ids = [doc.add_to(store) for doc in march()]
    fresh = run(store.reader(), spec)
    kinds = sorted(a["kind"] for a in fresh)
    assert kinds == ["camp_change", "claim_change", "claim_dispute", "dyad_shift", "stance_appeared"]
    dyad = next(a for a in fresh if a["kind"] == "dyad_shift")
    assert dyad["window"] == {"before": "2019-02", "after": "2019-03"} and dyad["evidence"]
    assert {e["doc_id"] for e in dyad["evidence"]} <= set(march_ids)
    camp = next(a for a in fresh if a["kind"] == "camp_change")
    assert camp["evidence"] and camp["evidence"][0]["doc_id"] in march_ids
    lines = spec.alerts.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == [a["id"] for a in fresh]
    root = assert_valid_atom(spec.feed)
    entries = {e.findtext(f"{ATOM}id"): e for e in root.findall(f"{ATOM}entry")}
    assert set(entries) == {a["id"] for a in fresh}
    link = entries[dyad["id"]].find(f"{ATOM}link").get("href")
    assert link == f"http://news.example:8765/documents/{dyad['evidence'][0]['doc_id']}"
    assert run(store.reader(), spec) == []  # evaluated again: nothing new, nothing repeated
    assert len(spec.alerts.read_text(encoding="utf-8").splitlines()) == len(lines)
    store.close()


def test_watch_without_significance_and_before_the_period(tmp_path, watch_file):
    store, _ = make_store(tmp_path / "store", february() + march())
    spec = read_watch_file(watch_file)
    assert run(store.reader(), spec, at=date(2019, 2, 20)) == []  # "now" is February: nothing moved yet
    store.close()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("watches: []\n", "non-empty list"),
        ("window: fortnight\nwatches: [{actor: ARM, camp_change: true}]\n", "window"),
        ("watches: [{dyad: [RUS], shift_below: -1}]\n", "two actors"),
        ("watches: [{dyad: [RUS, ARM]}]\n", "shift_below"),
        ("watches: [{actor: ARM, concept: x, camp_change: true}]\n", "exactly one"),
        ("watches: [{concept: x, stance_change: [flipped]}]\n", "stance_change"),
        ("watches: [{measure: x}]\n", "change_above"),
        ("at: soon\nwatches: [{actor: ARM, camp_change: true}]\n", "at must be a date"),
        ("watches: [unclosed\n", "cannot read"),
    ],
)
def test_watch_file_errors_are_clear(tmp_path, text, message):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(WatchError, match=message):
        read_watch_file(path)


def test_brief_markdown_and_html(tmp_path):
    store, _ = make_store(tmp_path / "store", february() + march())
    comparison = compare(store.reader(), span("2019-02"), span("2019-03"))
    text = changes_brief.markdown(comparison, "http://x.example")
    top = text.split("## Top shifts")[1].split("##")[0]
    assert "**Armenia and Russia: toward conflict**" in top and "not significant" not in top
    assert "](http://x.example/documents/" in top
    assert "Armenia changed camp in the event network" in text and "Petrov on alliance with China" in text
    assert "GDP growth (percent, russia) as of 2019: sources disagree" in text and "(Rosstat)" in text
    page = changes_brief.html(comparison, "http://x.example")
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page and "<details>" in page
    assert 'href="http://x.example/documents/' in page
    store.close()


def test_brief_says_when_nothing_moved(tmp_path):
    store, _ = make_store(tmp_path / "store", february()[:2] + march()[:1])
    comparison = compare(store.reader(), span("2019-02"), span("2019-03"), ChangeOptions(show_all=True))
    text = changes_brief.markdown(comparison)
    assert "No dyad's balance moved beyond what the number of reports explains" in text
    assert "(not significant)" in text
    store.close()


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("changes_cli")
    store, _ = make_store(path, february() + march())
    store.close()
    return str(path)


def test_changes_cli_json_and_table(store_dir):
    result = run_cli("changes", "--from", "2019-02", "--to", "2019-03", "--store", store_dir, "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert [w["label"] for w in report["windows"]] == ["2019-02", "2019-03"]
    assert [(d["a"], d["b"]) for d in report["comparisons"][0]["dyads"]] == [("armenia", "russia")]
    table = run_cli("changes", "--by", "month", "--store", store_dir)
    assert table.returncode == 0, table.stderr
    assert "Dyads: 1 of 4 testable" in table.stdout and "Armenia –" in table.stdout
    assert "Changed camp" in table.stdout
    assert run_cli("changes", "--to", "2019-13", "--store", store_dir).returncode == 2
    network = json.loads(run_cli("network", "--reference", "2019-03-31", "--store", store_dir, "--json").stdout)
    assert network["reference"] == "2019-03-31" and network["params"]["historical_left_out"] == 1
    assert json.loads(run_cli("network", "--store", store_dir, "--json").stdout)["params"]["decay"] == "off"
    assert run_cli("changes", "--store", store_dir).returncode == 2
    assert run_cli("changes", "--to", "2019-03", "--parts", "dyads,gossip", "--store", store_dir).returncode == 2


def test_brief_and_watch_cli(store_dir, tmp_path, watch_file):
    out = tmp_path / "brief.md"
    result = run_cli("brief", "--store", store_dir, "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "briefing on 2019-03" in result.stderr and out.read_text(encoding="utf-8").startswith("# What changed")
    assert run_cli("brief", "--store", store_dir, "--out", str(tmp_path / "brief.pdf")).returncode == 2
    result = run_cli("watch", str(watch_file), "--store", store_dir, "--json")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 5 and "5 new alerts" not in result.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text("watches: 3\n", encoding="utf-8")
    assert run_cli("watch", str(bad), "--store", store_dir).returncode == 2


ARTICLES = {
    "2019-02": [
        "Russia signed a trade agreement with Armenia on Tuesday. Officials in Yerevan expect cheaper gas this winter.",
        "Russia signed a defence agreement with Armenia. The two capitals will hold joint exercises in the summer.",
        "Russia signed an energy agreement with Armenia on Friday. A new pipeline will be built along the border.",
    ],
    "2019-03": [
        "Russia attacked Armenia on Tuesday. Shells fell on three villages near the northern border.",
        "Russia attacked Armenia again. Hospitals in the region reported dozens of wounded civilians.",
        "Russia attacked Armenia on Friday. The government in Yerevan closed the airport for two days.",
    ],
}


def test_ingest_watch_sees_the_alert_after_the_second_batch(tmp_path):
    """Two real ingests (extraction included): the alert appears in JSON Lines and Atom after the second."""
    watch = tmp_path / "watch.yaml"
    watch.write_text(
        "at: 2019-03-31\nwatches:\n  - name: Russia and Armenia\n    dyad: [Russia, Armenia]\n    shift_below: -0.5\n",
        encoding="utf-8",
    )
    store = tmp_path / "store"
    for n, (month, texts) in enumerate(ARTICLES.items()):
        folder = tmp_path / month
        folder.mkdir()
        for i, text in enumerate(texts):
            (folder / f"{i}.txt").write_text(text + "\n", encoding="utf-8")
        result = run_cli(
            "ingest", str(folder), "--store", str(store), "--published", f"{month}-12", "--language", "en",
            "--watch", str(watch), "--quiet",
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        alerts = read_alerts(tmp_path / "watch.alerts.jsonl")
        assert len(alerts) == n, alerts
    assert alerts[0]["kind"] == "dyad_shift" and alerts[0]["window"]["after"] == "2019-03"
    root = assert_valid_atom(tmp_path / "watch.atom")
    assert [e.findtext(f"{ATOM}id") for e in root.findall(f"{ATOM}entry")] == [alerts[0]["id"]]
    with open_store(store, readonly=True) as db:
        assert db.counts()["documents"] == 6


def test_ingest_refuses_a_broken_watch_file_before_reading(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("watches: [{dyad: [A]}]\n", encoding="utf-8")
    text = tmp_path / "a.txt"
    text.write_text("Russia signed an agreement with Armenia.\n", encoding="utf-8")
    result = run_cli("ingest", str(text), "--store", str(tmp_path / "store"), "--watch", str(bad), "--stages", "none")
    assert result.returncode == 2 and "two actors" in result.stderr
    assert not (tmp_path / "store").exists()


def test_watch_windows_hold_the_day_asked_for():
    from powermap.analyse.changes_watch import current_windows

    before, after = current_windows("week", date(2019, 3, 13))
    assert (before.label, after.label) == ("2019-W10", "2019-W11")
    before, after = current_windows(10, date(2019, 3, 20))
    assert (after.start, after.end) == (date(2019, 3, 11), date(2019, 3, 20))
    assert (before.start, before.end) == (date(2019, 3, 1), date(2019, 3, 10))
