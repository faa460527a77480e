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
