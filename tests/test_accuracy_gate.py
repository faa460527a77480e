"""Extraction accuracy on the gold sets: agreement with the shared scorer, and the floors gate.

One extraction of the seeds and of each gated dev set (session fixture) serves every test;
the broken-pipeline test extracts the English dev set once more with the quote stage broken.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from powermap.evaluate.floors import check, gated_sets
from powermap.evaluate.runner import Evaluation, evaluate_gold_set, extract_file, find_index

from .conftest import CORPUS, GOLD, ROOT, SHARED

FLOORS = ROOT / "tests" / "accuracy_floors.json"
SCORER = SHARED / "tools" / "score_extraction.py"

pytestmark = pytest.mark.skipif(
    not (SCORER.is_file() and (SHARED / "gold-dev").is_dir()), reason="../shared gold sets not available"
)


@pytest.fixture(scope="session")
def extractor():
    from powermap.extract import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def evaluations(extractor) -> dict[str, tuple[Path, Evaluation]]:
    """set name -> (gold folder, evaluation) for the seeds and every gated dev set."""

    def one(path, overrides):
        return extract_file(path, overrides, extractor)

    sets = {"seeds": (GOLD, CORPUS, find_index(CORPUS))}
    sets.update({s.name: (s.gold, s.corpus, s.index) for s in gated_sets(FLOORS)})
    return {name: (gold, evaluate_gold_set(gold, corpus, index, one)) for name, (gold, corpus, index) in sets.items()}


@pytest.mark.parametrize("set_name", ["seeds", "nl", "en"])
def test_scores_equal_the_shared_scorer(evaluations, tmp_path, set_name):
    gold, evaluation = evaluations[set_name]
    assert not evaluation.failures
    pred = tmp_path / "pred.jsonl"
    pred.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in evaluation.records.values()), encoding="utf-8"
    )
    done = subprocess.run(
        [sys.executable, str(SCORER), "--gold", str(gold), "--pred", str(pred), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    shared = json.loads(done.stdout)
    ours = evaluation.scores
    assert set(shared["categories"]) == set(ours["categories"])
    for category, theirs in shared["categories"].items():
        for key in ("precision", "recall", "f1"):
            assert ours["categories"][category][key] == pytest.approx(theirs[key], abs=5e-4), (category, key)
        assert ours["categories"][category]["gold"] == theirs["gold"]
        assert ours["categories"][category]["predicted"] == theirs["predicted"]
    assert ours["overall_f1"] == pytest.approx(shared["overall_f1"], abs=5e-4)


def test_every_category_of_the_dev_sets_is_at_or_above_its_floor(evaluations):
    sets = gated_sets(FLOORS)
    assert {s.name for s in sets} == {"nl", "en"}
    shortfalls = []
    for gated in sets:
        assert set(gated.floors) == set(evaluations[gated.name][1].scores["categories"])
        shortfalls += check(gated.name, evaluations[gated.name][1].scores, gated.floors)
    assert not shortfalls, "\n".join(map(str, shortfalls))


def test_the_errors_account_for_every_miss(evaluations):
    """Each gold item not found is one error line; each category's misses add up to its recall gap."""
    for _, evaluation in evaluations.values():
        errors = evaluation.errors
        categories = evaluation.scores["categories"]
        missed_actors = sum(1 for e in errors if e["category"] == "actors" and e["error"] == "missed")
        found_actors = round(categories["actors"]["recall"] * categories["actors"]["gold"])
        assert missed_actors == categories["actors"]["gold"] - found_actors
        quote_misses = [e for e in errors if e["category"] == "quotes" and e["error"] != "spurious"]
        found_quotes = round(categories["quotes+speaker"]["recall"] * categories["quotes+speaker"]["gold"])
        assert len(quote_misses) == categories["quotes+speaker"]["gold"] - found_quotes
        for error in errors:
            assert {"document", "category", "error", "start", "end", "sentence", "detail"} <= set(error)


class _DropEveryQuote:
    """A deliberately broken quote rule: the real stage runs, then every quote is thrown away."""

    def __init__(self, stage) -> None:
        self.stage = stage
        self.produces = stage.produces

    def __call__(self, ctx) -> None:
        self.stage(ctx)
        ctx.record.quotes.clear()


def test_the_gate_fails_when_the_quote_rule_breaks():
    from powermap.extract import Extractor

    broken = Extractor()
    broken.stages = [_DropEveryQuote(s) if s.produces == "quotes" else s for s in broken.stages]
    assert any(isinstance(s, _DropEveryQuote) for s in broken.stages)
    english = next(s for s in gated_sets(FLOORS) if s.name == "en")
    evaluation = evaluate_gold_set(english.gold, english.corpus, english.index, lambda p, o: extract_file(p, o, broken))
    failed = {s.category for s in check("en", evaluation.scores, english.floors)}
    assert {"quote spans", "quotes+speaker"} <= failed
