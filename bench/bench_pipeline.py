"""The whole extraction pipeline, stage by stage, on the seed articles and on Dutch volume articles.

Run with ``python bench/run.py pipeline``. Each seed article is annotated and extracted
several times in one process (models loaded once, first round discarded as warm-up, so
per-process caches such as the actor linker's fuzzy-match answers per name are warm, as they
are after the first documents of a real corpus); the table gives CPU seconds per stage and
words per CPU-second, so the slow stage is plain. The second table splits the CPU seconds of
the first Dutch volume articles (``../shared/corpus-volume``, ``bench/stage_split.py``) into
the model and each stage after it: the pipeline's speed against its model's.
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))


def run(quick: bool = False) -> str:
    from powermap.annotate import get_annotator
    from powermap.extract import ExtractionContext, Extractor
    from powermap.ingest.dateline import estimate_published
    from powermap.records import Document, ExtractionRecord, document_id

    rounds = 2 if quick else 4
    files = sorted((SHARED / "corpus").glob("*.txt"))
    texts = [f.read_text(encoding="utf-8") for f in files]
    words = sum(len(t.split()) for t in texts)
    extractor = Extractor()
    annotator = get_annotator("nl")
    cpu: dict[str, float] = defaultdict(float)
    for round_number in range(rounds):
        for text in texts:
            doc = Document(id=document_id(text), text=text, language="nl", published=estimate_published(text, "nl"))
            ctx = ExtractionContext(record=ExtractionRecord(document=doc), annotator=annotator)
            started = time.process_time()
            ctx.doc  # noqa: B018 (annotation is timed on its own)
            timings = {"annotate": time.process_time() - started}
            for stage in extractor.stages:
                started = time.process_time()
                stage(ctx)
                timings[type(stage).produces] = time.process_time() - started
            if round_number:  # the first round warms caches and lazy loads
                for name, seconds in timings.items():
                    cpu[name] += seconds
    measured = rounds - 1
    total = sum(cpu.values())
    lines = [
        "## Extraction pipeline, stage by stage",
        "",
        f"The {len(files)} seed articles ({words:,} words), {measured} rounds after a warm-up round, one process, "
        f"annotator `{annotator.info.name}`; caches warm after the first round. "
        "Reproduce: `python bench/run.py pipeline`.",
        "",
        "| stage | CPU s per round | share | words per CPU-second |",
        "|---|---:|---:|---:|",
    ]
    for name, seconds in cpu.items():
        per_round = seconds / measured
        rate = words / per_round if per_round else float("inf")
        lines.append(f"| {name} | {per_round:.3f} | {seconds / total:.0%} | {rate:,.0f} |")
    lines.append(f"| **all** | {total / measured:.3f} | 100% | {words * measured / total:,.0f} |")
    if (SHARED / "corpus-volume").exists():
        lines += ["", *volume_split(50 if quick else 150)]
    return "\n".join(lines) + "\n"


def volume_split(articles: int) -> list[str]:
    """The model and each stage after it on the first Dutch volume articles, in CPU seconds."""
    sys.path.insert(0, str(ROOT / "bench"))
    from stage_split import split

    words, cpu = split(articles)
    total = sum(cpu.values())
    after = total - cpu["annotate"]
    return [
        f"Dutch volume corpus, the first {articles} articles ({words:,} words), one process, models loaded and "
        f"warmed first (`python bench/stage_split.py --articles {articles}`): the model {cpu['annotate']:.2f} CPU-s "
        f"({words / cpu['annotate']:,.0f} words per CPU-second), the stages after it {after:.2f} s; the whole "
        f"pipeline {words / total:,.0f} words per CPU-second, {cpu['annotate'] / total:.2f} of the model's speed.",
        "",
        "| stage | CPU s | share |",
        "|---|---:|---:|",
        *(f"| {name} | {seconds:.2f} | {seconds / total:.0%} |" for name, seconds in cpu.items()),
    ]


if __name__ == "__main__":
    print(run(quick="--quick" in sys.argv))
