"""Quote error report: gold against predicted quotes, per document, for reading misses.

    python bench/quote_errors.py --gold ../shared/gold-dev/nl --pred /tmp/x_nl.jsonl [--doc ID]

Prints, per document, each gold quote as OK (span and speaker), SPK (span right, speaker
wrong: gold -> predicted), or MISS, then each predicted quote that matched no gold quote
(SPUR). Uses the matching rules of ``../shared/tools/score_extraction.py``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path


def _scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, required=True)
    ap.add_argument("--pred", type=Path, required=True)
    ap.add_argument("--scorer", type=Path, default=Path("../shared/tools/score_extraction.py"))
    ap.add_argument("--doc", default=None)
    args = ap.parse_args()
    sc = _scorer(args.scorer)
    preds = {}
    for line in args.pred.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            name = Path(rec["document"].get("file") or rec["document"].get("path") or "").name
            preds[name] = rec
    for gpath in sorted(args.gold.glob("*.gold.json")):
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        name = gold["document"]["file"]
        if args.doc and args.doc not in name:
            continue
        pred = preds.get(name, {"quotes": [], "actors": []})
        amap = sc.ActorMap(gold.get("actors", []), pred.get("actors", []))
        pq = list(pred.get("quotes", []))
        used: set[int] = set()
        print(f"== {name}")
        for g in gold.get("quotes", []):
            best = None
            for i, p in enumerate(pq):
                if i in used or sc.token_f1(g["text"], p.get("text", "")) < 0.5:
                    continue
                if best is None or amap(p.get("speaker")) == g.get("speaker"):
                    best = i
                if amap(p.get("speaker")) == g.get("speaker"):
                    break
            short = g["text"][:110].replace("\n", " ")
            if best is None:
                print(f"  MISS [{g['kind']}] ({g.get('speaker')}, cue={g.get('cue')}) @{g['start']}: {short}")
                continue
            used.add(best)
            p = pq[best]
            if amap(p.get("speaker")) == g.get("speaker"):
                print(f"  OK   [{g['kind']}] ({g.get('speaker')}) {short[:60]}")
            else:
                print(
                    f"  SPK  [{g['kind']}] gold={g.get('speaker')} pred={p.get('speaker')} "
                    f"cue={p.get('cue')}: {short[:80]}"
                )
        for i, p in enumerate(pq):
            if i not in used:
                print(
                    f"  SPUR [{p.get('kind')}] ({p.get('speaker')}, cue={p.get('cue')}) "
                    f"@{p.get('start')}: {p.get('text', '')[:100]}"
                )


if __name__ == "__main__":
    sys.exit(main())
