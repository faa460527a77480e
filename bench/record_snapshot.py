"""Records before and after a speed change: write every record of a document set, then compare.

A hot-spot fix must leave every extraction record identical. Take a snapshot on the commit
before the change and one after, then compare them::

    python bench/record_snapshot.py write /tmp/before.jsonl          # dev set, seeds, 100 volume articles
    python bench/record_snapshot.py write /tmp/after.jsonl
    python bench/record_snapshot.py compare /tmp/before.jsonl /tmp/after.jsonl   # exits 1 on any difference

Documents come from ``../shared`` (read there, never copied into the repository): the Dutch and
English dev sets, the seed articles and the first ``--volume`` Dutch volume articles.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import nullcontext
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
sys.path.insert(0, str(HERE.parent / "src"))


def documents(volume: int) -> Iterator[tuple[str, str, str]]:
    """(name, language, text) of the dev set, the seeds and ``volume`` Dutch volume articles."""
    for folder in ("corpus-dev/nl", "corpus-dev/en", "corpus"):
        for path in sorted((SHARED / folder).glob("*.txt")):
            language = folder.rsplit("/", 1)[-1] if folder.startswith("corpus-dev") else "nl"
            yield f"{folder}/{path.name}", language, path.read_text(encoding="utf-8")
    if volume:
        with (SHARED / "corpus-volume" / "dpgmedia2019-nl.jsonl").open(encoding="utf-8") as lines:
            for serial, line in enumerate(lines):
                if serial == volume:
                    break
                yield f"volume/{serial}", "nl", json.loads(line)["text"]


def write(out: Path, volume: int, batch: int = 1) -> int:
    """Every record, each document extracted alone, or with ``batch`` > 1 in batches of that many
    that share a memory zone (``Extractor.batch``, as ``powermap ingest`` runs in one process)."""
    from powermap.extract import Extractor
    from powermap.records import Document, document_id

    extractor = Extractor()
    count = 0
    items = list(documents(volume))
    with out.open("w", encoding="utf-8") as sink:
        for first in range(0, len(items), max(1, batch)):
            with extractor.batch() if batch > 1 else nullcontext():
                for name, language, text in items[first : first + max(1, batch)]:
                    document = Document(id=document_id(text), text=text, language=language, published="2019-03-01")
                    record = extractor(document).to_dict()
                    sink.write(json.dumps({"name": name, "record": record}, ensure_ascii=False, sort_keys=True) + "\n")
                    count += 1
    print(f"wrote {count} records to {out}", file=sys.stderr)
    return 0


def _load(path: Path) -> dict[str, dict]:
    with path.open(encoding="utf-8") as lines:
        return {row["name"]: row["record"] for row in map(json.loads, lines)}


def compare(before: Path, after: Path) -> int:
    """0 when both snapshots hold the same documents with identical records; else 1, naming the first keys."""
    old, new = _load(before), _load(after)
    differ = []
    for name in sorted(old.keys() | new.keys()):
        if old.get(name) != new.get(name):
            record_old, record_new = old.get(name) or {}, new.get(name) or {}
            keys = sorted(k for k in record_old.keys() | record_new.keys() if record_old.get(k) != record_new.get(k))
            differ.append(f"{name}: {', '.join(keys) or 'missing'}")
    print(f"{len(old)} and {len(new)} records; {len(differ)} differ", file=sys.stderr)
    for line in differ[:20]:
        print("  " + line, file=sys.stderr)
    return 1 if differ else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    writer = commands.add_parser("write")
    writer.add_argument("out", type=Path)
    writer.add_argument("--volume", type=int, default=100, help="Dutch volume articles to include")
    writer.add_argument("--batch", type=int, default=1, help="documents per shared memory zone (as ingest runs)")
    comparer = commands.add_parser("compare")
    comparer.add_argument("before", type=Path)
    comparer.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "write":
        return write(args.out, args.volume, args.batch)
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
