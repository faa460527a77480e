"""CPU seconds per pipeline stage on Dutch volume articles, for a before/after comparison.

Run it on two checkouts one after the other on the same machine (CPU seconds, not wall time,
so that other work on the machine matters less)::

    mkdir -p /tmp/before && git archive 2495e4d src | tar -x -C /tmp/before
    python bench/stage_split.py --articles 100 --src /tmp/before/src
    python bench/stage_split.py --articles 100

The models are loaded and warmed first (``scale.warm_up``); the articles are the first
``--articles`` of ``../shared/corpus-volume/dpgmedia2019-nl.jsonl`` (read there, never copied).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
VOLUME = HERE.parent.parent / "shared" / "corpus-volume" / "dpgmedia2019-nl.jsonl"


def split(articles: int) -> tuple[int, dict[str, float]]:
    """The words of the articles and the CPU seconds of annotation and of each stage."""
    from powermap.annotate import get_annotator
    from powermap.extract import ExtractionContext, Extractor
    from powermap.records import Document, ExtractionRecord, document_id
    from powermap.scale import warm_up

    texts = []
    with VOLUME.open(encoding="utf-8") as lines:
        for line in lines:
            texts.append(json.loads(line)["text"])
            if len(texts) == articles:
                break
    extractor = Extractor()
    warm_up(extractor)
    annotator = get_annotator("nl")
    cpu: dict[str, float] = defaultdict(float)
    for text in texts:
        document = Document(id=document_id(text), text=text, language="nl", published="2019-03-01")
        ctx = ExtractionContext(record=ExtractionRecord(document=document), annotator=annotator)
        started = time.process_time()
        ctx.doc  # noqa: B018 (annotation is timed on its own)
        cpu["annotate"] += time.process_time() - started
        for stage in extractor.stages:
            started = time.process_time()
            stage(ctx)
            cpu[type(stage).produces] += time.process_time() - started
    return sum(len(t.split()) for t in texts), dict(cpu)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--src", type=Path, default=HERE.parent / "src", help="the powermap source tree to measure")
    args = parser.parse_args()
    sys.path.insert(0, str(args.src))
    words, cpu = split(args.articles)
    total = sum(cpu.values())
    after_model = total - cpu["annotate"]
    print(f"{args.src}: {args.articles} articles, {words:,} words, {total:.2f} CPU-s ({words / total:,.0f} words per "
          f"CPU-second); the model {cpu['annotate']:.2f} s, the stages after it {after_model:.2f} s; the pipeline at "
          f"{cpu['annotate'] / total:.2f} of the model's speed")  # fmt: skip
    print("| stage | CPU s |\n|---|---:|\n" + "\n".join(f"| {name} | {seconds:.2f} |" for name, seconds in cpu.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
