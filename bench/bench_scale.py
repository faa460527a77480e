"""Throughput end to end: generated documents ingested by one process and by forked workers.

``python bench/bench_scale.py --docs 2000 --workers 0 2`` writes ``--docs`` documents of the
project's corpus generator (``bench/generate_corpus.py``: synthetic English dispatches, no real
text) as JSON Lines (``--volume 180``: the first 180 Dutch volume articles instead), then times
``powermap ingest`` on them once per ``--workers`` value under ``/usr/bin/time -v`` (wall, CPU =
user + sys, peak RSS), sampling each worker's RSS; the parent's own CPU seconds and its reaped
workers' are read from ``getrusage`` when the command exits. It also
measures, in one process, the Dutch model alone against the whole pipeline on the same Dutch
volume articles (``../shared/corpus-volume``), in words per CPU-second. ``python bench/run.py
scale`` writes the section of BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"
CACHE = HERE / ".cache"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(HERE))


def write_corpus(docs: int, seed: int = 11) -> Path:
    """``docs`` generated documents as JSON Lines (cached in ``bench/.cache``)."""
    from generate_corpus import World

    CACHE.mkdir(parents=True, exist_ok=True)
    (CACHE / ".gitignore").write_text("*\n", encoding="utf-8")
    path = CACHE / f"scale-{docs}-{seed}.jsonl"
    if path.exists():
        return path
    rng = random.Random(seed)
    world = World(rng)
    start, span = date(2019, 1, 1), 6 * 365
    with path.open("w", encoding="utf-8") as out:
        for serial in range(docs):
            published = start + timedelta(days=rng.randrange(span))
            source, _ = world.document(serial, published)
            row = {"text": source.text, "title": source.title, "published": str(published), "language": "en"}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def volume_corpus(articles: int, folder: Path) -> Path:
    """The first ``articles`` Dutch volume articles as an ingest input in ``folder``."""
    source = SHARED / "corpus-volume" / "dpgmedia2019-nl.jsonl"
    path = folder / f"volume-nl-{articles}.jsonl"
    with source.open(encoding="utf-8") as lines, path.open("w", encoding="utf-8") as out:
        for _, line in zip(range(articles), lines, strict=False):
            out.write(line)
    return path


#: ``powermap`` run so that, on exit, it reports its own CPU seconds and its reaped workers'.
_CLI_WITH_RUSAGE = """
import atexit, resource, sys
def report():
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    sys.stderr.write(f"RUSAGE {own.ru_utime + own.ru_stime:.3f} {kids.ru_utime + kids.ru_stime:.3f}\\n")
atexit.register(report)
from powermap.serve.cli.app import main
sys.argv = ["powermap", *sys.argv[1:]]
main()
"""


def _time_field(report: str, label: str) -> str:
    found = re.search(rf"^\s*{re.escape(label)}: (.+)$", report, re.M)
    return found.group(1).strip() if found else ""


def _wall_seconds(text: str) -> float:
    parts = [float(p) for p in text.split(":")]
    return sum(p * 60**i for i, p in enumerate(reversed(parts)))


def ingest_run(corpus: Path, workers: int, keep: Path | None = None) -> dict:
    """One timed ``powermap ingest`` of ``corpus`` into a new store (kept at ``keep``, else
    removed); its figures, with each worker's RSS early and late in the run (flat or growing)."""
    with tempfile.TemporaryDirectory(prefix="powermap-scale-") as tmp:
        store = keep if keep is not None else Path(tmp) / "store"
        if keep is not None and keep.exists():
            raise FileExistsError(f"{keep} already exists: give --keep a new folder")
        command = ["/usr/bin/time", "-v", sys.executable, "-c", _CLI_WITH_RUSAGE, "ingest", str(corpus)]
        command += ["--store", str(store), "--workers", str(workers), "--quiet", "--json"]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        peaks: dict[int, int] = {}
        shared_out: dict[int, int] = {}  # proportional set size: shared pages split among their users
        timeline: list[tuple[float, int]] = []  # (seconds, the largest process's RSS)
        by_docs: list[tuple[int, int, int]] = []  # (documents stored, the largest worker's RSS, the driver's)
        stop = threading.Event()
        began = time.perf_counter()

        def sample() -> None:
            while not stop.is_set():
                try:
                    timer = psutil.Process(process.pid)  # /usr/bin/time: its child is the driver
                    drivers = {c.pid for c in timer.children()}
                    children = timer.children(recursive=True)
                    largest, driver, worker = 0, 0, 0
                    for child in children:
                        memory = child.memory_full_info()
                        peaks[child.pid] = max(peaks.get(child.pid, 0), memory.rss)
                        shared_out[child.pid] = max(shared_out.get(child.pid, 0), memory.pss)
                        largest = max(largest, memory.rss)
                        if child.pid in drivers:
                            driver = memory.rss
                        else:
                            worker = max(worker, memory.rss)
                    timeline.append((time.perf_counter() - began, largest))
                    by_docs.append((stored_documents(store), worker or driver, driver))
                except psutil.Error:
                    pass
                stop.wait(0.5 if time.perf_counter() - began < 120 else 5.0)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        stdout, stderr = process.communicate()
        stop.set()
        sampler.join()
        if process.returncode not in (0, 1):
            raise RuntimeError(f"ingest failed ({process.returncode}): {stderr[-2000:]}")
        summary = json.loads(stdout)
        size = sum(p.stat().st_size for p in store.glob("powermap.db*"))
    own = re.search(r"^RUSAGE ([\d.]+) ([\d.]+)$", stderr, re.M)
    rss = sorted(peaks.values(), reverse=True)
    tenth = max(1, len(timeline) // 10)
    early = max((r for _, r in timeline[tenth : 2 * tenth]), default=0)  # after start-up, before a tenth more
    late = max((r for _, r in timeline[-tenth:]), default=0)
    return {
        "rss_early_late_mib": (early / 2**20, late / 2**20),
        "rss_by_documents": rss_at_marks(by_docs),
        "workers": workers,
        "wall": _wall_seconds(_time_field(stderr, "Elapsed (wall clock) time (h:mm:ss or m:ss)")),
        "cpu": float(_time_field(stderr, "User time (seconds)")) + float(_time_field(stderr, "System time (seconds)")),
        "minor_faults": int(_time_field(stderr, "Minor (reclaiming a frame) page faults") or 0),
        "parent_cpu": float(own.group(1)) if own else None,
        "workers_cpu": float(own.group(2)) if own else None,
        "max_rss_mib": int(_time_field(stderr, "Maximum resident set size (kbytes)")) / 1024,
        "process_rss_mib": [r / 2**20 for r in rss],
        "process_pss_mib": [p / 2**20 for p in sorted(shared_out.values(), reverse=True)],
        "stored": summary["stored"] + summary["near_duplicates"],
        "failed": summary["failed"],
        "store_mib": size / 2**20,
    }


def stored_documents(store: Path) -> int:
    """Documents in the store an ingest is writing (0 before it exists)."""
    import sqlite3

    try:
        conn = sqlite3.connect(f"file:{store / 'powermap.db'}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


#: Documents stored at which the RSS is reported (flat or growing).
RSS_MARKS = (1_000, 5_000, 20_000, 50_000, 100_000)


def rss_at_marks(samples: list[tuple[int, int, int]]) -> list[tuple[int, float, float]]:
    """(documents, the largest worker's RSS MiB, the driver's) at the first sample past each mark."""
    found = []
    for mark in RSS_MARKS:
        past = [s for s in samples if s[0] >= mark]
        if past:
            found.append((mark, past[0][1] / 2**20, past[0][2] / 2**20))
    return found


def model_versus_pipeline(articles: int) -> dict:
    """CPU seconds of the Dutch model alone and of the whole pipeline on the same volume articles.

    The pipeline runs first, as ``powermap ingest`` runs in one process: ``extract_guarded`` per
    document, in batches of ``ingest.run.ZONE_BATCH`` documents that share a memory zone
    (``Extractor.batch``), on a vocabulary that has not met the articles' words (its zones free
    them again). Then the model alone, outside any zone (its cheapest way: each new word is added
    once and stays), as the annotator runs it and on whole texts."""
    from powermap.annotate import get_annotator
    from powermap.extract import Extractor
    from powermap.ingest.guard import extract_guarded
    from powermap.ingest.run import ZONE_BATCH
    from powermap.records import Document, document_id
    from powermap.scale import warm_up

    path = SHARED / "corpus-volume" / "dpgmedia2019-nl.jsonl"
    texts = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            texts.append(json.loads(line)["text"])
            if len(texts) == articles:
                break
    words = sum(len(t.split()) for t in texts)
    extractor = Extractor()
    warm_up(extractor)
    annotator = get_annotator("nl")
    started = time.process_time()
    for first in range(0, len(texts), ZONE_BATCH):
        with extractor.batch():
            for text in texts[first : first + ZONE_BATCH]:
                document = Document(id=document_id(text), text=text, language="nl", published="2019-03-01")
                extract_guarded(extractor, document, None)
    pipeline = time.process_time() - started
    nlp = getattr(annotator, "nlp", None)
    raw = None
    if nlp is not None:
        started = time.process_time()
        for text in texts:
            nlp(text)
        raw = time.process_time() - started
    started = time.process_time()
    for text in texts:
        annotator(text)
    model = time.process_time() - started
    return {"articles": len(texts), "words": words, "raw": raw, "model": model, "pipeline": pipeline}


def driver_phases(corpus: Path, workers: int) -> dict:
    """The driver's CPU seconds by phase in an ingest of ``corpus`` on ``workers`` forked workers (run
    in a fresh process: ``--phases-of``): before the fork (imports, the store, the language sample),
    the warm-up and the fork, after it (reading, writing), and the workers' own."""
    import resource

    def cpu() -> float:
        own = resource.getrusage(resource.RUSAGE_SELF)
        return own.ru_utime + own.ru_stime

    from powermap.extract import Extractor
    from powermap.ingest.options import IngestOptions
    from powermap.ingest.run import ingest
    from powermap.scale import ForkPool
    from powermap.store import open_store

    marks: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="powermap-phases-") as tmp:
        store = open_store(Path(tmp) / "store")
        extractor = Extractor()
        pool = ForkPool(extractor, workers)
        start = pool.start

        def timed_start(languages=None) -> None:
            marks["before"] = cpu()
            start(languages)
            marks["forked"] = cpu()

        pool.start = timed_start  # type: ignore[method-assign]
        report = ingest([str(corpus)], store, IngestOptions(), extractor, parallel=pool)
        marks["end"] = cpu()
        children = psutil.Process().children()
        worker_cpu = sum(c.cpu_times().user + c.cpu_times().system for c in children)
        pool.close()
        store.close()
    return {
        "before_fork": marks["before"],
        "warm_up_and_fork": marks["forked"] - marks["before"],
        "after_fork": marks["end"] - marks["forked"],
        "workers": worker_cpu,
        "warmed": pool.warmed,
        "stored": report.counts["stored"] + report.counts["near-duplicate"],
    }


def phases_section(phases: dict, what: str, workers: int, command: str) -> str:
    total = phases["before_fork"] + phases["warm_up_and_fork"] + phases["after_fork"] + phases["workers"]
    rows = [
        ("driver, before the fork (imports, store, reading the language sample)", phases["before_fork"]),
        (f"driver, warm-up ({', '.join(phases['warmed'])}) and fork", phases["warm_up_and_fork"]),
        ("driver, after the fork (reading, duplicate checks, writing)", phases["after_fork"]),
        (f"{workers} workers (extraction, records prepared for the store)", phases["workers"]),
    ]
    lines = [
        f"The driver's CPU seconds by phase, {what} on {workers} workers (`{command}`, {phases['stored']} stored):",
        "",
        "| phase | CPU s | share |",
        "|---|---:|---:|",
        *[f"| {name} | {value:.2f} | {value / total:.0%} |" for name, value in rows],
    ]
    return "\n".join(lines) + "\n"


def _cpu_split(run: dict) -> str:
    """The parent's CPU seconds, its workers', and the parent's share of the two."""
    if run["parent_cpu"] is None:
        return "- | - | -"
    share = run["parent_cpu"] / max(run["parent_cpu"] + run["workers_cpu"], 1e-9)
    return f"{run['parent_cpu']:.1f} | {run['workers_cpu']:.1f} | {share:.0%}"


def section(docs: int, runs: list[dict], speed: dict | None, volume: int = 0) -> str:
    by_workers = {r["workers"]: r for r in runs}
    rows = []
    for r in runs:
        per_worker = ", ".join(f"{m:.0f}" for m in r["process_rss_mib"]) or "-"
        per_worker += " (PSS " + (", ".join(f"{m:.0f}" for m in r["process_pss_mib"]) or "-") + ")"
        rows.append(
            f"| {r['workers'] or 'in process'} | {r['stored']:,} | {r['failed']} | {r['wall']:.0f} | {r['cpu']:.1f} | "
            f"{_cpu_split(r)} | {r['minor_faults'] / 1e6:.2f} | {r['stored'] / r['wall']:.1f} | "
            f"{r['max_rss_mib']:.0f} | {per_worker} | "
            f"{r['rss_early_late_mib'][0]:.0f} / {r['rss_early_late_mib'][1]:.0f} | "
            f"{r['store_mib'] / max(r['stored'], 1) * 1000:.1f} |"
        )
    what = (
        f"the first {docs:,} Dutch volume articles (`../shared/corpus-volume`)"
        if volume
        else f"{docs:,} generated documents (`bench/generate_corpus.py`, synthetic English dispatches)"
    )
    lines = [
        "## Throughput end to end (`bench/bench_scale.py`)",
        "",
        f"`powermap ingest` of {what}, in one process and on forked workers, each run under `/usr/bin/time -v` "
        f"on this machine (2 cores; load average at the end {psutil.getloadavg()[0]:.1f}). Parent and workers: "
        "CPU seconds (user + sys) of the `powermap` process itself and of its reaped worker processes "
        "(`getrusage`); the parent's share is of the two together.",
        "",
        "| workers | stored | failed | wall s | CPU s | parent CPU s | workers CPU s | parent's share "
        "| minor page faults (millions) | documents per wall-second | peak RSS MiB (largest process) "
        "| peak RSS MiB per child process | largest child's RSS MiB early / late in the run "
        "| store MiB per 1,000 documents |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---:|",
        *rows,
    ]
    for r in runs:
        if r.get("rss_by_documents"):
            marks = "; ".join(
                f"{d:,}: {worker:.0f}" + (f" (driver {driver:.0f})" if r["workers"] else "")
                for d, worker, driver in r["rss_by_documents"]
            )
            who = f"largest worker's RSS MiB ({r['workers']} workers)" if r["workers"] else "the process's RSS MiB"
            lines += ["", f"By documents stored, the {who}: {marks}."]
    base = by_workers.get(0) or by_workers.get(1)
    for w, r in sorted(by_workers.items()):
        if base is not None and w >= 2:
            lines += ["", f"**{w} workers: {base['wall'] / r['wall']:.2f}x the wall-time speed of one process.**"]
            per_doc = r["wall"] / r["stored"]
            lines.append(
                f"At that rate 100,000 such documents take {per_doc * 100_000 / 3600:.1f} h here; "
                f"on paper, with the same per-core rate, {per_doc * 100_000 * w / 8 / 3600:.1f} h on 8 cores and "
                f"{per_doc * 100_000 * w / 32 / 3600:.2f} h on 32 (one writer process: measure before relying on it)."
            )
    if speed:
        model_rate = speed["words"] / speed["model"]
        pipeline_rate = speed["words"] / speed["pipeline"]
        lines += [
            "",
            f"Dutch volume corpus, {speed['articles']} articles ({speed['words']:,} words), one process, models "
            f"loaded and warmed first: the spaCy model alone {model_rate:,.0f} words per CPU-second as the annotator "
            f"runs it (paragraph by paragraph)"
            + (f", {speed['words'] / speed['raw']:,.0f} on whole texts" if speed["raw"] else "")
            + f"; the whole pipeline {pipeline_rate:,.0f} ({pipeline_rate / model_rate:.2f} of the model's speed).",
        ]
    workers = " ".join(str(r["workers"]) for r in runs)
    corpus = f"--volume {docs}" if volume else f"--docs {docs}"
    lines += ["", f"Reproduce: `python bench/bench_scale.py {corpus} --workers {workers}`; the 100,000-document "
              "run end to end with the API load test on its store: `make bench-100k`.", ""]  # fmt: skip
    return "\n".join(lines)


def _phases_in_fresh_process(corpus: Path, workers: int) -> dict:
    command = [sys.executable, __file__, "--phases-of", str(corpus), "--workers", str(workers)]
    return json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)


