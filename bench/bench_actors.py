"""Actor linking: fuzzy-threshold measurement, gold scores and linking speed.

Run with ``python bench/run.py actors`` (or ``python bench/bench_actors.py``).

1. Fuzzy threshold: rapidfuzz ``ratio`` between transliteration keys. Positives are spelling
   variants (written here, none taken from the corpus) of persons in the base; negatives are every
   other KB person whose key is closest to the variant (the hardest confusions). Precision and
   recall are reported per threshold; ``linker.FUZZY_THRESHOLD`` is set from this table.
2. Gold: actors F1, mentions P/R and the share of the ten most mentioned gold actors per article
   whose predicted mention count is within 10 % (``../shared/gold``, scorer in ``../shared/tools``).
3. Speed: linking alone (gazetteer, candidates, resolution) over the seed articles, without the
   annotator, in characters per second.
4. Recall proxy for unseen text: the share of gold PER/ORG/LOC spans of CoNLL-2002 Dutch
   (``ned.testb``) and WikiGold English that overlap an actor mention, with the default annotator
   of the language (its NER included) and ``actors.v1``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))

#: (variant as a writer might spell it, KB id). Variants of our own making.
VARIANTS = [
    ("Vladimir Poetien", "vladimir_putin"), ("Wladimir Poetin", "vladimir_putin"),
    ("Sergei Lavrow", "sergey_lavrov"), ("Serguei Lavrof", "sergey_lavrov"),
    ("Dimitri Medvedjev", "dmitry_medvedev"), ("Dmitrij Medwedjew", "dmitry_medvedev"),
    ("Alexej Navalni", "alexei_navalny"), ("Aleksei Nawalnyj", "alexei_navalny"),
    ("Volodimir Zelenskij", "volodymyr_zelensky"), ("Wolodymyr Zelenski", "volodymyr_zelensky"),
    ("Xi Jin-ping", "xi_jinping"), ("Recep Tayip Erdogan", "recep_tayyip_erdogan"),
    ("Jevgeni Prigozjin", "yevgeny_prigozhin"), ("Evgeni Prigojin", "yevgeny_prigozhin"),
    ("Sergei Choigu", "sergei_shoigu"), ("Ramsan Kadyrov", "ramzan_kadyrov"),
    ("Dmitri Peskow", "dmitry_peskov"), ("Maria Sacharova", "maria_zakharova"),
    ("Ilham Alijev", "ilham_aliyev"), ("Nikol Pasjinian", "nikol_pashinyan"),
    ("Aleksandr Loekasjenka", "alexander_lukashenko"), ("Benjamin Netanjahu", "benjamin_netanyahu"),
    ("Emanuel Macron", "emmanuel_macron"), ("Olaf Scholtz", "olaf_scholz"),
    ("Antony Blinkin", "antony_blinken"), ("Narendra Modhi", "narendra_modi"),
]  # fmt: skip
#: Invented names (persons not in the base): any fuzzy link above the threshold is a false link.
UNKNOWN = [
    "Karel Veldkamp", "Igor Smirnovsky", "Olga Petrenkova", "Pieter van Damme", "Anna Brouwersma",
    "Mikhail Ostapenko", "Jelena Vasiljeva", "Tomasz Wierzbicki", "Li Wenhao", "Ahmed Benali",
    "Sergej Tsjernykh", "Viktor Bolotnikov", "Dmitri Korsakovsky", "Natalia Oroshenko", "John Whitfield",
    "Maria Holloway", "Vladislav Poetilov", "Andrei Belozerov", "Sofia Lavrentieva", "Emil Navarenko",
]  # fmt: skip
THRESHOLDS = (70, 75, 80, 85, 88, 90, 92, 95)


def fuzzy_table() -> str:
    from rapidfuzz import fuzz, process

    from powermap.kb import load_kb
    from powermap.kb.names import name_keys

    kb = load_kb()
    keys = sorted({(k, i) for k, ids in kb._keys.items() for i in ids})
    choices = [k for k, _ in keys]
    best_right: list[float] = []
    best_wrong: list[float] = []
    for variant, target in VARIANTS:
        right = wrong = 0.0
        for key in name_keys(variant):
            for _, score, idx in process.extract(key, choices, scorer=fuzz.ratio, limit=20):
                if keys[idx][1] == target:
                    right = max(right, score)
                else:
                    wrong = max(wrong, score)
        best_right.append(right)
        best_wrong.append(wrong)
    unknown = []
    for name in UNKNOWN:
        unknown.append(max(process.extractOne(k, choices, scorer=fuzz.ratio)[1] for k in name_keys(name)))
    lines = ["| threshold | variants linked right | variants linked wrong | invented names linked (false) |",
             "|---:|---:|---:|---:|"]  # fmt: skip
    for t in THRESHOLDS:
        found = sum(1 for r, w in zip(best_right, best_wrong, strict=True) if r >= t and r >= w)
        false = sum(1 for r, w in zip(best_right, best_wrong, strict=True) if w >= t and w > r)
        fake = sum(1 for u in unknown if u >= t)
        lines.append(f"| {t} | {found}/{len(VARIANTS)} | {false}/{len(VARIANTS)} | {fake}/{len(UNKNOWN)} |")
    return "\n".join(lines)


def gold_scores() -> tuple[str, list[str]]:
    from powermap.extract import Extractor
    from powermap.records import Document, document_id

    ex = Extractor(["actors.v1"])
    preds, top = [], []
    golds = sorted((SHARED / "gold").glob("*.gold.json"))
    for g in golds:
        gold = json.loads(g.read_text(encoding="utf-8"))
        path = SHARED / "corpus" / gold["document"]["file"]
        text = path.read_text(encoding="utf-8")
        doc = Document(document_id(text), text, str(path), language="nl", published=gold["document"]["published"])
        rec = ex(doc).to_dict()
        preds.append(rec)
        top.append(top10(gold, rec))
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        f.write("\n".join(json.dumps(p, ensure_ascii=False) for p in preds) + "\n")
    out = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "score_extraction.py"), "--gold", str(SHARED / "gold"),
         "--pred", f.name, "--json"], capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    os.unlink(f.name)
    cats = json.loads(out)["categories"]
    rows = ["| measure | P | R | F1 |", "|---|---:|---:|---:|"]
    for cat in ("actors", "mentions"):
        c = cats[cat]
        rows.append(f"| {cat} | {c['precision']:.3f} | {c['recall']:.3f} | {c['f1']:.3f} |")
    return "\n".join(rows), top


def top10(gold: dict, rec: dict) -> str:
    sys.path.insert(0, str(SHARED / "tools"))
    from score_extraction import ActorMap

    amap = ActorMap(gold["actors"], rec["actors"])
    best: dict[str, int] = {}
    for a in rec["actors"]:
        g = amap(a["id"])
        if g:
            best[g] = max(best.get(g, 0), len(a["mentions"]))
    ranked = sorted(gold["actors"], key=lambda a: -len(a["mentions"]))[:10]
    ok = sum(1 for a in ranked if abs(best.get(a["id"], 0) - len(a["mentions"])) <= 0.1 * len(a["mentions"]))
    return f"{gold['document']['file']}: {ok}/10"


def speed(quick: bool) -> str:
    from powermap.extract.actors.linker import Linker

    t0 = time.perf_counter()
    linker = Linker("nl")
    linker("Poetin.", date(2024, 1, 1))
    load = time.perf_counter() - t0
    texts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "corpus").glob("*.txt"))]
    rounds = 2 if quick else 10
    chars = 0
    t0 = time.perf_counter()
    for _ in range(rounds):
        for t in texts:
            linker(t, date(2024, 1, 1))
            chars += len(t)
    dt = time.perf_counter() - t0
    return (
        f"- base load and gazetteer build (once per process): {load:.1f} s\n"
        f"- linking: {chars / dt:,.0f} characters/s ({rounds * len(texts) / dt:.1f} seed articles/s), "
        "without the annotator"
    )


def conll_documents(path: Path, limit: int | None) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """Documents of a CoNLL NER file as (text, gold spans (start, end, type)); IOB1 or IOB2."""
    docs: list[tuple[str, list[tuple[int, int, str]]]] = []
    parts: list[str] = []
    spans: list[tuple[int, int, str]] = []
    pos, cur, prev_blank = 0, None, False

    def close() -> None:
        nonlocal cur
        if cur is not None:
            spans.append(tuple(cur))  # type: ignore[arg-type]
            cur = None

    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        cols = line.split()
        if not cols or cols[0] == "-DOCSTART-":
            close()
            if cols and parts:
                docs.append(("".join(parts), spans))
                parts, spans, pos = [], [], 0
                if limit and len(docs) >= limit:
                    break
            elif not cols and parts and not prev_blank:
                parts.append("\n")
                pos += 1
            prev_blank = not cols
            continue
        prev_blank = False
        tok, tag = cols[0], cols[-1]
        if parts and parts[-1] != "\n":
            parts.append(" ")
            pos += 1
        start = pos
        parts.append(tok)
        pos += len(tok)
        kind = tag[2:] if "-" in tag else None
        if kind is None:
            close()
        elif tag.startswith("B-") or cur is None or cur[2] != kind:
            close()
            cur = [start, pos, kind]
        else:
            cur[1] = pos
    close()
    if parts and not (limit and len(docs) >= limit):
        docs.append(("".join(parts), spans))
    return docs


def ner_recall(quick: bool) -> str:
    """Gold PER/ORG/LOC spans of CoNLL-2002 (nl) and WikiGold (en) that overlap an actor mention."""
    from powermap.annotate import get_annotator
    from powermap.extract.actors.linker import Linker

    sets = [
        ("CoNLL-2002 Dutch `ned.testb`", "nl", SHARED / "data/conll2002-nl/ned.testb"),
        ("WikiGold English", "en", SHARED / "data/english-ner-wikigold/wikigold.conll.txt"),
    ]
    rows = ["| data | annotator | PER | ORG | LOC | all |", "|---|---|---:|---:|---:|---:|"]
    for label, lang, path in sets:
        if not path.exists():
            continue
        annotate, link = get_annotator(lang), Linker(lang)
        found: dict[str, list[int]] = {"PER": [0, 0], "ORG": [0, 0], "LOC": [0, 0]}
        for text, spans in conll_documents(path, 20 if quick else None):
            da = link(text, None, annotate(text))
            ments = sorted(s for a in da.actors.values() for s in a.mentions)
            for s, e, kind in spans:
                if kind in found:
                    found[kind][1] += 1
                    found[kind][0] += any(ms < e and s < me for ms, me in ments)
        cells = [f"{f / n:.3f} ({n})" if n else "-" for f, n in found.values()]
        tot_f, tot_n = sum(f for f, _ in found.values()), sum(n for _, n in found.values())
        rows.append(f"| {label} | {annotate.info.name} | {' | '.join(cells)} | {tot_f / tot_n:.3f} |")
    return "\n".join(rows)


def run(quick: bool) -> str:
    timing = speed(quick)  # first, so that the load time is measured cold
    table, top = gold_scores()
    recall = ner_recall(quick)
    return "\n".join(
        [
            "## Actors (actors.v1)",
            "",
            "Gold (`../shared/gold`, two Dutch seed articles):",
            "",
            table,
            "",
            "Ten most mentioned gold actors per article with a predicted count within 10 %: " + ", ".join(top),
            "",
            "Fuzzy key matching (rapidfuzz ratio on transliteration keys), "
            f"{len(VARIANTS)} variant spellings of KB persons:",
            "",
            fuzzy_table(),
            "",
            "Recall proxy for unseen text: gold PER/ORG/LOC spans that overlap an actor mention "
            "(" + ("first 20 documents" if quick else "all documents") + "; the count of gold spans in brackets):",
            "",
            recall,
            "",
            "Speed:",
            "",
            timing,
            "",
            "Reproduce: `.venv/bin/python bench/run.py actors`",
        ]
    )


if __name__ == "__main__":
    print(run("--quick" in sys.argv))
