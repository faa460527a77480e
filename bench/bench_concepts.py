"""Concepts by meaning and discourse coalitions on the volume corpora (../shared/corpus-volume).

The store is built once (``powermap ingest`` of both JSON Lines files, long on 2 cores) into
``bench/.cache/volume-store``, or taken from ``$POWERMAP_VOLUME_STORE``. Then, each as a new
process under ``/usr/bin/time -v``:

1. ``powermap concepts --propose`` with an empty embedding cache (embedding + clustering),
2. the same again (cache warm: clustering and labelling only),
3. ``powermap discourse`` (concepts by meaning, coalitions).

Costs are reported per 1,000 statements, with the machine's load (the machine is shared).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
VOLUME = ROOT.parent / "shared" / "corpus-volume"
CACHED = HERE / ".cache" / "volume-store"
POWERMAP = str(Path(sys.executable).parent / "powermap")


def timed(args: list[str], env: dict[str, str] | None = None) -> tuple[dict[str, float], str]:
    """Run ``powermap args`` under /usr/bin/time -v: (user, sys, wall seconds and max RSS MB), stdout."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        done = subprocess.run(
            ["/usr/bin/time", "-v", "-o", report.name, POWERMAP, *args],
            capture_output=True,
            text=True,
            env={**os.environ, **(env or {})},
            check=True,
        )
        text = Path(report.name).read_text()
    fields = {
        "user": r"User time \(seconds\): ([\d.]+)",
        "sys": r"System time \(seconds\): ([\d.]+)",
        "rss_mb": r"Maximum resident set size \(kbytes\): (\d+)",
        "wall": r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)",
    }
    out: dict[str, float] = {}
    for key, pattern in fields.items():
        value = re.search(pattern, text).group(1)  # type: ignore[union-attr]
        if key == "wall":
            parts = [float(p) for p in value.split(":")]
            out[key] = sum(p * 60**i for i, p in enumerate(reversed(parts)))
        else:
            out[key] = float(value) / (1024 if key == "rss_mb" else 1)
    return out, done.stdout


def store_path() -> Path | None:
    given = os.environ.get("POWERMAP_VOLUME_STORE")
    if given:
        return Path(given)
    if not (CACHED / "powermap.db").exists():
        if not VOLUME.is_dir():
            return None
        subprocess.run(
            [POWERMAP, "ingest", *map(str, sorted(VOLUME.glob("*.jsonl"))), "--store", str(CACHED)], check=True
        )
    return CACHED


def run(quick: bool = False) -> str:
    store = store_path()
    head = "## Concepts by meaning and coalitions (`bench/bench_concepts.py`)\n\n"
    if store is None:
        return head + "Not measured: ../shared/corpus-volume is not here.\n"
    import sqlite3

    with sqlite3.connect(f"file:{store / 'powermap.db'}?mode=ro", uri=True) as conn:
        docs, statements = (conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "stances"))
    with tempfile.TemporaryDirectory() as tmp:  # a copy, so the embedding cache starts empty
        work = Path(tmp) / "store"
        shutil.copytree(store, work, ignore=shutil.ignore_patterns("embeddings.sqlite*"))
        load = os.getloadavg()[0]
        cold, _ = timed(["concepts", "--propose", "--store", str(work), "--json", "--quiet"])
        warm, shown = timed(["concepts", "--propose", "--store", str(work), "--json", "--quiet"])
        disc, coalitions = timed(["discourse", "--store", str(work), "--json", "--quiet"])
        load = max(load, os.getloadavg()[0])
    concepts = json.loads(shown)
    result = json.loads(coalitions)
    sizes = sorted((len(c["members"]) for c in result["coalitions"]), reverse=True)
    per = 1000 / max(statements, 1)
    rows = [
        ("concepts --propose, cache empty (embed + cluster)", cold),
        ("concepts --propose, cache warm (cluster + label)", warm),
        ("discourse (by meaning, cache warm)", disc),
    ]
    lines = [
        head,
        f"Store: {docs} documents, {statements} statements. Load average during the runs: up to {load:.1f} "
        f"on {os.cpu_count()} cores (shared machine: wall time stretches with load; CPU time is the cost).\n\n",
        "| run | wall s | CPU s (user+sys) | CPU s per 1,000 statements | max RSS MB |\n|---|---:|---:|---:|---:|\n",
    ]
    for name, t in rows:
        cpu = t["user"] + t["sys"]
        lines.append(f"| {name} | {t['wall']:.1f} | {cpu:.1f} | {cpu * per:.1f} | {t['rss_mb']:.0f} |\n")
    lines.append(
        f"\nConcepts shown (at least 2 statements): {len(concepts)}; the largest: "
        + "; ".join(f"{c['label']} ({c['statements']})" for c in concepts[:8])
        + f".\n\nCoalitions: {len(sizes)} over {len(result['actors'])} actors with stances; the largest holds "
        f"{sizes[0] if sizes else 0} ({(sizes[0] if sizes else 0) / max(len(result['actors']), 1):.0%}).\n\n"
        "Reproduce: `POWERMAP_VOLUME_STORE=STORE python bench/run.py concepts` (without it the store is built "
        "into bench/.cache/volume-store first).\n"
    )
    return "".join(lines)


if __name__ == "__main__":
    print(run())