def measure(
    docs: int,
    workers: list[int],
    articles: int,
    keep: Path | None = None,
    api: bool = False,
    volume: int = 0,
    phased: bool = False,
) -> str:
    """The section: ingest runs per ``workers`` (the last one's store kept at ``keep``, and with
    ``api`` load-tested by ``bench_api``), and the model against the pipeline on ``articles``.
    With ``volume``, the runs ingest that many Dutch volume articles instead of ``docs`` generated ones."""
    if volume:
        with tempfile.TemporaryDirectory(prefix="powermap-volume-") as folder:
            corpus = volume_corpus(volume, Path(folder))
            runs = [ingest_run(corpus, w, keep if w == workers[-1] else None) for w in workers]
            phases = _phases_in_fresh_process(corpus, max(workers)) if phased and max(workers) else None
        speed = model_versus_pipeline(articles) if articles else None
        text = section(volume, runs, speed, volume=volume)
        if phases:
            command = f"python bench/bench_scale.py --volume {volume} --workers {max(workers)} --articles 0 --phases"
            text += "\n" + phases_section(phases, f"the first {volume} Dutch volume articles", max(workers), command)
        return text
    corpus = write_corpus(docs)
    if api and keep is None:
        keep = CACHE / f"ingested-{docs}"
        if keep.exists():
            import shutil

            shutil.rmtree(keep)
    runs = [ingest_run(corpus, w, keep if w == workers[-1] else None) for w in workers]
    speed = model_versus_pipeline(articles) if articles else None
    text = section(docs, runs, speed)
    if api and keep is not None:
        from bench_api import measure_store

        what = (
            f"the store the last run above ingested ({docs:,} generated documents through the whole pipeline, "
            "{size:,.0f} MiB)"
        )
        load, _worst = measure_store(keep, what, 20, 8, 1000)
        text += "\n" + load.replace("## The API on a large store (`bench/bench_api.py`)", "### The API on that store")
    return text


def run(quick: bool) -> str:
    return measure(200 if quick else 2_000, [0, 2], 20 if quick else 100)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2_000)
    parser.add_argument("--volume", type=int, default=0, help="ingest this many Dutch volume articles instead")
    parser.add_argument("--workers", type=int, nargs="+", default=[0, 2])
    parser.add_argument("--articles", type=int, default=100, help="Dutch volume articles for the model test (0: skip)")
    parser.add_argument("--keep", type=Path, help="keep the last run's store in this (new) folder")
    parser.add_argument("--api", action="store_true", help="then load-test the API on it (bench/bench_api.py)")
    parser.add_argument("--phases", action="store_true", help="with --volume: the driver's CPU by phase")
    parser.add_argument("--phases-of", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phases_of:
        print(json.dumps(driver_phases(args.phases_of, max(args.workers))))
        return 0
    print(measure(args.docs, args.workers, args.articles, args.keep, args.api, args.volume, args.phases))
    return 0


if __name__ == "__main__":
    sys.exit(main())
