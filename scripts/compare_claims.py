"""Predicted against gold claims, per document, for error analysis (not part of the package).

    powermap extract ../shared/corpus-dev/nl/*.txt --format jsonl > /tmp/nl.jsonl
    python scripts/compare_claims.py ../shared/gold-dev/nl /tmp/nl.jsonl [--errors]

Matching follows the shared scorer (value within 1 %, same unit after folding, one to one,
greedy in gold order). Prints OK / MISS / SPUR lines with each claim's text; a spurious claim
also shows its surroundings in the article, to classify the error.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path, help="folder of NAME.gold.json files")
    parser.add_argument("pred", type=Path, help="powermap extract output (JSON Lines)")
    parser.add_argument("--errors", action="store_true", help="print only misses and spurious claims")
    args = parser.parse_args()
    sys.path.insert(0, str(args.gold.resolve().parents[1] / "tools"))
    from score_extraction import close, unit_of  # the shared scorer's own matching

    preds = {}
    for line in args.pred.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            preds[Path(record["document"]["path"] or "").name] = record
    for path in sorted(args.gold.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        record = preds.get(gold["document"]["file"], {})
        predicted = list(record.get("claims", []))
        text = record.get("document", {}).get("text", "")
        print(f"=== {gold['document']['file']}  gold {len(gold['claims'])}  pred {len(predicted)}")
        used: set[int] = set()
        for g in gold["claims"]:
            hit = next(
                (
                    n
                    for n, p in enumerate(predicted)
                    if n not in used
                    and close(g.get("value"), p.get("value"))
                    and unit_of(g.get("unit")) == unit_of(p.get("unit"))
                ),
                None,
            )
            if hit is not None:
                used.add(hit)
                if not args.errors:
                    print(f"  OK   {g.get('value')!r:>14} {g.get('unit')!s:8} | {g.get('text')!r}")
            else:
                print(f"  MISS {g.get('value')!r:>14} {g.get('unit')!s:8} | {g.get('text')!r}")
        for n, p in enumerate(predicted):
            if n not in used:
                around = text[max(0, p["start"] - 50) : p["end"] + 40].replace("\n", " / ")
                print(f"  SPUR {p['value']!r:>14} {p['unit']:8} | {p['text']!r}  ...{around}...")


if __name__ == "__main__":
    main()
