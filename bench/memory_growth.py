"""Memory over a long run in one process: what a worker keeps as it extracts more and more documents.

``python bench/memory_growth.py --docs 20000 --every 1000`` runs what one forked worker of
``powermap ingest --workers N`` runs (``extract_guarded`` then ``prepare_outcome``) on the first
``--volume`` Dutch volume articles (``../shared/corpus-volume``), then on generated documents
(``bench/generate_corpus.py``, the corpus of ``bench/bench_scale.py``, made in memory), and prints
at every ``--every`` documents: CPU seconds, RSS, the spaCy string store and lexicon of each
loaded model, the rule lemmatizers' caches, the ``functools`` caches of powermap's modules and
the containers the extraction stages hold. ``--trace-from N`` starts ``tracemalloc`` at document
``N`` (once the bounded caches have filled) and prints its largest growths at the end (slow).
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import sys
import time
import tracemalloc
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))


def documents(volume: int, docs: int, seed: int = 11) -> Iterator[tuple[str, str, str | None]]:
    """(text, language, published) of ``volume`` Dutch volume articles, then generated ones up to ``docs``."""
    from generate_corpus import World

    served = 0
    if volume:
        with (SHARED / "corpus-volume" / "dpgmedia2019-nl.jsonl").open(encoding="utf-8") as lines:
            for line in lines:
                if served == min(volume, docs):
                    break
                row = json.loads(line)
                yield row["text"], "nl", row.get("published")
                served += 1
    rng = random.Random(seed)
    world = World(rng)
    start, span = date(2019, 1, 1), 6 * 365
    for serial in range(docs - served):
        published = start + timedelta(days=rng.randrange(span))
        source, _ = world.document(serial, published)
        yield source.text, "en", str(published)


def loaded_models(languages: list[str]) -> dict[str, object]:
    """The spaCy pipelines of the annotators of ``languages`` (loaded by the warm-up), by language."""
    from powermap.annotate.registry import get_annotator

    found = {code: getattr(get_annotator(code), "nlp", None) for code in languages}
    return {code: nlp for code, nlp in found.items() if nlp is not None}


def cache_sizes() -> dict[str, int]:
    """Entries of every ``functools`` cache in powermap's modules (by ``module.function``)."""
    sizes = {}
    for name, module in list(sys.modules.items()):
        if not name.startswith("powermap"):
            continue
        for attr, value in list(vars(module).items()):
            info = getattr(value, "cache_info", None)
            if callable(info) and getattr(value, "__module__", None) == name:
                sizes[f"{name}.{attr}"] = info().currsize
    return sizes


def held_sizes(root: object, prefix: str, depth: int = 3, seen: set[int] | None = None) -> dict[str, int]:
    """Lengths of the dicts, lists and sets reachable through the attributes of ``root`` (``depth`` deep)."""
    seen = seen if seen is not None else set()
    sizes: dict[str, int] = {}
    if id(root) in seen or depth == 0:
        return sizes
    seen.add(id(root))
    attrs = getattr(root, "__dict__", None)
    if attrs is None:
        return sizes
    for name, value in attrs.items():
        path = f"{prefix}.{name}"
        if isinstance(value, dict | list | set | frozenset):
            sizes[path] = len(value)
        elif type(value).__module__.startswith("powermap"):
            sizes.update(held_sizes(value, path, depth - 1, seen))
    return sizes


def snapshot(extractor: object, languages: list[str], done: int, began: float) -> dict:
    models = loaded_models(languages)
    row: dict = {
        "docs": done,
        "cpu_s": round(time.process_time() - began, 1),
        "rss_mib": round(psutil.Process().memory_info().rss / 2**20, 1),
        "strings": {code: len(nlp.vocab.strings) for code, nlp in models.items()},
        "lexemes": {code: sum(1 for _ in nlp.vocab) for code, nlp in models.items()},  # len() counts freed ones too
        "lemmatizer_cache": {
            code: sum(len(pipe.cache) for _, pipe in nlp.pipeline if isinstance(getattr(pipe, "cache", None), dict))
            for code, nlp in models.items()
        },
        "caches": cache_sizes(),
        "held": {},
    }
    for stage in getattr(extractor, "stages", []):
        row["held"].update(held_sizes(stage, type(stage).__name__))
    return row


def growth(first: dict[str, int], last: dict[str, int], top: int = 8) -> list[tuple[str, int, int]]:
    grown = [(k, first.get(k, 0), v) for k, v in last.items() if v > first.get(k, 0)]
    return sorted(grown, key=lambda g: g[1] - g[2])[:top]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=5_000)
    parser.add_argument("--every", type=int, default=1_000)
    parser.add_argument("--volume", type=int, default=0, help="Dutch volume articles first (at most 747)")
    parser.add_argument("--trace-from", type=int, default=0, help="tracemalloc from this document on")
    parser.add_argument("--json", type=Path, help="write the checkpoints here as JSON Lines")
    args = parser.parse_args()

    from powermap.extract import Extractor
    from powermap.ingest.guard import extract_guarded
    from powermap.records import Document, document_id
    from powermap.scale import warm_up
    from powermap.store.prepared import prepare_outcome

    extractor = Extractor()
    languages = warm_up(extractor, ["nl", "en"] if args.volume else ["en"])
    gc.collect()
    began = time.process_time()
    rows = [snapshot(extractor, languages, 0, began)]
    first_trace = None
    out = args.json.open("w", encoding="utf-8") if args.json else None
    failed = 0
    print("docs | CPU s | RSS MiB | strings | lexemes | lemmatizer cache | powermap caches (entries)", flush=True)
    for done, (text, language, published) in enumerate(documents(args.volume, args.docs), start=1):
        document = Document(id=document_id(text), text=text, language=language, published=published)
        outcome = prepare_outcome(extract_guarded(extractor, document, None))
        failed += isinstance(outcome, str)
        if args.trace_from and done == args.trace_from:
            gc.collect()
            tracemalloc.start(8)
            first_trace = tracemalloc.take_snapshot()
        if done % args.every == 0 or done == args.docs:
            row = snapshot(extractor, languages, done, began)
            rows.append(row)
            print(
                f"{done} | {row['cpu_s']} | {row['rss_mib']} | {row['strings']} | {row['lexemes']} | "
                f"{row['lemmatizer_cache']} | {sum(row['caches'].values())}",
                flush=True,
            )
            if out:
                out.write(json.dumps(row) + "\n")
                out.flush()
    print(f"failed: {failed}")
    print("functools caches that grew:", growth(rows[1]["caches"] if len(rows) > 1 else {}, rows[-1]["caches"]))
    print("stage containers that grew:", growth(rows[1]["held"] if len(rows) > 1 else {}, rows[-1]["held"]))
    if first_trace is not None:
        gc.collect()
        for stat in tracemalloc.take_snapshot().compare_to(first_trace, "traceback")[:12]:
            print(f"{stat.size_diff / 2**20:+.1f} MiB {stat.count_diff:+d} blocks")
            for frame in stat.traceback.format()[-8:]:
                print("    " + frame)
    return 0


if __name__ == "__main__":
    sys.exit(main())
