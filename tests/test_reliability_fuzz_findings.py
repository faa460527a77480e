"""Replays the fuzz seeds and every input the fuzzer ever broke the readers or parsers with."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
INPUTS = sorted((ROOT / "fuzz" / "seeds").iterdir()) + sorted((ROOT / "tests" / "fuzz_findings").glob("*-*"))


@pytest.fixture(scope="module")
def check(tmp_path_factory):
    sys.path.insert(0, str(ROOT / "fuzz"))
    try:
        import targets
    finally:
        sys.path.remove(str(ROOT / "fuzz"))
    targets._SCRATCH = tmp_path_factory.mktemp("fuzz")
    return targets.check


@pytest.mark.parametrize("path", INPUTS, ids=[p.name for p in INPUTS])
def test_fuzz_input_is_handled(check, path):
    check(path.read_bytes())
