"""``powermap actors`` and ``powermap actor ID`` on a store built from sentences written here."""

from __future__ import annotations

import json

import pytest

TEXTS = {
    "een.txt": "Poetin sprak in Moskou met Karel Veldkamp. Het Kremlin was tevreden, aldus Veldkamp.",
    "twee.txt": "Karel Veldkamp schreef later over Vladimir Putin en de NAVO.",
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from .conftest import run_cli

    folder = tmp_path_factory.mktemp("texts")
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    store = tmp_path_factory.mktemp("store")
    result = run_cli(
        "ingest", str(folder), "--store", str(store), "--language", "nl", "--published", "2024-05",
        "--stages", "actors.v1", "--json",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return store


def test_actors_lists_counts_across_documents(store, cli):
    rows = json.loads(cli("actors", "--store", str(store), "--json").stdout)
    by_id = {r["id"]: r for r in rows}
    assert by_id["vladimir_putin"]["mentions"] == 2 and by_id["vladimir_putin"]["documents"] == 2
    assert by_id["karel_veldkamp"]["mentions"] == 3 and by_id["karel_veldkamp"]["documents"] == 2
    assert by_id["moscow"]["type"] == "place"
    persons = json.loads(cli("actors", "--store", str(store), "--type", "person", "--json").stdout)
    assert {r["type"] for r in persons} == {"person"}
    assert len(json.loads(cli("actors", "--store", str(store), "--limit", "1", "--json").stdout)) == 1


def test_actor_lists_every_mention_with_context(store, cli):
    out = json.loads(cli("actor", "karel_veldkamp", "--store", str(store), "--json").stdout)
    assert out["actor"]["name"] == "Karel Veldkamp"
    assert sorted(m["text"] for m in out["mentions"]) == ["Karel Veldkamp", "Karel Veldkamp", "Veldkamp"]
    assert all(m["text"] in m["snippet"] for m in out["mentions"])
    missing = cli("actor", "nobody_at_all", "--store", str(store))
    assert missing.returncode == 1 and "no actor" in missing.stderr
