"""Quote records for the external quote corpora, in the form their scorers read, then the score.

    python bench/quote_corpora.py polnear [--split dev] [--out /tmp/polnear-dev.jsonl]
    python bench/quote_corpora.py openboek [--out /tmp/openboek.jsonl]

Runs powermap's ``actors`` and ``quotes`` stages (the quote stage needs nothing else) on
every text of ``../shared/data/polnear/<split>/text`` (English) or
``../shared/data/openboek-quotes`` (Dutch), one document at a time: a document that fails is
reported on stderr and written with no quotes, so it never stops the run. Writes one JSON
record per line (``document.path`` is the source file, which the scorers match on), then runs
``../shared/tools/score_polnear.py`` or ``score_openboek.py`` on it and prints the scores.

Both corpora annotate a speaker as the words that name it (PolNeAR's Source, OpenBoek's speaker
mention; often a pronoun: *he* in *"…," he said*), and both scorers credit a speaker whose actor
has a mention over those words. A powermap actor lists the mentions of its name only (the
project's gold has no pronoun mentions), so each quote's ``speaker_mention`` (the words the
quote stage read the speaker from) is added to its speaker's mentions first
(``with_speaker_mentions``): the record then says, as the corpora do, which words named the
speaker. Whether a pronoun was resolved to the right person is not what these scorers check.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Callable
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


def with_speaker_mentions(record: dict) -> dict:
    """``record`` (a record dict) with each quote's ``speaker_mention`` among the mentions of
    its speaker (where no mention of that actor covers it yet)."""
    actors = {a["id"]: a for a in record.get("actors") or []}
    for quote in record.get("quotes") or []:
        words, actor = quote.get("speaker_mention"), actors.get(quote.get("speaker"))
        if not words or actor is None:
            continue
        if not any(m["start"] < words["end"] and words["start"] < m["end"] for m in actor["mentions"]):
            actor["mentions"].append(dict(words))
    for actor in actors.values():
        actor["mentions"].sort(key=lambda m: (m["start"], m["end"]))
    return record


def extract(files: list[Path], language: str, out: Path, convert: Callable[[dict], dict] | None = None) -> int:
    """Write one record per file to ``out`` (through ``convert`` when given); returns the
    number of documents that failed."""
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
            data = record.to_dict()
            sink.write(json.dumps(convert(data) if convert else data, ensure_ascii=False) + "\n")
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
    failed = extract(files, language, out, with_speaker_mentions)
    print(f"{len(files)} texts, {failed} failed, {time.perf_counter() - began:.0f} s -> {out}", file=sys.stderr)
    command = [sys.executable, str(SHARED / "tools" / scorer), "--data", str(data), "--pred", str(out)]
    if args.corpus == "polnear":
        command += ["--split", args.split]
    return subprocess.call(command)


if __name__ == "__main__":
    sys.exit(main())
