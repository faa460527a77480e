"""The scorer of powermap's stances against a DNA (Discourse Network Analyzer) sample file,
on a small DNA 1.x XML file written for this test."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench" / "bench_dna_sample.py"

SAMPLE = """<?xml version="1.0" encoding="utf-8"?>
<discourse>
  <version>1.21</version>
  <articles>
    <article>
      <text>Mayor Jan Smit wants a new bridge. The council of Eastport rejects the toll.</text>
      <date>01.01.2020</date>
      <title>Hearing one</title>
      <statements>
        <statement><id>1</id><start>0</start><end>34</end><person>Jan Smit</person>
          <organization>City of Eastport</organization><category>Build the bridge.</category>
          <agreement>yes</agreement></statement>
        <statement><id>2</id><start>35</start><end>77</end><person></person>
          <organization>Council of Eastport</organization><category>Charge a toll.</category>
          <agreement>no</agreement></statement>
      </statements>
    </article>
  </articles>
</discourse>
"""


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_dna_sample", BENCH)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop(spec.name, None)


def test_dna_sample_reads_texts_and_coded_statements(bench, tmp_path):
    path = tmp_path / "sample.dna"
    path.write_text(SAMPLE, encoding="utf-8")
    texts, coded = bench.read_sample(path)
    assert len(texts) == 1 and texts[0].startswith("Mayor Jan Smit")
    assert [(c.start, c.end, c.person, c.category, c.agree) for c in coded] == [
        (0, 34, "Jan Smit", "Build the bridge.", True),
        (35, 77, "", "Charge a toll.", False),
    ]


def test_dna_sample_scores_holder_span_agreement_and_concept(bench, tmp_path):
    path = tmp_path / "sample.dna"
    path.write_text(SAMPLE, encoding="utf-8")
    _, coded = bench.read_sample(path)
    said = [
        bench.Said(0, 6, 34, "Jan Smit", "a new bridge", True),  # found, agreement right
        bench.Said(0, 35, 77, "Eastport council", "the toll", True),  # found (words of the name), agreement wrong
        bench.Said(0, 0, 34, "Piet Bos", "a new bridge", True),  # right span, wrong holder: not found
    ]
    result = bench.score(coded, said, {"a new bridge": "Build the bridge.", "the toll": "Build the bridge."})
    assert (result["found"], result["predicted"]) == (2, 3)
    assert result["recall"] == 1.0 and result["precision"] == pytest.approx(2 / 3)
    assert result["agreement_accuracy"] == 0.5 and result["concept_accuracy"] == 0.5


def test_dna_sample_without_the_file_says_so(bench, monkeypatch, tmp_path):
    monkeypatch.setenv("POWERMAP_DNA_SAMPLE", str(tmp_path / "missing.dna"))
    assert "Not measured" in bench.run()


def test_same_holder_ignores_punctuation_and_determiners_and_reads_acronyms(bench):
    def coded(person, organization):
        return bench.Coded(0, 0, 10, person, organization, "Build the bridge.", True)

    pilots = coded("Anna de Wit", "Guild of River Pilots, Ltd.")
    assert bench.same_holder("Guild of River Pilots", pilots)  # "Pilots," and "Ltd." are words, not punctuation
    assert bench.same_holder("The Guild", pilots)  # a determiner is not part of the name
    assert bench.same_holder("GRP", pilots)  # initials of consecutive capitalised words
    assert bench.same_holder("Anna de Wit", pilots)
    assert not bench.same_holder("Piet Bos", pilots)
    assert not bench.same_holder("GRX", pilots)
    assert not bench.same_holder("RP", pilots)  # two letters are too short to be read as an acronym
    assert bench.same_holder("Northern Rail & Tram Association", coded("", "NRTA"))  # either side may be short


def test_error_classes_put_each_coded_statement_in_one_class(bench):
    coded = [
        bench.Coded(0, 0, 20, "Jan Smit", "", "Build the bridge.", True),
        bench.Coded(0, 30, 50, "Jan Smit", "", "Charge a toll.", False),
        bench.Coded(0, 60, 80, "Jan Smit", "", "Build the bridge.", True),
        bench.Coded(0, 90, 99, "Jan Smit", "", "Charge a toll.", True),
        bench.Coded(0, 100, 120, "Jan Smit", "", "Build the bridge.", True),
    ]
    said = [
        bench.Said(0, 5, 15, "Jan Smit", "a bridge", True),  # right
        bench.Said(0, 35, 45, "Jan Smit", "the toll", True),  # agreement wrong
        bench.Said(0, 65, 75, "Jan Smit", "the toll", True),  # concept wrong
        bench.Said(0, 92, 96, "Piet Bos", "the toll", True),  # holder not found
    ]  # nothing over 100-120: no stance in span
    classes, wrong_holders = bench.error_classes(
        coded, said, {"a bridge": "Build the bridge.", "the toll": "Charge a toll."}
    )
    assert classes == {
        "found, agreement and concept right": 1,
        "found, agreement wrong": 1,
        "found, concept wrong": 1,
        "holder not found": 1,
        "no stance in span": 1,
    }
    assert wrong_holders == {"Piet Bos": 1}
