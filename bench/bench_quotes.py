"""Quote accuracy on the dev sets, the seeds, PolNeAR dev and OpenBoek (the BENCHMARKS quotes section).

    python bench/run.py quotes           # all five (about 10 minutes on 2 cores)
    python bench/run.py quotes --quick   # dev sets and seeds only

Each figure comes from the scorer in ``../shared/tools`` on records that powermap writes here:
``powermap extract`` for the dev sets and seeds, ``bench/quote_corpora.py`` for PolNeAR and
OpenBoek. A missing data folder is reported, not fatal.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
POWERMAP = Path(sys.executable).with_name("powermap")


def _dev_rows(name: str, corpus: Path, gold: Path, out: Path) -> str:
    files = sorted(str(p) for p in corpus.glob("*.txt"))
    if not files or not gold.is_dir():
        return f"| {name} | (no data at {corpus}) | | |\n"
    with out.open("w", encoding="utf-8") as sink:
        subprocess.run(
            [str(POWERMAP), "extract", *files, "--format", "jsonl"], stdout=sink, stderr=subprocess.DEVNULL, check=False
        )
    score = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "score_extraction.py"), "--gold", str(gold), "--pred", str(out)],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    spans = re.search(r"quote spans\s+(\S+)\s+(\S+)\s+(\S+)", score)
    speaker = re.search(r"quotes\+speaker\s+(\S+)\s+(\S+)\s+(\S+)", score)
    if not spans or not speaker:
        return f"| {name} | (scorer gave no quote rows) | | |\n"
    return f"| {name} | {spans.group(3)} | {speaker.group(3)} | P {speaker.group(1)} / R {speaker.group(2)} |\n"


def _external(corpus: str, out: Path) -> str:
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "quote_corpora.py"), corpus, "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    return (result.stderr.strip().splitlines() or [""])[-1] + "\n" + result.stdout


def run(quick: bool) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rows = "".join(
            _dev_rows(name, SHARED / corpus, SHARED / gold, folder / f"{name}.jsonl")
            for name, corpus, gold in (
                ("Dutch dev", "corpus-dev/nl", "gold-dev/nl"),
                ("English dev", "corpus-dev/en", "gold-dev/en"),
                ("seeds", "corpus", "gold"),
            )
        )
        external = ""
        if not quick:
            for corpus in ("polnear", "openboek"):
                scores = _external(corpus, folder / f"{corpus}.jsonl")
                external += f"\n`python bench/quote_corpora.py {corpus}`:\n\n```\n{scores}```\n"
    return (
        "## Quotes (quotes.v1)\n\n"
        "`python bench/run.py quotes` (dev sets and seeds: `powermap extract` + "
        "`../shared/tools/score_extraction.py`; quote F1 at token-F1 >= 0.5 overlap).\n\n"
        "| set | quote spans F1 | quotes+speaker F1 | quotes+speaker P / R |\n|---|---|---|---|\n" + rows + external
    )
