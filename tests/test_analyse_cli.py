"""The analysis commands as a user runs them: dyad, network, discourse, export."""

from __future__ import annotations

import csv
import json

import networkx as nx
import pyarrow.parquet as pq
import pytest

from .analyse_fixtures import make_store, sample_docs
from .conftest import run_cli


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("store")
    store, _ = make_store(path, sample_docs())
    store.close()
    return str(path)


def test_analyse_cli_dyad_json(store_dir):
    result = run_cli("dyad", "RUS", "Armenia", "--by", "month", "--store", store_dir, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["a"] == ["russia"] and data["b"] == ["armenia"]
    assert [p["period"] for p in data["points"]] == ["2022-02", "2022-03", "2022-04", "2022-05"]
    assert data["totals"]["verbal_cooperation"] == 2 and data["totals"]["goldstein"] == pytest.approx(6.9)
    assert run_cli("dyad", "RUS", "--by", "fortnight", "--store", store_dir).returncode == 2


def test_analyse_cli_network_and_discourse_exports(store_dir, tmp_path):
    gexf = tmp_path / "net.gexf"
    result = run_cli("network", "--since", "2022-02", "--type", "state", "--export", str(gexf), "--store", store_dir)
    assert result.returncode == 0, result.stderr
    assert nx.read_gexf(gexf).number_of_edges() == 5
    concepts = tmp_path / "concepts.txt"
    concepts.write_text("alliance with China\n", encoding="utf-8")
    table = tmp_path / "ties.parquet"
    result = run_cli("discourse", "--concepts", str(concepts), "--export", str(table), "--store", store_dir)
    assert result.returncode == 0, result.stderr
    assert pq.read_table(table).to_pylist()[0]["conflict_raw"] == 1
    assert (tmp_path / "ties.affiliation.parquet").exists()


def test_analyse_cli_export_all(store_dir, tmp_path):
    assert run_cli("export", "all", "--format", "csv", "--out", str(tmp_path), "--store", store_dir).returncode == 0
    with (tmp_path / "events.csv").open(encoding="utf-8") as handle:
        assert len(list(csv.DictReader(handle))) == 7
    assert (tmp_path / "claim_conflicts.csv").exists()
    assert (
        run_cli("export", "events", "--format", "gdelt", "--out", str(tmp_path), "--store", store_dir).returncode == 0
    )
    lines = (tmp_path / "events.gdelt.tsv").read_text(encoding="utf-8").splitlines()
    assert lines and all(len(line.split("\t")) == 61 for line in lines)  # GDELT's layout: no header
    assert (tmp_path / "events.gdelt.extra.csv").exists()
    wrong = run_cli("export", "quotes", "--format", "gdelt", "--out", str(tmp_path), "--store", store_dir)
    assert wrong.returncode == 2


def test_analyse_cli_concepts_propose_and_discourse_by_meaning(store_dir, tmp_path):
    result = run_cli("concepts", "--propose", "--min-statements", "1", "--json", "--store", store_dir)
    assert result.returncode == 0, result.stderr
    concepts = json.loads(result.stdout)
    assert sum(c["statements"] for c in concepts) == 4
    assert all({"label", "words", "statements", "actors", "languages", "source"} <= set(c) for c in concepts)
    china = next(c for c in concepts if "alliance with China" in c["examples"])
    path = tmp_path / "concepts.yaml"
    path.write_text(f'concepts:\n  - label: Friends with China\n    rename: "{china["label"]}"\n', encoding="utf-8")
    result = run_cli("discourse", "--concept-file", str(path), "--json", "--store", store_dir)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert "Friends with China" in data["concepts"]
    behind = [e for c in data["coalitions"] for e in c["statements"].get("Friends with China", [])]
    assert {(e["actor"], e["agree"]) for e in behind} == {("ivanov", True), ("petrov", False)}
    assert any(e["text"] == "Oleg Petrov opposes alliance with China." for e in behind)
    bad = tmp_path / "bad.yaml"
    bad.write_text("concepts:\n  - rename: x\n", encoding="utf-8")
    result = run_cli("concepts", "--propose", "--concept-file", str(bad), "--store", store_dir)
    assert result.returncode == 2 and "needs a 'label'" in result.stderr
    assert run_cli("discourse", "--group", "topic", "--store", store_dir).returncode == 2
