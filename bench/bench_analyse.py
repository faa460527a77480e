"""Analysis commands timed on a synthetic corpus (``generate_corpus.py``; 10,000 documents, 2019-2025).

Each command runs in-process through the Typer app (``CliRunner``), so a figure is the
command's own time (opening the store, querying, analysing, writing its output) without
the interpreter's start-up; the start-up of a fresh ``powermap`` process is measured once
on its own. Median of three runs after one warm-up.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_corpus import CONCEPTS, cached_store

BUDGET_S = 1.0


def _commands(store: str, out: Path, concepts: Path) -> list[tuple[str, list[str]]]:
    s = ["--store", store]
    return [
        ("dyad RUS ARM --by month --json", ["dyad", "RUS", "ARM", "--by", "month", "--json", *s]),
        ("dyad RUS --by week (against all)", ["dyad", "RUS", "--by", "week", *s]),
        (
            "network --since 2022-02 --export net.gexf",
            ["network", "--since", "2022-02", "--export", str(out / "n.gexf"), *s],
        ),
        (
            "network --type state --export net.graphml",
            ["network", "--type", "state", "--export", str(out / "n.graphml"), *s],
        ),
        ("network --export edges.parquet", ["network", "--export", str(out / "edges.parquet"), *s]),
        (
            "discourse --concepts FILE --export ties.csv",
            ["discourse", "--concepts", str(concepts), "--export", str(out / "t.csv"), *s],
        ),
        ("discourse --export discourse.gexf", ["discourse", "--export", str(out / "d.gexf"), *s]),
        ("export events --format csv", ["export", "events", "--format", "csv", "--out", str(out / "csv"), *s]),
        ("export all --format csv", ["export", "all", "--format", "csv", "--out", str(out / "csv"), *s]),
        ("export all --format parquet", ["export", "all", "--format", "parquet", "--out", str(out / "pq"), *s]),
        ("export events --format gdelt", ["export", "events", "--format", "gdelt", "--out", str(out / "g"), *s]),
        ("export stances --format dna", ["export", "stances", "--format", "dna", "--out", str(out / "g"), *s]),
        ("changes --by year --json", ["changes", "--by", "year", "--json", *s]),
        ("brief --period 2024 --out brief.html", ["brief", "--period", "2024", "--out", str(out / "b.html"), *s]),
        ("report --out report.html", ["report", "--out", str(out / "r.html"), *s]),
        ("report --actor RUS --out report.html", ["report", "--actor", "RUS", "--out", str(out / "r2.html"), *s]),
    ]


def run(quick: bool) -> str:
    from typer.testing import CliRunner

    from powermap.serve.cli.app import app
    from powermap.store import open_store

    docs = 1_000 if quick else 10_000
    started = time.perf_counter()
    store_path = cached_store(docs)
    prepared = time.perf_counter() - started
    with open_store(store_path, readonly=True) as store:
        counts = store.counts()
        first, last = store.conn.execute("SELECT min(published), max(published) FROM documents").fetchone()
    runner = CliRunner()
    load_before = os.getloadavg()[0]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        concepts = out / "concepts.txt"
        concepts.write_text("# benchmark concepts\n" + "\n".join(CONCEPTS[:8]) + "\n", encoding="utf-8")
        for label, args in _commands(str(store_path), out, concepts):
            times, cpu = [], []
            for _ in range(4):
                t0, c0 = time.perf_counter(), time.process_time()
                result = runner.invoke(app, args)
                times.append(time.perf_counter() - t0)
                cpu.append(time.process_time() - c0)
                if result.exit_code != 0:
                    raise RuntimeError(f"{label} failed: {result.output}\n{result.exception!r}")
            whole = []
            for _ in range(3):  # as a user runs it: a new process, imports and all
                t0 = time.perf_counter()
                subprocess.run([sys.executable, "-m", "powermap", *args], capture_output=True, check=True)
                whole.append(time.perf_counter() - t0)
            rows.append(
                (label, statistics.median(times[1:]), max(times[1:]), statistics.median(cpu[1:]), max(cpu[1:]),
                 statistics.median(whole))
            )  # fmt: skip
        load_after = os.getloadavg()[0]
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "powermap", "--help"], capture_output=True, check=True)
        startup = time.perf_counter() - t0
    lines = [
        "## Analysis commands (`bench/bench_analyse.py`)",
        "",
        f"Synthetic corpus: {counts['documents']:,} documents ({counts['near_duplicates']} near duplicates) "
        f"published {first} to {last}; {counts['events']:,} events, {counts['stances']:,} stances, "
        f"{counts['quotes']:,} quotes, {counts['claims']:,} claims, {counts['actors']} actors. "
        f"Store ready in {prepared:.1f} s (generated through `Store.add` on first use, then cached in "
        f"`bench/.cache/`). {platform.processor() or platform.machine()}, shared machine.",
        "",
        f"Wall time is what a user waits on this machine ({os.cpu_count()} cores shared with other jobs; "
        f"1-minute load average {load_before:.1f} before the runs, {load_after:.1f} after); CPU time is the "
        "command's own work (process CPU time, what the command costs on an idle machine).",
        "",
        "In-process columns time the command inside one Python process (median and max of 3 runs after a "
        "warm-up); the last columns time it as a user runs it from the shell, a new process each time "
        "(interpreter start-up and imports included, median of 3).",
        "",
        "| command | median wall s | max wall s | median CPU s | max CPU s | as a process, wall s | under 1 s |",
        "|---|---:|---:|---:|---:|---:|:---:|",
    ]
    lines += [
        f"| `powermap {label}` | {m:.3f} | {mx:.3f} | {c:.3f} | {cx:.3f} | {w:.3f} "
        f"| {'yes' if w < BUDGET_S else 'NO'} |"
        for label, m, mx, c, cx, w in rows
    ]
    lines += [
        "",
        f"A fresh `powermap --help` process (interpreter and import start-up, paid once per shell command): "
        f"{startup:.2f} s.",
        "",
        "Reproduce: `python bench/run.py analyse` (or `python bench/run.py analyse --quick` on 1,000 documents).",
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(run(quick="--quick" in sys.argv))
