"""Error classes of predicted events against a gold folder, matched as the shared scorer does.

    python scripts/event_errors.py --gold ../shared/gold-dev/nl --pred /tmp/nl.jsonl [-v]

Per gold event: matched, missed sentence (no predicted event overlaps its sentence), wrong
code (source and target right), wrong source, wrong target, reversed (source and target
swapped), other (same sentence, nothing close). Per unmatched predicted event: spurious in a
gold sentence or spurious elsewhere. Needs ``../shared/tools/score_extraction.py``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from collections import Counter
from pathlib import Path


def scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", type=Path, required=True)
    ap.add_argument("--pred", type=Path, required=True)
    ap.add_argument("--tools", type=Path, default=Path("../shared/tools/score_extraction.py"))
    ap.add_argument("-v", action="store_true", help="print every error")
    args = ap.parse_args()
    sc = scorer(args.tools)
    preds = [json.loads(line) for line in args.pred.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_name = {Path(p["document"]["path"] or "").stem: p for p in preds}
    classes: Counter[str] = Counter()
    for gold_path in sorted(args.gold.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pred = by_name.get(gold_path.name.removesuffix(".gold.json"))
        if pred is None:
            continue
        amap = sc.ActorMap(gold.get("actors", []), pred.get("actors", []))
        pe = pred.get("events", [])
        used: set[int] = set()
        rest = []
        for g in gold.get("events", []):
            groot = sc.root(g.get("cameo_root") or g.get("cameo"))
            hit = next(
                (
                    i
                    for i, p in enumerate(pe)
                    if i not in used
                    and sc.root(p.get("cameo")) == groot
                    and amap(p.get("source")) == g.get("source")
                    and (g.get("target") is None or amap(p.get("target")) == g.get("target"))
                ),
                None,
            )
            if hit is not None:
                used.add(hit)
                classes["matched"] += 1
            else:
                rest.append(g)
        for g in rest:
            groot = sc.root(g.get("cameo_root") or g.get("cameo"))
            near = [p for p in pe if p["start"] < g["end"] and g["start"] < p["end"]]
            gt = g.get("target")
            src = [amap(p.get("source")) for p in near]
            tgt = [amap(p.get("target")) for p in near]
            roots = [sc.root(p.get("cameo")) for p in near]
            if not near:
                kind = "missed sentence"
            elif any(s == g["source"] and (gt is None or t == gt) for s, t in zip(src, tgt, strict=True)):
                kind = "wrong code"
            elif any(t == g["source"] and s == g.get("target") for s, t in zip(src, tgt, strict=True)):
                kind = "reversed"
            elif any(r == groot and s == g["source"] for r, s in zip(roots, src, strict=True)):
                kind = "wrong target"
            elif any(r == groot and (gt is None or t == gt) for r, t in zip(roots, tgt, strict=True)):
                kind = "wrong source"
            else:
                kind = "other in sentence"
            classes[kind] += 1
            if args.v:
                got = [(p.get("source"), p.get("target"), p.get("cameo")) for p in near]
                print(f"{gold_path.stem} {kind}: gold {g['source']} -> {g.get('target')} {g.get('cameo')} | pred {got}")
                print("   ", g["sentence"][:200])
        gold_spans = [(g["start"], g["end"]) for g in gold.get("events", [])]
        for i, p in enumerate(pe):
            if i in used:
                continue
            inside = any(p["start"] < e and s < p["end"] for s, e in gold_spans)
            classes["spurious (gold sentence)" if inside else "spurious (elsewhere)"] += 1
            if args.v and not inside:
                got = f"{p.get('source')} -> {p.get('target')} {p.get('cameo')}"
                print(f"{gold_path.stem} spurious: {got} | {p['sentence'][:150]}")
    for kind, n in sorted(classes.items(), key=lambda kv: -kv[1]):
        print(f"{kind:28s} {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
