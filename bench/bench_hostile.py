"""Hostile inputs of issue 19 at full size: each finishes within its budget, with bounded memory.

Every input is generated (no corpus text), run through the real command line under
``/usr/bin/time -v``, and reported with its exit code, wall time, peak RSS and outcome.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

POWERMAP = [sys.executable, "-m", "powermap"]


def _inputs(folder: Path, quick: bool) -> list[tuple[str, list[str]]]:
    scale = 10 if quick else 1
    rng = random.Random(19)
    cases = []
    quotes = folder / "quotes.txt"
    quotes.write_text(('"' * 50 + " ") * (425_000 // 51 // scale), encoding="utf-8")
    cases.append(("425 KB of quotation marks", ["extract", str(quotes)]))
    words = ["12", "3,5", "miljoen", "procent", "euro", "1998", "45%", "en", "de", "7.000", "miljard", "dollar", "."]
    numbers = folder / "numbers.txt"
    numbers.write_text(" ".join(rng.choice(words) for _ in range(674_000 // 5 // scale)), encoding="utf-8")
    cases.append(("674 KB number-dense text", ["extract", str(numbers), "--language", "nl"]))
    dense = folder / "quote-dense.txt"
    dense.write_text(
        "".join(f'"Wij steunen plan {i}," zei de minister. ' for i in range(181_000 // 40 // scale)), "utf-8"
    )
    cases.append(("181 KB quote-dense paragraph", ["extract", str(dense), "--language", "nl"]))
    paragraph = "De regering van het land kondigde nieuwe maatregelen aan. De minister zei dat het plan werkt. "
    report = folder / "report.txt"
    report.write_text((paragraph * 6 + "\n\n") * (2_000_000 // 570 // scale), encoding="utf-8")
    cases.append(("2 MB multi-paragraph report", ["extract", str(report), "--language", "nl"]))
    bomb = folder / "bomb.warc.gz"
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    with bomb.open("wb") as out:
        for _ in range(1024 // scale):
            out.write(packer.compress(b"\0" * (1 << 20)))
        out.write(packer.flush())
    cases.append(
        (f"gzip bomb named .warc.gz ({bomb.stat().st_size} bytes)", ["ingest", str(bomb), "--store", str(folder / "s")])
    )
    lines = folder / "articles.jsonl"
    article = "Een gewoon artikel over de regering, het parlement en de begroting van volgend jaar. " * 34
    with lines.open("w", encoding="utf-8") as out:
        for i in range(8578 // scale):
            out.write(json.dumps({"text": f"{i}. {article}"}) + "\n")
    size = lines.stat().st_size
    cases.append(
        (
            f"{size / 1e6:.0f} MB JSON Lines of {8578 // scale} articles (read only)",
            ["ingest", str(lines), "--store", str(folder / "j"), "--stages", "none"],
        )
    )
    return cases


def _run(args: list[str]) -> tuple[int, float, int, str]:
    done = subprocess.run(["/usr/bin/time", "-v", *POWERMAP, *args], capture_output=True, text=True)
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", done.stderr)
    seconds = (int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))) if wall else 0.0
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr).group(1))
    failures = [line.strip() for line in done.stderr.splitlines() if line.startswith("failed")]
    return (
        done.returncode,
        seconds,
        rss,
        (failures[0][:90] if failures else f"{len(done.stdout.splitlines())} record(s)"),
    )


def run(quick: bool) -> str:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, args in _inputs(Path(tmp), quick):
            code, seconds, rss, outcome = _run(args)
            rows.append(f"| {name} | {code} | {seconds:.0f} | {rss / 1024:.0f} | {outcome} |")
            print(rows[-1], file=sys.stderr)
    return "\n".join(
        [
            "<!-- area: hostile -->",
            "## Hostile inputs (issue 19)",
            "",
            "`python bench/run.py hostile` (each input generated, run under `/usr/bin/time -v`, default",
            "`--time-limit 300` per document, parts of 100,000 characters):",
            "",
            "| input | exit | wall s | peak RSS MB | outcome |",
            "|---|---:|---:|---:|---|",
            *rows,
            "",
        ]
    )


if __name__ == "__main__":
    print(run("--quick" in sys.argv))
