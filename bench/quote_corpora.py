"""Quote records for the external quote corpora, in the form their scorers read, then the score.

    python bench/quote_corpora.py polnear [--split dev] [--out /tmp/polnear-dev.jsonl]
    python bench/quote_corpora.py openboek [--out /tmp/openboek.jsonl]

Runs powermap's ``actors`` and ``quotes`` stages (the quote stage needs nothing else) on
every text of ``../shared/data/polnear/<split>/text`` (English) or
``../shared/data/openboek-quotes`` (Dutch), one document at a time: a document that fails is
reported on stderr and written with no quotes, so it never stops the run. Writes one JSON
record per line (``document.path`` is the source file, which the scorers match on), then runs
``../shared/tools/score_polnear.py`` or ``score_openboek.py`` on it and prints the scores.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
CORPORA = {
    "polnear": ("en", "score_polnear.py"),
    "openboek": ("nl", "score_openboek.py"),
}
STAGES = ["actors.v1", "quotes.v1"]


def corpus_files(name: str, data: Path, split: str) -> list[Path]:
    if name == "polnear":
        return sorted((data / split / "text").glob("*.txt"))
    return sorted(data.glob("*.txt"))


def extract(files: list[Path], language: str, out: Path) -> int:
    """Write one record per file to ``out``; returns the number of documents that failed."""
    from powermap.extract import Extractor
    from powermap.records import Document, ExtractionRecord, document_id

    extractor = Extractor(STAGES)
    failed = 0
    with out.open("w", encoding="utf-8") as sink:
        for path in files:
            text = path.read_text(encoding="utf-8")
            document = Document(id=document_id(text), text=text, path=str(path), language=language)
            try:
                record = extractor(document)
            except Exception as err:  # one bad document never stops the batch
                failed += 1
                print(f"failed {path.name}: {type(err).__name__}: {err}", file=sys.stderr)
                record = ExtractionRecord(document=document)
            sink.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
    return failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", choices=sorted(CORPORA))
    parser.add_argument("--split", default="dev", help="PolNeAR split (dev or train)")
    parser.add_argument("--data", type=Path, default=None, help="the corpus folder (default: under ../shared/data)")
    parser.add_argument("--out", type=Path, default=None, help="records file (default: /tmp/<corpus>.jsonl)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N texts (a smoke check)")
    args = parser.parse_args()
    language, scorer = CORPORA[args.corpus]
    data = args.data or SHARED / "data" / ("polnear" if args.corpus == "polnear" else "openboek-quotes")
    if not data.is_dir():
        print(f"no data at {data}", file=sys.stderr)
        return 2
    files = corpus_files(args.corpus, data, args.split)[: args.limit or None]
    out = args.out or Path(f"/tmp/{args.corpus}.jsonl")
    began = time.perf_counter()
    failed = extract(files, language, out)
    print(f"{len(files)} texts, {failed} failed, {time.perf_counter() - began:.0f} s -> {out}", file=sys.stderr)
    command = [sys.executable, str(SHARED / "tools" / scorer), "--data", str(data), "--pred", str(out)]
    if args.corpus == "polnear":
        command += ["--split", args.split]
    return subprocess.call(command)


if __name__ == "__main__":
    sys.exit(main())
