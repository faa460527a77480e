"""``powermap events`` and ``powermap stances`` on a store built from hand-made records."""

from __future__ import annotations

import json

import pytest

from .analyse_fixtures import DocBuilder, make_store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("store")
    one = DocBuilder("2023-01-10").event("russia", "armenia", "163", -8.0, date="2023-01")
    one.stance("usa", "sanctions", True)
    two = DocBuilder("2023-02-01").event("china", "russia", "042", 1.9, date="2023-02-01")
    two.event("russia", "armenia", "111", -2.0, date="2023-02")
    two.event("usa", "china", "051", 3.4, date="2023-02", also=("azerbaijan",))
    st, _ = make_store(path, [one, two])
    st.close()
    return path


def test_events_cli_filters_by_source_target_and_root(store, cli):
    result = cli("events", "--source", "Russia", "--target", "armenia", "--store", str(store), "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [r["cameo"] for r in rows] == ["163", "111"]
    result = cli("events", "--source", "russia", "--cameo", "16", "--store", str(store), "--json")
    assert [r["cameo"] for r in json.loads(result.stdout)] == ["163"]
    result = cli("events", "--since", "2023-02", "--store", str(store), "--json")
    assert {r["source"] for r in json.loads(result.stdout)} == {"china", "russia", "usa"}


def test_events_cli_target_matches_coordinated_targets(store, cli):
    result = cli("events", "--target", "Azerbaijan", "--store", str(store), "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [(r["source"], r["target"], r["other_targets"], r["reported"]) for r in rows] == [
        ("usa", "china", ["azerbaijan"], False)
    ]


def test_stances_cli_filters_by_actor_and_concept(store, cli):
    result = cli("stances", "--actor", "United States", "--concept", "sanction", "--store", str(store), "--json")
    assert result.returncode == 0, result.stderr
    assert [(r["actor"], r["agree"]) for r in json.loads(result.stdout)] == [("usa", True)]
    result = cli("stances", "--actor", "china", "--store", str(store), "--json")
    assert json.loads(result.stdout) == []
